import { randomUUID } from 'node:crypto';
import { link, lstat, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { photoErrors, toPhotoError } from './errors';
import { numberedFileName } from './fileName';

/*
 * The file-system half of processing: choosing final names under the existing-file policy, writing
 * temp files beside the targets, and moving them into place all-or-nothing, so a crash, a full disk or
 * a cancel never leaves a half-written image under a real name.
 */

/** What to do when an output name is already taken in the output folder. */
export type ExistingPolicy = 'rename' | 'skip' | 'overwrite';

/** A name chosen for one output: stem and extension kept apart for renumbering. */
export interface PlannedName {
  stem: string;
  extension: string;
  /** 1 for the bare name, 2+ for "-2", "-3"… */
  n: number;
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await lstat(filePath);
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return false;
    throw error;
  }
}

function fileNameOf(name: PlannedName): string {
  return numberedFileName(name.stem, name.extension, name.n);
}

/**
 * Picks a final name per output before any decoding. Outputs of one call never collide with each
 * other (renumbered whatever the policy); 'skip' refuses the photo if any target exists, so a
 * re-run of a batch skips finished photos without decoding them.
 */
export async function chooseNames<T extends { stem: string; extension: string }>(
  outDir: string,
  wanted: T[],
  policy: ExistingPolicy,
): Promise<(T & { name: PlannedName })[]> {
  const taken = new Set<string>();
  const chosen: (T & { name: PlannedName })[] = [];
  for (const item of wanted) {
    const { stem, extension } = item;
    let name: PlannedName = { stem, extension, n: 1 };
    for (;;) {
      const key = fileNameOf(name).toLowerCase();
      const onDisk =
        policy === 'overwrite' ? false : await exists(path.join(outDir, fileNameOf(name)));
      if (onDisk && policy === 'skip')
        throw photoErrors.outputExists(path.join(outDir, fileNameOf(name)));
      if (!onDisk && !taken.has(key)) break;
      name = { ...name, n: name.n + 1 };
    }
    taken.add(fileNameOf(name).toLowerCase());
    chosen.push({ ...item, name });
  }
  return chosen;
}

/** Errors meaning "this file system cannot hard-link" (FAT/exFAT cards, some network shares). */
const NO_LINK = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EINVAL', 'EMLINK']);

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/**
 * Moves a temp file to its final name without replacing anything: link() fails atomically when the
 * target exists. Where hard links are unsupported it falls back to check-then-rename, which has a tiny
 * race window we accept on such volumes.
 */
async function placeWithoutReplacing(temp: string, final: string): Promise<boolean> {
  try {
    await link(temp, final);
  } catch (error) {
    const code = codeOf(error);
    if (code === 'EEXIST') return false;
    if (code === undefined || !NO_LINK.has(code)) throw error;
    if (await exists(final)) return false;
    await rename(temp, final);
    return true;
  }
  await unlink(temp);
  return true;
}

/** An encoded output ready to be written. */
export interface PendingFile {
  name: PlannedName;
  data: Buffer;
}

/**
 * Writes every output to a hidden temp file in `outDir`, then moves all into place. On any failure
 * the temp files are deleted and outputs already placed by this call are removed again, so a photo is
 * either fully written or not at all. Returns the files with their final paths, in input order.
 */
export async function writeAllOrNothing<T extends PendingFile>(
  outDir: string,
  files: T[],
  policy: ExistingPolicy,
  signal?: AbortSignal,
): Promise<(T & { path: string })[]> {
  const temps: string[] = [];
  const placed: string[] = [];
  const written: (T & { path: string })[] = [];
  let current = outDir;
  try {
    for (const file of files) {
      const temp = path.join(outDir, `.${fileNameOf(file.name)}.${randomUUID().slice(0, 8)}.tmp`);
      current = path.join(outDir, fileNameOf(file.name));
      temps.push(temp);
      await writeFile(temp, file.data, { flag: 'wx' });
    }
    for (const [index, file] of files.entries()) {
      if (signal?.aborted === true) throw photoErrors.cancelled(current);
      const temp = temps[index];
      if (temp === undefined) throw new Error('temp file list out of step');
      let name = file.name;
      for (;;) {
        current = path.join(outDir, fileNameOf(name));
        if (policy === 'overwrite') {
          await rename(temp, current);
          break;
        }
        if (await placeWithoutReplacing(temp, current)) break;
        // Someone created the target since chooseNames looked.
        if (policy === 'skip') throw photoErrors.outputExists(current);
        name = { ...name, n: name.n + 1 };
      }
      placed.push(current);
      written.push({ ...file, path: current });
    }
    return written;
  } catch (error) {
    await Promise.all([...temps, ...placed].map((file) => unlink(file).catch(() => undefined)));
    throw toPhotoError(error, current, 'write');
  }
}
