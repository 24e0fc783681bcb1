import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { initI18n } from '../../i18n';
import { ApiContext } from '../../lib/ApiContext';
import { FakePhotoApi, photoRecord, uuid } from './fakePhotoApi';
import { PhotoDesk } from './PhotoDesk';

beforeAll(async () => {
  await initI18n('vi');
});
afterEach(cleanup);

function renderDesk(api: FakePhotoApi) {
  return render(
    <ApiContext.Provider value={api}>
      <PhotoDesk />
    </ApiContext.Provider>,
  );
}

function fourPhotos(): FakePhotoApi {
  return new FakePhotoApi([
    photoRecord(uuid(1), {
      caption: 'Đại biểu dự kỳ họp',
      captionMissing: false,
      byline: 'Minh Anh',
    }),
    photoRecord(uuid(2), {
      caption: 'Toàn cảnh hội trường',
      captionMissing: false,
      byline: 'Minh Anh',
      hasGps: true,
    }),
    photoRecord(uuid(3), { originalName: 'z4509060236637_cee53aff582f33e127acb052f924c3c7.jpg' }),
    photoRecord(uuid(4)),
  ]);
}

const selectedFlags = (): Array<string | null> =>
  screen.getAllByTestId('photo-tile').map((tile) => tile.getAttribute('data-selected'));

describe('PhotoDesk grid', () => {
  it('shows badges and selects with click, Ctrl-click, Shift-click and «Chọn tất cả»', async () => {
    renderDesk(fourPhotos());
    const tiles = await screen.findAllByTestId('photo-tile');
    expect(tiles).toHaveLength(4);
    expect(tiles[2]?.getAttribute('data-caption-missing')).toBe('true');
    expect(tiles[2]?.textContent).toContain('Thiếu chú thích');
    expect(tiles[0]?.textContent).not.toContain('Thiếu chú thích');
    expect(tiles[1]?.textContent).toContain('GPS');
    expect(screen.getByTestId('photo-count').textContent).toBe('Có 4 ảnh');

    fireEvent.click(tiles[1] as HTMLElement);
    expect(selectedFlags()).toEqual(['false', 'true', 'false', 'false']);
    fireEvent.click(tiles[3] as HTMLElement, { ctrlKey: true });
    expect(selectedFlags()).toEqual(['false', 'true', 'false', 'true']);
    fireEvent.click(tiles[1] as HTMLElement, { metaKey: true });
    expect(selectedFlags()).toEqual(['false', 'false', 'false', 'true']);
    // The anchor moved to the last Ctrl-click (tile 2), so Shift-click on tile 4 spans 2..4.
    fireEvent.click(tiles[3] as HTMLElement, { shiftKey: true });
    expect(selectedFlags()).toEqual(['false', 'true', 'true', 'true']);
    fireEvent.click(tiles[0] as HTMLElement);
    fireEvent.click(tiles[2] as HTMLElement, { shiftKey: true });
    expect(selectedFlags()).toEqual(['true', 'true', 'true', 'false']);
    fireEvent.click(screen.getByTestId('photo-select-all'));
    expect(selectedFlags()).toEqual(['true', 'true', 'true', 'true']);
    expect(screen.getByTestId('photo-count').textContent).toBe('Có 4 ảnh · đã chọn 4');
  });

  it('saves only the fields the editor changed for a multi-selection', async () => {
    const api = fourPhotos();
    renderDesk(api);
    const tiles = await screen.findAllByTestId('photo-tile');
    fireEvent.click(tiles[0] as HTMLElement);
    fireEvent.click(tiles[1] as HTMLElement, { ctrlKey: true });

    const caption = screen.getByTestId<HTMLTextAreaElement>('caption-text');
    const byline = screen.getByTestId<HTMLInputElement>('caption-byline');
    expect(caption.value).toBe('');
    expect(caption.placeholder).toBe('(nhiều giá trị)');
    expect(byline.value).toBe('Minh Anh');
    expect(screen.getByTestId<HTMLButtonElement>('caption-save').disabled).toBe(true);

    fireEvent.change(screen.getByTestId('caption-credit'), { target: { value: 'Báo Tỉnh' } });
    fireEvent.click(screen.getByTestId('caption-save'));
    await screen.findByText('Đã lưu chú thích.');
    expect(api.callsOf('photos.updateCaptions')).toEqual([
      { ids: [uuid(1), uuid(2)], credit: 'Báo Tỉnh' },
    ]);
    // The captions the two photos had stay as they were.
    expect(api.photos[0]?.caption).toBe('Đại biểu dự kỳ họp');
    expect(api.photos[1]?.credit).toBe('Báo Tỉnh');
  });

  it('sends a single photo caption with its code for the main side to expand', async () => {
    const api = fourPhotos();
    renderDesk(api);
    const tiles = await screen.findAllByTestId('photo-tile');
    fireEvent.click(tiles[2] as HTMLElement);
    fireEvent.change(screen.getByTestId('caption-text'), {
      target: { value: 'Đồng chí \\hd\\ phát biểu' },
    });
    fireEvent.click(screen.getByTestId('caption-save'));
    await waitFor(() =>
      expect(screen.getAllByTestId('photo-tile')[2]?.getAttribute('data-caption-missing')).toBe(
        'false',
      ),
    );
    expect(api.callsOf('photos.updateCaptions')).toEqual([
      { ids: [uuid(3)], caption: 'Đồng chí \\hd\\ phát biểu' },
    ]);
  });

  it('opens the preview on double-click, moves with arrows and closes with Escape', async () => {
    renderDesk(fourPhotos());
    const tiles = await screen.findAllByTestId('photo-tile');
    fireEvent.doubleClick(tiles[0] as HTMLElement);
    const preview = screen.getByTestId('photo-preview');
    expect(preview.querySelector('img')?.getAttribute('src')).toBe(
      `media://library/photos/${uuid(1)}.jpg`,
    );
    expect(screen.getByTestId('preview-caption').textContent).toBe('Đại biểu dự kỳ họp');
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(screen.getByTestId('preview-caption').textContent).toBe('Toàn cảnh hội trường');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('photo-preview')).toBeNull();
  });
});

describe('PhotoDesk import', () => {
  const jpeg = (name: string) =>
    new File([new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])], name, { type: 'image/jpeg' });

  it('uploads and imports 25 files one by one with the event name and reports the total', async () => {
    const api = new FakePhotoApi([]);
    renderDesk(api);
    await screen.findByText(/Chưa có ảnh nào/);
    fireEvent.change(screen.getByTestId('photo-event'), { target: { value: 'Kỳ họp HĐND tỉnh' } });
    const files = Array.from({ length: 25 }, (_, i) => jpeg(`IMG_${1000 + i}.jpg`));
    fireEvent.change(screen.getByTestId('photo-import-input'), { target: { files } });

    const report = await screen.findByTestId('import-report', {}, { timeout: 15_000 });
    expect(report.textContent).toContain('Đã nhập 25 ảnh');
    const calls = api.callsOf('photos.importUploaded');
    expect(calls.map((call) => call.uploadIds.length)).toEqual(Array<number>(25).fill(1));
    expect(calls[0]?.event).toBe('Kỳ họp HĐND tỉnh');
    expect(api.callsOf('uploads.begin')[0]).toEqual({
      kind: 'photo',
      fileName: 'IMG_1000.jpg',
      size: 6,
    });
    expect(api.callsOf('uploads.append')[0]).toMatchObject({ offset: 0, dataBase64: '/9j/AQID' });
    expect(await screen.findAllByTestId('photo-tile')).toHaveLength(25);
  }, 30_000);

  it('lists failed files with their messages and settles near-duplicates', async () => {
    const older = photoRecord(uuid(7), { originalName: 'DSC_0042.JPG' });
    const api = new FakePhotoApi([older]);
    api.importExtras = {
      duplicates: [older],
      failed: [
        {
          name: 'IMG_2041.HEIC',
          code: 'heic',
          message: 'Ảnh HEIC chưa được hỗ trợ; hãy xuất sang JPEG.',
        },
        { name: 'ghi-chu.txt', code: 'not_image', message: 'Tệp này không phải là ảnh.' },
      ],
      nearDuplicates: [
        {
          photo: photoRecord(uuid(8), { originalName: 'z45_small.jpg' }),
          similar: older,
          distance: 3,
        },
      ],
    };
    renderDesk(api);
    await screen.findAllByTestId('photo-tile');
    fireEvent.drop(screen.getByTestId('photo-grid'), {
      dataTransfer: { files: [jpeg('z45_small.jpg')] },
    });

    const report = await screen.findByTestId('import-report');
    expect(report.textContent).toContain('1 ảnh đã có trong thư viện');
    expect(report.textContent).toContain('2 tệp không nhập được');
    const failed = screen.getByTestId('import-failed');
    expect(failed.textContent).toContain(
      'IMG_2041.HEIC: Ảnh HEIC chưa được hỗ trợ; hãy xuất sang JPEG.',
    );
    expect(failed.textContent).toContain('ghi-chu.txt: Tệp này không phải là ảnh.');
    const group = screen.getByTestId('near-group');
    expect(group.getAttribute('data-size')).toBe('2');
    const items = screen.getAllByTestId('near-item');
    expect(items.map((item) => item.getAttribute('title')?.split(' · ')[0])).toEqual([
      'DSC_0042.JPG',
      'z45_small.jpg',
    ]);

    // One decision for the group: keep the new, smaller copy only.
    fireEvent.click(items[1] as HTMLElement);
    fireEvent.click(screen.getByTestId('near-keep-one'));
    await waitFor(() => expect(screen.queryByTestId('near-group')).toBeNull());
    expect(api.callsOf('photos.resolveGroup')).toEqual([
      { ids: [uuid(7), uuid(8)], keep: uuid(8) },
    ]);
  });

  it('marks every refused file failed with the main side message', async () => {
    const api = new FakePhotoApi([]);
    api.failures['photos.importUploaded'] = { code: 'storage_failed', message: 'Ổ đĩa đã đầy.' };
    renderDesk(api);
    fireEvent.change(screen.getByTestId('photo-import-input'), {
      target: { files: [jpeg('a.jpg'), jpeg('b.jpg')] },
    });
    const failed = await screen.findByTestId('import-failed');
    expect(failed.querySelectorAll('li')).toHaveLength(2);
    expect(failed.textContent).toContain('a.jpg: Ổ đĩa đã đầy.');
  });
});
