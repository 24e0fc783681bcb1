import fs from 'node:fs';
import path from 'node:path';

import type { Article, DocNode } from '../../shared/domain/article';
import { emptyMeta } from '../../shared/domain/article';
import type { PhotoRecord } from '../../shared/photos/photoRecord';
import { callCore } from './testCore';
import type { Core } from '../../electron/core/app/createCore';

/*
 * Helpers for the workflow tests: real photos through the photo desk, and articles complete
 * enough to pass the approval checklist. Test-only (imported by *.test.ts files).
 */

const fixtures = path.resolve(import.meta.dirname, '../fixtures/photos');

/** A fixture photo as the renderer uploads it. */
export function fixtureFile(name: string, bytes?: Buffer): { name: string; dataBase64: string } {
  return {
    name,
    dataBase64: (bytes ?? fs.readFileSync(path.join(fixtures, name))).toString('base64'),
  };
}

/** Imports photos into the library and gives them a caption and a credit. */
export async function importPhotos(
  core: Core,
  files: Array<{ name: string; dataBase64: string }>,
): Promise<PhotoRecord[]> {
  const report = await callCore(core, 'photos.import', { files, event: 'Kỳ họp HĐND tỉnh' });
  if (report.imported.length !== files.length) throw new Error('photos were not imported');
  return report.imported;
}

/** A paragraph. */
export const paragraph = (text: string): DocNode => ({
  type: 'paragraph',
  content: text ? [{ type: 'text', text }] : [],
});

/** A captioned, credited figure for a library photo (alt text always set). */
export const figure = (
  photo: Pick<PhotoRecord, 'mediaPath'>,
  caption: string,
  credit = 'Ảnh: Minh Anh',
): DocNode => ({
  type: 'figure',
  attrs: { mediaPath: photo.mediaPath, alt: caption || 'Ảnh minh hoạ', credit },
  content: caption ? [{ type: 'text', text: caption }] : [],
});

/** About `words` chữ of plausible Vietnamese, in sentences. */
export function vietnameseText(words: number): string {
  const sentence =
    'Các đại biểu thảo luận về tình hình kinh tế xã hội của tỉnh trong sáu tháng đầu năm.';
  const perSentence = sentence.split(' ').length;
  return Array.from({ length: Math.ceil(words / perSentence) }, () => sentence).join(' ');
}

/**
 * Creates an article as the signed-in user and saves it complete: title, lead, category,
 * author, featured image and the given body. Returns the saved article.
 */
export async function writeArticle(
  core: Core,
  input: { title: string; body: DocNode[]; photos?: PhotoRecord[]; featured?: boolean },
): Promise<Article> {
  const created = await callCore(core, 'articles.create', { title: input.title });
  // Categories are the editors' (they come from the portal): tests create one beforehand.
  const category = (await callCore(core, 'categories.list', {}))[0];
  const author = await callCore(core, 'authors.save', {
    name: 'Trần Minh',
    position: 'Phóng viên',
  });
  const first = input.photos?.[0];
  await callCore(core, 'articles.save', {
    id: created.id,
    title: input.title,
    meta: {
      ...emptyMeta(),
      lead: 'HĐND tỉnh khai mạc kỳ họp thường lệ giữa năm.',
      categoryId: category?.id ?? null,
      authorId: author.id,
      featuredImage:
        input.featured !== false && first
          ? { mediaPath: first.mediaPath, alt: 'Quang cảnh kỳ họp' }
          : null,
    },
    body: { type: 'doc', content: input.body },
    baseVersion: 0,
  });
  return callCore(core, 'articles.get', { id: created.id });
}

/** Saves a new body (and title) on top of the article's current version. */
export async function saveBody(
  core: Core,
  article: Pick<Article, 'id'>,
  body: DocNode[],
  title?: string,
): Promise<Article> {
  const current = await callCore(core, 'articles.get', { id: article.id });
  await callCore(core, 'articles.save', {
    id: current.id,
    title: title ?? current.title,
    meta: current.meta,
    body: { type: 'doc', content: body },
    baseVersion: current.version,
  });
  return callCore(core, 'articles.get', { id: article.id });
}
