import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { initI18n } from '../../i18n';
import { ApiContext } from '../../lib/ApiContext';
import { FakePhotoApi, photoRecord, uuid } from './fakePhotoApi';
import { PhotoDesk } from './PhotoDesk';
import { Thumbnail, thumbnailMaxAttempts, thumbnailRetryMs } from './Thumbnail';

beforeAll(async () => {
  await initI18n('vi');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('caption tools', () => {
  it('adds and removes newsroom codes', async () => {
    const api = new FakePhotoApi([photoRecord(uuid(1))]);
    api.codes = [
      { code: 'hd', expansion: 'Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy' },
    ];
    render(
      <ApiContext.Provider value={api}>
        <PhotoDesk />
      </ApiContext.Provider>,
    );
    const list = await screen.findByTestId('code-list');
    await waitFor(() => expect(list.textContent).toContain('\\hd\\'));
    expect(
      screen.getAllByText('Gõ \\hd\\ trong chú thích để chèn nội dung').length,
    ).toBeGreaterThan(0);

    fireEvent.change(screen.getByTestId('code-new-code'), { target: { value: '\\ttxvn\\' } });
    fireEvent.change(screen.getByTestId('code-new-expansion'), { target: { value: 'Ảnh: TTXVN' } });
    fireEvent.click(screen.getByTestId('code-add'));
    await waitFor(() => expect(list.textContent).toContain('Ảnh: TTXVN'));
    expect(api.callsOf('photos.setCode')).toEqual([{ code: 'ttxvn', expansion: 'Ảnh: TTXVN' }]);

    fireEvent.click(screen.getByLabelText('Xoá mã hd'));
    await waitFor(() => expect(list.textContent).not.toContain('\\hd\\'));
    expect(api.callsOf('photos.removeCode')).toEqual([{ code: 'hd' }]);
  });

  it('applies a saved template to the selection', async () => {
    const api = new FakePhotoApi([photoRecord(uuid(1)), photoRecord(uuid(2))]);
    api.templates = [{ id: uuid(50), name: 'Hội nghị', template: '{caption} ({event}, {date})' }];
    render(
      <ApiContext.Provider value={api}>
        <PhotoDesk />
      </ApiContext.Provider>,
    );
    await screen.findAllByTestId('photo-tile');
    fireEvent.click(screen.getByTestId('photo-select-all'));
    await screen.findByText('Hội nghị');
    fireEvent.change(screen.getByTestId('template-select'), { target: { value: uuid(50) } });
    fireEvent.click(screen.getByTestId('template-apply'));
    await waitFor(() => expect(api.callsOf('photos.applyTemplate')).toHaveLength(1));
    expect(api.callsOf('photos.applyTemplate')[0]).toEqual({
      ids: [uuid(1), uuid(2)],
      template: '{caption} ({event}, {date})',
      place: '',
    });
  });
});

describe('Thumbnail', () => {
  it('shows a placeholder when the thumbnail is not ready and retries a bounded number of times', () => {
    vi.useFakeTimers();
    const api = new FakePhotoApi([]);
    render(
      <ApiContext.Provider value={api}>
        <Thumbnail path="thumbs/a.webp" alt="a.jpg" />
      </ApiContext.Provider>,
    );
    fireEvent.error(screen.getByRole('img'));
    expect(screen.getByRole('img').tagName).toBe('SPAN');
    act(() => {
      vi.advanceTimersByTime(thumbnailRetryMs);
    });
    const img = screen.getByRole('img');
    expect(img.getAttribute('src')).toBe('media://library/thumbs/a.webp?retry=1');
    for (let attempt = 2; attempt <= thumbnailMaxAttempts; attempt += 1) {
      fireEvent.error(screen.getByRole('img'));
      act(() => {
        vi.advanceTimersByTime(thumbnailRetryMs);
      });
      expect(screen.getByRole('img').getAttribute('src')).toBe(
        `media://library/thumbs/a.webp?retry=${attempt}`,
      );
    }
    fireEvent.error(screen.getByRole('img'));
    act(() => {
      vi.advanceTimersByTime(thumbnailRetryMs * 5);
    });
    expect(screen.getByRole('img').tagName).toBe('SPAN');
  });
});
