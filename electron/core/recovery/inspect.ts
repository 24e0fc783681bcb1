import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';

import type { ChangedArticle, LibraryStatus, LossEstimate } from '../../../shared/domain/recovery';
import { AppError } from '../../../shared/errors/appError';
import { lockedMessage, readHolder } from '../library/libraryHolder';
import { libraryPaths } from '../library/libraryPaths';
import { listBackups, readPlaces } from './backupStore';
import type { CommitMark } from './commitMark';
import { markFileName, readArticleCount, readCommitCounter, readMark } from './commitMark';
import { checkDataFolder, classifyFolderError } from './folderCheck';

/** How often `quick_check` runs when every start was clean (issue 11: "on a schedule"). */
const checkEveryMs = 7 * 24 * 60 * 60 * 1000;

/** What the inspection found and whether it ran `quick_check` (and when). */
export interface Inspection {
  status: LibraryStatus;
  mark: CommitMark | null;
  checkedAt: number | null;
}

/** SQLite's answer for a file that is not a sound database. */
export function isCorruption(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `quick_check`; returns null when it passes, else SQLite's findings. */
export function quickCheck(db: Database.Database): string | null {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  if (rows.length === 1 && rows[0]?.quick_check === 'ok') return null;
  return rows
    .slice(0, 5)
    .map((row) => row.quick_check)
    .join('; ');
}

/**
 * The newest verified backup and the articles changed after it that the library file still
 * shows (read-only, best effort): what restoring that backup would lose.
 */
export function estimateLoss(dataDir: string): LossEstimate {
  const backup = listBackups(readPlaces(dataDir))[0] ?? null;
  let changedSince: ChangedArticle[] | null = null;
  let db: Database.Database | null = null;
  try {
    db = new Database(libraryPaths(dataDir).database, { readonly: true, fileMustExist: true });
    changedSince = (
      db
        .prepare(
          'SELECT id, title, updated_at AS updatedAt FROM articles WHERE updated_at > ? ORDER BY updated_at DESC LIMIT 200',
        )
        .all(backup?.createdAt ?? 0) as ChangedArticle[]
    ).map((row) => ({ id: row.id, title: row.title, updatedAt: row.updatedAt }));
  } catch {
    changedSince = null;
  } finally {
    try {
      db?.close();
    } catch {
      // Closing a read-only handle on a damaged file: nothing to write, nothing to lose.
    }
  }
  return { backup, changedSince };
}

/**
 * Looks at a library folder before the library is opened for writing: the folder can be
 * written; the file is readable and (after an unclean shutdown, a change behind the app's back,
 * or on schedule) passes `quick_check`; it holds at least the changes last recorded in its mark.
 * Everything here reads the database read-only, so a damaged file is never written.
 * A library another Newsdesk holds is refused with `library_locked`.
 */
export function inspectLibrary(
  dataDir: string,
  options: { now?: () => number; forceCheck?: boolean } = {},
): Inspection {
  const now = options.now ?? Date.now;
  const paths = libraryPaths(dataDir);
  const folder = checkDataFolder(paths.dataDir);
  if (folder)
    return {
      status: { kind: 'folder_problem', dataDir: paths.dataDir, ...folder },
      mark: null,
      checkedAt: null,
    };
  const mark = readMark(path.join(paths.dataDir, markFileName));
  if (!fs.existsSync(paths.database)) {
    if (mark && mark.counter > 0) return behind(dataDir, mark, 0, 0);
    return { status: { kind: 'ok' }, mark, checkedAt: null };
  }
  const unclean = fs.existsSync(paths.holder);
  let changedBehindOurBack = false;
  if (mark?.closedClean && !unclean) {
    const stat = fs.statSync(paths.database);
    changedBehindOurBack =
      stat.size !== mark.closedClean.size || stat.mtimeMs !== mark.closedClean.mtimeMs;
  }
  const due = !mark || now() - mark.checkedAt >= checkEveryMs;
  const mustCheck = options.forceCheck === true || unclean || changedBehindOurBack || due;

  let db: Database.Database | null = null;
  let checkedAt: number | null = null;
  try {
    db = new Database(paths.database, { readonly: true, fileMustExist: true, timeout: 200 });
    if (mustCheck) {
      const problem = quickCheck(db);
      if (problem) return damaged(dataDir, problem, mark);
      checkedAt = now();
    }
    const counter = readCommitCounter(db) ?? 0;
    let articles = 0;
    try {
      articles = readArticleCount(db);
    } catch (error) {
      // A file without the schema (its creation was in a lost WAL) holds no articles.
      if (isCorruption(error)) throw error;
    }
    if (mark && counter < mark.counter) {
      db.close();
      db = null;
      return behind(dataDir, mark, counter, articles);
    }
    return { status: { kind: 'ok' }, mark, checkedAt };
  } catch (error) {
    const code =
      typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
      throw new AppError('library_locked', lockedMessage(readHolder(paths.holder)), {
        cause: error,
      });
    if (isCorruption(error)) return damaged(dataDir, errorText(error), mark);
    const folderProblem = classifyFolderError(paths.dataDir, error);
    if (folderProblem)
      return {
        status: { kind: 'folder_problem', dataDir: paths.dataDir, ...folderProblem },
        mark,
        checkedAt: null,
      };
    throw error;
  } finally {
    try {
      db?.close();
    } catch {
      // See estimateLoss.
    }
  }
}

function damaged(dataDir: string, detail: string, mark: CommitMark | null): Inspection {
  return {
    status: {
      kind: 'damaged',
      dataDir: path.resolve(dataDir),
      detail,
      loss: estimateLoss(dataDir),
    },
    mark,
    checkedAt: null,
  };
}

function behind(
  dataDir: string,
  mark: CommitMark,
  foundCommits: number,
  foundArticles: number,
): Inspection {
  return {
    status: {
      kind: 'behind',
      dataDir: path.resolve(dataDir),
      expectedCommits: mark.counter,
      foundCommits,
      expectedArticles: mark.articleCount,
      foundArticles,
      lastCommitAt: mark.committedAt,
      loss: estimateLoss(dataDir),
    },
    mark,
    checkedAt: null,
  };
}
