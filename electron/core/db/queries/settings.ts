import type { Database } from 'better-sqlite3';

/** Every stored setting as parsed JSON, by key. Corrupt values are skipped. */
export function readSettings(db: Database): Map<string, unknown> {
  const rows = db.prepare('SELECT key, value_json FROM settings').all() as Array<{
    key: string;
    value_json: string;
  }>;
  const values = new Map<string, unknown>();
  for (const row of rows) {
    try {
      values.set(row.key, JSON.parse(row.value_json));
    } catch {
      // A corrupt value falls back to its default rather than blocking start-up.
    }
  }
  return values;
}

/** Writes settings in one transaction. */
export function writeSettings(db: Database, entries: Record<string, unknown>): void {
  const upsert = db.prepare(
    `INSERT INTO settings (key, value_json) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`,
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(entries)) upsert.run(key, JSON.stringify(value));
  })();
}
