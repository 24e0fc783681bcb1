import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy can do to a request:
 * - `drop`: close the connection as soon as the request arrives (nothing reaches the server);
 * - `delay`: wait, then forward normally (unless the client has gone meanwhile);
 * - `status500` / `status502` / `status503`: answer an error page (nothing reaches the server);
 * - `status429`: answer "Too Many Requests" with `Retry-After`;
 * - `cutUpload`: read part of the request body, then close (an upload cut midway);
 * - `dropAfterForward`: forward the whole request, let the server do it, then close without
 *   answering (the client cannot know the server created something: the duplicate trap).
 */
export const faultKinds = [
  'drop',
  'delay',
  'status500',
  'status502',
  'status503',
  'status429',
  'cutUpload',
  'dropAfterForward',
] as const;
/** One fault. */
export type FaultKind = (typeof faultKinds)[number];

/** How often and which faults to inject. */
export interface FaultPlan {
  /** Share of requests that get a fault, 0..1. */
  rate: number;
  seed: number;
  kinds?: readonly FaultKind[];
  /** Delay range for `delay`, ms. */
  delayMs?: readonly [number, number];
  /** `Retry-After` seconds sent with 429 (and 503). */
  retryAfterSeconds?: number;
}

/** A running proxy. */
export interface FaultProxy {
  url: string;
  /** Requests seen and faults injected, by kind. */
  stats: { requests: number; faults: Record<FaultKind, number> };
  /**
   * Forces a fault on the next request matching `match` (method and path prefix; any request
   * when omitted), whatever the rate: for targeted tests.
   */
  force(kind: FaultKind, match?: { method?: string; path?: string }): void;
  /** Answers requests whose path starts with `pathPrefix` itself (JSON body), or stops when null. */
  answer(pathPrefix: string, reply: { status: number; json: unknown } | null): void;
  setRate(rate: number): void;
  close(): Promise<void>;
}

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A real HTTP proxy on 127.0.0.1 in front of `target` (the local WordPress) that injects faults
 * at a seeded random rate. Everything else is forwarded byte for byte (Host rewritten).
 */
export async function startFaultProxy(target: string, plan: FaultPlan): Promise<FaultProxy> {
  const upstream = new URL(target);
  const random = seededRandom(plan.seed);
  const kinds = plan.kinds ?? faultKinds;
  const [minDelay, maxDelay] = plan.delayMs ?? [200, 1500];
  const retryAfter = plan.retryAfterSeconds ?? 1;
  const forced: { kind: FaultKind; method?: string | undefined; path?: string | undefined }[] = [];
  const canned = new Map<string, { status: number; json: unknown }>();
  let rate = plan.rate;
  const stats = {
    requests: 0,
    faults: Object.fromEntries(faultKinds.map((kind) => [kind, 0])) as Record<FaultKind, number>,
  };

  const choose = (req: http.IncomingMessage, hasBody: boolean): FaultKind | null => {
    const index = forced.findIndex(
      (entry) =>
        (entry.method === undefined || entry.method === req.method) &&
        (entry.path === undefined || (req.url ?? '').startsWith(entry.path)),
    );
    const next = index === -1 ? undefined : forced.splice(index, 1)[0];
    if (next) return next.kind;
    if (random() >= rate) return null;
    const usable = kinds.filter((kind) => kind !== 'cutUpload' || hasBody);
    return usable[Math.floor(random() * usable.length)] ?? null;
  };

  const forward = (
    req: http.IncomingMessage,
    onResponse: (response: http.IncomingMessage) => void,
    onError: () => void,
  ): void => {
    const outgoing = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      onResponse,
    );
    outgoing.on('error', onError);
    req.pipe(outgoing);
  };

  const server = http.createServer((req, res) => {
    stats.requests += 1;
    const cannedReply = [...canned].find(([prefix]) => (req.url ?? '').startsWith(prefix))?.[1];
    if (cannedReply) {
      req.resume();
      res.writeHead(cannedReply.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(cannedReply.json));
      return;
    }
    const length = Number(req.headers['content-length'] ?? '0');
    const hasBody = length > 1024 || req.headers['transfer-encoding'] === 'chunked';
    const fault = choose(req, hasBody);
    if (fault) stats.faults[fault] += 1;
    const destroy = (): void => {
      req.socket.destroy();
    };
    const pass = (): void =>
      forward(
        req,
        (response) => {
          res.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(res);
        },
        destroy,
      );
    switch (fault) {
      case null:
        pass();
        return;
      case 'drop':
        destroy();
        return;
      case 'delay':
        // Latency on the client's link: a request whose client gave up never arrives.
        void wait(minDelay + random() * (maxDelay - minDelay)).then(() => {
          if (!req.socket.destroyed) pass();
        });
        return;
      case 'status500':
      case 'status502':
      case 'status503': {
        const status = Number(fault.slice(-3));
        req.resume();
        req.on('end', () => {
          const headers: http.OutgoingHttpHeaders = { 'Content-Type': 'text/html' };
          if (status === 503) headers['Retry-After'] = String(retryAfter);
          res.writeHead(status, headers);
          res.end(`<html><body><h1>${status}</h1>fault proxy</body></html>`);
        });
        return;
      }
      case 'status429':
        req.resume();
        req.on('end', () => {
          res.writeHead(429, { 'Content-Type': 'text/plain', 'Retry-After': String(retryAfter) });
          res.end('Too Many Requests');
        });
        return;
      case 'cutUpload': {
        let received = 0;
        const cutAt = Math.max(1, Math.floor((length || 4096) * (0.2 + random() * 0.6)));
        req.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received >= cutAt) destroy();
        });
        req.on('end', destroy);
        return;
      }
      case 'dropAfterForward':
        forward(
          req,
          (response) => {
            response.resume();
            response.on('end', destroy);
          },
          destroy,
        );
        return;
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    force: (kind, match) => {
      forced.push({ kind, method: match?.method, path: match?.path });
    },
    answer: (prefix, reply) => {
      if (reply) canned.set(prefix, reply);
      else canned.delete(prefix);
    },
    setRate: (value) => {
      rate = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
