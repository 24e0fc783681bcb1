import type { Database } from 'better-sqlite3';

import type { PortalFieldName } from '../../../shared/domain/portalFields';
import type { PortalTerm, SyncConflict, SyncLogLine, SyncState } from '../../../shared/domain/sync';
import type { SyncItemRow } from '../db/queries/sync';
import {
  getMedia,
  getSyncArticle,
  markArticleAttempt,
  markMediaAttempt,
  recordArticle,
  recordMedia,
  updateItem,
} from '../db/queries/sync';
import { getSyncBase, saveSyncBase } from '../db/queries/syncBases';
import type { ArticlePayload, PortalAdapter, RemoteContent, RemoteMedia } from '../portal/adapter';
import { PortalError } from '../portal/adapter';
import { decide, fieldListVi } from './conflicts';
import type { PortalConnections } from './connections';
import { SyncFailure } from './failure';
import { canonicalFields, payloadContent } from './fields';
import type { Limiter } from './limiter';
import { createLimiter } from './limiter';
import type { ArticleSnapshot } from './payload';
import { buildPayload, matchCategory } from './payload';
import type { RenderCache } from './photos';
import { dropRendered, planPhotos, renderUpload } from './photos';
import { linkedAuthor, linkedCategory } from './portalLinks';

/** What one run of an item may use and report. */
export interface RunContext {
  db: Database;
  now: () => number;
  connections: PortalConnections;
  cache: RenderCache;
  /** Shared by every item: bounded parallel uploads across the whole outbox. */
  uploads: Limiter;
  /** Uploads of one item at a time, below the shared limit so other articles still move. */
  perItemUploads: number;
  signal: AbortSignal;
  /** Takes portal-only fields into the desk's article; returns the merged snapshot. */
  takeIn(request: RunTakeIn): ArticleSnapshot;
  /** Writes state and progress (ignored once the run was aborted) and notifies listeners. */
  progress(state: SyncState, done: number, total: number): void;
  log(level: 'info' | 'warn' | 'error', line: SyncLogLine): void;
  reachable(): void;
}

/** What a run asks the desk to take in from the portal. */
export interface RunTakeIn {
  item: SyncItemRow;
  snapshot: ArticleSnapshot;
  theirs: RemoteContent;
  fields: PortalFieldName[];
  categories: readonly PortalTerm[];
}

/** How a run ended when it did not throw. */
export type RunOutcome = { kind: 'done' } | { kind: 'conflict'; conflict: SyncConflict };

function parseSnapshot(item: SyncItemRow): ArticleSnapshot {
  return JSON.parse(item.snapshot_json) as ArticleSnapshot;
}

async function uploadPhotos(
  item: SyncItemRow,
  snapshot: ArticleSnapshot,
  adapter: PortalAdapter,
  context: RunContext,
): Promise<Map<string, RemoteMedia>> {
  const { db, now, signal } = context;
  const photos = planPhotos(snapshot.body, snapshot.meta.featuredImage, snapshot.recipe);
  const total = photos.length + 1;
  const media = new Map<string, RemoteMedia>();
  for (const photo of photos) {
    const known = getMedia(db, item.connection_id, photo.syncKey);
    if (known?.remote_id && known.url !== null) {
      media.set(photo.mediaPath, { remoteId: known.remote_id, url: known.url });
    }
  }
  context.progress('uploading_media', media.size, total);
  const local = createLimiter(context.perItemUploads);
  // allSettled: a failed photo does not leave the others running behind the item's back; the
  // ones that succeed are recorded, and the retry only sends what is missing.
  const settled = await Promise.allSettled(
    photos.map((photo, index) =>
      media.has(photo.mediaPath)
        ? Promise.resolve()
        : local.run(async () => {
            const upload = await renderUpload(context.cache, photo, snapshot.recipe, {
              slug: snapshot.meta.slug || snapshot.title,
              seq: index + 1,
              signal,
            });
            await context.uploads.run(async () => {
              signal.throwIfAborted();
              const knownNew = getMedia(db, item.connection_id, photo.syncKey) === undefined;
              markMediaAttempt(db, item.connection_id, photo.syncKey, now());
              const remote = await adapter.uploadMedia({ ...upload, knownNew }, signal);
              recordMedia(db, item.connection_id, photo.syncKey, remote, now());
              media.set(photo.mediaPath, remote);
              context.reachable();
              context.progress('uploading_media', media.size, total);
            }, signal);
          }, signal),
    ),
  );
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  await dropRendered(
    context.cache,
    photos.map((photo) => photo.syncKey),
  );
  return media;
}

async function categoryFor(
  item: SyncItemRow,
  snapshot: ArticleSnapshot,
  context: RunContext,
): Promise<string | null> {
  // Linked in Settings (or pulled from this portal): that portal category, whatever its name.
  const linked = linkedCategory(context.db, item.connection_id, snapshot.category?.id);
  if (linked !== undefined) return linked;
  const cached = context.connections.terms(item.connection_id).categories;
  const found = matchCategory(snapshot.category, cached);
  if (found !== undefined) return found;
  // Not in the cache: the portal may have gained it since the last refresh.
  const refreshed = await context.connections.refreshTerms(item.connection_id);
  const again = matchCategory(snapshot.category, refreshed.terms.categories);
  if (again !== undefined) return again;
  // The portal could not be asked: that failure (often transient) decides, not "missing".
  if (refreshed.failure) throw new PortalError(refreshed.failure.kind, refreshed.failure.message);
  const title = snapshot.category?.title ?? '';
  throw new SyncFailure(
    'category_missing',
    `Cổng chưa có chuyên mục «${title}». Hãy tạo chuyên mục này trên cổng (đường dẫn «${snapshot.category?.alias ?? ''}») hoặc chọn chuyên mục khác cho bài, rồi bấm «Thử lại».`,
  );
}

/**
 * Publishes (or updates) one article: photos first, each recorded as soon as the portal has it,
 * then the article with the portal's photo URLs. Before updating a post this workstation
 * published, the portal's version is read and compared field by field with the base (issue 13):
 * fields changed only on the portal are taken into the desk first, fields changed on both sides
 * or a take-down on the portal stop the run for the user. "Keep mine" (`force_overwrite`) skips
 * the comparison once.
 */
export async function runPublish(item: SyncItemRow, context: RunContext): Promise<RunOutcome> {
  const { db, now, signal } = context;
  const adapter = context.connections.adapterFor(item.connection_id);
  let snapshot = parseSnapshot(item);
  const media = await uploadPhotos(item, snapshot, adapter, context);
  const total = media.size + 1;
  context.progress('uploading_article', media.size, total);
  let categoryId = await categoryFor(item, snapshot, context);
  const author = linkedAuthor(db, item.connection_id, item.article_id);
  const withAuthor = (built: ArticlePayload): ArticlePayload => ({
    ...built,
    ...(author !== undefined ? { authorAccount: author } : {}),
  });
  let payload = withAuthor(buildPayload(snapshot, media, categoryId, now()));
  const record = getSyncArticle(db, item.article_id, item.connection_id);
  const remoteId = record?.remote_id ?? null;
  if (remoteId !== null && item.force_overwrite === 0) {
    const theirs = await adapter.readArticle(remoteId, signal);
    context.reachable();
    const categories = context.connections.terms(item.connection_id).categories;
    const decision = decide({
      payload,
      theirs,
      record,
      base: getSyncBase(db, item.article_id, item.connection_id),
      categories,
    });
    if (decision.kind === 'conflict') {
      return {
        kind: 'conflict',
        conflict: {
          itemId: item.id,
          articleId: item.article_id,
          ...decision.conflict,
          detectedAt: now(),
        },
      };
    }
    if (decision.pull.length > 0 && theirs?.content) {
      const unknown = theirs.content.categoryIds.some(
        (id) => !categories.some((term) => term.remoteId === id),
      );
      const named =
        decision.pull.includes('category') && unknown
          ? (await context.connections.refreshTerms(item.connection_id)).terms.categories
          : categories;
      snapshot = context.takeIn({
        item,
        snapshot,
        theirs: theirs.content,
        fields: decision.pull,
        categories: named,
      });
      updateItem(db, item.id, {
        snapshot_json: JSON.stringify(snapshot),
        article_title: snapshot.title,
      });
      context.log('info', `Đã nhận từ cổng: ${fieldListVi(decision.pull)}.`);
      categoryId = await categoryFor(item, snapshot, context);
      payload = withAuthor(buildPayload(snapshot, media, categoryId, now()));
    }
  }
  signal.throwIfAborted();
  const knownNew = record === undefined;
  if (knownNew) markArticleAttempt(db, item.article_id, item.connection_id, now());
  const result = await adapter.putArticle({ ...payload, knownNew }, remoteId, signal);
  recordArticle(db, item.article_id, item.connection_id, result, now());
  if (result.content) {
    saveSyncBase(
      db,
      item.article_id,
      item.connection_id,
      { sent: canonicalFields(payloadContent(payload)), read: canonicalFields(result.content) },
      now(),
    );
  }
  context.reachable();
  context.log('info', {
    code: remoteId === null ? 'published' : 'updated',
    params: { url: result.url },
  });
  context.progress('uploading_article', total, total);
  return { kind: 'done' };
}

/** Unpublishes the article on the portal (nothing to do if it was never published there). */
export async function runTakedown(item: SyncItemRow, context: RunContext): Promise<RunOutcome> {
  const { db, now, signal } = context;
  const record = getSyncArticle(db, item.article_id, item.connection_id);
  context.progress('uploading_article', 0, 1);
  if (!record?.remote_id) {
    context.log('info', { code: 'nothingToTakeDown' });
    context.progress('uploading_article', 1, 1);
    return { kind: 'done' };
  }
  const adapter = context.connections.adapterFor(item.connection_id);
  await adapter.takeDown(record.remote_id, signal);
  const after = await adapter.readArticle(record.remote_id, signal);
  context.reachable();
  if (after) {
    recordArticle(db, item.article_id, item.connection_id, after, now());
    // The desk took it down: a later approval republishes without asking again.
    const base = getSyncBase(db, item.article_id, item.connection_id);
    if (base && after.content) {
      const read = { ...base.read, status: canonicalFields(after.content).status };
      saveSyncBase(db, item.article_id, item.connection_id, { sent: base.sent, read }, now());
    }
  }
  context.log('info', takenDownMessage(adapter.kind));
  context.progress('uploading_article', 1, 1);
  return { kind: 'done' };
}

/** The take-down line of the log, in the portal's own words. */
function takenDownMessage(kind: PortalAdapter['kind']): string {
  return kind === 'nukeviet'
    ? 'Đã gỡ bài khỏi cổng (bài chuyển sang «Ngưng hiệu lực» trên NukeViet).'
    : 'Đã gỡ bài khỏi cổng (bài chuyển sang chế độ riêng tư).';
}
