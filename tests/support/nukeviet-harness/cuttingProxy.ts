/**
 * A TCP proxy in front of the harness that can cut one connection on purpose, the two ways a
 * newsroom's network fails a sync: after the portal has done the work but before its answer
 * arrives (the answer is lost), or in the middle of sending the request (nothing arrives).
 */
import net from 'node:net';

/** A running proxy. */
export interface CuttingProxy {
  baseUrl: string;
  /** Drop the next answer: the server finishes the request, the client sees a closed socket. */
  cutNextResponse(): void;
  /** Send only the first `bytes` of the next request, then close both sides. */
  cutNextRequestAfter(bytes: number): void;
  /** Connections cut so far. */
  readonly cuts: number;
  close(): Promise<void>;
}

/** Starts a proxy on a free port forwarding to 127.0.0.1:`targetPort`. */
export async function startCuttingProxy(targetPort: number): Promise<CuttingProxy> {
  let cutResponse = false;
  let cutRequestAt: number | null = null;
  let cuts = 0;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const cut = (): void => {
      cuts += 1;
      client.destroy();
      upstream.destroy();
    };
    let requestBytes = 0;
    client.on('data', (chunk: Buffer) => {
      if (cutRequestAt !== null) {
        const room = cutRequestAt - requestBytes;
        if (chunk.length >= room) {
          cutRequestAt = null;
          requestBytes = 0;
          upstream.write(chunk.subarray(0, room), () => cut());
          return;
        }
        requestBytes += chunk.length;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (cutResponse) {
        cutResponse = false;
        cut();
        return;
      }
      client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    cutNextResponse: () => {
      cutResponse = true;
    },
    cutNextRequestAfter: (bytes) => {
      cutRequestAt = bytes;
    },
    get cuts() {
      return cuts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
