import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core/app/createCore';
import { protocolHandlers } from '../../electron/main/security/protocols';
import type { WebServer } from '../../electron/web/server';
import { startWebServer } from '../../electron/web/server';
import { tempDir } from '../support/tempDir';
import { openTestCore } from '../support/testCore';

/**
 * Issue 12, point 5: a symlink in the library's media folder must not serve files from outside
 * it (the database, say), in the browser shell's /media/ route (real HTTP) and in the desktop
 * shell's media:// protocol handler (run under Node with real files and real links).
 */

const token = 'media-test-token-0123456789abcdef';
let core: Core | null = null;
let server: WebServer | null = null;

afterEach(async () => {
  await server?.close();
  await core?.close();
  server = null;
  core = null;
});

/** A library whose media folder holds a real photo and links leading out of it. */
function hostileLibrary(target: Core): void {
  const media = target.paths.media;
  fs.mkdirSync(path.join(media, 'ab'), { recursive: true });
  fs.writeFileSync(path.join(media, 'ab', 'photo.jpg'), 'JPEG bytes');
  // A file link straight to the database, a folder link to the data folder, and a link to a
  // photo that stays inside (allowed: the real path is still in media/).
  fs.symlinkSync(target.paths.database, path.join(media, 'ab', 'evil.jpg'));
  fs.symlinkSync(target.paths.dataDir, path.join(media, 'escape'));
  fs.symlinkSync(path.join(media, 'ab', 'photo.jpg'), path.join(media, 'ab', 'alias.jpg'));
}

function get(web: WebServer, pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: web.port, path: pathname }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') }),
        );
      })
      .on('error', reject);
  });
}

describe('media confinement', () => {
  it('refuses links out of media/ in the browser shell, over HTTP', async () => {
    core = openTestCore();
    hostileLibrary(core);
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    server = await startWebServer({ core, staticDir, token, port: 0 });

    const evil = await get(server, `/media/ab/evil.jpg?token=${token}`);
    expect(evil.status).toBe(403);
    expect(evil.body).not.toContain('SQLite format 3');
    const escape = await get(server, `/media/escape/newsdesk.sqlite?token=${token}`);
    expect(escape.status).toBe(403);
    expect(escape.body).not.toContain('SQLite format 3');

    expect(await get(server, `/media/ab/photo.jpg?token=${token}`)).toEqual({
      status: 200,
      body: 'JPEG bytes',
    });
    expect((await get(server, `/media/ab/alias.jpg?token=${token}`)).status).toBe(200);
    expect((await get(server, `/media/ab/missing.jpg?token=${token}`)).status).toBe(404);
  });

  it('refuses links out of media/ in the media:// protocol', async () => {
    core = openTestCore();
    hostileLibrary(core);
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    fs.symlinkSync(core.paths.database, path.join(rendererDir, 'db.js'));
    const handlers = protocolHandlers(rendererDir, core.paths.media);
    const media = async (url: string) => {
      const response = handlers.media(new Request(url));
      return { status: response.status, body: await response.text() };
    };

    const evil = await media('media://library/ab/evil.jpg');
    expect(evil.status).toBe(403);
    expect(evil.body).not.toContain('SQLite format 3');
    expect((await media('media://library/escape/newsdesk.sqlite')).status).toBe(403);
    // URL parsing folds encoded dot segments, so this names media/newsdesk.sqlite: not there.
    expect((await media('media://library/%2e%2e/newsdesk.sqlite')).status).toBe(404);
    expect((await media('media://library/ab%2f..%2f..%2fnewsdesk.sqlite')).status).toBe(403);
    expect(await media('media://library/ab/photo.jpg')).toEqual({
      status: 200,
      body: 'JPEG bytes',
    });
    expect((await media('media://library/ab/missing.jpg')).status).toBe(404);
    expect((await media('media://elsewhere/ab/photo.jpg')).status).toBe(403);
    // The renderer's own protocol is confined the same way.
    expect(handlers.app(new Request('app://newsdesk/db.js')).status).toBe(403);
    expect(handlers.app(new Request('app://newsdesk/')).status).toBe(200);
  });
});
