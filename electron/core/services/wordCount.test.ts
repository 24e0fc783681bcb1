import { afterEach, describe, expect, it } from 'vitest';

import { bodyWordCount } from '../../../shared/domain/article';
import type { Core } from '../app/createCore';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import { articleBody } from '../../../tests/support/articleBody';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('one word count everywhere', () => {
  it('gives the list, the article, its revisions and the approval checklist the same figure', async () => {
    core = openTestCore();
    const created = await callCore(core, 'articles.create', {});
    const body = articleBody('Đếm chữ', [
      { mediaPath: 'a.jpg', caption: 'Chú thích ảnh có sáu chữ', alt: 'Ảnh', credit: 'Ảnh: A' },
      { mediaPath: 'b.jpg', caption: 'Chú thích thứ hai', alt: 'Ảnh', credit: 'Ảnh: B' },
    ]);
    await callCore(core, 'articles.save', {
      id: created.id,
      title: 'Đếm chữ',
      meta: created.meta,
      body,
      baseVersion: created.version,
    });
    const expected = bodyWordCount(body);
    // Captions are not counted: the two captions hold 9 chữ of the body's text.
    expect(expected).toBeGreaterThan(0);
    const article = await callCore(core, 'articles.get', { id: created.id });
    const listed = (await callCore(core, 'articles.list', {})).find((a) => a.id === created.id);
    const checklist = await callCore(core, 'workflow.checklist', { articleId: created.id });
    const revisions = await callCore(core, 'revisions.list', { articleId: created.id });
    expect(article.wordCount).toBe(expected);
    expect(listed?.wordCount).toBe(expected);
    expect(checklist.wordCount).toBe(expected);
    expect(revisions[0]?.wordCount).toBe(expected);
  });

  it('leaves captions out of the count', () => {
    const withCaption = articleBody('A', [
      { mediaPath: 'a.jpg', caption: 'một hai ba bốn', alt: '', credit: '' },
    ]);
    const withoutCaption = articleBody('A', [
      { mediaPath: 'a.jpg', caption: '', alt: '', credit: '' },
    ]);
    expect(bodyWordCount(withCaption)).toBe(bodyWordCount(withoutCaption));
  });
});
