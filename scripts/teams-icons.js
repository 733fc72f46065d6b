#!/usr/bin/env node
/*
 * Draws the Teams app icons as real PNGs (no binary files to hand-edit):
 *   teams/<web part id>_color.png    192x192, full-bleed colour (Teams "color" icon);
 *   teams/<web part id>_outline.png   32x32, white on transparent (Teams "outline" icon).
 * The motif is two overlapping rings, the two parties of the agreement sharing one space.
 * Named after the web part's component id, as SPFx's "Sync to Teams" expects them in the .sppkg.
 * Run by `npm run package`; deterministic, so re-running does not change committed files.
 */
'use strict';

const { writeFileSync, mkdirSync } = require('fs');
const { join } = require('path');
const zlib = require('zlib');

const WEB_PART_ID = '92cb83c8-e9d2-4d26-b25a-4a04075c032d';
const TEAMS_DIR = join(__dirname, '..', 'teams');
const BACKGROUND = [0x15, 0x42, 0x73]; // dark blue, readable in Teams light and dark themes
const WHITE = [0xff, 0xff, 0xff];

/** CRC-32 (PNG chunk checksum). */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes an RGBA pixel buffer (size*size*4) as a PNG. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Coverage (0..1) of the motif at a point in unit coordinates (0..1): two rings of radius r and stroke w, centred left
 * and right of the middle so they overlap.
 */
function motif(x, y) {
  const r = 0.24;
  const w = 0.075;
  const centres = [
    [0.38, 0.5],
    [0.62, 0.5],
  ];
  return centres.some(([cx, cy]) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2) ? 1 : 0;
}

/** Renders a square icon with 4x4 supersampling; `background` undefined = transparent. */
function render(size, foreground, background, inset) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (px + (sx + 0.5) / samples) / size;
          const v = (py + (sy + 0.5) / samples) / size;
          // Scale the motif into the inset area (Teams crops colour icons to a rounded square).
          cover += motif((u - inset) / (1 - 2 * inset), (v - inset) / (1 - 2 * inset));
        }
      }
      const a = cover / (samples * samples);
      const i = (py * size + px) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(background[c] * (1 - a) + foreground[c] * a);
        rgba[i + 3] = 255;
      } else {
        for (let c = 0; c < 3; c++) rgba[i + c] = foreground[c];
        rgba[i + 3] = Math.round(a * 255);
      }
    }
  }
  return encodePng(size, rgba);
}

/** Writes both icons; returns their paths. */
function writeTeamsIcons(dir = TEAMS_DIR) {
  mkdirSync(dir, { recursive: true });
  const color = join(dir, `${WEB_PART_ID}_color.png`);
  const outline = join(dir, `${WEB_PART_ID}_outline.png`);
  writeFileSync(color, render(192, WHITE, BACKGROUND, 0.12));
  writeFileSync(outline, render(32, WHITE, undefined, 0));
  return { color, outline };
}

module.exports = { writeTeamsIcons, encodePng, WEB_PART_ID };

if (require.main === module) {
  const paths = writeTeamsIcons();
  console.log(`teams icons: ${paths.color}, ${paths.outline}`);
}
