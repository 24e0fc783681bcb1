import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core/app/createCore';
import type { EventPayload } from '../../shared/contract/events';
import type { SyncItem, SyncState } from '../../shared/domain/sync';
import { callCore, openTestCore } from '../support/testCore';
import type { FaultProxy } from '../support/faultProxy';
import { seededRandom, startFaultProxy } from '../support/faultProxy';
import type { TestArticle } from '../support/syncArticles';
import { createTestArticle, waitFor } from '../support/syncArticles';
import { photoBytes } from '../support/syncFixtures';
import { expectPublished } from '../support/syncVerify';
import type { WordPressEnv } from '../support/wordpress';
import { runId, wordpressEnv, wordpressRest } from '../support/wordpress';

/*
 * Every outbox state, through the contract, against the real local WordPress behind the fault
 * proxy: queued → uploading_media → uploading_article → done; waiting to retry after a
 * transient failure (Retry-After honoured); failed with a message and "retry"; cancelled;
 * conflict with both versions and both resolutions; a missing secret after a restart; take-down;
 * a slow upload that does not hold up another article.
 */

const env = wordpressEnv();
const run = runId('ob');

type Json = Record<string, unknown>;

describe.skipIf(env === null)('sync outbox against a real WordPress', () => {
  const wp = env as WordPressEnv;
  const rest = wordpressRest(wp);
  let proxy: FaultProxy;
  let dataDir: string;
  let core: Core;
  let connectionId: string;
  let categoryId: string;
  let authorId: string;
  let photoSeq = 100;
  const seen = new Map<string, EventPayload<'sync.item'>[]>();

  const open = (): Core => {
    const opened = openTestCore({
      dataDir,
      core: {
        sync: {
          backoffBaseMs: 100,
          backoffMaxMs: 1000,
          requestTimeoutMs: 10_000,
          random: seededRandom(11),
          uploadConcurrency: 2,
        },
      },
    });
    opened.events.subscribe((message) => {
      if (message.name !== 'sync.item') return;
      const list = seen.get(message.payload.id) ?? [];
      list.push(message.payload);
      seen.set(message.payload.id, list);
    });
    return opened;
  };

  const article = async (
    label: string,
    photos = 2,
    extra: { categoryId?: string } = {},
  ): Promise<TestArticle> => {
    const buffers: Buffer[] = [];
    for (let i = 0; i < photos; i += 1) buffers.push(await photoBytes((photoSeq += 1)));
    return createTestArticle(core, {
      title: `Bài ${label} ${run}`,
      slug: `bai-${label}-${run}`,
      photos: buffers,
      categoryId: extra.categoryId ?? categoryId,
      authorId,
      tags: [`Sự kiện ${run}`],
      marker: run,
    });
  };

  const item = (id: string): Promise<SyncItem> =>
    callCore(core, 'sync.list', {}).then((items) => {
      const found = items.find((candidate) => candidate.id === id);
      if (!found) throw new Error(`no item ${id}`);
      return found;
    });

  const until = (id: string, state: SyncState, timeoutMs = 30_000): Promise<void> =>
    waitFor(async () => (await item(id)).state === state, timeoutMs, `item ${id} ${state}`);

  const recipe = async () => {
    const recipes = await callCore(core, 'recipes.list', {});
    const chosen = recipes.find((candidate) => candidate.isDefault) ?? recipes[0];
    if (!chosen) throw new Error('no recipe');
    return chosen.recipe;
  };

  beforeAll(async () => {
    proxy = await startFaultProxy(wp.url, {
      rate: 0,
      seed: 5,
      retryAfterSeconds: 1,
      delayMs: [6000, 6000],
    });
    // Not tempDir(): that one is removed after each test, and this library lives for the file.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-outbox-'));
    core = open();
    const connection = await callCore(core, 'portals.save', {
      kind: 'wordpress',
      name: 'Cổng thử nghiệm',
      baseUrl: proxy.url,
      username: wp.user,
      secret: wp.password,
    });
    connectionId = connection.id;
    await rest.post('/wp/v2/categories', { name: `Thời sự ${run}` });
    categoryId = (await callCore(core, 'categories.save', { title: `Thời sự ${run}` })).id;
    authorId = (
      await callCore(core, 'authors.save', { name: 'Th.S Lê Đình Hùng', position: 'Phóng viên' })
    ).id;
  });

  afterEach(() => {
    proxy.setRate(0);
  });

  afterAll(async () => {
    await core.close();
    await proxy.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('queued → uploading_media → uploading_article → done; the post is exactly what was approved', async () => {
    const approved = await article('mot', 3);
    const queued = await callCore(core, 'sync.enqueue', { articleId: approved.id, connectionId });
    expect(queued).toMatchObject({
      state: 'queued',
      attempts: 0,
      action: 'publish',
      connectionName: 'Cổng thử nghiệm',
    });
    await until(queued.id, 'done');
    const states = (seen.get(queued.id) ?? []).map((event) => event.state);
    expect(states[0]).toBe('queued');
    expect(states).toContain('uploading_media');
    expect(states).toContain('uploading_article');
    expect(states.at(-1)).toBe('done');
    const doneItem = await item(queued.id);
    expect(doneItem).toMatchObject({
      progress: { done: 4, total: 4 },
      lastError: null,
      finishedAt: expect.any(Number),
    });
    expect(doneItem.remoteUrl).toContain(`bai-mot-${run}`);
    const post = await expectPublished(rest, approved, {
      mediaDir: core.paths.media,
      recipe: await recipe(),
    });
    const content = String((post.content as Json).raw);
    expect(content).toContain('Tác giả: <strong>Th.S Lê Đình Hùng - Phóng viên</strong>');
    expect((post.categories as number[]).length).toBe(1);
    const status = await callCore(core, 'sync.status', {});
    expect(status).toMatchObject({ online: true, waiting: 0, failed: 0, conflicts: 0 });
    const log = await callCore(core, 'sync.log', { itemId: queued.id });
    expect(log.map((entry) => entry.message).join('\n')).toContain('Đã đăng bài');
  });

  it('a transient failure waits to retry (queued, attempts, last error, Retry-After), then succeeds', async () => {
    const approved = await article('hai');
    proxy.force('status429', { method: 'POST', path: '/wp-json/wp/v2/posts' });
    const queued = await callCore(core, 'sync.enqueue', { articleId: approved.id, connectionId });
    await waitFor(async () => (await item(queued.id)).attempts === 1, 30_000, 'first failure');
    const waiting = await item(queued.id);
    expect(waiting.state).toBe('queued');
    expect(waiting.lastError?.code).toBe('rate_limited');
    expect(waiting.lastError?.message).toContain('429');
    expect(waiting.nextAttemptAt).not.toBeNull();
    expect((waiting.nextAttemptAt ?? 0) - waiting.updatedAt).toBeGreaterThanOrEqual(1000);
    expect((await callCore(core, 'sync.status', {})).nextAttemptAt).toBe(waiting.nextAttemptAt);
    await until(queued.id, 'done');
    expect(await item(queued.id)).toMatchObject({ attempts: 1, lastError: null });
    await expectPublished(rest, approved, {
      mediaDir: core.paths.media,
      recipe: await recipe(),
      checkBytes: false,
    });
  });

  it('a permanent failure stops with a message; retry sends it once the cause is fixed', async () => {
    const missing = (await callCore(core, 'categories.save', { title: `Chuyên mục mới ${run}` }))
      .id;
    const approved = await article('ba', 1, { categoryId: missing });
    const queued = await callCore(core, 'sync.enqueue', { articleId: approved.id, connectionId });
    await until(queued.id, 'failed');
    const failed = await item(queued.id);
    expect(failed.lastError?.code).toBe('category_missing');
    expect(failed.lastError?.message).toContain(`Cổng chưa có chuyên mục «Chuyên mục mới ${run}»`);
    expect(failed.nextAttemptAt).toBeNull();
    expect((await callCore(core, 'sync.status', {})).failed).toBeGreaterThanOrEqual(1);
    await rest.post('/wp/v2/categories', { name: `Chuyên mục mới ${run}` });
    const retried = await callCore(core, 'sync.retry', { id: queued.id });
    expect(retried).toMatchObject({ state: 'queued', attempts: 0, lastError: null });
    await until(queued.id, 'done');
  });

  it('cancel stops an upload in flight; nothing is published; retry publishes it', async () => {
    const approved = await article('bon', 1);
    proxy.force('delay', { method: 'POST', path: '/wp-json/wp/v2/media' });
    const queued = await callCore(core, 'sync.enqueue', { articleId: approved.id, connectionId });
    await until(queued.id, 'uploading_media');
    const cancelled = await callCore(core, 'sync.cancel', { id: queued.id });
    expect(cancelled.state).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await item(queued.id)).state).toBe('cancelled');
    expect(await rest.total(`/wp/v2/posts?newsdesk_sync_key=${approved.id}&status=any`)).toBe(0);
    await callCore(core, 'sync.retry', { id: queued.id });
    await until(queued.id, 'done');
    await expectPublished(rest, approved, {
      mediaDir: core.paths.media,
      recipe: await recipe(),
      checkBytes: false,
    });
  });

  const retitle = async (id: string, title: string): Promise<void> => {
    const current = await callCore(core, 'articles.get', { id });
    await callCore(core, 'articles.save', {
      id,
      title,
      meta: current.meta,
      body: current.body,
      baseVersion: current.version,
    });
  };

  it('a title edited on the portal and on the desk is a conflict: both versions shown; keep mine overwrites the same post', async () => {
    const approved = await article('nam', 1);
    const first = await callCore(core, 'sync.enqueue', { articleId: approved.id, connectionId });
    await until(first.id, 'done');
    const remoteId = (await item(first.id)).remoteId;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await rest.post(`/wp/v2/posts/${String(remoteId)}`, { title: 'Biên tập viên sửa trên cổng' });
    await retitle(approved.id, `${approved.title} (bàn biên tập)`);
    const again = await callCore(core, 'sync.enqueue', { articleId: approved.id, connectionId });
    expect(again.id).not.toBe(first.id);
    await until(again.id, 'conflict');
    const conflict = await callCore(core, 'sync.conflict', { id: again.id });
    expect(conflict.mine.title).toBe(`${approved.title} (bàn biên tập)`);
    expect(conflict.theirs?.title).toBe('Biên tập viên sửa trên cổng');
    expect(conflict.fields.map((change) => change.field)).toEqual(['title']);
    expect(conflict.mine.html).toContain('<figure');
    expect((await callCore(core, 'sync.status', {})).conflicts).toBe(1);
    const post = await rest.get<Json>(`/wp/v2/posts/${String(remoteId)}?context=edit`);
    expect((post.json.title as Json).raw).toBe('Biên tập viên sửa trên cổng');
    await callCore(core, 'sync.resolveConflict', { id: again.id, keep: 'mine' });
    await until(again.id, 'done');
    expect((await item(again.id)).remoteId).toBe(remoteId);
    expect(await rest.total(`/wp/v2/posts?newsdesk_sync_key=${approved.id}&status=any`)).toBe(1);
    const after = await rest.get<Json>(`/wp/v2/posts/${String(remoteId)}?context=edit`);
    expect((after.json.title as Json).raw).toBe(`${approved.title} (bàn biên tập)`);
  });

  it('keep theirs leaves the portal alone; the next update goes through without a conflict', async () => {
    const approved = await article('sau', 1);
    const first = await callCore(core, 'sync.enqueue', { articleId: approved.id, connectionId });
    await until(first.id, 'done');
    const remoteId = String((await item(first.id)).remoteId);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await rest.post(`/wp/v2/posts/${remoteId}`, { title: 'Bản trên cổng' });
    await retitle(approved.id, `${approved.title} (bàn biên tập)`);
    const second = await callCore(core, 'sync.enqueue', { articleId: approved.id, connectionId });
    await until(second.id, 'conflict');
    await callCore(core, 'sync.resolveConflict', { id: second.id, keep: 'theirs' });
    // The portal's title became the desk's; the item went on and sent nothing that differs.
    await until(second.id, 'done');
    expect((await callCore(core, 'articles.get', { id: approved.id })).title).toBe('Bản trên cổng');
    const post = await rest.get<Json>(`/wp/v2/posts/${remoteId}?context=edit`);
    expect((post.json.title as Json).raw).toBe('Bản trên cổng');
    const third = await callCore(core, 'sync.enqueue', { articleId: approved.id, connectionId });
    await until(third.id, 'done');
    expect((await item(third.id)).remoteId).toBe(remoteId);
    const later = await rest.get<Json>(`/wp/v2/posts/${remoteId}?context=edit`);
    expect((later.json.title as Json).raw).toBe('Bản trên cổng');
  });

  it('take-down makes the published post private', async () => {
    const approved = await article('bay', 1);
    const published = await callCore(core, 'sync.enqueue', {
      articleId: approved.id,
      connectionId,
    });
    await until(published.id, 'done');
    const takedown = await callCore(core, 'sync.enqueue', {
      articleId: approved.id,
      connectionId,
      action: 'takedown',
    });
    await until(takedown.id, 'done');
    const remoteId = String((await item(published.id)).remoteId);
    const post = await rest.get<Json>(`/wp/v2/posts/${remoteId}?context=edit`);
    expect(post.json.status).toBe('private');
  });

  it('a slow upload does not hold up another article', async () => {
    const slow = await article('cham', 1);
    const quick = await article('nhanh', 1);
    proxy.force('delay', { method: 'POST', path: '/wp-json/wp/v2/media' });
    const slowItem = await callCore(core, 'sync.enqueue', { articleId: slow.id, connectionId });
    await until(slowItem.id, 'uploading_media');
    const quickItem = await callCore(core, 'sync.enqueue', { articleId: quick.id, connectionId });
    await until(quickItem.id, 'done', 30_000);
    expect((await item(slowItem.id)).state).not.toBe('done');
    await until(slowItem.id, 'done');
  });

  it('after a restart the browser shell has no secret: failed, and entering it resumes', async () => {
    const approved = await article('tam', 1);
    await core.close();
    core = open();
    const [connection] = await callCore(core, 'portals.list', {});
    expect(connection).toMatchObject({ secretState: 'missing' });
    expect(connection?.secretNotice).toContain('nhập lại mật khẩu');
    const queued = await callCore(core, 'sync.enqueue', { articleId: approved.id, connectionId });
    await until(queued.id, 'failed');
    expect((await item(queued.id)).lastError?.code).toBe('secret_missing');
    const saved = await callCore(core, 'portals.save', {
      id: connectionId,
      kind: 'wordpress',
      name: 'Cổng thử nghiệm',
      baseUrl: proxy.url,
      username: wp.user,
      secret: wp.password,
    });
    expect(saved.secretState).toBe('session');
    await until(queued.id, 'done');
  });
});
