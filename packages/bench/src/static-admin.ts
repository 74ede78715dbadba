/**
 * The built admin served as the production image serves it (infra/docker/admin-nginx.conf.template):
 * the shell on one port (`/graphql` proxied to the API, client-side routes falling back to
 * `index.html`, `/assets/` cached as immutable) and each micro-frontend on its own port with CORS;
 * compressed as nginx does — a precompressed `.gz` beside the file when there is one
 * (`gzip_static`), else gzip on the fly for HTML, JavaScript, CSS, JSON and SVG (`gzip on`).
 * nginx itself is not installed here; this mirrors its config, not its speed.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.mjs': 'application/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
/** nginx's `gzip_types` in the admin's config (text/html is always compressed by nginx). */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg']);

export interface StaticSite {
  root: string;
  port: number;
  /** The shell: SPA fallback, `/config.json` from here, `/graphql` proxied. */
  shell?: { config: unknown; api: string };
}

async function file(path: string): Promise<Buffer | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
    return await readFile(path);
  } catch {
    return null;
  }
}

function proxy(api: string, req: IncomingMessage, res: ServerResponse) {
  const target = new URL(req.url ?? '/', api);
  const upstream = request(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    res.writeHead(502).end();
  });
  req.pipe(upstream);
}

export function serveStatic(site: StaticSite): Promise<Server> {
  const cache = new Map<string, Buffer>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (site.shell && url.pathname.startsWith('/graphql')) return proxy(site.shell.api, req, res);
    const headers: Record<string, string> = { 'X-Content-Type-Options': 'nosniff' };
    if (!site.shell) headers['Access-Control-Allow-Origin'] = '*';
    let path = normalize(join(site.root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(site.root)) return void res.writeHead(400).end();
    let body: Buffer | null =
      site.shell && url.pathname === '/config.json'
        ? Buffer.from(JSON.stringify(site.shell.config))
        : await file(path);
    if (!body && site.shell) {
      path = join(site.root, 'index.html');
      body = await file(path);
    }
    if (!body) return void res.writeHead(404).end();
    const ext = extname(path);
    headers['Content-Type'] = TYPES[ext] ?? 'application/octet-stream';
    if (site.shell && url.pathname.startsWith('/assets/'))
      headers['Cache-Control'] = 'public, max-age=31536000, immutable';
    if (url.pathname === '/config.json') headers['Cache-Control'] = 'no-cache';
    if (COMPRESSED.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const pre = url.pathname === '/config.json' ? null : await file(`${path}.gz`);
      let zipped = pre ?? cache.get(path);
      if (!zipped) {
        // nginx's gzip_comp_level in the admin's config.
        zipped = gzipSync(body, { level: 6 });
        if (url.pathname !== '/config.json') cache.set(path, zipped);
      }
      headers['Content-Encoding'] = 'gzip';
      headers.Vary = 'Accept-Encoding';
      body = zipped;
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(site.port, '127.0.0.1', () => resolve(server));
  });
}
