import type { Database } from 'better-sqlite3';

import type { Diagnostics } from '../../../shared/domain/diagnostics';
import type { HandlersOf } from '../contract/dispatch';
import { countArticles } from '../db/queries/articles';
import { sqliteVersion } from '../db/queries/diagnostics';
import type { LibraryPaths } from '../library/libraryPaths';
import type { Logger } from '../logging/logger';

/** Binds «Thông tin hỗ trợ» (versions, folders, the log file) to the contract. */
export function diagnosticsHandlers(deps: {
  db: Database;
  paths: LibraryPaths;
  logger: Logger;
  schemaVersion: number;
  appVersion: string;
  shell: 'desktop' | 'browser';
  versions?: Record<string, string>;
}): HandlersOf<'app'> {
  const { db, paths } = deps;
  return {
    'app.diagnostics': (): Diagnostics => ({
      appVersion: deps.appVersion,
      shell: deps.shell,
      versions: {
        node: process.versions.node,
        v8: process.versions.v8,
        sqlite: sqliteVersion(db),
        ...deps.versions,
      },
      platform: `${process.platform} ${process.arch}`,
      dataDir: paths.dataDir,
      databasePath: paths.database,
      schemaVersion: deps.schemaVersion,
      logFile: deps.logger.file,
      articleCount: countArticles(db),
    }),
  };
}
