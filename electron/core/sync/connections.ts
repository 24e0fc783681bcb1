import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';

import type {
  PortalConnection,
  PortalFailure,
  PortalKind,
  PortalTerms,
  PortalTermsRefresh,
  PortalTestResult,
  SecretState,
} from '../../../shared/domain/sync';
import type { SecretStorage } from '../../../shared/contract/portalSecretCalls';
import { nukevietSettingsInput } from '../../../shared/contract/nukevietSettings';
import { defaultNukeVietSettings, type NukeVietSettings } from '../../../shared/domain/nukeviet';
import { AppError } from '../../../shared/errors/appError';
import type { PortalConnectionRow } from '../db/queries/portals';
import {
  deleteConnection,
  getConnection,
  listConnections,
  listTerms,
  replaceTerms,
  setConnectionSecret,
  upsertConnection,
} from '../db/queries/portals';
import { countOpenItems } from '../db/queries/sync';
import type { Logger } from '../logging/logger';
import type { PortalAdapter, PortalCredentials } from '../portal/adapter';
import { PortalError } from '../portal/adapter';
import type { AdapterFactory, AdapterOptions } from '../portal/registry';
import type { SecretBox } from '../portal/secretBox';
import { SyncFailure } from './failure';
import { featuredInBody } from '../db/queries/portalLinks';
import { importPortalCategories } from './portalLinks';

const sessionNotice =
  'Mật khẩu chỉ được giữ trong bộ nhớ đến khi đóng Newsdesk (không lưu xuống đĩa). Sau khi mở lại, hãy nhập lại mật khẩu để tiếp tục gửi bài.';
const missingNotice =
  'Chưa có mật khẩu cho cổng này (hoặc mật khẩu đã hết hiệu lực sau khi đóng Newsdesk). Hãy nhập lại mật khẩu trong phần Cài đặt cổng.';

/** Input of `portals.save`. */
export interface SaveConnectionInput {
  id?: string | undefined;
  kind: PortalKind;
  name: string;
  baseUrl: string;
  username: string;
  secret?: string | undefined;
  authMode?: 'bcrypt' | 'md5' | undefined;
  /** NukeViet only; omitted keeps the stored settings (defaults for a new portal). */
  nukeviet?: NukeVietSettings | undefined;
}

/** A NukeViet portal's stored settings; the defaults for rows saved before migration 0270. */
function nukevietSettingsOf(json: string | null): NukeVietSettings {
  if (json === null) return defaultNukeVietSettings;
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    stored = null;
  }
  const parsed = nukevietSettingsInput.safeParse(stored);
  if (!parsed.success) {
    // Only this code writes the column, always through the same schema.
    throw new AppError(
      'internal',
      'Cài đặt NukeViet của cổng này bị hỏng. Hãy mở Cài đặt → Cổng thông tin và lưu lại cổng.',
    );
  }
  return parsed.data;
}

/** The base URL as stored: no trailing slash, no `/wp-json` the user may have pasted. */
function normalizeBaseUrl(value: string): string {
  return siteRoot(value).root;
}

/**
 * Admins often paste the address they sign in at: `…/wp-admin/`, `…/wp-login.php`, NukeViet's
 * `…/admin/` or `…/index.php?…`. The portal's API lives at the site root, so those become the
 * root, and `adjusted` says so (the connection test then tells the user which address it used).
 */
export function siteRoot(value: string): { root: string; adjusted: boolean } {
  const url = new URL(value.trim());
  url.search = '';
  url.hash = '';
  const path = url.pathname;
  const trimmed = path
    .replace(/\/(wp-admin(\/.*)?|wp-login\.php|admin(\/.*)?|index\.php(\/.*)?)$/iu, '')
    .replace(/\/+$/u, '')
    .replace(/\/wp-json$/u, '');
  url.pathname = trimmed === '' ? '/' : trimmed;
  const root = url.toString().replace(/\/+$/u, '');
  return { root, adjusted: trimmed !== path.replace(/\/+$/u, '') };
}

/**
 * A one-off connection test is not retried: sentences promising that Newsdesk will try again
 * (true for the sync queue) are replaced by what to do now.
 */
function forOneOffTest(failure: PortalFailure): PortalFailure {
  const message = failure.message
    .replace(/;?\s*Newsdesk sẽ tự thử lại[^.]*\./gu, '.')
    .replace(/\.\.$/u, '.');
  if (message === failure.message) return failure;
  return {
    ...failure,
    message: `${message} Khi đã khắc phục, hãy bấm «Kiểm tra kết nối» lần nữa.`,
  };
}

/** A connection test that did not get as far as the portal's answer. */
function failedTest(failure: PortalFailure, suggestedBaseUrl: string | null): PortalTestResult {
  return {
    ok: false,
    siteName: '',
    userName: '',
    canPublish: false,
    canUpload: false,
    lookupBySyncKey: null,
    failure,
    suggestedBaseUrl,
  };
}

function failureOf(error: unknown): PortalFailure {
  if (error instanceof PortalError) return { kind: error.kind, message: error.message };
  throw error;
}

/**
 * Portal connections: settings, sealed secrets, adapters and the cached terms. Adapters are
 * cached per connection (until it is saved again), so a site's REST style and plugin check are
 * learned once per run.
 */
export function createPortalConnections(deps: {
  db: Database;
  now: () => number;
  logger: Logger;
  secretBox: SecretBox;
  adapterFactory: AdapterFactory;
  adapterOptions: AdapterOptions;
  onSecretEntered: (connectionId: string) => void;
}) {
  const { db, now, logger, secretBox } = deps;
  const adapters = new Map<string, { stamp: number; adapter: PortalAdapter }>();

  const secretOf = (row: PortalConnectionRow): string | null =>
    row.secret_blob !== null && row.secret_box === secretBox.id
      ? secretBox.open(new Uint8Array(row.secret_blob))
      : null;

  const secretState = (row: PortalConnectionRow): SecretState => {
    if (secretOf(row) === null) return 'missing';
    return secretBox.persistent ? 'saved' : 'session';
  };

  const toConnection = (row: PortalConnectionRow): PortalConnection => {
    const state = secretState(row);
    return {
      id: row.id,
      kind: row.kind === 'nukeviet' ? 'nukeviet' : 'wordpress',
      name: row.name,
      baseUrl: row.base_url,
      username: row.username,
      authMode: row.auth_mode === 'md5' || row.auth_mode === 'bcrypt' ? row.auth_mode : null,
      nukeviet: row.kind === 'nukeviet' ? nukevietSettingsOf(row.nukeviet_json) : null,
      secretState: state,
      secretNotice: state === 'saved' ? null : state === 'session' ? sessionNotice : missingNotice,
      termsRefreshedAt: row.terms_refreshed_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  };

  const rowOf = (id: string): PortalConnectionRow => {
    const row = getConnection(db, id);
    if (!row)
      throw new AppError('not_found', 'Không tìm thấy cổng này. Hãy tải lại danh sách cổng.');
    return row;
  };

  const credentialsOf = (row: PortalConnectionRow, secret: string): PortalCredentials => ({
    baseUrl: row.base_url,
    username: row.username,
    secret,
    ...(row.auth_mode === 'md5' || row.auth_mode === 'bcrypt' ? { authMode: row.auth_mode } : {}),
    ...(row.kind === 'nukeviet' ? { nukeviet: nukevietSettingsOf(row.nukeviet_json) } : {}),
  });

  const termsOf = (connectionId: string): PortalTerms => {
    const row = rowOf(connectionId);
    const terms = listTerms(db, connectionId).map((term) => ({
      taxonomy: term.taxonomy,
      term: {
        remoteId: term.remote_id,
        parentId: term.parent_id,
        title: term.title,
        slug: term.slug,
      },
    }));
    return {
      connectionId,
      refreshedAt: row.terms_refreshed_at,
      categories: terms.filter((t) => t.taxonomy === 'category').map((t) => t.term),
      tags: terms.filter((t) => t.taxonomy === 'tag').map((t) => t.term),
    };
  };

  const service = {
    list: (): PortalConnection[] => listConnections(db).map(toConnection),

    get: (id: string): PortalConnection => toConnection(rowOf(id)),

    save(input: SaveConnectionInput): PortalConnection {
      const existing = input.id ? rowOf(input.id) : undefined;
      const id = existing?.id ?? randomUUID();
      const stamp = now();
      upsertConnection(db, {
        id,
        kind: input.kind,
        name: input.name.normalize('NFC').trim(),
        base_url: normalizeBaseUrl(input.baseUrl),
        username: input.username.trim(),
        auth_mode: input.kind === 'nukeviet' ? (input.authMode ?? 'bcrypt') : null,
        nukeviet_json:
          input.kind === 'nukeviet'
            ? JSON.stringify(input.nukeviet ?? nukevietSettingsOf(existing?.nukeviet_json ?? null))
            : null,
        created_at: existing?.created_at ?? stamp,
        updated_at: stamp,
        secret:
          input.secret === undefined
            ? undefined
            : { blob: Buffer.from(secretBox.seal(input.secret)), box: secretBox.id },
      });
      adapters.delete(id);
      logger.info('portal saved', { id, kind: input.kind, secret: input.secret !== undefined });
      if (input.secret !== undefined) deps.onSecretEntered(id);
      return toConnection(rowOf(id));
    },

    secretStorage: (): SecretStorage => ({ kind: secretBox.persistent ? 'keychain' : 'memory' }),

    /**
     * A portal's secret entered again by someone who may publish (after a restart the browser
     * shell has none). Only an administrator replaces a secret that still opens: that is a
     * change of the portal's settings, not a re-entry.
     */
    setSecret(id: string, secret: string, mayReplace: boolean): PortalConnection {
      const row = rowOf(id);
      if (secretOf(row) !== null && !mayReplace) {
        throw new AppError(
          'forbidden',
          'Cổng này vẫn còn mật khẩu đang dùng được. Chỉ quản trị viên đổi mật khẩu của cổng (Cài đặt → Cổng thông tin → Sửa).',
        );
      }
      setConnectionSecret(db, id, Buffer.from(secretBox.seal(secret)), secretBox.id, now());
      adapters.delete(id);
      logger.info('portal secret entered again', { id });
      deps.onSecretEntered(id);
      return toConnection(rowOf(id));
    },

    remove(id: string): void {
      rowOf(id);
      const open = countOpenItems(db, id);
      if (open > 0) {
        throw new AppError(
          'conflict',
          `Còn ${open} bài đang chờ gửi lên cổng này. Hãy huỷ hoặc gửi xong các bài đó rồi xoá cổng.`,
        );
      }
      deleteConnection(db, id);
      adapters.delete(id);
    },

    /** The adapter of a saved connection; a missing secret is a permanent outbox failure. */
    adapterFor(id: string): PortalAdapter {
      const row = rowOf(id);
      const cached = adapters.get(id);
      if (cached && cached.stamp === row.updated_at) return cached.adapter;
      const secret = secretOf(row);
      if (secret === null) throw new SyncFailure('secret_missing', missingNotice);
      const adapter = deps.adapterFactory(toConnection(row).kind, credentialsOf(row, secret), {
        ...deps.adapterOptions,
        featuredInBody: featuredInBody(db, id),
      });
      adapters.set(id, { stamp: row.updated_at, adapter });
      return adapter;
    },

    async test(
      input:
        | { id: string; secret?: string | undefined }
        | {
            kind: PortalKind;
            baseUrl: string;
            username: string;
            secret: string;
            authMode?: 'bcrypt' | 'md5' | undefined;
            nukeviet?: NukeVietSettings | undefined;
          },
    ): Promise<PortalTestResult> {
      let adapter: PortalAdapter;
      let credentials: PortalCredentials;
      let kind: PortalKind;
      let suggestedBaseUrl: string | null = null;
      if ('id' in input) {
        const row = rowOf(input.id);
        const secret = input.secret ?? secretOf(row);
        kind = toConnection(row).kind;
        if (secret === null) {
          return failedTest({ kind: 'auth', message: missingNotice }, null);
        }
        credentials = credentialsOf(row, secret);
      } else {
        kind = input.kind;
        const site = siteRoot(input.baseUrl);
        suggestedBaseUrl = site.adjusted ? site.root : null;
        credentials = {
          baseUrl: site.root,
          username: input.username.trim(),
          secret: input.secret,
          ...(input.authMode ? { authMode: input.authMode } : {}),
          ...(input.kind === 'nukeviet'
            ? { nukeviet: input.nukeviet ?? defaultNukeVietSettings }
            : {}),
        };
      }
      try {
        adapter = deps.adapterFactory(kind, credentials, deps.adapterOptions);
        const report = await adapter.testConnection();
        const failure: PortalFailure | null =
          report.canPublish && report.canUpload
            ? null
            : {
                kind: 'forbidden',
                message: `Đăng nhập được, nhưng tài khoản «${report.userName}» không có quyền ${[
                  report.canPublish ? '' : 'đăng bài',
                  report.canUpload ? '' : 'tải ảnh lên',
                ]
                  .filter(Boolean)
                  .join(' và ')}. Hãy nhờ quản trị cổng cấp vai trò Biên tập viên (Editor).`,
              };
        return {
          ok: failure === null,
          siteName: report.siteName,
          userName: report.userName,
          canPublish: report.canPublish,
          canUpload: report.canUpload,
          lookupBySyncKey: report.lookupBySyncKey ?? null,
          failure,
          suggestedBaseUrl,
        };
      } catch (error) {
        return failedTest(forOneOffTest(failureOf(error)), suggestedBaseUrl);
      }
    },

    async refreshTerms(id: string): Promise<PortalTermsRefresh> {
      let adapter: PortalAdapter;
      try {
        adapter = service.adapterFor(id);
      } catch (error) {
        if (error instanceof SyncFailure) {
          return { terms: termsOf(id), failure: { kind: 'auth', message: error.message } };
        }
        throw error;
      }
      try {
        const remote = await adapter.listTerms();
        replaceTerms(
          db,
          id,
          [
            ...remote.categories.map((term) => ({ taxonomy: 'category' as const, term })),
            ...remote.tags.map((term) => ({ taxonomy: 'tag' as const, term })),
          ].map(({ taxonomy, term }) => ({
            taxonomy,
            remote_id: term.remoteId,
            parent_id: term.parentId,
            title: term.title.normalize('NFC'),
            slug: term.slug,
          })),
          now(),
        );
        importPortalCategories(db, id, remote.categories);
        return { terms: termsOf(id), failure: null };
      } catch (error) {
        return { terms: termsOf(id), failure: failureOf(error) };
      }
    },

    terms: termsOf,
  };
  return service;
}

/** The connections service's API. */
export type PortalConnections = ReturnType<typeof createPortalConnections>;
