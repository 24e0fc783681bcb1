/**
 * Portal sync as the UI sees it: portal connections, the outbox of articles on their way to a
 * portal, its log and conflicts. The core's adapters and worker produce these; the sync screen,
 * the settings screen and the shell's status indicator only read them.
 */

import type { NukeVietSettings } from './nukeviet';
import type { PortalFieldChange } from './portalFields';

/** The portals Newsdesk can talk to. */
export const portalKinds = ['wordpress', 'nukeviet'] as const;
/** One portal kind. */
export type PortalKind = (typeof portalKinds)[number];

/** What went wrong talking to a portal, sorted by what the outbox should do about it. */
export const portalFailureKinds = [
  'offline', // DNS, refused, reset: retry
  'timeout', // retry
  'server', // 5xx: retry
  'rate_limited', // 429: retry after `retryAfterMs`
  'auth', // wrong user/password/secret or clock: stop
  'forbidden', // account lacks a permission: stop
  'not_found', // wrong address, or the remote item is gone: stop
  'validation', // 4xx the portal explained: stop
  'too_large', // file over the portal's limit: stop
  'protocol', // answer we cannot understand (not the portal, a captive page): stop
] as const;
/** One failure kind. */
export type PortalFailureKind = (typeof portalFailureKinds)[number];

/** A failure as the UI shows it: the kind (for an icon) and a Vietnamese sentence. */
export interface PortalFailure {
  kind: PortalFailureKind;
  message: string;
}

/**
 * Where the connection's secret (Application Password, API secret) is:
 * `saved` encrypted on this computer (desktop, OS keychain); `session` only in memory until the
 * app closes (browser shell, or no usable keychain); `missing` it must be entered again.
 */
export type SecretState = 'saved' | 'session' | 'missing';

/** A configured portal. The secret itself never leaves the core. */
export interface PortalConnection {
  id: string;
  kind: PortalKind;
  name: string;
  baseUrl: string;
  username: string;
  /** NukeViet only: how the site verifies the API secret. */
  authMode: 'bcrypt' | 'md5' | null;
  /** NukeViet only: module, language, image position, author credit; null for WordPress. */
  nukeviet: NukeVietSettings | null;
  secretState: SecretState;
  /** Vietnamese explanation when the secret is not saved (what the user must do), else null. */
  secretNotice: string | null;
  termsRefreshedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** What "test connection" found, in words for the user. */
export interface PortalTestResult {
  ok: boolean;
  siteName: string;
  userName: string;
  canPublish: boolean;
  canUpload: boolean;
  /**
   * True when the portal can find what Newsdesk created by its sync key (WordPress: the
   * optional Newsdesk plugin is installed; without it lookups go by slug). Null when unknown.
   */
  lookupBySyncKey: boolean | null;
  /** Null when the connection works; otherwise why not. */
  failure: PortalFailure | null;
  /**
   * The site root the test used when the address given was an admin or sign-in page
   * (`…/wp-admin/`, `…/wp-login.php`, `…/admin/`, `…/index.php`); null when it was the root.
   */
  suggestedBaseUrl: string | null;
}

/** A category or tag as the portal knows it, cached for offline picking. */
export interface PortalTerm {
  remoteId: string;
  parentId: string | null;
  title: string;
  slug: string;
}

/** The cached vocabulary of one portal. */
export interface PortalTerms {
  connectionId: string;
  refreshedAt: number | null;
  categories: PortalTerm[];
  tags: PortalTerm[];
}

/** The result of pulling terms: the cache (fresh or old) and why the pull failed, if it did. */
export interface PortalTermsRefresh {
  terms: PortalTerms;
  failure: PortalFailure | null;
}

/** What an outbox item does. */
export const syncActions = ['publish', 'takedown'] as const;
/** One outbox action. */
export type SyncAction = (typeof syncActions)[number];

/**
 * An outbox item's state. `queued` also covers "waiting to retry" (see `nextAttemptAt`);
 * `done`, `cancelled` are final; `failed` and `conflict` wait for the user.
 */
export const syncStates = [
  'queued',
  'uploading_media',
  'uploading_article',
  'done',
  'failed',
  'cancelled',
  'conflict',
] as const;
/** One outbox state. */
export type SyncState = (typeof syncStates)[number];

/** States that still need work or a decision: what "items waiting" counts. */
export const openSyncStates: readonly SyncState[] = [
  'queued',
  'uploading_media',
  'uploading_article',
  'failed',
  'conflict',
];

/** Why an item stopped or is waiting: a portal failure kind, or one of the outbox's own. */
export type SyncErrorCode =
  | PortalFailureKind
  | 'secret_missing'
  | 'photo_missing'
  | 'photo_failed'
  | 'category_missing'
  | 'not_published'
  | 'conflict' // the post was changed on the portal since the last sync: a person decides
  | 'portal_edited'
  | 'portal_status_changed'
  | 'portal_deleted'
  | 'portal_unreadable'
  | 'internal';

/** One article on its way to (or off) one portal. */
export interface SyncItem {
  id: string;
  articleId: string;
  articleTitle: string;
  connectionId: string;
  connectionName: string;
  action: SyncAction;
  /** A publish of an article already published there before: the portal's post is updated. */
  updatesPublished: boolean;
  state: SyncState;
  /** Failed attempts so far (reset by "retry"). */
  attempts: number;
  /** When a waiting item is tried again (epoch ms), null when not scheduled. */
  nextAttemptAt: number | null;
  lastError: { code: SyncErrorCode; message: string } | null;
  /** Photos uploaded plus the article itself, out of all of them. */
  progress: { done: number; total: number };
  remoteId: string | null;
  remoteUrl: string | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

/**
 * Why an update stopped for the user: `edited` the same fields changed on the desk and on the
 * portal; `status` the portal took the article down, trashed or unpublished it; `deleted` the
 * post is gone from the portal.
 */
export type SyncConflictKind = 'edited' | 'status' | 'deleted';

/** An update that stopped because of what happened on the portal since the last sync. */
export interface SyncConflict {
  itemId: string;
  articleId: string;
  kind: SyncConflictKind;
  /** What happened, in Vietnamese (who did what, when the portal says). */
  message: string;
  /**
   * Exactly the fields changed on both sides (for `status`: the status, and the desk's changes
   * that would go out with a republish). Empty for conflicts stored before issue 13.
   */
  fields: PortalFieldChange[];
  /** What Newsdesk would publish (photo URLs already the portal's). */
  mine: { title: string; html: string };
  /** What the portal holds now; null when the post was deleted there. */
  theirs: { title: string; html: string; modified: string; url: string; status: string } | null;
  detectedAt: number;
}

/** One line of the sync log. */
export interface SyncLogEntry {
  id: number;
  at: number;
  itemId: string | null;
  articleId: string | null;
  level: 'info' | 'warn' | 'error';
  /** The line in Vietnamese, as stored (lines written before migration 0320 have only this). */
  message: string;
  /** What happened, for the screen to say in the chosen language; null: show `message`. */
  code: SyncLogCode | null;
  params: SyncLogParams;
}

/**
 * The log lines the outbox writes as a code and parameters (docs/sync-log.md), so the sync log
 * reads in the UI's language; the Vietnamese sentence is stored beside them.
 */
export const syncLogCodes = [
  'queued',
  'takedownQueued',
  'requeued',
  'retryRequested',
  'cancelled',
  'published',
  'updated',
  'done',
  'nothingToTakeDown',
  'retrying',
  'conflict',
] as const;
/** One coded log line. */
export type SyncLogCode = (typeof syncLogCodes)[number];
/** A coded line's values (a URL, an attempt number, the portal's own reason). */
export type SyncLogParams = Record<string, string | number>;
/** A log line as the outbox writes it: coded, or (for rarer lines) a Vietnamese sentence. */
export type SyncLogLine = string | { code: SyncLogCode; params?: SyncLogParams };

/** The shell's small indicator: can we reach the portals, and how much is waiting. */
export interface SyncStatus {
  /** Null until a portal has been contacted in this run. */
  online: boolean | null;
  /** Open items (queued, uploading, failed, conflict). */
  waiting: number;
  running: number;
  failed: number;
  conflicts: number;
  /** The earliest scheduled retry, epoch ms. */
  nextAttemptAt: number | null;
}
