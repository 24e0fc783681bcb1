import { describe, expect, it } from 'vitest';

import { getSpellchecker } from './dictionary';

/** First body paragraph of /work/shared/seed/portal-article.txt (the seed portal article). */
const SEED_PARAGRAPH =
  'Sáng ngày 12/7/2023, tại trường Chính trị Trần Phú, đồng chí Hoàng Trung Dũng - Ủy viên ' +
  'Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND Tỉnh đã có buổi tiếp xúc, nói chuyện với hơn ' +
  '200 học viên lớp bồi dưỡng cập nhật kiến thức giữ chức danh Chủ tịch UBND xã, phường, thị ' +
  'trấn trên địa bàn tỉnh.';
const SEED_TITLE =
  'Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng cập nhật kiến thức chức danh chủ tịch UBND xã, ' +
  'phường, thị trấn năm 2023';
const SEED_BYLINE = 'Tác giả: Th.S Lê Đình Hùng- Phó Trưởng phòng TC, HC, TT, TLL';

describe('the bundled hunspell-vi dictionary', () => {
  it('finds nothing wrong in the seed article', () => {
    const checker = getSpellchecker();
    expect(checker.findIssues(SEED_PARAGRAPH)).toEqual([]);
    expect(checker.findIssues(SEED_TITLE)).toEqual([]);
    expect(checker.findIssues(SEED_BYLINE)).toEqual([]);
  });

  it('flags typos with the intended word first', () => {
    const issues = getSpellchecker().findIssues('Một nguời học ở truờng Việtt Nam.');
    expect(issues.map((i) => [i.word, i.kind, i.suggestions[0]])).toEqual([
      ['nguời', 'misspelt', 'người'],
      ['truờng', 'misspelt', 'trường'],
      ['Việtt', 'misspelt', 'Việt'],
    ]);
  });

  it('reports sử lý as a real-word error', () => {
    const [issue] = getSpellchecker().findIssues('Cần sử lý dứt điểm.');
    expect(issue).toMatchObject({ word: 'sử lý', kind: 'realword', suggestions: ['xử lý'] });
  });

  it('accepts both tone styles and skips numbers and abbreviations', () => {
    const checker = getSpellchecker();
    expect(checker.isCorrect('hoà')).toBe(true);
    expect(checker.isCorrect('hòa')).toBe(true);
    expect(checker.findIssues('Hoà bình, hòa bình, thuỷ lợi, thủy lợi, khoẻ, khỏe.')).toEqual([]);
    expect(checker.findIssues('UBND ngày 12/7/2023 cử Th.S Nam')).toEqual([]);
  });

  it('accepts a newsroom word once added', () => {
    const checker = getSpellchecker();
    expect(checker.findIssues('Huyện Krông Pắc, tỉnh Đắk Lắk')).toHaveLength(3);
    checker.addWord('Krông');
    checker.addWord('Đắk Lắk');
    expect(checker.findIssues('Huyện Krông Pắc, tỉnh Đắk Lắk')).toEqual([]);
  });

  it('checks 10,000 words quickly (timing printed, not asserted)', () => {
    const words = `${SEED_PARAGRAPH} Một nguời học ở truờng. ${SEED_TITLE}.`.split(' ');
    const text = Array.from({ length: 10_000 }, (_, i) => words[i % words.length]).join(' ');
    let issues = getSpellchecker().findIssues('');
    for (const pass of ['cold', 'warm']) {
      const started = performance.now();
      issues = getSpellchecker().findIssues(text);
      const ms = (performance.now() - started).toFixed(1);
      console.info(`spellcheck (${pass}): 10,000 words, ${issues.length} issues in ${ms} ms`);
    }
    expect(issues.length).toBeGreaterThan(0);
  });
});
