import type { Migration } from './types';

/**
 * NukeViet portals get their own settings (module name, data language, image position, whether
 * the API account is credited): one JSON column, null for WordPress and for NukeViet portals
 * saved before, which read as the defaults (`shared/domain/nukeviet.ts`).
 */
export const migration0270: Migration = {
  version: 270,
  name: 'add-nukeviet-settings',
  up(db) {
    db.exec('ALTER TABLE portal_connections ADD COLUMN nukeviet_json TEXT');
  },
};
