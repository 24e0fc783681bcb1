import type { PhotoRecord } from '../../../shared/photos/photoRecord';

/*
 * The caption panel's editing model for one or many photos: each field shows the value the
 * selection shares, or nothing with a «(nhiều giá trị)» placeholder when the photos differ; only
 * fields the editor actually changed are sent, so saving a byline for twenty photos never
 * overwrites their twenty different captions.
 */

/** The caption fields the panel edits. */
export type CaptionField = 'caption' | 'altText' | 'byline' | 'credit';

/** The caption fields, in the panel's order. */
export const captionFields: readonly CaptionField[] = ['caption', 'altText', 'byline', 'credit'];

/** The editor's typing so far; a missing field is untouched. */
export type CaptionDraft = Partial<Record<CaptionField, string>>;

/** The value every selected photo shares, or null when they differ. */
export function sharedValue(photos: readonly PhotoRecord[], field: CaptionField): string | null {
  const first = photos[0];
  if (!first) return '';
  const value = first[field];
  return photos.every((photo) => photo[field] === value) ? value : null;
}

/** The fields to send: typed ones that differ from what the selection already shares. */
export function changedFields(photos: readonly PhotoRecord[], draft: CaptionDraft): CaptionDraft {
  const changes: CaptionDraft = {};
  for (const field of captionFields) {
    const typed = draft[field];
    if (typed !== undefined && typed !== sharedValue(photos, field)) changes[field] = typed;
  }
  return changes;
}
