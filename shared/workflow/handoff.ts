import type { DiffRow } from '../revisions/diffText';

/** The file extension of hand-off bundles. */
export const bundleExtension = '.ndbundle';

/** Largest bundle accepted by `bundles.import` (photos included). */
export const maxBundleBytes = 200 * 1024 * 1024;

/** The result of `bundles.export`: a file in the library's `exports/` folder. */
export interface BundleExport {
  fileName: string;
  /** Absolute path on this workstation (the desktop shell can reveal it). */
  path: string;
  bytes: number;
  articleCount: number;
  photoCount: number;
  /** The file's bytes, when asked for (`includeData`), so the browser shell can download it. */
  dataBase64?: string;
}

/** What happened to one article of an imported bundle. */
export type ImportOutcome =
  /** New here: inserted as it came. */
  | 'inserted'
  /** Ours was unchanged since the common version: theirs replaced it. */
  | 'fastForwarded'
  /** Same content on both sides (comments and history may still have merged). */
  | 'unchanged'
  /** Ours already contains theirs (they sent an older version). */
  | 'localNewer'
  /** Both sides edited since the common version: ours kept, theirs added as a conflict copy. */
  | 'conflict'
  /**
   * Its signatures or history did not verify against the newsroom's roster: nothing of it was
   * applied, its content was kept as a separate draft marked «chưa xác minh», owned by the
   * importer (see `refused` for why).
   */
  | 'unverified';

/** One thing an import refused, and why (Vietnamese, for the report). */
export interface RefusedItem {
  articleId: string;
  title: string;
  /** What was refused. */
  item: 'bundle' | 'article' | 'content' | 'transition' | 'audit' | 'comment' | 'revision';
  /** The refused record's id, when it has one. */
  itemId: string | null;
  reason: string;
}

/** The result of `bundles.import`. */
export interface BundleImportReport {
  from: { workstationId: string; workstationName: string; createdAt: number; createdBy: string };
  articles: Array<{
    articleId: string;
    title: string;
    outcome: ImportOutcome;
    /** The conflict copy's id when `outcome` is 'conflict'. */
    conflictCopyId: string | null;
    /** The «chưa xác minh» copy's id when `outcome` is 'unverified'. */
    unverifiedCopyId?: string | null;
  }>;
  /** Everything that was not applied, and why (empty when all verified). */
  refused: RefusedItem[];
  /** A newer roster of the newsroom came with the bundle and was taken. */
  rosterUpdated?: number | null;
  photosAdded: number;
  commentsMerged: number;
  auditAdded: number;
  revisionsAdded: number;
  recipesAdded: number;
}

/** A conflict copy next to the article it conflicts with, for the side-by-side view. */
export interface ConflictDiff {
  original: { id: string; title: string; version: number };
  copy: { id: string; title: string; version: number };
  workstationName: string;
  /** Paragraph rows, original on the left ("before"), the incoming copy on the right. */
  rows: DiffRow[];
  titleChanged: boolean;
}
