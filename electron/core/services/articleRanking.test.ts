import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { emptyMeta } from '../../../shared/domain/article';
import { tempDir } from '../../../tests/support/tempDir';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** Filler that makes an article long enough for a passing mention to be just that. */
const filler =
  'Hội nghị đã thảo luận, thống nhất nhiều giải pháp trọng tâm cần thực hiện trong 6 tháng cuối năm. ' +
  'Các địa phương cần tạo môi trường để người dân góp ý, hiến kế tham gia vào việc chung. ';

async function write(
  target: Core,
  title: string,
  body: string,
  lead = '',
): Promise<{ id: string; title: string }> {
  const created = await callCore(target, 'articles.create', {});
  await callCore(target, 'articles.save', {
    id: created.id,
    title,
    meta: { ...emptyMeta(), lead },
    body: paragraph(body),
    baseVersion: 0,
  });
  return { id: created.id, title };
}

describe('search ranks by relevance', () => {
  it('puts a title match above older and newer passing mentions, newest first among equals', async () => {
    core = openTestCore();
    const older = await write(
      core,
      'Giá lúa hè thu tăng',
      `${filler}Ông cho biết Đức Thọ có nhiều hộ nghèo. ${filler}`,
    );
    const byTitle = await write(
      core,
      'Đức Thọ: nông dân phấn khởi vì được mùa',
      `${filler}${filler}Vụ lúa năm nay đạt năng suất cao.`,
    );
    const newer = await write(
      core,
      'Giá lúa hè thu giảm',
      `${filler}Ông cho biết Đức Thọ có nhiều hộ nghèo. ${filler}`,
    );

    const hits = await callCore(core, 'articles.search', { query: 'duc tho' });
    expect(hits.map((hit) => hit.title)).toEqual([byTitle.title, newer.title, older.title]);
  });

  it('weights the sapo above the body', async () => {
    core = openTestCore();
    const inSapo = await write(
      core,
      'Tin địa phương',
      `${filler}${filler}`,
      'Huyện Cẩm Xuyên ra quân làm đường giao thông nông thôn.',
    );
    const inBody = await write(
      core,
      'Tin địa phương',
      `${filler}Huyện Cẩm Xuyên ra quân làm đường giao thông nông thôn. ${filler}`,
      'Một ngày lao động trên công trường.',
    );
    const hits = await callCore(core, 'articles.search', { query: 'cam xuyen' });
    expect(hits.map((hit) => hit.id)).toEqual([inSapo.id, inBody.id]);
    // The sapo's words are highlighted in the original, with tones.
    expect(hits[0]?.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['Cẩm Xuyên']);
  });

  it('ranks the whole phrase in the title first, then all the words in the title, newest first', async () => {
    core = openTestCore();
    const phrase = await write(core, 'Bí thư Tỉnh ủy làm việc với huyện Đức Thọ', filler);
    const longer = await write(
      core,
      'Bí thư Tỉnh ủy Hoàng Trung Dũng tiếp xúc cử tri và trả lời nhiều ý kiến của bà con',
      filler,
    );
    const scattered = await write(core, 'Tỉnh ủy họp bàn, Bí thư chỉ đạo', filler);
    const inSapo = await write(core, 'Tin địa phương', filler, 'Bí thư Tỉnh ủy thăm bà con.');
    const hits = await callCore(core, 'articles.search', { query: 'bi thu tinh uy' });
    // bm25 over every match would put the shorter, older title above the newer, longer one.
    expect(hits.map((hit) => hit.title)).toEqual([
      longer.title,
      phrase.title,
      scattered.title,
      inSapo.title,
    ]);
  });

  it('keeps an old title match above many newer passing mentions', async () => {
    core = openTestCore();
    const oldest = await write(core, 'Lễ hội đền Chợ Củi khai mạc', filler);
    for (let i = 0; i < 30; i += 1)
      await write(core, `Tin ngắn số ${i}`, `${filler}Nhắc qua lễ hội đền Chợ Củi. ${filler}`);
    const hits = await callCore(core, 'articles.search', { query: 'le hoi den cho cui', limit: 5 });
    expect(hits.map((hit) => hit.title)).toEqual([
      oldest.title,
      'Tin ngắn số 29',
      'Tin ngắn số 28',
      'Tin ngắn số 27',
      'Tin ngắn số 26',
    ]);
  });

  it('re-indexes a library written before the multi-column index, keeping its articles searchable', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'newsdesk.sqlite');
    const raw = new Database(file);
    const { migrations, runMigrations } = await import('../db/migrations');
    const before = migrations.filter((migration) => migration.version < 280);
    runMigrations(raw, before);
    const insert = raw.prepare(
      `INSERT INTO articles (id, title, lead, body_json, body_text, created_at, updated_at)
       VALUES (?, ?, ?, '{"type":"doc"}', ?, 1, 1)`,
    );
    insert.run(
      '2b7e7f0c-5a4e-4b8e-9a61-0f3f1c2d4e51',
      'Đường Trường Sơn huyền thoại',
      'Sapo về Đường Trường Sơn.',
      filler,
    );
    insert.run(
      '2b7e7f0c-5a4e-4b8e-9a61-0f3f1c2d4e52',
      'Lễ hội đền Chợ Củi',
      '',
      `${filler}Đường Trường Sơn được nhắc tới. ${filler}`,
    );
    // As the old single-column index held them.
    raw.exec(
      "INSERT INTO article_search (rowid, folded) SELECT rowid, lower(title || ' ' || body_text) FROM articles",
    );
    raw.close();

    core = openTestCore({ dataDir });
    const hits = await callCore(core, 'articles.search', { query: 'duong truong son' });
    expect(hits.map((hit) => hit.title)).toEqual([
      'Đường Trường Sơn huyền thoại',
      'Lễ hội đền Chợ Củi',
    ]);
  });
});
