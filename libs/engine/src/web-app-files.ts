import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** Where the web app's files are served from: `/app/…` (assets), and its page at `/` only. */
export const WEB_ASSET_PREFIX = '/app/';

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

interface WebFile {
  readonly body: Buffer;
  readonly type: string;
}

/**
 * The folder `npm run build` writes the web app into (dist/web, git-ignored). Found from the
 * project root, the nearest folder above this file with a package.json: the same folder whether
 * this module runs compiled from dist/ or as TypeScript source under jest.
 */
export function defaultWebAppDir(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && !dir.split(sep).includes('dist')) return join(dir, 'dist', 'web');
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Every file of the built app, read once at start: the set of servable paths is fixed, so a
 * request names one of them or gets the API's 404; no request path ever reaches the file system.
 */
function readWebFiles(dir: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const type = TYPES[extname(entry.name)];
    if (!entry.isFile() || type === undefined) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    files.set(path, { body: readFileSync(join(entry.parentPath, entry.name)), type });
  }
  return files;
}

/**
 * Serves the single-page web app beside the API: its page at `/` and its hashed assets under
 * /app/ (docs/adr/0031-the-web-app.md). Client routes live in the URL fragment, so every other
 * path stays the API's. Without a build the page says how to make one, in the API's error shape.
 */
export function serveWebApp(fastify: FastifyInstance, dir: string | undefined): void {
  const files =
    dir !== undefined && existsSync(join(dir, 'index.html')) ? readWebFiles(dir) : new Map<string, WebFile>();
  const page = files.get('index.html');
  fastify.get('/', async (_request, reply) => {
    if (page === undefined) {
      return reply.code(404).send({
        statusCode: 404,
        code: 'WEB_APP_NOT_BUILT',
        message: 'The web app is not built: run "npm run build" (npm start does it for you)',
      });
    }
    // The page names the current asset hashes: always ask again.
    return reply.header('cache-control', 'no-cache').type(page.type).send(page.body);
  });
  fastify.get(`${WEB_ASSET_PREFIX}*`, async (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    const file = path === 'index.html' ? undefined : files.get(path);
    if (file === undefined)
      return reply.code(404).send({ statusCode: 404, code: 'NOT_FOUND', message: `No web app file ${path}` });
    // Asset names carry a content hash (Vite), so a cached copy is never stale.
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type(file.type).send(file.body);
  });
}
