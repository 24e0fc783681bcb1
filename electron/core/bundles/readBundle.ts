import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

import type { z } from 'zod';

import { AppError } from '../../../shared/errors/appError';
import { resolveMediaFile } from '../library/mediaFiles';
import { decodeBundle } from './container';
import { contentHash } from './contentHash';
import type { ArticlePayload } from './payload';
import { articlePayload, directoryPayload, photosPayload, recipesPayload } from './payload';

/*
 * Reading a bundle before anything is written: the container, every checksum and name, every
 * JSON entry against its schema (bodies against the article format), and the photo files.
 */

/** A refusal of the whole bundle: nothing of it is imported. */
export const refuse = (detail: string): AppError =>
  new AppError('invalid_input', `${detail} Không có gì được nhập vào thư viện.`);

function isBodyProblem(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && typeof issue.params?.kind === 'string';
}

function parseEntry<T>(entries: Map<string, Buffer>, name: string, schema: z.ZodType<T>): T | null {
  const data = entries.get(name);
  if (!data) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (result.success) return result.data;
  // A body this editor cannot read (e.g. from a newer Newsdesk): say which type it is.
  const body = result.error.issues.find((issue) => isBodyProblem(issue));
  if (body) throw refuse(`Bài trong mục «${name}» của gói: ${body.message}`);
  throw refuse(
    `Mục «${name}» trong gói không đúng cấu trúc, có thể do phiên bản khác tạo ra hoặc đã bị sửa.`,
  );
}

/** Everything checked and parsed, before any write. */
export interface ValidBundle {
  manifest: ReturnType<typeof decodeBundle>['manifest'];
  articles: ArticlePayload[];
  media: Array<{ mediaPath: string; data: Buffer }>;
  photos: z.infer<typeof photosPayload>;
  directory: z.infer<typeof directoryPayload>;
  recipes: z.infer<typeof recipesPayload>;
  /** The sender's roster, as it came (checked by the roster service). */
  roster: unknown;
}

/** Checks and parses a bundle's bytes, refusing it whole at the first problem. */
export function validate(data: Buffer): ValidBundle {
  const { manifest, entries } = decodeBundle(data);
  const articles: ArticlePayload[] = [];
  const media: ValidBundle['media'] = [];
  for (const [name, bytes] of entries) {
    if (name.startsWith('media/')) {
      const mediaPath = name.slice('media/'.length);
      const sha = createHash('sha256').update(bytes).digest('hex');
      // Originals are content-addressed: the name must be the bytes' own hash.
      if (!mediaPath.includes(`/${sha}.`)) {
        throw refuse(`Ảnh «${mediaPath}» trong gói không khớp tên với nội dung của nó.`);
      }
      media.push({ mediaPath, data: bytes });
    } else if (name.startsWith('articles/')) {
      const payload = parseEntry(entries, name, articlePayload);
      if (!payload || name !== `articles/${payload.article.id}.json`) {
        throw refuse(`Mục «${name}» trong gói không khớp với bài viết bên trong.`);
      }
      if (contentHash(payload.article) !== payload.contentHash) {
        throw refuse(
          `Nội dung bài «${payload.article.title.slice(0, 60)}» không khớp mã kiểm tra của nó.`,
        );
      }
      articles.push(payload);
    }
  }
  const ids = new Set(articles.map((payload) => payload.article.id));
  if (articles.length === 0 || manifest.articleIds.some((id) => !ids.has(id))) {
    throw refuse('Gói không chứa đủ các bài viết mà mục lục liệt kê.');
  }
  return {
    manifest,
    articles,
    media,
    photos: parseEntry(entries, 'photos.json', photosPayload) ?? [],
    directory: parseEntry(entries, 'directory.json', directoryPayload) ?? {
      authors: [],
      categories: [],
    },
    recipes: parseEntry(entries, 'recipes.json', recipesPayload) ?? [],
    roster: rosterEntry(entries),
  };
}

/** The roster a bundle carries, parsed as JSON only (its signature is checked on taking it). */
function rosterEntry(entries: Map<string, Buffer>): unknown {
  const data = entries.get('roster.json');
  if (!data) return null;
  try {
    return JSON.parse(data.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Writes the originals a bundle brings (content-addressed: an existing file is the same file). */
export async function writeMedia(mediaDir: string, media: ValidBundle['media']): Promise<void> {
  for (const item of media) {
    const target = resolveMediaFile(mediaDir, item.mediaPath);
    if (!target) throw refuse(`Đường dẫn ảnh «${item.mediaPath}» trỏ ra ngoài thư viện.`);
    try {
      await fs.access(target);
      continue;
    } catch {
      // Not there yet.
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    await fs.writeFile(temp, item.data);
    await fs.rename(temp, target);
  }
}
