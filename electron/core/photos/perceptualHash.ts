import sharp from 'sharp';
import type { Sharp } from 'sharp';

import { DEFAULT_MAX_PIXELS, toPhotoError } from './errors';

/*
 * dHash: compare each pixel of a 9×8 greyscale thumbnail with its right neighbour, 64 bits. It
 * survives resizing, recompression and mild colour changes, which is exactly what happens when a
 * photo is re-sent through Zalo or Messenger at another size, so the desk can flag near-duplicates.
 */

/** Hamming distance at or below which two photos are treated as the same picture. */
export const NEAR_DUPLICATE_DISTANCE = 10;

/**
 * The raw pixels of a tiny version of the image, auto-oriented (a rotated-by-EXIF copy looks like
 * the original) and flattened on white, shaped by `shrink`; both hashes see the same image.
 */
async function tinyPixels(
  input: string | Buffer,
  maxPixels: number,
  shrink: (image: Sharp) => Sharp,
): Promise<Buffer> {
  try {
    const image = sharp(input, { limitInputPixels: maxPixels, failOn: 'error' })
      .autoOrient()
      .flatten({ background: '#ffffff' });
    return await shrink(image).raw().toBuffer();
  } catch (error) {
    throw toPhotoError(error, typeof input === 'string' ? input : 'buffer', 'decode', maxPixels);
  }
}

/**
 * 64-bit difference hash as 16 hex digits (storable as TEXT; compare with hammingDistance). The image
 * is auto-oriented and flattened on white first, so a rotated-by-EXIF copy hashes like the original.
 */
export async function differenceHash(
  input: string | Buffer,
  maxPixels = DEFAULT_MAX_PIXELS,
): Promise<string> {
  const pixels = await tinyPixels(input, maxPixels, (image) =>
    image.grayscale().resize(9, 8, { fit: 'fill', kernel: 'lanczos3' }),
  );
  let hex = '';
  for (let row = 0; row < 8; row += 1) {
    let byte = 0;
    for (let col = 0; col < 8; col += 1) {
      const left = pixels[row * 9 + col] ?? 0;
      const right = pixels[row * 9 + col + 1] ?? 0;
      byte = (byte << 1) | (left < right ? 1 : 0);
    }
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Number of differing bits between two 16-hex-digit hashes (0 = identical, 64 = opposite). */
export function hammingDistance(a: string, b: string): number {
  if (!/^[0-9a-f]{16}$/i.test(a) || !/^[0-9a-f]{16}$/i.test(b)) {
    throw new RangeError('Perceptual hashes must be 16 hexadecimal digits');
  }
  let distance = 0;
  for (const start of [0, 8]) {
    const x = Number.parseInt(a.slice(start, start + 8), 16);
    const y = Number.parseInt(b.slice(start, start + 8), 16);
    distance += popcount32((x ^ y) >>> 0);
  }
  return distance;
}

/** True when two hashes are close enough to show the editor a "possible duplicate" badge. */
export function isNearDuplicate(a: string, b: string): boolean {
  return hammingDistance(a, b) <= NEAR_DUPLICATE_DISTANCE;
}

/*
 * dHash sees only the order of light and dark, so a red and a blue rectangle (or the same logo in
 * two colours) hash alike. The colour signature is the mean sRGB colour of a 4×4 grid (48 bytes,
 * 96 hex digits); two photos are near-duplicates only when their dHashes are close AND no channel of
 * any cell differs by more than NEAR_DUPLICATE_COLOUR (0..255). A re-sent JPEG moves
 * the grid by 1–3; a different colour of the same flat shape by far more. docs/photo-duplicates.md
 */

/** Largest channel difference in any cell of the 4×4 grids at or below which colours match. */
export const NEAR_DUPLICATE_COLOUR = 24;

/**
 * The 4×4 mean-colour grid as 96 hex digits, from the same auto-oriented, white-flattened image
 * the dHash sees; a box filter, so each cell is the true mean of its area.
 */
export async function colourSignature(
  input: string | Buffer,
  maxPixels = DEFAULT_MAX_PIXELS,
): Promise<string> {
  const pixels = await tinyPixels(input, maxPixels, (image) =>
    image.removeAlpha().toColourspace('srgb').resize(4, 4, { fit: 'fill', kernel: 'cubic' }),
  );
  return pixels.subarray(0, 48).toString('hex').padEnd(96, '0');
}

/**
 * How far apart two colour signatures are: the largest difference of one channel in one of the 16
 * cells (0 = same, 255 = opposite). The largest, not an average, so a red subject on white differs
 * from a pink one even though most of the frame is the same white and two channels agree.
 */
export function colourDistance(a: string, b: string): number {
  if (!/^[0-9a-f]{96}$/i.test(a) || !/^[0-9a-f]{96}$/i.test(b)) {
    throw new RangeError('Colour signatures must be 96 hexadecimal digits');
  }
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  let worst = 0;
  for (let i = 0; i < 48; i += 1) worst = Math.max(worst, Math.abs((x[i] ?? 0) - (y[i] ?? 0)));
  return worst;
}

/** What the library keeps per photo to find near-duplicates. */
export interface PhotoHashes {
  dhash: string;
  /** '' for photos imported before colour signatures (migration 0330): dHash alone decides. */
  colour: string;
}

/** Both hashes of one image, decoded once per pipeline. */
export async function photoHashes(
  input: string | Buffer,
  maxPixels = DEFAULT_MAX_PIXELS,
): Promise<PhotoHashes> {
  const [dhash, colour] = await Promise.all([
    differenceHash(input, maxPixels),
    colourSignature(input, maxPixels),
  ]);
  return { dhash, colour };
}

/**
 * The hamming distance of two photos when they are near-duplicates (same structure and, when both
 * have a colour signature, the same colours), or null when they are different pictures.
 */
export function nearDuplicateDistance(a: PhotoHashes, b: PhotoHashes): number | null {
  const distance = hammingDistance(a.dhash, b.dhash);
  if (distance > NEAR_DUPLICATE_DISTANCE) return null;
  if (
    a.colour !== '' &&
    b.colour !== '' &&
    colourDistance(a.colour, b.colour) > NEAR_DUPLICATE_COLOUR
  ) {
    return null;
  }
  return distance;
}

/** A hash as its two 32-bit halves, parsed once so a library-wide scan is a few XORs per photo. */
export type HashWords = readonly [number, number];

/** Parses a 16-hex-digit hash into its two 32-bit halves (throws like hammingDistance on junk). */
export function hashWords(hash: string): HashWords {
  if (!/^[0-9a-f]{16}$/i.test(hash)) {
    throw new RangeError('Perceptual hashes must be 16 hexadecimal digits');
  }
  return [Number.parseInt(hash.slice(0, 8), 16), Number.parseInt(hash.slice(8), 16)];
}

/**
 * Hamming distance of two parsed hashes. The import compares every new photo with every photo in
 * the library: parsing both hex strings per pair (hammingDistance) made that scan cost ~1 µs per
 * library photo, so imports slowed as the library grew (issue 16: 50 → 34 photos/s by 10,000).
 */
export function wordsDistance(a: HashWords, b: HashWords): number {
  return popcount32((a[0] ^ b[0]) >>> 0) + popcount32((a[1] ^ b[1]) >>> 0);
}
