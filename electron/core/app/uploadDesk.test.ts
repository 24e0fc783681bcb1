import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';

import { uploadChunkBytes } from '../../../shared/contract/uploadCalls';
import { tempDir } from '../../../tests/support/tempDir';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import type { Core } from './createCore';

/**
 * Large imports through the contract, as both shells make them (the desktop over IPC, the
 * browser over the bridge): chunked uploads into the data folder, then one import call.
 */

const context = { shell: 'desktop' as const };
let cores: Core[] = [];
afterEach(async () => {
  for (const core of cores) await core.close();
  cores = [];
});

function open(dataDir = tempDir()): Core {
  const core = openTestCore({ dataDir });
  cores.push(core);
  return core;
}

async function upload(core: Core, kind: 'photo' | 'bundle', fileName: string, data: Buffer) {
  const { uploadId } = await callCore(core, 'uploads.begin', { kind, fileName, size: data.length });
  for (let offset = 0; offset < data.length; offset += uploadChunkBytes) {
    await callCore(core, 'uploads.append', {
      uploadId,
      offset,
      dataBase64: data.subarray(offset, offset + uploadChunkBytes).toString('base64'),
    });
  }
  return uploadId;
}

/** A real PNG of noise, about 28 MB: larger than any one bridge request may be. */
function bigPng(): Promise<Buffer> {
  const width = 3050;
  const height = 3000;
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

describe('uploads', () => {
  it('imports a 28 MB photo and a bundle over 24 MB carrying it, chunk by chunk', async () => {
    const png = await bigPng();
    expect(png.length).toBeGreaterThan(27 * 1024 * 1024);
    const source = open();
    const uploadId = await upload(source, 'photo', 'Đồ hoạ lớn.png', png);
    const report = await callCore(source, 'photos.importUploaded', { uploadIds: [uploadId] });
    expect(report.failed).toEqual([]);
    const photo = report.imported[0];
    expect(photo?.originalName).toBe('Đồ hoạ lớn.png');
    expect(fs.readdirSync(path.join(source.paths.dataDir, 'uploads'))).toEqual([]);

    const article = await callCore(source, 'articles.create', { title: 'Bài có ảnh lớn' });
    await callCore(source, 'articles.save', {
      id: article.id,
      title: 'Bài có ảnh lớn',
      meta: article.meta,
      body: {
        type: 'doc',
        content: [
          {
            type: 'figure',
            attrs: { mediaPath: photo?.mediaPath ?? '', alt: 'Ảnh', credit: 'Ảnh: Minh Anh' },
            content: [{ type: 'text', text: 'Ảnh lớn' }],
          },
        ],
      },
      baseVersion: 0,
    });
    const exported = await callCore(source, 'bundles.export', { articleIds: [article.id] });
    const bundle = fs.readFileSync(exported.path);
    expect(bundle.length).toBeGreaterThan(24 * 1024 * 1024);

    const target = open();
    const bundleId = await upload(target, 'bundle', exported.fileName, bundle);
    const result = await target.dispatch('bundles.importUploaded', { uploadId: bundleId }, context);
    expect(result).toMatchObject({ ok: true });
    // The two libraries share no newsroom, so the article arrives as an unverified copy.
    const titles = (await callCore(target, 'articles.list', {})).map((a) => a.title);
    expect(titles).toHaveLength(1);
    expect(titles[0]).toMatch(/^Bài có ảnh lớn \(chưa xác minh/u);
    expect((await callCore(target, 'photos.list', {})).total).toBe(1);
    expect(fs.readdirSync(path.join(target.paths.dataDir, 'uploads'))).toEqual([]);
  }, 300_000);

  it('refuses a chunk out of place, an incomplete upload and a file over the limit, loudly', async () => {
    const core = open();
    const data = randomBytes(1000);
    const { uploadId } = await callCore(core, 'uploads.begin', {
      kind: 'photo',
      fileName: 'a.jpg',
      size: data.length,
    });
    const skipped = await core.dispatch(
      'uploads.append',
      { uploadId, offset: 10, dataBase64: data.toString('base64') },
      context,
    );
    expect(skipped).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await callCore(core, 'uploads.append', {
      uploadId,
      offset: 0,
      dataBase64: data.subarray(0, 500).toString('base64'),
    });
    const early = await core.dispatch('photos.importUploaded', { uploadIds: [uploadId] }, context);
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!early.ok) expect(early.error.message).toMatch(/chưa tải lên hết/u);
    expect(fs.readdirSync(path.join(core.paths.dataDir, 'uploads'))).toEqual([]);

    const tooBig = await core.dispatch(
      'uploads.begin',
      { kind: 'photo', fileName: 'b.jpg', size: 41 * 1024 * 1024 },
      context,
    );
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const bundleSized = await core.dispatch(
      'uploads.begin',
      { kind: 'bundle', fileName: 'b.ndbundle', size: 199 * 1024 * 1024 },
      context,
    );
    expect(bundleSized).toMatchObject({ ok: true });
    const gone = await core.dispatch(
      'photos.importUploaded',
      { uploadIds: ['2b7e7f0c-5a4e-4b8e-9a61-0f3f1c2d4e5f'] },
      context,
    );
    expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
