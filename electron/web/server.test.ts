import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { tempDir } from '../../tests/support/tempDir';
import { openTestCore } from '../../tests/support/testCore';
import type { Core } from '../core/app/createCore';
import type { WebServer } from './server';
import { startWebServer } from './server';

const token = 'test-token-0123456789abcdef';
let core: Core | null = null;
let server: WebServer | null = null;

afterEach(async () => {
  await server?.close();
  await core?.close();
  server = null;
  core = null;
});

async function start(): Promise<WebServer> {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Newsdesk</title>');
  core = openTestCore();
  server = await startWebServer({ core, staticDir, token, port: 0, maxBodyBytes: 64 * 1024 });
  return server;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  target: WebServer,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const callHeaders = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };

describe('web bridge', () => {
  it('listens on 127.0.0.1 only and prints a tokenised address', async () => {
    const web = await start();
    expect(web.url).toBe(`http://127.0.0.1:${web.port}/?token=${token}`);
  });

  it('serves a contract call with the right token', async () => {
    const web = await start();
    const reply = await request(web, {
      method: 'POST',
      path: '/api/call/articles.create',
      headers: callHeaders,
      body: '{"title":"Bí thư"}',
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { title: 'Bí thư' } });
  });

  it('refuses calls without the token or with a wrong one, running nothing', async () => {
    const web = await start();
    const attempts: Array<Record<string, string>> = [
      { 'Content-Type': 'application/json' },
      { 'Content-Type': 'application/json', Authorization: 'Bearer wrong-token-0123456789abcdef' },
      { 'Content-Type': 'application/json', Authorization: token },
    ];
    for (const headers of attempts) {
      const reply = await request(web, {
        method: 'POST',
        path: '/api/call/articles.create',
        headers,
        body: '{}',
      });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    const list = await request(web, {
      method: 'POST',
      path: '/api/call/articles.list',
      headers: callHeaders,
      body: '{}',
    });
    expect(JSON.parse(list.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses requests from another Origin even with the token', async () => {
    const web = await start();
    const reply = await request(web, {
      method: 'POST',
      path: '/api/call/articles.create',
      headers: { ...callHeaders, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const same = await request(web, {
      method: 'POST',
      path: '/api/call/articles.list',
      headers: { ...callHeaders, Origin: `http://127.0.0.1:${web.port}` },
      body: '{}',
    });
    expect(same.status).toBe(200);
  });

  it('refuses another Host name (DNS rebinding)', async () => {
    const web = await start();
    const reply = await request(web, {
      method: 'POST',
      path: '/api/call/articles.list',
      headers: { ...callHeaders, Host: `attacker.example:${web.port}` },
      body: '{}',
    });
    expect(reply.status).toBe(421);
  });

  it('refuses non-JSON bodies and oversized bodies', async () => {
    const web = await start();
    const form = await request(web, {
      method: 'POST',
      path: '/api/call/articles.list',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const huge = await request(web, {
      method: 'POST',
      path: '/api/call/articles.create',
      headers: callHeaders,
      body: JSON.stringify({ title: 'x'.repeat(100 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const broken = await request(web, {
      method: 'POST',
      path: '/api/call/articles.list',
      headers: callHeaders,
      body: '{',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const web = await start();
    const reply = await request(web, { path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Newsdesk</title>');
    expect(reply.headers['content-security-policy']).toMatch(
      /^default-src 'none'; script-src 'self'/,
    );
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect((await request(web, { path: '/../../etc/passwd' })).status).toBe(404);
  });

  it('serves library media with the token and never outside the media folder', async () => {
    const web = await start();
    if (!core) throw new Error('no core');
    fs.mkdirSync(path.join(core.paths.media, '2023_07'), { recursive: true });
    fs.writeFileSync(path.join(core.paths.media, '2023_07', 'ảnh 1.jpg'), 'jpeg-bytes');
    fs.writeFileSync(path.join(core.paths.dataDir, 'secret.txt'), 'secret');
    const ok = await request(web, {
      path: `/media/2023_07/${encodeURIComponent('ảnh 1.jpg')}?token=${token}`,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('jpeg-bytes');
    expect(ok.headers['content-type']).toBe('image/jpeg');
    expect((await request(web, { path: '/media/2023_07/x.jpg' })).status).toBe(401);
    for (const escape of [
      '..%2Fsecret.txt',
      '%2E%2E%2Fsecret.txt',
      '2023_07%2F..%2F..%2Fsecret.txt',
      '%2Fetc%2Fpasswd',
    ]) {
      const reply = await request(web, { path: `/media/${escape}?token=${token}` });
      expect(reply.status, escape).toBe(403);
      expect(reply.body).not.toContain('secret');
    }
  });

  it('streams contract events to the browser over server-sent events', async () => {
    const web = await start();
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: web.port, path: `/api/events?token=${token}` },
        (res) => {
          let buffer = '';
          res.on('data', (chunk: Buffer) => {
            buffer += chunk.toString('utf8');
            if (buffer.includes('event: articles.changed')) {
              resolve(buffer);
              req.destroy();
            }
          });
          void request(web, {
            method: 'POST',
            path: '/api/call/articles.create',
            headers: callHeaders,
            body: '{}',
          });
        },
      );
      req.on('error', reject);
    });
    const stream = await received;
    expect(stream).toMatch(/event: articles\.changed\ndata: \{"id":"[0-9a-f-]{36}","version":0\}/);
  });
});
