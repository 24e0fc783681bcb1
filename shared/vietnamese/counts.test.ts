import { describe, expect, it } from 'vitest';
import {
  countCharacters,
  countWords,
  DEFAULT_WORDS_PER_MINUTE,
  readingTimeMinutes,
} from './counts';

/** First paragraph of the seed article: 61 whitespace-separated tokens, one of them a lone "-". */
const SEED_PARAGRAPH =
  'Sáng ngày 12/7/2023, tại trường Chính trị Trần Phú, đồng chí Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND Tỉnh đã có buổi tiếp xúc, nói chuyện với hơn 200 học viên lớp bồi dưỡng cập nhật kiến thức giữ chức danh Chủ tịch UBND xã, phường, thị trấn trên địa bàn tỉnh.';

describe('countWords', () => {
  it('counts the seed paragraph as Word does', () => {
    expect(SEED_PARAGRAPH.split(' ')).toHaveLength(61);
    expect(countWords(SEED_PARAGRAPH)).toBe(60);
    expect(countWords(SEED_PARAGRAPH.normalize('NFD'))).toBe(60);
  });

  it('skips punctuation-only tokens and counts numbers and codes once', () => {
    expect(countWords('Sáng 12/7, theo Nghị quyết 18-NQ/TW – “Phải làm quyết liệt hơn!” …')).toBe(
      11,
    );
    expect(countWords(' - – — … " ')).toBe(0);
    expect(countWords('')).toBe(0);
  });

  it('splits on every kind of whitespace', () => {
    expect(countWords('Bí\u00A0thư\tTỉnh\nủy\u202FChủ\u2003tịch')).toBe(6);
  });
});

describe('countCharacters', () => {
  it('counts what the reader sees, however it was typed', () => {
    expect(countCharacters('Việt')).toBe(4);
    expect(countCharacters('Vie\u0323\u0302t')).toBe(4);
    expect(countCharacters('Việt Nam')).toBe(8);
    expect(countCharacters('Việt Nam', { includeSpaces: false })).toBe(7);
    expect(countCharacters('👨\u200D👩\u200D👧 ok')).toBe(4);
    expect(countCharacters('')).toBe(0);
  });
});

describe('readingTimeMinutes', () => {
  it('rounds up at 250 syllables a minute', () => {
    expect(DEFAULT_WORDS_PER_MINUTE).toBe(250);
    expect(readingTimeMinutes(0)).toBe(0);
    expect(readingTimeMinutes(1)).toBe(1);
    expect(readingTimeMinutes(250)).toBe(1);
    expect(readingTimeMinutes(251)).toBe(2);
    expect(readingTimeMinutes(1000)).toBe(4);
  });

  it('counts the text itself when given a string', () => {
    expect(readingTimeMinutes(SEED_PARAGRAPH)).toBe(1);
    expect(readingTimeMinutes(SEED_PARAGRAPH, { wordsPerMinute: 50 })).toBe(2);
    expect(readingTimeMinutes('  ')).toBe(0);
  });

  it('refuses a speed that is not positive', () => {
    expect(() => readingTimeMinutes(10, { wordsPerMinute: 0 })).toThrow(RangeError);
  });
});
