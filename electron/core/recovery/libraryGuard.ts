import fs from 'node:fs';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import type { Handlers } from '../contract/dispatch';
import type { LibraryPaths } from '../library/libraryPaths';
import type { Logger } from '../logging/logger';
import type { BackupDesk } from './backupDesk';
import { createBackupDesk } from './backupDesk';
import type { CommitTracker } from './commitMark';
import { createCommitTracker, markFileName, readMark } from './commitMark';
import { archiveFileName, exportLibraryArchive } from './libraryArchive';

/** How often commits made outside contract calls (photo workers, the outbox) reach the mark. */
const markEveryMs = 2_000;

/** The safety net of an open library: the commit mark and the automatic backups. */
export interface LibraryGuard {
  backups: BackupDesk;
  tracker: CommitTracker;
  /** Settings' backup calls. */
  handlers: Pick<
    Handlers,
    'backups.list' | 'backups.create' | 'backups.setPlaces' | 'backups.exportLibrary'
  >;
  /** After every contract call: records a new commit in the mark. */
  afterCall(): void;
  /** Before the database closes: the quit backup (unless skipped), then stops the timers. */
  beforeClose(options: { backup: boolean }): Promise<void>;
  /** After the database closed cleanly. */
  afterClose(): void;
}

/**
 * Wires the commit mark and the backup desk to an open library (see docs/recovery.md). The mark
 * starts from what the library holds now: the host has already refused a library behind it.
 */
export function createLibraryGuard(options: {
  db: Database;
  paths: LibraryPaths;
  logger: Logger;
  now: () => number;
  /** When the start-up `quick_check` passed, if it ran. */
  checkedAt: number | null;
  /** Run the backup timer (the shells); tests call `backups.tick()` themselves. */
  schedule: boolean;
}): LibraryGuard {
  const { db, paths, logger, now } = options;
  const markFile = path.join(paths.dataDir, markFileName);
  const tracker = createCommitTracker({ db, file: markFile, now, previous: readMark(markFile) });
  if (options.checkedAt !== null) tracker.checked(options.checkedAt);
  const backups = createBackupDesk({
    db,
    dataDir: paths.dataDir,
    mediaDir: paths.media,
    logger: logger.child('backups'),
    now,
    schedule: options.schedule,
  });
  const afterCall = (): void => {
    try {
      tracker.afterCommit();
    } catch (error) {
      logger.error('commit mark not written', { error });
    }
  };
  const timer = setInterval(afterCall, markEveryMs);
  timer.unref();
  if (options.schedule) {
    // The daily copy when the newest is a day old (or there is none yet).
    void backups
      .tick()
      .catch((error: unknown) => logger.error('backup at start failed', { error }));
  }
  return {
    backups,
    tracker,
    handlers: {
      'backups.list': () => ({ backups: backups.list(), places: backups.places() }),
      'backups.create': () => backups.backupNow('manual'),
      'backups.setPlaces': (args) => backups.setPlaces(args),
      'backups.exportLibrary': () =>
        exportLibraryArchive(db, paths.dataDir, archiveFileName(paths.dataDir, now()), now),
    },
    afterCall,
    async beforeClose({ backup }) {
      clearInterval(timer);
      afterCall();
      await backups.close(backup);
    },
    afterClose() {
      if (fs.existsSync(paths.database)) tracker.closedCleanly(paths.database);
    },
  };
}
