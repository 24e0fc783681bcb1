import type { Database } from 'better-sqlite3';

/** The SQLite library's version, for the diagnostics a user sends to support. */
export function sqliteVersion(db: Database): string {
  return String((db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v);
}
