/**
 * Microsoft Graph for the SPFx host, the way a SharePoint page reaches it: another origin, over https, with CORS, and
 * the caller known only from the bearer token. The Graph SDK that MSGraphClientV3 uses (graph-client 3.x
 * `AuthenticationHandler`) asks the token provider for a token only when the request goes to `https://` on a Graph
 * host or one of its `customHosts` (SPFx adds the `msGraphEndpointUrl` host); over plain http it sends no token at
 * all. And it compares the host without its port against SPFx's `customHosts` entry, which keeps the port
 * (GraphRequestUtil `isValidEndpoint`), so a Graph endpoint on any port but 443 never gets a token either. The front
 * therefore listens on port 443 of its own loopback address (127.x.y.z, so several hosts can run at once), with a
 * certificate made at start for that address, trusted by no browser: the tests set `ignoreHTTPSErrors`, a person opens
 * the front's URL once and accepts it. Port 443 needs root or CAP_NET_BIND_SERVICE; without it the front cannot start
 * and the host falls back to the emulator's own `/v1.0` (same origin, the cookie identity, no token), saying so in
 * `npm start` and on the page (docs/spfx-host.md). It forwards to the emulator unchanged except that it drops cookies and the
 * emulator's identity header (Graph does not read SharePoint's session), answers CORS preflights as Graph does, and
 * writes its own https origin where the emulator wrote its address into a body (`@odata.nextLink`, `webUrl`).
 */
import { generateKeyPairSync, randomBytes } from 'crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { request as httpRequest, type IncomingHttpHeaders } from 'http';
import { createServer, type Server } from 'https';

/** A running Graph front. */
export interface GraphFront {
  /** `https://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

interface Forge {
  pki: {
    privateKeyFromPem(pem: string): unknown;
    publicKeyFromPem(pem: string): unknown;
    createCertificate(): {
      publicKey: unknown;
      serialNumber: string;
      validity: { notBefore: Date; notAfter: Date };
      setSubject(attrs: Array<{ name: string; value: string }>): void;
      setIssuer(attrs: Array<{ name: string; value: string }>): void;
      setExtensions(ext: unknown[]): void;
      sign(key: unknown, md: unknown): void;
    };
    certificateToPem(cert: unknown): string;
  };
  md: { sha256: { create(): unknown } };
}

const certificates = new Map<string, { key: string; cert: string }>();

/** Where a front's certificate is kept between runs, so a browser that accepted it once keeps accepting it. */
const CERT_DIR = join(tmpdir(), 'samenwerkingsruimte-graph-front');

/** A self-signed certificate for `ip` (node-forge signs; Node makes the key), kept in {@link CERT_DIR} for a year. */
function selfSigned(ip: string): { key: string; cert: string } {
  const cached = certificates.get(ip);
  if (cached) return cached;
  const file = join(CERT_DIR, `${ip}.json`);
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { key: string; cert: string; notAfter: number };
    if (kept.notAfter > Date.now() + 24 * 3600_000) {
      certificates.set(ip, kept);
      return kept;
    }
  } catch {
    // none kept yet, or unreadable: make one
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const forge = require('node-forge') as Forge;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 60_000);
  cert.validity.notAfter = new Date(now + 365 * 24 * 3600_000);
  const subject = [{ name: 'commonName', value: 'samenwerkingsruimte emulated Microsoft Graph' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip }] },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  const made = { key: privateKey, cert: forge.pki.certificateToPem(cert) };
  certificates.set(ip, made);
  try {
    mkdirSync(CERT_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify({ ...made, notAfter: cert.validity.notAfter.getTime() }), { mode: 0o600 });
  } catch {
    // not kept: the next run makes another
  }
  return made;
}

/**
 * A loopback address of its own for each front (127.0.0.0/8 is all loopback on Linux), the same for the same emulator
 * port (so `npm start` keeps its Graph address); `attempt` > 0 picks a random one after a clash.
 */
function loopbackAddress(emulatorPort: number, attempt: number): string {
  if (attempt === 0) return `127.${128 + ((emulatorPort >> 8) & 127)}.${emulatorPort & 255}.1`;
  const b = randomBytes(3);
  return `127.${1 + (b[0] % 127)}.${b[1]}.${2 + (b[2] % 250)}`;
}

const EXPOSED = 'request-id, client-request-id, x-ms-ags-diagnostic, Location, Retry-After, Content-Length, Content-Type';

function cors(origin: string | undefined): Record<string, string> {
  return {
    'access-control-allow-origin': origin ?? '*',
    'access-control-expose-headers': EXPOSED,
    vary: 'Origin',
  };
}

/**
 * Starts the front on port 443 of a loopback address of its own, forwarding to the emulator at `emulatorPort`; rejects
 * when port 443 cannot be bound (EACCES without root).
 */
export async function startGraphFront(emulatorPort: number): Promise<GraphFront> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await listen(emulatorPort, loopbackAddress(emulatorPort, attempt));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) throw e;
    }
  }
}

async function listen(emulatorPort: number, ip: string): Promise<GraphFront> {
  const frontHost = ip;
  const frontOrigin = `https://${ip}`;
  const server: Server = createServer(selfSigned(ip), (req, res) => {
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const path = req.url ?? '/';
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Microsoft Graph of the samenwerkingsruimte emulator (SPFx host). The certificate is accepted; close this tab.\n');
      return;
    }
    if (!path.toLowerCase().startsWith('/v1.0/')) {
      res.writeHead(404, { 'content-type': 'application/json', ...cors(origin) });
      res.end(JSON.stringify({ error: { code: 'BadRequest', message: `Invalid version: ${path.split('/')[1] ?? ''}` } }));
      return;
    }
    if ((req.method ?? 'GET').toUpperCase() === 'OPTIONS') {
      res.writeHead(204, {
        ...cors(origin),
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? 'authorization, content-type'),
        'access-control-max-age': '3600',
      });
      res.end();
      return;
    }
    const headers: IncomingHttpHeaders = { ...req.headers, host: frontHost };
    delete headers.cookie;
    delete headers['x-emulator-user'];
    const upstream = httpRequest({ host: '127.0.0.1', port: emulatorPort, method: req.method, path, headers }, (up) => {
      const chunks: Buffer[] = [];
      up.on('data', (c: Buffer) => chunks.push(c));
      up.on('end', () => {
        let body = Buffer.concat(chunks);
        const type = String(up.headers['content-type'] ?? '');
        if (/json/i.test(type)) {
          body = Buffer.from(body.toString('utf8').split(`http://${frontHost}`).join(frontOrigin), 'utf8');
        }
        const out: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(up.headers)) if (v !== undefined && k !== 'content-length') out[k] = v;
        res.writeHead(up.statusCode ?? 502, { ...out, ...cors(origin), 'content-length': String(body.length) });
        res.end(body);
      });
      up.on('error', () => res.destroy());
    });
    // The emulator's "connection reset" fault reaches the browser as one.
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(443, ip, () => resolve());
  });
  return {
    url: frontOrigin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
