import type { Migration } from './types';

/**
 * Photos get a colour signature beside their dHash (a 4×4 mean-colour grid, 96 hex digits), so
 * flat or simple pictures of different colours are no longer near-duplicates, and an alt text
 * written on the photo desk that travels with the photo into articles. Photos imported before
 * keep '' for both: their near-duplicates are judged by dHash alone, as before.
 */
export const migration0330: Migration = {
  version: 330,
  name: 'add-photo-colour-and-alt',
  up(db) {
    db.exec(`
      ALTER TABLE photos ADD COLUMN color_hash TEXT NOT NULL DEFAULT '';
      ALTER TABLE photos ADD COLUMN alt_text TEXT NOT NULL DEFAULT '';
    `);
  },
};
