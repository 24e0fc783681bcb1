import fs from 'node:fs';
import { Readable } from 'node:stream';

import type { Protocol } from 'electron';

import { locateMediaFile, mimeTypeFor } from '../../core/library/mediaFiles';
import { contentSecurityPolicy } from '../../core/security/csp';

/** The renderer's origin: app://newsdesk/…, never file://. */
export const appOrigin = 'app://newsdesk';

/** The part of Electron's `protocol` module the app uses (a fake stands in under Node tests). */
export type ProtocolApi = Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

/** Must run before `app.whenReady()`. */
export function registerSchemes(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: 'media', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Answers with a file whose real path (symlinks followed) is inside `root`: 403 for anything
 * that leads outside, 404 for what is missing. The file served is the real path checked.
 */
function serveFile(root: string, relative: string, headers: Record<string, string>): Response {
  const found = locateMediaFile(root, relative);
  if (!('file' in found)) {
    return found.refused === 'outside'
      ? new Response('Forbidden', { status: 403 })
      : new Response('Not found', { status: 404 });
  }
  const body = Readable.toWeb(fs.createReadStream(found.file)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': mimeTypeFor(found.file),
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  });
}

/** The two handlers, as plain functions of a request (tested under Node). */
export function protocolHandlers(rendererDir: string, mediaDir: string) {
  const csp = contentSecurityPolicy({ mediaSource: 'media:', connectSource: "'none'" });
  return {
    app(request: Request): Response {
      const url = new URL(request.url);
      if (url.host !== 'newsdesk') return new Response('Forbidden', { status: 403 });
      const relative = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
      return serveFile(rendererDir, relative, { 'Content-Security-Policy': csp });
    },
    media(request: Request): Response {
      const url = new URL(request.url);
      if (url.host !== 'library') return new Response('Forbidden', { status: 403 });
      return serveFile(mediaDir, url.pathname.slice(1), {});
    },
  };
}

/**
 * `app://newsdesk/` serves the built renderer with the strict CSP; `media://library/` serves
 * only files really inside the library's media folder.
 */
export function handleProtocols(
  protocol: Pick<Protocol, 'handle'>,
  rendererDir: string,
  mediaDir: string,
): void {
  const handlers = protocolHandlers(rendererDir, mediaDir);
  protocol.handle('app', (request) => handlers.app(request));
  protocol.handle('media', (request) => handlers.media(request));
}
