import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

import sharp from 'sharp';

/*
 * Whether an embedded ICC profile is sRGB in all but name. Cameras and most phones tag their JPEGs
 * with one of many sRGB profiles (HP's 3 KB "sRGB IEC61966-2.1", compact 0.5 KB ones, "sRGB built-in"),
 * and converting sRGB to sRGB changes nothing but costs an lcms pass per photo. Rather than trusting
 * a profile's name, its behaviour is tested: a small PNG carrying the profile, with a grid through
 * the RGB cube and a full grey ramp, goes through the same conversion the photo would; if no value
 * moves by more than one level, the conversion is skipped. One test per distinct profile, cached.
 */

const GRID_LEVELS = 16;
const WIDTH = 64;
/** 16³ grid colours (64 rows of 64) plus the 256 greys (4 rows). */
const HEIGHT = (GRID_LEVELS ** 3 + 256) / WIDTH;

function testPattern(): Buffer {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  const step = 255 / (GRID_LEVELS - 1);
  for (let i = 0; i < GRID_LEVELS ** 3; i += 1) {
    pixels[i * 3] = Math.round((i % GRID_LEVELS) * step);
    pixels[i * 3 + 1] = Math.round((Math.floor(i / GRID_LEVELS) % GRID_LEVELS) * step);
    pixels[i * 3 + 2] = Math.round(Math.floor(i / GRID_LEVELS ** 2) * step);
  }
  for (let grey = 0; grey < 256; grey += 1) {
    pixels.fill(grey, (GRID_LEVELS ** 3 + grey) * 3, (GRID_LEVELS ** 3 + grey + 1) * 3);
  }
  return pixels;
}

const PATTERN = testPattern();

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGB PNG of the test pattern with `icc` in its iCCP chunk. */
function taggedPattern(icc: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // truecolour
  const rows: Buffer[] = [];
  for (let y = 0; y < HEIGHT; y += 1) {
    rows.push(Buffer.from([0]), PATTERN.subarray(y * WIDTH * 3, (y + 1) * WIDTH * 3));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('iCCP', Buffer.concat([Buffer.from('icc\0\0', 'latin1'), deflateSync(icc)])),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function convertsToItself(icc: Buffer): Promise<boolean> {
  try {
    // What sharp does to a tagged original: the embedded profile to sRGB, perceptual intent.
    const converted = await sharp(taggedPattern(icc)).toColourspace('srgb').raw().toBuffer();
    if (converted.length !== PATTERN.length) return false;
    for (let i = 0; i < PATTERN.length; i += 1) {
      if (Math.abs((converted[i] ?? 0) - (PATTERN[i] ?? 0)) > 1) return false;
    }
    return true;
  } catch {
    // A profile lcms refuses: let the real pipeline apply (or reject) it as before.
    return false;
  }
}

/** Profiles seen by this thread; a batch usually meets a handful (one per camera or phone). */
const verdicts = new Map<string, Promise<boolean>>();
const MAX_VERDICTS = 64;

/**
 * True when sharp's conversion from `icc` to sRGB leaves every 8-bit RGB value within one level, so
 * it can be skipped. That includes a damaged profile, which sharp ignores with a warning anyway.
 * Cached per distinct profile.
 */
export function isSrgbEquivalent(icc: Buffer): Promise<boolean> {
  const key = createHash('sha256').update(icc).digest('hex');
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  const verdict = convertsToItself(icc);
  verdicts.set(key, verdict);
  return verdict;
}
