import type { Database } from 'better-sqlite3';

import { AppError } from '../../../shared/errors/appError';
import { diffBlocks } from '../../../shared/revisions/diffText';
import type { SignedInUser } from '../../../shared/workflow/accounts';
import type { BundleImportReport, ConflictDiff } from '../../../shared/workflow/handoff';
import type { HandlersOf } from '../contract/dispatch';
import { requireUser } from '../contract/dispatch';
import { getArticle } from '../db/queries/articles';
import { getWorkflowRow } from '../db/queries/workflow';
import type { EventBus } from '../events/eventBus';
import type { LibraryPaths } from '../library/libraryPaths';
import type { Logger } from '../logging/logger';
import type { RosterService } from '../roster/rosterService';
import type { AuditService } from '../services/audit';
import type { RevisionsService } from '../services/revisions';
import type { SearchIndexer } from '../services/searchIndexer';
import type { PolicyService } from '../services/workflowPolicy';
import { exportBundle } from './exportBundle';
import { importBundle } from './importBundle';
import type { RecordSigner } from './recordSigner';

/** What the hand-off bundles need from the rest of the core. */
export interface BundleDeps {
  db: Database;
  events: EventBus;
  logger: Logger;
  now: () => number;
  paths: LibraryPaths;
  policy: PolicyService;
  audit: AuditService;
  revisions: RevisionsService;
  roster: RosterService;
  signer: RecordSigner;
  indexer: SearchIndexer;
}

/** The two versions of an article a conflicting import kept side by side, compared by block. */
function conflictDiff(db: Database, articleId: string): ConflictDiff {
  const row = getWorkflowRow(db, articleId);
  if (!row) throw new AppError('not_found', 'Không tìm thấy bản xung đột này.');
  if (!row.conflict_of) {
    throw new AppError(
      'invalid_input',
      'Bài này không phải bản xung đột nên không có gì để so sánh.',
    );
  }
  const original = getArticle(db, row.conflict_of);
  const copy = getArticle(db, articleId);
  if (!original || !copy) {
    throw new AppError('not_found', 'Không tìm thấy bài gốc của bản xung đột này.');
  }
  return {
    original: { id: original.id, title: original.title, version: original.version },
    copy: { id: copy.id, title: copy.title, version: copy.version },
    workstationName: row.conflict_from,
    rows: diffBlocks(original.body_text.split('\n'), copy.body_text.split('\n')),
    titleChanged: !copy.title.startsWith(original.title),
  };
}

/**
 * Imports a bundle's bytes as `user` (from `bundles.import` or a finished upload), then brings
 * the search index and the open screens up to date.
 */
export function createBundleImport(deps: BundleDeps) {
  return async (
    user: SignedInUser,
    fileName: string,
    data: Buffer,
  ): Promise<BundleImportReport> => {
    const { report, changed } = await importBundle({
      db: deps.db,
      mediaDir: deps.paths.media,
      logger: deps.logger.child('bundles'),
      now: deps.now,
      audit: deps.audit,
      revisions: deps.revisions,
      roster: deps.roster,
      user,
      fileName,
      data,
    });
    deps.indexer.schedule();
    for (const change of changed) deps.events.emit('articles.changed', change);
    return report;
  };
}

/** Binds hand-off bundles (docs/signing.md) to the contract, except the upload route. */
export function bundleHandlers(
  deps: BundleDeps,
  importData: ReturnType<typeof createBundleImport>,
): Omit<HandlersOf<'bundles'>, 'bundles.importUploaded'> {
  const { db } = deps;
  return {
    'bundles.export': (args, context) =>
      exportBundle({
        db,
        mediaDir: deps.paths.media,
        exportsDir: deps.paths.exports,
        policy: deps.policy,
        audit: deps.audit,
        logger: deps.logger.child('bundles'),
        now: deps.now,
        user: requireUser(context),
        signer: deps.signer,
        roster: deps.roster.roster(),
        articleIds: args.articleIds,
        includeData: args.includeData,
      }),
    'bundles.import': (args, context) =>
      importData(requireUser(context), args.fileName, Buffer.from(args.dataBase64, 'base64')),
    'bundles.conflictDiff': (args) => conflictDiff(db, args.articleId),
  };
}
