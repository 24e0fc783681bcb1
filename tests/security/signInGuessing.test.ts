import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core/app/createCore';
import type { WebServer } from '../../electron/web/server';
import { startWebServer } from '../../electron/web/server';
import type { Result } from '../../shared/contract/result';
import { signInGuardRules } from '../../shared/workflow/signInGuard';
import { tempDir } from '../support/tempDir';
import { callCore, openTestCore, signInAs, testAdmin, testPassword } from '../support/testCore';

/**
 * Issue 12, point 4: password guessing is slowed down and stopped. The clock is the core's
 * injected `now`, moved by the test, so nothing sleeps; guesses go through the real web bridge
 * over HTTP on 127.0.0.1 like the browser shell's sign-in screen.
 */

const token = 'guessing-test-token-0123456789';
const context = { shell: 'browser' as const };
const start = Date.parse('2026-12-07T08:00:00Z');
let clock = start;
const now = (): number => clock;
let core: Core | null = null;
let server: WebServer | null = null;

afterEach(async () => {
  await server?.close();
  await core?.close();
  server = null;
  core = null;
});

/** A library with the newsroom's editor `btv`, nobody signed in. */
async function newsroom(): Promise<Core> {
  clock = start;
  core = openTestCore({ now });
  await signInAs(core, 'editor', 'btv', 'Biên tập viên');
  await callCore(core, 'auth.signOut', {});
  return core;
}

function post(web: WebServer, name: string, input: unknown): Promise<Result<unknown>> {
  const body = JSON.stringify(input);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: web.port,
        method: 'POST',
        path: `/api/call/${name}`,
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as never));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function bridge(target: Core): Promise<WebServer> {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Newsdesk</title>');
  server = await startWebServer({ core: target, staticDir, token, port: 0 });
  return server;
}

const wrongAnswer = /^Tên đăng nhập hoặc mật khẩu không đúng/;
const isPlainWrong = (result: Result<unknown>): boolean =>
  !result.ok && wrongAnswer.test(result.error.message);

/** The best a guesser can do: try again the moment the answer allows (0.1 s otherwise). */
function waitToldMs(result: Result<unknown>): number {
  if (result.ok) return 0;
  const seconds = /Hãy đợi (\d+) giây/.exec(result.error.message);
  if (seconds?.[1]) return Number(seconds[1]) * 1000;
  if (/đang bị tạm khoá/.test(result.error.message)) return 60_000;
  return 100;
}

describe('sign-in guessing', () => {
  it('keeps a guesser who waits exactly as told to a few dozen guesses an hour, over HTTP', async () => {
    const web = await bridge(await newsroom());
    // The right password is the 50th on the guesser's list; today's main lets it in at once.
    const guesses = Array.from({ length: 49 }, (_, i) => `doan-mat-khau-${i}`);
    guesses.push(testPassword);
    let next = 0;
    let signedIn = false;
    while (clock < start + 3600_000 && !signedIn) {
      const result = await post(web, 'auth.signIn', { userName: 'btv', password: guesses[next] });
      if (result.ok) signedIn = true;
      // Only a plain "wrong" answer tells the guesser that this password is not it.
      else if (isPlainWrong(result)) next += 1;
      clock += waitToldMs(result);
    }
    expect(signedIn).toBe(false);
    expect(next).toBeLessThanOrEqual(40);
    expect(next).toBeGreaterThanOrEqual(signInGuardRules.lockAfter - 1);
  }, 60_000);

  it('lets only the first guesses of a parallel burst be checked', async () => {
    const web = await bridge(await newsroom());
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post(web, 'auth.signIn', { userName: 'btv', password: `song-song-${i}` }),
      ),
    );
    expect(burst.filter(isPlainWrong).length).toBe(signInGuardRules.freeFailures + 1);
    expect(burst.every((result) => !result.ok)).toBe(true);
  });

  it('slows guessing across many names per workstation', async () => {
    const web = await bridge(await newsroom());
    let checked = 0;
    let attempt = 0;
    while (clock < start + 3600_000) {
      attempt += 1;
      const result = await post(web, 'auth.signIn', {
        userName: `ten-${attempt}`,
        password: 'doan-bua',
      });
      if (isPlainWrong(result)) checked += 1;
      clock += waitToldMs(result);
    }
    // At most one check per 30 s once the delays reach their ceiling (36,000 on today's main).
    expect(checked).toBeLessThanOrEqual(3600 / 30 + 10);
  }, 60_000);

  it('waits longer from the third failure on, counted by the clock, not by sleeping', async () => {
    const target = await newsroom();
    const attempt = (password: string): Promise<Result<unknown>> =>
      target.dispatch('auth.signIn', { userName: 'btv', password }, context);
    for (let i = 0; i < 3; i += 1) expect(isPlainWrong(await attempt('sai'))).toBe(true);
    const early = await attempt(testPassword);
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringMatching(/Hãy đợi 1 giây/) },
    });
    clock += 1000;
    expect(isPlainWrong(await attempt('sai'))).toBe(true);
    expect(await attempt('sai')).toMatchObject({
      error: { message: expect.stringMatching(/Hãy đợi 2 giây/) },
    });
    clock += 2000;
    expect((await attempt(testPassword)).ok).toBe(true);
  });

  it('locks a name after 10 failures, even to the right password, until 15 minutes pass', async () => {
    const target = await newsroom();
    const attempt = (password: string): Promise<Result<unknown>> =>
      target.dispatch('auth.signIn', { userName: 'btv', password }, context);
    let last: Result<unknown> | null = null;
    let lockedAt = clock;
    for (let i = 0; i < signInGuardRules.lockAfter; i += 1) {
      clock += signInGuardRules.maxDelayMs;
      lockedAt = clock;
      last = await attempt(`sai-${i}`);
    }
    expect(last).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringMatching(/đang bị tạm khoá/) },
    });
    expect(await attempt(testPassword)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/đang bị tạm khoá/) },
    });
    clock = lockedAt + signInGuardRules.lockMs - 1000;
    expect(isPlainWrong(await attempt(testPassword))).toBe(false);
    clock = lockedAt + signInGuardRules.lockMs;
    expect((await attempt(testPassword)).ok).toBe(true);
  });

  it('lets an administrator unlock a name at once, and logs every failure with the name tried', async () => {
    const target = await newsroom();
    for (let i = 0; i < signInGuardRules.lockAfter; i += 1) {
      await target.dispatch('auth.signIn', { userName: 'BTV ', password: `sai-${i}` }, context);
      clock += signInGuardRules.maxDelayMs;
    }
    await target.dispatch('auth.signIn', { userName: 'khong-co-ai', password: 'x' }, context);
    // The workstation's own delay (at most 30 s) applies to the administrator too.
    clock += signInGuardRules.maxWorkstationDelayMs;
    await callCore(target, 'auth.signIn', {
      userName: testAdmin.userName,
      password: testAdmin.password,
    });
    const before = await callCore(target, 'auth.signInLog', {});
    expect(before.locked).toEqual([
      expect.objectContaining({ userName: 'btv', failures: signInGuardRules.lockAfter }),
    ]);
    const tried = before.recent.filter((entry) => entry.reason === 'wrong_password');
    expect(tried).toHaveLength(signInGuardRules.lockAfter);
    expect(tried.every((entry) => entry.userNameTried === 'BTV')).toBe(true);
    expect(before.recent[0]).toMatchObject({
      userNameTried: 'khong-co-ai',
      reason: 'unknown_user',
    });

    await callCore(target, 'auth.unlockAccount', { userName: 'btv' });
    const after = await callCore(target, 'auth.signInLog', {});
    expect(after.locked).toEqual([]);
    expect(after.recent[0]).toMatchObject({ reason: 'unlocked', by: testAdmin.displayName });
    expect(
      (await target.dispatch('auth.signIn', { userName: 'btv', password: testPassword }, context))
        .ok,
    ).toBe(true);
    // Only administrators unlock.
    expect(await target.dispatch('auth.unlockAccount', { userName: 'btv' }, context)).toMatchObject(
      {
        ok: false,
        error: { code: 'forbidden' },
      },
    );
  });

  it('answers the same for an unknown name, a wrong password and a disabled account', async () => {
    const target = await newsroom();
    await callCore(target, 'auth.signIn', {
      userName: testAdmin.userName,
      password: testAdmin.password,
    });
    const users = await callCore(target, 'users.list', {});
    const btv = users.find((user) => user.userName === 'btv');
    await callCore(target, 'users.update', { id: btv?.id ?? '', disabled: true });
    await callCore(target, 'auth.signOut', {});
    const answers = [];
    for (const input of [
      { userName: 'khong-co-ai', password: testPassword },
      { userName: testAdmin.userName, password: 'mat-khau-sai' },
      { userName: 'btv', password: 'mat-khau-sai' },
      // The right password of a disabled account: still the same answer (never revealed).
      { userName: 'btv', password: testPassword },
    ]) {
      answers.push(await target.dispatch('auth.signIn', input, context));
      clock += signInGuardRules.maxDelayMs;
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
