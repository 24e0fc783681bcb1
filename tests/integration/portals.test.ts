import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { callCore, openTestCore } from '../support/testCore';
import type { FaultProxy } from '../support/faultProxy';
import { startFaultProxy } from '../support/faultProxy';
import { createKeySecretBox } from '../support/keySecretBox';
import { createTestArticle } from '../support/syncArticles';
import type { WordPressEnv } from '../support/wordpress';
import { runId, wordpressEnv, wordpressRest } from '../support/wordpress';

/*
 * Portal connections through the contract: saving (secrets sealed, never in clear), testing a
 * saved or unsaved connection, pulling and caching categories and tags, deleting.
 */

const env = wordpressEnv();
const run = runId('pc');

/** Every byte SQLite wrote for the library: the database, its WAL and journal. */
function libraryBytes(dataDir: string): Buffer {
  return Buffer.concat(
    fs
      .readdirSync(dataDir)
      .filter((name) => name.startsWith('newsdesk.sqlite'))
      .map((name) => fs.readFileSync(path.join(dataDir, name))),
  );
}

describe.skipIf(env === null)('portal connections', () => {
  const wp = env as WordPressEnv;
  const rest = wordpressRest(wp);
  const dirs: string[] = [];
  let proxy: FaultProxy;

  const libraryDir = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-portals-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    proxy = await startFaultProxy(wp.url, { rate: 0, seed: 1 });
  });

  afterAll(async () => {
    await proxy.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the browser shell keeps the secret in memory only: never on disk, gone after a restart', async () => {
    const dataDir = libraryDir();
    const core = openTestCore({ dataDir, core: { sync: { autoStart: false } } });
    const saved = await callCore(core, 'portals.save', {
      kind: 'wordpress',
      name: 'Cổng tỉnh',
      baseUrl: `${wp.url}/wp-json/`,
      username: wp.user,
      secret: wp.password,
    });
    expect(saved).toMatchObject({
      kind: 'wordpress',
      baseUrl: wp.url,
      secretState: 'session',
      authMode: null,
    });
    expect(saved.secretNotice).toContain('chỉ được giữ trong bộ nhớ');
    expect((await callCore(core, 'portals.test', { id: saved.id })).ok).toBe(true);
    await core.close();
    expect(libraryBytes(dataDir).includes(Buffer.from(wp.password))).toBe(false);
    expect(libraryBytes(dataDir).includes(Buffer.from(wp.password.replace(/ /gu, '')))).toBe(false);

    const reopened = openTestCore({ dataDir, core: { sync: { autoStart: false } } });
    const [again] = await callCore(reopened, 'portals.list', {});
    expect(again).toMatchObject({ id: saved.id, secretState: 'missing' });
    const test = await callCore(reopened, 'portals.test', { id: saved.id });
    expect(test).toMatchObject({ ok: false, failure: { kind: 'auth' } });
    await reopened.close();
  });

  it('a keychain-backed box keeps it sealed across restarts (the desktop shell)', async () => {
    const dataDir = libraryDir();
    const secretBox = createKeySecretBox(randomBytes(32));
    const core = openTestCore({ dataDir, core: { secretBox, sync: { autoStart: false } } });
    const saved = await callCore(core, 'portals.save', {
      kind: 'wordpress',
      name: 'Cổng tỉnh',
      baseUrl: wp.url,
      username: wp.user,
      secret: wp.password,
    });
    expect(saved).toMatchObject({ secretState: 'saved', secretNotice: null });
    await core.close();
    expect(libraryBytes(dataDir).includes(Buffer.from(wp.password))).toBe(false);
    const reopened = openTestCore({ dataDir, core: { secretBox, sync: { autoStart: false } } });
    expect((await callCore(reopened, 'portals.test', { id: saved.id })).ok).toBe(true);
    // Saving without a secret keeps the sealed one.
    const renamed = await callCore(reopened, 'portals.save', {
      id: saved.id,
      kind: 'wordpress',
      name: 'Cổng tỉnh (mới)',
      baseUrl: wp.url,
      username: wp.user,
    });
    expect(renamed).toMatchObject({ name: 'Cổng tỉnh (mới)', secretState: 'saved' });
    await reopened.close();
  });

  it('test explains in Vietnamese: works, wrong password, offline', async () => {
    const core = openTestCore({ core: { sync: { autoStart: false, requestTimeoutMs: 5000 } } });
    const works = await callCore(core, 'portals.test', {
      kind: 'wordpress',
      baseUrl: wp.url,
      username: wp.user,
      secret: wp.password,
    });
    expect(works).toEqual({
      ok: true,
      siteName: 'Newsdesk sync target',
      userName: wp.user,
      canPublish: true,
      canUpload: true,
      lookupBySyncKey: true,
      failure: null,
      suggestedBaseUrl: null,
    });
    const wrong = await callCore(core, 'portals.test', {
      kind: 'wordpress',
      baseUrl: wp.url,
      username: wp.user,
      secret: 'sai mat khau',
    });
    expect(wrong.ok).toBe(false);
    expect(wrong.failure?.kind).toBe('auth');
    expect(wrong.failure?.message).toContain('Mật khẩu ứng dụng');
    proxy.force('drop');
    const offline = await callCore(core, 'portals.test', {
      kind: 'wordpress',
      baseUrl: proxy.url,
      username: wp.user,
      secret: wp.password,
    });
    expect(offline.failure?.kind).toBe('offline');
    await core.close();
  });

  it('refreshTerms caches categories and tags; offline it returns the cache and why', async () => {
    await rest.post('/wp/v2/categories', { name: `Giáo dục ${run}` });
    await rest.post('/wp/v2/tags', { name: `Học sinh ${run}` });
    const core = openTestCore({ core: { sync: { autoStart: false } } });
    const connection = await callCore(core, 'portals.save', {
      kind: 'wordpress',
      name: 'Qua proxy',
      baseUrl: proxy.url,
      username: wp.user,
      secret: wp.password,
    });
    expect(await callCore(core, 'portals.terms', { id: connection.id })).toMatchObject({
      refreshedAt: null,
      categories: [],
      tags: [],
    });
    const pulled = await callCore(core, 'portals.refreshTerms', { id: connection.id });
    expect(pulled.failure).toBeNull();
    expect(pulled.terms.categories.map((term) => term.title)).toContain(`Giáo dục ${run}`);
    expect(pulled.terms.tags.map((term) => term.title)).toContain(`Học sinh ${run}`);
    expect(pulled.terms.refreshedAt).toEqual(expect.any(Number));
    proxy.force('status502');
    const failed = await callCore(core, 'portals.refreshTerms', { id: connection.id });
    expect(failed.failure?.kind).toBe('server');
    expect(failed.terms).toEqual(pulled.terms);
    expect(await callCore(core, 'portals.terms', { id: connection.id })).toEqual(pulled.terms);
    await core.close();
  });

  it('delete is refused while an article waits for the portal, allowed after cancelling', async () => {
    const core = openTestCore({ core: { sync: { autoStart: false } } });
    const connection = await callCore(core, 'portals.save', {
      kind: 'wordpress',
      name: 'Sẽ xoá',
      baseUrl: wp.url,
      username: wp.user,
      secret: wp.password,
    });
    const article = await createTestArticle(core, {
      title: `Chờ gửi ${run}`,
      slug: `cho-gui-${run}`,
      photos: [],
      marker: run,
    });
    const item = await callCore(core, 'sync.enqueue', {
      articleId: article.id,
      connectionId: connection.id,
    });
    await expect(callCore(core, 'portals.delete', { id: connection.id })).rejects.toThrow(
      /^conflict: Còn 1 bài đang chờ gửi/u,
    );
    await callCore(core, 'sync.cancel', { id: item.id });
    await callCore(core, 'portals.delete', { id: connection.id });
    expect(await callCore(core, 'portals.list', {})).toEqual([]);
    expect(await callCore(core, 'sync.list', {})).toEqual([]);
    await core.close();
  });
});
