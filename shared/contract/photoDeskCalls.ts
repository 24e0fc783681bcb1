import { z } from 'zod';

import type { NearDuplicateGroup } from '../photos/photoRecord';
import { call, id, noInput } from './callSpec';

/**
 * The photo desk's near-duplicate stacks (issue 15): the open pairs as groups, and one decision
 * per group, keep all or keep one. Spread into the call map.
 */
export const photoDeskCalls = {
  'photos.duplicateGroups': call<NearDuplicateGroup[]>()(noInput),
  'photos.resolveGroup': call<null>()(
    z
      .object({
        ids: z.array(id).min(2).max(1000),
        /** 'all': keep every photo; an id: keep that one, drop the rest of the group. */
        keep: z.union([z.literal('all'), id]),
      })
      .strict(),
  ),
};
