import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/support/tempDir';
import { callCore, openTestCore, signInAs } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';
import { paragraph, saveBody } from '../../../tests/support/workflowKit';

const context = { shell: 'browser' as const };
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const minutes = (n: number): number => n * 60_000;
const sentence = 'Chủ tịch UBND tỉnh báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm.';

/** Where the editor's selection of `quote` would be, in ProseMirror positions of a one-paragraph-per-line doc. */
function selection(
  paragraphs: string[],
  quote: string,
): { from: number; to: number; quote: string } {
  let pos = 0;
  for (const text of paragraphs) {
    const at = text.indexOf(quote);
    if (at >= 0) return { from: pos + 1 + at, to: pos + 1 + at + quote.length, quote };
    pos += text.length + 2;
  }
  throw new Error(`${quote} not found`);
}

describe('review comments', () => {
  it('keeps an inline comment on its passage while the text around it is edited', async () => {
    core = openTestCore({ as: 'reporter' });
    const article = await callCore(core, 'articles.create', { title: 'Kỳ họp' });
    const first = ['Sáng 12/7, HĐND tỉnh khai mạc kỳ họp thứ 9.', sentence];
    await saveBody(core, article, first.map(paragraph));
    await signInAs(core, 'editor', 'btv', 'Trần Thị Bình');
    const quote = 'tình hình kinh tế - xã hội';
    const comment = await callCore(core, 'comments.add', {
      articleId: article.id,
      text: 'Nêu số liệu cụ thể.',
      anchor: selection(first, quote),
    });
    expect(comment).toMatchObject({
      kind: 'inline',
      author: { name: 'Trần Thị Bình' },
      resolved: false,
      mine: true,
      anchor: {
        state: 'exact',
        quote,
        currentText: quote,
        from: selection(first, quote).from,
        to: selection(first, quote).to,
      },
    });
    const note = await callCore(core, 'comments.add', {
      articleId: article.id,
      text: 'Bài tốt, cần thêm ảnh.',
    });
    expect(note).toMatchObject({ kind: 'general', anchor: null });

    // The reporter rewrites the sentence around the quoted words and adds a paragraph above.
    await signInAs(core, 'reporter', 'test-reporter');
    const edited = [
      'Tin cập nhật lúc 10 giờ.',
      'Sáng 12/7, HĐND tỉnh Quảng Trị khai mạc kỳ họp thứ 9 (khoá VIII).',
      `Ông Võ Văn Hưng, Chủ tịch UBND tỉnh, trình bày ${quote} năm 2024.`,
    ];
    await saveBody(core, article, edited.map(paragraph));
    const [moved] = await callCore(core, 'comments.list', { articleId: article.id });
    const now = selection(edited, quote);
    expect(moved?.anchor).toEqual({
      state: 'moved',
      quote,
      currentText: quote,
      from: now.from,
      to: now.to,
    });

    // Rewriting the quoted words themselves keeps the comment on what replaced them.
    const rewritten = [
      ...edited.slice(0, 2),
      `Ông Võ Văn Hưng, Chủ tịch UBND tỉnh, trình bày kết quả phát triển năm 2024.`,
    ];
    await saveBody(core, article, rewritten.map(paragraph));
    const [fuzzy] = await callCore(core, 'comments.list', { articleId: article.id });
    expect(fuzzy?.anchor).toMatchObject({
      state: 'fuzzy',
      quote,
      currentText: 'kết quả phát triển',
    });

    // Deleting the passage orphans the comment but keeps it.
    await saveBody(core, article, [paragraph('Bài viết lại hoàn toàn.')]);
    const [orphan, general] = await callCore(core, 'comments.list', { articleId: article.id });
    expect(orphan?.anchor).toEqual({
      state: 'orphaned',
      from: null,
      to: null,
      quote,
      currentText: null,
    });
    expect(general?.kind).toBe('general');

    // Resolve and reopen: anyone; delete: only the author.
    const resolved = await callCore(core, 'comments.resolve', { id: comment.id });
    expect(resolved).toMatchObject({
      resolved: true,
      resolvedBy: { name: 'Người dùng reporter' },
      mine: false,
    });
    expect(
      await callCore(core, 'comments.list', { articleId: article.id, includeResolved: false }),
    ).toHaveLength(1);
    expect((await callCore(core, 'comments.reopen', { id: comment.id })).resolved).toBe(false);
    expect(await core.dispatch('comments.delete', { id: comment.id }, context)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/Trần Thị Bình/) },
    });
    await signInAs(core, 'editor', 'btv');
    await callCore(core, 'comments.delete', { id: comment.id });
    expect(
      (await callCore(core, 'comments.list', { articleId: article.id })).map((c) => c.id),
    ).toEqual([note.id]);
  });

  it('refuses a selection that is not in the saved text', async () => {
    core = openTestCore();
    const article = await callCore(core, 'articles.create', { title: 'T' });
    await saveBody(core, article, [paragraph(sentence)]);
    const result = await core.dispatch(
      'comments.add',
      { articleId: article.id, text: 'x', anchor: { from: 1, to: 8, quote: 'chưa lưu' } },
      context,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/Đã lưu/) },
    });
  });
});

describe('editing leases', () => {
  it('shows who holds an article, refuses others’ saves, lapses when idle and lets an editor take over', async () => {
    let clock = Date.UTC(2024, 6, 12, 2);
    core = openTestCore({ as: 'reporter', now: () => clock });
    const article = await callCore(core, 'articles.create', { title: 'Bài đang viết' });
    const mine = await callCore(core, 'locks.acquire', { articleId: article.id });
    expect(mine).toMatchObject({
      acquired: true,
      lease: {
        mine: true,
        since: clock,
        holder: { name: 'Người dùng reporter', role: 'reporter' },
      },
    });
    const since = clock;

    clock += minutes(5);
    await signInAs(core, 'editor', 'btv', 'Trần Thị Bình');
    const theirs = await callCore(core, 'locks.acquire', { articleId: article.id });
    expect(theirs).toEqual({
      acquired: false,
      lease: expect.objectContaining({
        mine: false,
        since,
        holder: expect.objectContaining({ name: 'Người dùng reporter' }),
        expiresAt: since + minutes(30),
      }),
    });
    const current = await callCore(core, 'articles.get', { id: article.id });
    const save = await core.dispatch(
      'articles.save',
      {
        id: article.id,
        title: 'Sửa chồng',
        meta: current.meta,
        body: current.body,
        baseVersion: current.version,
      },
      context,
    );
    expect(save).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(/^Người dùng reporter đang sửa bài này \(từ 09:00\)/),
      },
    });

    // An editor may take it over; that is recorded.
    const taken = await callCore(core, 'locks.takeOver', {
      articleId: article.id,
      note: 'Cần sửa gấp',
    });
    expect(taken).toMatchObject({ mine: true, holder: { name: 'Trần Thị Bình' } });
    await saveBody(core, article, [paragraph('Biên tập viên sửa.')]);
    const [takeover] = (await callCore(core, 'audit.list', { articleId: article.id })).filter(
      (entry) => entry.action === 'takeover',
    );
    expect(takeover).toMatchObject({
      user: { name: 'Trần Thị Bình' },
      note: 'Cần sửa gấp',
      details: { previousHolder: 'Người dùng reporter' },
    });

    // The reporter is now the one refused, until the editor stays idle past the limit.
    await signInAs(core, 'reporter', 'test-reporter');
    expect((await callCore(core, 'locks.acquire', { articleId: article.id })).acquired).toBe(false);
    clock += minutes(31);
    await signInAs(core, 'reporter', 'test-reporter');
    expect(await callCore(core, 'locks.get', { articleId: article.id })).toBeNull();
    // The lease lapsed: the reporter (whose draft it is) saves and holds it again.
    await saveBody(core, article, [paragraph('Phóng viên sửa tiếp.')]);
    expect((await callCore(core, 'locks.get', { articleId: article.id }))?.mine).toBe(true);
    await callCore(core, 'locks.release', { articleId: article.id });
    expect(await callCore(core, 'locks.get', { articleId: article.id })).toBeNull();
  });
});

describe('audit trail', () => {
  it('cannot be edited or deleted, even with SQL', async () => {
    const dataDir = tempDir();
    core = openTestCore({ dataDir });
    const article = await callCore(core, 'articles.create', { title: 'T' });
    await callCore(core, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    await core.close();
    core = null;
    const db = new Database(`${dataDir}/newsdesk.sqlite`);
    expect(() => db.prepare("UPDATE audit_log SET note = 'sửa lén'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(2);
    db.close();
  });

  it('records restores', async () => {
    core = openTestCore();
    const article = await callCore(core, 'articles.create', { title: 'T' });
    await saveBody(core, article, [paragraph('Bản một')]);
    const [revision] = await callCore(core, 'revisions.list', { articleId: article.id });
    await saveBody(core, article, [paragraph('Bản hai')]);
    const current = await callCore(core, 'articles.get', { id: article.id });
    await callCore(core, 'revisions.restore', {
      articleId: article.id,
      revisionId: revision?.id ?? 0,
      baseVersion: current.version,
    });
    const [latest] = await callCore(core, 'audit.list', { articleId: article.id });
    expect(latest).toMatchObject({
      action: 'restore',
      user: { role: 'admin' },
      details: { revisionId: revision?.id },
    });
  });
});
