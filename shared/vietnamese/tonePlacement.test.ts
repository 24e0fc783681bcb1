import { describe, expect, it } from 'vitest';
import { toNewStyleTones, toOldStyleTones } from './tonePlacement';

/** [old style, new style] for every tone on oa, oe, uy, with and without onsets. */
const PAIRS: [string, string][] = [
  ['hòa', 'hoà'],
  ['hóa', 'hoá'],
  ['hỏa', 'hoả'],
  ['họa', 'hoạ'],
  ['xõa', 'xoã'],
  ['khỏe', 'khoẻ'],
  ['lòe', 'loè'],
  ['khóe', 'khoé'],
  ['thủy', 'thuỷ'],
  ['thúy', 'thuý'],
  ['lũy', 'luỹ'],
  ['tùy', 'tuỳ'],
  ['ủy', 'uỷ'],
  ['òa', 'oà'],
  ['nhòe', 'nhoè'],
];

describe('tone placement', () => {
  it.each(PAIRS)('%s ↔ %s', (oldStyle, newStyle) => {
    expect(toNewStyleTones(oldStyle)).toBe(newStyle);
    expect(toOldStyleTones(newStyle)).toBe(oldStyle);
    // Already in the target style: unchanged.
    expect(toNewStyleTones(newStyle)).toBe(newStyle);
    expect(toOldStyleTones(oldStyle)).toBe(oldStyle);
  });

  it('keeps case', () => {
    expect(toNewStyleTones('HÒA BÌNH')).toBe('HOÀ BÌNH');
    expect(toOldStyleTones('HOÀ BÌNH')).toBe('HÒA BÌNH');
    expect(toNewStyleTones('Ủy ban')).toBe('Uỷ ban');
    expect(toOldStyleTones('Uỷ ban')).toBe('Ủy ban');
    expect(toNewStyleTones('Thủy')).toBe('Thuỷ');
    // Case stays with each letter, the tone moves: Ỏ → O, e → ẻ.
    expect(toNewStyleTones('KhỎe')).toBe('KhOẻ');
  });

  it.each([
    'quả',
    'quý',
    'quỳ',
    'gìn',
    'giữ',
    'giá',
    'hoàn',
    'thuyết',
    'huỳnh',
    'khuya',
    'ngoài',
    'xoáy',
    'khuỷu',
    'thuở',
    'thuế',
    'túi',
    'của',
    'mía',
    'hoa',
    'thuy',
    'Nguyễn',
    'UBND',
  ])('leaves %s alone', (word) => {
    expect(toNewStyleTones(word)).toBe(word);
    expect(toOldStyleTones(word)).toBe(word);
  });

  it('rewrites only the words that need it, leaving the rest byte for byte', () => {
    const oldStyle =
      'Giữ gìn bản sắc văn hóa, xây dựng đời sống văn hoá; Ủy ban và Tòa án khỏe mạnh, thủy lợi.';
    expect(toNewStyleTones(oldStyle)).toBe(
      'Giữ gìn bản sắc văn hoá, xây dựng đời sống văn hoá; Uỷ ban và Toà án khoẻ mạnh, thuỷ lợi.',
    );
    expect(toOldStyleTones(oldStyle)).toBe(
      'Giữ gìn bản sắc văn hóa, xây dựng đời sống văn hóa; Ủy ban và Tòa án khỏe mạnh, thủy lợi.',
    );
  });

  it('handles NFD input and returns the changed words in NFC', () => {
    expect(toNewStyleTones('ho\u0300a')).toBe('hoà');
    expect(toNewStyleTones('thu\u0309y')).toBe('thuỷ');
    // Unchanged NFD words are left as they were.
    expect(toNewStyleTones('qua\u0309')).toBe('qua\u0309');
  });
});
