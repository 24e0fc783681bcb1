import fs from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { ImportedImage } from '../../../shared/domain/media';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';

const fixture = path.resolve(import.meta.dirname, '../../../tests/fixtures/photos/ladybird.jpg');
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe('media.importImage', () => {
  it('stores a real photo once, content-addressed, with its size', async () => {
    core = openTestCore();
    const data = fs.readFileSync(fixture).toString('base64');
    const first = await core.dispatch(
      'media.importImage',
      { fileName: 'z4509060236637_cee53aff582f33e127acb052f924c3c7.jpg', dataBase64: data },
      { shell: 'browser' },
    );
    const second = await core.dispatch(
      'media.importImage',
      { fileName: 'copy.jpg', dataBase64: data },
      { shell: 'browser' },
    );
    expect(first.ok && second.ok).toBe(true);
    const image = (first as { ok: true; value: ImportedImage }).value;
    expect(image.mediaPath).toMatch(/^photos\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/);
    expect(second).toEqual(first);
    expect(image.width).toBeGreaterThan(0);
    // One original; the library's thumbnail of it (Kho ảnh) may be written in the background.
    expect(listFiles(core.paths.media).filter((file) => !file.startsWith('thumbs/'))).toEqual([
      image.mediaPath,
    ]);
    expect(
      fs
        .readFileSync(path.join(core.paths.media, image.mediaPath))
        .equals(fs.readFileSync(fixture)),
    ).toBe(true);
  });

  it('refuses a truncated JPEG and a text file named .jpg, leaving nothing behind', async () => {
    core = openTestCore();
    const bytes = fs.readFileSync(fixture);
    const truncated = bytes.subarray(0, Math.floor(bytes.length / 3)).toString('base64');
    const text = Buffer.from('Đây không phải ảnh').toString('base64');
    for (const [fileName, dataBase64] of [
      ['hong.jpg', truncated],
      ['van-ban.jpg', text],
    ] as const) {
      const result = await core.dispatch(
        'media.importImage',
        { fileName, dataBase64 },
        { shell: 'browser' },
      );
      expect(result.ok, fileName).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(fileName === 'hong.jpg' ? 'corrupt_data' : 'invalid_input');
        expect(result.error.message).toContain(`«${fileName}»`);
        expect(result.error.message).toMatch(/[ảạáàãâăêôơưđ]/);
      }
    }
    expect(listFiles(core.paths.media)).toEqual([]);
  });
});

describe('articles.exportHtml', () => {
  it('writes a standalone folder with the page and its photos into the library exports', async () => {
    core = openTestCore();
    const data = fs.readFileSync(fixture).toString('base64');
    const imported = await callCore(core, 'media.importImage', {
      fileName: 'anh.jpg',
      dataBase64: data,
    });
    const created = await callCore(core, 'articles.create', { title: 'Hội nghị' });
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Nội dung bài.' }] },
        {
          type: 'figure',
          attrs: { mediaPath: imported.mediaPath, alt: 'Quang cảnh', credit: 'Minh Anh' },
          content: [{ type: 'text', text: 'Quang cảnh hội nghị' }],
        },
      ],
    };
    const { emptyMeta } = await import('../../../shared/domain/article');
    await callCore(core, 'articles.save', {
      id: created.id,
      title: 'Hội nghị tổng kết',
      meta: emptyMeta(),
      body,
      baseVersion: 0,
    });
    const result = await callCore(core, 'articles.exportHtml', { id: created.id });
    expect(path.dirname(result.folder)).toBe(core.paths.exports);
    expect(path.basename(result.folder)).toBe('hoi-nghi-tong-ket');
    const html = fs.readFileSync(path.join(result.folder, 'index.html'), 'utf8');
    expect(html).toContain('Hội nghị tổng kết');
    expect(html).toContain('Quang cảnh hội nghị');
    const image = result.files.find((file) => file.startsWith('images/'));
    expect(image).toBeDefined();
    expect(html).toContain(`src="${image ?? ''}"`);
    expect(
      fs.readFileSync(path.join(result.folder, image ?? '')).equals(fs.readFileSync(fixture)),
    ).toBe(true);
  });
});
