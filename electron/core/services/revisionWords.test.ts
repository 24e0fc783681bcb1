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

describe('revision history word counts (issue 15: «Tự động lưu · 0 chữ» after minutes of writing)', () => {
  it('takes the first automatic revision once the body has words, not at the title-only save', async () => {
    core = openTestCore();
    const created = await callCore(core, 'articles.create', {});
    // A reporter types the title first: the first autosave holds no body yet.
    const first = await callCore(core, 'articles.save', {
      id: created.id,
      title: 'Mưa lớn ở miền Trung',
      meta: created.meta,
      body: { type: 'doc', content: [{ type: 'paragraph' }] },
      baseVersion: created.version,
    });
    const body = articleBody(
      'Mưa lớn kéo dài khiến nhiều tuyến đường ở miền Trung bị ngập sâu',
      [],
    );
    await callCore(core, 'articles.save', {
      id: created.id,
      title: 'Mưa lớn ở miền Trung',
      meta: created.meta,
      body,
      baseVersion: first.version,
    });
    const revisions = await callCore(core, 'revisions.list', { articleId: created.id });
    expect(revisions.map((revision) => revision.wordCount)).toEqual([bodyWordCount(body)]);
    expect(bodyWordCount(body)).toBeGreaterThan(10);
  });
});
