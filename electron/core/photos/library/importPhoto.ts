import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';

import { sha256File } from '../contentHash';
import { DEFAULT_MAX_PIXELS, photoErrors, toPhotoError } from '../errors';
import { photoHashes } from '../perceptualHash';
import type { PhotoHashes } from '../perceptualHash';
import { probePhoto } from '../probe';
import type { PhotoProbe } from '../probe';
import {
  THUMBNAIL_SIZE,
  exists,
  originalMediaPath,
  storeOriginal,
  storedFormat,
  thumbnailMediaPath,
} from './layout';

/** A file ready to become a library row: probed, hashed, stored, thumbnailed. */
export interface PreparedPhoto {
  probe: PhotoProbe;
  format: string;
  sha256: string;
  /** dHash and colour signature, from the thumbnail. */
  hashed: PhotoHashes;
  mediaPath: string;
  /** False when the original's bytes were already in the media folder. */
  copied: boolean;
}

/**
 * The grid thumbnail from ONE decode of the original (JPEG shrink-on-load: a 12 MP photo decodes
 * at 1/8), with `failOn: 'error'` so a truncated or corrupt file is refused here. The import used
 * to decode each original three times (pixel check, perceptual hash, thumbnail later); the
 * perceptual hash and the colour signature are now taken from this small WebP instead.
 */
async function thumbnailOf(filePath: string): Promise<Buffer> {
  try {
    return await sharp(filePath, { limitInputPixels: DEFAULT_MAX_PIXELS, failOn: 'error' })
      .autoOrient()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 72, effort: 2 })
      .toBuffer();
  } catch (error) {
    throw toPhotoError(error, filePath, 'decode', DEFAULT_MAX_PIXELS);
  }
}

/** Writes the cached thumbnail through a temp name, so the grid never shows half a file. */
async function storeThumbnail(mediaDir: string, sha256: string, data: Buffer): Promise<void> {
  const target = path.join(mediaDir, thumbnailMediaPath(sha256));
  if (await exists(target)) return;
  const temp = `${target}.${randomUUID()}.tmp`;
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw toPhotoError(error, thumbnailMediaPath(sha256), 'write');
  }
}

/**
 * Probes, hashes, stores and thumbnails one file, without touching the database: several run at
 * once (docs/photo-import.md). Returns `{ known }` instead when `isKnown` says the bytes are
 * already in the library, before any pixel is decoded.
 */
export async function preparePhoto(
  filePath: string,
  mediaDir: string,
  isKnown: (sha256: string) => boolean,
  signal: AbortSignal | undefined,
): Promise<PreparedPhoto | { known: string }> {
  const probe = await probePhoto(filePath);
  const format = await storedFormat(probe).catch((error: unknown) => {
    throw toPhotoError(error, filePath, 'read');
  });
  if (format === undefined) throw photoErrors.unsupported(filePath, probe.format);
  const sha256 = await sha256File(filePath, signal);
  if (isKnown(sha256)) return { known: sha256 };
  const thumbnail = await thumbnailOf(filePath);
  const hashed = await photoHashes(thumbnail);
  const mediaPath = originalMediaPath(sha256, format);
  const copied = await storeOriginal(filePath, mediaDir, mediaPath, sha256, signal);
  await storeThumbnail(mediaDir, sha256, thumbnail);
  return { probe, format, sha256, hashed, mediaPath, copied };
}
