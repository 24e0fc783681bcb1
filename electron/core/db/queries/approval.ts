import type { Database } from 'better-sqlite3';

/** What the approval checklist reads of a library photo: its original name and GPS flag. */
export interface PhotoFactsRow {
  original_name: string;
  has_gps: number;
}

/** The library record of the photo stored at `mediaPath`, if the photo desk imported it. */
export function photoFactsAt(db: Database, mediaPath: string): PhotoFactsRow | undefined {
  return db
    .prepare('SELECT original_name, has_gps FROM photos WHERE media_path = ?')
    .get(mediaPath) as PhotoFactsRow | undefined;
}
