import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { SaveState } from './autosaver';
import { createAutosaver } from './autosaver';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(save: () => Promise<number> = () => Promise.resolve(Date.now())) {
  const states: SaveState[] = [];
  const spy = vi.fn(save);
  const saver = createAutosaver({
    save: spy,
    onState: (state) => states.push(state),
    timing: { idleMs: 500, maxWaitMs: 3000 },
  });
  return { saver, spy, states };
}

describe('autosaver', () => {
  it('saves once, half a second after typing pauses', async () => {
    const { saver, spy } = setup();
    saver.changed();
    await vi.advanceTimersByTimeAsync(200);
    saver.changed();
    await vi.advanceTimersByTimeAsync(499);
    expect(spy).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(spy).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('saves at least every 3 s while typing never pauses', async () => {
    const { saver, spy } = setup();
    for (let t = 0; t < 10_000; t += 100) {
      saver.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(3);
  });

  it('saves immediately on flush and reports saved', async () => {
    const { saver, spy, states } = setup(() => Promise.resolve(42));
    saver.changed();
    await saver.flush();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(states.at(-1)).toEqual({ kind: 'saved', at: 42 });
    expect(saver.pending).toBe(false);
  });

  it('keeps a failed change pending and retries it', async () => {
    let fail = true;
    const { saver, spy, states } = setup(() =>
      fail ? Promise.reject(new Error('Ổ đĩa đầy.')) : Promise.resolve(7),
    );
    saver.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(states.at(-1)).toEqual({ kind: 'error', message: 'Ổ đĩa đầy.' });
    expect(saver.pending).toBe(true);
    fail = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(states.at(-1)).toEqual({ kind: 'saved', at: 7 });
  });

  it('never runs two saves at once and saves changes made during a save', async () => {
    let release: (value: number) => void = () => undefined;
    let running = 0;
    let maxRunning = 0;
    const { saver, spy } = setup(
      () =>
        new Promise<number>((resolve) => {
          running += 1;
          maxRunning = Math.max(maxRunning, running);
          release = (value) => {
            running -= 1;
            resolve(value);
          };
        }),
    );
    saver.changed();
    await vi.advanceTimersByTimeAsync(500);
    saver.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(spy).toHaveBeenCalledTimes(1);
    release(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(spy).toHaveBeenCalledTimes(2);
    release(2);
    await vi.advanceTimersByTimeAsync(10);
    expect(maxRunning).toBe(1);
  });

  it('reports «dirty» once per save, not once per keystroke (no re-render per key)', async () => {
    const { saver, states } = setup(() => Promise.resolve(5));
    for (let key = 0; key < 20; key += 1) {
      saver.changed();
      await vi.advanceTimersByTimeAsync(40);
    }
    expect(states).toEqual([{ kind: 'dirty' }]);
    await vi.advanceTimersByTimeAsync(500);
    expect(states).toEqual([{ kind: 'dirty' }, { kind: 'saving' }, { kind: 'saved', at: 5 }]);
  });

  it('once 2 s have passed, saves at the first pause between words, never later than 3 s', async () => {
    const { saver, spy } = setup();
    // 2.4 s of keys every 60 ms, then a 200 ms gap (a word ends), then typing goes on.
    for (let t = 0; t < 2400; t += 60) {
      saver.changed();
      await vi.advanceTimersByTimeAsync(60);
    }
    expect(spy).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
