/**
 * What every portal (WordPress, NukeViet through its connector) offers the sync outbox. The
 * outbox knows nothing about a portal's wire format; an adapter knows nothing about the outbox.
 * Adapters throw `PortalError` and nothing else for anything the portal or the network did.
 */

import type { NukeVietSettings } from '../../../shared/domain/nukeviet';
import type { PortalLifecycle } from '../../../shared/domain/portalFields';
import type { PortalFailureKind, PortalKind } from '../../../shared/domain/sync';
import { portalFailureKinds, portalKinds } from '../../../shared/domain/sync';

// Kinds live in shared/ so the contract can name them; re-exported for adapters.
export { portalFailureKinds, portalKinds };
export type { PortalFailureKind, PortalKind };

/** Where and as whom to connect; the secret is decrypted by the caller just before use. */
export interface PortalCredentials {
  baseUrl: string;
  /** WordPress user name; NukeViet API key (credential ident). */
  username: string;
  /** WordPress Application Password; NukeViet API secret. Never logged, never stored in clear. */
  secret: string;
  /** NukeViet only: the site's `api.php` checks `md5_verify` instead of bcrypt. */
  authMode?: 'bcrypt' | 'md5';
  /** NukeViet only: module, language, image position, author credit (defaults when absent). */
  nukeviet?: NukeVietSettings;
}

/** A category or tag as the portal knows it. */
export interface RemoteTerm {
  remoteId: string;
  parentId: string | null;
  title: string;
  slug: string;
}

/** The portal's vocabulary, pulled so reporters can pick offline. */
export interface RemoteTerms {
  categories: RemoteTerm[];
  tags: RemoteTerm[];
}

/** One rendered photo to upload. `syncKey` is stable across retries: the idempotency key. */
export interface MediaUpload {
  syncKey: string;
  fileName: string;
  mimeType: 'image/jpeg' | 'image/webp' | 'image/png' | 'image/avif';
  data: Uint8Array;
  caption: string;
  alt: string;
  credit: string;
  /**
   * Optional hint: true when no earlier attempt with this `syncKey` can have reached the portal
   * (the outbox records every attempt before sending), so the adapter may skip its lookup.
   */
  knownNew?: boolean;
}

/** Where an uploaded photo lives on the portal. */
export interface RemoteMedia {
  remoteId: string;
  /** The public URL the article body must point at. */
  url: string;
}

/** The status an approved article should have on the portal. */
export type RemoteStatus = 'publish' | 'future' | 'draft' | 'trash';

/** An article ready for the portal: photo URLs already replaced by their remote ones. */
export interface ArticlePayload {
  /** The workstation's article identity (UUID): the idempotency key for create. */
  syncKey: string;
  title: string;
  slug: string;
  /** Sapo / lead, plain text. */
  lead: string;
  /** Body HTML as the portal's editor stores it (NFC). */
  html: string;
  featuredMedia: RemoteMedia | null;
  featuredAlt: string;
  /**
   * Optional: every photo uploaded for this article (body and featured). WordPress attaches
   * them to the post and sizes them in the body (`wp-image-<id>`); other portals may ignore it.
   */
  media?: RemoteMedia[];
  categoryIds: string[];
  /** Tag names; the adapter creates missing ones. */
  tags: string[];
  author: string;
  source: string;
  status: RemoteStatus;
  /** Epoch ms; required when status is `future`. */
  publishAt: number | null;
  expireAt: number | null;
  /** Optional: the portal account credited as the post's author (the reporter's, if mapped). */
  authorAccount?: string;
  /** Optional hint, as in `MediaUpload.knownNew`: no earlier create can have reached the portal. */
  knownNew?: boolean;
}

/** What the portal holds for an article now: used to detect edits made on the portal. */
export interface RemoteArticle {
  remoteId: string;
  url: string;
  status: RemoteStatus | 'other';
  title: string;
  html: string;
  /** The portal's own modification stamp, compared with the one recorded at the last sync. */
  modified: string;
  /**
   * Every field three-way sync compares, as the portal holds it (issue 13). Optional so an
   * adapter that cannot read them still works; without it only the stamp is compared.
   */
  content?: RemoteContent;
}

/** An article's fields as the portal holds them now (or as the desk would send them). */
export interface RemoteContent {
  title: string;
  /** Sapo, plain text. */
  lead: string;
  /** Body HTML without what the adapter adds around it (footer, sapo copy). */
  html: string;
  categoryIds: string[];
  /** Tag names. */
  tags: string[];
  /** The featured photo: its remote id and URL (either may be all the portal gives). */
  featuredMedia: RemoteMedia | null;
  lifecycle: PortalLifecycle;
  /** The portal's own word for its status (`private`, `Ngưng hiệu lực`), for messages. */
  statusLabel: string;
  /** Epoch ms of the publish time the portal shows, or null. */
  publishAt: number | null;
  /** Byline as printed after `Tác giả:`. */
  author: string;
  source: string;
  slug: string;
  /** Who last changed the status on the portal and when, when the portal says; else null. */
  statusChangedBy: string | null;
}

/** The result of "test connection": what works, in words for the user. */
export interface ConnectionReport {
  siteName: string;
  userName: string;
  /** What the account may do; missing ones explain why publishing would fail. */
  canPublish: boolean;
  canUpload: boolean;
  /** Optional: the portal can find items by sync key (WordPress: the Newsdesk plugin is on). */
  lookupBySyncKey?: boolean;
}

/** Kinds worth retrying with backoff. */
const transientFailures: ReadonlySet<PortalFailureKind> = new Set([
  'offline',
  'timeout',
  'server',
  'rate_limited',
]);

/** The one error adapters throw. `message` is Vietnamese and says what to do. */
export class PortalError extends Error {
  readonly kind: PortalFailureKind;
  readonly retryAfterMs: number | null;
  readonly status: number | null;

  constructor(
    kind: PortalFailureKind,
    message: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'PortalError';
    this.kind = kind;
    this.status = options.status ?? null;
    this.retryAfterMs = options.retryAfterMs ?? null;
  }

  /** True when the outbox should try again later. */
  get transient(): boolean {
    return transientFailures.has(this.kind);
  }
}

/** A portal, as the outbox and the settings screen use it. */
export interface PortalAdapter {
  readonly kind: PortalKind;
  testConnection(signal?: AbortSignal): Promise<ConnectionReport>;
  listTerms(signal?: AbortSignal): Promise<RemoteTerms>;
  /** Uploads, or returns the item a previous attempt with the same `syncKey` created. */
  uploadMedia(upload: MediaUpload, signal?: AbortSignal): Promise<RemoteMedia>;
  /**
   * Creates the article, or updates `remoteId` when given. Without `remoteId` it first looks for
   * an article a previous attempt with the same `syncKey` created, so a retry never duplicates.
   */
  putArticle(
    payload: ArticlePayload,
    remoteId: string | null,
    signal?: AbortSignal,
  ): Promise<RemoteArticle>;
  /** The article's state on the portal, or null when it no longer exists. */
  readArticle(remoteId: string, signal?: AbortSignal): Promise<RemoteArticle | null>;
  /** Optional: the accounts an article may be credited to (WordPress users who can write). */
  listUsers?(signal?: AbortSignal): Promise<Array<{ remoteId: string; name: string }>>;
  /** Unpublishes (not deletes) the article. */
  takeDown(remoteId: string, signal?: AbortSignal): Promise<void>;
  /**
   * Optional: the body HTML as the portal stores (and `readArticle` returns) it, when that is
   * not byte for byte what was sent (NukeViet's editor form). The outbox compares what it reads
   * back with this, so a change it made itself (an update whose answer was lost) is not taken
   * for an edit on the portal. Default: the HTML as sent.
   */
  storedHtml?(html: string): string;
}
