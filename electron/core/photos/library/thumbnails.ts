import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';

import { DEFAULT_MAX_PIXELS, toPhotoError } from '../errors';

/**
 * Writes one WebP thumbnail unless it is already cached; true when it was written. Auto-oriented
 * so phone photos stored sideways stand up in the grid; written to a temp name and renamed so
 * the grid never shows half a file.
 */
export async function writeThumbnail(
  original: string,
  target: string,
  size: number,
  /** The name the editor knows the photo by, for the error message. */
  displayName: string,
): Promise<boolean> {
  try {
    await stat(target);
    return false;
  } catch {
    // Not cached yet.
  }
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomUUID()}.tmp`;
  try {
    await sharp(original, { limitInputPixels: DEFAULT_MAX_PIXELS })
      .autoOrient()
      .resize(size, size, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 72, effort: 2 })
      .toFile(temp);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw toPhotoError(error, displayName, 'decode');
  }
  return true;
}
