import type { Migration } from './types';

/** Key/value settings of the workstation; values are JSON. */
export const migration0020: Migration = {
  version: 20,
  name: 'create-settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      ) STRICT;
    `);
  },
};
