import { describe, expect, it } from 'vitest';

import type { Article } from '../domain/article';
import { emptyMeta } from '../domain/article';
import { figure, paragraph } from '../render/seedArticle.fixture';
import type { ChecklistContext, PhotoFacts } from './approvalChecklist';
import { approvalChecklist } from './approvalChecklist';

const category = {
  id: '6f1c1b1e-0000-4000-8000-000000000001',
  parentId: null,
  title: 'Thời sự',
  alias: 'thoi-su',
};
const author = { id: '6f1c1b1e-0000-4000-8000-000000000002', name: 'Trần Minh', position: '' };
const words = (n: number): string => Array.from({ length: n }, () => 'chữ').join(' ');

function article(body: Article['body'], featured = true): Article {
  return {
    id: '6f1c1b1e-0000-4000-8000-000000000003',
    title: 'Kỳ họp HĐND tỉnh',
    status: 'submitted',
    excerpt: '',
    wordCount: 0,
    createdAt: 0,
    updatedAt: 0,
    version: 3,
    meta: {
      ...emptyMeta(),
      slug: 'ky-hop-hdnd-tinh',
      lead: 'Sapo.',
      categoryId: category.id,
      authorId: author.id,
      featuredImage: featured ? { mediaPath: 'photos/aa/a.jpg', alt: 'Quang cảnh' } : null,
    },
    body,
  };
}

function context(
  photos: Record<string, PhotoFacts>,
  metadata: 'strip' | 'keep-credits' | 'keep-all' = 'keep-credits',
): ChecklistContext {
  return {
    authors: [author],
    categories: [category],
    wordRange: { min: 10, max: 100 },
    photos: new Map(Object.entries(photos)),
    publishRecipe: { name: 'Web', metadata },
  };
}

const ok: PhotoFacts = { exists: true, hasGps: false, name: 'a.jpg' };

describe('approval checklist', () => {
  it('passes a complete article', () => {
    const result = approvalChecklist(
      article({
        type: 'doc',
        content: [
          paragraph(words(50)),
          figure('photos/aa/a.jpg', 'Quang cảnh kỳ họp', 'Quang cảnh', 'Ảnh: Minh'),
        ],
      }),
      context({ 'photos/aa/a.jpg': ok }),
    );
    expect(result).toMatchObject({
      ok: true,
      errors: [],
      warnings: [],
      wordCount: 50,
      photoCount: 1,
    });
  });

  it('blocks on uncaptioned or uncredited photos, a missing featured image or photo file', () => {
    const result = approvalChecklist(
      article(
        {
          type: 'doc',
          content: [
            paragraph(words(50)),
            figure('photos/aa/a.jpg', '', 'Ảnh', 'Ảnh: Minh'),
            figure('photos/bb/b.jpg', 'Đại biểu', 'Đại biểu', ''),
          ],
        },
        false,
      ),
      context({
        'photos/aa/a.jpg': ok,
        'photos/bb/b.jpg': { exists: false, hasGps: null, name: 'b.jpg' },
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.errors.map((issue) => [issue.code, issue.id])).toEqual([
      ['caption_empty', 'caption_empty:body.1'],
      ['figure_credit_missing', 'figure_credit_missing:body.2'],
      ['featured_missing', 'featured_missing:featuredImage'],
      ['photo_file_missing', 'photo_file_missing:body.2'],
    ]);
  });

  it('blocks GPS only when the publishing recipe keeps all metadata, and warns when unknown', () => {
    const body = {
      type: 'doc',
      content: [paragraph(words(50)), figure('photos/aa/a.jpg', 'Ảnh', 'Ảnh', 'Ảnh: Minh')],
    };
    const gps = { 'photos/aa/a.jpg': { exists: true, hasGps: true, name: 'a.jpg' } };
    expect(approvalChecklist(article(body), context(gps, 'keep-credits')).ok).toBe(true);
    expect(approvalChecklist(article(body), context(gps, 'strip')).ok).toBe(true);
    const kept = approvalChecklist(article(body), context(gps, 'keep-all'));
    expect(kept.errors.map((issue) => issue.code)).toEqual(['photo_gps_kept', 'photo_gps_kept']);
    const unknown = approvalChecklist(
      article(body),
      context({ 'photos/aa/a.jpg': { exists: true, hasGps: null, name: 'a.jpg' } }),
    );
    expect(unknown).toMatchObject({ ok: true });
    expect(unknown.warnings.map((issue) => issue.code)).toEqual([
      'photo_gps_unknown',
      'photo_gps_unknown',
    ]);
  });

  it('warns outside the newsroom’s word range, not counting captions', () => {
    const short = approvalChecklist(
      article({
        type: 'doc',
        content: [paragraph(words(9)), figure('photos/aa/a.jpg', words(20), 'a', 'Ảnh: M')],
      }),
      context({ 'photos/aa/a.jpg': ok }),
    );
    expect(short).toMatchObject({ ok: true, wordCount: 9 });
    expect(short.warnings.map((issue) => issue.code)).toEqual(['body_too_short']);
    const long = approvalChecklist(
      article({ type: 'doc', content: [paragraph(words(101))] }),
      context({ 'photos/aa/a.jpg': ok }),
    );
    expect(long.warnings.map((issue) => issue.code)).toEqual(['body_too_long']);
  });
});
