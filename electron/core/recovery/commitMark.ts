import fs from 'node:fs';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

/**
 * The library's high-water mark, kept in `library-mark.json` beside the database: the change
 * counter (`library_commits`, bumped by triggers in every transaction that changes work) as it
 * was after the last commit this process saw, and when the library was last checked and closed.
 *
 * Written only after SQLite has made the commit durable (WAL, `synchronous = FULL`), and fsynced
 * itself, so the mark can lag the database (a kill between the two) but never lead it. A library
 * whose counter is below the mark has lost committed transactions (a deleted WAL); a normal crash
 * with the WAL intact can never look like that. The rules are in docs/recovery.md.
 */
export interface CommitMark {
  counter: number;
  articleCount: number;
  committedAt: number;
  /** When `quick_check` last passed (ms), or 0. */
  checkedAt: number;
  /** The database file as a clean close left it; a change means someone else wrote it. */
  closedClean: { size: number; mtimeMs: number } | null;
}

/** The file name of the mark inside a data folder. */
export const markFileName = 'library-mark.json';

function isMark(value: unknown): value is CommitMark {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.counter === 'number' &&
    typeof v.articleCount === 'number' &&
    typeof v.committedAt === 'number' &&
    typeof v.checkedAt === 'number'
  );
}

/** Reads the mark; null when there is none (a new library or one made before marks existed). */
export function readMark(file: string): CommitMark | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!isMark(parsed)) return null;
    const closed = (parsed as { closedClean?: unknown }).closedClean;
    const closedClean =
      typeof closed === 'object' &&
      closed !== null &&
      typeof (closed as { size?: unknown }).size === 'number' &&
      typeof (closed as { mtimeMs?: unknown }).mtimeMs === 'number'
        ? (closed as { size: number; mtimeMs: number })
        : null;
    return { ...parsed, closedClean };
  } catch {
    return null;
  }
}

/** Replaces the mark atomically and durably (temp file, fsync, rename, fsync of the folder). */
export function writeMark(file: string, mark: CommitMark): void {
  const temp = `${file}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(mark));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  try {
    const dir = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  }
}

/** The library's change counter, or null in a library without the table (before 0220). */
export function readCommitCounter(db: Database): number | null {
  try {
    const row = db.prepare('SELECT counter FROM library_commits WHERE id = 1').get() as
      { counter: number } | undefined;
    return row ? row.counter : null;
  } catch {
    return null;
  }
}

/** The number of articles, for the messages that compare a library with its mark. */
export function readArticleCount(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
}

/** Keeps the mark in step with the open library. */
export interface CommitTracker {
  /** After any call that may have committed: copies a higher counter to the mark. */
  afterCommit(): void;
  /** The counter the mark last recorded. */
  recorded(): number;
  /** Records a passed `quick_check`. */
  checked(at: number): void;
  /** After the database is closed cleanly: remembers the file's size and time. */
  closedCleanly(databaseFile: string): void;
}

/**
 * Starts tracking an open library. The mark is written at once with the current counter (so a
 * new library, a restored backup or an accepted "behind" library start from what they hold).
 */
export function createCommitTracker(options: {
  db: Database;
  file: string;
  now: () => number;
  previous: CommitMark | null;
}): CommitTracker {
  const { db, file, now } = options;
  let mark: CommitMark = {
    counter: readCommitCounter(db) ?? 0,
    articleCount: readArticleCount(db),
    committedAt: options.previous?.committedAt ?? now(),
    checkedAt: options.previous?.checkedAt ?? 0,
    closedClean: null,
  };
  writeMark(file, mark);
  return {
    afterCommit() {
      if (!db.open) return;
      const counter = readCommitCounter(db);
      if (counter === null || counter <= mark.counter) return;
      mark = { ...mark, counter, articleCount: readArticleCount(db), committedAt: now() };
      writeMark(file, mark);
    },
    recorded: () => mark.counter,
    checked(at) {
      mark = { ...mark, checkedAt: at };
      writeMark(file, mark);
    },
    closedCleanly(databaseFile) {
      const stat = fs.statSync(databaseFile);
      mark = { ...mark, closedClean: { size: stat.size, mtimeMs: stat.mtimeMs } };
      writeMark(file, mark);
    },
  };
}
