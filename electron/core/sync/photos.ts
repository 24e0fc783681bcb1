import { createHash, randomUUID } from 'node:crypto';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

import type { DocNode } from '../../../shared/domain/article';
import type { Recipe } from '../../../shared/photos/recipe';
import { renderPlainText } from '../../../shared/render/articleHtml';
import { slugify } from '../../../shared/vietnamese/slug';
import type { MediaUpload } from '../portal/adapter';
import { isPhotoError, processPhoto } from '../photos';
import { SyncFailure } from './failure';

/** One photo an article needs on the portal: a figure's, or the featured image. */
export interface PlannedPhoto {
  /** Idempotency key: the photo, the recipe and the texts uploaded with it. */
  syncKey: string;
  mediaPath: string;
  caption: string;
  alt: string;
  credit: string;
}

/** The recipe sync renders with: the library's default recipe cut to its first output. */
export function syncRecipe(recipe: Recipe): Recipe {
  const first = recipe.outputs[0];
  return first ? { ...recipe, outputs: [first] } : recipe;
}

function keyOf(photo: Omit<PlannedPhoto, 'syncKey'>, recipe: Recipe): string {
  return createHash('sha256')
    .update(JSON.stringify([photo.mediaPath, recipe, photo.caption, photo.alt, photo.credit]))
    .digest('hex');
}

function figures(doc: DocNode): DocNode[] {
  const found: DocNode[] = [];
  const stack: DocNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (node.type === 'figure') found.push(node);
    const children = node.content ?? [];
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return found;
}

function stringAttr(node: DocNode, name: string): string {
  const value = node.attrs?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * The photos to upload for an article, each once per media path, in body order; the featured
 * image reuses a figure's upload when it is the same photo.
 */
export function planPhotos(
  body: DocNode,
  featured: { mediaPath: string; alt: string } | null,
  recipe: Recipe,
): PlannedPhoto[] {
  const planned: PlannedPhoto[] = [];
  const seen = new Set<string>();
  for (const figure of figures(body)) {
    const mediaPath = stringAttr(figure, 'mediaPath');
    if (!mediaPath || seen.has(mediaPath)) continue;
    seen.add(mediaPath);
    const photo = {
      mediaPath,
      caption: renderPlainText({ type: 'doc', content: figure.content ?? [] }).trim(),
      alt: stringAttr(figure, 'alt'),
      credit: stringAttr(figure, 'credit'),
    };
    planned.push({ ...photo, syncKey: keyOf(photo, recipe) });
  }
  if (featured && !seen.has(featured.mediaPath)) {
    const photo = { mediaPath: featured.mediaPath, caption: '', alt: featured.alt, credit: '' };
    planned.push({ ...photo, syncKey: keyOf(photo, recipe) });
  }
  return planned;
}

const MIME = {
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  png: 'image/png',
  avif: 'image/avif',
} as const;

/** Where rendered photos wait for upload (deleted once uploaded). */
export interface RenderCache {
  dir: string;
  mediaDir: string;
}

/**
 * The upload for a planned photo: rendered through the recipe's first output once, kept in the
 * cache folder under its sync key so a retry (or a restart) does not render it again.
 */
export async function renderUpload(
  cache: RenderCache,
  photo: PlannedPhoto,
  recipe: Recipe,
  context: { slug: string; seq: number; signal?: AbortSignal | undefined },
): Promise<MediaUpload> {
  const format = recipe.outputs[0]?.format ?? 'jpeg';
  const mimeType = format in MIME ? MIME[format as keyof typeof MIME] : 'image/jpeg';
  const extension = format === 'jpeg' ? 'jpg' : format;
  const cached = path.join(cache.dir, `${photo.syncKey}.${extension}`);
  const fileName = `${slugify(context.slug, { maxLength: 60, fallback: 'anh' })}-${context.seq}.${extension}`;
  const upload = (data: Uint8Array): MediaUpload => ({
    syncKey: photo.syncKey,
    fileName,
    mimeType,
    data,
    caption: photo.caption,
    alt: photo.alt,
    credit: photo.credit,
  });
  try {
    return upload(await fs.readFile(cached));
  } catch {
    // Not rendered yet.
  }
  const input = path.join(cache.mediaDir, photo.mediaPath);
  try {
    await fs.access(input);
  } catch {
    throw new SyncFailure(
      'photo_missing',
      `Không tìm thấy ảnh «${path.basename(photo.mediaPath)}» trong thư viện. Hãy chèn lại ảnh vào bài, duyệt lại rồi gửi.`,
    );
  }
  const scratch = path.join(cache.dir, `render-${randomUUID()}`);
  try {
    const outputs = await processPhoto({
      inputPath: input,
      recipe,
      meta: { caption: photo.caption, credit: photo.credit, slug: context.slug, seq: context.seq },
      outDir: scratch,
      existingPolicy: 'overwrite',
      signal: context.signal,
    });
    const first = outputs[0];
    if (!first) throw new Error('the recipe produced no output');
    await fs.rename(first.path, cached);
    return upload(await fs.readFile(cached));
  } catch (error) {
    if (isPhotoError(error) && error.photoCode !== 'PHOTO_CANCELLED') {
      throw new SyncFailure('photo_failed', error.userMessage);
    }
    throw error;
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

/** Drops rendered files once their photos are on the portal. */
export async function dropRendered(cache: RenderCache, syncKeys: readonly string[]): Promise<void> {
  const names = await fs.readdir(cache.dir).catch(() => [] as string[]);
  const keys = new Set(syncKeys);
  await Promise.all(
    names
      .filter((name) => keys.has(name.replace(/\.[a-z]+$/u, '')))
      .map((name) => fs.rm(path.join(cache.dir, name), { force: true })),
  );
}

/** Removes scratch folders of renders a crash interrupted (their photos render again). */
export function clearStaleRenders(dir: string): void {
  for (const name of fsSync.existsSync(dir) ? fsSync.readdirSync(dir) : []) {
    if (name.startsWith('render-'))
      fsSync.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}
