import { describe, expect, it } from 'vitest';
import { isValidSyllable, parseSyllable } from './syllable';

const words = (...lines: string[]): string[] => lines.join(' ').split(' ');

const VALID = words(
  // from the seed article
  'Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng cập nhật kiến thức chức danh chủ tịch xã phường',
  'thị trấn năm Đảng ĐẢNG đường Trường Dũng',
  // qu and gi onsets
  'quốc quả quý quyết quỳnh qui giữ gìn gì giá giếng giết giữa',
  // ngh/gh/k spellings
  'nghiêng nghỉ nghe ghế kiên kẻ kỹ kĩ',
  // glides and three-letter vowel clusters
  'ngoài người rượu khuỷu ngoáy thuyền khuấy khuya thuở hoàng hoạch huỳnh xoong nguệch',
  // two-vowel rhymes with the tone on the first vowel
  'của múa mía túi cáo kéo rìu máy gói',
  // no onset
  'y ý yêu yến ăn ước oà òa',
  // both tone styles
  'hòa hoà khỏe khoẻ thủy thuỷ uỷ xóa xoá',
);

describe('isValidSyllable', () => {
  it.each(VALID)('accepts %s', (word) => {
    expect(isValidSyllable(word)).toBe(true);
  });

  it.each([
    ['HĐND', 'no vowel'],
    ['Céng', 'TCVN3 gibberish'],
    ['Toâi', 'VNI gibberish'],
    ['viờn', 'iơ is no rhyme'],
    ['hàt', 'huyền on a -t ending'],
    ['hỏc', 'hỏi on a -c ending'],
    ['ká', 'k before a'],
    ['cê', 'c before ê'],
    ['ghá', 'gh before a'],
    ['gé', 'g before e'],
    ['ngế', 'ng before ê'],
    ['nghá', 'ngh before a'],
    ['gía', 'tone on the i of gi'],
    ['qủa', 'tone on the u of qu'],
    ['cuả', 'tone on the wrong vowel of ua'],
    ['ngưòi', 'ưo is no rhyme'],
    ['hoá́', 'two tone marks'],
    ['iêu', 'iê needs an onset'],
    ['tyên', 'yê after an onset'],
    ['quo', 'no such rhyme after qu'],
    ['work', 'English'],
    ['fan', 'f is not Vietnamese'],
    ['a1', 'digit'],
    ['', 'empty'],
  ])('rejects %s (%s)', (word) => {
    expect(isValidSyllable(word)).toBe(false);
  });

  it('accepts NFD input', () => {
    expect(isValidSyllable('ngu\u031Bo\u031B\u0300i')).toBe(true);
    expect(isValidSyllable('Vie\u0323\u0302t')).toBe(true);
  });

  it('can insist on one tone style', () => {
    expect(isValidSyllable('hòa', { toneStyle: 'old' })).toBe(true);
    expect(isValidSyllable('hòa', { toneStyle: 'new' })).toBe(false);
    expect(isValidSyllable('hoà', { toneStyle: 'new' })).toBe(true);
    expect(isValidSyllable('hoà', { toneStyle: 'old' })).toBe(false);
    expect(isValidSyllable('thủy', { toneStyle: 'new' })).toBe(false);
    expect(isValidSyllable('thuỷ', { toneStyle: 'new' })).toBe(true);
    // Where the styles agree, both accept.
    expect(isValidSyllable('hoàn', { toneStyle: 'old' })).toBe(true);
    expect(isValidSyllable('hoàn', { toneStyle: 'new' })).toBe(true);
    expect(isValidSyllable('quý', { toneStyle: 'old' })).toBe(true);
    expect(isValidSyllable('quý', { toneStyle: 'new' })).toBe(true);
    // Never on the coda-side vowel when there is a final consonant.
    expect(isValidSyllable('hòan')).toBe(false);
  });
});

describe('parseSyllable', () => {
  it('takes a syllable apart', () => {
    expect(parseSyllable('Người')).toEqual({
      onset: 'ng',
      rhyme: 'ươi',
      vowels: 'ươi',
      coda: '',
      tone: 'huyen',
      toneIndex: 3,
      oldStyleIndex: 3,
      newStyleIndex: 3,
    });
    expect(parseSyllable('thuỷ')).toEqual({
      onset: 'th',
      rhyme: 'uy',
      vowels: 'uy',
      coda: '',
      tone: 'hoi',
      toneIndex: 3,
      oldStyleIndex: 2,
      newStyleIndex: 3,
    });
  });

  it('reads qu and gi as onsets, and g + i as the shared i of gi', () => {
    expect(parseSyllable('quả')).toMatchObject({ onset: 'qu', rhyme: 'a', toneIndex: 2 });
    expect(parseSyllable('giữ')).toMatchObject({ onset: 'gi', rhyme: 'ư', toneIndex: 2 });
    expect(parseSyllable('gìn')).toMatchObject({ onset: 'g', rhyme: 'in', toneIndex: 1 });
    expect(parseSyllable('giếng')).toMatchObject({ onset: 'g', rhyme: 'iêng', coda: 'ng' });
  });

  it('returns the misplaced tone instead of refusing the word', () => {
    expect(parseSyllable('gía')).toMatchObject({ onset: 'gi', toneIndex: 1, newStyleIndex: 2 });
  });

  it('returns null for what cannot be a syllable', () => {
    expect(parseSyllable('xyz')).toBeNull();
    expect(parseSyllable('\u0301a')).toBeNull();
  });
});
