/*
 * Progress bookkeeping for a batch: an ETA from a moving average of recent completions, and a
 * throttle so the renderer gets at most ten progress events a second however fast photos finish.
 */

/** Estimates time left from the pace of the last few completions. */
export interface EtaTracker {
  /** Call when the job (re)starts running: paused time must not count. */
  restart(): void;
  /** Call when an item finishes. */
  record(): void;
  /** Seconds left for `remaining` items, or null before there is a pace to go by. */
  secondsLeft(remaining: number): number | null;
}

/** Completions the moving average looks back over. */
const WINDOW = 16;

/** Creates an ETA tracker on the given clock (ms). */
export function createEtaTracker(now: () => number): EtaTracker {
  let startedAt = now();
  let stamps: number[] = [];
  return {
    restart() {
      startedAt = now();
      stamps = [];
    },
    record() {
      stamps.push(now());
      if (stamps.length > WINDOW) stamps.shift();
    },
    secondsLeft(remaining) {
      if (remaining <= 0) return 0;
      const last = stamps.at(-1);
      if (last === undefined) return null;
      // With several photos in flight completions bunch up; the window start smooths that out.
      const first = stamps.length > 1 ? (stamps[0] ?? startedAt) : startedAt;
      const intervals = stamps.length > 1 ? stamps.length - 1 : 1;
      const perItem = Math.max(0, last - first) / intervals;
      return Math.round((perItem * remaining) / 100) / 10;
    },
  };
}

/**
 * Calls `fn` at most once per `intervalMs`. A call inside the interval is delivered at its end, and
 * `fn` reads the state then, so the last state (done, paused) always reaches the listener.
 */
export interface Throttle {
  call(): void;
  cancel(): void;
}

/** Creates a throttle on the real clock; timers are unref'd so they never keep a process alive. */
export function createThrottle(intervalMs: number, fn: () => void): Throttle {
  let last = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  const fire = (): void => {
    timer = undefined;
    last = performance.now();
    fn();
  };
  return {
    call() {
      const wait = last + intervalMs - performance.now();
      if (wait <= 0 && timer === undefined) fire();
      else if (timer === undefined) timer = setTimeout(fire, Math.max(0, wait)).unref();
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
