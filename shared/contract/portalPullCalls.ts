import { z } from 'zod';

import type { PortalChanges } from '../domain/portalFields';
import { call, id } from './callSpec';

/**
 * «Lấy bản trên cổng» (issue 13): what changed on a portal since the last sync, field by field,
 * and taking it into the desk's article (a revision «từ cổng»). Spread into `calls`.
 */
export const portalPullCalls = {
  /** Reads the portal now and lists the fields changed there since the last sync. */
  'sync.portalChanges': call<PortalChanges>()(
    z.object({ articleId: id, connectionId: id }).strict(),
  ),
  /** Takes those fields into the article (never the status); returns what was taken. */
  'sync.pullFromPortal': call<PortalChanges>()(
    z.object({ articleId: id, connectionId: id }).strict(),
  ),
} as const;
