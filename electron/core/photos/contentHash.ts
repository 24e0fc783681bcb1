import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

import { toPhotoError } from './errors';

/**
 * SHA-256 of a file as lower-case hex, streamed so a 50 MB TIFF never sits in memory. Used to
 * recognise the exact same file imported twice (same Zalo export dragged in again).
 */
export async function sha256File(filePath: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  try {
    await pipeline(createReadStream(filePath), hash, signal === undefined ? {} : { signal });
  } catch (error) {
    throw toPhotoError(error, filePath, 'read');
  }
  return hash.digest('hex');
}
