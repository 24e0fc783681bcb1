import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sha256File } from './contentHash';
import { isPhotoError, toPhotoError } from './errors';
import {
  NEAR_DUPLICATE_DISTANCE,
  differenceHash,
  hammingDistance,
  hashWords,
  wordsDistance,
  isNearDuplicate,
} from './perceptualHash';
import { fixtures, makeTempDir, withOrientation6 } from '../../../tests/support/photoKit';

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir());
});
afterAll(() => cleanup());

describe('sha256File', () => {
  it('matches a one-shot hash of the same bytes', async () => {
    const bytes = await readFile(fixtures.wood);
    expect(await sha256File(fixtures.wood)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('reports a vanished file with a typed error', async () => {
    await expect(sha256File(path.join(dir, 'missing.jpg'))).rejects.toMatchObject({
      photoCode: 'PHOTO_FILE_VANISHED',
      code: 'not_found',
    });
  });
});

describe('differenceHash', () => {
  it('finds the same photo re-sent smaller and recompressed, or stored sideways', async () => {
    const original = await differenceHash(fixtures.storm);
    const resent = await sharp(fixtures.storm).resize(480).jpeg({ quality: 45 }).toBuffer();
    const webp = await sharp(fixtures.storm).resize(800).webp({ quality: 60 }).toBuffer();
    const rotatedByTag = await withOrientation6(
      await sharp(fixtures.storm).rotate(-90).jpeg({ quality: 85 }).toBuffer(),
    );
    for (const copy of [resent, webp, rotatedByTag]) {
      const distance = hammingDistance(original, await differenceHash(copy));
      expect(distance).toBeLessThanOrEqual(6);
    }
    expect(isNearDuplicate(original, await differenceHash(resent))).toBe(true);
  });

  it('keeps different photos far apart', async () => {
    const hashes = await Promise.all(
      [fixtures.storm, fixtures.dune, fixtures.wood, fixtures.ladybird].map((file) =>
        differenceHash(file),
      ),
    );
    for (let i = 0; i < hashes.length; i += 1) {
      for (let j = i + 1; j < hashes.length; j += 1) {
        const distance = hammingDistance(hashes[i] ?? '', hashes[j] ?? '');
        expect(distance, `${i} vs ${j}`).toBeGreaterThan(NEAR_DUPLICATE_DISTANCE + 3);
      }
    }
  });

  it('counts bits correctly', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    expect(hammingDistance('0123456789abcdef', '0123456789ABCDEF')).toBe(0);
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow(RangeError);
  });
});

describe('toPhotoError', () => {
  it.runIf(existsSync('/dev/full'))('maps a real ENOSPC to the disk-full message', async () => {
    const error: unknown = await writeFile('/dev/full', Buffer.alloc(1024)).catch(
      (e: unknown) => e,
    );
    const mapped = toPhotoError(error, '/tmp/out/anh.jpg', 'write');
    expect(isPhotoError(mapped) && mapped.photoCode).toBe('PHOTO_DISK_FULL');
    expect(mapped.toContractError()).toEqual({ code: 'storage_failed', message: mapped.message });
    expect(mapped.message).toContain('Ổ đĩa đã đầy');
    expect(mapped.message).toContain('anh.jpg');
  });
});

describe('parsed hashes for the library-wide near-duplicate scan', () => {
  it('give the same distance as the hex strings, for any pair', () => {
    const hex = (seed: number): string =>
      Array.from({ length: 16 }, (_, i) => ((seed * 7919 + i * 104729) % 16).toString(16)).join('');
    for (let a = 0; a < 40; a += 1) {
      for (let b = 0; b < 40; b += 1) {
        expect(wordsDistance(hashWords(hex(a)), hashWords(hex(b)))).toBe(
          hammingDistance(hex(a), hex(b)),
        );
      }
    }
    expect(wordsDistance(hashWords('ffffffffffffffff'), hashWords('0000000000000000'))).toBe(64);
    expect(() => hashWords('xyz')).toThrow(RangeError);
  });
});
