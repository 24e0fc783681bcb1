import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';

import { fail } from '../../shared/contract/result';
import { defaultMessages } from '../../shared/errors/appError';
import type { Core } from '../core/app/createCore';
import { mimeTypeFor, resolveMediaFile } from '../core/library/mediaFiles';
import { contentSecurityPolicy } from '../core/security/csp';

/** How the loopback bridge is started. */
export interface WebServerOptions {
  /** The library host (or a bare core in tests): the contract, its events, paths and log. */
  core: Pick<Core, 'dispatch' | 'events' | 'paths' | 'logger'>;
  /** The built renderer (out/renderer). */
  staticDir: string;
  token: string;
  port: number;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
}

/** A running bridge. */
export interface WebServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function sameToken(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function refuse(
  res: http.ServerResponse,
  status: number,
  code: 'unauthorized' | 'forbidden',
  message: string,
): void {
  sendJson(res, status, fail({ code, message }));
}

function sendFile(res: http.ServerResponse, file: string): void {
  fs.stat(file, (error, stat) => {
    if (error || !stat.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Không tìm thấy.');
      return;
    }
    res.writeHead(200, { 'Content-Type': mimeTypeFor(file), 'Content-Length': stat.size });
    fs.createReadStream(file).pipe(res);
  });
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop buffering but drain the socket, so the client still reads the 413 answer.
        req.removeAllListeners('data');
        req.resume();
        reject(new Error('too_large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Serves the built renderer and the contract on 127.0.0.1 only, for the browser shell and the
 * end-to-end tests. Every API request must carry the per-run token; requests naming another
 * Host (DNS rebinding) or coming from another Origin are refused before anything runs.
 */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { core, staticDir, token } = options;
  const maxBody = options.maxBodyBytes ?? 32 * 1024 * 1024;
  const log = core.logger.child('web');
  let port = options.port;
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const csp = (): string =>
    contentSecurityPolicy({ mediaSource: "'self'", connectSource: "'self'" });
  const sseClients = new Set<http.ServerResponse>();

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    res.setHeader('Content-Security-Policy', csp());

    if (!allowedHosts().includes(req.headers.host ?? '')) {
      refuse(res, 421, 'forbidden', 'Yêu cầu gửi tới sai địa chỉ máy chủ.');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().some((host) => origin === `http://${host}`)) {
      log.warn('refused foreign origin', { origin });
      refuse(res, 403, 'forbidden', 'Yêu cầu từ một trang web khác bị từ chối.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname.startsWith('/api/')) {
      const header = req.headers.authorization;
      const given = header?.startsWith('Bearer ') ? header.slice(7) : url.searchParams.get('token');
      if (!sameToken(token, given)) {
        refuse(res, 401, 'unauthorized', defaultMessages.unauthorized);
        return;
      }
      if (url.pathname === '/api/events' && req.method === 'GET') {
        res.writeHead(200, {
          'Content-Type': 'text/event-stream; charset=utf-8',
          Connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        sseClients.add(res);
        req.on('close', () => sseClients.delete(res));
        return;
      }
      const match = /^\/api\/call\/([a-zA-Z.]+)$/.exec(url.pathname);
      if (match?.[1] && req.method === 'POST') {
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          refuse(res, 415, 'forbidden', 'Yêu cầu phải gửi dữ liệu JSON.');
          return;
        }
        let input: unknown;
        try {
          input = JSON.parse(await readBody(req, maxBody));
        } catch (error) {
          const tooLarge = error instanceof Error && error.message === 'too_large';
          sendJson(
            res,
            tooLarge ? 413 : 400,
            fail({
              code: 'invalid_input',
              message: tooLarge
                ? 'Dữ liệu gửi lên quá lớn. Hãy chia nhỏ nội dung rồi thử lại.'
                : 'Dữ liệu gửi lên không phải JSON hợp lệ.',
            }),
          );
          return;
        }
        sendJson(res, 200, await core.dispatch(match[1], input, { shell: 'browser' }));
        return;
      }
      sendJson(res, 404, fail({ code: 'unknown_call', message: defaultMessages.unknown_call }));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname.startsWith('/media/')) {
      if (!sameToken(token, url.searchParams.get('token'))) {
        refuse(res, 401, 'unauthorized', defaultMessages.unauthorized);
        return;
      }
      const file = resolveMediaFile(core.paths.media, url.pathname.slice('/media/'.length));
      if (!file) {
        refuse(res, 403, 'forbidden', 'Đường dẫn tệp nằm ngoài thư viện.');
        return;
      }
      sendFile(res, file);
      return;
    }
    const relative = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    const file = resolveMediaFile(staticDir, relative);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    sendFile(res, file);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error('request failed', { error });
      if (!res.headersSent)
        sendJson(res, 500, fail({ code: 'internal', message: defaultMessages.internal }));
      else res.end();
    });
  });

  const unsubscribe = core.events.subscribe((message) => {
    const data = `event: ${message.name}\ndata: ${JSON.stringify(message.payload)}\n\n`;
    for (const client of sseClients) client.write(data);
  });
  const heartbeat = setInterval(() => {
    for (const client of sseClients) client.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            clearInterval(heartbeat);
            for (const client of sseClients) client.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** The folder of the built renderer, next to the built bridge (out/main → out/renderer). */
export function builtRendererDir(fromDir: string): string {
  return path.resolve(fromDir, '..', 'renderer');
}
