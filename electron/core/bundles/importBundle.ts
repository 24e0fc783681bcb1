import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

import type { Database } from 'better-sqlite3';
import type { z } from 'zod';

import { bodyWordCount, docToPlainText, figureMediaPaths } from '../../../shared/domain/article';
import { AppError } from '../../../shared/errors/appError';
import { recipeSchema } from '../../../shared/photos/recipe';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type {
  BundleImportReport,
  ImportOutcome,
  RefusedItem,
} from '../../../shared/workflow/handoff';
import type { ArticleRow } from '../db/queries/articles';
import { getArticle, insertArticle, updateArticleContent } from '../db/queries/articles';
import { insertAudit } from '../db/queries/audit';
import { mergeComment } from '../db/queries/comments';
import { addLineage, conflictCopies, lineageOf } from '../db/queries/workflow';
import { resolveMediaFile } from '../library/mediaFiles';
import { replaceUsage } from '../photos/library/queries';
import { parseStoredBody, toContent } from '../services/articleRows';
import type { Logger } from '../logging/logger';
import type { AuditService } from '../services/audit';
import type { RevisionsService } from '../services/revisions';
import { decodeBundle } from './container';
import { contentHash } from './contentHash';
import { rowContent } from './exportBundle';
import type { ArticlePayload } from './payload';
import { articlePayload, directoryPayload, photosPayload, recipesPayload } from './payload';
import type { Roster } from '../../../shared/newsroom/roster';
import { clearPendingEdit } from '../db/queries/signing';
import { statusLabels } from '../../../shared/workflow/roles';
import { verifyArticle } from './verifyArticle';
import {
  chainRelation,
  localIdsFromNames,
  localMember,
  localRecords,
  storeRecordSignature,
  storeSignatures,
} from './verifyImport';

const refuse = (detail: string): AppError =>
  new AppError('invalid_input', `${detail} Không có gì được nhập vào thư viện.`);

function isBodyProblem(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && typeof issue.params?.kind === 'string';
}

function parseEntry<T>(entries: Map<string, Buffer>, name: string, schema: z.ZodType<T>): T | null {
  const data = entries.get(name);
  if (!data) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (result.success) return result.data;
  // A body this editor cannot read (e.g. from a newer Newsdesk): say which type it is.
  const body = result.error.issues.find((issue) => isBodyProblem(issue));
  if (body) throw refuse(`Bài trong mục «${name}» của gói: ${body.message}`);
  throw refuse(
    `Mục «${name}» trong gói không đúng cấu trúc, có thể do phiên bản khác tạo ra hoặc đã bị sửa.`,
  );
}

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

/** Everything checked and parsed, before any write. */
interface ValidBundle {
  manifest: ReturnType<typeof decodeBundle>['manifest'];
  articles: ArticlePayload[];
  media: Array<{ mediaPath: string; data: Buffer }>;
  photos: z.infer<typeof photosPayload>;
  directory: z.infer<typeof directoryPayload>;
  recipes: z.infer<typeof recipesPayload>;
  /** The sender's roster, as it came (checked by the roster service). */
  roster: unknown;
}

function validate(data: Buffer): ValidBundle {
  const { manifest, entries } = decodeBundle(data);
  const articles: ArticlePayload[] = [];
  const media: ValidBundle['media'] = [];
  for (const [name, bytes] of entries) {
    if (name.startsWith('media/')) {
      const mediaPath = name.slice('media/'.length);
      const sha = createHash('sha256').update(bytes).digest('hex');
      // Originals are content-addressed: the name must be the bytes' own hash.
      if (!mediaPath.includes(`/${sha}.`)) {
        throw refuse(`Ảnh «${mediaPath}» trong gói không khớp tên với nội dung của nó.`);
      }
      media.push({ mediaPath, data: bytes });
    } else if (name.startsWith('articles/')) {
      const payload = parseEntry(entries, name, articlePayload);
      if (!payload || name !== `articles/${payload.article.id}.json`) {
        throw refuse(`Mục «${name}» trong gói không khớp với bài viết bên trong.`);
      }
      if (contentHash(payload.article) !== payload.contentHash) {
        throw refuse(
          `Nội dung bài «${payload.article.title.slice(0, 60)}» không khớp mã kiểm tra của nó.`,
        );
      }
      articles.push(payload);
    }
  }
  const ids = new Set(articles.map((payload) => payload.article.id));
  if (articles.length === 0 || manifest.articleIds.some((id) => !ids.has(id))) {
    throw refuse('Gói không chứa đủ các bài viết mà mục lục liệt kê.');
  }
  return {
    manifest,
    articles,
    media,
    photos: parseEntry(entries, 'photos.json', photosPayload) ?? [],
    directory: parseEntry(entries, 'directory.json', directoryPayload) ?? {
      authors: [],
      categories: [],
    },
    recipes: parseEntry(entries, 'recipes.json', recipesPayload) ?? [],
    roster: rosterEntry(entries),
  };
}

/** The roster a bundle carries, parsed as JSON only (its signature is checked on taking it). */
function rosterEntry(entries: Map<string, Buffer>): unknown {
  const data = entries.get('roster.json');
  if (!data) return null;
  try {
    return JSON.parse(data.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Writes the originals a bundle brings (content-addressed: an existing file is the same file). */
async function writeMedia(mediaDir: string, media: ValidBundle['media']): Promise<void> {
  for (const item of media) {
    const target = resolveMediaFile(mediaDir, item.mediaPath);
    if (!target) throw refuse(`Đường dẫn ảnh «${item.mediaPath}» trỏ ra ngoài thư viện.`);
    try {
      await fs.access(target);
      continue;
    } catch {
      // Not there yet.
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    await fs.writeFile(temp, item.data);
    await fs.rename(temp, target);
  }
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

  const mergeDirectory = (): void => {
    const insertAuthor = db.prepare(
      'INSERT OR IGNORE INTO authors (id, name, position, created_at) VALUES (?, ?, ?, ?)',
    );
    for (const author of bundle.directory.authors)
      insertAuthor.run(
        author.id,
        author.name.normalize('NFC'),
        author.position.normalize('NFC'),
        at,
      );
    const insertCategory = db.prepare(
      'INSERT OR IGNORE INTO categories (id, parent_id, title, alias, sort) VALUES (?, NULL, ?, ?, 0)',
    );
    const linkParent = db.prepare(
      `UPDATE categories SET parent_id = ? WHERE id = ? AND parent_id IS NULL
       AND EXISTS (SELECT 1 FROM categories WHERE id = ?)`,
    );
    const added: typeof bundle.directory.categories = [];
    for (const category of bundle.directory.categories) {
      if (insertCategory.run(category.id, category.title, category.alias).changes === 1)
        added.push(category);
    }
    for (const category of added)
      if (category.parentId) linkParent.run(category.parentId, category.id, category.parentId);
  };

  const mergePhotos = (): void => {
    const insert = db.prepare(
      `INSERT OR IGNORE INTO photos (id, sha256, media_path, original_name, bytes, format, width,
         height, orientation, capture_time, camera, has_gps, caption, caption_missing, byline,
         credit, copyright, dhash, event, imported_at, updated_at)
       VALUES (@id, @sha256, @mediaPath, @originalName, @bytes, @format, @width, @height,
         @orientation, @captureTime, @camera, @hasGps, @caption, @captionMissing, @byline, @credit,
         @copyright, @dhash, @event, @importedAt, @updatedAt)`,
    );
    const present = new Set(bundle.media.map((item) => item.mediaPath));
    for (const photo of bundle.photos) {
      if (!present.has(photo.mediaPath)) continue;
      const known = db.prepare('SELECT 1 FROM photos WHERE sha256 = ?').get(photo.sha256);
      if (known) continue;
      const idTaken = db.prepare('SELECT 1 FROM photos WHERE id = ?').get(photo.id);
      const result = insert.run({
        ...photo,
        id: idTaken ? randomUUID() : photo.id,
        hasGps: photo.hasGps ? 1 : 0,
        captionMissing: photo.captionMissing ? 1 : 0,
        importedAt: at,
        updatedAt: at,
      });
      report.photosAdded += result.changes;
    }
  };

  const mergeRecipes = (): void => {
    const names = new Set(
      (db.prepare('SELECT name FROM recipes').all() as Array<{ name: string }>).map(
        (row) => row.name,
      ),
    );
    for (const item of bundle.recipes) {
      const parsed = recipeSchema.safeParse(item.recipe);
      if (
        !parsed.success ||
        names.has(item.name) ||
        parsed.data.watermark ||
        parsed.data.textOverlay?.fontFile
      )
        continue;
      db.prepare(
        'INSERT INTO recipes (id, name, recipe_json, is_default, updated_at) VALUES (?, ?, ?, 0, ?)',
      ).run(randomUUID(), item.name, JSON.stringify(parsed.data), at);
      names.add(item.name);
      report.recipesAdded += 1;
    }
  };

  const knownCategory = db.prepare('SELECT 1 FROM categories WHERE id = ?');
  const knownAuthor = db.prepare('SELECT 1 FROM authors WHERE id = ?');
  const setWorkflow = db.prepare(
    `UPDATE articles SET status = ?, status_changed_at = ?, created_by = coalesce(created_by, ?),
       created_by_name = CASE WHEN created_by_name = '' THEN ? ELSE created_by_name END,
       conflict_of = ?, conflict_from = ?
     WHERE id = ?`,
  );
  const revisionKnown = db.prepare('SELECT 1 FROM revisions WHERE global_id = ?');
  const insertRevision = db.prepare(
    `INSERT INTO revisions (article_id, created_at, reason, article_version, title, meta_json,
       body_json, body_text, word_count, global_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const mergeHistory = (
    payload: ArticlePayload,
    articleId: string,
    revisionsTo: string,
    localUser: (userId: string) => string,
    /** The records are verified and stay on their own article: keep their signatures. */
    signed: boolean,
  ): void => {
    for (const revision of payload.revisions) {
      if (signed && revisionsTo === articleId)
        storeRecordSignature(db, 'revision', revision.globalId, articleId, revision.sig);
      if (revisionKnown.get(revision.globalId)) continue;
      const bodyText = docToPlainText(revision.body);
      insertRevision.run(
        revisionsTo,
        revision.createdAt,
        revision.reason,
        revision.articleVersion,
        revision.title,
        JSON.stringify(revision.meta),
        JSON.stringify(revision.body),
        bodyText,
        bodyWordCount(revision.body),
        revision.globalId,
      );
      report.revisionsAdded += 1;
    }
    for (const comment of payload.comments) {
      const merged = mergeComment(db, {
        id: comment.id,
        article_id: articleId,
        kind: comment.kind,
        body: comment.body,
        author_id: localUser(comment.authorId),
        author_name: comment.authorName,
        original_quote: comment.originalQuote,
        quote: comment.quote,
        prefix: comment.prefix,
        suffix: comment.suffix,
        anchor_from: comment.anchorFrom,
        anchor_to: comment.anchorTo,
        anchor_offset: comment.anchorOffset,
        created_at: comment.createdAt,
        updated_at: comment.updatedAt,
        resolved_at: comment.resolvedAt,
        resolved_by: comment.resolvedBy === null ? null : localUser(comment.resolvedBy),
        resolved_by_name: comment.resolvedByName,
        deleted_at: comment.deletedAt,
      });
      if (signed) storeRecordSignature(db, 'comment', comment.id, articleId, comment.sig);
      if (merged && signed)
        storeRecordSignature(db, 'commentState', comment.id, articleId, comment.stateSig);
      if (merged) report.commentsMerged += 1;
    }
    for (const entry of payload.audit) {
      const added = insertAudit(db, {
        id: entry.id,
        article_id: articleId,
        at: entry.at,
        action: entry.action,
        transition: entry.transition,
        from_status: entry.fromStatus,
        to_status: entry.toStatus,
        user_id: entry.userId === null ? null : localUser(entry.userId),
        user_name: entry.userName,
        user_role: entry.userRole,
        note: entry.note,
        workstation_id: entry.workstationId,
        workstation_name: entry.workstationName,
        details_json: JSON.stringify(entry.details),
      });
      if (added) report.auditAdded += 1;
    }
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
    const existing = db
      .prepare(
        `SELECT a.id FROM articles a JOIN article_lineage l ON l.article_id = a.id
         WHERE a.unverified = 1 AND l.content_hash = ? LIMIT 1`,
      )
      .get(theirHash) as { id: string } | undefined;
    const copyId = existing?.id ?? randomUUID();
    if (!existing) {
      if (incoming.meta.categoryId && !knownCategory.get(incoming.meta.categoryId))
        incoming.meta = { ...incoming.meta, categoryId: null };
      if (incoming.meta.authorId && !knownAuthor.get(incoming.meta.authorId))
        incoming.meta = { ...incoming.meta, authorId: null };
      const title = `${incoming.title} (chưa xác minh, từ ${from.workstationName})`.slice(0, 500);
      insertArticle(db, { ...rowFrom(incoming, copyId, title), status: 'draft', updated_at: at });
      db.prepare(
        `UPDATE articles SET status = 'draft', status_changed_at = ?, created_by = ?,
           created_by_name = ?, unverified = 1 WHERE id = ?`,
      ).run(at, user.id, user.displayName, copyId);
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
    if (incoming.meta.categoryId && !knownCategory.get(incoming.meta.categoryId))
      incoming.meta = { ...incoming.meta, categoryId: null };
    if (incoming.meta.authorId && !knownAuthor.get(incoming.meta.authorId))
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
      setWorkflow.run(
        incoming.status,
        incoming.statusChangedAt,
        createdBy,
        incoming.createdByName,
        null,
        '',
        incoming.id,
      );
      addLineage(db, incoming.id, theirLineage, at);
      storeSignatures(db, payload, verdict, true);
      mergeHistory(payload, incoming.id, incoming.id, localUser, true);
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
        setWorkflow.run(
          incoming.status,
          incoming.statusChangedAt ?? at,
          createdBy,
          incoming.createdByName,
          null,
          '',
          local.id,
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
          setWorkflow.run(
            'draft',
            at,
            createdBy,
            incoming.createdByName,
            local.id,
            from.workstationName,
            copyId,
          );
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
      mergeHistory(
        payload,
        local.id,
        outcome === 'conflict' && copyId ? copyId : local.id,
        localUser,
        true,
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
    mergeDirectory();
    mergePhotos();
    mergeRecipes();
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
