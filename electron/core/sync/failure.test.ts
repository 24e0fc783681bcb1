import { describe, expect, it } from 'vitest';

import { PortalError } from '../portal/adapter';
import { classifyFailure, retryDelay, SyncFailure } from './failure';
import { createLimiter } from './limiter';

const fixed = (value: number) => ({ baseMs: 1000, maxMs: 60_000, random: () => value });

describe('retry schedule', () => {
  it('doubles from the base, capped, with ±50 % jitter', () => {
    expect(retryDelay(1, null, fixed(0.5))).toBe(1000);
    expect(retryDelay(2, null, fixed(0.5))).toBe(2000);
    expect(retryDelay(5, null, fixed(0.5))).toBe(16_000);
    expect(retryDelay(30, null, fixed(0.5))).toBe(60_000);
    expect(retryDelay(3, null, fixed(0))).toBe(2000);
    expect(retryDelay(3, null, fixed(0.999))).toBe(5996);
  });

  it("honours the portal's Retry-After (plus up to 10 %), at most one hour", () => {
    expect(retryDelay(1, 30_000, fixed(0))).toBe(30_000);
    expect(retryDelay(9, 30_000, fixed(1))).toBe(33_000);
    expect(retryDelay(1, 86_400_000, fixed(0))).toBe(3_600_000);
  });
});

describe('failure classification', () => {
  it('retries transient portal failures and stops on the rest', () => {
    expect(classifyFailure(new PortalError('server', 'Lỗi máy chủ', { retryAfterMs: 5 }))).toEqual({
      code: 'server',
      message: 'Lỗi máy chủ',
      transient: true,
      retryAfterMs: 5,
    });
    expect(classifyFailure(new PortalError('validation', 'Sai')).transient).toBe(false);
    expect(classifyFailure(new SyncFailure('photo_missing', 'Mất ảnh'))).toMatchObject({
      code: 'photo_missing',
      transient: false,
    });
    const internal = classifyFailure(new TypeError('x is undefined'));
    expect(internal.code).toBe('internal');
    expect(internal.message).not.toContain('undefined');
  });
});

describe('upload limiter', () => {
  it('runs at most `size` tasks at once, first come first served', async () => {
    const limiter = createLimiter(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (n: number) =>
      limiter.run(async () => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 10));
        order.push(n);
        active -= 1;
      });
    await Promise.all([1, 2, 3, 4, 5].map(task));
    expect(peak).toBe(2);
    expect(order.slice(0, 2).sort()).toEqual([1, 2]);
    expect(limiter.active).toBe(0);
  });

  it('a waiter whose signal aborts leaves the line; an aborted signal never queues', async () => {
    const limiter = createLimiter(1);
    let release = (): void => undefined;
    const holder = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const waiting = limiter.run(() => Promise.resolve('ran'), controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    await expect(limiter.run(() => Promise.resolve(1), controller.signal)).rejects.toThrow(
      'cancelled',
    );
    release();
    await holder;
    await expect(limiter.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
