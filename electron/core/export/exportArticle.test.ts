import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Article } from '../../../shared/domain/article';
import { AppError } from '../../../shared/errors/appError';
import { portalStylesheet } from '../../../shared/render/portalPage';
import {
  figure,
  paragraph,
  seedArticle,
  seedAuthor,
  seedCaptions,
  seedCategory,
} from '../../../shared/render/seedArticle.fixture';
import { exportArticleFolder } from './exportArticle';

const ladybird = fileURLToPath(
  new URL('../../../tests/fixtures/photos/ladybird.jpg', import.meta.url),
);

let root: string;
let mediaDir: string;
let outDir: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'newsdesk-export-'));
  mediaDir = path.join(root, 'library', 'media');
  outDir = path.join(root, 'Exports');
  // The seed article's two photos, both real JPEG bytes.
  for (const relative of ['photos/a1/z4509060236637.jpg', 'photos/b2/z4509061029203.jpg']) {
    await fs.mkdir(path.dirname(path.join(mediaDir, relative)), { recursive: true });
    await fs.copyFile(ladybird, path.join(mediaDir, relative));
  }
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const exportSeed = (article: Article = seedArticle()) =>
  exportArticleFolder({ article, author: seedAuthor, category: seedCategory, mediaDir, outDir });

/** Everything under a folder, relative, sorted, hidden entries included. */
async function listTree(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))).sort();
}

describe('exportArticleFolder', () => {
  it('writes index.html, style.css and the images, linked relatively', async () => {
    const result = await exportSeed();
    const folder = path.join(outDir, 'bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong');
    expect(result).toEqual({
      folder,
      files: ['index.html', 'style.css', 'images/z4509060236637.jpg', 'images/z4509061029203.jpg'],
    });
    expect(await listTree(outDir)).toEqual([
      'bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong',
      'bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong/images',
      'bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong/images/z4509060236637.jpg',
      'bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong/images/z4509061029203.jpg',
      'bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong/index.html',
      'bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong/style.css',
    ]);

    const html = await fs.readFile(path.join(folder, 'index.html'), 'utf8');
    expect(
      html.startsWith('<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">'),
    ).toBe(true);
    expect(html).toContain('<link rel="stylesheet" href="style.css">');
    expect(html).toContain(
      '<img src="images/z4509060236637.jpg" alt="" loading="lazy">' +
        `<figcaption>${seedCaptions[0]}</figcaption>`,
    );
    expect(html).toContain('<span class="date">Thứ tư - 12/07/2023 05:22</span>');
    expect(html).toContain(
      'Tác giả: <strong>Th.S Lê Đình Hùng - Phó Trưởng phòng TC, HC, TT, TLL</strong>',
    );
    expect(await fs.readFile(path.join(folder, 'style.css'), 'utf8')).toBe(portalStylesheet);
    const copied = await fs.readFile(path.join(folder, 'images', 'z4509060236637.jpg'));
    expect(copied.equals(await fs.readFile(ladybird))).toBe(true);
    expect(copied.subarray(0, 3).toString('hex')).toBe('ffd8ff');
  });

  it('never overwrites an earlier export: -2, -3', async () => {
    const first = await exportSeed();
    await fs.writeFile(path.join(first.folder, 'note.txt'), 'sửa tay');
    const second = await exportSeed();
    const third = await exportSeed();
    expect(path.basename(second.folder)).toBe('bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong-2');
    expect(path.basename(third.folder)).toBe('bi-thu-tinh-uy-noi-chuyen-voi-lop-boi-duong-3');
    expect(await fs.readFile(path.join(first.folder, 'note.txt'), 'utf8')).toBe('sửa tay');
  });

  it('names the folder from the title, or bai-viet, when the slug is unusable', async () => {
    const article = seedArticle();
    article.meta.slug = '';
    article.title = 'Đêm nhạc "Hà Nội" 2023';
    article.body = { type: 'doc', content: [paragraph('Không ảnh.')] };
    const fromTitle = await exportSeed(article);
    expect(path.basename(fromTitle.folder)).toBe('dem-nhac-ha-noi-2023');
    expect(fromTitle.files).toEqual(['index.html', 'style.css']);
    expect(await fs.readdir(fromTitle.folder)).toEqual(['index.html', 'style.css']);

    article.title = '🔥🔥';
    article.meta.slug = '../../etc';
    expect(path.basename((await exportSeed(article)).folder)).toBe('etc');
    article.meta.slug = '..';
    expect(path.basename((await exportSeed(article)).folder)).toBe('bai-viet');
  });

  it('gives every image a unique, portable name and copies a photo used twice once', async () => {
    const article = seedArticle();
    await fs.mkdir(path.join(mediaDir, 'other'), { recursive: true });
    await fs.copyFile(ladybird, path.join(mediaDir, 'other', 'Ảnh Hội Nghị.JPG'));
    await fs.copyFile(ladybird, path.join(mediaDir, 'other', 'z4509060236637.jpg'));
    article.body = {
      type: 'doc',
      content: [
        figure('photos/a1/z4509060236637.jpg', 'Một'),
        figure('other/z4509060236637.jpg', 'Hai'),
        figure('other/Ảnh Hội Nghị.JPG', 'Ba'),
        figure('photos/a1/z4509060236637.jpg', 'Lại một'),
      ],
    };
    const result = await exportSeed(article);
    expect(result.files).toEqual([
      'index.html',
      'style.css',
      'images/z4509060236637.jpg',
      'images/z4509060236637-2.jpg',
      'images/anh-hoi-nghi.jpg',
    ]);
    const html = await fs.readFile(path.join(result.folder, 'index.html'), 'utf8');
    expect(html.match(/src="images\/z4509060236637\.jpg"/gu)).toHaveLength(2);
    expect(html).toContain('src="images/anh-hoi-nghi.jpg"');
  });

  it('fails with a Vietnamese message naming a missing photo and writes nothing', async () => {
    const article = seedArticle();
    article.body = {
      type: 'doc',
      content: [figure('photos/a1/z4509060236637.jpg', 'Có'), figure('photos/zz/mat.jpg', 'Mất')],
    };
    const error = await exportSeed(article).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'not_found',
      message:
        'Không tìm thấy tệp ảnh «photos/zz/mat.jpg» trong thư viện. Hãy chèn lại ảnh này rồi xuất lại.',
    });
    expect(await fs.readdir(outDir).catch(() => [])).toEqual([]);
  });

  it('removes its temp folder when a copy fails half way', async () => {
    // The disk fails on the second photo (EIO); the first is already in the temp folder.
    const realCopy = fs.copyFile.bind(fs);
    let calls = 0;
    const spy = vi.spyOn(fs, 'copyFile').mockImplementation(async (from, to, mode) => {
      calls += 1;
      if (calls === 2) throw Object.assign(new Error('I/O error'), { code: 'EIO' });
      await realCopy(from, to, mode);
    });
    try {
      const error = await exportSeed().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'storage_failed' });
      expect(calls).toBe(2);
      expect(await fs.readdir(outDir)).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it.each([
    '../outside.jpg',
    'photos/../../outside.jpg',
    '/etc/passwd',
    'photos\\..\\..\\outside.jpg',
    '%2e%2e/outside.jpg',
    'photos/a1/../../../outside.jpg',
  ])('refuses the media path %s', async (mediaPath) => {
    await fs.copyFile(ladybird, path.join(root, 'library', 'outside.jpg'));
    const article = seedArticle();
    article.body = { type: 'doc', content: [figure(mediaPath, 'x')] };
    await expect(exportSeed(article)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await fs.readdir(outDir).catch(() => [])).toEqual([]);
  });
});
