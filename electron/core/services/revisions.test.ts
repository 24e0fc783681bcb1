import { afterEach, describe, expect, it } from 'vitest';

import { emptyMeta } from '../../../shared/domain/article';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const call = callCore;

const doc = (...paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
const minutes = (n: number): number => n * 60 * 1000;

describe('article fields', () => {
  it('stores every field, generates the slug from the title and keeps a reporter-set slug', async () => {
    core = openTestCore();
    const author = await call(core, 'authors.save', {
      name: 'Th.S Lê Đình Hùng',
      position: 'Phó Trưởng phòng TC, HC, TT, TLL',
    });
    const category = await call(core, 'categories.save', { title: 'Thời sự' });
    expect(category.alias).toBe('thoi-su');
    const a = await call(core, 'articles.create', {});
    const meta = {
      ...emptyMeta(),
      lead: 'Sáng ngày 12/7/2023, tại trường Chính trị Trần Phú…',
      categoryId: category.id,
      authorId: author.id,
      tags: ['Bí thư', 'bồi dưỡng', 'Bí thư'],
      source: 'Báo Hà Tĩnh',
      featuredImage: { mediaPath: 'photos/ab/cd.jpg', alt: 'Quang cảnh buổi nói chuyện' },
      publishAt: Date.UTC(2023, 6, 11, 22, 22),
    };
    const saved = await call(core, 'articles.save', {
      id: a.id,
      title: 'Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng',
      meta,
      body: doc('Nội dung'),
      baseVersion: 0,
    });
    expect(saved.slug).toBe('bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong');
    const loaded = await call(core, 'articles.get', { id: a.id });
    expect(loaded.meta).toEqual({
      ...meta,
      slug: 'bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong',
      tags: ['Bí thư', 'bồi dưỡng'],
    });

    await call(core, 'articles.save', {
      id: a.id,
      title: 'Tiêu đề khác',
      meta: { ...loaded.meta, slug: 'Bí Thư Nói Chuyện!', slugLocked: true },
      body: doc('Nội dung'),
      baseVersion: 1,
    });
    const locked = await call(core, 'articles.get', { id: a.id });
    expect(locked.meta.slug).toBe('bi-thu-noi-chuyen');
    expect(locked.meta.slugLocked).toBe(true);
  });

  it('filters the list by author, category and date, and sorts by title', async () => {
    let clock = 1_000;
    core = openTestCore({ now: () => clock });
    const hung = await call(core, 'authors.save', { name: 'Lê Đình Hùng', position: '' });
    const thoiSu = await call(core, 'categories.save', { title: 'Thời sự' });
    const titles = ['Bình', 'An', 'Cường'];
    for (const [index, title] of titles.entries()) {
      clock = 1_000 * (index + 2);
      const created = await call(core, 'articles.create', {});
      await call(core, 'articles.save', {
        id: created.id,
        title,
        meta: {
          ...emptyMeta(),
          authorId: index === 1 ? null : hung.id,
          categoryId: index === 2 ? thoiSu.id : null,
        },
        body: doc(title),
        baseVersion: 0,
      });
    }
    const byAuthor = await call(core, 'articles.list', { authorId: hung.id });
    expect(byAuthor.map((item) => item.title)).toEqual(['Cường', 'Bình']);
    expect(
      (await call(core, 'articles.list', { categoryId: thoiSu.id })).map((item) => item.title),
    ).toEqual(['Cường']);
    expect(
      (await call(core, 'articles.list', { sort: 'title' })).map((item) => item.title),
    ).toEqual(['An', 'Bình', 'Cường']);
    expect(
      (await call(core, 'articles.list', { updatedFrom: 3_000, updatedTo: 3_500 })).map(
        (i) => i.title,
      ),
    ).toEqual(['An']);
  });
});

describe('revisions', () => {
  it('takes a revision on the first save and then at most every 10 minutes of editing', async () => {
    let clock = 0;
    core = openTestCore({ now: () => clock });
    const a = await call(core, 'articles.create', {});
    let version = 0;
    const save = async (text: string): Promise<void> => {
      const result = await call(core as Core, 'articles.save', {
        id: a.id,
        title: 'T',
        meta: emptyMeta(),
        body: doc(text),
        baseVersion: version,
      });
      version = result.version;
    };
    await save('một');
    for (let minute = 1; minute <= 25; minute += 1) {
      clock = minutes(minute);
      await save(`bản ${minute}`);
    }
    const list = await call(core, 'revisions.list', { articleId: a.id });
    expect(list.map((revision) => revision.createdAt)).toEqual([minutes(20), minutes(10), 0]);
    expect(list.every((revision) => revision.reason === 'interval')).toBe(true);
    const tenth = await call(core, 'revisions.get', { id: list[1]?.id ?? 0 });
    expect(tenth.paragraphs).toEqual(['bản 10']);
  });

  it('restores an old revision as a new version, recorded as a revision itself', async () => {
    let clock = 0;
    core = openTestCore({ now: () => clock });
    const a = await call(core, 'articles.create', {});
    await call(core, 'articles.save', {
      id: a.id,
      title: 'Bản đầu',
      meta: { ...emptyMeta(), lead: 'Sapo đầu' },
      body: doc('Đoạn đầu'),
      baseVersion: 0,
    });
    clock = minutes(11);
    await call(core, 'articles.save', {
      id: a.id,
      title: 'Bản sau',
      meta: { ...emptyMeta(), lead: 'Sapo sau' },
      body: doc('Đoạn sau'),
      baseVersion: 1,
    });
    const [latest, first] = await call(core, 'revisions.list', { articleId: a.id });
    expect(latest?.title).toBe('Bản sau');
    expect(first?.title).toBe('Bản đầu');

    const stale = await core.dispatch(
      'revisions.restore',
      { articleId: a.id, revisionId: first?.id ?? 0, baseVersion: 1 },
      { shell: 'browser' },
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });

    clock = minutes(12);
    const restored = await call(core, 'revisions.restore', {
      articleId: a.id,
      revisionId: first?.id ?? 0,
      baseVersion: 2,
    });
    expect(restored.title).toBe('Bản đầu');
    expect(restored.meta.lead).toBe('Sapo đầu');
    expect(restored.body).toEqual(doc('Đoạn đầu'));
    expect(restored.version).toBe(3);
    const after = await call(core, 'revisions.list', { articleId: a.id });
    expect(after.map((revision) => revision.reason)).toEqual(['restore', 'interval', 'interval']);
    expect(
      (await call(core, 'articles.search', { query: 'doan dau' })).map((hit) => hit.id),
    ).toEqual([a.id]);
  });

  it('saves a manual revision on request, whatever the interval', async () => {
    core = openTestCore();
    const a = await call(core, 'articles.create', {});
    await call(core, 'articles.save', {
      id: a.id,
      title: 'A',
      meta: emptyMeta(),
      body: doc('một'),
      baseVersion: 0,
    });
    const manual = await call(core, 'revisions.create', { articleId: a.id });
    expect(manual.reason).toBe('manual');
    expect((await call(core, 'revisions.list', { articleId: a.id })).map((r) => r.reason)).toEqual([
      'manual',
      'interval',
    ]);
    const missing = await core.dispatch(
      'revisions.create',
      { articleId: '2b7e7f0c-5a4e-4b8e-9a61-0f3f1c2d4e5f' },
      { shell: 'browser' },
    );
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses to restore a revision of another article', async () => {
    core = openTestCore();
    const a = await call(core, 'articles.create', {});
    const b = await call(core, 'articles.create', {});
    await call(core, 'articles.save', {
      id: a.id,
      title: 'A',
      meta: emptyMeta(),
      body: doc('a'),
      baseVersion: 0,
    });
    const [revision] = await call(core, 'revisions.list', { articleId: a.id });
    const result = await core.dispatch(
      'revisions.restore',
      { articleId: b.id, revisionId: revision?.id ?? 0, baseVersion: 0 },
      { shell: 'browser' },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
