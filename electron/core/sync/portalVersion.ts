import type { Database } from 'better-sqlite3';

import type {
  PortalChanges,
  PortalFieldName,
  PortalFieldValues,
} from '../../../shared/domain/portalFields';
import { portalFieldNames } from '../../../shared/domain/portalFields';
import type { SyncConflict } from '../../../shared/domain/sync';
import { AppError } from '../../../shared/errors/appError';
import { findOpenItem, getMedia, getSyncArticle } from '../db/queries/sync';
import { getSyncBase, saveSyncBase } from '../db/queries/syncBases';
import type { RemoteArticle, RemoteContent, RemoteMedia } from '../portal/adapter';
import { fieldListVi } from './conflicts';
import type { PortalConnections } from './connections';
import { canonicalFields, fieldChanges, payloadContent } from './fields';
import type { ArticleSnapshot } from './payload';
import { buildPayload, matchCategory } from './payload';
import { planPhotos } from './photos';
import type { TakeIn, TakeInRequest } from './takeIn';

/*
 * The portal's version of a published article, on the user's request: «Lấy bản trên cổng» (what
 * changed there since the last sync, and taking it in) and «Giữ bản trên cổng» after a conflict
 * (issue 13). Taking a field in also moves the base, so a later update neither overwrites it nor
 * counts it as a desk-side change.
 */

/** Who is asking, for the audit entry. */
export type Requester = TakeInRequest['user'];

/** Builds the portal-version operations of the sync service. */
export function createPortalVersion(deps: {
  db: Database;
  now: () => number;
  connections: PortalConnections;
  loadSnapshot: (articleId: string) => ArticleSnapshot;
  takeIn: TakeIn | undefined;
}) {
  const { db, now, connections } = deps;

  const remoteIdOf = (articleId: string, connectionId: string): string => {
    const remoteId = getSyncArticle(db, articleId, connectionId)?.remote_id;
    if (!remoteId) {
      throw new AppError(
        'not_found',
        'Bài này chưa được đăng lên cổng đó, nên chưa có bản trên cổng để lấy về.',
      );
    }
    return remoteId;
  };

  /** The desk's article as it would go to the portal, with the photo URLs already there. */
  const deskContent = (snapshot: ArticleSnapshot, connectionId: string): RemoteContent => {
    const media = new Map<string, RemoteMedia>();
    for (const photo of planPhotos(snapshot.body, snapshot.meta.featuredImage, snapshot.recipe)) {
      const known = getMedia(db, connectionId, photo.syncKey);
      if (known?.remote_id && known.url !== null) {
        media.set(photo.mediaPath, { remoteId: known.remote_id, url: known.url });
      }
    }
    const categories = connections.terms(connectionId).categories;
    const categoryId = matchCategory(snapshot.category, categories) ?? null;
    return payloadContent(buildPayload(snapshot, media, categoryId, now()));
  };

  /** Refreshes the cached categories when the portal names one the cache does not know. */
  const knowCategories = async (connectionId: string, content: RemoteContent): Promise<void> => {
    const cached = connections.terms(connectionId).categories;
    if (content.categoryIds.some((id) => !cached.some((term) => term.remoteId === id))) {
      await connections.refreshTerms(connectionId);
    }
  };

  const read = async (articleId: string, connectionId: string): Promise<RemoteArticle> => {
    const theirs = await connections
      .adapterFor(connectionId)
      .readArticle(remoteIdOf(articleId, connectionId));
    if (theirs === null) {
      throw new AppError(
        'not_found',
        'Bài không còn trên cổng (đã bị xoá ở đó). Bản trên bàn biên tập được giữ nguyên.',
      );
    }
    if (!theirs.content) {
      throw new AppError(
        'conflict',
        'Cổng này chưa cho đọc từng mục của bài. Hãy cập nhật bộ kết nối Newsdesk trên cổng.',
      );
    }
    await knowCategories(connectionId, theirs.content);
    return theirs;
  };

  /** Takes `fields` of the portal's version into the desk and moves the base for them. */
  const take = (input: {
    articleId: string;
    connectionId: string;
    snapshot: ArticleSnapshot;
    theirs: RemoteContent;
    fields: PortalFieldName[];
    user: Requester;
    note: string;
  }): ArticleSnapshot => {
    if (!deps.takeIn) throw new AppError('internal', 'Không nhận được bản từ cổng trên máy này.');
    const fields = input.fields.filter((field) => field !== 'status');
    const snapshot =
      fields.length === 0
        ? input.snapshot
        : deps.takeIn({
            articleId: input.articleId,
            connectionId: input.connectionId,
            connectionName: connections.get(input.connectionId).name,
            snapshot: input.snapshot,
            theirs: input.theirs,
            fields,
            categories: connections.terms(input.connectionId).categories,
            user: input.user,
            note: input.note,
          });
    const base = getSyncBase(db, input.articleId, input.connectionId);
    const current = canonicalFields(input.theirs);
    const sent: PortalFieldValues = { ...(base?.sent ?? current) };
    const readBack: PortalFieldValues = { ...(base?.read ?? current) };
    for (const field of fields) {
      sent[field] = current[field];
      readBack[field] = current[field];
    }
    saveSyncBase(db, input.articleId, input.connectionId, { sent, read: readBack }, now());
    return snapshot;
  };

  const changes = async (articleId: string, connectionId: string) => {
    const theirs = await read(articleId, connectionId);
    const content = theirs.content as RemoteContent;
    const base = getSyncBase(db, articleId, connectionId);
    const current = canonicalFields(content);
    const snapshot = deps.loadSnapshot(articleId);
    const mine = deskContent(snapshot, connectionId);
    // Without a base (published before issue 13) every field that differs counts.
    const reference = base?.read ?? canonicalFields(mine);
    const changed = portalFieldNames.filter(
      (field) => field !== 'status' && current[field] !== reference[field],
    );
    const hidden = content.lifecycle !== 'live';
    const result: PortalChanges = {
      articleId,
      connectionId,
      connectionName: connections.get(connectionId).name,
      url: theirs.url,
      fields: fieldChanges(
        hidden ? ['status', ...changed] : changed,
        mine,
        content,
        connections.terms(connectionId).categories,
      ),
      statusMessage: hidden
        ? `Trên cổng, bài đang ở trạng thái «${content.statusLabel}»${content.statusChangedBy ? ` (${content.statusChangedBy})` : ''}. Trạng thái không được lấy về; bài sẽ không được đăng lại nếu không có ai chọn «Đăng lại bài».`
        : null,
    };
    return { result, content, snapshot, changed };
  };

  return {
    /** «Lấy bản trên cổng»: the fields changed on the portal since the last sync. */
    async portalChanges(articleId: string, connectionId: string): Promise<PortalChanges> {
      return (await changes(articleId, connectionId)).result;
    },

    /** Takes every field changed on the portal into the desk; returns what was taken. */
    async pullFromPortal(
      articleId: string,
      connectionId: string,
      user: Requester,
    ): Promise<PortalChanges> {
      const open = findOpenItem(db, articleId, connectionId);
      if (open && open.action === 'publish') {
        // Its frozen snapshot would send the desk's old values over what is taken in now.
        throw new AppError(
          'conflict',
          'Bài đang có một lần gửi chưa xong lên cổng này (đang chờ, lỗi hoặc xung đột). Hãy xử lý lần gửi đó trong «Đồng bộ cổng» trước, rồi lấy bản trên cổng.',
        );
      }
      const found = await changes(articleId, connectionId);
      if (found.changed.length > 0) {
        take({
          articleId,
          connectionId,
          snapshot: found.snapshot,
          theirs: found.content,
          fields: found.changed,
          user,
          note: `Lấy bản từ cổng «${found.result.connectionName}»: ${fieldListVi(found.changed)}.`,
        });
      }
      return found.result;
    },

    /**
     * «Giữ bản trên cổng» for fields changed on both sides: the portal's version (read again now)
     * of those fields becomes the desk's; returns the item's snapshot with them.
     */
    async keepTheirs(
      conflict: SyncConflict,
      item: { articleId: string; connectionId: string; snapshot: ArticleSnapshot },
      user: Requester,
    ): Promise<ArticleSnapshot> {
      const theirs = await read(item.articleId, item.connectionId);
      const fields = conflict.fields.map((change) => change.field);
      return take({
        ...item,
        theirs: theirs.content as RemoteContent,
        fields,
        user,
        note: `Giữ bản trên cổng «${connections.get(item.connectionId).name}»: ${fieldListVi(fields)}.`,
      });
    },
  };
}

/** The portal-version operations. */
export type PortalVersion = ReturnType<typeof createPortalVersion>;
