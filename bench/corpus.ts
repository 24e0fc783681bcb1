import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import sharp from 'sharp';

/*
 * The benchmark corpus: real photographs from Debian's mate-backgrounds package (GPL-2.0-or-later,
 * the same source as tests/fixtures/photos), fetched with `apt-get download`, unpacked with
 * `dpkg-deb -x` (never installed), cropped and upscaled to 4000×3000 JPEG q92 like a 12 MP camera.
 * Twelve sources, so each appears with up to four different crops; every fourth is stored sideways
 * with EXIF Orientation 6. Cached under ~/.cache/newsdesk-bench, never in the repository.
 */

/** Cache root; override with NEWSDESK_BENCH_CACHE. */
export const CACHE_DIR =
  process.env.NEWSDESK_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'newsdesk-bench');

const PACKAGE = 'mate-backgrounds';
const PHOTO_DIR = 'usr/share/backgrounds/mate/nature';

/** One corpus photo and whether it carries Orientation 6. */
export interface CorpusPhoto {
  file: string;
  rotated: boolean;
}

function sourcePhotos(): string[] {
  const debs = path.join(CACHE_DIR, 'debs');
  const extract = path.join(CACHE_DIR, 'extract');
  const photos = path.join(extract, PHOTO_DIR);
  if (!existsSync(photos)) {
    mkdirSync(debs, { recursive: true });
    const deb = () => readdirSync(debs).find((name) => name.startsWith(`${PACKAGE}_`));
    if (deb() === undefined) {
      console.log(`corpus: apt-get download ${PACKAGE}`);
      execFileSync('apt-get', ['download', PACKAGE], { cwd: debs, stdio: 'inherit' });
    }
    const file = deb();
    if (file === undefined) throw new Error(`apt-get download ${PACKAGE} produced no .deb`);
    execFileSync('dpkg-deb', ['-x', path.join(debs, file), extract]);
  }
  return readdirSync(photos)
    .filter((name) => /\.jpe?g$/i.test(name))
    .sort()
    .map((name) => path.join(photos, name));
}

/** Crop boxes as fractions of a 4:3 window: full, two corners, a tighter centre. */
const VARIANTS = [
  { zoom: 1, x: 0.5, y: 0.5 },
  { zoom: 0.85, x: 0.2, y: 0.25 },
  { zoom: 0.85, x: 0.8, y: 0.75 },
  { zoom: 0.72, x: 0.5, y: 0.45 },
];

async function makePhoto(source: string, index: number, target: string, rotated: boolean) {
  const meta = await sharp(source).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const variant = VARIANTS[Math.floor(index / 12) % VARIANTS.length] ?? { zoom: 1, x: 0.5, y: 0.5 };
  const baseWidth = Math.min(width, Math.round((height * 4) / 3));
  const cropWidth = Math.round(baseWidth * variant.zoom);
  const cropHeight = Math.round((cropWidth * 3) / 4);
  const left = Math.round((width - cropWidth) * variant.x);
  const top = Math.round((height - cropHeight) * variant.y);
  const upscaled = await sharp(source)
    .extract({ left, top, width: cropWidth, height: cropHeight })
    .resize(4000, 3000, { kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Stored sideways (as a phone held upright writes it) in a second pipeline: sharp rotates before
  // resizing within one.
  const pixels = rotated
    ? await sharp(upscaled.data, { raw: upscaled.info })
        .rotate(270)
        .raw()
        .toBuffer({ resolveWithObject: true })
    : upscaled;
  await sharp(pixels.data, { raw: pixels.info })
    .withExif({
      IFD0: { Make: 'Canon', Model: 'Canon EOS 5D Mark IV', Artist: 'mate-backgrounds' },
      IFD2: { DateTimeOriginal: `2024:05:${String((index % 28) + 1).padStart(2, '0')} 09:30:00` },
    })
    .withMetadata({ orientation: rotated ? 6 : 1 })
    .jpeg({ quality: 92 })
    .toFile(target);
}

/** Builds (once) and returns the corpus of `count` 12 MP photos. */
export async function ensureCorpus(count = 40): Promise<CorpusPhoto[]> {
  const dir = path.join(CACHE_DIR, 'corpus-4000x3000-q92');
  mkdirSync(dir, { recursive: true });
  const sources = sourcePhotos();
  if (sources.length === 0) throw new Error('no photographs found in the package');
  const corpus: CorpusPhoto[] = [];
  for (let i = 0; i < count; i += 1) {
    const source = sources[i % sources.length] ?? '';
    const rotated = i % 4 === 3;
    const name = `${String(i + 1).padStart(2, '0')}-${path.basename(source, path.extname(source))}${rotated ? '-o6' : ''}.jpg`;
    const file = path.join(dir, name);
    if (!existsSync(file)) await makePhoto(source, i, file, rotated);
    corpus.push({ file, rotated });
  }
  return corpus;
}
