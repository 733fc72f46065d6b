import { newUuid as randomUUID } from '../util';
import type { EmulatorResponse } from '../types';
import { badQuery } from './errors';

/** One request inside a `$batch` body. */
export interface BatchPart {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** HTTP reason phrase for a status. */
export const statusText = (s: number): string => STATUS_TEXT[s] ?? 'Unknown';

function boundaryOf(contentType: string | undefined): string | null {
  const m = /boundary="?([^";]+)"?/i.exec(contentType ?? '');
  return m ? m[1] : null;
}

/** Splits a multipart body into the text of its parts. */
function splitParts(text: string, boundary: string): string[] {
  const lines = text.split('\n');
  const parts: string[] = [];
  let cur: string[] | null = null;
  for (const line of lines) {
    if (line === `--${boundary}` || line === `--${boundary}--`) {
      if (cur) parts.push(cur.join('\n'));
      cur = line.endsWith('--') && line === `--${boundary}--` ? null : [];
      continue;
    }
    if (cur) cur.push(line);
  }
  return parts;
}

function parseHeaders(lines: string[]): Record<string, string> {
  const h: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) h[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return h;
}

/** Parses an OData `$batch` body (as PnPjs writes it: LF lines, GET parts, changesets of writes) into requests in order. */
export function parseBatch(body: string, contentType: string | undefined): BatchPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw badQuery('The $batch request needs a multipart/mixed Content-Type with a boundary.');
  const text = body.replace(/\r\n/g, '\n');
  const out: BatchPart[] = [];
  const readHttp = (part: string): void => {
    const lines = part.split('\n');
    let i = 0;
    const outer: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') outer.push(lines[i++]);
    const oh = parseHeaders(outer);
    if (/multipart\/mixed/i.test(oh['content-type'] ?? '')) {
      const cs = boundaryOf(oh['content-type']);
      if (!cs) throw badQuery('A changeset in the $batch request has no boundary.');
      for (const p of splitParts(lines.slice(i + 1).join('\n'), cs)) readHttp(p);
      return;
    }
    i++;
    while (i < lines.length && lines[i].trim() === '') i++;
    const reqLine = /^([A-Z]+)\s+(\S+)\s+HTTP\/1\.[01]$/i.exec((lines[i] ?? '').trim());
    if (!reqLine)
      throw badQuery(
        `The $batch part ${out.length + 1} has no valid request line (found '${(lines[i] ?? '').trim()}').`,
      );
    i++;
    const hl: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') hl.push(lines[i++]);
    i++;
    const bodyText = lines.slice(i).join('\n').replace(/\n+$/, '');
    out.push({ method: reqLine[1].toUpperCase(), url: reqLine[2], headers: parseHeaders(hl), body: bodyText });
  };
  for (const p of splitParts(text, boundary)) readHttp(p);
  return out;
}

/** Writes the batch response: flat parts in request order, LF lines, one newline after the closing boundary. */
export function formatBatch(responses: EmulatorResponse[]): { contentType: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const chunks: string[] = [];
  for (const r of responses) {
    chunks.push(`--${boundary}\n`);
    chunks.push('Content-Type: application/http\nContent-Transfer-Encoding: binary\n\n');
    chunks.push(`HTTP/1.1 ${r.status} ${statusText(r.status)}\n`);
    const headers = { ...(r.headers ?? {}) };
    for (const [k, v] of Object.entries(headers))
      chunks.push(`${k.toUpperCase() === 'ETAG' ? 'ETag' : k.toUpperCase()}: ${v}\n`);
    chunks.push('\n');
    if (r.status !== 204 && r.body !== undefined && r.body !== '') {
      const b = Buffer.isBuffer(r.body)
        ? r.body.toString('utf8')
        : typeof r.body === 'string'
          ? r.body
          : JSON.stringify(r.body);
      chunks.push(`${b}\n`);
    }
  }
  chunks.push(`--${boundary}--\n`);
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: chunks.join('') };
}
