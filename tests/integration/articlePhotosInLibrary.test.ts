import { readFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core/app/createCore';
import { callCore, openTestCore } from '../support/testCore';

/*
 * Issue 15 point 8: every photo in an article is in Kho ảnh, however it was inserted, and the
 * desk's alt text arrives with a library photo.
 */

const fixtures = path.join(import.meta.dirname, '../fixtures/photos');
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
});

describe('photos inserted into an article from the computer', () => {
  it('land in the photo library under their own name', async () => {
    const core = openTestCore();
    cores.push(core);
    const image = await callCore(core, 'media.importImage', {
      fileName: 'Lễ khánh thành.jpg',
      dataBase64: readFileSync(path.join(fixtures, 'ladybird.jpg')).toString('base64'),
    });
    const listed = await callCore(core, 'photos.list', { sort: 'imported', limit: 10, offset: 0 });
    expect(listed.photos.map((photo) => [photo.originalName, photo.mediaPath])).toEqual([
      ['Lễ khánh thành.jpg', image.mediaPath],
    ]);
  });

  it('bring the alt text written on the photo desk when the photo is already there', async () => {
    const core = openTestCore();
    cores.push(core);
    const bytes = readFileSync(path.join(fixtures, 'wood-konica-minolta.jpg')).toString('base64');
    const report = await callCore(core, 'photos.import', {
      files: [{ name: 'go.jpg', dataBase64: bytes }],
      event: '',
    });
    const id = report.imported[0]?.id ?? '';
    const [saved] = await callCore(core, 'photos.updateCaptions', {
      ids: [id],
      altText: 'Vân gỗ của một khúc gỗ lim',
    });
    expect(saved?.altText).toBe('Vân gỗ của một khúc gỗ lim');
    const image = await callCore(core, 'media.importImage', {
      fileName: 'go.jpg',
      dataBase64: bytes,
    });
    expect(image.altText).toBe('Vân gỗ của một khúc gỗ lim');
    const listed = await callCore(core, 'photos.list', { sort: 'imported', limit: 10, offset: 0 });
    expect(listed.total).toBe(1);
  });
});
