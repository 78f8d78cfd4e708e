// A static server on loopback for the phone-load benchmark: every response is compressed with
// gzip at level 9 (Content-Encoding: gzip, as a well-configured host would send it), with the
// right MIME type (application/wasm included, so streaming compilation applies), over HTTP/1.1
// with keep-alive. Every file is read and compressed when the server starts, so compression never
// runs (and competes for the CPU) during a measurement.
import { createServer } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves directory `dir` on a free loopback port; resolves to `{ port, close, requests }`. */
export function serveGzip(dir) {
  const root = resolve(dir);
  const files = new Map();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    files.set(file, gzipSync(readFileSync(file), { level: 9 }));
  }
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (!files.has(file)) file = join(file, 'index.html');
    const gz = files.get(file);
    if (gz) {
      requests.push({ path, bytes: gz.length });
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Encoding': 'gzip',
        'Content-Length': gz.length,
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
      });
      res.end(req.method === 'HEAD' ? undefined : gz);
    } else {
      requests.push({ path, bytes: 0, missing: true });
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  server.keepAliveTimeout = 120_000;
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () =>
      done({
        port: server.address().port,
        requests,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
      }));
  });
}
