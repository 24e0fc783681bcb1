import type {
  PortalFieldChange,
  PortalFieldName,
  PortalFieldValues,
} from '../../../shared/domain/portalFields';
import { portalFieldNames } from '../../../shared/domain/portalFields';
import type { PortalTerm } from '../../../shared/domain/sync';
import { canonicalHtml, canonicalText } from '../../../shared/render/canonicalHtml';
import type { ArticlePayload, RemoteContent } from '../portal/adapter';
import type { SyncBase } from '../db/queries/syncBases';

/*
 * Three-way sync per field (issue 13; rules in docs/portal-sync-fields.md). Each side is turned
 * into canonical text per field; the base holds the desk's fields as last sent and the portal's
 * as read right after, so each side is compared with its own earlier self and a portal's
 * reformatting (CKEditor, WordPress) never counts as an edit.
 */

/** What the desk would send, as the fields a portal holds. */
export function payloadContent(payload: ArticlePayload): RemoteContent {
  return {
    title: payload.title,
    lead: payload.lead,
    html: payload.html,
    categoryIds: payload.categoryIds,
    tags: payload.tags,
    featuredMedia: payload.featuredMedia,
    lifecycle: 'live',
    statusLabel: payload.status === 'future' ? 'hẹn giờ đăng' : 'đang đăng',
    publishAt: payload.publishAt,
    author: payload.author,
    source: payload.source,
    slug: payload.slug,
    statusChangedBy: null,
  };
}

const sortedList = (values: readonly string[]): string =>
  [...new Set(values.map((v) => canonicalText(v).toLocaleLowerCase('vi')))]
    .filter((v) => v !== '')
    .sort()
    .join(', ');

/** A photo's identity, the same for its remote id, its URL or NukeViet's relative path. */
function mediaKey(media: RemoteContent['featuredMedia']): string {
  if (media === null) return '';
  const id = media.remoteId || media.url;
  return (id.split(/[?#]/u)[0]?.split('/').pop() ?? '').toLowerCase();
}

/** Publish time to the minute (portals store seconds or round), or ''. */
function minute(ms: number | null): string {
  return ms === null ? '' : new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
}

/** Each field of `content` in canonical form. */
export function canonicalFields(content: RemoteContent): PortalFieldValues {
  return {
    title: canonicalText(content.title),
    lead: canonicalText(content.lead),
    body: canonicalHtml(content.html),
    category: [...content.categoryIds].sort().join(','),
    tags: sortedList(content.tags),
    featuredImage: mediaKey(content.featuredMedia),
    status: content.lifecycle,
    publishAt: minute(content.publishAt),
    author: canonicalText(content.author),
    source: canonicalText(content.source),
    slug: content.slug.trim().toLowerCase(),
  };
}

/** Which fields changed where since the base. `status` is judged apart (see runItem). */
export interface FieldPlan {
  /** Changed on the portal only: taken into the desk. */
  pull: PortalFieldName[];
  /** Changed on both sides, differently: the user decides. */
  conflicts: PortalFieldName[];
  /** Changed on the desk (sent with the update). */
  desk: PortalFieldName[];
}

/** Compares the desk's and the portal's canonical fields with the base, field by field. */
export function planFields(
  base: SyncBase,
  mine: PortalFieldValues,
  theirs: PortalFieldValues,
): FieldPlan {
  const plan: FieldPlan = { pull: [], conflicts: [], desk: [] };
  for (const field of portalFieldNames) {
    if (field === 'status') continue;
    const deskChanged = mine[field] !== base.sent[field];
    const portalChanged = theirs[field] !== base.read[field];
    if (deskChanged) plan.desk.push(field);
    if (portalChanged && deskChanged && mine[field] !== theirs[field]) plan.conflicts.push(field);
    else if (portalChanged && !deskChanged) plan.pull.push(field);
  }
  return plan;
}

const VIETNAM_TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** One field as the user reads it (HTML for `body`), category ids named from the cache. */
function displayField(
  field: PortalFieldName,
  content: RemoteContent,
  categories: readonly PortalTerm[],
): string {
  switch (field) {
    case 'title':
      return canonicalText(content.title);
    case 'lead':
      return content.lead.normalize('NFC').trim();
    case 'body':
      return content.html;
    case 'category':
      return content.categoryIds
        .map((id) => categories.find((term) => term.remoteId === id)?.title ?? `#${id}`)
        .join(', ');
    case 'tags':
      return content.tags.join(', ');
    case 'featuredImage':
      return content.featuredMedia === null
        ? ''
        : content.featuredMedia.url || `#${content.featuredMedia.remoteId}`;
    case 'status':
      return content.statusLabel;
    case 'publishAt':
      return content.publishAt === null ? '' : VIETNAM_TIME.format(content.publishAt);
    case 'author':
      return canonicalText(content.author);
    case 'source':
      return canonicalText(content.source);
    case 'slug':
      return content.slug;
  }
}

/** The changes of `fields`, both sides as the user reads them. */
export function fieldChanges(
  fields: readonly PortalFieldName[],
  mine: RemoteContent,
  theirs: RemoteContent,
  categories: readonly PortalTerm[],
): PortalFieldChange[] {
  return fields.map((field) => ({
    field,
    mine: displayField(field, mine, categories),
    theirs: displayField(field, theirs, categories),
  }));
}
