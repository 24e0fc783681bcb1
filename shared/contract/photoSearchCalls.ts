import { z } from 'zod';

import type { PhotoRecord } from '../photos/photoRecord';
import { call, id } from './callSpec';

/** The grid's sort, filters and page: `photos.list` takes exactly these, `photos.search` adds words. */
export const photoListFields = {
  sort: z.enum(['imported', 'captured', 'name']).default('imported'),
  event: z.string().max(200).optional(),
  captioned: z.boolean().optional(),
  unused: z.boolean().optional(),
  usedIn: id.optional(),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
};

/**
 * Text search in Kho ảnh (docs/photo-search.md): the grid's filters plus the words typed, matched
 * tone-insensitively against captions, bylines, credits, events and file names. Spread into the
 * call map.
 */
export const photoSearchCalls = {
  'photos.search': call<{ photos: PhotoRecord[]; total: number }>()(
    z.object({ query: z.string().trim().min(1).max(200), ...photoListFields }).strict(),
  ),
};
