import { z } from 'zod';

import { call, id } from './callSpec';

/**
 * The largest `.ndlibrary` file the app takes in (the whole library and its photos). Far over
 * any newsroom's library today; it only bounds the upload.
 */
export const maxLibraryArchiveBytes = 64 * 1024 * 1024 * 1024;

/** What importing a whole library did: how many articles it holds, where the old one went. */
export interface LibraryImportReport {
  articleCount: number;
  /** The folder the replaced library was moved into (never deleted). */
  setAsideDir: string;
}

/**
 * Moving to a new PC (issue 11, docs/recovery.md): a `.ndlibrary` file, uploaded in chunks with
 * `uploads.*` (kind `library`), replaces the open library, which is set aside first. Allowed on
 * the first-start screen (no accounts yet) and to the administrator. Spread into `calls`.
 */
export const libraryMoveCalls = {
  'library.importUploaded': call<LibraryImportReport>()(z.object({ uploadId: id }).strict()),
} as const;
