import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { build } from 'vite';

import type { DocNode } from '../shared/domain/article';

/** The bare TipTap page, built and served on 127.0.0.1 for the keystroke comparison. */
export interface BareServer {
  url: string;
  close: () => Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jpg': 'image/jpeg',
};

/**
 * Builds `bench/bare` (TipTap from node_modules, bundled by vite as the app is) into `outDir`
 * and serves it with the bench's document and photo.
 */
export async function startBareServer(options: {
  outDir: string;
  doc: DocNode;
  photo: string;
}): Promise<BareServer> {
  await build({
    configFile: false,
    root: path.join(import.meta.dirname, 'bare'),
    base: './',
    logLevel: 'warn',
    build: { outDir: options.outDir, emptyOutDir: true, minify: true, reportCompressedSize: false },
  });
  const docJson = JSON.stringify(options.doc);
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    let body: Buffer | string;
    let file = pathname;
    if (pathname === '/doc.json') body = docJson;
    else if (pathname === '/photo.jpg') body = fs.readFileSync(options.photo);
    else {
      file = pathname === '/' ? '/index.html' : pathname;
      const full = path.join(options.outDir, path.normalize(file));
      if (!full.startsWith(options.outDir) || !fs.existsSync(full)) {
        response.writeHead(404).end();
        return;
      }
      body = fs.readFileSync(full);
    }
    response.writeHead(200, {
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
