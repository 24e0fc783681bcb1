import { describe, expect, it } from 'vitest';

import { commonRealWordErrors, createSpellchecker, parseHunspellDic } from './spellcheck';

const WORDS = (
  'người trường việt nam hoà thuỷ tôi là xử lý sử dụng chia sẻ sẽ ngày sáng tỉnh họp tại ' +
  'ông bà đã đến với của và ở phó chủ tịch về huyện UBND'
).split(' ');
const checker = () => createSpellchecker({ words: WORDS });
const flagged = (text: string) =>
  checker()
    .findIssues(text)
    .map((issue) => issue.word);

describe('parseHunspellDic', () => {
  it('drops the count line, flags and morphological fields, and composes to NFC', () => {
    const dic = '4\r\nhoà\nabc/XY\nthe\tpo:noun\n' + 'ho\u0300a'.normalize('NFD') + '\n\n';
    expect(parseHunspellDic(dic)).toEqual(['hoà', 'abc', 'the', 'hòa']);
  });
});

describe('isCorrect', () => {
  it('ignores case and accepts both tone styles and NFD input', () => {
    const c = checker();
    expect(c.isCorrect('Người')).toBe(true);
    expect(c.isCorrect('NGƯỜI')).toBe(true);
    expect(c.isCorrect('hoà')).toBe(true);
    expect(c.isCorrect('hòa')).toBe(true);
    expect(c.isCorrect('Thủy')).toBe(true);
    expect(c.isCorrect('người'.normalize('NFD'))).toBe(true);
    expect(c.isCorrect('nguời')).toBe(false);
  });

  it('accepts newsroom words given up front or added later, whole names included', () => {
    const c = createSpellchecker({ words: WORDS, newsroomWords: ['Pleiku'] });
    expect(c.isCorrect('pleiku')).toBe(true);
    expect(c.isCorrect('Krông')).toBe(false);
    c.addWord('Krông Pắc');
    expect(c.isCorrect('Krông')).toBe(true);
    expect(c.findIssues('Về huyện Krông Pắc.')).toEqual([]);
  });
});

describe('suggest', () => {
  it('puts the mark fix first and keeps the case pattern', () => {
    expect(checker().suggest('nguời')[0]).toBe('người');
    expect(checker().suggest('Truờng')[0]).toBe('Trường');
    expect(checker().suggest('VIỆTT')[0]).toBe('VIỆT');
    expect(checker().suggest('trươgn')).toContain('trường');
  });

  it('stays within distance 2 and honours max', () => {
    expect(checker().suggest('xyzxyzq')).toEqual([]);
    expect(checker().suggest('sẽe', 2)).toHaveLength(2);
  });

  it('offers newsroom words with their own capitals', () => {
    const c = createSpellchecker({ words: WORDS, newsroomWords: ['Pleiku'] });
    expect(c.suggest('pleikuu')[0]).toBe('Pleiku');
  });
});

describe('findIssues', () => {
  it('reports unknown words with UTF-16 offsets and suggestions', () => {
    const text = 'Tôi là nguời Việtt.';
    const issues = checker().findIssues(text);
    expect(issues.map((i) => [i.word, text.slice(i.from, i.to), i.kind])).toEqual([
      ['nguời', 'nguời', 'misspelt'],
      ['Việtt', 'Việtt', 'misspelt'],
    ]);
    expect(issues[1]?.suggestions[0]).toBe('Việt');
  });

  it('keeps offsets in the original text when it is NFD', () => {
    const text = 'Tôi là nguời.'.normalize('NFD');
    const [issue] = checker().findIssues(text);
    expect(issue && text.slice(issue.from, issue.to).normalize('NFC')).toBe('nguời');
  });

  it('skips numbers, abbreviations, dotted forms, links, e-mails and single letters', () => {
    expect(
      flagged(
        'Ngày 12/7/2023 UBND, HĐND, TLL họp. Th.S Lê. TP.HCM x y https://vd.vn/abc-xyz ' +
          'www.baodanang.vn toasoan@baodanang.vn z4509060236637 cee53aff582f',
      ),
    ).toEqual([]);
  });

  it('accepts a capitalised valid syllable mid-sentence as a name, but not at a sentence start', () => {
    expect(flagged('Ông Lê đến.')).toEqual([]);
    expect(flagged('Lê đến. Lê đến!')).toEqual(['Lê', 'Lê']);
    expect(flagged('Ông Krông đến.')).toEqual(['Krông']);
  });

  it('checks all-caps words that carry Vietnamese marks', () => {
    expect(flagged('TỈHN VÀ TỈNH')).toEqual(['TỈHN']);
  });

  it('flags known wrong phrases as real-word errors, case-insensitively, only across spaces', () => {
    const issues = checker().findIssues('Sử lý rồi sử  lý, sử, lý.');
    const realword = issues.filter((i) => i.kind === 'realword');
    expect(realword.map((i) => [i.word, i.suggestions])).toEqual([
      ['Sử lý', ['Xử lý']],
      ['sử  lý', ['xử lý']],
    ]);
    expect(realword[0]).toMatchObject({ from: 0, to: 5 });
  });

  it('matches phrases written in either tone style', () => {
    const c = createSpellchecker({ words: ['cổ', 'suý'] });
    expect(c.findIssues('cổ súy').map((i) => i.kind)).toEqual([]);
  });
});

describe('commonRealWordErrors', () => {
  it('holds distinct two- or three-syllable pairs that differ', () => {
    const wrong = commonRealWordErrors.map(([w]) => w);
    expect(new Set(wrong).size).toBe(wrong.length);
    expect(wrong.length).toBeGreaterThanOrEqual(30);
    for (const [w, r] of commonRealWordErrors) {
      expect(w).not.toBe(r);
      expect(w.split(' ').length).toBe(r.split(' ').length);
    }
  });
});
