import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { CheckIssue } from '../../../shared/checks/articleChecks';
import { checkArticle } from '../../../shared/checks/articleChecks';
import { seedArticle, seedAuthor, seedCategory } from '../../../shared/render/seedArticle.fixture';
import { ChecksPanel } from './ChecksPanel';

afterEach(cleanup);

const issue = (
  id: string,
  severity: CheckIssue['severity'],
  message: string,
  path: number[] = [0],
): CheckIssue => ({
  id,
  severity,
  code: severity === 'error' ? 'caption_file_name' : 'figure_credit_missing',
  message,
  messageEn: `${message} (en)`,
  target: { kind: 'node', path },
});

describe('ChecksPanel', () => {
  it('summarises errors and warnings and lists them with icons', () => {
    const issues = [
      issue('a', 'error', 'Chú thích là tên tệp.'),
      issue('b', 'error', 'Ảnh thiếu alt.'),
      issue('c', 'warning', 'Ảnh chưa ghi nguồn.'),
    ];
    render(<ChecksPanel issues={issues} onSelect={() => undefined} />);
    expect(screen.getByTestId('checks-summary').textContent).toBe('2 lỗi cần sửa · 1 cảnh báo');
    const items = screen.getAllByTestId('check-item');
    expect(items.map((item) => item.textContent)).toEqual([
      'Lỗi: Chú thích là tên tệp.',
      'Lỗi: Ảnh thiếu alt.',
      'Cảnh báo: Ảnh chưa ghi nguồn.',
    ]);
    expect(items.every((item) => item.querySelector('svg[aria-hidden="true"]'))).toBe(true);
    expect(items[0]?.className).toContain('check-error');
    expect(items[2]?.className).toContain('check-warning');
  });

  it('reports the article ready when nothing is wrong', () => {
    render(<ChecksPanel issues={[]} onSelect={() => undefined} />);
    expect(screen.getByTestId('checks-summary').textContent).toBe(
      'Bài viết đã sẵn sàng để gửi duyệt',
    );
    expect(screen.queryAllByTestId('check-item')).toHaveLength(0);
  });

  it('shows warnings alone without an error count', () => {
    render(<ChecksPanel issues={[issue('c', 'warning', 'x')]} onSelect={() => undefined} />);
    expect(screen.getByTestId('checks-summary').textContent).toBe('1 cảnh báo');
  });

  it('hands the clicked issue to onSelect', () => {
    const issues = checkArticle(seedArticle(), {
      authors: [seedAuthor],
      categories: [seedCategory],
    });
    const selected: CheckIssue[] = [];
    render(<ChecksPanel issues={issues} onSelect={(picked) => selected.push(picked)} />);
    expect(screen.getByTestId('checks-summary').textContent).toBe('4 lỗi cần sửa · 2 cảnh báo');
    const items = screen.getAllByRole('button');
    const second = items[1];
    if (!second) throw new Error('expected a second issue');
    fireEvent.click(second);
    expect(selected).toEqual([issues[1]]);
    expect(selected[0]?.target).toEqual({ kind: 'node', path: [0] });
  });

  it('speaks English when asked', () => {
    render(
      <ChecksPanel
        issues={[issue('a', 'error', 'Lỗi.'), issue('b', 'error', 'Lỗi hai.')]}
        onSelect={() => undefined}
        locale="en"
      />,
    );
    expect(screen.getByTestId('checks-summary').textContent).toBe('2 errors to fix');
    expect(screen.getAllByTestId('check-item')[0]?.textContent).toBe('Error: Lỗi. (en)');
  });
});
