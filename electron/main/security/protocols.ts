import fs from 'node:fs/promises';

import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';

import { mimeTypeFor, resolveMediaFile } from '../../core/library/mediaFiles';
import { contentSecurityPolicy } from '../../core/security/csp';

/** The renderer's origin: app://newsdesk/…, never file://. */
export const appOrigin = 'app://newsdesk';

/** Must run before `app.whenReady()`. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: 'media', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

async function serveFile(
  root: string,
  relative: string,
  headers: Record<string, string>,
): Promise<Response> {
  const file = resolveMediaFile(root, relative);
  if (!file) return new Response('Forbidden', { status: 403 });
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return new Response('Not found', { status: 404 });
  } catch {
    return new Response('Not found', { status: 404 });
  }
  const response = await net.fetch(pathToFileURL(file).toString());
  return new Response(response.body, {
    status: 200,
    headers: { 'Content-Type': mimeTypeFor(file), 'X-Content-Type-Options': 'nosniff', ...headers },
  });
}

/**
 * `app://newsdesk/` serves the built renderer with the strict CSP; `media://library/` serves
 * only files inside the library's media folder.
 */
export function handleProtocols(rendererDir: string, mediaDir: string): void {
  const csp = contentSecurityPolicy({ mediaSource: 'media:', connectSource: "'none'" });
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    if (url.host !== 'newsdesk') return new Response('Forbidden', { status: 403 });
    const relative = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    return serveFile(rendererDir, relative, { 'Content-Security-Policy': csp });
  });
  protocol.handle('media', (request) => {
    const url = new URL(request.url);
    if (url.host !== 'library') return new Response('Forbidden', { status: 403 });
    return serveFile(mediaDir, url.pathname.slice(1), {});
  });
}
