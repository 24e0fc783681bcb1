import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { expect } from 'vitest';

import { processPhoto } from '../../electron/core/photos';
import { stripFooter } from '../../electron/core/portal/wordpress/content';
import { plainBody } from '../../electron/core/portal/wordpress/figures';
import { planPhotos, syncRecipe } from '../../electron/core/sync/photos';
import type { Recipe } from '../../shared/photos/recipe';
import { renderBodyHtml } from '../../shared/render/articleHtml';
import type { TestArticle } from './syncArticles';
import type { WordPressRest } from './wordpress';

type Json = Record<string, unknown>;

/** SHA-256 of bytes, hex. */
export const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The photo as the app must have rendered it: the recipe's first output, with the caption's credits. */
export async function renderedSha(
  mediaDir: string,
  photo: { mediaPath: string; caption: string; credit: string },
  recipe: Recipe,
): Promise<string> {
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsdesk-expect-'));
  try {
    const [first] = await processPhoto({
      inputPath: path.join(mediaDir, photo.mediaPath),
      recipe,
      meta: { caption: photo.caption, credit: photo.credit, slug: 'x', seq: 1 },
      outDir,
      existingPolicy: 'overwrite',
    });
    if (!first) throw new Error('no output');
    return sha(await fs.readFile(first.path));
  } finally {
    await fs.rm(outDir, { recursive: true, force: true });
  }
}

/**
 * Checks through WordPress's REST API that the article is there exactly once with the approved
 * text: body HTML byte for byte (photo URLs the portal's), the featured image, and every photo
 * once, with its alt text and the exact bytes the recipe renders. Returns the post.
 */
export async function expectPublished(
  rest: WordPressRest,
  article: TestArticle & { title: string },
  options: { mediaDir: string; recipe: Recipe; checkBytes?: boolean },
): Promise<Json> {
  const recipe = syncRecipe(options.recipe);
  const first = article.mediaPaths[0];
  const photos = planPhotos(
    article.body,
    first ? { mediaPath: first, alt: 'Ảnh đại diện' } : null,
    recipe,
  );
  const urls = new Map<string, string>();
  const ids = new Map<string, number>();
  for (const photo of photos) {
    const found = await rest.get<Json[]>(
      `/wp/v2/media?newsdesk_sync_key=${photo.syncKey}&context=edit&_fields=id,source_url,alt_text,meta`,
    );
    expect(found.json, `photo ${photo.mediaPath} exactly once`).toHaveLength(1);
    const item = found.json[0] as Json;
    expect(item.alt_text).toBe(photo.alt);
    urls.set(photo.mediaPath, String(item.source_url));
    ids.set(photo.mediaPath, Number(item.id));
    if (options.checkBytes !== false) {
      const bytes = await rest.download(String(item.source_url));
      expect(sha(bytes), `bytes of ${photo.mediaPath}`).toBe(
        await renderedSha(options.mediaDir, photo, recipe),
      );
    }
  }
  const posts = await rest.get<Json[]>(
    `/wp/v2/posts?newsdesk_sync_key=${article.id}&status=any&context=edit`,
  );
  expect(posts.json, `post ${article.title} exactly once`).toHaveLength(1);
  const post = posts.json[0] as Json;
  expect((post.title as Json).raw).toBe(article.title);
  const expectedHtml = renderBodyHtml(article.body, {
    mediaUrl: (mediaPath) => urls.get(mediaPath) ?? '',
    alignment: 'style',
  });
  // The stored content adds the sapo block and WordPress image classes (docs/wordpress-output.md);
  // without them it is exactly the approved body.
  const raw = stripFooter(String((post.content as Json).raw));
  expect(raw.startsWith('<!-- newsdesk:lead -->') || !article.lead.trim()).toBe(true);
  expect(plainBody(raw)).toBe(expectedHtml);
  expect(post.featured_media).toBe(first ? ids.get(first) : 0);
  return post;
}
