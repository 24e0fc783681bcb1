/**
 * The NukeViet portal behind the PortalAdapter interface. Stock NukeViet has no API for its news
 * module, so this talks to the Newsdesk connector (resources/portal-connectors/nukeviet), five
 * API classes the portal's operator copies into modules/news/Api and grants to an API role:
 * NewsdeskCatalog, NewsdeskImageUpload, NewsdeskArticleSave, NewsdeskArticleGet and
 * NewsdeskArticleTakeDown. Idempotency lives on the portal: the connector maps the article's
 * syncKey to its id and an image's SHA-256 to its file, so a retry after a lost answer updates or
 * returns what the first attempt made.
 */
import { z } from 'zod';

import { defaultNukeVietSettings, type NukeVietSettings } from '../../../../shared/domain/nukeviet';
import { missingCaseError } from '../../../../shared/errors/appError';
import { slugify } from '../../../../shared/vietnamese/slug';
import {
  PortalError,
  type ArticlePayload,
  type ConnectionReport,
  type MediaUpload,
  type PortalAdapter,
  type PortalCredentials,
  type RemoteArticle,
  type RemoteMedia,
  type RemoteStatus,
  type RemoteTerms,
} from '../adapter';
import type { RequestMeter } from '../requestMeter';
import { NukeVietClient, type ApiAnswer, type FormValue } from './client';
import { fromNukeVietTitle, toNukeVietHtml, toNukeVietText } from './html';
import { articleFieldsSchema, nukevietContent } from './remoteContent';

/** How to build a NukeViet adapter. */
export interface NukeVietAdapterOptions {
  /**
   * baseUrl: the site root (https://portal.example.vn/) or its api.php; username: the API key
   * (credential ident); secret: the API secret; authMode: 'md5' for sites set to md5_verify.
   */
  credentials: PortalCredentials;
  /**
   * The portal's settings (module, language, image position, author credit); `module` and
   * `language` below, when given, take precedence. Default `defaultNukeVietSettings`.
   */
  settings?: NukeVietSettings;
  /** The news module's name as installed (a virtual copy may be "tin-tuc"). Default 'news'. */
  module?: string;
  /** The portal's data language. Default 'vi'. */
  language?: string;
  /** The local clock in epoch ms (tests shift it). Default Date.now. */
  now?: () => number;
  /** Correct the timestamp with the server's Date header. Default true. */
  clockCorrection?: boolean;
  /** Timeout per request in ms. Default 30 s. */
  timeoutMs?: number;
  /** Timeout per image upload in ms. Default 120 s. */
  uploadTimeoutMs?: number;
  /** bcrypt cost of hashsecret. Default 10 (PHP's password_hash default). */
  bcryptCost?: number;
  /** Counts requests (the benchmark's figures). */
  meter?: RequestMeter | undefined;
}

/** The NukeViet adapter, with its measured clock offset for diagnostics. */
export interface NukeVietAdapter extends PortalAdapter {
  readonly kind: 'nukeviet';
  /** The correction (ms) added to the local clock, measured from the portal's Date header. */
  clockOffsetMs(): number;
}

/** The connector's "no such article" code. */
const ARTICLE_NOT_FOUND = '5106';

const articleSchema = z.object({
  id: z.number(),
  url: z.string(),
  status: z.number(),
  status_name: z.string(),
  locked: z.boolean(),
  title: z.string(),
  bodyhtml: z.string(),
  stamp: z.string(),
});

const fileSchema = z.object({ path: z.string(), url: z.string() });

const catalogSchema = z.object({
  site_name: z.string(),
  admin: z.object({ username: z.string() }),
  granted_known: z.boolean(),
  granted: z.array(z.string()),
  categories: z.array(
    z.object({
      id: z.number(),
      parent: z.number(),
      title: z.string(),
      alias: z.string(),
      active: z.boolean(),
      can_publish: z.boolean(),
    }),
  ),
  tags: z.array(z.object({ id: z.number(), title: z.string(), alias: z.string() })),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new PortalError(
      'protocol',
      `Bộ kết nối Newsdesk trên cổng trả lời ${what} không đúng dạng. Hãy cập nhật bộ kết nối trên cổng cho cùng phiên bản với Newsdesk.`,
    );
  }
  return result.data;
}

/** The API endpoint for a configured address. */
export function apiUrlFor(baseUrl: string): string {
  const url = new URL(baseUrl.trim());
  if (!/\.php$/iu.test(url.pathname)) {
    url.pathname = `${url.pathname.replace(/\/+$/u, '')}/api.php`;
  }
  url.search = '';
  url.hash = '';
  return url.toString();
}

function remoteStatus(statusName: string, locked: boolean): RemoteStatus | 'other' {
  if (locked) return 'other';
  switch (statusName) {
    case 'published':
      return 'publish';
    case 'scheduled':
      return 'future';
    case 'draft':
      return 'draft';
    case 'inactive':
      return 'trash';
    default:
      return 'other';
  }
}

function toRemoteArticle(answer: ApiAnswer): RemoteArticle {
  const article = parse(articleSchema, answer.article, 'bài viết');
  const content = nukevietContent(article, parse(articleFieldsSchema, answer.article, 'bài viết'));
  return {
    remoteId: String(article.id),
    url: article.url,
    status: remoteStatus(article.status_name, article.locked),
    title: fromNukeVietTitle(article.title),
    html: article.bodyhtml,
    modified: article.stamp,
    ...(content === null ? {} : { content }),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map(toNukeVietText).filter((v) => v !== ''))];
}

/** The connector's save fields for a payload: NFC text, NukeViet HTML, status and times. */
export function articleFields(
  payload: ArticlePayload,
  remoteId: string | null,
  settings: NukeVietSettings = defaultNukeVietSettings,
): Record<string, FormValue> {
  const seconds = (ms: number): string => String(Math.floor(ms / 1000));
  let status: string;
  let publtime = '';
  switch (payload.status) {
    case 'publish':
      status = 'publish';
      if (payload.publishAt !== null) publtime = seconds(payload.publishAt);
      break;
    case 'future':
      if (payload.publishAt === null) {
        throw new PortalError(
          'validation',
          'Bài hẹn giờ đăng chưa có giờ đăng. Hãy chọn giờ đăng rồi gửi lại.',
        );
      }
      status = 'publish';
      publtime = seconds(payload.publishAt);
      break;
    case 'draft':
      status = 'draft';
      break;
    case 'trash':
      status = 'inactive';
      break;
    default:
      throw missingCaseError(payload.status);
  }
  const title = toNukeVietText(payload.title);
  const tags = unique(payload.tags);
  return {
    sync_key: payload.syncKey,
    ...(remoteId === null ? {} : { id: remoteId }),
    title,
    alias: slugify(payload.slug.trim() === '' ? title : payload.slug, { fallback: 'post' }),
    hometext: toNukeVietText(payload.lead),
    bodyhtml: toNukeVietHtml(payload.html),
    homeimg: payload.featuredMedia?.url ?? '',
    homeimgalt: toNukeVietText(payload.featuredAlt),
    catids: payload.categoryIds,
    catid: payload.categoryIds[0] ?? '',
    tags,
    keywords: tags,
    author: toNukeVietText(payload.author),
    sourcetext: toNukeVietText(payload.source),
    status,
    ...(publtime === '' ? {} : { publtime }),
    exptime: payload.expireAt === null ? '0' : seconds(payload.expireAt),
    imgposition: String(settings.imagePosition),
    credit_poster: settings.creditApiAccount ? '1' : '0',
  };
}

/** Builds the adapter for one portal. */
export function createNukeVietAdapter(options: NukeVietAdapterOptions): NukeVietAdapter {
  const { credentials } = options;
  const settings = options.settings ?? credentials.nukeviet ?? defaultNukeVietSettings;
  const client = new NukeVietClient({
    apiUrl: apiUrlFor(credentials.baseUrl),
    apiKey: credentials.username.trim(),
    secret: credentials.secret.trim(),
    authMode: credentials.authMode ?? 'bcrypt',
    module: options.module ?? settings.module,
    language: options.language ?? settings.language,
    now: options.now ?? Date.now,
    clockCorrection: options.clockCorrection ?? true,
    bcryptCost: options.bcryptCost ?? 10,
    meter: options.meter,
  });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const uploadTimeoutMs = options.uploadTimeoutMs ?? 120_000;
  const call = (
    action: string,
    fields: Record<string, FormValue>,
    signal?: AbortSignal,
    accept?: readonly string[],
  ) =>
    client.call(action, fields, {
      timeoutMs,
      ...(signal ? { signal } : {}),
      ...(accept ? { accept } : {}),
    });

  return {
    kind: 'nukeviet',
    clockOffsetMs: () => client.clockOffsetMs,

    async testConnection(signal) {
      const catalog = parse(
        catalogSchema,
        await call('NewsdeskCatalog', { tag_limit: '1' }, signal),
        'thông tin kết nối',
      );
      const granted = (api: string): boolean =>
        !catalog.granted_known || catalog.granted.includes(api);
      const report: ConnectionReport = {
        siteName: fromNukeVietTitle(catalog.site_name),
        userName: catalog.admin.username,
        canPublish:
          granted('NewsdeskArticleSave') &&
          catalog.categories.some((c) => c.active && c.can_publish),
        canUpload: granted('NewsdeskImageUpload'),
      };
      return report;
    },

    async listTerms(signal): Promise<RemoteTerms> {
      const catalog = parse(
        catalogSchema,
        await call('NewsdeskCatalog', {}, signal),
        'danh sách chuyên mục',
      );
      return {
        categories: catalog.categories
          .filter((c) => c.active)
          .map((c) => ({
            remoteId: String(c.id),
            parentId: c.parent > 0 ? String(c.parent) : null,
            title: fromNukeVietTitle(c.title),
            slug: c.alias,
          })),
        tags: catalog.tags.map((t) => ({
          remoteId: String(t.id),
          parentId: null,
          title: fromNukeVietTitle(t.title),
          slug: t.alias,
        })),
      };
    },

    async uploadMedia(upload: MediaUpload, signal): Promise<RemoteMedia> {
      const answer = await client.call(
        'NewsdeskImageUpload',
        { sync_key: upload.syncKey },
        {
          file: {
            field: 'upload',
            name: upload.fileName.normalize('NFC'),
            type: upload.mimeType,
            data: upload.data,
          },
          timeoutMs: uploadTimeoutMs,
          ...(signal ? { signal } : {}),
        },
      );
      const file = parse(fileSchema, answer.file, 'ảnh đã tải lên');
      return { remoteId: file.path, url: file.url };
    },

    async putArticle(payload, remoteId, signal) {
      return toRemoteArticle(
        await call('NewsdeskArticleSave', articleFields(payload, remoteId, settings), signal),
      );
    },

    async readArticle(remoteId, signal) {
      const answer = await call('NewsdeskArticleGet', { id: remoteId }, signal, [
        ARTICLE_NOT_FOUND,
      ]);
      return answer.status === 'success' ? toRemoteArticle(answer) : null;
    },

    async takeDown(remoteId, signal) {
      // An article already deleted on the portal has nothing left to take down.
      await call('NewsdeskArticleTakeDown', { id: remoteId }, signal, [ARTICLE_NOT_FOUND]);
    },

    // What putArticle sends is what the connector stores and readArticle returns.
    storedHtml: toNukeVietHtml,
  };
}
