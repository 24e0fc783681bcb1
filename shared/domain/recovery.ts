/**
 * What the app knows about a library folder before (and while) it is open, and about its
 * backups. Shared by the core (which decides), the contract and the recovery screen.
 */

/** Why a data folder cannot be used; each has its own Vietnamese message naming the folder. */
export const folderProblemKinds = [
  'read_only',
  'no_permission',
  'disk_full',
  'not_a_folder',
] as const;

/** One of the folder problems. */
export type FolderProblemKind = (typeof folderProblemKinds)[number];

/** One verified copy of the library (in `backups/` or in the second place). */
export interface BackupInfo {
  /** The copy's file name, unique within its place (e.g. `2026-12-07T12-10-00-000Z-auto.sqlite`). */
  id: string;
  /** Which place holds it: the data folder's `backups/` or the second place from Settings. */
  place: 'main' | 'extra';
  createdAt: number;
  reason: BackupReason;
  sizeBytes: number;
  articleCount: number;
  /** When the last article in it was changed (ms), or null for an empty library. */
  lastArticleChangeAt: number | null;
  /** `integrity_check` on the copy answered `ok`. Unverified copies are never offered. */
  verified: boolean;
}

/** Why a backup was taken. */
export const backupReasons = ['auto', 'daily', 'quit', 'manual', 'before_restore'] as const;

/** One of the backup reasons. */
export type BackupReason = (typeof backupReasons)[number];

/** An article that changed after the newest good backup: what restoring would lose. */
export interface ChangedArticle {
  id: string;
  title: string;
  updatedAt: number;
}

/** What restoring the newest good backup would lose, as far as the library can still be read. */
export interface LossEstimate {
  backup: BackupInfo | null;
  /** Articles changed after the backup; null when the damaged library cannot even be listed. */
  changedSince: ChangedArticle[] | null;
}

/**
 * The state of a library folder at open:
 * - `ok`: opened normally;
 * - `damaged`: SQLite reports corruption (the file is never written again);
 * - `behind`: the library holds fewer committed changes than it last recorded (a lost WAL);
 * - `folder_problem`: the folder cannot be written (read-only, permissions, full disk).
 */
export type LibraryStatus =
  | { kind: 'ok' }
  | {
      kind: 'damaged';
      dataDir: string;
      /** SQLite's own words, for the technical details fold; never the headline. */
      detail: string;
      loss: LossEstimate;
    }
  | {
      kind: 'behind';
      dataDir: string;
      /** The last change counter recorded beside the library, and what the file holds now. */
      expectedCommits: number;
      foundCommits: number;
      expectedArticles: number;
      foundArticles: number;
      lastCommitAt: number;
      loss: LossEstimate;
    }
  | { kind: 'folder_problem'; dataDir: string; problem: FolderProblemKind; message: string };

/** What salvage copied and what it could not read. */
export interface SalvageReport {
  /** Where the damaged library was set aside (never deleted). */
  setAsideDir: string;
  tables: { table: string; copied: number; unreadable: number; failedRanges: string[] }[];
  copiedRows: number;
  unreadableRows: number;
  articleCount: number;
}

/** The result of a restore: where the replaced library went. */
export interface RestoreReport {
  setAsideDir: string;
  backup: BackupInfo;
  articleCount: number;
}

/** Where backups go besides the data folder's `backups/`. */
export interface BackupPlaces {
  mainDir: string;
  extraDir: string | null;
  /** Minutes between automatic backups while the library changes. */
  intervalMinutes: number;
}
