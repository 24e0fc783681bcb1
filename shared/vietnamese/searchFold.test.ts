import { describe, expect, it } from 'vitest';
import { findFoldedMatches, foldForSearch, foldWithOffsets, highlightSnippet } from './searchFold';

const SEED_PARAGRAPH =
  'Sáng ngày 12/7/2023, tại trường Chính trị Trần Phú, đồng chí Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND Tỉnh đã có buổi tiếp xúc, nói chuyện với hơn 200 học viên lớp bồi dưỡng cập nhật kiến thức giữ chức danh Chủ tịch UBND xã, phường, thị trấn trên địa bàn tỉnh.';

describe('foldForSearch', () => {
  it.each([
    ['Bí thư Tỉnh ủy', 'bi thu tinh uy'],
    ['Đức', 'duc'],
    ['ĐẮK LẮK', 'dak lak'],
    ['Người dân được hưởng', 'nguoi dan duoc huong'],
    ['Ðà Nẵng', 'da nang'],
    ['hòa hoà', 'hoa hoa'],
    ['  Bí\u00A0\u00A0thư\n\tTỉnh  ', 'bi thu tinh'],
    ['Tr\u00ADường\u200B học', 'truong hoc'],
    ['UBND 12/7/2023, “Phải”', 'ubnd 12/7/2023, “phai”'],
  ])('%j → %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('folds NFD text the same as NFC', () => {
    const nfc = 'Nguyễn Văn Ấn, Việt Nam, Ủy ban';
    expect(foldForSearch(nfc.normalize('NFD'))).toBe(foldForSearch(nfc));
    expect(foldForSearch(nfc)).toBe('nguyen van an, viet nam, uy ban');
  });
});

describe('foldWithOffsets', () => {
  it('maps each folded character to its source, marks included', () => {
    const text = 'Bi\u0301 thư'; // NFD í
    const { folded, starts, ends } = foldWithOffsets(text);
    expect(folded).toBe('bi thu');
    expect(starts).toEqual([0, 1, 3, 4, 5, 6]);
    expect(ends).toEqual([1, 3, 4, 5, 6, 7]);
  });

  it('attaches collapsed whitespace to the first space', () => {
    const { folded, starts, ends } = foldWithOffsets('a \u00A0\tb');
    expect(folded).toBe('a b');
    expect(starts).toEqual([0, 1, 4]);
    expect(ends).toEqual([1, 4, 5]);
  });
});

describe('findFoldedMatches', () => {
  it('finds a toneless phrase and maps it back to the original', () => {
    const text = 'Ông Bí thư Tỉnh ủy phát biểu';
    const [match] = findFoldedMatches(text, 'bi thu');
    expect(match).toEqual({ start: 4, end: 10 });
    expect(text.slice(4, 10)).toBe('Bí thư');
  });

  it('finds every occurrence, d and đ alike', () => {
    const text = 'Ông Đức và ông Dực gặp anh Đức';
    const ranges = findFoldedMatches(text, 'duc');
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Đức', 'Dực', 'Đức']);
  });

  it('matches at word starts only, so a query word also finds longer words it begins', () => {
    expect(findFoldedMatches('Chính trị', 'chi')).toEqual([{ start: 0, end: 3 }]);
    expect(findFoldedMatches('mùa thu', 'thu')).toEqual([{ start: 4, end: 7 }]);
    expect(findFoldedMatches('thuế', 'thu')).toEqual([{ start: 0, end: 3 }]);
    expect(findFoldedMatches('thu', 'hu')).toEqual([]);
  });

  it('covers trailing combining marks in NFD text', () => {
    const text = 'Vie\u0323\u0302t Nam';
    expect(findFoldedMatches(text, 'viet')).toEqual([{ start: 0, end: 6 }]);
  });

  it('merges terms separated only by spaces into one range', () => {
    const text = 'Bí thư  Tỉnh ủy, Chủ tịch';
    expect(findFoldedMatches(text, 'tinh thu bi uy')).toEqual([{ start: 0, end: 15 }]);
  });

  it('returns nothing for an empty query', () => {
    expect(findFoldedMatches('Bí thư', '  ')).toEqual([]);
  });
});

describe('highlightSnippet', () => {
  it('returns the whole short text with the match marked', () => {
    expect(highlightSnippet('Bí thư Tỉnh ủy phát biểu', 'tinh uy')).toEqual([
      { text: 'Bí thư ', match: false },
      { text: 'Tỉnh ủy', match: true },
      { text: ' phát biểu', match: false },
    ]);
  });

  it('cuts a long text around the first match at word boundaries', () => {
    expect(highlightSnippet(SEED_PARAGRAPH, 'bi thu', { radius: 30 })).toEqual([
      { text: '…Ủy viên Trung ương Đảng, ', match: false },
      { text: 'Bí thư', match: true },
      { text: ' Tỉnh ủy, Chủ tịch HĐND Tỉnh…', match: false },
    ]);
  });

  it('highlights later matches inside the window', () => {
    expect(highlightSnippet(SEED_PARAGRAPH, 'chu tich', { radius: 20 })).toEqual([
      { text: '…Bí thư Tỉnh ủy, ', match: false },
      { text: 'Chủ tịch', match: true },
      { text: ' HĐND Tỉnh đã có…', match: false },
    ]);
  });

  it('shows the start of the text when nothing matches', () => {
    expect(highlightSnippet(SEED_PARAGRAPH, 'bao xuan', { radius: 10, ellipsis: '...' })).toEqual([
      { text: 'Sáng ngày 12/7/2023,...', match: false },
    ]);
  });

  it('keeps everything with an infinite radius', () => {
    const segments = highlightSnippet(SEED_PARAGRAPH, 'tinh', { radius: Infinity });
    expect(segments.map((s) => s.text).join('')).toBe(SEED_PARAGRAPH);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['Tỉnh', 'Tỉnh', 'tỉnh']);
  });
});

describe('foldForIndex', () => {
  it('gives exactly the foldForSearch key, fast', async () => {
    const samples = [
      'Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng',
      'ĐẢNG ỦY  Đức Phổ\tthuở   khuyến',
      'Hoà bình, thuỷ lợi; HĐND tỉnh 12/7/2023 — “trích dẫn”',
      'Bí thư'.normalize('NFD'),
      'Zero\u200bwidth and\u00a0nbsp and ð',
    ];
    const { foldForIndex, foldForSearch } = await import('./searchFold');
    for (const sample of samples) expect(foldForIndex(sample)).toBe(foldForSearch(sample));
  });
});
