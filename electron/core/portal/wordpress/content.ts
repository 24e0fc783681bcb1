import { createHash } from 'node:crypto';

import { escapeHtml } from '../../../../shared/render/articleHtml';
import { slugify, WORDPRESS_SLUG_MAX_LENGTH } from '../../../../shared/vietnamese/slug';
import type { ArticlePayload, MediaUpload } from '../adapter';

/*
 * What the WordPress adapter adds to a post's content, and how it finds it again. WordPress has
 * no fields for a byline or a source, so they go in a footer after the body; the footer also
 * carries the sync key as an HTML comment, which lets a site without the Newsdesk plugin verify
 * that a post found by slug is really ours. `stripFooter` gives back exactly the body we sent.
 */

const FOOTER_OPEN = '<!-- newsdesk:footer -->';
const FOOTER_CLOSE = '<!-- /newsdesk:footer -->';

/** The marker a post's content carries: found by search when the plugin is absent. */
export function syncMarker(syncKey: string): string {
  return `newsdesk-sync-key:${syncKey}`;
}

/** Body HTML plus the footer (byline, source, sync key). */
export function contentWithFooter(payload: ArticlePayload): string {
  const lines: string[] = [];
  const author = payload.author.trim();
  if (author) lines.push(`<p class="author">Tác giả: <strong>${escapeHtml(author)}</strong></p>`);
  const source = payload.source.trim();
  if (source) lines.push(`<p class="source">Nguồn tin: ${escapeHtml(source)}</p>`);
  lines.push(`<!-- ${syncMarker(payload.syncKey)} -->`);
  return `${payload.html}\n${FOOTER_OPEN}\n${lines.join('\n')}\n${FOOTER_CLOSE}`;
}

/** The body as Newsdesk sent it: the raw content without the footer. */
export function stripFooter(raw: string): string {
  const start = raw.lastIndexOf(`\n${FOOTER_OPEN}`);
  if (start === -1) return raw;
  const end = raw.indexOf(FOOTER_CLOSE, start);
  if (end === -1) return raw;
  return raw.slice(0, start) + raw.slice(end + FOOTER_CLOSE.length);
}

/** True when raw content carries this sync key's marker. */
export function hasMarker(raw: string, syncKey: string): boolean {
  return raw.includes(`<!-- ${syncMarker(syncKey)} -->`);
}

/** A short stable hash of a sync key, safe inside a slug or a file name. */
function shortKey(syncKey: string): string {
  return createHash('sha256').update(syncKey).digest('hex').slice(0, 12);
}

/**
 * The media item's slug: readable stem plus the sync key's hash. Deterministic, so without the
 * plugin `GET /media?slug=` finds what an earlier attempt uploaded.
 */
export function mediaSlug(upload: Pick<MediaUpload, 'syncKey' | 'fileName'>): string {
  const stem = slugify(upload.fileName.replace(/\.[a-z0-9]+$/iu, ''), { maxLength: 60 });
  return `${stem || 'anh'}-${shortKey(upload.syncKey)}`;
}

/** The file name sent to WordPress (it keeps the name, made unique, in the upload folder). */
export function mediaFileName(
  upload: Pick<MediaUpload, 'syncKey' | 'fileName' | 'mimeType'>,
): string {
  const extension = {
    'image/jpeg': 'jpg',
    'image/webp': 'webp',
    'image/png': 'png',
    'image/avif': 'avif',
  }[upload.mimeType];
  return `${mediaSlug(upload)}.${extension}`;
}

/** The post's slug: the article's own, else one from the title; WordPress caps it at 200. */
export function postSlug(payload: Pick<ArticlePayload, 'slug' | 'title' | 'syncKey'>): string {
  const own = slugify(payload.slug, { maxLength: WORDPRESS_SLUG_MAX_LENGTH });
  if (own) return own;
  return slugify(payload.title, {
    maxLength: WORDPRESS_SLUG_MAX_LENGTH,
    fallback: `bai-viet-${shortKey(payload.syncKey)}`,
  });
}

/** The caption WordPress shows under the photo: caption, then the credit as the app prints it. */
export function mediaCaption(upload: Pick<MediaUpload, 'caption' | 'credit'>): string {
  const caption = escapeHtml(upload.caption.trim());
  const credit = upload.credit.replace(/^\s*ảnh\s*:\s*/iu, '').trim();
  const creditHtml = credit ? `<span class="credit">Ảnh: ${escapeHtml(credit)}</span>` : '';
  return [caption, creditHtml].filter(Boolean).join(' ');
}

/** Term names come back HTML-escaped (`&amp;`); this undoes the entities WordPress writes. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#0*39;|&#x0*27;|&apos;/giu, "'")
    .replace(/&quot;/gu, '"')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&#(\d+);/gu, (_match, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/gu, '&');
}

/** `date_gmt` as WordPress takes it: `YYYY-MM-DDTHH:MM:SS`, UTC, no zone. */
export function wpDateGmt(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19);
}
