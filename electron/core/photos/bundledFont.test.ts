import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const fontFile = path.resolve(
  import.meta.dirname,
  '../../../resources/fonts/BeVietnamPro-SemiBold.ttf',
);

/** Code points mapped by a TrueType font's Unicode cmap (formats 4 and 12), read by hand. */
function mappedCodePoints(font: Buffer): Set<number> {
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i += 1) {
    const at = 12 + i * 16;
    if (font.toString('latin1', at, at + 4) === 'cmap') cmap = font.readUInt32BE(at + 8);
  }
  if (cmap < 0) throw new Error('no cmap');
  const points = new Set<number>();
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i += 1) {
    const offset = cmap + font.readUInt32BE(cmap + 4 + i * 8 + 4);
    const format = font.readUInt16BE(offset);
    if (format === 4) {
      const segments = font.readUInt16BE(offset + 6) / 2;
      const ends = offset + 14;
      const starts = ends + segments * 2 + 2;
      for (let s = 0; s < segments; s += 1) {
        const end = font.readUInt16BE(ends + s * 2);
        const start = font.readUInt16BE(starts + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c += 1) points.add(c);
      }
    } else if (format === 12) {
      const groups = font.readUInt32BE(offset + 12);
      for (let g = 0; g < groups; g += 1) {
        const start = font.readUInt32BE(offset + 16 + g * 12);
        const end = font.readUInt32BE(offset + 20 + g * 12);
        for (let c = start; c <= end; c += 1) points.add(c);
      }
    }
  }
  return points;
}

/** Every letter of the Vietnamese alphabet with every tone, upper and lower case, precomposed. */
function vietnameseLetters(): string[] {
  const bases = 'aăâeêioôơuưy';
  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const letters = new Set<string>(['đ', 'Đ']);
  for (const base of bases) {
    for (const tone of tones) {
      const letter = (base + tone).normalize('NFC');
      letters.add(letter);
      letters.add(letter.toUpperCase());
    }
  }
  for (const c of 'bcdghklmnpqrstvx') {
    letters.add(c);
    letters.add(c.toUpperCase());
  }
  return [...letters];
}

describe('the bundled overlay font', () => {
  it('has a glyph for every Vietnamese letter and tone, so bylines never fall back', () => {
    const points = mappedCodePoints(fs.readFileSync(fontFile));
    const letters = vietnameseLetters();
    expect(letters.length).toBe(12 * 6 * 2 + 2 + 32);
    const missing = letters.filter((letter) => !points.has(letter.codePointAt(0) ?? 0));
    expect(missing).toEqual([]);
    // The combining tone marks too, for text that arrives decomposed.
    for (const mark of [0x300, 0x301, 0x303, 0x309, 0x323]) expect(points.has(mark)).toBe(true);
  });

  it('ships with its licence', () => {
    const licence = fs.readFileSync(path.join(path.dirname(fontFile), 'OFL.txt'), 'utf8');
    expect(licence).toContain('SIL Open Font License');
  });
});
