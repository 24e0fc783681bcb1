/**
 * The seed article (the real NukeViet post the repo's fixtures come from) as the sync outbox
 * would hand it to a portal adapter: its two Zalo photos as uploads (real JPEG bytes from
 * tests/fixtures/photos), and a payload whose body is rendered by the app's own renderer with
 * the photos' remote URLs.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type {
  ArticlePayload,
  MediaUpload,
  RemoteMedia,
} from '../../../electron/core/portal/adapter';
import { renderBodyHtml } from '../../../shared/render/articleHtml';
import {
  seedArticle,
  seedAuthor,
  seedBody,
  seedCaptions,
  seedPublishAt,
} from '../../../shared/render/seedArticle.fixture';

const PHOTOS = fileURLToPath(new URL('../../fixtures/photos/', import.meta.url));

/** The body's media paths and the files that stand in for the seed's Zalo photos. */
const SEED_PHOTOS = [
  {
    mediaPath: 'photos/a1/z4509060236637.jpg',
    file: 'storm-canon-400d.jpg',
    caption: seedCaptions[0],
  },
  {
    mediaPath: 'photos/b2/z4509061029203.jpg',
    file: 'dune-canon-rebel.jpg',
    caption: seedCaptions[1],
  },
] as const;

/** Real JPEG bytes of a fixture photo. */
export function fixturePhoto(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(PHOTOS, file)));
}

/** The seed's photos as uploads, named as Zalo names them (z…_hash.jpg). */
export function seedUploads(): MediaUpload[] {
  return SEED_PHOTOS.map((photo) => ({
    syncKey: photo.mediaPath,
    fileName: `${photo.caption.replace(' ', '_')}.jpg`,
    mimeType: 'image/jpeg',
    data: fixturePhoto(photo.file),
    caption: photo.caption,
    alt: `Ảnh ${photo.caption}`,
    credit: 'Trường Chính trị Trần Phú',
  }));
}

/** The seed body as HTML, photos pointing at their uploaded copies (by upload syncKey). */
export function seedHtml(uploaded: ReadonlyMap<string, RemoteMedia>): string {
  return renderBodyHtml(seedBody(), { mediaUrl: (p) => uploaded.get(p)?.url ?? '' });
}

/** The seed article, approved for publishing, photos already uploaded. */
export function seedPayload(
  uploaded: ReadonlyMap<string, RemoteMedia>,
  overrides: Partial<ArticlePayload> = {},
): ArticlePayload {
  const article = seedArticle();
  const featured = uploaded.get(SEED_PHOTOS[0].mediaPath) ?? null;
  return {
    syncKey: crypto.randomUUID(),
    title: article.title,
    slug: article.meta.slug,
    lead: article.meta.lead,
    html: seedHtml(uploaded),
    featuredMedia: featured,
    featuredAlt: `Ảnh ${seedCaptions[0]}`,
    categoryIds: ['2'],
    tags: ['Hội nghị', 'Chính trị'],
    author: `${seedAuthor.name} - ${seedAuthor.position}`,
    source: '',
    status: 'publish',
    publishAt: seedPublishAt,
    expireAt: null,
    ...overrides,
  };
}
