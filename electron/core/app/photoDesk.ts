import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import type { ImportedImage } from '../../../shared/domain/media';
import type { JobItem, JobStatus, PhotoImportReport } from '../../../shared/photos/desk';
import { AppError } from '../../../shared/errors/appError';
import { slugify } from '../../../shared/vietnamese/slug';
import type { Handlers } from '../contract/dispatch';
import type { EventBus } from '../events/eventBus';
import type { Logger } from '../logging/logger';
import type { BatchStatus, PhotoWorkerPool } from '../photos/batch';
import { createBatchRunner, createPhotoWorkerPool } from '../photos/batch';
import { createLogoStore } from '../photos/library/logoStore';
import { createPhotoLibrary } from '../photos/library/photoLibrary';
import { createRecipesService } from '../services/recipes';
import { selectOriginalName } from '../db/queries/photos';

/** The photo desk's calls, as one slice of the contract's handlers. */
export type PhotoDeskHandlers = Pick<
  Handlers,
  | 'photos.import'
  | 'photos.list'
  | 'photos.events'
  | 'photos.duplicates'
  | 'photos.resolveDuplicate'
  | 'photos.duplicateGroups'
  | 'photos.resolveGroup'
  | 'photos.updateCaptions'
  | 'photos.applyTemplate'
  | 'photos.codes'
  | 'photos.setCode'
  | 'photos.removeCode'
  | 'photos.templates'
  | 'photos.saveTemplate'
  | 'photos.process'
  | 'jobs.status'
  | 'jobs.pause'
  | 'jobs.resume'
  | 'jobs.cancel'
  | 'recipes.list'
  | 'recipes.save'
  | 'recipes.delete'
  | 'recipes.setDefault'
  | 'photos.setFocalPoint'
  | 'logos.import'
  | 'logos.list'
>;

/** Starts worker threads only when the first batch needs them, so start-up stays cheap. */
function lazyPool(workerUrl: URL | string): PhotoWorkerPool & { started: boolean } {
  let pool: PhotoWorkerPool | null = null;
  const ensure = (): PhotoWorkerPool => (pool ??= createPhotoWorkerPool({ workerUrl }));
  return {
    get size() {
      return ensure().size;
    },
    get started() {
      return pool !== null;
    },
    run: (task, signal) => ensure().run(task, signal),
    close: () => (pool ? pool.close() : Promise.resolve()),
  };
}

function toJobStatus(
  status: BatchStatus | undefined,
  jobId: string,
  nameOf: (inputPath: string) => string,
): JobStatus {
  if (!status) throw new AppError('not_found', 'Không tìm thấy lô xử lý ảnh này.');
  const items: JobItem[] = status.items.map((item) => ({
    seq: item.seq,
    name: nameOf(item.inputPath),
    state: item.state,
    message: item.errorMessage,
    outputs: item.outputs.map((output) => ({
      path: output.path,
      format: output.format,
      width: output.width,
      height: output.height,
      bytes: output.bytes,
    })),
  }));
  return {
    jobId,
    state: status.state,
    stateMessage: status.stateMessage,
    outDir: status.outDir,
    total: status.total,
    done: status.counts.done,
    failed: status.counts.failed,
    skipped: status.counts.skipped,
    etaSeconds: status.etaSeconds,
    items,
  };
}

/** A safe, unique file name inside a temp folder for an uploaded photo. */
function uploadName(name: string, taken: Set<string>): string {
  const base =
    [...path.basename(name)]
      .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
      .join('') || 'anh';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i += 1) candidate = `${i}-${base}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The photo desk wired to the contract: the library (import, captions, duplicates, thumbnails)
 * and the batch runner on worker threads. Batches interrupted by a crash resume at start-up.
 */
export function createPhotoDesk(deps: {
  db: Database;
  events: EventBus;
  logger: Logger;
  now: () => number;
  mediaDir: string;
  outputsDir: string;
  workerUrl: URL | string;
  /** The bundled font for text overlays (resources/fonts). */
  fontFile: string;
}) {
  const { db, events, logger, now, mediaDir, outputsDir } = deps;
  const library = createPhotoLibrary({ db, mediaDir, logger: logger.child('photos'), now });
  const logos = createLogoStore({ db, mediaDir, now, fontFile: deps.fontFile });
  const recipes = createRecipesService({ db, logger: logger.child('recipes'), now });
  const pool = lazyPool(deps.workerUrl);
  // Batches read originals from the content-addressed store; reports show the photo's own name.
  const nameOf = (inputPath: string): string =>
    selectOriginalName(db, path.relative(mediaDir, inputPath).split(path.sep).join('/')) ??
    path.basename(inputPath);
  const runner = createBatchRunner({ db, events, logger, pool, now, displayName: nameOf });
  const background = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>): void => {
    const settled = work.catch((error: unknown) =>
      logger.warn('background photo work failed', { error }),
    );
    background.add(settled);
    void settled.finally(() => background.delete(settled));
  };
  track(runner.resumeInterrupted());

  /** Imports files already on disk (named as the user picked them) into the library. */
  const importFiles = async (
    files: ReadonlyArray<{ path: string; name: string }>,
    event: string,
  ): Promise<PhotoImportReport> => {
    const names = new Map(files.map((file) => [file.path, file.name]));
    const result = await library.importFiles(
      files.map((file) => file.path),
      { event },
    );
    track(library.ensureThumbnails(result.imported.map((photo) => photo.id)));
    return {
      imported: result.imported,
      duplicates: result.duplicates,
      nearDuplicates: result.nearDuplicates,
      failed: result.failed.map((failure) => ({
        name: names.get(failure.path) ?? path.basename(failure.path),
        code: failure.code,
        message: failure.message,
      })),
    };
  };

  const handlers: PhotoDeskHandlers = {
    'photos.import': async (args): Promise<PhotoImportReport> => {
      const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'newsdesk-import-'));
      try {
        const taken = new Set<string>();
        const files: Array<{ path: string; name: string }> = [];
        for (const file of args.files) {
          const target = path.join(temp, uploadName(file.name, taken));
          await fs.writeFile(target, Buffer.from(file.dataBase64, 'base64'));
          files.push({ path: target, name: file.name });
        }
        return await importFiles(files, args.event);
      } finally {
        await fs.rm(temp, { recursive: true, force: true });
      }
    },
    'photos.list': (args) => {
      const listed = library.list({
        sort: args.sort,
        limit: args.limit,
        offset: args.offset,
        ...(args.event !== undefined ? { event: args.event } : {}),
        ...(args.captioned !== undefined ? { captioned: args.captioned } : {}),
        ...(args.unused !== undefined ? { unused: args.unused } : {}),
        ...(args.usedIn !== undefined ? { usedIn: args.usedIn } : {}),
      });
      track(library.ensureThumbnails(listed.photos.map((photo) => photo.id)));
      return listed;
    },
    'photos.events': () => library.events(),
    'photos.duplicates': () => library.openDuplicates(),
    'photos.resolveDuplicate': async (args) => {
      await library.resolveDuplicate(args.photoId, args.similarId, args.keep);
      return null;
    },
    'photos.duplicateGroups': () => library.duplicateGroups(),
    'photos.resolveGroup': async (args) => {
      await library.resolveGroup(args.ids, args.keep);
      return null;
    },
    'photos.updateCaptions': (args) => {
      const { ids, ...patch } = args;
      return library.updateCaptions(ids, patch);
    },
    'photos.applyTemplate': (args) =>
      library.applyCaptionTemplate(args.ids, args.template, { place: args.place }),
    'photos.codes': () =>
      [...library.captionCodes()].map(([code, expansion]) => ({ code, expansion })),
    'photos.setCode': (args) => {
      library.setCaptionCode(args.code, args.expansion);
      return null;
    },
    'photos.removeCode': (args) => {
      library.removeCaptionCode(args.code);
      return null;
    },
    'photos.templates': () => library.captionTemplates(),
    'photos.saveTemplate': (args) => library.saveCaptionTemplate(args),
    'photos.process': (args) => {
      const photos = args.ids.map((id) => library.get(id));
      const day = new Date(now()).toISOString().slice(0, 10);
      const event = photos[0]?.event ?? '';
      const outDir = path.join(outputsDir, event ? `${day}-${slugify(event)}` : day);
      const jobId = runner.start({
        inputs: photos.map((photo, index) => ({
          path: path.join(mediaDir, photo.mediaPath),
          meta: {
            caption: photo.caption,
            byline: photo.byline,
            credit: photo.credit,
            copyright: photo.copyright,
            slug: slugify(event || photo.originalName.replace(/\.[^.]+$/, '')),
            date: photo.captureTime?.slice(0, 10) ?? day,
            seq: index + 1,
            ...(photo.focalPoint ? { focalPoint: photo.focalPoint } : {}),
          },
        })),
        recipe: logos.resolveRecipe(recipes.resolve(args.recipeId)),
        outDir,
        existingPolicy: args.existingPolicy,
      });
      return { jobId };
    },
    'photos.setFocalPoint': (args) => library.setFocalPoint(args.ids, args.focalPoint),
    'logos.import': (args) =>
      logos.importLogo(args.fileName, Buffer.from(args.dataBase64, 'base64')),
    'logos.list': () => logos.list(),
    'recipes.list': () => recipes.list(),
    'recipes.save': (args) => recipes.save(args),
    'recipes.delete': (args) => {
      recipes.remove(args.id);
      return null;
    },
    'recipes.setDefault': (args) => recipes.setDefault(args.id),
    'jobs.status': (args) => {
      const status = toJobStatus(runner.status(args.jobId), args.jobId, nameOf);
      return args.items ? status : { ...status, items: [] };
    },
    'jobs.pause': (args) => toJobStatus(runner.pause(args.jobId), args.jobId, nameOf),
    'jobs.resume': (args) => toJobStatus(runner.resume(args.jobId), args.jobId, nameOf),
    'jobs.cancel': (args) => toJobStatus(runner.cancel(args.jobId), args.jobId, nameOf),
  };

  return {
    handlers,
    /**
     * Imports uploaded files (docs/large-imports.md): each is given its picked name in a temp
     * folder, imported, and deleted.
     */
    async importUploaded(
      files: ReadonlyArray<{ file: string; fileName: string }>,
      event: string,
    ): Promise<PhotoImportReport> {
      const temp = await fs.mkdtemp(path.join(path.dirname(files[0]?.file ?? os.tmpdir()), 'in-'));
      try {
        const taken = new Set<string>();
        const named: Array<{ path: string; name: string }> = [];
        for (const upload of files) {
          const target = path.join(temp, uploadName(upload.fileName, taken));
          await fs.rename(upload.file, target);
          named.push({ path: target, name: upload.fileName });
        }
        return await importFiles(named, event);
      } finally {
        await fs.rm(temp, { recursive: true, force: true });
        for (const upload of files) await fs.rm(upload.file, { force: true });
      }
    },
    /**
     * Puts a photo the editor inserted from the computer (or pasted, or dropped) into the library
     * under the name it had, so it shows in Kho ảnh; returns the image with the library's alt text.
     * A library that cannot take it is logged, not fatal: the photo is already in the article.
     */
    async adoptArticleImage(
      image: ImportedImage,
      fileName: string,
      data: Buffer,
    ): Promise<ImportedImage> {
      const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'newsdesk-article-photo-'));
      try {
        const target = path.join(temp, uploadName(fileName, new Set()));
        await fs.writeFile(target, data);
        const report = await importFiles([{ path: target, name: fileName }], '');
        const record = report.imported[0] ?? report.duplicates[0];
        if (record === undefined) {
          logger.warn('article photo not added to the library', { failed: report.failed });
          return image;
        }
        return { ...image, altText: record.altText };
      } finally {
        await fs.rm(temp, { recursive: true, force: true });
      }
    },
    /** Recipes as the engine runs them (logo files, bundled font): for article photos at sync. */
    resolveRecipe: (recipeId?: string) => logos.resolveRecipe(recipes.resolve(recipeId)),
    /** Makes missing grid thumbnails in the background (for pages listed by other calls). */
    ensureThumbnails: (ids: readonly string[]): void => track(library.ensureThumbnails(ids)),
    /** Keeps the "used in which article" index in step with article bodies. */
    recordUsage: (articleId: string, mediaPaths: readonly string[]) =>
      library.recordUsage(articleId, mediaPaths),
    /** Waits for batches and background thumbnails, then stops the worker threads. */
    async close(): Promise<void> {
      await runner.close();
      await Promise.all([...background]);
      await pool.close();
    },
  };
}
