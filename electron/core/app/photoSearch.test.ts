import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/support/tempDir';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import { migrations, runMigrations } from '../db/migrations';
import { searchPhotos } from '../db/queries/photoSearch';
import type { Core } from './createCore';

const fixtures = path.resolve(import.meta.dirname, '../../../tests/fixtures/photos');
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const file = (name: string) => ({
  name,
  dataBase64: fs.readFileSync(path.join(fixtures, name)).toString('base64'),
});

async function names(query: string, extra: { captioned?: boolean } = {}): Promise<string[]> {
  if (core === null) throw new Error('no core');
  const found = await callCore(core, 'photos.search', { query, sort: 'name', ...extra });
  expect(found.total).toBe(found.photos.length);
  return found.photos.map((photo) => photo.originalName);
}

describe('text search in Kho ảnh (photos.search)', () => {
  it('finds captions, bylines, credits, events and file names without tones, đ folded', async () => {
    core = openTestCore();
    const first = await callCore(core, 'photos.import', {
      files: [file('storm-canon-400d.jpg'), file('ladybird.jpg')],
      event: 'Kỳ họp HĐND tỉnh Đắk Lắk',
    });
    const second = await callCore(core, 'photos.import', {
      files: [file('wood-konica-minolta.jpg')],
      event: 'Lễ hội đường phố',
    });
    const [storm, ladybird] = first.imported;
    const [wood] = second.imported;
    if (!storm || !ladybird || !wood) throw new Error('import failed');
    await callCore(core, 'photos.updateCaptions', {
      ids: [storm.id],
      caption: 'Mưa dông ở Hà Nội chiều 12/7',
      byline: 'Đức Anh',
    });
    await callCore(core, 'photos.updateCaptions', {
      ids: [wood.id],
      caption: 'Sân khấu dựng bằng gỗ',
      credit: 'Thông tấn xã Việt Nam',
    });

    expect(await names('ha noi')).toEqual(['storm-canon-400d.jpg']);
    expect(await names('HÀ NỘI')).toEqual(['storm-canon-400d.jpg']);
    expect(await names('duc anh')).toEqual(['storm-canon-400d.jpg']);
    expect(await names('dak lak')).toEqual(['ladybird.jpg', 'storm-canon-400d.jpg']);
    expect(await names('thong tan')).toEqual(['wood-konica-minolta.jpg']);
    expect(await names('duong pho')).toEqual(['wood-konica-minolta.jpg']);
    // File names, and a prefix of the word still being typed.
    expect(await names('ladyb')).toEqual(['ladybird.jpg']);
    expect(await names('konica')).toEqual(['wood-konica-minolta.jpg']);
    // Every word must match; FTS syntax typed by the editor is plain text.
    expect(await names('ha noi go')).toEqual([]);
    expect(await names('"ha" OR NEAR(')).toEqual([]);
    // A search narrows the grid's filters, it does not replace them.
    expect(await names('hdnd', { captioned: true })).toEqual(['storm-canon-400d.jpg']);

    // A caption edit re-indexes the photo: the old words no longer find it.
    await callCore(core, 'photos.updateCaptions', { ids: [storm.id], caption: 'Nắng ở Huế' });
    expect(await names('ha noi')).toEqual([]);
    expect(await names('hue')).toEqual(['storm-canon-400d.jpg']);
    const page = await callCore(core, 'photos.search', { query: 'dak lak', limit: 1 });
    expect(page.total).toBe(2);
    expect(page.photos).toHaveLength(1);
  });

  it('refuses a search from someone signed out', async () => {
    core = openTestCore({ as: 'nobody' });
    const result = await core.dispatch('photos.search', { query: 'ha noi' }, { shell: 'browser' });
    expect(result.ok).toBe(false);
  });

  it('indexes the photos a library already had when it is migrated', () => {
    const db = new Database(path.join(tempDir(), 'lib.sqlite'));
    runMigrations(
      db,
      migrations.filter((migration) => migration.version < 340),
    );
    db.prepare(
      `INSERT INTO photos (id, sha256, media_path, original_name, bytes, format, width, height,
         caption, dhash, event, imported_at, updated_at)
       VALUES ('p1', 'aa', 'photos/aa/aa.jpg', 'IMG_0001.jpg', 1, 'jpeg', 1, 1,
         'Đại biểu Quốc hội tiếp xúc cử tri', '0000000000000000', '', 1, 1)`,
    ).run();
    runMigrations(db);
    const found = searchPhotos(db, 'dai bieu quoc hoi', {
      sort: 'imported',
      limit: 10,
      offset: 0,
    });
    expect(found.rows.map((row) => row.id)).toEqual(['p1']);
    db.prepare('DELETE FROM photos').run();
    expect(searchPhotos(db, 'dai bieu', { sort: 'imported', limit: 10, offset: 0 }).total).toBe(0);
    db.close();
  });
});
