import { z } from 'zod';

import type { PortalLifecycle } from '../../../../shared/domain/portalFields';
import { decodeHtmlEntities } from '../../../../shared/render/htmlTokens';
import type { RemoteContent } from '../adapter';
import { fromNukeVietTitle } from './html';

/*
 * The connector's article state (NewsdeskArticleGet / Save answers) as the fields three-way sync
 * compares (issue 13). Every field is optional in the schema, so an older connector still parses;
 * `nukevietContent` then returns null and only the edit stamp is compared.
 */

/** The extra fields of the connector's article state. */
export const articleFieldsSchema = z.object({
  catid: z.number().optional(),
  listcatid: z.array(z.number()).optional(),
  alias: z.string().optional(),
  hometext: z.string().optional(),
  homeimgfile: z.string().optional(),
  author: z.string().optional(),
  sourcetext: z.string().optional(),
  tags: z.array(z.string()).optional(),
  publtime: z.number().optional(),
  status_by: z
    .object({ username: z.string(), full_name: z.string(), time: z.number() })
    .nullable()
    .optional(),
});

const LIFECYCLE: Readonly<Record<string, PortalLifecycle>> = {
  published: 'live',
  scheduled: 'live',
  inactive: 'hidden',
  expired: 'hidden',
  draft: 'hidden',
};

const WORDS: Readonly<Record<string, string>> = {
  published: 'đang hiệu lực',
  scheduled: 'hẹn giờ đăng',
  inactive: 'Ngưng hiệu lực',
  expired: 'hết hạn',
  draft: 'chuyển về lưu nháp',
};

const plain = (stored: string): string => decodeHtmlEntities(fromNukeVietTitle(stored));

/** The fields of an article state, or null when the connector is too old to send them. */
export function nukevietContent(
  state: { status_name: string; locked: boolean; title: string; bodyhtml: string },
  extra: z.infer<typeof articleFieldsSchema>,
): RemoteContent | null {
  if (extra.hometext === undefined || extra.tags === undefined || extra.alias === undefined) {
    return null;
  }
  const categories =
    extra.listcatid && extra.listcatid.length > 0 ? extra.listcatid : [extra.catid ?? 0];
  const by = extra.status_by ?? null;
  const who = by === null ? '' : by.full_name || by.username;
  return {
    title: plain(state.title),
    lead: plain(extra.hometext.replace(/<br\s*\/?>/giu, '\n')),
    html: state.bodyhtml,
    categoryIds: categories.filter((id) => id > 0).map(String),
    tags: extra.tags.map(plain),
    featuredMedia: extra.homeimgfile
      ? { remoteId: extra.homeimgfile, url: extra.homeimgfile }
      : null,
    lifecycle: state.locked ? 'other' : (LIFECYCLE[state.status_name] ?? 'hidden'),
    statusLabel: state.locked
      ? 'bị khoá theo chuyên mục'
      : (WORDS[state.status_name] ?? 'chuyển sang chờ duyệt'),
    publishAt: extra.publtime ? extra.publtime * 1000 : null,
    author: plain(extra.author ?? ''),
    source: plain(extra.sourcetext ?? ''),
    slug: extra.alias,
    statusChangedBy:
      by === null || who === ''
        ? null
        : `${who} (${new Date(by.time * 1000).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })})`,
  };
}
