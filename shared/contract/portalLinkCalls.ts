import { z } from 'zod';

import type {
  PortalCategoryLink,
  PortalOptions,
  PortalUser,
  PortalUserLink,
} from '../domain/portalLinks';
import { call, id } from './callSpec';

const remoteId = z.string().trim().min(1).max(64);

/**
 * Calls that link the desk's lists to each portal's (docs/portal-links.md): category mapping,
 * the reporters' portal accounts, per-portal output options. Spread into `calls`.
 */
export const portalLinkCalls = {
  /** Which local category goes into which portal category (pulled and mapped ones). */
  'portals.categoryLinks': call<PortalCategoryLink[]>()(z.object({ id }).strict()),
  /** Maps a desk-only category onto a pulled portal category; `remoteId: null` unmaps it. */
  'portals.linkCategory': call<PortalCategoryLink[]>()(
    z.object({ id, categoryId: id, remoteId: remoteId.nullable() }).strict(),
  ),
  /** The portal's accounts that may be credited as authors (asks the portal). */
  'portals.remoteUsers': call<PortalUser[]>()(z.object({ id }).strict()),
  /** Which desk user is credited as which portal account. */
  'portals.userLinks': call<PortalUserLink[]>()(z.object({ id }).strict()),
  /** Credits a desk user's articles to a portal account; `remote: null` removes the link. */
  'portals.linkUser': call<PortalUserLink[]>()(
    z
      .object({
        id,
        userId: id,
        remote: z
          .object({ id: remoteId, name: z.string().trim().min(1).max(200) })
          .strict()
          .nullable(),
      })
      .strict(),
  ),
  /** The portal's output options. */
  'portals.options': call<PortalOptions>()(z.object({ id }).strict()),
  /** Sets the portal's output options. */
  'portals.setOptions': call<PortalOptions>()(
    z.object({ id, featuredInBody: z.boolean() }).strict(),
  ),
} as const;
