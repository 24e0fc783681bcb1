import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import { AppError } from '../../../../shared/errors/appError';
import { isCaptionMissing } from '../../../../shared/photos/captions';
import type { NearDuplicate, PhotoRecord } from '../../../../shared/photos/photoRecord';
import type { Logger } from '../../logging/logger';
import { isPhotoError, photoErrors, toPhotoError } from '../errors';
import type { PhotoErrorCode } from '../errors';
import {
  NEAR_DUPLICATE_DISTANCE,
  colourDistance,
  NEAR_DUPLICATE_COLOUR,
  hashWords,
  wordsDistance,
} from '../perceptualHash';
import type { HashWords } from '../perceptualHash';
import { createCaptionDesk } from './captionDesk';
import { createDuplicateDesk } from './duplicateDesk';
import { preparePhoto } from './importPhoto';
import { THUMBNAIL_SIZE, collectImportFiles, thumbnailMediaPath } from './layout';
import {
  insertDuplicate,
  insertPhoto,
  replaceUsage,
  selectEvents,
  selectHashes,
  selectPhoto,
  selectPhotoBySha,
  selectPhotos,
  selectUsage,
  updateFocalPoint,
} from '../../db/queries/photos';
import type { PhotoFilter, PhotoRow, PhotoSort } from '../../db/queries/photos';
import { cameraName, cleanText, toPhotoRecord } from './records';
import { writeThumbnail } from './thumbnails';

/** A file the import refused, with the engine's Vietnamese reason. */
export interface ImportFailure {
  path: string;
  code: PhotoErrorCode;
  message: string;
}

/** Outcome of one import, bucketed the way the import dialog reports it. */
export interface ImportResult {
  imported: PhotoRecord[];
  /** Exact same bytes as a photo already in the library: kept once, this is the existing one. */
  duplicates: PhotoRecord[];
  nearDuplicates: NearDuplicate[];
  failed: ImportFailure[];
  /** True when the signal stopped the import; what was imported before stays. */
  cancelled: boolean;
}

/** Progress after each file, for the import dialog's bar. */
export interface ImportProgress {
  done: number;
  total: number;
  path: string;
}

/**
 * Files imported at once: probing, hashing and the thumbnail's decode overlap (libvips and the
 * hash run on libuv's threads), so two lanes keep both cores busy; more only adds memory.
 */
const importLanes = Math.min(4, Math.max(2, availableParallelism()));

/** Grid query: a sort, optional filters and a page. */
export type ListOptions = PhotoFilter & { sort: PhotoSort; limit: number; offset: number };

/** Dependencies, passed in so the library tests as plain functions on a temp folder. */
export interface PhotoLibraryDeps {
  db: Database;
  /** The library's media folder (originals in `photos/`, thumbnails in `thumbs/`). */
  mediaDir: string;
  logger: Logger;
  now: () => number;
}

function failureOf(error: unknown, filePath: string): ImportFailure {
  const photoError = isPhotoError(error) ? error : toPhotoError(error, filePath, 'read');
  return { path: filePath, code: photoError.photoCode, message: photoError.userMessage };
}

/**
 * The photo desk's library: imports files and folders into the content-addressed media folder,
 * flags exact and near duplicates, keeps credits searchable and thumbnails cached, and records
 * which article uses which photo.
 */
export function createPhotoLibrary(deps: PhotoLibraryDeps) {
  const { db, mediaDir, logger, now } = deps;
  const captions = createCaptionDesk({ db, now });
  const duplicates = createDuplicateDesk({ db, mediaDir, logger });
  /** Thumbnails known to be on disk (by `id-size`), so scrolling a big grid does not re-stat them. */
  const thumbnailsSeen = new Set<string>();

  const mustGet = (id: string): PhotoRow => {
    const row = selectPhoto(db, id);
    if (row === undefined) {
      throw new AppError(
        'not_found',
        `Không tìm thấy ảnh «${id}» trong thư viện; hãy tải lại danh sách ảnh.`,
      );
    }
    return row;
  };

  /**
   * Imports one file; returns the stored row, or the existing one when the bytes are known. The
   * slow part (probe, hash, copy, thumbnail) runs concurrently with other files; the database
   * part below it is synchronous, so two lanes never race on the same bytes or miss each other's
   * near-duplicates.
   */
  async function importOne(
    filePath: string,
    event: string,
    hashes: Array<{ id: string; words: HashWords; colour: string }>,
    signal: AbortSignal | undefined,
    /** Resolves when the file before this one is in the database: rows go in in file order. */
    previous: Promise<void>,
  ): Promise<{
    row: PhotoRow;
    existing: boolean;
    similar: Array<{ id: string; distance: number }>;
  }> {
    let prepared = await preparePhoto(
      filePath,
      mediaDir,
      (sha) => selectPhotoBySha(db, sha) !== undefined,
      signal,
    );
    await previous;
    const known = selectPhotoBySha(db, 'known' in prepared ? prepared.known : prepared.sha256);
    if (known !== undefined) return { row: known, existing: true, similar: [] };
    // The known photo was removed meanwhile (a duplicate dropped): import these bytes after all.
    if ('known' in prepared) prepared = await preparePhoto(filePath, mediaDir, () => false, signal);
    if ('known' in prepared) throw photoErrors.vanished(filePath);
    const sha256 = prepared.sha256;
    const { probe, format, hashed, mediaPath, copied } = prepared;
    const caption = cleanText(probe.caption);
    const at = now();
    const row: PhotoRow = {
      id: randomUUID(),
      sha256,
      media_path: mediaPath,
      original_name: path.basename(filePath).normalize('NFC'),
      bytes: probe.bytes,
      format,
      width: probe.width,
      height: probe.height,
      orientation: probe.orientation,
      capture_time: probe.captureTime ?? null,
      camera: cameraName(probe.cameraMake, probe.cameraModel),
      has_gps: probe.hasGps ? 1 : 0,
      caption,
      caption_missing: isCaptionMissing(caption) ? 1 : 0,
      byline: cleanText(probe.byline),
      credit: cleanText(probe.credit),
      copyright: cleanText(probe.copyright),
      dhash: hashed.dhash,
      color_hash: hashed.colour,
      alt_text: '',
      event,
      imported_at: at,
      updated_at: at,
    };
    const words = hashWords(hashed.dhash);
    const similar: Array<{ id: string; distance: number }> = [];
    for (const other of hashes) {
      const distance = wordsDistance(words, other.words);
      if (distance > NEAR_DUPLICATE_DISTANCE) continue;
      // Same structure but other colours (a red and a blue flat image): not a duplicate.
      const colours = hashed.colour !== '' && other.colour !== '';
      if (colours && colourDistance(hashed.colour, other.colour) > NEAR_DUPLICATE_COLOUR) continue;
      similar.push({ id: other.id, distance });
    }
    try {
      db.transaction(() => {
        insertPhoto(db, row);
        for (const pair of similar) {
          insertDuplicate(db, { photo_id: row.id, similar_id: pair.id, distance: pair.distance });
        }
      })();
    } catch (error) {
      // Another import of the same bytes (a second window of the dialog) won the race.
      const winner = selectPhotoBySha(db, sha256);
      if (winner === undefined) throw error;
      return { row: winner, existing: true, similar: [] };
    }
    hashes.push({ id: row.id, words, colour: hashed.colour });
    if (!copied) logger.info('photo bytes already in media folder', { mediaPath });
    return { row, existing: false, similar };
  }

  return {
    ...captions,
    ...duplicates,

    /**
     * Imports files and folders (walked recursively). Each file is probed first; refused files
     * land in `failed` with the engine's message and the batch carries on. Files are handled one
     * at a time so the rest of the app stays responsive.
     */
    async importFiles(
      paths: readonly string[],
      options: {
        event?: string;
        signal?: AbortSignal;
        onProgress?: (progress: ImportProgress) => void;
      } = {},
    ): Promise<ImportResult> {
      const { signal, onProgress } = options;
      const event = cleanText(options.event);
      const result: ImportResult = {
        imported: [],
        duplicates: [],
        nearDuplicates: [],
        failed: [],
        cancelled: false,
      };
      const { files, failures } = await collectImportFiles(paths);
      result.failed.push(...failures.map((failure) => failureOf(failure.error, failure.path)));
      const hashes = selectHashes(db).map((entry) => ({
        id: entry.id,
        words: hashWords(entry.dhash),
        colour: entry.colour,
      }));
      type Outcome =
        | { kind: 'done'; record: PhotoRecord; existing: boolean; near: NearDuplicate[] }
        | { kind: 'failed'; failure: ImportFailure };
      const outcomes: Array<Outcome | undefined> = [];
      let next = 0;
      let done = 0;
      let fatal: unknown = null;
      let gate: Promise<void> = Promise.resolve();
      const lane = async (): Promise<void> => {
        while (next < files.length && fatal === null && !result.cancelled) {
          if (signal?.aborted === true) {
            result.cancelled = true;
            return;
          }
          const index = next;
          next += 1;
          const filePath = files[index] ?? '';
          const previous = gate;
          let release = (): void => undefined;
          gate = new Promise<void>((resolve) => (release = resolve));
          try {
            const { row, existing, similar } = await importOne(
              filePath,
              event,
              hashes,
              signal,
              previous,
            );
            const record = toPhotoRecord(row);
            const near = similar.map((pair) => ({
              photo: record,
              similar: toPhotoRecord(mustGet(pair.id)),
              distance: pair.distance,
            }));
            outcomes[index] = { kind: 'done', record, existing, near };
          } catch (error) {
            // Only the photo's own problems are reported per file; a database failure stops the batch.
            if (!isPhotoError(error)) {
              fatal ??= error;
              return;
            }
            const failure = failureOf(error, filePath);
            if (failure.code === 'PHOTO_CANCELLED') {
              result.cancelled = true;
              return;
            }
            outcomes[index] = { kind: 'failed', failure };
            logger.warn('photo import refused', { code: failure.code, detail: error.detail });
          } finally {
            // A file that failed still lets the next one in, once the ones before it are in.
            void previous.then(release);
          }
          done += 1;
          onProgress?.({ done, total: files.length, path: filePath });
        }
      };
      await Promise.all(Array.from({ length: Math.min(importLanes, files.length) }, lane));
      if (fatal !== null) {
        throw fatal instanceof Error ? fatal : new Error('photo import failed', { cause: fatal });
      }
      // Reported in the order the files were given, whichever lane finished first.
      for (const outcome of outcomes) {
        if (outcome === undefined) continue;
        if (outcome.kind === 'failed') {
          result.failed.push(outcome.failure);
          continue;
        }
        if (outcome.existing) result.duplicates.push(outcome.record);
        else result.imported.push(outcome.record);
        result.nearDuplicates.push(...outcome.near);
      }
      logger.info('photo import finished', {
        imported: result.imported.length,
        duplicates: result.duplicates.length,
        nearDuplicates: result.nearDuplicates.length,
        failed: result.failed.length,
        cancelled: result.cancelled,
      });
      return result;
    },

    /** One page of the thumbnail grid, sorted and filtered, with the total count. */
    list(options: ListOptions): { photos: PhotoRecord[]; total: number } {
      const limit = Math.min(Math.max(Math.trunc(options.limit), 1), 1000);
      const offset = Math.max(Math.trunc(options.offset), 0);
      const { rows, total } = selectPhotos(db, { ...options, limit, offset });
      return { photos: rows.map(toPhotoRecord), total };
    },

    /** One photo for the large preview, with the articles that use it. */
    get(id: string): PhotoRecord & { usedIn: string[] } {
      return { ...toPhotoRecord(mustGet(id)), usedIn: selectUsage(db, id) };
    },

    /** Sets, or with null clears, where crops centre on these photos (the editor's click). */
    setFocalPoint(ids: readonly string[], focal: { x: number; y: number } | null): PhotoRecord[] {
      return db.transaction(() => {
        for (const id of ids) mustGet(id);
        updateFocalPoint(db, ids, focal, now());
        return ids.map((id) => toPhotoRecord(mustGet(id)));
      })();
    },

    /** Events named at import, newest first, for the event filter. */
    events(): Array<{ event: string; count: number }> {
      return selectEvents(db);
    },

    /**
     * Replaces the set of library photos an article uses, from the media paths in its body
     * (called on save); paths that are not library photos are ignored. Returns how many matched.
     */
    recordUsage(articleId: string, mediaPaths: readonly string[]): number {
      return db.transaction(() => replaceUsage(db, articleId, [...mediaPaths]))();
    },

    /** Media-relative path of a photo's thumbnail (served by the media protocol once generated). */
    thumbnailPath(id: string, size = THUMBNAIL_SIZE): string {
      return thumbnailMediaPath(mustGet(id).sha256, size);
    },

    /**
     * Generates missing thumbnails one after another, yielding between files so the app stays
     * responsive; cached ones are skipped. A photo that cannot be read is reported, not thrown.
     */
    async ensureThumbnails(
      ids: readonly string[],
      options: { size?: number; signal?: AbortSignal } = {},
    ): Promise<{ created: string[]; failed: Array<{ id: string; message: string }> }> {
      const size = options.size ?? THUMBNAIL_SIZE;
      const created: string[] = [];
      const failed: Array<{ id: string; message: string }> = [];
      for (const id of ids) {
        if (options.signal?.aborted === true) break;
        // Every grid page asks again: a thumbnail seen once is not looked up on disk again.
        if (thumbnailsSeen.has(`${id}-${size}`)) continue;
        const row = selectPhoto(db, id);
        if (row === undefined) continue;
        try {
          const original = path.join(mediaDir, row.media_path);
          const target = path.join(mediaDir, thumbnailMediaPath(row.sha256, size));
          if (await writeThumbnail(original, target, size, row.original_name)) created.push(id);
          thumbnailsSeen.add(`${id}-${size}`);
        } catch (error) {
          failed.push({ id, message: failureOf(error, row.original_name).message });
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return { created, failed };
    },
  };
}

/** The photo library's API, as the contract handlers will call it. */
export type PhotoLibrary = ReturnType<typeof createPhotoLibrary>;
