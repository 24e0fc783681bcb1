import fs from 'node:fs';
import path from 'node:path';

import type { HostCallName } from '../../../shared/contract/recoveryCalls';
import { fail } from '../../../shared/contract/result';
import { defaultMessages } from '../../../shared/errors/appError';
import type { ScryptParams } from '../auth/password';
import { bundleHandlers, createBundleImport } from '../bundles/bundleHandlers';
import type { Dispatch, Handlers } from '../contract/dispatch';
import { createDispatch } from '../contract/dispatch';
import { openDatabase } from '../db/open';
import { countUsers } from '../db/queries/users';
import type { EventBus } from '../events/eventBus';
import { createEventBus } from '../events/eventBus';
import { lockedMessage, readHolder, writeHolder } from '../library/libraryHolder';
import type { LibraryPaths } from '../library/libraryPaths';
import { libraryPaths } from '../library/libraryPaths';
import type { Logger } from '../logging/logger';
import { createFileLogger } from '../logging/logger';
import { createPhotoSearchDesk } from './photoSearchDesk';
import type { SecretBox } from '../portal/secretBox';
import { createMemorySecretBox } from '../portal/secretBox';
import { hostCallsWithoutHost, importLibraryThroughHost } from '../recovery/hostHandlers';
import type { LibraryGuard } from '../recovery/libraryGuard';
import { createLibraryGuard } from '../recovery/libraryGuard';
import { rosterHandlers } from '../roster/rosterHandlers';
import { accountHandlers } from '../services/accountHandlers';
import { createArticleEditing } from '../services/articleEditing';
import { articleHandlers } from '../services/articleHandlers';
import { createArticleOutputs } from '../services/articleOutputs';
import { createArticlesService } from '../services/articles';
import type { AuditService } from '../services/audit';
import { auditHandlers } from '../services/audit';
import { commentHandlers } from '../services/commentHandlers';
import { createDirectoryService, directoryHandlers } from '../services/directory';
import { leaseHandlers } from '../services/leases';
import { createMediaService, mediaHandlers } from '../services/media';
import { createPublishing } from '../services/publishing';
import { createRevisionsService } from '../services/revisions';
import { createSearchIndexer } from '../services/searchIndexer';
import { createSettingsService, settingsHandlers } from '../services/settings';
import { workflowHandlers } from '../services/workflowHandlers';
import { portalLinkHandlers } from '../sync/portalLinkHandlers';
import { syncHandlers } from '../sync/syncHandlers';
import type { SyncOptions, SyncService } from '../sync/syncService';
import { createSyncService } from '../sync/syncService';
import { createTakeIn } from '../sync/takeIn';
import { assembleHandlers } from './assembleHandlers';
import { diagnosticsHandlers } from './diagnostics';
import { createPhotoDesk } from './photoDesk';
import { createUploadDesk } from './uploadDesk';
import { createWorkflowDesk } from './workflowDesk';
import type { LibraryImportReport } from '../../../shared/contract/libraryMoveCalls';

/**
 * The source tree's `resources` folder, found from this module's folder upwards, so tests and the
 * browser shell (out/main/web.js) need no option; the packaged desktop app passes its own.
 */
function defaultResourcesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i += 1) {
    const candidate = path.join(dir, 'resources', 'fonts');
    if (fs.existsSync(candidate)) return path.dirname(candidate);
    dir = path.dirname(dir);
  }
  return path.resolve('resources');
}

/** What a shell tells the core about itself. */
export interface CoreOptions {
  dataDir: string;
  shell: 'desktop' | 'browser';
  appVersion: string;
  /** The photo worker's script: the bundled `photoWorker.js` next to the shell's entry. */
  photoWorkerUrl: URL | string;
  /** The app's `resources` folder (fonts, connectors); defaults to the one in the source tree. */
  resourcesDir?: string;
  /** Extra versions the shell knows (Electron, Chromium). */
  versions?: Record<string, string>;
  logger?: Logger;
  now?: () => number;
  /** Cost of new password hashes; only tests that open hundreds of libraries lower it. */
  passwordCost?: ScryptParams;
  /**
   * Seals portal secrets: the desktop shell passes one on safeStorage; without it secrets stay
   * in memory for this run only (the browser shell), never written in clear.
   */
  secretBox?: SecretBox;
  /** Outbox tuning (tests and the benchmark shorten waits, add a request meter). */
  sync?: SyncOptions;
  /**
   * Set by the library host (`recovery/libraryHost.ts`): its event bus (kept across a restore),
   * its recovery calls, the start-up check time, the backup timer, and what to do when SQLite
   * reports the file damaged while the app runs.
   */
  host?: {
    events: EventBus;
    handlers: Pick<Handlers, HostCallName>;
    checkedAt: number | null;
    scheduleBackups: boolean;
    onDamaged(detail: string): void;
    /** Replaces the library by a `.ndlibrary` file and reopens it (moving to a new PC). */
    importLibrary?(file: string): Promise<LibraryImportReport>;
  };
}

/** The running application core: one per library, shared by whichever shell hosts it. */
export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  paths: LibraryPaths;
  logger: Logger;
  /** The portal outbox; the workflow enqueues approved articles with `sync.enqueue`. */
  sync: SyncService;
  /** The append-only audit trail, for records made outside a contract call (sync runs). */
  audit: AuditService;
  /** Automatic backups and the commit mark (issue 11). */
  guard: LibraryGuard;
  /**
   * Finishes photo work in flight, takes the quit backup (unless `backup: false`, for a library
   * found damaged), then closes the library.
   */
  close(options?: { backup?: boolean }): Promise<void>;
}

/**
 * Opens a library, builds the services and assembles the domains' handlers into one dispatch
 * (the composition root: no use case lives here; see docs/ARCHITECTURE.md). Both shells call
 * this and nothing else, so the desktop app and the browser shell behave the same.
 */
export function createCore(options: CoreOptions): Core {
  const paths = libraryPaths(options.dataDir);
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  fs.mkdirSync(paths.media, { recursive: true });
  const logger =
    options.logger ?? createFileLogger({ dir: paths.logs, echo: options.shell === 'browser' });
  const now = options.now ?? Date.now;
  const { db, schemaVersion } = openDatabase(paths.database, {
    lockedMessage: lockedMessage(readHolder(paths.holder)),
  });
  writeHolder(paths.holder, { pid: process.pid, shell: options.shell, since: now() });
  logger.info('library opened', { dataDir: paths.dataDir, schemaVersion, shell: options.shell });

  const guard = createLibraryGuard({
    db,
    paths,
    logger: logger.child('recovery'),
    now,
    checkedAt: options.host?.checkedAt ?? null,
    schedule: options.host?.scheduleBackups ?? false,
  });
  const events = options.host?.events ?? createEventBus();
  const indexer = createSearchIndexer({ db, logger: logger.child('search') });
  const revisions = createRevisionsService({
    db,
    events,
    logger: logger.child('revisions'),
    now,
    onContentChanged: () => indexer.schedule(),
  });
  const articles = createArticlesService({
    db,
    events,
    logger: logger.child('articles'),
    now,
    revisions,
    indexer,
  });
  // Catch up on anything a crash left unindexed, once start-up is done.
  indexer.schedule();
  const directory = createDirectoryService({ db, now });
  const settings = createSettingsService(db);
  const media = createMediaService({ mediaDir: paths.media, logger: logger.child('media') });
  const photoDesk = createPhotoDesk({
    db,
    events,
    logger,
    now,
    mediaDir: paths.media,
    outputsDir: paths.outputs,
    workerUrl: options.photoWorkerUrl,
    fontFile: path.join(resourcesDir, 'fonts', 'BeVietnamPro-SemiBold.ttf'),
  });
  const desk = createWorkflowDesk({
    db,
    events,
    logger,
    now,
    paths,
    articles,
    revisions,
    ...(options.passwordCost ? { scrypt: options.passwordCost } : {}),
  });
  const outputs = createArticleOutputs({
    articles,
    directory,
    paths,
    publishRecipe: () => photoDesk.resolveRecipe(),
  });
  const editing = createArticleEditing({
    db,
    articles,
    revisions,
    workflow: desk.workflow,
    leases: desk.leases,
    signer: desk.signer,
    audit: desk.audit,
    recordPhotoUsage: (articleId, mediaPaths) => photoDesk.recordUsage(articleId, mediaPaths),
  });
  const sync = createSyncService({
    db,
    now,
    logger,
    events,
    secretBox: options.secretBox ?? createMemorySecretBox(),
    mediaDir: paths.media,
    cacheDir: path.join(paths.dataDir, 'sync-cache'),
    loadSnapshot: (articleId) => outputs.snapshot(articleId),
    takeIn: createTakeIn({
      db,
      now,
      logger: logger.child('sync'),
      revisions,
      audit: desk.audit,
      onContentChanged: () => indexer.schedule(),
    }),
    ...(options.sync ? { options: options.sync } : {}),
  });
  const publishing = createPublishing({
    workflow: desk.workflow,
    sync,
    audit: desk.audit,
    events,
    logger: logger.child('publishing'),
  });
  const bundleDeps = { db, events, logger, now, paths, indexer, revisions, ...desk };
  const importBundleData = createBundleImport(bundleDeps);

  // Every photo in an article is in Kho ảnh too, however it was inserted.
  const importArticleImage = async (fileName: string, data: Buffer) =>
    photoDesk.adoptArticleImage(await media.importImage({ fileName, data }), fileName, data);

  // Each domain binds its own calls; a call answered in two places stops the core here.
  const handlers: Handlers = assembleHandlers({
    articles: articleHandlers({ articles, editing, outputs, revisions }),
    media: mediaHandlers(importArticleImage),
    photos: photoDesk.handlers,
    photoSearch: createPhotoSearchDesk({ db, ensureThumbnails: photoDesk.ensureThumbnails })
      .handlers,
    directory: directoryHandlers(directory),
    settings: settingsHandlers(settings),
    diagnostics: diagnosticsHandlers({
      db,
      paths,
      logger,
      schemaVersion,
      appVersion: options.appVersion,
      shell: options.shell,
      ...(options.versions ? { versions: options.versions } : {}),
    }),
    accounts: accountHandlers(desk),
    newsroom: rosterHandlers(desk.roster),
    workflow: workflowHandlers({ policy: desk.policy, workflow: desk.workflow, publishing }),
    comments: commentHandlers(desk),
    leases: leaseHandlers({
      db,
      leases: desk.leases,
      requireEditable: (user, articleId) => desk.workflow.requireEditable(user, articleId),
    }),
    audit: auditHandlers({ db, audit: desk.audit }),
    bundles: bundleHandlers(bundleDeps, importBundleData),
    uploads: createUploadDesk({
      dataDir: paths.dataDir,
      logger,
      importPhotos: (files, event) => photoDesk.importUploaded(files, event),
      importBundle: importBundleData,
      importArticleImage,
      hasAccounts: () => countUsers(db) > 0,
      importLibrary: (file) => importLibraryThroughHost(options.host, file),
    }).handlers,
    sync: syncHandlers(sync),
    portalLinks: portalLinkHandlers(db, sync.connections, now),
    backups: guard.handlers,
    recovery: options.host?.handlers ?? hostCallsWithoutHost,
  });
  // Once SQLite reports the file damaged, no call reaches it again (nothing more is written).
  let damaged = false;
  const dispatch = createDispatch(handlers, logger, desk.access, (detail) => {
    damaged = true;
    options.host?.onDamaged(detail);
  });

  return {
    dispatch: async (name, input, context) => {
      if (damaged && !name.startsWith('recovery.'))
        return fail({ code: 'library_damaged', message: defaultMessages.library_damaged });
      const result = await dispatch(name, input, context);
      guard.afterCall();
      return result;
    },
    guard,
    events,
    paths,
    logger,
    sync,
    audit: desk.audit,
    async close(closeOptions = {}) {
      await sync.close();
      await photoDesk.close();
      indexer.flush();
      await guard.beforeClose({ backup: closeOptions.backup !== false });
      db.close();
      guard.afterClose();
      fs.rmSync(paths.holder, { force: true });
      logger.info('library closed');
    },
  };
}
