import type { ArticlePayload, MediaUpload, RemoteMedia } from '../adapter';
import { PortalError } from '../adapter';
import { decodeEntities, hasMarker, mediaSlug, postSlug, syncMarker } from './content';
import type { WpClient } from './http';
import { asList, asRecord, idOf, text, toRemoteMedia } from './json';

/** The meta key the Newsdesk plugin (resources/wordpress/newsdesk-sync.php) registers. */
export const SYNC_META_KEY = 'newsdesk_sync_key';

/**
 * Finding what exists on the site before creating: tags by name, and the media and posts an
 * earlier attempt with the same sync key created (by meta with the plugin, else by slug and the
 * marker in the content).
 */
export function createLookups(
  client: WpClient,
  hasPlugin: (signal?: AbortSignal) => Promise<boolean>,
) {
  const tagIds = new Map<string, number>();

  /** Tag names → ids: create each (WordPress answers `term_exists` with the id when it exists). */
  async function resolveTags(names: string[], signal?: AbortSignal): Promise<number[]> {
    const ids: number[] = [];
    for (const raw of names) {
      const name = raw.normalize('NFC').trim();
      if (!name) continue;
      const key = name.toLocaleLowerCase('vi');
      const known = tagIds.get(key);
      if (known !== undefined) {
        ids.push(known);
        continue;
      }
      let id: number;
      try {
        const created = await client.request({
          method: 'POST',
          route: '/wp/v2/tags',
          body: { json: { name } },
          action: `tạo thẻ «${name}»`,
          signal,
        });
        id = Number(idOf(created.json));
      } catch (error) {
        id = await existingTag(error, name, signal);
      }
      tagIds.set(key, id);
      ids.push(id);
    }
    return [...new Set(ids)];
  }

  /** After a refused create: the id WordPress names in `term_exists`, or one found by search. */
  async function existingTag(error: unknown, name: string, signal?: AbortSignal): Promise<number> {
    if (!(error instanceof PortalError)) throw error;
    const cause = asRecord(asRecord(error.cause).body);
    const fromError = Number(asRecord(cause.data).term_id);
    if (Number.isInteger(fromError) && fromError > 0) return fromError;
    if (error.kind !== 'validation' && error.kind !== 'forbidden') throw error;
    const found = await client.request({
      method: 'GET',
      route: '/wp/v2/tags',
      query: { search: name, per_page: 100, _fields: 'id,name' },
      action: `tìm thẻ «${name}»`,
      signal,
    });
    const wanted = name.toLocaleLowerCase('vi');
    const match = asList(found.json).find(
      (tag) => decodeEntities(text(tag.name)).normalize('NFC').toLocaleLowerCase('vi') === wanted,
    );
    if (match) return Number(idOf(match));
    throw error;
  }

  async function findMedia(upload: MediaUpload, signal?: AbortSignal): Promise<RemoteMedia | null> {
    const plugin = await hasPlugin(signal);
    const query = plugin
      ? { [SYNC_META_KEY]: upload.syncKey, _fields: 'id,source_url,meta' }
      : { slug: mediaSlug(upload), _fields: 'id,source_url' };
    const response = await client.request({
      method: 'GET',
      route: '/wp/v2/media',
      query: { ...query, per_page: 10, orderby: 'id', order: 'asc' },
      action: 'tìm ảnh đã tải lên',
      signal,
    });
    const found = asList(response.json).filter(
      (item) => !plugin || asRecord(item.meta)[SYNC_META_KEY] === upload.syncKey,
    );
    return found[0] ? toRemoteMedia(found[0]) : null;
  }

  async function findPost(payload: ArticlePayload, signal?: AbortSignal): Promise<string | null> {
    if (await hasPlugin(signal)) {
      const response = await client.request({
        method: 'GET',
        route: '/wp/v2/posts',
        query: {
          [SYNC_META_KEY]: payload.syncKey,
          status: 'any',
          _fields: 'id,meta',
          orderby: 'id',
          order: 'asc',
        },
        action: 'tìm bài đã đăng',
        signal,
      });
      const mine = asList(response.json).find(
        (post) => asRecord(post.meta)[SYNC_META_KEY] === payload.syncKey,
      );
      return mine ? idOf(mine) : null;
    }
    // Without the plugin: the explicit slug, then the marker; either way the marker must be there.
    const attempts: Record<string, string>[] = [
      { slug: postSlug(payload) },
      { search: syncMarker(payload.syncKey) },
    ];
    for (const query of attempts) {
      const response = await client.request({
        method: 'GET',
        route: '/wp/v2/posts',
        query: {
          ...query,
          status: 'any',
          context: 'edit',
          _fields: 'id,content',
          orderby: 'id',
          order: 'asc',
        },
        action: 'tìm bài đã đăng',
        signal,
      });
      const mine = asList(response.json).find((post) =>
        hasMarker(text(post.content), payload.syncKey),
      );
      if (mine) return idOf(mine);
    }
    return null;
  }

  return { resolveTags, findMedia, findPost };
}
