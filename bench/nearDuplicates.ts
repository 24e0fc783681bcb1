import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import sharp from 'sharp';

import {
  NEAR_DUPLICATE_DISTANCE,
  hammingDistance,
  nearDuplicateDistance,
  photoHashes,
} from '../electron/core/photos/perceptualHash';
import type { PhotoHashes } from '../electron/core/photos/perceptualHash';

/*
 * Near-duplicate accuracy for bench:photos (issue 15): how many pairs of DIFFERENT pictures the
 * library would flag, on flat and simple images (flat colours, one shape on white or black) and on
 * real photographs (each real photo and its four quadrants, all different pictures), and how many
 * true pairs (a photo re-sent at 480 px, JPEG q50, as chat apps do) it misses. Each false-pair
 * figure is also given for the colour-blind dHash alone, the library's rule before migration 0330.
 */

const COLOURS = [
  '#d62828',
  '#1d4ed8',
  '#15803d',
  '#f59e0b',
  '#111111',
  '#7c3aed',
  '#0ea5e9',
  '#db2777',
  '#65a30d',
  '#ea580c',
  '#9ca3af',
  '#ffffff',
];

async function simpleImages(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const [index, colour] of COLOURS.entries()) {
    const flat = path.join(dir, `flat-${index}.png`);
    await sharp({ create: { width: 320, height: 240, channels: 3, background: colour } })
      .png()
      .toFile(flat);
    files.push(flat);
    for (const [shape, ground] of [
      ['circle', '#ffffff'],
      ['square', '#000000'],
    ] as const) {
      if (colour === ground) continue; // a white circle on white is the flat white image again
      const body =
        shape === 'circle'
          ? `<circle cx="160" cy="120" r="80" fill="${colour}"/>`
          : `<rect x="100" y="60" width="120" height="120" fill="${colour}"/>`;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="${ground}"/>${body}</svg>`;
      const file = path.join(dir, `${shape}-${index}.png`);
      await sharp(Buffer.from(svg)).png().toFile(file);
      files.push(file);
    }
  }
  return files;
}

/** Each photo at 1024 px and its four quadrants: five different pictures per photo. */
async function photoSet(sources: readonly string[], dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const [index, source] of sources.entries()) {
    const whole = await sharp(source).autoOrient().resize(1024).jpeg({ quality: 90 }).toBuffer();
    const meta = await sharp(whole).metadata();
    const w = Math.floor((meta.width ?? 2) / 2);
    const h = Math.floor((meta.height ?? 2) / 2);
    const wholeFile = path.join(dir, `photo-${index}.jpg`);
    await sharp(whole).toFile(wholeFile);
    files.push(wholeFile);
    for (const [q, [left, top]] of [
      [0, 0],
      [w, 0],
      [0, h],
      [w, h],
    ].entries()) {
      const file = path.join(dir, `photo-${index}-q${q}.jpg`);
      await sharp(whole)
        .extract({ left: left ?? 0, top: top ?? 0, width: w, height: h })
        .toFile(file);
      files.push(file);
    }
  }
  return files;
}

function falsePairs(hashes: readonly PhotoHashes[]): { withColour: number; dhashOnly: number } {
  let withColour = 0;
  let dhashOnly = 0;
  for (let i = 0; i < hashes.length; i += 1) {
    for (let j = 0; j < i; j += 1) {
      const a = hashes[i];
      const b = hashes[j];
      if (a === undefined || b === undefined) continue;
      if (nearDuplicateDistance(a, b) !== null) withColour += 1;
      if (hammingDistance(a.dhash, b.dhash) <= NEAR_DUPLICATE_DISTANCE) dhashOnly += 1;
    }
  }
  return { withColour, dhashOnly };
}

/** The figures, measured on `sources` (real JPEGs) in a scratch folder under `workDir`. */
export async function measureNearDuplicates(
  sources: readonly string[],
  workDir: string,
): Promise<Record<string, number>> {
  const dir = path.join(workDir, 'near-duplicates');
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const simple = await simpleImages(dir);
  const photos = await photoSet(sources, dir);
  const flat = falsePairs(await Promise.all(simple.map((file) => photoHashes(file))));
  const photoHashesList = await Promise.all(photos.map((file) => photoHashes(file)));
  const real = falsePairs(photoHashesList);
  let missed = 0;
  for (const [index, source] of sources.entries()) {
    const resent = path.join(dir, `resent-${index}.jpg`);
    await sharp(source).autoOrient().resize(480).jpeg({ quality: 50 }).toFile(resent);
    const original = photoHashesList[index * 5];
    if (original === undefined) continue;
    if (nearDuplicateDistance(original, await photoHashes(resent)) === null) missed += 1;
  }
  const n = (count: number): number => (count * (count - 1)) / 2;
  return {
    near_dup_flat_images: simple.length,
    near_dup_false_pairs_flat: flat.withColour,
    near_dup_false_pairs_flat_dhash_only: flat.dhashOnly,
    near_dup_photo_images: photos.length,
    near_dup_photo_pairs_compared: n(photos.length),
    near_dup_false_pairs_photos: real.withColour,
    near_dup_false_pairs_photos_dhash_only: real.dhashOnly,
    near_dup_missed_resent: missed,
  };
}
