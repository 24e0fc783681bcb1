import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import type { EventMessage } from '../../../shared/contract/events';
import { emptyMeta } from '../../../shared/domain/article';
import { tempDir } from '../../../tests/support/tempDir';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const call = callCore;

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('articles', () => {
  it('keeps a saved article across closing and reopening the library', async () => {
    const dataDir = tempDir();
    core = openTestCore({ dataDir });
    const created = await call(core, 'articles.create', {});
    await call(core, 'articles.save', {
      meta: emptyMeta(),
      id: created.id,
      title: 'Bí thư Tỉnh ủy',
      body: paragraph('Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng'),
      baseVersion: 0,
    });
    await core.close();
    core = openTestCore({ dataDir });
    const loaded = await call(core, 'articles.get', { id: created.id });
    expect(loaded.title).toBe('Bí thư Tỉnh ủy');
    expect(loaded.body).toEqual(paragraph('Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng'));
    expect(loaded.version).toBe(1);
    expect(loaded.wordCount).toBe(10);
  });

  it('stores text in NFC whatever the IME produced', async () => {
    core = openTestCore();
    const created = await call(core, 'articles.create', {});
    const decomposed = 'Bí thư'.normalize('NFD');
    expect(decomposed).not.toBe('Bí thư');
    await call(core, 'articles.save', {
      meta: emptyMeta(),
      id: created.id,
      title: decomposed,
      body: paragraph(decomposed),
      baseVersion: 0,
    });
    const loaded = await call(core, 'articles.get', { id: created.id });
    expect(loaded.title).toBe('Bí thư');
    expect(loaded.body).toEqual(paragraph('Bí thư'));
  });

  it('refuses a save based on an old version instead of overwriting', async () => {
    core = openTestCore();
    const created = await call(core, 'articles.create', {});
    await call(core, 'articles.save', {
      meta: emptyMeta(),
      id: created.id,
      title: 'A',
      body: paragraph('một'),
      baseVersion: 0,
    });
    const stale = await core.dispatch(
      'articles.save',
      { meta: emptyMeta(), id: created.id, title: 'B', body: paragraph('hai'), baseVersion: 0 },
      { shell: 'browser' },
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await call(core, 'articles.get', { id: created.id })).title).toBe('A');
  });

  it('reports a corrupt stored body clearly and leaves the row as it was', async () => {
    const dataDir = tempDir();
    core = openTestCore({ dataDir });
    const created = await call(core, 'articles.create', { title: 'Hỏng' });
    await core.close();
    core = null;
    const raw = new Database(path.join(dataDir, 'newsdesk.sqlite'));
    raw
      .prepare('UPDATE articles SET body_json = ? WHERE id = ?')
      .run('{"type":"doc","content":[', created.id);
    raw.close();
    core = openTestCore({ dataDir });
    const result = await core.dispatch('articles.get', { id: created.id }, { shell: 'browser' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'corrupt_data', message: expect.stringMatching(/bị hỏng/) },
    });
    const list = await call(core, 'articles.list', {});
    expect(list.map((article) => article.title)).toEqual(['Hỏng']);
  });

  it('lists newest first and announces every change', async () => {
    let clock = 1000;
    core = openTestCore({ now: () => clock });
    const seen: EventMessage[] = [];
    core.events.subscribe((message) => seen.push(message));
    const first = await call(core, 'articles.create', { title: 'Cũ' });
    clock = 2000;
    const second = await call(core, 'articles.create', { title: 'Mới' });
    clock = 3000;
    await call(core, 'articles.save', {
      meta: emptyMeta(),
      id: first.id,
      title: 'Cũ đã sửa',
      body: paragraph('x'),
      baseVersion: 0,
    });
    const list = await call(core, 'articles.list', {});
    expect(list.map((article) => article.id)).toEqual([first.id, second.id]);
    expect(seen).toEqual([
      { name: 'articles.changed', payload: { id: first.id, version: 0 } },
      { name: 'articles.changed', payload: { id: second.id, version: 0 } },
      { name: 'articles.changed', payload: { id: first.id, version: 1 } },
    ]);
  });

  it('remembers settings such as the locale and the last open article', async () => {
    const dataDir = tempDir();
    core = openTestCore({ dataDir });
    expect(await call(core, 'settings.get', {})).toEqual({
      locale: 'vi',
      toneStyle: 'new',
      newsroomWords: [],
      lastArticleId: null,
    });
    const created = await call(core, 'articles.create', {});
    await call(core, 'settings.update', {
      locale: 'en',
      lastArticleId: created.id,
      toneStyle: 'old',
      newsroomWords: ['Đắk Lắk', 'Đắk Lắk'.normalize('NFD')],
    });
    await core.close();
    core = openTestCore({ dataDir });
    expect(await call(core, 'settings.get', {})).toEqual({
      locale: 'en',
      toneStyle: 'old',
      newsroomWords: ['Đắk Lắk'],
      lastArticleId: created.id,
    });
  });

  it('shows versions, data folder and log location in diagnostics', async () => {
    const dataDir = tempDir();
    core = openTestCore({ dataDir });
    const info = await call(core, 'app.diagnostics', {});
    expect(info.dataDir).toBe(path.resolve(dataDir));
    expect(info.databasePath).toBe(path.join(path.resolve(dataDir), 'newsdesk.sqlite'));
    expect(info.versions.sqlite).toMatch(/^3\.\d+/);
    expect(info.schemaVersion).toBeGreaterThanOrEqual(20);
  });
});

describe('article search', () => {
  it('finds articles without tones and with đ folded to d, with highlighted snippets', async () => {
    core = openTestCore();
    const a = await call(core, 'articles.create', {});
    await call(core, 'articles.save', {
      meta: emptyMeta(),
      id: a.id,
      title: 'Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng',
      body: paragraph(
        'Sáng ngày 12/7/2023, đồng chí Hoàng Trung Dũng đã có buổi tiếp xúc với học viên tại Đức Phổ.',
      ),
      baseVersion: 0,
    });
    const b = await call(core, 'articles.create', {});
    await call(core, 'articles.save', {
      meta: emptyMeta(),
      id: b.id,
      title: 'Giá lúa tăng',
      body: paragraph('Nông dân phấn khởi.'),
      baseVersion: 0,
    });

    const byTitle = await call(core, 'articles.search', { query: 'bi thu' });
    expect(byTitle.map((hit) => hit.id)).toEqual([a.id]);
    expect(byTitle[0]?.titleSegments).toEqual([
      { text: 'Bí thư', match: true },
      { text: ' Tỉnh ủy nói chuyện với Lớp Bồi dưỡng', match: false },
    ]);

    const byBody = await call(core, 'articles.search', { query: 'duc' });
    expect(byBody.map((hit) => hit.id)).toEqual([a.id]);
    expect(
      byBody[0]?.snippet.filter((segment) => segment.match).map((segment) => segment.text),
    ).toEqual(['Đức']);

    expect(
      (await call(core, 'articles.search', { query: 'NÔNG DÂN' })).map((hit) => hit.id),
    ).toEqual([b.id]);
    expect(await call(core, 'articles.search', { query: 'hà nội' })).toEqual([]);
  });

  it('treats FTS syntax in the query as plain text', async () => {
    core = openTestCore();
    const a = await call(core, 'articles.create', {});
    await call(core, 'articles.save', {
      meta: emptyMeta(),
      id: a.id,
      title: 'Tin "nóng" *',
      body: paragraph('NEAR OR AND'),
      baseVersion: 0,
    });
    for (const query of ['"nong', 'nong*', 'NEAR(', 'OR', '-tin', '"', '***']) {
      const result = await core.dispatch('articles.search', { query }, { shell: 'browser' });
      expect(result.ok, query).toBe(true);
    }
    expect((await call(core, 'articles.search', { query: '"nong' })).map((hit) => hit.id)).toEqual([
      a.id,
    ]);
  });

  it('indexes articles that existed before the search migration', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'newsdesk.sqlite');
    const raw = new Database(file);
    const { migrations, runMigrations } = await import('../db/migrations');
    runMigrations(raw, migrations.slice(0, 2));
    raw
      .prepare(
        `INSERT INTO articles (id, title, body_json, body_text, created_at, updated_at)
         VALUES ('2b7e7f0c-5a4e-4b8e-9a61-0f3f1c2d4e5f', 'Đường Trường Sơn', '{"type":"doc"}', 'Con đường huyền thoại', 1, 1)`,
      )
      .run();
    raw.close();
    core = openTestCore({ dataDir });
    const hits = await call(core, 'articles.search', { query: 'duong truong son' });
    expect(hits.map((hit) => hit.title)).toEqual(['Đường Trường Sơn']);
  });
});

describe('bad input', () => {
  it('saves and reloads a 50,000-word article', async () => {
    core = openTestCore();
    const created = await call(core, 'articles.create', {});
    const words = Array.from({ length: 50_000 }, (_, i) => (i % 2 === 0 ? 'nghị' : 'quyết'));
    const paragraphs = [];
    for (let i = 0; i < words.length; i += 100) {
      paragraphs.push({
        type: 'paragraph',
        content: [{ type: 'text', text: words.slice(i, i + 100).join(' ') }],
      });
    }
    const body = { type: 'doc', content: paragraphs };
    await call(core, 'articles.save', {
      id: created.id,
      title: 'Bài rất dài',
      meta: emptyMeta(),
      body,
      baseVersion: 0,
    });
    const loaded = await call(core, 'articles.get', { id: created.id });
    expect(loaded.wordCount).toBe(50_000);
    expect(loaded.body).toEqual(body);
    expect(
      (await call(core, 'articles.search', { query: 'nghi quyet' })).map((hit) => hit.id),
    ).toEqual([created.id]);
  });

  it('saves a title made only of emoji, with an empty slug for the checks to flag', async () => {
    core = openTestCore();
    const created = await call(core, 'articles.create', {});
    const saved = await call(core, 'articles.save', {
      id: created.id,
      title: '🎉🎉🔥',
      meta: emptyMeta(),
      body: paragraph('x'),
      baseVersion: 0,
    });
    expect(saved.slug).toBe('');
    expect((await call(core, 'articles.get', { id: created.id })).title).toBe('🎉🎉🔥');
  });
});
