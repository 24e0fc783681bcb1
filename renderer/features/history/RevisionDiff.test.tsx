import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { RevisionDiffMode } from './RevisionDiff';
import { RevisionDiff } from './RevisionDiff';

afterEach(cleanup);

const before = {
  label: 'Bản 3 – 08:15 12/07/2023',
  paragraphs: ['Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng', 'Đoạn không đổi.', 'Đoạn bị xoá.'],
};
const after = {
  label: 'Bản 4 – 09:02 12/07/2023',
  paragraphs: ['Bí thư Tỉnh ủy phát biểu với Lớp Bồi dưỡng', 'Đoạn không đổi.'],
};

function show(mode: RevisionDiffMode) {
  const view = render(<RevisionDiff before={before} after={after} mode={mode} />);
  const texts = (selector: string) =>
    Array.from(view.container.querySelectorAll(selector), (element) => element.textContent);
  return { view, texts };
}

describe('RevisionDiff', () => {
  it('aligns paragraphs in two labelled columns, marking words removed and added', () => {
    const { texts } = show('side-by-side');
    expect(screen.getByRole('columnheader', { name: before.label })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: after.label })).toBeTruthy();
    const rows = screen.getAllByTestId('diff-row');
    expect(
      rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent)),
    ).toEqual([
      ['Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng', 'Bí thư Tỉnh ủy phát biểu với Lớp Bồi dưỡng'],
      ['Đoạn không đổi.', 'Đoạn không đổi.'],
      ['Đoạn bị xoá.', ''],
    ]);
    expect(texts('del')).toEqual(['nói chuyện', 'Đoạn bị xoá.']);
    expect(texts('ins')).toEqual(['phát biểu']);
    expect(rows.map((row) => row.className)).toEqual([
      'diff-row diff-row-changed',
      'diff-row',
      'diff-row diff-row-removed',
    ]);
    expect(rows[2]?.querySelectorAll('td')[1]?.className).toBe('diff-missing');
  });

  it('shows one column inline, the removed words struck before the added ones', () => {
    const { texts } = show('inline');
    expect(screen.getByTestId('revision-diff').dataset.mode).toBe('inline');
    expect(screen.queryByRole('table')).toBeNull();
    const rows = screen.getAllByTestId('diff-row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Bí thư Tỉnh ủy nói chuyệnphát biểu với Lớp Bồi dưỡng',
      'Đoạn không đổi.',
      'Đoạn bị xoá.',
    ]);
    expect(rows[0]?.innerHTML).toBe(
      '<span>Bí thư Tỉnh ủy </span><del class="diff-removed">nói chuyện</del>' +
        '<ins class="diff-added">phát biểu</ins><span> với Lớp Bồi dưỡng</span>',
    );
    expect(texts('del')).toEqual([before.label, 'nói chuyện', 'Đoạn bị xoá.']);
    expect(texts('ins')).toEqual([after.label, 'phát biểu']);
  });

  it('follows the mode the parent passes in', () => {
    const { view } = show('inline');
    expect(screen.queryByRole('table')).toBeNull();
    view.rerender(<RevisionDiff before={before} after={after} mode="side-by-side" />);
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.getByTestId('revision-diff').dataset.mode).toBe('side-by-side');
  });

  it('compares decomposed and composed text as equal', () => {
    render(
      <RevisionDiff
        before={{ label: 'a', paragraphs: ['Tie\u0302\u0301ng Việt'] }}
        after={{ label: 'b', paragraphs: ['Tiếng Việt'] }}
        mode="side-by-side"
      />,
    );
    expect(screen.getByTestId('diff-row').className).toBe('diff-row');
    expect(document.querySelectorAll('del, ins')).toHaveLength(0);
  });
});
