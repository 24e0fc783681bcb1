import fs from 'node:fs';
import path from 'node:path';

import { fail } from '../../../shared/contract/result';
import { figureMediaPaths } from '../../../shared/domain/article';
import { defaultMessages } from '../../../shared/errors/appError';
import type { Diagnostics } from '../../../shared/domain/diagnostics';
import type { ScryptParams } from '../auth/password';
import type { Dispatch, Handlers } from '../contract/dispatch';
import { createDispatch, requireUser } from '../contract/dispatch';
import { openDatabase } from '../db/open';
import { countArticles } from '../db/queries/articles';
import type { EventBus } from '../events/eventBus';
import { createEventBus } from '../events/eventBus';
import { lockedMessage, readHolder, writeHolder } from '../library/libraryHolder';
import type { LibraryPaths } from '../library/libraryPaths';
import { libraryPaths } from '../library/libraryPaths';
import type { Logger } from '../logging/logger';
import { createFileLogger } from '../logging/logger';
import { exportArticleFolder } from '../export/exportArticle';
import { createArticlesService } from '../services/articles';
import type { AuditService } from '../services/audit';
import { createPhotoDesk } from './photoDesk';
import type { Publishing } from './publishing';
import type { LibraryGuard } from '../recovery/libraryGuard';
import { createPublishing } from './publishing';
import { createUploadDesk } from './uploadDesk';
import { createPhotoSearchDesk } from './photoSearchDesk';
import { createWorkflowDesk } from './workflowDesk';
import { createDirectoryService } from '../services/directory';
import { createMediaService } from '../services/media';
import { createRevisionsService } from '../services/revisions';
import { createSearchIndexer } from '../services/searchIndexer';
import { createSettingsService } from '../services/settings';
import type { SecretBox } from '../portal/secretBox';
import { createMemorySecretBox } from '../portal/secretBox';
import { snapshotArticle } from '../sync/payload';
import { portalLinkHandlers } from '../sync/portalLinkHandlers';
import { syncHandlers } from '../sync/syncHandlers';
import { createTakeIn } from '../sync/takeIn';
import type { SyncOptions, SyncService } from '../sync/syncService';
import { createSyncService } from '../sync/syncService';
import type { HostCallName } from '../../../shared/contract/recoveryCalls';
import { createLibraryGuard } from '../recovery/libraryGuard';
import { hostCallsWithoutHost } from '../recovery/hostHandlers';

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
 * Opens a library and wires every service to the contract. Both shells call this and nothing
 * else, so the desktop app and the browser shell behave the same.
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
  const settings = createSettingsService(db);
  // Bound once the outbox exists (below): spiking is refused while the article is on a portal.
  let publishing: Publishing | null = null;
  const workflowDesk = createWorkflowDesk({
    db,
    events,
    logger,
    now,
    paths,
    articles,
    revisions,
    indexer,
    ...(options.passwordCost ? { scrypt: options.passwordCost } : {}),
    onPortal: (articleId) => publishing?.isOnPortal(articleId) ?? false,
  });
  const sync = createSyncService({
    db,
    now,
    logger,
    events,
    secretBox: options.secretBox ?? createMemorySecretBox(),
    mediaDir: paths.media,
    cacheDir: path.join(paths.dataDir, 'sync-cache'),
    loadSnapshot: (articleId) => {
      const article = articles.get(articleId);
      return snapshotArticle(
        article,
        directory.authors().find((author) => author.id === article.meta.authorId) ?? null,
        directory.categories().find((category) => category.id === article.meta.categoryId) ?? null,
        photoDesk.resolveRecipe(),
      );
    },
    takeIn: createTakeIn({
      db,
      now,
      logger: logger.child('sync'),
      revisions,
      audit: workflowDesk.audit,
      onContentChanged: () => indexer.schedule(),
    }),
    ...(options.sync ? { options: options.sync } : {}),
  });
  publishing = createPublishing({
    workflow: workflowDesk.workflow,
    sync,
    audit: workflowDesk.audit,
    events,
    logger: logger.child('publishing'),
  });
  const publish = publishing;

  const diagnostics = (): Diagnostics => ({
    appVersion: options.appVersion,
    shell: options.shell,
    versions: {
      node: process.versions.node,
      v8: process.versions.v8,
      sqlite: String((db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v),
      ...options.versions,
    },
    platform: `${process.platform} ${process.arch}`,
    dataDir: paths.dataDir,
    databasePath: paths.database,
    schemaVersion,
    logFile: logger.file,
    articleCount: countArticles(db),
  });

  const handlers: Handlers = {
    'articles.list': (args) => articles.list(args),
    'articles.search': (args) => articles.search(args),
    'articles.get': (args) => articles.get(args.id),
    'articles.create': (args, context) => {
      const user = requireUser(context);
      return db.transaction(() => {
        const created = articles.create(args);
        workflowDesk.afterCreate(user, created.id);
        return created;
      })();
    },
    'articles.save': (args, context) => {
      const user = requireUser(context);
      workflowDesk.beforeEdit(user, args.id);
      const saved = articles.save(args);
      workflowDesk.afterEdit(user, args.id);
      photoDesk.recordUsage(args.id, figureMediaPaths(args.body));
      return saved;
    },
    'articles.exportHtml': (args) => {
      const article = articles.get(args.id);
      return exportArticleFolder({
        article,
        author: directory.authors().find((author) => author.id === article.meta.authorId) ?? null,
        category:
          directory.categories().find((category) => category.id === article.meta.categoryId) ??
          null,
        mediaDir: paths.media,
        outDir: paths.exports,
      });
    },
    'revisions.list': (args) => revisions.list(args.articleId),
    'revisions.create': (args, context) => {
      workflowDesk.requireEditable(requireUser(context), args.articleId);
      return revisions.saveManual(args.articleId);
    },
    'revisions.get': (args) => revisions.get(args.id),
    'revisions.restore': (args, context) => {
      const user = requireUser(context);
      workflowDesk.beforeEdit(user, args.articleId);
      const restored = revisions.restore(args);
      workflowDesk.afterRestore(user, args.articleId, args.revisionId);
      return restored;
    },
    'media.importImage': (args) =>
      media.importImage({ fileName: args.fileName, data: Buffer.from(args.dataBase64, 'base64') }),
    ...photoDesk.handlers,
    ...createPhotoSearchDesk({ db, ensureThumbnails: photoDesk.ensureThumbnails }).handlers,
    'authors.list': () => directory.authors(),
    'authors.save': (args, context) => directory.saveAuthor(requireUser(context), args),
    'categories.list': () => directory.categories(),
    'categories.save': (args) => directory.saveCategory(args),
    'settings.get': () => settings.get(),
    'settings.update': (args) => settings.update(args),
    'settings.addWord': (args) => settings.addWord(args.word),
    'settings.updateDisplay': (args) => settings.update(args),
    'app.diagnostics': diagnostics,
    ...workflowDesk.handlers,
    ...createUploadDesk({
      dataDir: paths.dataDir,
      logger,
      importPhotos: (files, event) => photoDesk.importUploaded(files, event),
      importBundle: (user, fileName, data) => workflowDesk.importBundleData(user, fileName, data),
    }).handlers,
    // Transitions go through the publishing bridge: approving queues the article for the portals.
    'workflow.transition': (args, context) => publish.transition(requireUser(context), args),
    ...syncHandlers(sync),
    ...guard.handlers,
    ...(options.host?.handlers ?? hostCallsWithoutHost),
    ...portalLinkHandlers(db, sync.connections, now),
  };
  // Once SQLite reports the file damaged, no call reaches it again (nothing more is written).
  let damaged = false;
  const dispatch = createDispatch(handlers, logger, workflowDesk.access, (detail) => {
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
    audit: workflowDesk.audit,
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
