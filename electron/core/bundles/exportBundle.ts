import fs from 'node:fs/promises';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import { figureMediaPaths } from '../../../shared/domain/article';
import { AppError } from '../../../shared/errors/appError';
import { slugify } from '../../../shared/vietnamese/slug';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type { BundleExport } from '../../../shared/workflow/handoff';
import { bundleExtension } from '../../../shared/workflow/handoff';
import { listAuthors, listCategories } from '../db/queries/directory';
import type { ArticleRow } from '../db/queries/articles';
import { getArticle } from '../db/queries/articles';
import { listAudit } from '../db/queries/audit';
import { listComments } from '../db/queries/comments';
import { addLineage, lineageOf } from '../db/queries/workflow';
import { getDefaultRecipe } from '../db/queries/recipes';
import { resolveMediaFile } from '../library/mediaFiles';
import type { Logger } from '../logging/logger';
import { parseStoredBody, rowToMeta } from '../services/articleRows';
import type { AuditService } from '../services/audit';
import type { PolicyService } from '../services/workflowPolicy';
import type { BundleEntry } from './container';
import { encodeBundle, mediaPathPattern } from './container';
import { contentHash } from './contentHash';
import type { ArticlePayload } from './payload';
import { usersFor } from './people';
import type { PhotoRow } from '../db/queries/photos';
import type { Roster } from '../../../shared/newsroom/roster';
import type { RecordSigner } from './recordSigner';
import { signaturesFor } from './signedPayload';

interface RevisionExportRow {
  global_id: string | null;
  created_at: number;
  reason: string;
  article_version: number;
  title: string;
  meta_json: string;
  body_json: string;
}

/** A library photo row as exported (the columns migration 0060 defines). */
type PhotoExportRow = Omit<PhotoRow, 'updated_at' | 'focal_x' | 'focal_y'>;

/** The current content of an article row, as the hand-off hash sees it. */
export function rowContent(row: ArticleRow, logger: Logger) {
  return {
    title: row.title,
    meta: rowToMeta(row),
    body: parseStoredBody(row.body_json, row.id, logger),
    status: row.status,
  };
}

function articleEntry(db: Database, row: ArticleRow, logger: Logger, at: number): ArticlePayload {
  const content = rowContent(row, logger);
  const hash = contentHash(content);
  // The version handed off is a common point both sides can later recognise.
  addLineage(db, row.id, [hash], at);
  const workflow = db
    .prepare('SELECT created_by, created_by_name, status_changed_at FROM articles WHERE id = ?')
    .get(row.id) as {
    created_by: string | null;
    created_by_name: string;
    status_changed_at: number | null;
  };
  const revisions = db
    .prepare(
      `SELECT global_id, created_at, reason, article_version, title, meta_json, body_json
       FROM revisions WHERE article_id = ? ORDER BY id`,
    )
    .all(row.id) as RevisionExportRow[];
  const payload: Omit<ArticlePayload, 'users'> = {
    article: {
      id: row.id,
      title: content.title,
      status: content.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      createdBy: workflow.created_by,
      createdByName: workflow.created_by_name,
      statusChangedAt: workflow.status_changed_at,
      meta: content.meta,
      body: content.body,
    },
    contentHash: hash,
    lineage: [...lineageOf(db, row.id)],
    revisions: revisions.flatMap((revision) => {
      try {
        return [
          {
            globalId: revision.global_id ?? `${row.id}:${revision.created_at}`,
            createdAt: revision.created_at,
            reason: revision.reason,
            articleVersion: revision.article_version,
            title: revision.title,
            meta: JSON.parse(revision.meta_json) as Record<string, unknown>,
            body: JSON.parse(revision.body_json) as ArticlePayload['article']['body'],
          },
        ];
      } catch {
        logger.warn('damaged revision left out of a bundle', { articleId: row.id });
        return [];
      }
    }),
    comments: listComments(db, row.id, { withDeleted: true }).map((comment) => ({
      id: comment.id,
      kind: comment.kind,
      body: comment.body,
      authorId: comment.author_id,
      authorName: comment.author_name,
      originalQuote: comment.original_quote,
      quote: comment.quote,
      prefix: comment.prefix,
      suffix: comment.suffix,
      anchorFrom: comment.anchor_from,
      anchorTo: comment.anchor_to,
      anchorOffset: comment.anchor_offset,
      createdAt: comment.created_at,
      updatedAt: comment.updated_at,
      resolvedAt: comment.resolved_at,
      resolvedBy: comment.resolved_by,
      resolvedByName: comment.resolved_by_name,
      deletedAt: comment.deleted_at,
    })),
    audit: listAudit(db, row.id)
      .reverse()
      .map((entry) => ({
        id: entry.id,
        at: entry.at,
        action: entry.action,
        transition: entry.transition,
        fromStatus: entry.from_status,
        toStatus: entry.to_status,
        userId: entry.user_id,
        userName: entry.user_name,
        userRole: entry.user_role,
        note: entry.note,
        workstationId: entry.workstation_id,
        workstationName: entry.workstation_name,
        details: JSON.parse(entry.details_json) as Record<string, string | number | boolean | null>,
      })),
  };
  // The accounts behind the ids, so the other workstation can recognise the same people; the
  // signatures and the audit chain, so it can check who really did what.
  return signaturesFor(db, { ...payload, users: usersFor(db, payload) });
}

/** Recipes that processed these photos, plus the default recipe the portal copies use. */
function recipesFor(
  db: Database,
  mediaDir: string,
  mediaPaths: string[],
): Array<{ name: string; recipe: unknown }> {
  const found = new Map<string, unknown>();
  const fallback = getDefaultRecipe(db);
  if (fallback) found.set(fallback.name, JSON.parse(fallback.recipe_json));
  const inputs = mediaPaths.map((mediaPath) => path.join(mediaDir, mediaPath));
  const rows = db
    .prepare(
      `SELECT DISTINCT j.recipe_json FROM photo_jobs j JOIN photo_job_items i ON i.job_id = j.id
       WHERE i.input_path IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(inputs)) as Array<{ recipe_json: string }>;
  for (const row of rows) {
    try {
      const recipe = JSON.parse(row.recipe_json) as { name?: unknown };
      if (typeof recipe.name === 'string' && !found.has(recipe.name))
        found.set(recipe.name, recipe);
    } catch {
      // A damaged job row says nothing useful about recipes.
    }
  }
  // Logos and fonts are files on this computer: the other workstation picks its own.
  return [...found].map(([name, recipe]) => {
    const { watermark: _watermark, textOverlay, ...rest } = recipe as Record<string, unknown>;
    const overlay =
      typeof textOverlay === 'object' && textOverlay !== null
        ? Object.fromEntries(Object.entries(textOverlay).filter(([key]) => key !== 'fontFile'))
        : undefined;
    return { name, recipe: overlay ? { ...rest, textOverlay: overlay } : rest };
  });
}

/**
 * Writes one bundle with the articles, their revisions, comments, audit trail, photos (originals
 * and records), the author profiles and categories they point to and the recipes used, into the
 * library's `exports/` folder. The export itself is recorded in each article's audit trail.
 */
export async function exportBundle(deps: {
  db: Database;
  mediaDir: string;
  exportsDir: string;
  policy: PolicyService;
  audit: AuditService;
  logger: Logger;
  now: () => number;
  user: SignedInUser;
  /** Signs the exporter's statement about the text when no save has (docs/signing.md). */
  signer?: RecordSigner;
  /** The newsroom's roster, carried along so newer rosters spread with the work. */
  roster?: Roster | null;
  articleIds: string[];
  includeData: boolean;
}): Promise<BundleExport> {
  const { db, logger, user } = deps;
  const ids = [...new Set(deps.articleIds)];
  const rows = ids.map((id) => {
    const row = getArticle(db, id);
    if (!row)
      throw new AppError(
        'not_found',
        'Không tìm thấy một trong các bài cần xuất. Hãy tải lại danh sách rồi chọn lại.',
      );
    return row;
  });
  const at = deps.now();
  const day = new Date(at + 7 * 3600_000).toISOString().slice(0, 10);
  const stem = `${day}-${slugify(rows[0]?.title ?? '').slice(0, 60) || 'bai-viet'}${rows.length > 1 ? `-va-${rows.length - 1}-bai` : ''}`;
  await fs.mkdir(deps.exportsDir, { recursive: true });
  let fileName = `${stem}${bundleExtension}`;
  for (let n = 2; await exists(path.join(deps.exportsDir, fileName)); n += 1)
    fileName = `${stem}-${n}${bundleExtension}`;

  const payloads = db.transaction(() => {
    for (const row of rows) {
      // Text no save has vouched for (e.g. from before signing) is vouched for by the exporter;
      // the other side still checks that they may edit it.
      if (deps.signer && !deps.signer.textIsChained(row.id)) deps.signer.afterEdit(row.id);
      deps.audit.record({ articleId: row.id, action: 'export', user, details: { fileName } });
    }
    return rows.map((row) => articleEntry(db, row, logger, at));
  })();

  const mediaPaths = new Set<string>();
  for (const payload of payloads) {
    for (const mediaPath of figureMediaPaths(payload.article.body)) mediaPaths.add(mediaPath);
    const featured = payload.article.meta.featuredImage;
    if (featured) mediaPaths.add(featured.mediaPath);
  }
  const entries: BundleEntry[] = payloads.map((payload) => ({
    name: `articles/${payload.article.id}.json`,
    data: Buffer.from(JSON.stringify(payload), 'utf8'),
  }));
  const included: string[] = [];
  for (const mediaPath of mediaPaths) {
    const file = resolveMediaFile(deps.mediaDir, mediaPath);
    if (!mediaPathPattern.test(mediaPath) || !file) continue;
    try {
      entries.push({ name: `media/${mediaPath}`, data: await fs.readFile(file) });
      included.push(mediaPath);
    } catch (error) {
      logger.warn('photo missing from a bundle', { mediaPath, error });
    }
  }
  const photoRows = db
    .prepare(`SELECT * FROM photos WHERE media_path IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(included)) as PhotoExportRow[];
  entries.push({
    name: 'photos.json',
    data: Buffer.from(
      JSON.stringify(
        photoRows.map((photo) => ({
          id: photo.id,
          sha256: photo.sha256,
          mediaPath: photo.media_path,
          originalName: photo.original_name,
          bytes: photo.bytes,
          format: photo.format,
          width: photo.width,
          height: photo.height,
          orientation: photo.orientation,
          captureTime: photo.capture_time,
          camera: photo.camera,
          hasGps: photo.has_gps === 1,
          caption: photo.caption,
          captionMissing: photo.caption_missing === 1,
          byline: photo.byline,
          credit: photo.credit,
          copyright: photo.copyright,
          dhash: photo.dhash,
          event: photo.event,
          importedAt: photo.imported_at,
        })),
      ),
    ),
  });
  const authorIds = new Set(payloads.map((payload) => payload.article.meta.authorId));
  const categoryIds = new Set(payloads.map((payload) => payload.article.meta.categoryId));
  const categories = listCategories(db);
  // Parents travel too, so the category tree is whole on the other side.
  for (let grew = true; grew;) {
    grew = false;
    for (const category of categories) {
      if (
        categoryIds.has(category.id) &&
        category.parentId &&
        !categoryIds.has(category.parentId)
      ) {
        categoryIds.add(category.parentId);
        grew = true;
      }
    }
  }
  entries.push({
    name: 'directory.json',
    data: Buffer.from(
      JSON.stringify({
        authors: listAuthors(db).filter((author) => authorIds.has(author.id)),
        categories: categories.filter((category) => categoryIds.has(category.id)),
      }),
    ),
  });
  entries.push({
    name: 'recipes.json',
    data: Buffer.from(JSON.stringify(recipesFor(db, deps.mediaDir, included))),
  });

  if (deps.roster) {
    entries.push({ name: 'roster.json', data: Buffer.from(JSON.stringify(deps.roster)) });
  }
  const policy = deps.policy.get();
  const bundle = encodeBundle(
    {
      workstationId: policy.workstationId,
      workstationName: policy.workstationName,
      createdAt: at,
      createdBy: user.displayName,
      articleIds: ids,
    },
    entries,
  );
  const target = path.join(deps.exportsDir, fileName);
  const temp = `${target}.${process.pid}.tmp`;
  await fs.writeFile(temp, bundle);
  await fs.rename(temp, target);
  logger.info('bundle exported', { fileName, articles: ids.length, photos: included.length });
  return {
    fileName,
    path: target,
    bytes: bundle.length,
    articleCount: ids.length,
    photoCount: included.length,
    ...(deps.includeData ? { dataBase64: bundle.toString('base64') } : {}),
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
