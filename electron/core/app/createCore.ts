import fs from 'node:fs';
import path from 'node:path';

import { figureMediaPaths } from '../../../shared/domain/article';
import type { Diagnostics } from '../../../shared/domain/diagnostics';
import type { Dispatch, Handlers } from '../contract/dispatch';
import { createDispatch } from '../contract/dispatch';
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
import { createPhotoDesk } from './photoDesk';
import { createDirectoryService } from '../services/directory';
import { createMediaService } from '../services/media';
import { createRevisionsService } from '../services/revisions';
import { createSearchIndexer } from '../services/searchIndexer';
import { createSettingsService } from '../services/settings';

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
}

/** The running application core: one per library, shared by whichever shell hosts it. */
export interface Core {
  dispatch: Dispatch;
  events: EventBus;
  paths: LibraryPaths;
  logger: Logger;
  /** Finishes photo work in flight, then closes the library. */
  close(): Promise<void>;
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

  const events = createEventBus();
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
    'articles.create': (args) => articles.create(args),
    'articles.save': (args) => {
      const saved = articles.save(args);
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
    'revisions.create': (args) => revisions.saveManual(args.articleId),
    'revisions.get': (args) => revisions.get(args.id),
    'revisions.restore': (args) => revisions.restore(args),
    'media.importImage': (args) =>
      media.importImage({ fileName: args.fileName, data: Buffer.from(args.dataBase64, 'base64') }),
    ...photoDesk.handlers,
    'authors.list': () => directory.authors(),
    'authors.save': (args) => directory.saveAuthor(args),
    'categories.list': () => directory.categories(),
    'categories.save': (args) => directory.saveCategory(args),
    'settings.get': () => settings.get(),
    'settings.update': (args) => settings.update(args),
    'app.diagnostics': diagnostics,
  };

  return {
    dispatch: createDispatch(handlers, logger),
    events,
    paths,
    logger,
    async close() {
      await photoDesk.close();
      indexer.flush();
      db.close();
      fs.rmSync(paths.holder, { force: true });
      logger.info('library closed');
    },
  };
}
