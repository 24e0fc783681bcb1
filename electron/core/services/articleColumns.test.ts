import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import type { DocNode } from '../../../shared/domain/article';
import { emptyMeta } from '../../../shared/domain/article';
import { ARTICLE_SLUG_MAX_LENGTH } from '../../../shared/vietnamese/slug';
import { tempDir } from '../../../tests/support/tempDir';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';
import { decodeBundle, encodeBundle } from '../bundles/container';
import { contentHash } from '../bundles/contentHash';

/**
 * One field-to-column mapping (articleRows.ts `toContent`): what a save stores, an import and a
 * restore store the same way, NFC everywhere and the slug URL-safe within its limit.
 */

let cores: Core[] = [];
afterEach(async () => {
  for (const core of cores) await core.close();
  cores = [];
});

function open(dataDir = tempDir()): Core {
  const core = openTestCore({ dataDir });
  cores.push(core);
  return core;
}

/** Text as a decomposing keyboard or an old converter leaves it (NFD). */
const nfd = (value: string): string => value.normalize('NFD');
const docOf = (value: string): DocNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }],
});

const title = 'Tiền Giang: đường tỉnh 864 được nâng cấp';
const lead = 'Sở Giao thông vận tải cho biết công trình hoàn thành trong quý tới.';
const bodyText = 'Người dân phấn khởi khi con đường được mở rộng.';
const longSlug = `Đường-Tỉnh${'-Ab'.repeat(ARTICLE_SLUG_MAX_LENGTH)}`;

interface StoredColumns {
  title: string;
  lead: string;
  slug: string;
  tags_json: string;
  body_json: string;
  body_text: string;
}

/** The row as stored, read after the core let go of its library (it holds it exclusively). */
async function storedColumns(core: Core, id: string): Promise<StoredColumns> {
  await core.close();
  cores = cores.filter((open) => open !== core);
  const db = new Database(core.paths.database, { readonly: true });
  try {
    return db
      .prepare(
        'SELECT title, lead, slug, tags_json, body_json, body_text FROM articles WHERE id = ?',
      )
      .get(id) as StoredColumns;
  } finally {
    db.close();
  }
}

function expectSavedForm(columns: StoredColumns): void {
  expect(columns.title).toBe(title.normalize('NFC'));
  expect(columns.lead).toBe(lead.normalize('NFC'));
  expect(JSON.parse(columns.tags_json)).toEqual(['Giao thông']);
  expect(columns.body_text).toBe(bodyText.normalize('NFC'));
  expect(columns.body_json).toContain(bodyText.normalize('NFC'));
  expect(columns.slug.length).toBeLessThanOrEqual(ARTICLE_SLUG_MAX_LENGTH);
  expect(columns.slug).toMatch(/^duong-tinh(-ab)+$/u);
}

describe('save, restore and import store fields the same way', () => {
  it('a save stores NFC and a URL-safe slug within the limit (the reference)', async () => {
    const core = open();
    const { id } = await callCore(core, 'articles.create', {});
    await callCore(core, 'articles.save', {
      id,
      title: nfd(title),
      meta: {
        ...emptyMeta(),
        lead: nfd(lead),
        tags: [nfd('Giao thông'), 'Giao thông'],
        slug: longSlug.slice(0, ARTICLE_SLUG_MAX_LENGTH),
        slugLocked: true,
      },
      body: docOf(nfd(bodyText)),
      baseVersion: 0,
    });
    expectSavedForm(await storedColumns(core, id));
  });

  it('a restore of a revision an older Newsdesk stored (NFD, uncut slug) stores it like a save', async () => {
    const dataDir = tempDir();
    const first = open(dataDir);
    const { id } = await callCore(first, 'articles.create', {});
    await callCore(first, 'articles.save', {
      id,
      title: 'Bản đầu',
      meta: emptyMeta(),
      body: docOf('Đoạn đầu'),
      baseVersion: 0,
    });
    const [revision] = await callCore(first, 'revisions.list', { articleId: id });
    await first.close();
    cores = [];
    const raw = new Database(first.paths.database);
    raw
      .prepare(
        'UPDATE revisions SET title = ?, meta_json = ?, body_json = ?, body_text = ? WHERE id = ?',
      )
      .run(
        nfd(title),
        JSON.stringify({
          ...emptyMeta(),
          lead: nfd(lead),
          tags: [nfd('Giao thông'), 'Giao thông'],
          slug: longSlug,
          slugLocked: true,
        }),
        JSON.stringify(docOf(nfd(bodyText))),
        nfd(bodyText),
        revision?.id ?? 0,
      );
    raw.close();
    const core = open(dataDir);
    await callCore(core, 'revisions.restore', {
      articleId: id,
      revisionId: revision?.id ?? 0,
      baseVersion: 1,
    });
    expectSavedForm(await storedColumns(core, id));
  });

  it('an import of an article with NFD text and an uncut slug stores it like a save', async () => {
    const source = open(tempDir('newsdesk-source-'));
    const { id } = await callCore(source, 'articles.create', { title: 'Bài từ máy khác' });
    await callCore(source, 'articles.save', {
      id,
      title: 'Bài từ máy khác',
      meta: emptyMeta(),
      body: docOf('Nội dung'),
      baseVersion: 0,
    });
    const exported = await callCore(source, 'bundles.export', {
      articleIds: [id],
      includeData: true,
    });
    // A bundle written by another tool: decomposed text and a long hand-set slug.
    const decoded = decodeBundle(Buffer.from(exported.dataBase64 ?? '', 'base64'));
    const entries = decoded.manifest.entries.map((entry) => {
      const data = decoded.entries.get(entry.name) ?? Buffer.alloc(0);
      if (!entry.name.startsWith('articles/')) return { name: entry.name, data };
      const payload = JSON.parse(data.toString('utf8')) as {
        article: { title: string; meta: Record<string, unknown>; body: DocNode };
        contentHash: string;
      };
      payload.article.title = nfd(title);
      payload.article.meta = {
        ...payload.article.meta,
        lead: nfd(lead),
        tags: [nfd('Giao thông'), 'Giao thông'],
        slug: longSlug,
        slugLocked: true,
      };
      payload.article.body = docOf(nfd(bodyText));
      payload.contentHash = contentHash(
        payload.article as unknown as Parameters<typeof contentHash>[0],
      );
      return { name: entry.name, data: Buffer.from(JSON.stringify(payload)) };
    });
    const { manifest } = decoded;
    const bundle = encodeBundle(
      {
        workstationId: manifest.workstationId,
        workstationName: manifest.workstationName,
        createdAt: manifest.createdAt,
        createdBy: manifest.createdBy,
        articleIds: manifest.articleIds,
      },
      entries,
    );
    const target = open();
    const report = await callCore(target, 'bundles.import', {
      fileName: 'cong-cu-khac.ndbundle',
      dataBase64: bundle.toString('base64'),
    });
    const [item] = report.articles;
    const storedId = item?.unverifiedCopyId ?? item?.articleId ?? '';
    const columns = await storedColumns(target, storedId);
    // The unverified copy's title carries its note; the rest is stored as a save stores it.
    expect(columns.title.startsWith(title.normalize('NFC'))).toBe(true);
    expectSavedForm({ ...columns, title: title.normalize('NFC') });
  });
});
