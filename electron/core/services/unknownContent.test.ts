import { afterEach, describe, expect, it } from 'vitest';

import type { DocNode } from '../../../shared/domain/article';
import { emptyMeta } from '../../../shared/domain/article';
import { tempDir } from '../../../tests/support/tempDir';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';
import { decodeBundle, encodeBundle } from '../bundles/container';
import { contentHash } from '../bundles/contentHash';

/**
 * One body schema everywhere: a body with a node, mark or attribute the editor does not know is
 * refused on save and on bundle import with an error naming it, and the stored body is untouched.
 */

const context = { shell: 'browser' as const };
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

const text = (value: string, marks?: DocNode['marks']): DocNode => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const para = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });

const unknownBodies: Array<[string, DocNode, RegExp]> = [
  [
    'a callout node',
    doc(para(text('Mở đầu')), { type: 'callout', content: [para(text('Lưu ý'))] }),
    /«callout»/u,
  ],
  [
    'a textStyle mark',
    doc(para(text('Chữ đỏ', [{ type: 'textStyle', attrs: { color: '#f00' } }]))),
    /«textStyle»/u,
  ],
  [
    'an attribute the editor does not know',
    doc({ type: 'paragraph', attrs: { textAlign: 'left', indent: 2 }, content: [text('Thụt lề')] }),
    /«indent»/u,
  ],
  ['an empty text node', doc(para(text(''))), /đoạn chữ không hợp lệ/u],
  ['a paragraph inside a text run', doc(para(para(text('Lồng')))), /cấu trúc không hợp lệ/u],
];

/** Every node and mark the editor makes, so the schema is not stricter than the editor. */
const everything: DocNode = doc(
  { type: 'heading', attrs: { level: 2, textAlign: 'center' }, content: [text('Tiêu đề phụ')] },
  para(
    text('Đậm', [{ type: 'bold' }]),
    text(' nghiêng', [{ type: 'italic' }, { type: 'underline' }, { type: 'strike' }]),
    { type: 'hardBreak' },
    text('liên kết', [
      {
        type: 'link',
        attrs: { href: 'https://baoquangngai.vn', target: '_blank', rel: null, class: null },
      },
    ]),
  ),
  { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('Một'))] }] },
  {
    type: 'orderedList',
    attrs: { start: 1, type: null },
    content: [{ type: 'listItem', content: [para(text('Hai'))] }],
  },
  { type: 'blockquote', content: [para(text('Trích dẫn'))] },
  { type: 'horizontalRule' },
  {
    type: 'table',
    content: [
      {
        type: 'tableRow',
        content: [
          {
            type: 'tableHeader',
            attrs: { colspan: 1, rowspan: 1, colwidth: null },
            content: [para(text('A'))],
          },
          { type: 'tableCell', content: [para(text('B'))] },
        ],
      },
    ],
  },
  {
    type: 'figure',
    attrs: { mediaPath: 'photos/ab/abcd.jpg', alt: 'Ảnh', credit: 'Ảnh: Minh Anh' },
    content: [text('Chú thích', [{ type: 'bold' }])],
  },
  { type: 'paragraph' },
);

describe('saving a body the editor cannot read', () => {
  it('accepts every node and mark the editor makes', async () => {
    const core = open();
    const created = await callCore(core, 'articles.create', {});
    await callCore(core, 'articles.save', {
      id: created.id,
      title: 'Đủ loại',
      meta: emptyMeta(),
      body: everything,
      baseVersion: 0,
    });
    expect((await callCore(core, 'articles.get', { id: created.id })).body).toEqual(everything);
  });

  it.each(unknownBodies)(
    'refuses %s, naming it, and keeps the stored body',
    async (_what, body, name) => {
      const core = open();
      const created = await callCore(core, 'articles.create', {});
      const before = await callCore(core, 'articles.get', { id: created.id });
      const result = await core.dispatch(
        'articles.save',
        { id: created.id, title: 'Bài', meta: emptyMeta(), body, baseVersion: 0 },
        context,
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!result.ok) {
        expect(result.error.message).toMatch(name);
        // A sentence about the article's content, not the field's code name.
        expect(result.error.message).toMatch(/^Nội dung bài/u);
        expect(result.error.message).not.toMatch(/trường «/u);
      }
      expect(await callCore(core, 'articles.get', { id: created.id })).toEqual(before);
    },
  );
});

describe('importing a bundle whose body the editor cannot read', () => {
  it.each(unknownBodies.slice(0, 3))(
    'refuses a bundle with %s, naming it, and imports nothing',
    async (_what, body, name) => {
      const source = open(tempDir('newsdesk-source-'));
      const created = await callCore(source, 'articles.create', { title: 'Bài từ máy khác' });
      await callCore(source, 'articles.save', {
        id: created.id,
        title: 'Bài từ máy khác',
        meta: emptyMeta(),
        body: doc(para(text('Nội dung'))),
        baseVersion: 0,
      });
      const exported = await callCore(source, 'bundles.export', {
        articleIds: [created.id],
        includeData: true,
      });
      // A newer Newsdesk wrote the same article with a body this one does not know.
      const decoded = decodeBundle(Buffer.from(exported.dataBase64 ?? '', 'base64'));
      const entries = decoded.manifest.entries.map((entry) => {
        const data = decoded.entries.get(entry.name) ?? Buffer.alloc(0);
        if (!entry.name.startsWith('articles/')) return { name: entry.name, data };
        const payload = JSON.parse(data.toString('utf8')) as {
          article: { body: DocNode };
          contentHash: string;
        };
        payload.article.body = body;
        payload.contentHash = contentHash(payload.article as Parameters<typeof contentHash>[0]);
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
      const result = await target.dispatch(
        'bundles.import',
        { fileName: 'ban-moi.ndbundle', dataBase64: bundle.toString('base64') },
        context,
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!result.ok) {
        expect(result.error.message).toMatch(name);
        expect(result.error.message).toMatch(/Không có gì được nhập vào thư viện\.$/u);
      }
      expect(await callCore(target, 'articles.list', {})).toEqual([]);
    },
  );
});
