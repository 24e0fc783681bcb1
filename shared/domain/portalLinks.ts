/*
 * How the desk's lists meet each portal's (docs/portal-links.md): local categories linked to
 * portal categories, desk users linked to portal accounts, and per-portal output choices.
 */

/** A local category and the portal category articles in it are published into. */
export interface PortalCategoryLink {
  categoryId: string;
  remoteId: string;
}

/** A portal account, as the portal lists it. */
export interface PortalUser {
  remoteId: string;
  name: string;
}

/** A desk user and the portal account credited as the post's author. */
export interface PortalUserLink {
  userId: string;
  remoteUserId: string;
  remoteName: string;
}

/** Per-portal choices about what is sent. */
export interface PortalOptions {
  /** Show the featured photo again as the body's first photo (WordPress themes show it on top). */
  featuredInBody: boolean;
}
