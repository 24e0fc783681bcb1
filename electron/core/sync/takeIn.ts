import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';

import type { ArticleMeta, Category } from '../../../shared/domain/article';
import { formatByline } from '../../../shared/domain/article';
import type { PortalFieldName } from '../../../shared/domain/portalFields';
import type { PortalTerm } from '../../../shared/domain/sync';
import { canonicalText } from '../../../shared/render/canonicalHtml';
import { htmlToDoc, UnknownPortalImage } from '../../../shared/render/htmlToDoc';
import { foldForSearch } from '../../../shared/vietnamese/searchFold';
import { slugify } from '../../../shared/vietnamese/slug';
import { getArticle, updateArticleContent } from '../db/queries/articles';
import { listAuthors, listCategories, upsertCategory } from '../db/queries/directory';
import { getMedia } from '../db/queries/sync';
import type { RemoteContent } from '../portal/adapter';
import { parseStoredBody, rowToMeta, toContent } from '../services/articleRows';
import type { AuditService } from '../services/audit';
import type { RevisionsService } from '../services/revisions';
import type { Logger } from '../logging/logger';
import { SyncFailure } from './failure';
import { fieldLabelVi } from './conflicts';
import type { ArticleSnapshot } from './payload';
import { planPhotos } from './photos';

/** What to take from the portal into the desk's article. */
export interface TakeInRequest {
  articleId: string;
  connectionId: string;
  connectionName: string;
  /** The snapshot being synced: its photos map the portal's image URLs back to the library. */
  snapshot: ArticleSnapshot;
  theirs: RemoteContent;
  fields: readonly PortalFieldName[];
  /** The portal's cached categories (names for its ids). */
  categories: readonly PortalTerm[];
  /** Who asked (a user taking the portal's version), null for the outbox itself. */
  user: { id: string; displayName: string; role: null } | null;
  note: string;
}

/**
 * Takes portal fields into the article (a new version, a revision «từ cổng», an audit entry) and
 * into the snapshot being synced; returns the snapshot with the portal's fields.
 */
export type TakeIn = (request: TakeInRequest) => ArticleSnapshot;

/** Builds the take-in step (issue 13: portal-only changes and «Giữ bản trên cổng»). */
export function createTakeIn(deps: {
  db: Database;
  now: () => number;
  logger: Logger;
  revisions: RevisionsService;
  audit: AuditService;
  /** The search index catches up. */
  onContentChanged: () => void;
}): TakeIn {
  const { db, now } = deps;

  const photoMap = (request: TakeInRequest) => {
    const byKey = new Map<string, string>();
    const { snapshot } = request;
    const photos = planPhotos(snapshot.body, snapshot.meta.featuredImage, snapshot.recipe);
    for (const photo of photos) {
      const media = getMedia(db, request.connectionId, photo.syncKey);
      if (!media?.remote_id || media.url === null) continue;
      for (const key of [media.remote_id, media.url, fileOf(media.url), fileOf(media.remote_id)]) {
        byKey.set(key.toLowerCase(), photo.mediaPath);
      }
    }
    return (src: string): string | null =>
      byKey.get(src.toLowerCase()) ?? byKey.get(fileOf(src).toLowerCase()) ?? null;
  };

  const unreadable = (request: TakeInRequest, field: PortalFieldName, what: string): SyncFailure =>
    new SyncFailure(
      'portal_unreadable',
      `Không nhận được mục «${fieldLabelVi(field)}» từ cổng ${request.connectionName}: ${what} Bài trên bàn biên tập và trên cổng đều được giữ nguyên; hãy sửa mục này bằng tay rồi gửi lại.`,
    );

  return (request) => {
    const row = getArticle(db, request.articleId);
    if (!row) throw new SyncFailure('not_published', 'Bài viết không còn trong thư viện.');
    const meta = rowToMeta(row);
    let title = row.title;
    let body = parseStoredBody(row.body_json, row.id, deps.logger);
    const next: ArticleSnapshot = { ...request.snapshot, meta: { ...request.snapshot.meta } };
    const theirs = request.theirs;
    const mediaPathFor = photoMap(request);
    const setMeta = <K extends keyof ArticleMeta>(key: K, value: ArticleMeta[K]): void => {
      meta[key] = value;
      next.meta[key] = value;
    };
    for (const field of request.fields) {
      switch (field) {
        case 'title':
          title = canonicalText(theirs.title);
          next.title = title;
          break;
        case 'lead':
          setMeta('lead', theirs.lead.normalize('NFC').trim());
          break;
        case 'body':
          try {
            body = htmlToDoc(theirs.html, { mediaPathFor });
          } catch (error) {
            if (!(error instanceof UnknownPortalImage)) throw error;
            throw unreadable(request, field, `trong bài có ảnh ${error.src} mà máy này không có.`);
          }
          next.body = body;
          break;
        case 'category': {
          const category = localCategory(db, request, theirs.categoryIds[0] ?? null);
          setMeta('categoryId', category?.id ?? null);
          next.category = category ? { title: category.title, alias: category.alias } : null;
          break;
        }
        case 'tags':
          setMeta('tags', [...new Set(theirs.tags.map((tag) => tag.normalize('NFC').trim()))]);
          break;
        case 'featuredImage': {
          const media = theirs.featuredMedia;
          if (media === null) {
            setMeta('featuredImage', null);
            break;
          }
          const mediaPath = mediaPathFor(media.remoteId) ?? mediaPathFor(media.url);
          if (mediaPath === null) {
            throw unreadable(request, field, 'ảnh đại diện mới không có trên máy này.');
          }
          setMeta('featuredImage', { mediaPath, alt: meta.featuredImage?.alt ?? '' });
          break;
        }
        case 'publishAt':
          setMeta('publishAt', theirs.publishAt);
          break;
        case 'author': {
          const byline = canonicalText(theirs.author);
          const found =
            byline === ''
              ? null
              : listAuthors(db).find((a) => canonicalText(formatByline(a)) === byline);
          if (found === undefined) {
            throw unreadable(request, field, `chưa có hồ sơ tác giả «${byline}».`);
          }
          setMeta('authorId', found?.id ?? null);
          next.byline = byline;
          break;
        }
        case 'source':
          setMeta('source', canonicalText(theirs.source));
          break;
        case 'slug':
          setMeta('slug', theirs.slug);
          setMeta('slugLocked', true);
          break;
        case 'status':
          break;
      }
    }
    db.transaction(() => {
      const content = toContent({ id: row.id, title, meta, body }, now());
      if (!updateArticleContent(db, { ...content, baseVersion: row.version })) {
        throw new SyncFailure(
          'portal_unreadable',
          'Bài vừa được lưu trong lúc nhận bản từ cổng. Hãy thử lại.',
        );
      }
      deps.revisions.snapshot(row.id, 'portal');
      deps.audit.record({
        articleId: row.id,
        action: 'sync',
        user: request.user,
        note: request.note,
        details: { connectionId: request.connectionId, fields: request.fields.join(',') },
      });
    })();
    deps.onContentChanged();
    return next;
  };
}

function fileOf(value: string): string {
  return value.split(/[?#]/u)[0]?.split('/').pop() ?? value;
}

/** The local category for a portal one: same alias or title, else a new local category. */
function localCategory(
  db: Database,
  request: TakeInRequest,
  remoteId: string | null,
): Category | null {
  if (remoteId === null) return null;
  const term = request.categories.find((c) => c.remoteId === remoteId);
  if (!term) {
    throw new SyncFailure(
      'portal_unreadable',
      `Cổng ${request.connectionName} đặt bài vào chuyên mục #${remoteId} mà máy này chưa biết. Hãy bấm «Làm mới chuyên mục» trong Cài đặt rồi thử lại.`,
    );
  }
  const locals = listCategories(db);
  const found =
    locals.find((c) => c.alias === term.slug) ??
    locals.find((c) => foldForSearch(c.title.trim()) === foldForSearch(term.title.trim()));
  if (found) return found;
  const created: Category = {
    id: randomUUID(),
    parentId: null,
    title: term.title,
    alias: term.slug || slugify(term.title),
  };
  upsertCategory(db, created, locals.length);
  return created;
}
