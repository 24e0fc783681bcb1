import { randomUUID } from 'node:crypto';

import type { Database } from 'better-sqlite3';

import { figureMediaPaths } from '../../../shared/domain/article';
import { AppError } from '../../../shared/errors/appError';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type {
  BundleImportReport,
  ImportOutcome,
  RefusedItem,
} from '../../../shared/workflow/handoff';
import type { ArticleRow } from '../db/queries/articles';
import { getArticle, insertArticle, updateArticleContent } from '../db/queries/articles';
import {
  authorExists,
  categoryExists,
  markUnverifiedCopy,
  setImportedWorkflow,
  unverifiedCopyWithHash,
} from '../db/queries/bundleImport';
import { addLineage, conflictCopies, lineageOf } from '../db/queries/workflow';
import { replaceUsage } from '../db/queries/photos';
import { parseStoredBody, toContent } from '../services/articleRows';
import type { Logger } from '../logging/logger';
import type { AuditService } from '../services/audit';
import type { RevisionsService } from '../services/revisions';
import { contentHash } from './contentHash';
import { rowContent } from './exportBundle';
import type { ArticlePayload } from './payload';
import type { Roster } from '../../../shared/newsroom/roster';
import { clearPendingEdit } from '../db/queries/signing';
import { statusLabels } from '../../../shared/workflow/roles';
import { mergeHistory } from './mergeHistory';
import { validate, writeMedia } from './readBundle';
import { mergeDirectory, mergePhotos, mergeRecipes } from './mergeLibrary';
import { verifyArticle } from './verifyArticle';
import {
  chainRelation,
  localIdsFromNames,
  localMember,
  localRecords,
  storeSignatures,
} from './verifyImport';

/**
 * The article columns for a version that came in a bundle: the save's own mapping (`toContent`:
 * NFC, slug cut to its limit), so an import stores fields exactly as a save would.
 */
function rowFrom(article: ArticlePayload['article'], id: string, title: string): ArticleRow {
  const content = toContent(
    { id, title, meta: article.meta, body: article.body },
    article.updatedAt,
  );
  return { ...content, status: article.status, version: 0, created_at: article.createdAt };
}

/**
 * Imports a bundle: checks everything first (container, checksums, names, every JSON entry),
 * writes the photo files, then merges in one transaction. Per article: new → inserted; ours
 * unchanged since a version they had → theirs replaces ours; same content → nothing; ours
 * already contains theirs → nothing; both edited → ours kept and theirs added as a conflict copy
 * linked to it. Comments, revisions and audit entries merge by their ids either way. User ids
 * are mapped to this workstation's accounts with the same sign-in name; none is ever created.
 */
export async function importBundle(deps: {
  db: Database;
  mediaDir: string;
  logger: Logger;
  now: () => number;
  audit: AuditService;
  revisions: RevisionsService;
  /** The newsroom's roster, which every signature is checked against (docs/signing.md). */
  roster?: { roster(): Roster | null; takeFromBundle(raw: unknown): number | null };
  user: SignedInUser;
  fileName: string;
  data: Buffer;
}): Promise<{ report: BundleImportReport; changed: Array<{ id: string; version: number }> }> {
  const { db, logger, now, user } = deps;
  const bundle = validate(deps.data);
  await writeMedia(deps.mediaDir, bundle.media);
  // A newer roster from this newsroom's authority travels with the work; it counts at once.
  const rosterUpdated = bundle.roster ? (deps.roster?.takeFromBundle(bundle.roster) ?? null) : null;
  const roster = deps.roster?.roster() ?? null;
  const trusted = localRecords(db);
  const from = bundle.manifest;
  const report: BundleImportReport = {
    from: {
      workstationId: from.workstationId,
      workstationName: from.workstationName,
      createdAt: from.createdAt,
      createdBy: from.createdBy,
    },
    articles: [],
    photosAdded: 0,
    commentsMerged: 0,
    auditAdded: 0,
    revisionsAdded: 0,
    recipesAdded: 0,
    refused: [],
    rosterUpdated,
  };
  const changed: Array<{ id: string; version: number }> = [];
  const at = now();

  const knownCategory = (id: string): boolean => categoryExists(db, id);
  const knownAuthor = (id: string): boolean => authorExists(db, id);
  const setWorkflow = (
    id: string,
    status: ArticlePayload['article']['status'],
    statusChangedAt: number | null,
    createdBy: string | null,
    createdByName: string,
    conflict: { of: string | null; from: string } = { of: null, from: '' },
  ): void =>
    setImportedWorkflow(db, {
      id,
      status,
      statusChangedAt,
      createdBy,
      createdByName,
      conflictOf: conflict.of,
      conflictFrom: conflict.from,
    });
  const mergeArticleHistory = (
    payload: ArticlePayload,
    articleId: string,
    revisionsTo: string,
    localUser: (userId: string) => string,
  ): void => {
    const counts = mergeHistory(db, payload, { articleId, revisionsTo }, localUser, true);
    report.revisionsAdded += counts.revisionsAdded;
    report.commentsMerged += counts.commentsMerged;
    report.auditAdded += counts.auditAdded;
  };

  /**
   * An article whose history did not verify: nothing of it is applied. Its content is kept as a
   * separate draft marked «chưa xác minh», owned by the importer, and the report says why.
   */
  const keepUnverified = (
    payload: ArticlePayload,
    problems: Array<Omit<RefusedItem, 'articleId' | 'title'>>,
  ): void => {
    const incoming = payload.article;
    const theirHash = payload.contentHash;
    const existing = unverifiedCopyWithHash(db, theirHash);
    const copyId = existing ?? randomUUID();
    if (!existing) {
      if (incoming.meta.categoryId && !knownCategory(incoming.meta.categoryId))
        incoming.meta = { ...incoming.meta, categoryId: null };
      if (incoming.meta.authorId && !knownAuthor(incoming.meta.authorId))
        incoming.meta = { ...incoming.meta, authorId: null };
      const title = `${incoming.title} (chưa xác minh, từ ${from.workstationName})`.slice(0, 500);
      insertArticle(db, { ...rowFrom(incoming, copyId, title), status: 'draft', updated_at: at });
      markUnverifiedCopy(db, { id: copyId, at, ownerId: user.id, ownerName: user.displayName });
      addLineage(db, copyId, [theirHash], at);
      deps.audit.record({
        articleId: copyId,
        action: 'import',
        user,
        note: `Bản chưa xác minh: gói từ máy «${from.workstationName}» không chứng minh được ai đã viết, sửa hoặc duyệt bài. Chỉ nội dung được giữ lại, thành bản nháp của ${user.displayName}.`,
        details: {
          fileName: deps.fileName.slice(0, 200),
          from: from.workstationName,
          outcome: 'unverified',
          original: incoming.id,
          theirStatus: incoming.status,
          refused: problems.length,
        },
      });
      changed.push({ id: copyId, version: 0 });
    }
    for (const problem of problems)
      report.refused.push({ articleId: incoming.id, title: incoming.title, ...problem });
    report.articles.push({
      articleId: incoming.id,
      title: incoming.title,
      outcome: 'unverified',
      conflictCopyId: null,
      unverifiedCopyId: copyId,
    });
  };

  const mergeArticle = (payload: ArticlePayload): void => {
    // Checked before anything of it is touched (the signed text is the text as it came).
    const verdict = verifyArticle(payload, roster, trusted);
    if (!verdict.ok) {
      keepUnverified(payload, verdict.problems);
      return;
    }
    const incoming = payload.article;
    // A category or author the bundle did not bring is dropped rather than left dangling.
    if (incoming.meta.categoryId && !knownCategory(incoming.meta.categoryId))
      incoming.meta = { ...incoming.meta, categoryId: null };
    if (incoming.meta.authorId && !knownAuthor(incoming.meta.authorId))
      incoming.meta = { ...incoming.meta, authorId: null };
    const theirHash = contentHash(incoming);
    // Their user ids, as this workstation's accounts of the same people: by the sign-in names
    // their signatures prove; the owner is the one the signed history names.
    const localUser = localIdsFromNames(db, roster, verdict.names);
    const owner = verdict.owner ? localMember(db, roster, verdict.owner) : undefined;
    const createdBy =
      owner?.id ?? (incoming.createdBy === null ? null : localUser(incoming.createdBy));
    const theirLineage = new Set([...payload.lineage, payload.contentHash, theirHash]);
    const local = getArticle(db, incoming.id);
    const relation = local ? chainRelation(db, local.id, verdict) : 'none';
    let outcome: ImportOutcome;
    let copyId: string | null = null;
    if (!local) {
      insertArticle(db, rowFrom(incoming, incoming.id, incoming.title));
      setWorkflow(
        incoming.id,
        incoming.status,
        incoming.statusChangedAt,
        createdBy,
        incoming.createdByName,
      );
      addLineage(db, incoming.id, theirLineage, at);
      storeSignatures(db, payload, verdict, true);
      mergeArticleHistory(payload, incoming.id, incoming.id, localUser);
      outcome = 'inserted';
      changed.push({ id: incoming.id, version: 0 });
    } else {
      const ourHash = contentHash(rowContent(local, logger));
      const ourLineage = lineageOf(db, local.id);
      if (ourHash === theirHash) {
        outcome = 'unchanged';
      } else if (
        relation === 'stale' &&
        !conflictCopies(db, local.id).some((id) => lineageOf(db, id).has(theirHash))
      ) {
        // An old bundle (replayed, or overtaken here): what it says is not applied.
        outcome = 'localNewer';
        if (incoming.status !== local.status) {
          report.refused.push({
            articleId: incoming.id,
            title: incoming.title,
            item: 'transition',
            itemId: null,
            reason: `Gói này cũ hơn những gì máy đã có: trạng thái «${statusLabels[incoming.status]}» trong gói không được áp dụng, bài giữ trạng thái «${statusLabels[local.status]}».`,
          });
        }
      } else if (relation !== 'diverged' && theirLineage.has(ourHash)) {
        // Ours is a version they had: theirs descends from it. Keep ours in the history first.
        deps.revisions.snapshot(local.id, 'workflow');
        const next = rowFrom(incoming, local.id, incoming.title);
        const updated = updateArticleContent(db, {
          ...next,
          updated_at: at,
          baseVersion: local.version,
        });
        if (!updated)
          throw new AppError('conflict', 'Bài vừa được sửa trong lúc nhập gói. Hãy nhập lại.');
        setWorkflow(
          local.id,
          incoming.status,
          incoming.statusChangedAt ?? at,
          createdBy,
          incoming.createdByName,
        );
        outcome = 'fastForwarded';
        clearPendingEdit(db, local.id);
        changed.push({ id: local.id, version: local.version + 1 });
      } else if (relation !== 'diverged' && ourLineage.has(theirHash)) {
        outcome = 'localNewer';
      } else {
        const existingCopy = conflictCopies(db, local.id).find((id) =>
          lineageOf(db, id).has(theirHash),
        );
        outcome = 'conflict';
        if (existingCopy) {
          copyId = existingCopy;
        } else {
          copyId = randomUUID();
          const title = `${incoming.title} (bản xung đột từ ${from.workstationName})`.slice(0, 500);
          insertArticle(db, {
            ...rowFrom(incoming, copyId, title),
            status: 'draft',
            updated_at: at,
          });
          setWorkflow(copyId, 'draft', at, createdBy, incoming.createdByName, {
            of: local.id,
            from: from.workstationName,
          });
          addLineage(db, copyId, theirLineage, at);
          for (const articleId of [local.id, copyId]) {
            deps.audit.record({
              articleId,
              action: 'conflict',
              user,
              note: `Cả hai máy đã sửa bài từ lần bàn giao trước. Bản của máy «${from.workstationName}» được lưu thành bản xung đột; bản trên máy này giữ nguyên.`,
              details: {
                original: local.id,
                copy: copyId,
                from: from.workstationName,
                theirStatus: incoming.status,
              },
            });
          }
          changed.push({ id: copyId, version: 0 });
        }
      }
      if (outcome !== 'conflict') addLineage(db, local.id, theirLineage, at);
      storeSignatures(
        db,
        payload,
        verdict,
        outcome === 'fastForwarded' || (outcome === 'unchanged' && relation === 'extends'),
      );
      mergeArticleHistory(
        payload,
        local.id,
        outcome === 'conflict' && copyId ? copyId : local.id,
        localUser,
      );
    }
    deps.audit.record({
      articleId: incoming.id,
      action: 'import',
      user,
      details: {
        fileName: deps.fileName.slice(0, 200),
        from: from.workstationName,
        outcome,
        conflictCopy: copyId,
      },
    });
    report.articles.push({
      articleId: incoming.id,
      title: incoming.title,
      outcome,
      conflictCopyId: copyId,
    });
  };

  db.transaction(() => {
    mergeDirectory(db, bundle.directory, at);
    const present = new Set(bundle.media.map((item) => item.mediaPath));
    report.photosAdded += mergePhotos(db, bundle.photos, present, at);
    report.recipesAdded += mergeRecipes(db, bundle.recipes, at);
    for (const payload of bundle.articles) mergeArticle(payload);
    // Which library photos each article uses (the photo desk's "used in" list).
    for (const item of report.articles) {
      const row = getArticle(db, item.conflictCopyId ?? item.articleId);
      if (row)
        replaceUsage(db, row.id, figureMediaPaths(parseStoredBody(row.body_json, row.id, logger)));
    }
  })();
  logger.info('bundle imported', {
    fileName: deps.fileName.slice(0, 200),
    from: from.workstationId,
    outcomes: report.articles.map((item) => item.outcome),
  });
  return { report, changed };
}
