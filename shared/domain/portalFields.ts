/**
 * An article's fields as a portal holds them, compared one by one in three-way sync (issue 13):
 * the base (what was last sent or received), the desk's version and the portal's.
 */

/** The fields compared, in the order the conflict view lists them. */
export const portalFieldNames = [
  'title',
  'lead',
  'body',
  'category',
  'tags',
  'featuredImage',
  'status',
  'publishAt',
  'author',
  'source',
  'slug',
] as const;
/** One compared field. */
export type PortalFieldName = (typeof portalFieldNames)[number];

/**
 * Where an article stands on the portal: `live` (published or scheduled), `hidden` (taken down,
 * private, unpublished, draft), `trash`, `deleted` (gone from the portal), `other`.
 */
export type PortalLifecycle = 'live' | 'hidden' | 'trash' | 'deleted' | 'other';

/**
 * Every field as text, in the portal's representation: what the adapter read or what the desk
 * would send. `body` is HTML; lists are joined by `, `; `publishAt` an ISO time or ''.
 */
export type PortalFieldValues = Record<PortalFieldName, string>;

/** A field changed since the base, with both sides as the user reads them. */
export interface PortalFieldChange {
  field: PortalFieldName;
  /** The desk's value (HTML for `body`). */
  mine: string;
  /** The portal's value (HTML for `body`). */
  theirs: string;
}

/** «Lấy bản trên cổng»: what changed on one portal since the last sync, field by field. */
export interface PortalChanges {
  articleId: string;
  connectionId: string;
  connectionName: string;
  /** The post's public address. */
  url: string;
  /** Fields changed on the portal since the last sync (`mine`: the desk's value now). */
  fields: PortalFieldChange[];
  /** Set when the portal took the article down, trashed or deleted it (never taken in). */
  statusMessage: string | null;
}
