import type { NearDuplicate, PhotoRecord } from './photoRecord';

/** Outcome of an import, bucketed as the import report shows it. */
export interface PhotoImportReport {
  imported: PhotoRecord[];
  /** Same bytes as a photo already in the library: kept once; this is the existing one. */
  duplicates: PhotoRecord[];
  nearDuplicates: NearDuplicate[];
  /** Files refused, by name, with the photo engine's Vietnamese reason. */
  failed: Array<{ name: string; code: string; message: string }>;
}

/** A saved caption template (`{byline}`, `{event}`, `{date}` … are filled per photo). */
export interface CaptionTemplate {
  id: string;
  name: string;
  template: string;
}

/** One photo of a batch in the batch report. */
export interface JobItem {
  seq: number;
  name: string;
  state: 'pending' | 'running' | 'done' | 'failed' | 'skipped';
  message: string | null;
  outputs: Array<{ path: string; format: string; width: number; height: number; bytes: number }>;
}

/** A photo batch: state, counts, ETA and (on request) every item. */
export interface JobStatus {
  jobId: string;
  state: 'queued' | 'running' | 'paused' | 'cancelled' | 'done' | 'failed';
  /** Why the job paused or stopped (e.g. the disk is full), in Vietnamese. */
  stateMessage: string | null;
  outDir: string;
  total: number;
  done: number;
  failed: number;
  skipped: number;
  etaSeconds: number | null;
  items: JobItem[];
}
