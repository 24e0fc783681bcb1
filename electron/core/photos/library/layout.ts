import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { sha256File } from '../contentHash';
import { photoErrors, toPhotoError } from '../errors';
import { HEAD_BYTES, sniffHeif } from '../probe';
import type { PhotoProbe } from '../probe';

/*
 * Where library files live inside the media folder. Originals use the media service's layout
 * (`photos/ab/<sha>.<ext>`), so a photo the editor inserted before and the same bytes imported
 * into the library are one file.
 */

/** File extension per stored format, matching services/media.ts. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  tiff: 'tif',
  avif: 'avif',
};

/** Extensions picked up when a folder is walked; HEIC is included so it gets its message. */
const IMPORTABLE = /\.(?:jpe?g|jpe|jfif|png|webp|gif|tiff?|avif|heic|heif)$/iu;

/** Default thumbnail edge in pixels (the grid's cell at 2× density). */
export const THUMBNAIL_SIZE = 320;

/** Media-relative path of an original, e.g. `photos/ab/abcd….jpg`. */
export function originalMediaPath(sha256: string, format: string): string {
  const extension = EXTENSIONS[format] ?? format;
  return `photos/${sha256.slice(0, 2)}/${sha256}.${extension}`;
}

/** Media-relative path of a cached thumbnail, e.g. `thumbs/abcd…-320.webp`. */
export function thumbnailMediaPath(sha256: string, size = THUMBNAIL_SIZE): string {
  return `thumbs/${sha256}-${size}.webp`;
}

/**
 * The library's name for the probed format: AVIF is reported by libvips as 'heif', so the `ftyp`
 * brands decide. Undefined for anything the library does not store.
 */
export async function storedFormat(probe: PhotoProbe): Promise<string | undefined> {
  if (probe.format !== 'heif') return probe.format in EXTENSIONS ? probe.format : undefined;
  const head = new Uint8Array(HEAD_BYTES);
  const handle = await open(probe.filePath, 'r');
  try {
    await handle.read(head, 0, HEAD_BYTES, 0);
  } finally {
    await handle.close();
  }
  return sniffHeif(head) === 'avif' ? 'avif' : undefined;
}

/** True when the file is there (any stat failure counts as absent). */
export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies an original into the media folder through a temp file and a rename, so a crash never
 * leaves half a photo under its final name. The copy is hashed again: a file still being written
 * by Zalo or a card reader is refused instead of stored under the wrong hash. Returns false when
 * the bytes were already there (inserted earlier by the editor).
 */
export async function storeOriginal(
  source: string,
  mediaDir: string,
  mediaPath: string,
  sha256: string,
  signal?: AbortSignal,
): Promise<boolean> {
  const target = path.join(mediaDir, mediaPath);
  if (await exists(target)) return false;
  const temp = path.join(path.dirname(target), `.${sha256}.${randomUUID()}.tmp`);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source, temp);
  } catch (error) {
    await rm(temp, { force: true });
    throw toPhotoError(error, mediaPath, 'write');
  }
  try {
    if ((await sha256File(temp, signal)) !== sha256) throw photoErrors.corrupt(source);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw toPhotoError(error, mediaPath, 'write');
  }
  return true;
}

/** A path that could not be listed, with the engine's error for it. */
export interface WalkFailure {
  path: string;
  error: unknown;
}

async function walkFolder(folder: string, files: string[], failures: WalkFailure[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    failures.push({ path: folder, error });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    // Hidden files include macOS `._IMG_1234.jpg` resource forks copied from cards: not photos.
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await walkFolder(full, files, failures);
    else if (entry.isFile() && IMPORTABLE.test(entry.name)) files.push(full);
  }
}

/**
 * Expands the dropped paths into files: folders are walked recursively for photo extensions
 * (links inside folders are not followed, so a link loop cannot hang the import); files named
 * explicitly are always tried, so a wrong extension still gets a clear message.
 */
export async function collectImportFiles(
  paths: readonly string[],
): Promise<{ files: string[]; failures: WalkFailure[] }> {
  const files: string[] = [];
  const failures: WalkFailure[] = [];
  for (const item of paths) {
    try {
      const info = await stat(item);
      if (info.isDirectory()) await walkFolder(item, files, failures);
      else files.push(item);
    } catch (error) {
      failures.push({ path: item, error });
    }
  }
  return { files: [...new Set(files)], failures };
}
