import { describe, expect, it } from 'vitest';
import { APPENDIX_A as APPENDIX_A_TUPLES } from './appendixA.fixture';
import {
  detectLegacyEncoding,
  legacyFontEncoding,
  tcvn3ToUnicode,
  unicodeToTcvn3,
  unicodeToVni,
  vniToUnicode,
} from './legacyEncodings';
import { LEGACY_LETTERS, TCVN3_UPPER_BYTES } from './legacyTables';

const chr = (...codes: number[]): string => String.fromCharCode(...codes);

const APPENDIX_A = APPENDIX_A_TUPLES.map(
  ([lower, upper, tcvn3Lower, tcvn3Upper, vniLower, vniUpper]) => ({
    lower,
    upper,
    tcvn3Lower,
    tcvn3Upper,
    vniLower: [...vniLower],
    vniUpper: [...vniUpper],
  }),
);

/** First paragraph of the seed article. */
const SEED_PARAGRAPH =
  'Sáng ngày 12/7/2023, tại trường Chính trị Trần Phú, đồng chí Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND Tỉnh đã có buổi tiếp xúc, nói chuyện với hơn 200 học viên lớp bồi dưỡng cập nhật kiến thức giữ chức danh Chủ tịch UBND xã, phường, thị trấn trên địa bàn tỉnh.';

/** The same paragraph as a `.VnTime` document pastes it (U+00AD is the letter ư). */
const SEED_PARAGRAPH_TCVN3 =
  'S¸ng ngµy 12/7/2023, t¹i tr\u00ADêng ChÝnh trÞ TrÇn Phó, ®ång chÝ Hoµng Trung Dòng - ñy viªn Trung \u00AD¬ng §¶ng, BÝ th\u00AD TØnh ñy, Chñ tÞch H§ND TØnh ®· cã buæi tiÕp xóc, nãi chuyÖn víi h¬n 200 häc viªn líp båi d\u00ADìng cËp nhËt kiÕn thøc gi÷ chøc danh Chñ tÞch UBND x·, ph\u00ADêng, thÞ trÊn trªn ®Þa bµn tØnh.';

/** The same paragraph as a `VNI-Times` document pastes it. */
const SEED_PARAGRAPH_VNI =
  'Saùng ngaøy 12/7/2023, taïi tröôøng Chính trò Traàn Phuù, ñoàng chí Hoaøng Trung Duõng - UÛy vieân Trung öông Ñaûng, Bí thö Tænh uûy, Chuû tòch HÑND Tænh ñaõ coù buoåi tieáp xuùc, noùi chuyeän vôùi hôn 200 hoïc vieân lôùp boài döôõng caäp nhaät kieán thöùc giöõ chöùc danh Chuû tòch UBND xaõ, phöôøng, thò traán treân ñòa baøn tænh.';

describe('legacy tables against Appendix A', () => {
  it('has the 67 rows of the reference, in order, with the same codes', () => {
    expect(APPENDIX_A).toHaveLength(67);
    expect(LEGACY_LETTERS).toHaveLength(67);
    APPENDIX_A.forEach((row, i) => {
      const entry = LEGACY_LETTERS[i];
      expect(entry?.letter).toBe(chr(row.lower));
      expect(entry?.letter.toUpperCase()).toBe(chr(row.upper));
      expect(entry?.tcvn3).toBe(row.tcvn3Lower);
      expect(entry?.vni).toEqual(row.vniLower);
      expect(entry?.vni.map((byte) => byte - 0x20)).toEqual(row.vniUpper);
      expect(TCVN3_UPPER_BYTES[chr(row.upper)] ?? null).toBe(row.tcvn3Upper);
    });
  });

  it('has exactly seven upper-case TCVN3 codes', () => {
    expect(APPENDIX_A.filter((row) => row.tcvn3Upper !== null)).toHaveLength(7);
    expect(Object.keys(TCVN3_UPPER_BYTES).sort()).toEqual(
      ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'].sort(),
    );
  });
});

describe('all 134 letters', () => {
  for (const row of APPENDIX_A) {
    const lower = chr(row.lower);
    const upper = chr(row.upper);
    it(`${lower} ${upper}`, () => {
      expect(unicodeToVni(lower)).toBe(chr(...row.vniLower));
      expect(unicodeToVni(upper)).toBe(chr(...row.vniUpper));
      expect(vniToUnicode(chr(...row.vniLower))).toBe(lower);
      expect(vniToUnicode(chr(...row.vniUpper))).toBe(upper);

      expect(unicodeToTcvn3(lower)).toBe(chr(row.tcvn3Lower));
      expect(tcvn3ToUnicode(chr(row.tcvn3Lower))).toBe(lower);
      if (row.tcvn3Upper === null) {
        // Shared byte: plain TCVN3 cannot carry the case; only a .Vn…H font can.
        expect(unicodeToTcvn3(upper)).toBe(chr(row.tcvn3Lower));
        expect(tcvn3ToUnicode(unicodeToTcvn3(upper))).toBe(lower);
        expect(tcvn3ToUnicode(unicodeToTcvn3(upper), { upperCase: true })).toBe(upper);
      } else {
        expect(unicodeToTcvn3(upper)).toBe(chr(row.tcvn3Upper));
        expect(tcvn3ToUnicode(chr(row.tcvn3Upper))).toBe(upper);
      }
    });
  }

  it('round-trips the whole alphabet as one string', () => {
    const lower = APPENDIX_A.map((row) => chr(row.lower)).join('');
    const upper = APPENDIX_A.map((row) => chr(row.upper)).join('');
    const mixed = `${lower} ${upper} aeiouy AEIOUY`;
    expect(vniToUnicode(unicodeToVni(mixed))).toBe(mixed);
    // Toned capitals come back lower case; Ă Â Ê Ô Ơ Ư Đ keep theirs.
    const upperBack = APPENDIX_A.map((row) => chr(row.tcvn3Upper === null ? row.lower : row.upper));
    expect(tcvn3ToUnicode(unicodeToTcvn3(mixed))).toBe(
      `${lower} ${upperBack.join('')} aeiouy AEIOUY`,
    );
  });
});

describe('words and phrases', () => {
  it.each([
    ['Trường', 'Tröôøng'],
    ['ƯỚC', 'ÖÔÙC'],
    ['Đắk Lắk', 'Ñaék Laék'],
    ['Quyết định số 12/QĐ-UBND', 'Quyeát ñònh soá 12/QÑ-UBND'],
    ['THƯỞNG', 'THÖÔÛNG'],
    ['HÀ NỘI', 'HAØ NOÄI'],
    ['Tôi đi học', 'Toâi ñi hoïc'],
  ])('VNI %s', (unicode, vni) => {
    expect(unicodeToVni(unicode)).toBe(vni);
    expect(vniToUnicode(vni)).toBe(unicode);
  });

  it('reads VNI greedily, two bytes first (ơ + tone is not ơ followed by a stray mark)', () => {
    expect(vniToUnicode('ôù')).toBe('ớ');
    expect(vniToUnicode('ô')).toBe('ơ');
    expect(vniToUnicode('ôô')).toBe('ơơ');
    expect(vniToUnicode('ù')).toBe('ù');
  });

  it.each([
    ['Trường', 'Tr\u00ADêng'],
    ['Đắk Lắk', '§¾k L¾k'],
    ['Quyết định số 12/QĐ-UBND', 'QuyÕt ®Þnh sè 12/Q§-UBND'],
    ['đưa', '®\u00ADa'],
  ])('TCVN3 %s', (unicode, tcvn3) => {
    expect(unicodeToTcvn3(unicode)).toBe(tcvn3);
    expect(tcvn3ToUnicode(tcvn3)).toBe(unicode);
  });

  it('loses the case of toned TCVN3 capitals unless told', () => {
    expect(unicodeToTcvn3('HÀ NỘI')).toBe('Hµ NéI');
    expect(tcvn3ToUnicode('Hµ NéI')).toBe('Hà NộI');
    expect(tcvn3ToUnicode('Hµ NéI', { upperCase: true })).toBe('HÀ NỘI');
    expect(unicodeToTcvn3('ƯỚC THƯỞNG')).toBe('¦íC TH¦ëNG');
    expect(tcvn3ToUnicode('¦íC TH¦ëNG')).toBe('ƯớC THƯởNG');
  });

  it('converts a .VnTimeH heading', () => {
    expect(tcvn3ToUnicode('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM', { upperCase: true })).toBe(
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    );
  });

  it('repairs the case of capitals from context when asked', () => {
    expect(tcvn3ToUnicode('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM', { repairCase: true })).toBe(
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    );
    expect(tcvn3ToUnicode('Hµ Néi, UBND tØnh', { repairCase: true })).toBe('Hà Nội, UBND tỉnh');
    expect(tcvn3ToUnicode('QuyÕt ®Þnh cña UBND TØNH', { repairCase: true })).toBe(
      'Quyết định của UBND TỈNH',
    );
  });

  it('converts the seed paragraph both ways', () => {
    expect(unicodeToTcvn3(SEED_PARAGRAPH)).toBe(SEED_PARAGRAPH_TCVN3);
    expect(unicodeToVni(SEED_PARAGRAPH)).toBe(SEED_PARAGRAPH_VNI);
    expect(vniToUnicode(SEED_PARAGRAPH_VNI)).toBe(SEED_PARAGRAPH);
    // Only "Ủy" is a toned capital: TCVN3 brings it back lower case.
    expect(tcvn3ToUnicode(SEED_PARAGRAPH_TCVN3)).toBe(SEED_PARAGRAPH.replace('Ủy viên', 'ủy viên'));
  });

  it('composes NFD input before encoding', () => {
    expect(unicodeToVni('Vie\u0323\u0302t')).toBe('Vieät');
    expect(unicodeToTcvn3('Vie\u0323\u0302t')).toBe('ViÖt');
  });
});

describe('legacyFontEncoding', () => {
  it.each([
    ['.VnTime', { encoding: 'tcvn3', upperCase: false }],
    ['.VnTimeH', { encoding: 'tcvn3', upperCase: true }],
    ['".VnArialH"', { encoding: 'tcvn3', upperCase: true }],
    ['\\.VnTimeH', { encoding: 'tcvn3', upperCase: true }],
    ["'.vnarial'", { encoding: 'tcvn3', upperCase: false }],
    ['VNI-Times', { encoding: 'vni', upperCase: false }],
    ['VNI-Helve', { encoding: 'vni', upperCase: false }],
    ['Times New Roman', null],
    ['Vnimage', null],
  ])('%s', (font, expected) => {
    expect(legacyFontEncoding(font)).toEqual(expected);
  });
});

describe('detectLegacyEncoding', () => {
  it('decides from Word font names when they are given', () => {
    expect(detectLegacyEncoding({ text: 'Hµ Néi', fontNames: ['.VnTime'] })).toEqual({
      encoding: 'tcvn3',
      confidence: 1,
      reason: 'TCVN3 font .VnTime',
      upperCase: false,
    });
    expect(
      detectLegacyEncoding({ text: 'CéNG HOµ', fontNames: ['".VnTimeH", "sans-serif"'] }),
    ).toEqual({ encoding: 'tcvn3', confidence: 1, reason: 'TCVN3 font .VnTimeH', upperCase: true });
    expect(detectLegacyEncoding({ text: 'Toâi', fontNames: ['VNI-Times'] })).toMatchObject({
      encoding: 'vni',
      confidence: 1,
    });
    expect(
      detectLegacyEncoding({ text: SEED_PARAGRAPH_TCVN3, fontNames: ['Times New Roman', 'Arial'] }),
    ).toMatchObject({ encoding: 'unicode', confidence: 0.9 });
    expect(detectLegacyEncoding({ text: 'x', fontNames: ['.VnTime', 'VNI-Times'] })).toMatchObject({
      encoding: 'unknown',
      confidence: 0,
    });
  });

  it('falls back to the text when the font list is empty', () => {
    expect(detectLegacyEncoding({ text: SEED_PARAGRAPH_TCVN3, fontNames: [] }).encoding).toBe(
      'tcvn3',
    );
  });

  it('recognises the seed paragraph in TCVN3 and in VNI from the text alone', () => {
    const tcvn3 = detectLegacyEncoding({ text: SEED_PARAGRAPH_TCVN3 });
    expect(tcvn3.encoding).toBe('tcvn3');
    expect(tcvn3.confidence).toBeGreaterThanOrEqual(0.8);
    expect(tcvn3.scores?.tcvn3).toBeGreaterThanOrEqual(0.95);
    expect(tcvn3.scores?.unicode).toBeLessThan(0.3);

    const vni = detectLegacyEncoding({ text: SEED_PARAGRAPH_VNI });
    expect(vni.encoding).toBe('vni');
    expect(vni.confidence).toBeGreaterThanOrEqual(0.8);
    expect(vni.scores?.vni).toBeGreaterThanOrEqual(0.95);
  });

  it('recognises an all-capitals TCVN3 heading of enough words', () => {
    const heading = 'CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM - §éC LËP - Tù DO - H¹NH PHóC';
    expect(detectLegacyEncoding({ text: heading }).encoding).toBe('tcvn3');
  });

  it('keeps Unicode Vietnamese as Unicode', () => {
    expect(detectLegacyEncoding({ text: SEED_PARAGRAPH })).toMatchObject({
      encoding: 'unicode',
      confidence: 1,
    });
    // Only Latin-1 letters, so the character check cannot decide; the scores must.
    const latin1Only =
      'Tôi là phóng viên, hôm nay tôi và các anh em chào bà con cô bác, tôi có ý hay';
    const result = detectLegacyEncoding({ text: latin1Only });
    expect([...latin1Only].every((ch) => ch.charCodeAt(0) <= 0xff)).toBe(true);
    expect(result.encoding).toBe('unicode');
    expect(result.scores?.unicode).toBeGreaterThan(result.scores?.tcvn3 ?? 1);
  });

  it('keeps English as Unicode', () => {
    expect(
      detectLegacyEncoding({
        text: 'The provincial committee met on Wednesday to discuss the plan.',
      }),
    ).toMatchObject({ encoding: 'unicode', confidence: 1 });
    const accented = detectLegacyEncoding({
      text: 'At the café, a naïve critic praised the crème brûlée and the résumé of the chef’s rosé list.',
    });
    expect(accented.encoding).toBe('unicode');
  });

  it('refuses to decide on short text', () => {
    expect(detectLegacyEncoding({ text: 'Céng hoµ' }).encoding).toBe('unknown');
    expect(detectLegacyEncoding({ text: 'Toâi ñi hoïc' }).encoding).toBe('unknown');
    expect(detectLegacyEncoding({ text: 'ê' }).encoding).toBe('unknown');
  });

  it('calls text with characters no legacy encoding has Unicode at once', () => {
    expect(detectLegacyEncoding({ text: 'Cộng hoà xã hội' })).toMatchObject({
      encoding: 'unicode',
      confidence: 1,
    });
    expect(detectLegacyEncoding({ text: 'S¸ng ngµy 🎉' }).encoding).toBe('unicode');
  });
});
