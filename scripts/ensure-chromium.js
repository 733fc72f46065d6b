#!/usr/bin/env node
/* Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests; installs it with apt-get when missing. */
const { existsSync } = require('fs');
const { execSync } = require('child_process');

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? '' : 'sudo ';
  console.log(`[ensure-chromium] ${CHROMIUM} not found: installing Debian's chromium package`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync(`${sudo}apt-get update -q`, { stdio: 'inherit', env });
  execSync(`${sudo}apt-get install -y -q --no-install-recommends chromium`, { stdio: 'inherit', env });
  if (!existsSync(CHROMIUM)) throw new Error(`chromium installed but ${CHROMIUM} is still missing`);
}

module.exports = { ensureChromium, CHROMIUM };
if (require.main === module) ensureChromium();
