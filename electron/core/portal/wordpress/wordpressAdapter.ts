import type {
  ArticlePayload,
  ConnectionReport,
  MediaUpload,
  PortalAdapter,
  PortalCredentials,
  RemoteTerm,
  RemoteTerms,
} from '../adapter';
import { PortalError } from '../adapter';
import type { RequestMeter } from '../requestMeter';
import {
  contentWithFooter,
  decodeEntities,
  mediaCaption,
  mediaFileName,
  mediaSlug,
  postSlug,
  wpDateGmt,
} from './content';
import { escapeHtml } from '../../../../shared/render/articleHtml';
import { decorateBody } from './figures';
import { createWpClient } from './http';
import type { WpClient } from './http';
import type { Json } from './json';
import { asList, asRecord, idOf, text, toRemoteArticle, toRemoteMedia } from './json';
import { createLookups, SYNC_META_KEY } from './lookups';
import { tagIdsOf, wordpressContent } from './remoteContent';
import type { ArticleImages } from './media';
import { articleImages, attachImages } from './media';

export { SYNC_META_KEY };

/** Options of the WordPress adapter. */
export interface WordPressAdapterOptions {
  timeoutMs?: number;
  meter?: RequestMeter | undefined;
  /** Show the featured photo again as the body's first photo (default: no, the theme shows it). */
  featuredInBody?: boolean;
}

const POST_FIELDS =
  'id,link,status,title,content,excerpt,date_gmt,slug,modified_gmt,categories,tags,featured_media';

/**
 * WordPress through its REST API (wp/v2) with an Application Password. Idempotent creates:
 * with the Newsdesk plugin, posts and media carry the `newsdesk_sync_key` meta and are found by
 * it; without, media get a slug derived from the sync key and posts are found by their explicit
 * slug (or a search for the key's marker) and checked for the marker in their content.
 */
export function createWordPressAdapter(
  credentials: PortalCredentials,
  options: WordPressAdapterOptions = {},
): PortalAdapter {
  const client: WpClient = createWpClient({
    baseUrl: credentials.baseUrl,
    username: credentials.username,
    secret: credentials.secret,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    meter: options.meter,
  });
  let pluginKnown: boolean | null = null;

  async function hasPlugin(signal?: AbortSignal): Promise<boolean> {
    if (pluginKnown !== null) return pluginKnown;
    try {
      await client.request({
        method: 'GET',
        route: '/newsdesk/v1/info',
        action: 'kiểm tra plugin Newsdesk',
        signal,
      });
      pluginKnown = true;
    } catch (error) {
      if (!(error instanceof PortalError) || error.kind !== 'not_found') throw error;
      pluginKnown = false;
    }
    return pluginKnown;
  }

  async function listAll(route: string, action: string, signal?: AbortSignal): Promise<Json[]> {
    const items: Json[] = [];
    for (let page = 1; page <= 200; page += 1) {
      const response = await client.request({
        method: 'GET',
        route,
        query: { per_page: 100, page, _fields: 'id,name,slug,parent', orderby: 'id', order: 'asc' },
        action,
        signal,
      });
      items.push(...asList(response.json));
      const pages = Number(response.headers.get('x-wp-totalpages') ?? '1');
      if (!Number.isFinite(pages) || page >= pages) break;
    }
    return items;
  }

  function toTerm(item: Json): RemoteTerm {
    const parent = typeof item.parent === 'number' && item.parent > 0 ? String(item.parent) : null;
    return {
      remoteId: idOf(item),
      parentId: parent,
      title: decodeEntities(typeof item.name === 'string' ? item.name : ''),
      slug: typeof item.slug === 'string' ? item.slug : '',
    };
  }

  const { resolveTags, findMedia, findPost } = createLookups(client, hasPlugin);

  /** The names of a post's tags (one request, only when it has tags). */
  async function tagNames(post: Json, signal?: AbortSignal): Promise<Map<string, string>> {
    const ids = tagIdsOf(post);
    if (ids.length === 0) return new Map();
    const response = await client.request({
      method: 'GET',
      route: '/wp/v2/tags',
      query: { include: ids.join(','), per_page: 100, _fields: 'id,name' },
      action: 'đọc thẻ của bài trên cổng',
      signal,
    });
    return new Map(
      asList(response.json).map((tag) => [
        idOf(tag),
        decodeEntities(typeof tag.name === 'string' ? tag.name : ''),
      ]),
    );
  }

  /** A media item's texts as WordPress stores them: all four are HTML to it (escaped). */
  function mediaTexts(upload: MediaUpload, fileName: string) {
    const credit = upload.credit.replace(/^\s*ảnh\s*:\s*/iu, '').trim();
    return {
      title: escapeHtml(upload.caption.trim()) || fileName,
      caption: mediaCaption(upload),
      // alt_text loses its tags on WordPress, then prints with esc_attr, which keeps entities.
      alt_text: escapeHtml(upload.alt),
      description: credit ? `Ảnh: ${escapeHtml(credit)}` : '',
    };
  }

  function postBody(payload: ArticlePayload, tags: number[], images: ArticleImages): Json {
    if (payload.status === 'trash') throw new Error('putArticle cannot trash: use takeDown');
    const html = decorateBody(payload.html, {
      lead: payload.lead,
      images: images.byUrl,
      featuredUrl: payload.featuredMedia?.url ?? null,
      featuredInBody: options.featuredInBody === true,
    });
    // WordPress treats title and excerpt as HTML; the desk holds text (docs/wordpress-output.md).
    const body: Json = {
      title: escapeHtml(payload.title),
      content: contentWithFooter({ ...payload, html }),
      excerpt: escapeHtml(payload.lead),
      slug: postSlug(payload),
      status: payload.status,
      categories: payload.categoryIds.map(Number).filter((id) => Number.isInteger(id) && id > 0),
      tags,
      featured_media: payload.featuredMedia ? Number(payload.featuredMedia.remoteId) : 0,
      meta: { [SYNC_META_KEY]: payload.syncKey },
    };
    // The reporter's own account when Settings maps one; else WordPress keeps the current author.
    if (payload.authorAccount !== undefined) body.author = Number(payload.authorAccount);
    if (payload.status === 'future' && payload.publishAt === null) {
      throw new PortalError('validation', 'Bài hẹn giờ đăng cần có thời điểm đăng.');
    }
    if (payload.publishAt !== null) body.date_gmt = wpDateGmt(payload.publishAt);
    return body;
  }

  /** WordPress 6.1 silently drops unknown category or media ids: check what it kept. */
  function verifyPost(sent: Json, post: Json): void {
    const sortIds = (value: unknown): string =>
      (Array.isArray(value) ? value.map(Number) : []).sort((a, b) => a - b).join(',');
    if (sortIds(post.categories) !== sortIds(sent.categories)) {
      throw new PortalError(
        'validation',
        'Cổng không nhận chuyên mục của bài (có thể chuyên mục đã bị xoá trên cổng). Hãy làm mới danh sách chuyên mục, chọn lại rồi bấm «Thử lại».',
      );
    }
    if (Number(post.featured_media ?? 0) !== Number(sent.featured_media)) {
      throw new PortalError(
        'validation',
        'Cổng không nhận ảnh đại diện của bài (ảnh có thể đã bị xoá trên cổng). Bấm «Thử lại» để tải ảnh lên lại.',
      );
    }
  }

  return {
    kind: 'wordpress',

    async testConnection(signal) {
      const index = await client.request({
        method: 'GET',
        route: '/',
        query: { _fields: 'name,namespaces,authentication' },
        action: 'kiểm tra kết nối',
        signal,
      });
      const site = asRecord(index.json);
      const namespaces = Array.isArray(site.namespaces) ? site.namespaces : [];
      if (!namespaces.includes('wp/v2')) {
        throw new PortalError(
          'not_found',
          `«${client.host}» không phải là một trang WordPress có REST API. Hãy nhập địa chỉ trang chủ của cổng, ví dụ https://tenmien.vn.`,
        );
      }
      pluginKnown = namespaces.includes('newsdesk/v1');
      let me: Json;
      try {
        const response = await client.request({
          method: 'GET',
          route: '/wp/v2/users/me',
          query: { context: 'edit', _fields: 'id,name,capabilities' },
          action: 'đăng nhập',
          signal,
        });
        me = asRecord(response.json);
      } catch (error) {
        const appPasswords = 'application-passwords' in asRecord(site.authentication);
        if (error instanceof PortalError && error.kind === 'auth' && !appPasswords) {
          throw new PortalError(
            'auth',
            'Cổng chưa cho phép đăng nhập bằng Mật khẩu ứng dụng (Application Passwords), thường vì cổng không dùng https. Hãy dùng địa chỉ https:// của cổng hoặc nhờ quản trị cổng bật tính năng này.',
            { status: 401 },
          );
        }
        throw error;
      }
      const caps = asRecord(me.capabilities);
      const report: ConnectionReport = {
        siteName: decodeEntities(typeof site.name === 'string' ? site.name : client.host),
        userName: typeof me.name === 'string' ? me.name : credentials.username,
        canPublish: caps.publish_posts === true,
        canUpload: caps.upload_files === true,
        lookupBySyncKey: pluginKnown,
      };
      return report;
    },

    async listTerms(signal): Promise<RemoteTerms> {
      const categories = await listAll('/wp/v2/categories', 'lấy danh sách chuyên mục', signal);
      const tags = await listAll('/wp/v2/tags', 'lấy danh sách thẻ', signal);
      return { categories: categories.map(toTerm), tags: tags.map(toTerm) };
    },

    async listUsers(signal) {
      const users: Json[] = [];
      for (let page = 1; page <= 50; page += 1) {
        const response = await client.request({
          method: 'GET',
          route: '/wp/v2/users',
          query: { per_page: 100, page, context: 'edit', _fields: 'id,name,capabilities' },
          action: 'lấy danh sách tài khoản',
          signal,
        });
        users.push(...asList(response.json));
        const pages = Number(response.headers.get('x-wp-totalpages') ?? '1');
        if (!Number.isFinite(pages) || page >= pages) break;
      }
      return users
        .filter((user) => asRecord(user.capabilities).edit_posts === true)
        .map((user) => ({
          remoteId: idOf(user),
          name: decodeEntities(typeof user.name === 'string' ? user.name : ''),
        }));
    },

    async uploadMedia(upload, signal) {
      if (upload.knownNew !== true) {
        const existing = await findMedia(upload, signal);
        if (existing) return existing;
      }
      const plugin = await hasPlugin(signal);
      const form = new FormData();
      const fileName = mediaFileName(upload);
      form.append('file', new Blob([upload.data], { type: upload.mimeType }), fileName);
      form.append('slug', mediaSlug(upload));
      const texts = mediaTexts(upload, fileName);
      for (const [field, value] of Object.entries(texts)) form.append(field, value);
      if (plugin) form.append(`meta[${SYNC_META_KEY}]`, upload.syncKey);
      const response = await client.request({
        method: 'POST',
        route: '/wp/v2/media',
        query: { context: 'edit' },
        body: { form, bytes: upload.data.byteLength },
        action: `tải ảnh «${upload.fileName}» lên`,
        signal,
      });
      const item = asRecord(response.json);
      // WordPress fills empty fields from the photo's IPTC (cut to 32 bytes for a credit): the
      // desk's texts win, empty ones included (docs/wordpress-output.md).
      const differs = (Object.keys(texts) as Array<keyof typeof texts>).some((field) =>
        field === 'alt_text'
          ? item.alt_text !== texts.alt_text
          : text(item[field]) !== texts[field],
      );
      if (differs) {
        await client.request({
          method: 'POST',
          route: `/wp/v2/media/${encodeURIComponent(idOf(item))}`,
          query: { _fields: 'id' },
          body: { json: texts },
          action: `ghi chú thích ảnh «${upload.fileName}»`,
          signal,
        });
      }
      return toRemoteMedia(asRecord(response.json));
    },

    async putArticle(payload, remoteId, signal) {
      const tags = await resolveTags(payload.tags, signal);
      let target = remoteId;
      if (target === null && payload.knownNew !== true) target = await findPost(payload, signal);
      const images = await articleImages(client, payload.media ?? [], signal);
      const body = postBody(payload, tags, images);
      const response = await client.request({
        method: 'POST',
        route: target === null ? '/wp/v2/posts' : `/wp/v2/posts/${encodeURIComponent(target)}`,
        query: { _fields: POST_FIELDS },
        body: { json: body },
        action: 'đăng bài',
        signal,
      });
      const post = asRecord(response.json);
      verifyPost(body, post);
      const article = toRemoteArticle(post);
      await attachImages(client, images.unattached, article.remoteId, signal);
      const names = await tagNames(post, signal);
      return { ...article, content: wordpressContent(post, names) };
    },

    async readArticle(remoteId, signal) {
      try {
        const response = await client.request({
          method: 'GET',
          route: `/wp/v2/posts/${encodeURIComponent(remoteId)}`,
          query: { context: 'edit', _fields: POST_FIELDS },
          action: 'đọc bài trên cổng',
          signal,
        });
        const post = asRecord(response.json);
        return {
          ...toRemoteArticle(post),
          content: wordpressContent(post, await tagNames(post, signal)),
        };
      } catch (error) {
        if (error instanceof PortalError && error.kind === 'not_found') return null;
        throw error;
      }
    },

    async takeDown(remoteId, signal) {
      // Private, not draft: readers lose it at once, editors still see it at the same address,
      // its slug and publish date are kept, and it does not mix with drafts in the editors' queue.
      try {
        await client.request({
          method: 'POST',
          route: `/wp/v2/posts/${encodeURIComponent(remoteId)}`,
          query: { _fields: 'id,status' },
          body: { json: { status: 'private' } },
          action: 'gỡ bài',
          signal,
        });
      } catch (error) {
        if (error instanceof PortalError && error.kind === 'not_found') return;
        throw error;
      }
    },
  };
}
