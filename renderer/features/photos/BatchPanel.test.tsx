import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { JobStatus } from '../../../shared/photos/desk';
import { initI18n } from '../../i18n';
import { ApiContext } from '../../lib/ApiContext';
import { FakePhotoApi, photoRecord, uuid } from './fakePhotoApi';
import { PhotoDesk } from './PhotoDesk';

beforeAll(async () => {
  await initI18n('vi');
});
afterEach(cleanup);

const jobId = uuid(900);

function job(patch: Partial<JobStatus>): JobStatus {
  return {
    jobId,
    state: 'running',
    stateMessage: null,
    outDir: 'D:\\Newsdesk\\xuat-anh\\2024-05-06-ky-hop-hdnd-tinh',
    total: 10,
    done: 0,
    failed: 0,
    skipped: 0,
    etaSeconds: null,
    items: [],
    ...patch,
  };
}

async function startBatch(api: FakePhotoApi): Promise<HTMLElement> {
  render(
    <ApiContext.Provider value={api}>
      <PhotoDesk />
    </ApiContext.Provider>,
  );
  await screen.findAllByTestId('photo-tile');
  fireEvent.click(screen.getByTestId('photo-select-all'));
  fireEvent.change(screen.getByTestId('existing-policy'), { target: { value: 'skip' } });
  fireEvent.click(screen.getByTestId('process-selected'));
  // The photos have no caption: the desk asks first (issue 15), and the editor goes on.
  fireEvent.click(await screen.findByTestId('uncaptioned-go-on'));
  return screen.findByTestId('job-panel');
}

function tenPhotos(): FakePhotoApi {
  return new FakePhotoApi(Array.from({ length: 10 }, (_, i) => photoRecord(uuid(i + 1))));
}

describe('BatchPanel', () => {
  it('warns before a batch over uncaptioned photos, and cancelling starts nothing', async () => {
    const api = new FakePhotoApi([
      photoRecord(uuid(1)),
      photoRecord(uuid(2), { caption: 'Quang cảnh kỳ họp', captionMissing: false }),
    ]);
    render(
      <ApiContext.Provider value={api}>
        <PhotoDesk />
      </ApiContext.Provider>,
    );
    await screen.findAllByTestId('photo-tile');
    fireEvent.click(screen.getByTestId('photo-select-all'));
    fireEvent.click(screen.getByTestId('process-selected'));
    const warning = await screen.findByTestId('uncaptioned-warning');
    expect(warning.textContent).toContain('1 trong 2 ảnh đã chọn chưa có chú thích');
    fireEvent.click(screen.getByTestId('uncaptioned-cancel'));
    expect(screen.queryByTestId('uncaptioned-warning')).toBeNull();
    expect(api.callsOf('photos.process')).toEqual([]);
  });

  it('starts the batch for the selection and follows progress events', async () => {
    const api = tenPhotos();
    api.job = job({});
    const panel = await startBatch(api);
    expect(api.callsOf('photos.process')).toEqual([
      { ids: Array.from({ length: 10 }, (_, i) => uuid(i + 1)), existingPolicy: 'skip' },
    ]);
    await screen.findByTestId('job-pause');

    act(() =>
      api.emit({
        jobId,
        kind: 'photos.batch',
        done: 3,
        total: 10,
        label: 'Đang xử lý z4509060236637_cee53aff582f33e127acb052f924c3c7.jpg',
        etaSeconds: 80,
      }),
    );
    // Another job's events are not this panel's business.
    act(() =>
      api.emit({
        jobId: uuid(901),
        kind: 'photos.batch',
        done: 9,
        total: 9,
        label: 'x',
        etaSeconds: 1,
      }),
    );
    const bar = screen.getByTestId('job-progress');
    expect(bar.getAttribute('aria-valuenow')).toBe('3');
    expect(bar.getAttribute('aria-valuemax')).toBe('10');
    expect(panel.textContent).toContain('3/10 ảnh');
    expect(panel.textContent).toContain('còn khoảng 1 phút 20 giây');
    expect(screen.getByTestId('job-label').textContent).toContain('z4509060236637_');
  });

  it('pauses, resumes and shows the report with failures, skips and the output folder', async () => {
    const api = tenPhotos();
    api.job = job({ done: 2 });
    await startBatch(api);

    fireEvent.click(await screen.findByTestId('job-pause'));
    expect(await screen.findByTestId('job-resume')).toBeTruthy();
    expect(screen.getByTestId('job-panel').textContent).toContain('Đã tạm dừng');
    expect(screen.queryByTestId('job-pause')).toBeNull();
    fireEvent.click(screen.getByTestId('job-resume'));
    await screen.findByTestId('job-pause');

    api.job = job({
      state: 'done',
      done: 8,
      failed: 1,
      skipped: 1,
      items: [
        { seq: 1, name: 'IMG_0001.jpg', state: 'done', message: null, outputs: [] },
        {
          seq: 2,
          name: 'hong.jpg',
          state: 'failed',
          message: 'Ảnh bị hỏng, không đọc được.',
          outputs: [],
        },
        { seq: 3, name: 'IMG_0003.jpg', state: 'skipped', message: 'Tệp đã có', outputs: [] },
      ],
    });
    const report = await screen.findByTestId('job-report', {}, { timeout: 2500 });
    expect(report.textContent).toContain('Xong 8 ảnh');
    expect(report.textContent).toContain('Lỗi 1 ảnh');
    expect(report.textContent).toContain('Bỏ qua 1 ảnh');
    expect(report.textContent).toContain('hong.jpg: Ảnh bị hỏng, không đọc được.');
    expect(screen.getByTestId('job-outdir').textContent).toBe(
      'D:\\Newsdesk\\xuat-anh\\2024-05-06-ky-hop-hdnd-tinh',
    );
    expect(screen.getByTestId('job-progress').getAttribute('aria-valuenow')).toBe('10');
    expect(screen.queryByTestId('job-cancel')).toBeNull();
    expect(api.callsOf('jobs.pause')).toEqual([{ jobId }]);
    expect(api.callsOf('jobs.resume')).toEqual([{ jobId }]);
  });

  it('cancels and shows why a batch stopped', async () => {
    const api = tenPhotos();
    api.job = job({ done: 4, stateMessage: null });
    await startBatch(api);
    fireEvent.click(await screen.findByTestId('job-cancel'));
    const report = await screen.findByTestId('job-report');
    expect(report.textContent).toContain('Đã huỷ xử lý.');
    expect(report.textContent).toContain('Xong 4 ảnh');
  });

  it('shows the main side message when the batch cannot start', async () => {
    const api = tenPhotos();
    await (async () => {
      render(
        <ApiContext.Provider value={api}>
          <PhotoDesk />
        </ApiContext.Provider>,
      );
      const tiles = await screen.findAllByTestId('photo-tile');
      fireEvent.click(tiles[0] as HTMLElement);
      fireEvent.click(screen.getByTestId('process-selected'));
      fireEvent.click(await screen.findByTestId('uncaptioned-go-on'));
    })();
    expect((await screen.findByRole('alert')).textContent).toBe('Không có ảnh để xử lý.');
    expect(screen.queryByTestId('job-panel')).toBeNull();
  });
});
