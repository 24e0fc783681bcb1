/** A first-come, first-served limit on concurrent work (uploads to the portals). */
export interface Limiter {
  run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly active: number;
}

/** Creates a limiter for `size` concurrent tasks; a waiter whose signal aborts leaves the line. */
export function createLimiter(size: number): Limiter {
  let active = 0;
  const waiting: Array<{ start: () => void; signal: AbortSignal | undefined }> = [];

  const next = (): void => {
    while (active < size && waiting.length > 0) {
      const waiter = waiting.shift();
      if (!waiter || waiter.signal?.aborted === true) continue;
      active += 1;
      waiter.start();
    }
  };

  return {
    get active() {
      return active;
    },
    async run(work, signal) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve, reject) => {
        const waiter = { start: resolve, signal };
        waiting.push(waiter);
        signal?.addEventListener(
          'abort',
          () => {
            const index = waiting.indexOf(waiter);
            if (index !== -1) {
              waiting.splice(index, 1);
              reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
            }
          },
          { once: true },
        );
        next();
      });
      try {
        return await work();
      } finally {
        active -= 1;
        next();
      }
    },
  };
}
