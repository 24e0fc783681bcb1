import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  decompressionBombPng,
  expectPhotoError as expectCode,
  fixtures,
  listDir,
  meanDifference,
  photoRunner,
  put,
  quickRecipe as recipe,
  toTransparentPng,
  truncated,
} from '../../../tests/support/photoKit';
import type { PhotoErrorCode } from './errors';

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const { setup, teardown, outDir, run } = photoRunner();
beforeAll(setup);
afterAll(teardown);

describe('crop, overlays and size targets', () => {
  it('crops to 1:1 around the focal point and with the attention strategy', async () => {
    const dir = await outDir();
    const focal = await run({
      inputPath: fixtures.storm,
      outDir: dir,
      focalPoint: { x: 1, y: 0.5 },
      recipe: recipe({ crop: { aspect: '1:1' }, outputs: [{ format: 'jpeg', longEdge: 200 }] }),
    });
    expect(focal[0]).toMatchObject({ width: 200, height: 200 });
    // The right edge of the crop is the right edge of the photo.
    const full = await sharp(fixtures.storm)
      .extract({ left: 400, top: 0, width: 800, height: 800 })
      .resize(200, 200)
      .raw()
      .toBuffer();
    const cropped = await sharp(focal[0]?.path).raw().toBuffer();
    expect(meanDifference(full, cropped)).toBeLessThan(6);

    const attention = await run({
      inputPath: fixtures.ladybird,
      outDir: dir,
      recipe: recipe({
        crop: { aspect: '16:9', strategy: 'attention' },
        outputs: [{ format: 'webp', longEdge: 320 }],
      }),
    });
    expect(attention[0]).toMatchObject({ width: 320, height: 180 });
  });

  it('draws the logo and the byline where asked', async () => {
    const dir = await outDir();
    const logoPath = await put(dir, 'logo.png', await toTransparentPng(fixtures.ladybird, 200));
    const plain = await run({
      inputPath: fixtures.storm,
      outDir: dir,
      recipe: recipe({ outputs: [{ format: 'jpeg', quality: 95 }] }),
    });
    const marked = await run({
      inputPath: fixtures.storm,
      outDir: dir,
      recipe: recipe({
        outputs: [{ format: 'jpeg', quality: 95 }],
        watermark: { path: logoPath, opacity: 1, position: 'top-right', widthRatio: 0.2 },
        // The bundled font comes later; use DejaVu where the system has it, else the default.
        textOverlay: {
          template: 'Ảnh: {byline}',
          sizeRatio: 0.04,
          ...(existsSync(DEJAVU) ? { fontFile: DEJAVU, fontFamily: 'DejaVu Sans' } : {}),
        },
      }),
    });
    const regionDifference = async (left: number, top: number, width: number, height: number) => {
      const [a, b] = await Promise.all(
        [plain[0]?.path ?? '', marked[0]?.path ?? ''].map((file) =>
          sharp(file).extract({ left, top, width, height }).raw().toBuffer(),
        ),
      );
      return meanDifference(a ?? Buffer.alloc(0), b ?? Buffer.alloc(0));
    };
    // Logo: the opaque right half of the 240px-wide logo sits 24px from the top-right corner.
    expect(await regionDifference(1200 - 24 - 100, 30, 90, 80)).toBeGreaterThan(10);
    // Byline: bottom-left band.
    expect(await regionDifference(24, 800 - 24 - 48, 300, 48)).toBeGreaterThan(3);
    // Untouched middle.
    expect(await regionDifference(500, 300, 200, 200)).toBeLessThan(1.5);
  });

  it('reaches a byte target by lowering quality', async () => {
    const dir = await outDir();
    const outputs = await run({
      inputPath: fixtures.dune,
      outDir: dir,
      recipe: recipe({
        outputs: [
          { format: 'jpeg', quality: 92, targetMaxBytes: 60_000 },
          { format: 'webp', quality: 90, targetMaxBytes: 60_000 },
          { format: 'jpeg', quality: 92, longEdge: 200, targetMaxBytes: 1_000 },
        ],
      }),
    });
    expect(outputs[0]?.bytes).toBeLessThanOrEqual(60_000);
    expect(outputs[0]?.quality).toBeLessThan(92);
    expect(outputs[0]?.targetMet).toBe(true);
    expect(outputs[1]?.bytes).toBeLessThanOrEqual(60_000);
    expect(outputs[1]?.quality).toBeGreaterThan(50);
    // Impossible target: best effort, reported honestly.
    expect(outputs[2]?.targetMet).toBe(false);
    expect(outputs[2]?.quality).toBe(30);
  });
});

describe('existing files and failures', () => {
  it('renames, skips or overwrites as asked', async () => {
    const dir = await outDir();
    const single = recipe({
      outputs: [{ format: 'jpeg', longEdge: 100 }],
      fileNamePattern: '{slug}',
    });
    const first = await run({ inputPath: fixtures.storm, outDir: dir, recipe: single });
    expect(path.basename(first[0]?.path ?? '')).toBe('khai-mac-hoi-nghi-asean.jpg');
    const renamed = await run({ inputPath: fixtures.dune, outDir: dir, recipe: single });
    expect(path.basename(renamed[0]?.path ?? '')).toBe('khai-mac-hoi-nghi-asean-2.jpg');

    await expectCode(
      run({ inputPath: fixtures.wood, outDir: dir, recipe: single, existingPolicy: 'skip' }),
      'PHOTO_OUTPUT_EXISTS',
    );
    const overwritten = await run({
      inputPath: fixtures.wood,
      outDir: dir,
      recipe: single,
      existingPolicy: 'overwrite',
    });
    expect(overwritten[0]?.path).toBe(first[0]?.path);
    expect((await sharp(overwritten[0]?.path).metadata()).height).toBe(75);
    expect(await listDir(dir)).toEqual([
      'khai-mac-hoi-nghi-asean-2.jpg',
      'khai-mac-hoi-nghi-asean.jpg',
    ]);
  });

  it('leaves no temp file and no partial output when writing fails half-way', async () => {
    const dir = await outDir();
    // The second output's name is taken by a non-empty folder, so its rename fails after the
    // first output was already placed.
    await mkdir(path.join(dir, 'khai-mac-hoi-nghi-asean-001-1200.webp'));
    await writeFile(path.join(dir, 'khai-mac-hoi-nghi-asean-001-1200.webp', 'keep.txt'), 'x');
    await expectCode(
      run({ inputPath: fixtures.storm, outDir: dir, existingPolicy: 'overwrite' }),
      'PHOTO_OUTPUT_FAILED',
    );
    expect(await listDir(dir)).toEqual(['khai-mac-hoi-nghi-asean-001-1200.webp']);
  });

  it('refuses hostile inputs with typed errors and writes nothing', async () => {
    const dir = await outDir();
    const out = path.join(dir, 'out');
    const bytes = await readFile(fixtures.storm);
    const cases: [string, Uint8Array | string, PhotoErrorCode][] = [
      ['cut.jpg', truncated(bytes), 'PHOTO_CORRUPT'],
      ['empty.jpg', '', 'PHOTO_EMPTY_FILE'],
      ['notes.jpg', 'Đây là tệp văn bản, không phải ảnh.', 'PHOTO_NOT_AN_IMAGE'],
      ['bomb.png', decompressionBombPng(), 'PHOTO_TOO_MANY_PIXELS'],
    ];
    for (const [name, content, code] of cases) {
      await expectCode(run({ inputPath: await put(dir, name, content), outDir: out }), code);
    }
    await expectCode(
      run({ inputPath: path.join(dir, 'missing.jpg'), outDir: out }),
      'PHOTO_FILE_VANISHED',
    );
    await mkdir(path.join(dir, 'folder.jpg'));
    await expectCode(
      run({ inputPath: path.join(dir, 'folder.jpg'), outDir: out }),
      'PHOTO_UNREADABLE',
    );
    await expectCode(
      run({
        inputPath: fixtures.storm,
        outDir: out,
        recipe: recipe({ watermark: { path: path.join(dir, 'no-logo.png') } }),
      }),
      'PHOTO_WATERMARK_UNREADABLE',
    );
    await expectCode(
      run({
        inputPath: fixtures.storm,
        outDir: out,
        recipe: recipe({ textOverlay: { fontFile: path.join(dir, 'no-font.ttf') } }),
      }),
      'PHOTO_FONT_UNREADABLE',
    );
    const controller = new AbortController();
    controller.abort();
    await expectCode(
      run({ inputPath: fixtures.storm, outDir: out, signal: controller.signal }),
      'PHOTO_CANCELLED',
    );
    await expect(listDir(out)).rejects.toThrow();
  });
});
