import { describe, expect, it } from 'vitest';

import type { DiffSegment } from './diffText';
import { diffBlocks, diffWords } from './diffText';

const same = (text: string): DiffSegment => ({ kind: 'same', text });
const added = (text: string): DiffSegment => ({ kind: 'added', text });
const removed = (text: string): DiffSegment => ({ kind: 'removed', text });

/** The text one version reads, rebuilt from the segments. */
function version(segments: DiffSegment[], side: 'before' | 'after'): string {
  const hidden = side === 'before' ? 'added' : 'removed';
  return segments
    .filter((segment) => segment.kind !== hidden)
    .map((segment) => segment.text)
    .join('');
}

describe('diffWords', () => {
  it('groups replaced neighbouring syllables into one phrase', () => {
    expect(
      diffWords(
        'Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng',
        'Bí thư Tỉnh ủy phát biểu với Lớp Bồi dưỡng',
      ),
    ).toEqual([
      same('Bí thư Tỉnh ủy '),
      removed('nói chuyện'),
      added('phát biểu'),
      same(' với Lớp Bồi dưỡng'),
    ]);
  });

  it('treats a change of case or tone placement as a change of the syllable', () => {
    expect(diffWords('Lớp Bồi dưỡng', 'lớp bồi dưỡng')).toEqual([
      removed('Lớp Bồi'),
      added('lớp bồi'),
      same(' dưỡng'),
    ]);
    expect(diffWords('Hòa bình', 'Hoà bình')).toEqual([
      removed('Hòa'),
      added('Hoà'),
      same(' bình'),
    ]);
  });

  it('keeps punctuation and numbers as their own changes', () => {
    expect(diffWords('Hội nghị tổng kết năm 2023.', 'Hội nghị sơ kết năm 2024!')).toEqual([
      same('Hội nghị '),
      removed('tổng'),
      added('sơ'),
      same(' kết năm '),
      removed('2023.'),
      added('2024!'),
    ]);
    expect(
      diffWords('Ông Hoàng Trung Dũng, Phó Bí thư', 'Ông Hoàng Trung Dũng – Phó Bí thư Tỉnh ủy'),
    ).toEqual([
      same('Ông Hoàng Trung Dũng'),
      removed(', '),
      added(' – '),
      same('Phó Bí thư'),
      added(' Tỉnh ủy'),
    ]);
  });

  it('shows pure insertions and deletions with their spaces', () => {
    expect(diffWords('Nghị quyết Đại hội Đảng', 'Nghị quyết Đại hội XIII của Đảng')).toEqual([
      same('Nghị quyết Đại hội '),
      added('XIII của '),
      same('Đảng'),
    ]);
    expect(
      diffWords(
        'Đồng chí đã thăm huyện Đức Phổ và nói chuyện với học viên.',
        'Đồng chí đã thăm huyện Đức Phổ.',
      ),
    ).toEqual([
      same('Đồng chí đã thăm huyện Đức Phổ'),
      removed(' và nói chuyện với học viên'),
      same('.'),
    ]);
    expect(diffWords('', 'Bài mới')).toEqual([added('Bài mới')]);
    expect(diffWords('Bài cũ', '')).toEqual([removed('Bài cũ')]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('compares in NFC, so decomposed text from a Mac or a PDF is not a change', () => {
    expect(diffWords('Tie\u0302\u0301ng Vie\u0323\u0302t', 'Tiếng Việt')).toEqual([
      same('Tiếng Việt'),
    ]);
  });

  it('rebuilds both versions exactly from the segments', () => {
    const pairs: Array<[string, string]> = [
      ['Sáng 12/7, UBND tỉnh họp.', 'Chiều 12/7, UBND tỉnh Quảng Ngãi họp báo.'],
      ['thuở ấy  người   khuyến học', 'thuở nay người khuyến  nông'],
      ['Dòng một\nDòng hai', 'Dòng một\nDòng ba'],
    ];
    for (const [before, after] of pairs) {
      const segments = diffWords(before, after);
      expect(version(segments, 'before')).toBe(before);
      expect(version(segments, 'after')).toBe(after);
    }
  });
});

describe('diffBlocks', () => {
  it('pairs unchanged, edited, deleted and added paragraphs for a side-by-side view', () => {
    expect(
      diffBlocks(
        ['Sa pô', 'Đoạn một không đổi.', 'Đoạn hai cũ.', 'Đoạn bị xoá.'],
        ['Sa pô', 'Đoạn một không đổi.', 'Đoạn hai mới.', 'Đoạn thêm.', 'Đoạn thêm nữa.'],
      ),
    ).toEqual([
      { before: [same('Sa pô')], after: [same('Sa pô')], changed: false },
      {
        before: [same('Đoạn một không đổi.')],
        after: [same('Đoạn một không đổi.')],
        changed: false,
      },
      {
        before: [same('Đoạn hai '), removed('cũ'), same('.')],
        after: [same('Đoạn hai '), added('mới'), same('.')],
        changed: true,
      },
      {
        before: [same('Đoạn '), removed('bị xoá'), same('.')],
        after: [same('Đoạn '), added('thêm'), same('.')],
        changed: true,
      },
      { before: null, after: [added('Đoạn thêm nữa.')], changed: true },
    ]);
  });

  it('keeps a deleted paragraph on its own row and the rest aligned', () => {
    expect(
      diffBlocks(
        ['Hoàng Trung Dũng', 'Đoạn bị xoá.', 'Nghị quyết Đại hội Đảng'],
        ['Hoàng Trung Dũng', 'Nghị quyết Đại hội Đảng'],
      ),
    ).toEqual([
      { before: [same('Hoàng Trung Dũng')], after: [same('Hoàng Trung Dũng')], changed: false },
      { before: [removed('Đoạn bị xoá.')], after: null, changed: true },
      {
        before: [same('Nghị quyết Đại hội Đảng')],
        after: [same('Nghị quyết Đại hội Đảng')],
        changed: false,
      },
    ]);
  });

  it('merges the shared text around a pure insertion on the side that lacks it', () => {
    expect(diffBlocks(['Đại hội Đảng'], ['Đại hội XIII Đảng'])).toEqual([
      {
        before: [same('Đại hội Đảng')],
        after: [same('Đại hội '), added('XIII '), same('Đảng')],
        changed: true,
      },
    ]);
  });

  it('matches paragraphs in NFC and keeps empty paragraphs as empty rows', () => {
    expect(diffBlocks(['Tie\u0302\u0301ng Việt', ''], ['Tiếng Việt', ''])).toEqual([
      { before: [same('Tiếng Việt')], after: [same('Tiếng Việt')], changed: false },
      { before: [], after: [], changed: false },
    ]);
  });
});
