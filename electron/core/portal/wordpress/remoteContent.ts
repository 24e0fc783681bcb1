import type { PortalLifecycle } from '../../../../shared/domain/portalFields';
import type { RemoteContent } from '../adapter';
import { plainBody } from './figures';
import { decodeEntities, stripFooter } from './content';
import type { Json } from './json';
import { asRecord, text } from './json';

/*
 * A WordPress post (edit context) as the fields three-way sync compares (issue 13). WordPress has
 * no byline or source fields, so they are read back from the footer the adapter writes.
 */

const LIFECYCLE: Readonly<Record<string, PortalLifecycle>> = {
  publish: 'live',
  future: 'live',
  private: 'hidden',
  draft: 'hidden',
  pending: 'hidden',
  trash: 'trash',
};

const STATUS_WORDS: Readonly<Record<string, string>> = {
  publish: 'đang đăng',
  future: 'hẹn giờ đăng',
  private: 'chuyển sang chế độ riêng tư',
  draft: 'chuyển về bản nháp',
  pending: 'chuyển về chờ duyệt',
  trash: 'chuyển vào thùng rác',
};

function footerOf(raw: string): string {
  const body = stripFooter(raw);
  return raw.length === body.length ? '' : raw;
}

function footerLine(footer: string, className: string): string {
  const match = new RegExp(`<p class="${className}">([\\s\\S]*?)</p>`, 'u').exec(footer);
  if (!match) return '';
  const inner = (match[1] ?? '')
    .replace(/<[^>]*>/gu, '')
    .replace(/^\s*(Tác giả|Nguồn tin)\s*:\s*/u, '');
  return decodeEntities(inner).trim();
}

function ids(value: unknown): string[] {
  return (Array.isArray(value) ? value : [])
    .map((id) => String(id))
    .filter((id) => /^\d+$/u.test(id) && id !== '0');
}

/** The tag ids of a post, to be named by the caller. */
export function tagIdsOf(post: Json): string[] {
  return ids(post.tags);
}

/** The post's fields; `tagNames` maps its tag ids to names. */
export function wordpressContent(post: Json, tagNames: ReadonlyMap<string, string>): RemoteContent {
  const raw = text(post.content);
  const footer = footerOf(raw);
  const status = typeof post.status === 'string' ? post.status : '';
  const dateGmt = typeof post.date_gmt === 'string' ? post.date_gmt : '';
  const published = dateGmt ? Date.parse(`${dateGmt}Z`) : Number.NaN;
  const featured = Number(asRecord(post).featured_media ?? 0);
  return {
    title: decodeEntities(text(post.title)),
    lead: decodeEntities(text(post.excerpt)),
    // Without the sapo block and the image decoration the desk adds on the way out.
    html: plainBody(stripFooter(raw)),
    categoryIds: ids(post.categories),
    tags: tagIdsOf(post).map((id) => tagNames.get(id) ?? `#${id}`),
    featuredMedia:
      Number.isInteger(featured) && featured > 0 ? { remoteId: String(featured), url: '' } : null,
    lifecycle: LIFECYCLE[status] ?? 'other',
    statusLabel: STATUS_WORDS[status] ?? status,
    publishAt: Number.isFinite(published) ? published : null,
    author: footerLine(footer, 'author'),
    source: footerLine(footer, 'source'),
    slug: typeof post.slug === 'string' ? post.slug : '',
    statusChangedBy: null,
  };
}
