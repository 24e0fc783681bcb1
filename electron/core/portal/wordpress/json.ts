import type { RemoteArticle, RemoteMedia, RemoteStatus } from '../adapter';
import { PortalError } from '../adapter';
import { decodeEntities, stripFooter } from './content';
import { plainBody } from './figures';

/* Reading WordPress's JSON defensively: a portal's answer is untrusted input. */

/** A JSON object. */
export type Json = Record<string, unknown>;

/** The value as an object, or an empty one. */
export function asRecord(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

/** The value as a list of objects, or an empty list. */
export function asList(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(asRecord) : [];
}

/** A field's text: a string, or the `raw` (else `rendered`) of `{ raw, rendered }`. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  const record = asRecord(value);
  if (typeof record.raw === 'string') return record.raw;
  return typeof record.rendered === 'string' ? record.rendered : '';
}

/** An item's id as a string; an item without one is a protocol failure. */
export function idOf(value: unknown): string {
  const id = asRecord(value).id;
  if (typeof id !== 'number' && typeof id !== 'string') {
    throw new PortalError('protocol', 'Cổng trả về một mục không có mã số (id).');
  }
  return String(id);
}

/** WordPress's post status as the adapter interface names it. */
function toRemoteStatus(status: unknown): RemoteStatus | 'other' {
  switch (status) {
    case 'publish':
    case 'future':
    case 'trash':
      return status;
    case 'draft':
    case 'pending':
      return 'draft';
    default:
      return 'other';
  }
}

/**
 * A post (edit context) as the outbox sees it: the title as text, the body without the Newsdesk
 * footer and WordPress-only decoration (sapo block, image classes), as it was sent.
 */
export function toRemoteArticle(post: Json): RemoteArticle {
  return {
    remoteId: idOf(post),
    url: typeof post.link === 'string' ? post.link : '',
    status: toRemoteStatus(post.status),
    // Sent escaped (WordPress treats a title as HTML): read back as the text the desk holds.
    title: decodeEntities(text(post.title)),
    html: plainBody(stripFooter(text(post.content))),
    modified: typeof post.modified_gmt === 'string' ? post.modified_gmt : '',
  };
}

/** A media item's id and public URL. */
export function toRemoteMedia(item: Json): RemoteMedia {
  return { remoteId: idOf(item), url: typeof item.source_url === 'string' ? item.source_url : '' };
}
