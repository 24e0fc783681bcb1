import { readFile, rm } from 'node:fs/promises';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { probePhoto, sniffHeif } from './probe';
import {
  decompressionBombPng,
  expectPhotoError,
  fixtures,
  makeTempDir,
  put,
  toAnimatedGif,
  toCmykJpeg,
  toFakeHeic,
  toTiff16,
  truncated,
  withGpsAndSerials,
  withIptc,
  withOrientation6,
} from '../../../tests/support/photoKit';
import { buildXmp } from './xmp';

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterAll(() => cleanup());

describe('probePhoto on real photos', () => {
  it('reports size, format, camera and capture time', async () => {
    const probe = await probePhoto(fixtures.storm);
    expect(probe).toMatchObject({
      fileName: 'storm-canon-400d.jpg',
      format: 'jpeg',
      width: 1200,
      height: 800,
      orientation: 1,
      cameraMake: 'Canon',
      cameraModel: 'Canon EOS 400D DIGITAL',
      captureTime: '2008-04-20T19:12:06',
      hasGps: false,
      bitDepth: 8,
      space: 'srgb',
    });
    expect(probe.bytes).toBeGreaterThan(10_000);
  });

  it('swaps width and height for EXIF orientation 6', async () => {
    const file = await put(dir, 'sideways.jpg', await withOrientation6(fixtures.storm));
    expect(await probePhoto(file)).toMatchObject({
      width: 800,
      height: 1200,
      storedWidth: 1200,
      storedHeight: 800,
      orientation: 6,
    });
  });

  it('flags GPS', async () => {
    const file = await put(dir, 'gps.jpg', await withGpsAndSerials(fixtures.dune));
    expect((await probePhoto(file)).hasGps).toBe(true);
  });

  it('reads credits from IPTC and prefers XMP when both exist', async () => {
    const iptcOnly = withIptc(await readFile(fixtures.ladybird), {
      caption: 'Chú bọ rùa',
      bylines: ['Hoàng Yến'],
      credit: 'Báo Lao Động',
    });
    expect(await probePhoto(await put(dir, 'iptc.jpg', iptcOnly))).toMatchObject({
      caption: 'Chú bọ rùa',
      byline: 'Hoàng Yến',
      credit: 'Báo Lao Động',
    });
    const both = await sharp(iptcOnly)
      .keepMetadata()
      .withXmp(buildXmp({ caption: 'Chú thích từ XMP' }) ?? '')
      .jpeg()
      .toBuffer();
    const probe = await probePhoto(await put(dir, 'both.jpg', both));
    expect(probe.caption).toBe('Chú thích từ XMP');
    expect(probe.byline).toBe('Hoàng Yến');
  });

  it('describes CMYK, 16-bit TIFF and animated GIF', async () => {
    const cmyk = await probePhoto(await put(dir, 'cmyk.jpg', await toCmykJpeg(fixtures.wood)));
    expect(cmyk.space).toBe('cmyk');
    const tiff = await probePhoto(await put(dir, 'scan.tif', await toTiff16(fixtures.dune)));
    expect(tiff).toMatchObject({ format: 'tiff', bitDepth: 16, width: 240 });
    const gif = await probePhoto(
      await put(dir, 'meme.gif', await toAnimatedGif(fixtures.storm, fixtures.ladybird)),
    );
    expect(gif).toMatchObject({ format: 'gif', pages: 2, width: 200, height: 125 });
  });

  it('accepts AVIF, which is HEIF too', async () => {
    const avif = await sharp(fixtures.storm).resize(200).avif().toBuffer();
    expect(sniffHeif(avif)).toBe('avif');
    expect((await probePhoto(await put(dir, 'photo.avif', avif))).format).toBe('heif');
  });
});

describe('probePhoto refuses hostile files with typed Vietnamese errors', () => {
  it('empty file', async () => {
    const error = await expectPhotoError(
      probePhoto(await put(dir, 'empty.jpg', '')),
      'PHOTO_EMPTY_FILE',
    );
    expect(error.message).toContain('rỗng');
  });

  it('a text file named .jpg', async () => {
    const file = await put(dir, 'not-a-photo.jpg', 'Biên bản cuộc họp giao ban sáng thứ Hai\n');
    const error = await expectPhotoError(probePhoto(file), 'PHOTO_NOT_AN_IMAGE');
    expect(error.message).toContain('không phải là ảnh');
  });

  it('a truncated JPEG, when asked to verify pixels', async () => {
    const file = await put(dir, 'cut.jpg', truncated(await readFile(fixtures.storm)));
    // The header is intact, so a metadata-only probe succeeds…
    expect((await probePhoto(file)).width).toBe(1200);
    // …and decoding finds the missing data.
    await expectPhotoError(probePhoto(file, { verifyPixels: true }), 'PHOTO_CORRUPT');
  });

  it('HEIC, with instructions for the iPhone', async () => {
    const heic = await toFakeHeic(fixtures.storm);
    expect(sniffHeif(heic)).toBe('heic');
    const error = await expectPhotoError(
      probePhoto(await put(dir, 'IMG_0001.jpg', heic)),
      'PHOTO_UNSUPPORTED_FORMAT',
    );
    expect(error.message).toContain('Cài đặt > Camera > Định dạng');
    expect(error.message).toContain('Tương thích nhất');
  });

  it('a decompression bomb, without decoding it', async () => {
    const bomb = decompressionBombPng();
    expect(bomb.length).toBeLessThan(100_000);
    const before = process.memoryUsage().rss;
    const error = await expectPhotoError(
      probePhoto(await put(dir, 'bomb.png', bomb), { verifyPixels: true }),
      'PHOTO_TOO_MANY_PIXELS',
    );
    expect(error.message).toContain('30000×30000');
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('a file that vanished', async () => {
    const file = await put(dir, 'gone.jpg', await readFile(fixtures.storm));
    await rm(file);
    await expectPhotoError(probePhoto(file), 'PHOTO_FILE_VANISHED');
  });
});
