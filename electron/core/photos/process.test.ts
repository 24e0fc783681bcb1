import { readFile } from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sha256File } from './contentHash';
import { readExif } from './exif';
import {
  fixtures,
  listDir,
  photoRunner,
  pixelAt,
  put,
  quickRecipe as recipe,
  sampleMeta as meta,
  toAnimatedGif,
  toCmykJpeg,
  toDisplayP3Jpeg,
  toTiff16,
  toTransparentPng,
  meanDifference,
  withGpsAndSerials,
  withOrientation6,
} from '../../../tests/support/photoKit';
import { readXmp } from './xmp';

const { setup, teardown, outDir, run } = photoRunner();
beforeAll(setup);
afterAll(teardown);

describe('processPhoto with the Web recipe', () => {
  it('writes the three outputs with the planned sizes and safe names, original untouched', async () => {
    const dir = await outDir();
    const before = await sha256File(fixtures.storm);
    const outputs = await run({ inputPath: fixtures.storm, outDir: dir });
    expect(outputs.map((o) => [path.basename(o.path), o.format, o.width, o.height])).toEqual([
      ['khai-mac-hoi-nghi-asean-001-1200.jpg', 'jpeg', 1200, 800],
      ['khai-mac-hoi-nghi-asean-001-1200.webp', 'webp', 1200, 800],
      ['khai-mac-hoi-nghi-asean-001-400.jpg', 'jpeg', 400, 267],
    ]);
    for (const output of outputs) {
      const info = await sharp(output.path).metadata();
      expect([info.format, info.width, info.height]).toEqual([
        output.format === 'jpeg' ? 'jpeg' : 'webp',
        output.width,
        output.height,
      ]);
      expect((await readFile(output.path)).length).toBe(output.bytes);
    }
    expect((await sharp(outputs[0]?.path).metadata()).isProgressive).toBe(true);
    expect(await listDir(dir)).toHaveLength(3);
    expect(await sha256File(fixtures.storm)).toBe(before);
  });

  it('applies EXIF orientation: width and height swap, no orientation tag left', async () => {
    const dir = await outDir();
    const input = await put(
      dir,
      'z4509060236637_cee53aff582f33e127acb052f924c3c7.jpg',
      await withOrientation6(fixtures.storm),
    );
    const outputs = await run({
      inputPath: input,
      outDir: dir,
      recipe: recipe({
        outputs: [{ format: 'jpeg', longEdge: 600 }],
        fileNamePattern: '{original}',
      }),
    });
    const output = outputs[0];
    expect(output).toMatchObject({ width: 400, height: 600 });
    expect(path.basename(output?.path ?? '')).toBe(
      'z4509060236637_cee53aff582f33e127acb052f924c3c7-2.jpg',
    );
    const info = await sharp(output?.path).metadata();
    expect([info.width, info.height]).toEqual([400, 600]);
    // libvips writes Orientation 1 ("as stored") into the fresh EXIF; what matters is that no
    // rotation is left for a viewer to apply a second time.
    expect(readExif(info.exif)?.orientation ?? 1).toBe(1);
  });
});

describe('metadata policy', () => {
  it("'keep-credits' writes Vietnamese XMP and keeps no GPS, serial or maker note", async () => {
    const dir = await outDir();
    const input = await put(dir, 'gps.jpg', await withGpsAndSerials(fixtures.dune));
    const outputs = await run({ inputPath: input, outDir: path.join(dir, 'web') });
    for (const output of outputs) {
      const info = await sharp(output.path).metadata();
      const exif = readExif(info.exif);
      expect(exif?.hasGpsIfd).toBe(false);
      expect(exif?.bodySerialNumber).toBeUndefined();
      expect(exif?.lensSerialNumber).toBeUndefined();
      expect(exif?.hasMakerNote).toBe(false);
      expect(exif).toMatchObject({ make: 'Canon', model: 'Canon EOS DIGITAL REBEL' });
      expect(info.exif?.includes('SN-0123456789')).toBe(false);
      expect(readXmp(info.xmp)).toEqual({
        caption: meta.caption,
        byline: meta.byline,
        credit: meta.credit,
        copyright: meta.copyright,
        hasGps: false,
      });
    }
  });

  it("'keep-credits' falls back to the credits already in the original", async () => {
    const dir = await outDir();
    const outputs = await run({
      inputPath: fixtures.storm,
      outDir: dir,
      meta: { slug: 'bao', byline: 'Trần Hùng' },
      recipe: recipe({}),
    });
    const xmp = readXmp((await sharp(outputs[0]?.path).metadata()).xmp);
    expect(xmp?.byline).toBe('Trần Hùng');
    expect(xmp?.caption).toBeUndefined();
  });

  it("'strip' writes no EXIF and no XMP", async () => {
    const dir = await outDir();
    const input = await put(dir, 'gps.jpg', await withGpsAndSerials(fixtures.dune));
    const outputs = await run({
      inputPath: input,
      outDir: dir,
      recipe: recipe({ metadata: 'strip' }),
    });
    const info = await sharp(outputs[0]?.path).metadata();
    expect(info.exif).toBeUndefined();
    expect(info.xmp).toBeUndefined();
    expect(info.orientation).toBeUndefined();
  });

  it("'keep-all' keeps the original EXIF, GPS included, but still orients", async () => {
    const dir = await outDir();
    const gps = await withGpsAndSerials(fixtures.dune);
    const input = await put(dir, 'gps.jpg', await withOrientation6(gps));
    const outputs = await run({
      inputPath: input,
      outDir: dir,
      recipe: recipe({ metadata: 'keep-all', outputs: [{ format: 'jpeg', longEdge: 300 }] }),
    });
    const info = await sharp(outputs[0]?.path).metadata();
    expect([info.width, info.height]).toEqual([188, 300]);
    const exif = readExif(info.exif);
    expect(exif).toMatchObject({ hasGpsIfd: true, bodySerialNumber: 'SN-0123456789' });
    expect(exif?.orientation ?? 1).toBe(1);
    expect(readXmp(info.xmp)?.caption).toBe(meta.caption);
  });
});

describe('pixels', () => {
  it('converts CMYK to sRGB without shifting colours', async () => {
    const dir = await outDir();
    const input = await put(dir, 'cmyk.jpg', await toCmykJpeg(fixtures.wood));
    const outputs = await run({
      inputPath: input,
      outDir: dir,
      recipe: recipe({ metadata: 'strip' }),
    });
    const out = await sharp(outputs[0]?.path).metadata();
    expect([out.space, out.channels]).toEqual(['srgb', 3]);
    const [converted, reference] = await Promise.all(
      [outputs[0]?.path ?? '', fixtures.wood].map((file) =>
        sharp(file).resize(32, 24).raw().toBuffer(),
      ),
    );
    expect(meanDifference(converted ?? Buffer.alloc(0), reference ?? Buffer.alloc(0))).toBeLessThan(
      12,
    );
  });

  it('converts a Display P3 photo to sRGB, so its colours are not washed out', async () => {
    // Mean saturation (max - min channel) of a small thumbnail; `ignoreIcc` reads the stored values.
    const saturation = async (file: string | Buffer, ignoreIcc = false): Promise<number> => {
      const data = await sharp(file, { ignoreIcc })
        .resize(64, 40, { fit: 'fill' })
        .raw()
        .toBuffer();
      let sum = 0;
      for (let i = 0; i < data.length; i += 3) {
        const rgb = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
        sum += Math.max(...rgb) - Math.min(...rgb);
      }
      return sum / (data.length / 3);
    };
    const dir = await outDir();
    const p3 = await toDisplayP3Jpeg(fixtures.ladybird);
    const input = await put(dir, 'iphone.jpg', p3);
    const outputs = await run({
      inputPath: input,
      outDir: dir,
      recipe: recipe({ metadata: 'strip', outputs: [{ format: 'jpeg', quality: 95 }] }),
    });
    const reference = await saturation(fixtures.ladybird);
    // P3 values shown as sRGB look washed out: the test would catch a skipped conversion.
    expect(await saturation(p3, true)).toBeLessThan(reference - 8);
    expect(Math.abs((await saturation(outputs[0]?.path ?? '')) - reference)).toBeLessThan(2);
    expect((await sharp(outputs[0]?.path).metadata()).hasProfile).toBe(false);
  });

  it('turns a 16-bit TIFF into 8-bit outputs', async () => {
    const dir = await outDir();
    const input = await put(dir, 'scan.tif', await toTiff16(fixtures.dune));
    const outputs = await run({
      inputPath: input,
      outDir: dir,
      recipe: recipe({ outputs: [{ format: 'jpeg' }, { format: 'avif' }] }),
    });
    for (const output of outputs) {
      expect((await sharp(output.path).metadata()).depth).toBe('uchar');
      expect(output.width).toBe(240);
    }
  });

  it('flattens transparency on white for JPEG and keeps it for WebP', async () => {
    const dir = await outDir();
    const input = await put(dir, 'logo-like.png', await toTransparentPng(fixtures.ladybird));
    const outputs = await run({
      inputPath: input,
      outDir: dir,
      recipe: recipe({
        outputs: [
          { format: 'jpeg', quality: 95 },
          { format: 'webp', quality: 95 },
        ],
      }),
    });
    const [r, g, b] = await pixelAt(outputs[0]?.path ?? '', 10, 10);
    expect(Math.min(r ?? 0, g ?? 0, b ?? 0)).toBeGreaterThan(245);
    const webp = await sharp(outputs[1]?.path).metadata();
    expect(webp.hasAlpha).toBe(true);
    expect((await pixelAt(outputs[1]?.path ?? '', 10, 10))[3]).toBe(0);
  });

  it('takes the first frame of an animated GIF, or all frames when asked', async () => {
    const dir = await outDir();
    const input = await put(
      dir,
      'meme.gif',
      await toAnimatedGif(fixtures.storm, fixtures.ladybird),
    );
    const outputs = await run({
      inputPath: input,
      outDir: dir,
      recipe: recipe({
        outputs: [{ format: 'jpeg' }, { format: 'webp', animated: true, longEdge: 100 }],
      }),
    });
    const still = await sharp(outputs[0]?.path).metadata();
    expect([still.width, still.height, still.pages ?? 1]).toEqual([200, 125, 1]);
    const animated = await sharp(outputs[1]?.path, { animated: true }).metadata();
    expect([animated.pages, animated.width, animated.pageHeight]).toEqual([2, 100, 63]);
    expect(outputs[1]).toMatchObject({ width: 100, height: 63 });
  });
});
