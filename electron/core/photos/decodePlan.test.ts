import { readFile } from 'node:fs/promises';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { jpegShrinkFactor, planDecode } from './decodePlan';
import type { DecodeSource } from './decodePlan';
import { planGeometry } from './geometry';
import { isSrgbEquivalent } from './iccProfile';
import { inspectImage } from './probe';
import {
  expectPhotoError,
  fixtures,
  makeTempDir,
  meanDifference,
  photoRunner,
  put,
  quickRecipe,
  toCmykJpeg,
  toDisplayP3Jpeg,
  truncated,
  withOrientation6,
} from '../../../tests/support/photoKit';
import type { RecipeInput } from '../../../shared/photos/recipe';

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
const runner = photoRunner();
beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir());
  await runner.setup();
});
afterAll(async () => {
  await cleanup();
  await runner.teardown();
});

async function planFor(file: string, recipe: Partial<RecipeInput>): Promise<DecodeSource> {
  const original = await readFile(file);
  const { probe, metadata } = await inspectImage(original, original, file, original.length);
  const parsed = quickRecipe(recipe);
  const plan = planGeometry({ width: probe.width, height: probe.height }, parsed);
  return planDecode({ inputPath: file, original, probe, metadata, plan, autoOrient: true });
}

const small: Partial<RecipeInput> = { outputs: [{ format: 'jpeg', longEdge: 500 }] };

describe('jpegShrinkFactor', () => {
  it('picks the largest factor whose decoded size still covers the target', () => {
    const camera = { width: 4000, height: 3000 };
    expect(jpegShrinkFactor(camera, { width: 1600, height: 1200 })).toBe(2);
    expect(jpegShrinkFactor(camera, { width: 400, height: 300 })).toBe(8);
    expect(jpegShrinkFactor(camera, { width: 900, height: 675 })).toBe(4);
    // libjpeg rounds up: ⌈4001 / 2⌉ = 2001 still covers 2000.
    expect(jpegShrinkFactor({ width: 4001, height: 3001 }, { width: 2000, height: 1500 })).toBe(2);
    expect(jpegShrinkFactor(camera, { width: 2001, height: 1500 })).toBe(1);
    expect(jpegShrinkFactor(camera, { width: 4000, height: 3000 })).toBe(1);
  });

  it('leaves very large reductions to sharp, which reloads with its own factor', () => {
    expect(jpegShrinkFactor({ width: 16000, height: 12000 }, { width: 400, height: 300 })).toBe(1);
  });
});

describe('isSrgbEquivalent', () => {
  it('tells an sRGB profile from Display P3 by what the conversion does', async () => {
    const srgb = (await sharp(fixtures.storm).withIccProfile('srgb').jpeg().toBuffer()) as Buffer;
    const srgbIcc = (await sharp(srgb).metadata()).icc;
    const p3Icc = (await sharp(await toDisplayP3Jpeg(fixtures.storm)).metadata()).icc;
    expect(srgbIcc).toBeDefined();
    expect(p3Icc).toBeDefined();
    expect(await isSrgbEquivalent(srgbIcc ?? Buffer.alloc(0))).toBe(true);
    expect(await isSrgbEquivalent(p3Icc ?? Buffer.alloc(0))).toBe(false);
  });
});

describe('planDecode', () => {
  it('skips the conversion for sRGB, defers it for P3 and leaves untagged and CMYK to sharp', async () => {
    const tagged = await put(
      dir,
      'srgb.jpg',
      await sharp(fixtures.storm).withIccProfile('srgb').jpeg().toBuffer(),
    );
    const p3 = await put(dir, 'p3.jpg', await toDisplayP3Jpeg(fixtures.storm));
    const cmyk = await put(dir, 'cmyk.jpg', await toCmykJpeg(fixtures.storm));
    expect((await planFor(tagged, small)).icc).toBe('skip');
    expect((await planFor(p3, small)).icc).toBe('after-resize');
    expect((await planFor(fixtures.storm, small)).icc).toBe('sharp');
    expect((await planFor(cmyk, small)).icc).toBe('sharp');
  });

  it('opens large-enough JPEGs with shrink-on-load, other inputs from the bytes in hand', async () => {
    expect((await planFor(fixtures.storm, small)).input).toBe(`${fixtures.storm}[shrink=2]`);
    // The Web recipe's 1600 px base is larger than this 1200 px photo.
    expect((await planFor(fixtures.storm, {})).input).toBeInstanceOf(Buffer);
    // A crop is planned in full-size coordinates.
    const cropped = await planFor(fixtures.storm, { ...small, crop: { aspect: '1:1' } });
    expect(cropped.input).toBeInstanceOf(Buffer);
    const png = await put(dir, 'photo.png', await sharp(fixtures.storm).png().toBuffer());
    expect((await planFor(png, small)).input).toBeInstanceOf(Buffer);
  });
});

describe('processPhoto through shrink-on-load', () => {
  const thumbnail = (file: string) => sharp(file).resize(50, 50, { fit: 'fill' }).raw().toBuffer();

  it('matches the full decode, sideways photos and brackets in the name included', async () => {
    const out = await runner.outDir();
    // Bracketed names are what libvips' "file[options]" syntax must not be confused by.
    const sideways = await put(dir, 'ảnh [1].jpg', await withOrientation6(fixtures.storm));
    expect((await planFor(sideways, small)).input).toBe(`${sideways}[shrink=2]`);
    // libvips finds the file behind the option (processPhoto would quietly fall back otherwise).
    expect((await sharp(`${sideways}[shrink=2]`).metadata()).width).toBe(600);
    const recipe = quickRecipe({ ...small, metadata: 'strip' });
    const [viaShrink] = await runner.run({ inputPath: sideways, outDir: out, recipe });
    expect(viaShrink).toMatchObject({ width: 333, height: 500 });
    // The reference: the same photo decoded at full size by sharp, rotated, resized.
    const reference = await put(
      dir,
      'reference.png',
      await sharp(sideways).autoOrient().resize(333, 500, { fit: 'fill' }).png().toBuffer(),
    );
    const [ours, theirs] = await Promise.all([
      thumbnail(viaShrink?.path ?? ''),
      thumbnail(reference),
    ]);
    expect(meanDifference(ours ?? Buffer.alloc(0), theirs ?? Buffer.alloc(0))).toBeLessThan(2);
  });

  it('still refuses a truncated JPEG read with shrink-on-load', async () => {
    const cut = await put(dir, 'cut.jpg', truncated(await readFile(fixtures.storm), 0.9));
    expect((await planFor(cut, small)).input).toBe(`${cut}[shrink=2]`);
    const recipe = quickRecipe(small);
    await expectPhotoError(
      runner.run({ inputPath: cut, outDir: await runner.outDir(), recipe }),
      'PHOTO_CORRUPT',
    );
  });
});
