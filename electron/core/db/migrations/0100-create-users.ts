import type { Migration } from './types';

/**
 * Accounts on the workstation. Passwords are stored as scrypt hashes with their own salt and
 * cost parameters (`kdf`, e.g. `scrypt:32768:8:1`), so the cost can be raised later and old
 * hashes still verify. Sign-in names are unique ignoring case (stored lower-case, NFC).
 */
export const migration0100: Migration = {
  version: 100,
  name: 'create-users',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        user_name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('reporter', 'photo_editor', 'editor', 'admin')),
        password_hash BLOB NOT NULL,
        password_salt BLOB NOT NULL,
        kdf TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
