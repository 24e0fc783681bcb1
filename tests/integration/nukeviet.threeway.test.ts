/**
 * Three-way sync per field against the NukeViet connector on the harness (issue 13): the
 * portal-side edits are made in the site's database the way NukeViet's admin screens store them
 * (edittime bumped; a take-down as status 0 "Ngưng hiệu lực" with the module's status log).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core/app/createCore';
import type { Article } from '../../shared/domain/article';
import type { SyncItem, SyncState } from '../../shared/domain/sync';
import { callCore, openTestCore } from '../support/testCore';
import {
  phpUnavailableReason,
  startNukeVietHarness,
  type NukeVietHarness,
} from '../support/nukeviet-harness/harness';
import type { TestArticle } from '../support/syncArticles';
import { createTestArticle, waitFor } from '../support/syncArticles';
import { photoBytes } from '../support/syncFixtures';

const skipReason = phpUnavailableReason();
if (skipReason !== null) {
  console.warn(`\n!!! NukeViet integration tests SKIPPED: ${skipReason} !!!\n`);
}

describe.skipIf(skipReason !== null)('NukeViet: three-way sync per field', () => {
  let harness: NukeVietHarness;
  let core: Core;
  let connectionId = '';
  let categoryId = '';
  let photoSeq = 900;

  beforeAll(async () => {
    harness = await startNukeVietHarness({
      categories: [{ id: 7, parent: 0, title: 'Xã hội', alias: 'xa-hoi', status: 1 }],
    });
    core = openTestCore({
      core: { sync: { backoffBaseMs: 100, backoffMaxMs: 1000, requestTimeoutMs: 10_000 } },
    });
    connectionId = (
      await callCore(core, 'portals.save', {
        kind: 'nukeviet',
        name: 'Cổng NukeViet',
        baseUrl: harness.baseUrl,
        username: harness.editor.ident,
        secret: harness.editor.secret,
      })
    ).id;
    categoryId = (await callCore(core, 'categories.save', { title: 'Xã hội' })).id;
    harness.exec(
      "INSERT INTO nv4_users (userid, username, md5username, email, first_name, last_name, birthday, question, regdate, active) VALUES (77, 'lan.bt', '', 'lan@example.invalid', 'Lan', 'Nguyễn Thị', 0, '', 0, 1)",
    );
  });

  afterAll(async () => {
    await core.close();
    await harness.stop();
  });

  const article = async (label: string): Promise<TestArticle> =>
    createTestArticle(core, {
      title: `Bài ba chiều ${label}`,
      slug: `bai-ba-chieu-${label}`,
      photos: [await photoBytes((photoSeq += 1))],
      categoryId,
      tags: ['Sự kiện'],
      marker: label,
    });

  const item = async (id: string): Promise<SyncItem> => {
    const found = (await callCore(core, 'sync.list', {})).find((c) => c.id === id);
    if (!found) throw new Error(`no item ${id}`);
    return found;
  };

  const settle = async (id: string): Promise<SyncItem> => {
    const final: SyncState[] = ['done', 'conflict', 'failed', 'cancelled'];
    await waitFor(async () => final.includes((await item(id)).state), 30_000, `item ${id}`);
    return item(id);
  };

  const update = (id: string): Promise<SyncItem> =>
    callCore(core, 'sync.enqueue', { articleId: id, connectionId }).then((i) => settle(i.id));

  const publish = async (approved: TestArticle): Promise<number> => {
    const done = await update(approved.id);
    expect(done.state).toBe('done');
    return Number(done.remoteId);
  };

  const local = (id: string): Promise<Article> => callCore(core, 'articles.get', { id });

  const editLocal = async (id: string, change: (a: Article) => Partial<Article>): Promise<void> => {
    const current = await local(id);
    const next = { ...current, ...change(current) };
    await callCore(core, 'articles.save', {
      id,
      title: next.title,
      meta: next.meta,
      body: next.body,
      baseVersion: current.version,
    });
  };

  const row = (id: number): Record<string, unknown> => {
    const found = harness.query('SELECT * FROM nv4_vi_news_rows WHERE id = ?', id)[0];
    if (!found) throw new Error(`no row ${id}`);
    return found;
  };

  const portalEdit = (id: number, column: string, value: unknown): void =>
    harness.exec(
      `UPDATE nv4_vi_news_rows SET ${column} = ?, edittime = edittime + 1 WHERE id = ?`,
      value,
      id,
    );

  it('a sapo edited only on the portal comes into the desk; a body edited only on the desk is sent', async () => {
    const approved = await article('mot');
    const id = await publish(approved);
    portalEdit(id, 'hometext', 'Sapo biên tập viên sửa trên cổng');
    await editLocal(approved.id, (a) => ({
      body: {
        ...a.body,
        content: [
          ...(a.body.content ?? []),
          { type: 'paragraph', content: [{ type: 'text', text: 'Đoạn thêm ở bàn biên tập.' }] },
        ],
      },
    }));
    expect((await update(approved.id)).state).toBe('done');
    expect(row(id).hometext).toBe('Sapo biên tập viên sửa trên cổng');
    const detail = harness.query<{ bodyhtml: string }>(
      'SELECT bodyhtml FROM nv4_vi_news_detail WHERE id = ?',
      id,
    )[0];
    expect(detail?.bodyhtml).toContain('Đoạn thêm ở bàn biên tập.');
    expect((await local(approved.id)).meta.lead).toBe('Sapo biên tập viên sửa trên cổng');
    const revisions = await callCore(core, 'revisions.list', { articleId: approved.id });
    expect(revisions.some((r) => r.reason === 'portal')).toBe(true);
  });

  it('changed on both sides: a conflict with exactly those fields and a typed code', async () => {
    const approved = await article('hai');
    const id = await publish(approved);
    portalEdit(id, 'title', 'Tít sửa trên cổng');
    portalEdit(id, 'hometext', 'Sapo sửa trên cổng');
    await editLocal(approved.id, (a) => ({
      title: 'Tít sửa ở bàn biên tập',
      meta: { ...a.meta, source: 'Báo Quân đội' },
    }));
    const stopped = await update(approved.id);
    expect(stopped.state).toBe('conflict');
    expect(stopped.lastError?.code).toBe('portal_edited');
    const conflict = await callCore(core, 'sync.conflict', { id: stopped.id });
    expect(conflict.fields).toEqual([
      { field: 'title', mine: 'Tít sửa ở bàn biên tập', theirs: 'Tít sửa trên cổng' },
    ]);
    expect(row(id).title).toBe('Tít sửa trên cổng');
  });

  it('«Ngưng hiệu lực» on the portal stops later updates and says who did it', async () => {
    const approved = await article('ba');
    const id = await publish(approved);
    harness.exec(
      'UPDATE nv4_vi_news_rows SET status = 0, edittime = edittime + 1 WHERE id = ?',
      id,
    );
    harness.exec(
      "INSERT INTO nv4_vi_news_logs (sid, userid, log_key, status, note, set_time) VALUES (?, 77, 'change_status', 0, '', ?)",
      id,
      Math.floor(Date.now() / 1000),
    );
    await editLocal(approved.id, (a) => ({ meta: { ...a.meta, lead: 'Chỉ sửa sapo' } }));
    const stopped = await update(approved.id);
    expect(stopped.state).toBe('conflict');
    expect(stopped.lastError?.code).toBe('portal_status_changed');
    expect(stopped.lastError?.message).toContain('Ngưng hiệu lực');
    expect(stopped.lastError?.message).toContain('Nguyễn Thị Lan');
    expect(Number(row(id).status)).toBe(0);
    await callCore(core, 'sync.resolveConflict', { id: stopped.id, keep: 'theirs' });
    expect((await update(approved.id)).state).toBe('conflict');
    expect(Number(row(id).status)).toBe(0);
  });

  it('keep the portal’s version: it becomes the article and stays through later updates', async () => {
    const approved = await article('bon');
    const id = await publish(approved);
    portalEdit(id, 'title', 'Tít đúng trên cổng');
    await editLocal(approved.id, () => ({ title: 'Tít cũ của bàn biên tập' }));
    const stopped = await update(approved.id);
    expect(stopped.state).toBe('conflict');
    await callCore(core, 'sync.resolveConflict', { id: stopped.id, keep: 'theirs' });
    expect((await settle(stopped.id)).state).toBe('done');
    expect((await local(approved.id)).title).toBe('Tít đúng trên cổng');
    await editLocal(approved.id, (a) => ({ meta: { ...a.meta, lead: 'Sapo sửa sau đó' } }));
    expect((await update(approved.id)).state).toBe('done');
    expect(row(id).title).toBe('Tít đúng trên cổng');
    expect(row(id).hometext).toBe('Sapo sửa sau đó');
  });
});
