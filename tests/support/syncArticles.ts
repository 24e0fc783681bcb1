import type { Core } from '../../electron/core/app/createCore';
import type { DocNode } from '../../shared/domain/article';
import { articleBody } from './articleBody';
import { emptyMeta } from '../../shared/domain/article';
import { callCore } from './testCore';

/** What an approved test article holds. */
export interface TestArticleSpec {
  title: string;
  slug: string;
  photos: Buffer[];
  categoryId?: string | null;
  authorId?: string | null;
  tags?: string[];
  publishAt?: number | null;
  /** Text that makes captions unique to this run (media search counts by it). */
  marker: string;
}

/** An article the tests created, with its body as saved. */
export interface TestArticle {
  id: string;
  title: string;
  /** The sapo as saved. */
  lead: string;
  tags: string[];
  body: DocNode;
  mediaPaths: string[];
}

/** Imports the photos, creates and saves the article through the contract. */
export async function createTestArticle(core: Core, spec: TestArticleSpec): Promise<TestArticle> {
  const mediaPaths: string[] = [];
  for (const [index, photo] of spec.photos.entries()) {
    const imported = await callCore(core, 'media.importImage', {
      fileName: `${spec.slug}-${index + 1}.jpg`,
      dataBase64: photo.toString('base64'),
    });
    mediaPaths.push(imported.mediaPath);
  }
  const body = articleBody(
    spec.title,
    mediaPaths.map((mediaPath, index) => ({
      mediaPath,
      caption: `Ảnh ${index + 1} của bài ${spec.slug} ${spec.marker}`,
      alt: `Mô tả ảnh ${index + 1}`,
      credit: index % 2 === 0 ? 'Ảnh: Trần Văn B' : '',
    })),
  );
  const created = await callCore(core, 'articles.create', { title: spec.title });
  const first = mediaPaths[0];
  const lead = `Tóm tắt bài ${spec.title}`;
  const tags = spec.tags ?? [];
  await callCore(core, 'articles.save', {
    id: created.id,
    title: spec.title,
    meta: {
      ...emptyMeta(),
      slug: spec.slug,
      slugLocked: true,
      lead,
      categoryId: spec.categoryId ?? null,
      authorId: spec.authorId ?? null,
      tags,
      source: 'Báo Nhân Dân',
      featuredImage: first ? { mediaPath: first, alt: 'Ảnh đại diện' } : null,
      publishAt: spec.publishAt ?? null,
    },
    body,
    baseVersion: created.version,
  });
  return { id: created.id, title: spec.title, lead, tags, body, mediaPaths };
}

/** Resolves when `predicate` holds, polling every 50 ms; rejects after `timeoutMs`. */
export async function waitFor(
  predicate: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
