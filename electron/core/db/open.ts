import Database from 'better-sqlite3';

import { AppError } from '../../../shared/errors/appError';
import { runMigrations } from './migrations';

/** An open library database and the schema version it is at. */
export interface OpenDatabase {
  db: Database.Database;
  schemaVersion: number;
}

function isBusy(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED')
  );
}

/**
 * Opens (creating if needed) the library database and migrates it.
 *
 * The connection takes SQLite's exclusive lock for its whole life, so a second process on the
 * same library cannot write to it even if every other guard failed; that process gets
 * `library_locked`. WAL with `synchronous = FULL` makes each committed save survive a killed
 * process and a power cut.
 */
export function openDatabase(file: string, options: { lockedMessage?: string } = {}): OpenDatabase {
  const db = new Database(file, { timeout: 200 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const schemaVersion = runMigrations(db);
    return { db, schemaVersion };
  } catch (error) {
    db.close();
    if (isBusy(error))
      throw new AppError('library_locked', options.lockedMessage, { cause: error });
    throw error;
  }
}
