import type { Database } from 'better-sqlite3';

/** One schema step. Never edit a shipped migration: add the next one. */
export interface Migration {
  /** Steps by 10 (0010, 0020, …) so a fix can slot in between during development. */
  version: number;
  name: string;
  up(db: Database): void;
}
