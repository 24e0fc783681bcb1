import { z } from 'zod';

import type {
  PortalConnection,
  PortalTerms,
  PortalTermsRefresh,
  PortalTestResult,
  SyncConflict,
  SyncItem,
  SyncLogEntry,
  SyncStatus,
} from '../domain/sync';
import { portalKinds, syncActions, syncStates } from '../domain/sync';
import { call, id, noInput } from './callSpec';
import { nukevietSettingsInput } from './nukevietSettings';

/** A portal's home address: http(s) only, no credentials or fragments in it. */
const baseUrl = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .regex(
    /^https?:\/\/[^\s/?#@:]+(?::\d{1,5})?(?:[/?][^\s#]*)?$/iu,
    'Địa chỉ cổng phải bắt đầu bằng http:// hoặc https://, ví dụ https://tenmien.vn.',
  );

const username = z.string().trim().min(1).max(200);
const secret = z.string().min(1).max(500);
const authMode = z.enum(['bcrypt', 'md5']);

/**
 * Calls of portal sync: connections, the outbox and remote conflicts (issue: portal sync).
 * Spread into `calls`.
 */
export const syncCalls = {
  /** Every configured portal, with where its secret is (saved, this session only, missing). */
  'portals.list': call<PortalConnection[]>()(noInput),
  /**
   * Creates (no id) or updates a portal. `secret` omitted keeps the stored one; in the browser
   * shell it is kept in memory only (`secretState: 'session'`, `secretNotice` says so).
   */
  'portals.save': call<PortalConnection>()(
    z
      .object({
        id: id.optional(),
        kind: z.enum(portalKinds),
        name: z.string().trim().min(1).max(100),
        baseUrl,
        username,
        secret: secret.optional(),
        authMode: authMode.optional(),
        nukeviet: nukevietSettingsInput.optional(),
      })
      .strict(),
  ),
  /** Deletes a portal with its cache and history; refused while articles wait to go there. */
  'portals.delete': call<null>()(z.object({ id }).strict()),
  /** Tests a saved portal (`id`, optionally with a new `secret`) or unsaved settings. */
  'portals.test': call<PortalTestResult>()(
    z.union([
      z.object({ id, secret: secret.optional() }).strict(),
      z
        .object({
          kind: z.enum(portalKinds),
          baseUrl,
          username,
          secret,
          authMode: authMode.optional(),
          nukeviet: nukevietSettingsInput.optional(),
        })
        .strict(),
    ]),
  ),
  /** Pulls categories and tags from the portal into the cache; on failure returns the old cache. */
  'portals.refreshTerms': call<PortalTermsRefresh>()(z.object({ id }).strict()),
  /** The cached categories and tags, offline. */
  'portals.terms': call<PortalTerms>()(z.object({ id }).strict()),

  /**
   * Puts an article in the outbox for a portal (`publish` by default; `takedown` unpublishes).
   * The article is snapshotted now: later edits need another enqueue.
   */
  'sync.enqueue': call<SyncItem>()(
    z.object({ articleId: id, connectionId: id, action: z.enum(syncActions).optional() }).strict(),
  ),
  /** Outbox items, open ones first. */
  'sync.list': call<SyncItem[]>()(
    z
      .object({
        states: z.array(z.enum(syncStates)).max(syncStates.length).optional(),
        articleId: id.optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  ),
  /** Tries a failed, cancelled or waiting item again now (attempts start over). */
  'sync.retry': call<SyncItem>()(z.object({ id }).strict()),
  /** Stops an item (an upload in flight is aborted); "retry" starts it again. */
  'sync.cancel': call<SyncItem>()(z.object({ id }).strict()),
  /** The newest log lines, of one item or of all. */
  'sync.log': call<SyncLogEntry[]>()(
    z
      .object({ itemId: id.optional(), limit: z.number().int().min(1).max(1000).optional() })
      .strict(),
  ),
  /** For the shell's indicator: online/offline and how many items wait. */
  'sync.status': call<SyncStatus>()(noInput),
  /** Both versions of an item in `conflict`. */
  'sync.conflict': call<SyncConflict>()(z.object({ id }).strict()),
  /**
   * Settles a conflict: `mine` overwrites the portal's version, `theirs` keeps it (the item is
   * cancelled and the portal's version becomes the new reference).
   */
  'sync.resolveConflict': call<SyncItem>()(
    z.object({ id, keep: z.enum(['mine', 'theirs']) }).strict(),
  ),
} as const;
