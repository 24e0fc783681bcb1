import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

import sharp from 'sharp';
import { expect } from 'vitest';

import { isPhotoError } from '../../electron/core/photos/errors';
import type { PhotoErrorCode } from '../../electron/core/photos/errors';
import { processPhoto } from '../../electron/core/photos/process';
import type {
  PhotoMeta,
  ProcessedOutput,
  ProcessPhotoInput,
} from '../../electron/core/photos/process';
import { defaultWebRecipe, parseRecipe } from '../../shared/photos/recipe';
import type { Recipe, RecipeInput } from '../../shared/photos/recipe';

/*
 * Test support for the photo engine: the real photographs in tests/fixtures/photos and the hostile
 * files newsrooms actually receive, each derived from those real bytes. Imported by tests only.
 */

/** Folder of the real fixture photographs (see its README for source and licence). */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/photos/', import.meta.url));

/** Real photographs, downscaled; three keep their camera EXIF. */
export const fixtures = {
  /** 1200×800, Canon EOS 400D EXIF (little-endian), 2008-04-20. */
  storm: path.join(FIXTURES_DIR, 'storm-canon-400d.jpg'),
  /** 1200×750, Canon EOS Digital Rebel EXIF. */
  dune: path.join(FIXTURES_DIR, 'dune-canon-rebel.jpg'),
  /** 1200×900, Konica Minolta DiMAGE Z5 EXIF (big-endian). */
  wood: path.join(FIXTURES_DIR, 'wood-konica-minolta.jpg'),
  /** 1200×750, no camera EXIF. */
  ladybird: path.join(FIXTURES_DIR, 'ladybird.jpg'),
};

/** A fresh temp folder and a function removing it. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'newsdesk-photos-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes bytes under `dir` and returns the path. */
export async function put(dir: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

/** Names in a folder, for "no temp file left behind" assertions. */
export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

/** Awaits a promise expected to reject with a PhotoError of `code`; returns the error. */
export async function expectPhotoError(
  promise: Promise<unknown>,
  code: PhotoErrorCode,
): Promise<Error> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(isPhotoError(error) ? error.photoCode : error).toBe(code);
  return error instanceof Error ? error : new Error(String(error));
}

/** Mean absolute difference per byte of two equally sized raw buffers: 0 identical, 255 opposite. */
export function meanDifference(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / Math.max(1, a.length);
}

/** Same photo, stored sideways with EXIF Orientation 6, as phones do. */
export function withOrientation6(jpeg: string | Buffer): Promise<Buffer> {
  return sharp(jpeg).keepExif().withMetadata({ orientation: 6 }).jpeg({ quality: 90 }).toBuffer();
}

/** The photo plus a GPS position (Hà Nội) and body/lens serial numbers in EXIF. */
export function withGpsAndSerials(jpeg: string | Buffer): Promise<Buffer> {
  return sharp(jpeg)
    .keepExif()
    .withExifMerge({
      IFD2: { BodySerialNumber: 'SN-0123456789', LensSerialNumber: 'LENS-42' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '21/1 1/1 48/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '105/1 51/1 0/1',
      },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}

function iimDataset(record: number, id: number, value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  const header = Buffer.from([0x1c, record, id, 0, 0]);
  header.writeUInt16BE(bytes.length, 3);
  return Buffer.concat([header, bytes]);
}

/**
 * Inserts a Photoshop APP13 segment with IPTC-IIM caption fields, as agency photos carry them
 * (sharp cannot write IIM). Values are UTF-8, declared with dataset 1:90.
 */
export function withIptc(
  jpeg: Buffer,
  fields: { caption?: string; bylines?: string[]; credit?: string; copyright?: string },
): Buffer {
  const iim = Buffer.concat([
    iimDataset(1, 90, '\x1b%G'),
    ...(fields.caption === undefined ? [] : [iimDataset(2, 120, fields.caption)]),
    ...(fields.bylines ?? []).map((name) => iimDataset(2, 80, name)),
    ...(fields.credit === undefined ? [] : [iimDataset(2, 110, fields.credit)]),
    ...(fields.copyright === undefined ? [] : [iimDataset(2, 116, fields.copyright)]),
  ]);
  const resource = Buffer.alloc(12);
  resource.write('8BIM', 0, 'latin1');
  resource.writeUInt16BE(0x0404, 4);
  resource.writeUInt16BE(0, 6); // empty Pascal name, padded
  resource.writeUInt32BE(iim.length, 8);
  const padding = Buffer.alloc(iim.length % 2);
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource, iim, padding]);
  const marker = Buffer.from([0xff, 0xed, 0, 0]);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}

/** A Zalo/Messenger transfer cut short: the first `fraction` of the bytes. */
export function truncated(bytes: Buffer, fraction = 0.6): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
}

/** A real photo converted to CMYK, as print departments send them. */
export function toCmykJpeg(jpeg: string | Buffer): Promise<Buffer> {
  return sharp(jpeg).toColourspace('cmyk').jpeg({ quality: 90 }).toBuffer();
}

/** The photo converted to Display P3 with the profile embedded, as iPhones tag their JPEGs. */
export function toDisplayP3Jpeg(jpeg: string | Buffer): Promise<Buffer> {
  return sharp(jpeg).withIccProfile('p3').jpeg({ quality: 95 }).toBuffer();
}

/** The photo with a soft transparent border region: a PNG with real alpha. */
export async function toTransparentPng(jpeg: string | Buffer, width = 300): Promise<Buffer> {
  const { data, info } = await sharp(jpeg).resize(width).ensureAlpha().raw().toBuffer({
    resolveWithObject: true,
  });
  for (let y = 0; y < info.height; y += 1) {
    for (let x = 0; x < info.width; x += 1) {
      // Left half fully transparent, right half opaque.
      if (x < info.width / 2) data[(y * info.width + x) * 4 + 3] = 0;
    }
  }
  return sharp(data, { raw: info }).png().toBuffer();
}

/**
 * A 16-bit RGB TIFF written by hand (sharp's TIFF writer is 8-bit only): baseline, uncompressed,
 * one strip, little-endian, from the real photo's pixels scaled to 16 bits.
 */
export async function toTiff16(jpeg: string | Buffer, width = 240): Promise<Buffer> {
  const { data, info } = await sharp(jpeg).resize(width).removeAlpha().raw().toBuffer({
    resolveWithObject: true,
  });
  const entries: [tag: number, type: number, count: number, value: number][] = [];
  const pixelBytes = info.width * info.height * 6;
  const entryCount = 10;
  const ifdSize = 2 + entryCount * 12 + 4;
  const bitsOffset = 8 + ifdSize;
  const dataOffset = bitsOffset + 6;
  entries.push(
    [256, 4, 1, info.width],
    [257, 4, 1, info.height],
    [258, 3, 3, bitsOffset],
    [259, 3, 1, 1],
    [262, 3, 1, 2],
    [273, 4, 1, dataOffset],
    [277, 3, 1, 3],
    [278, 4, 1, info.height],
    [279, 4, 1, pixelBytes],
    [284, 3, 1, 1],
  );
  const out = Buffer.alloc(dataOffset + pixelBytes);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(8, 4);
  out.writeUInt16LE(entryCount, 8);
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12;
    out.writeUInt16LE(tag, at);
    out.writeUInt16LE(type, at + 2);
    out.writeUInt32LE(count, at + 4);
    if (type === 3 && count === 1) out.writeUInt16LE(value, at + 8);
    else out.writeUInt32LE(value, at + 8);
  });
  for (let i = 0; i < 3; i += 1) out.writeUInt16LE(16, bitsOffset + i * 2);
  for (let i = 0; i < data.length; i += 1)
    out.writeUInt16LE((data[i] ?? 0) * 257, dataOffset + i * 2);
  return out;
}

/** A two-frame animated GIF made of two real photos, like a "before/after" meme. */
export async function toAnimatedGif(first: string, second: string, width = 200): Promise<Buffer> {
  const height = Math.round(width * 0.625);
  const frames = await Promise.all(
    [first, second].map((file) =>
      sharp(file).resize(width, height, { fit: 'cover' }).removeAlpha().raw().toBuffer(),
    ),
  );
  return sharp(Buffer.concat(frames), {
    raw: { width, height: height * 2, channels: 3, pageHeight: height },
  })
    .gif({ delay: [400, 400], loop: 0 })
    .toBuffer();
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A decompression bomb: a valid PNG header declaring 30000×30000 (900 MP, 2.7 GB decoded) with a
 * few kilobytes of compressed rows. Written by hand so making it allocates nothing large.
 */
export function decompressionBombPng(side = 30_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header[8] = 1; // bit depth
  header[9] = 3; // palette
  const rowBytes = 1 + Math.ceil(side / 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('PLTE', Buffer.from([0, 0, 0, 255, 255, 255])),
    pngChunk('IDAT', deflateSync(Buffer.alloc(rowBytes * 64), { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A HEIF file branded as HEIC, the iPhone default. The prebuilt libvips has no HEVC decoder and no
 * encoder, so a real AVIF of the photo is re-branded: same container, HEIC brands in `ftyp`.
 */
export async function toFakeHeic(jpeg: string | Buffer): Promise<Buffer> {
  const avif = Buffer.from(await sharp(jpeg).resize(160).avif({ quality: 50 }).toBuffer());
  const boxSize = avif.readUInt32BE(0);
  for (let at = 8; at + 4 <= boxSize; at += 4) {
    if (avif.toString('latin1', at, at + 4) === 'avif') avif.write('heic', at, 'latin1');
  }
  return avif;
}

/** Credits as an editor would type them, with every Vietnamese diacritic class represented. */
export const sampleMeta: PhotoMeta = {
  caption: 'Lễ khai mạc Hội nghị thượng đỉnh ASEAN tại Trung tâm Hội nghị Quốc gia, Hà Nội',
  byline: 'Phạm Đức Mười',
  credit: 'Báo Nhân Dân',
  copyright: '© 2024 Nhân Dân',
  slug: 'Khai mạc hội nghị ASEAN',
  date: '2024-05-12',
  seq: 1,
};

/** A one-JPEG recipe with overrides, for tests that exercise one option. */
export function quickRecipe(input: Partial<RecipeInput>): Recipe {
  return parseRecipe({ name: 'Thử', outputs: [{ format: 'jpeg' }], ...input });
}

/**
 * A processPhoto runner writing under one temp root, with a fresh output folder per call of
 * `outDir()` so listings only show what that test wrote.
 */
export function photoRunner(): {
  setup: () => Promise<void>;
  teardown: () => Promise<void>;
  outDir: () => Promise<string>;
  run: (
    input: Partial<ProcessPhotoInput> & Pick<ProcessPhotoInput, 'inputPath' | 'outDir'>,
  ) => Promise<ProcessedOutput[]>;
} {
  let root = '';
  let cleanup: () => Promise<void> = () => Promise.resolve();
  let counter = 0;
  return {
    setup: async () => {
      ({ dir: root, cleanup } = await makeTempDir());
    },
    teardown: () => cleanup(),
    outDir: async () => {
      counter += 1;
      const dir = path.join(root, `out-${counter}`);
      await mkdir(dir);
      return dir;
    },
    run: (input) =>
      processPhoto({
        recipe: defaultWebRecipe,
        meta: sampleMeta,
        existingPolicy: 'rename',
        ...input,
      }),
  };
}

/** Channel values of one pixel of an image file. */
export async function pixelAt(file: string, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + info.channels)];
}
