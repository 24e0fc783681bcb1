import type { RemoteMedia } from '../adapter';
import type { WpClient } from './http';
import { asList, asRecord, idOf } from './json';
import type { WpImage } from './figures';

/** An article's photos as WordPress knows them, and the ones not yet attached to any post. */
export interface ArticleImages {
  byUrl: Map<string, WpImage>;
  unattached: string[];
}

function positive(value: unknown): number {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? Math.round(number) : 0;
}

/**
 * Sizes and parents of the article's uploaded photos, in one request. The page shows the
 * `large` size (WordPress's default for inserted images) when WordPress made one, else the
 * full size; `srcset` then lists every size WordPress generated.
 */
export async function articleImages(
  client: WpClient,
  media: readonly RemoteMedia[],
  signal?: AbortSignal,
): Promise<ArticleImages> {
  const byUrl = new Map<string, WpImage>();
  const unattached: string[] = [];
  const ids = media.map((item) => item.remoteId).filter((id) => /^\d+$/u.test(id));
  if (ids.length === 0) return { byUrl, unattached };
  const response = await client.request({
    method: 'GET',
    route: '/wp/v2/media',
    query: {
      include: ids.join(','),
      per_page: 100,
      _fields: 'id,source_url,media_details,post',
    },
    action: 'đọc kích thước ảnh',
    signal,
  });
  const urlOf = new Map(media.map((item) => [item.remoteId, item.url]));
  for (const item of asList(response.json)) {
    const id = idOf(item);
    const details = asRecord(item.media_details);
    const large = asRecord(asRecord(details.sizes).large);
    const url = urlOf.get(id) ?? (typeof item.source_url === 'string' ? item.source_url : '');
    const hasLarge = positive(large.width) > 0 && positive(large.height) > 0;
    const width = hasLarge ? positive(large.width) : positive(details.width);
    const height = hasLarge ? positive(large.height) : positive(details.height);
    if (url && width > 0 && height > 0) {
      byUrl.set(url, { id, url, size: hasLarge ? 'large' : 'full', width, height });
    }
    if (!positive(item.post)) unattached.push(id);
  }
  return { byUrl, unattached };
}

/** Attaches photos to their post (WordPress's `post` field, the media library's «Đính kèm»). */
export async function attachImages(
  client: WpClient,
  ids: readonly string[],
  postId: string,
  signal?: AbortSignal,
): Promise<void> {
  for (const id of ids) {
    await client.request({
      method: 'POST',
      route: `/wp/v2/media/${encodeURIComponent(id)}`,
      query: { _fields: 'id,post' },
      body: { json: { post: Number(postId) } },
      action: 'gắn ảnh vào bài',
      signal,
    });
  }
}
