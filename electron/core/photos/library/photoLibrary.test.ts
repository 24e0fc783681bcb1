import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';

import { tempDir } from '../../../../tests/support/tempDir';
import { createNullLogger } from '../../logging/logger';
import { createMediaService } from '../../services/media';
import { HEIC_HELP } from '../errors';
import { fixtures, toFakeHeic, withOrientation6 } from '../../../../tests/support/photoKit';
import { insertArticle, openTestLibrary } from '../../../../tests/support/photoLibraryKit';

const opened: Array<{ close: () => void }> = [];

function open(): ReturnType<typeof openTestLibrary> {
  const library = openTestLibrary();
  opened.push(library.db);
  return library;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A folder as a reporter hands it over: photos, a re-sent copy, junk and an iPhone file. */
async function messyFolder(): Promise<string> {
  const folder = path.join(tempDir('newsdesk-import-'), 'Hội nghị');
  await mkdir(path.join(folder, 'zalo'), { recursive: true });
  for (const file of Object.values(fixtures)) {
    await copyFile(file, path.join(folder, path.basename(file)));
  }
  await sharp(fixtures.storm)
    .resize(480)
    .jpeg({ quality: 55 })
    .toFile(path.join(folder, 'zalo', 'storm-resent.jpg'));
  await copyFile(fixtures.dune, path.join(folder, 'zalo', 'dune (1).jpg'));
  await writeFile(path.join(folder, 'zalo', 'empty.jpg'), '');
  await writeFile(path.join(folder, 'notes.jpg'), 'Ghi chú phỏng vấn, không phải ảnh');
  await writeFile(path.join(folder, 'IMG_0001.heic'), await toFakeHeic(fixtures.wood));
  await writeFile(path.join(folder, 'readme.txt'), 'bỏ qua');
  await writeFile(path.join(folder, '._ladybird.jpg'), 'macOS resource fork');
  return folder;
}

describe('photo library import', () => {
  it('buckets a messy folder: imported, kept once, near-duplicate, refused with reasons', async () => {
    const { library, mediaDir } = open();
    const folder = await messyFolder();
    const progress: number[] = [];

    const result = await library.importFiles([folder], {
      event: ' Kỳ họp HĐND tỉnh ',
      onProgress: (step) => progress.push(step.done),
    });

    expect(result.cancelled).toBe(false);
    expect(result.imported.map((photo) => photo.originalName).sort()).toEqual([
      'dune-canon-rebel.jpg',
      'ladybird.jpg',
      'storm-canon-400d.jpg',
      'storm-resent.jpg',
      'wood-konica-minolta.jpg',
    ]);
    expect(result.duplicates.map((photo) => photo.originalName)).toEqual(['dune-canon-rebel.jpg']);
    expect(result.nearDuplicates).toHaveLength(1);
    expect(result.nearDuplicates[0]?.photo.originalName).toBe('storm-resent.jpg');
    expect(result.nearDuplicates[0]?.similar.originalName).toBe('storm-canon-400d.jpg');
    expect(result.nearDuplicates[0]?.distance).toBeLessThanOrEqual(10);

    const failed = new Map(result.failed.map((f) => [path.basename(f.path), f]));
    expect([...failed.keys()].sort()).toEqual(['IMG_0001.heic', 'empty.jpg', 'notes.jpg']);
    expect(failed.get('empty.jpg')?.code).toBe('PHOTO_EMPTY_FILE');
    expect(failed.get('empty.jpg')?.message).toContain('rỗng (0 byte)');
    expect(failed.get('notes.jpg')?.code).toBe('PHOTO_NOT_AN_IMAGE');
    expect(failed.get('notes.jpg')?.message).toContain('không phải là ảnh');
    expect(failed.get('IMG_0001.heic')?.code).toBe('PHOTO_UNSUPPORTED_FORMAT');
    expect(failed.get('IMG_0001.heic')?.message).toContain(HEIC_HELP);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);

    // One file per distinct photo, named by its hash, and no temp files left behind.
    const storm = result.imported.find((p) => p.originalName === 'storm-canon-400d.jpg');
    expect(storm).toMatchObject({
      event: 'Kỳ họp HĐND tỉnh',
      format: 'jpeg',
      width: 1200,
      height: 800,
      camera: 'Canon EOS 400D DIGITAL',
      hasGps: false,
      captionMissing: true,
    });
    expect(storm?.captureTime).toMatch(/^2008-04-20T/u);
    expect(storm?.mediaPath).toBe(`photos/${storm?.sha256.slice(0, 2)}/${storm?.sha256}.jpg`);
    const stored = await readFile(path.join(mediaDir, storm?.mediaPath ?? ''));
    expect(stored.equals(await readFile(fixtures.storm))).toBe(true);
    const shards = await readdir(path.join(mediaDir, 'photos'));
    const files = (
      await Promise.all(shards.map((s) => readdir(path.join(mediaDir, 'photos', s))))
    ).flat();
    expect(files).toHaveLength(5);
    expect(files.every((name) => /^[0-9a-f]{64}\.jpg$/u.test(name))).toBe(true);

    // The pair waits for the editor; keeping both settles it.
    expect(library.openDuplicates()).toHaveLength(1);
    const pair = result.nearDuplicates[0];
    await library.resolveDuplicate(pair?.photo.id ?? '', pair?.similar.id ?? '', 'both');
    expect(library.openDuplicates()).toHaveLength(0);
    expect(library.list({ sort: 'imported', limit: 50, offset: 0 }).total).toBe(5);
  });

  it('imports the same folder again as duplicates only, without copying', async () => {
    const { library } = open();
    await library.importFiles([fixtures.wood, fixtures.ladybird]);
    const again = await library.importFiles([fixtures.ladybird, fixtures.wood]);
    expect(again.imported).toEqual([]);
    expect(again.duplicates.map((p) => p.originalName)).toEqual([
      'ladybird.jpg',
      'wood-konica-minolta.jpg',
    ]);
  });

  it('shares the editor’s media layout: bytes inserted by the media service gain only a row', async () => {
    const { library, mediaDir } = open();
    const media = createMediaService({ mediaDir, logger: createNullLogger() });
    const inserted = await media.importImage({
      fileName: 'dune.jpg',
      data: await readFile(fixtures.dune),
    });
    const target = path.join(mediaDir, inserted.mediaPath);
    const before = await stat(target);

    const result = await library.importFiles([fixtures.dune]);
    expect(result.imported[0]?.mediaPath).toBe(inserted.mediaPath);
    expect((await stat(target)).mtimeMs).toBe(before.mtimeMs);
  });

  it('stores AVIF and PNG under their own extensions, and reports missing paths', async () => {
    const { library } = open();
    const dir = tempDir();
    await sharp(fixtures.wood).resize(200).avif({ quality: 50 }).toFile(path.join(dir, 'a.avif'));
    await sharp(fixtures.ladybird).resize(200).png().toFile(path.join(dir, 'b.png'));
    const result = await library.importFiles([dir, path.join(dir, 'gone.jpg')]);
    expect(result.imported.map((p) => [p.format, path.extname(p.mediaPath)])).toEqual([
      ['avif', '.avif'],
      ['png', '.png'],
    ]);
    expect(result.failed.map((f) => f.code)).toEqual(['PHOTO_FILE_VANISHED']);
  });

  it('stops at the signal and keeps what was imported', async () => {
    const { library } = open();
    const controller = new AbortController();
    const result = await library.importFiles([fixtures.storm, fixtures.dune, fixtures.wood], {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    // Files already under way when the signal came (one per import lane) may still land.
    expect(result.cancelled).toBe(true);
    expect(result.imported.length).toBeGreaterThanOrEqual(1);
    expect(result.imported.length).toBeLessThan(3);
    expect(library.list({ sort: 'imported', limit: 10, offset: 0 }).total).toBe(
      result.imported.length,
    );
  });
});

describe('photo library grid, captions and usage', () => {
  it('sorts, filters by event, caption state, date and article usage', async () => {
    const { library, db } = open();
    await library.importFiles([fixtures.storm, fixtures.dune], { event: 'Bão số 3' });
    await library.importFiles([fixtures.wood, fixtures.ladybird]);
    const page = (options: Partial<Parameters<typeof library.list>[0]> = {}) =>
      library
        .list({ sort: 'imported', limit: 10, offset: 0, ...options })
        .photos.map((p) => p.originalName);

    expect(page()).toEqual([
      'ladybird.jpg',
      'wood-konica-minolta.jpg',
      'dune-canon-rebel.jpg',
      'storm-canon-400d.jpg',
    ]);
    expect(page({ sort: 'name' })).toEqual([
      'dune-canon-rebel.jpg',
      'ladybird.jpg',
      'storm-canon-400d.jpg',
      'wood-konica-minolta.jpg',
    ]);
    // Photos without a capture time come last.
    expect(page({ sort: 'captured' }).at(-1)).toBe('ladybird.jpg');
    expect(page({ sort: 'name', limit: 2, offset: 1 })).toEqual([
      'ladybird.jpg',
      'storm-canon-400d.jpg',
    ]);
    expect(page({ event: 'Bão số 3', sort: 'name' })).toEqual([
      'dune-canon-rebel.jpg',
      'storm-canon-400d.jpg',
    ]);
    expect(library.events()).toEqual([{ event: 'Bão số 3', count: 2 }]);
    expect(page({ capturedFrom: '2008-04-20', capturedTo: '2008-04-20' })).toEqual([
      'storm-canon-400d.jpg',
    ]);

    const all = library.list({ sort: 'name', limit: 10, offset: 0 }).photos;
    const [dune, ladybird, storm] = all;
    library.setCaptionCode('hd', 'Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy');
    const nfd = 'Đồng chí \\hd\\ phát biểu tại kỳ họp'.normalize('NFD');
    const updated = library.updateCaptions([dune?.id ?? '', storm?.id ?? ''], {
      caption: nfd,
      credit: 'Báo Hà Tĩnh',
    });
    expect(updated.map((p) => p.caption)).toEqual([
      'Đồng chí Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy phát biểu tại kỳ họp',
      'Đồng chí Hoàng Trung Dũng - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy phát biểu tại kỳ họp',
    ]);
    expect(library.get(storm?.id ?? '')).toMatchObject({ credit: 'Báo Hà Tĩnh', byline: '' });
    // A file name is not a caption.
    library.updateCaptions([ladybird?.id ?? ''], { caption: 'IMG_1234.JPG' });
    expect(library.get(ladybird?.id ?? '').captionMissing).toBe(true);
    expect(page({ captioned: true, sort: 'name' })).toEqual([
      'dune-canon-rebel.jpg',
      'storm-canon-400d.jpg',
    ]);
    expect(page({ captioned: false, sort: 'name' })).toEqual([
      'ladybird.jpg',
      'wood-konica-minolta.jpg',
    ]);
    // An unknown id rolls the whole batch back.
    expect(() => library.updateCaptions([dune?.id ?? '', 'nope'], { byline: 'X' })).toThrow(
      /Không tìm thấy ảnh/u,
    );
    expect(library.get(dune?.id ?? '').byline).toBe('');

    const templated = library.applyCaptionTemplate(
      [storm?.id ?? ''],
      '{caption} ({place}, {date}) {x}',
      {
        place: 'Hà Tĩnh',
      },
    );
    expect(templated[0]?.caption).toMatch(/kỳ họp \(Hà Tĩnh, 20\/04\/2008\) \{x\}$/u);

    insertArticle(db, 'a1');
    insertArticle(db, 'a2');
    expect(
      library.recordUsage('a1', [dune?.mediaPath ?? '', storm?.mediaPath ?? '', 'photos/zz/x.jpg']),
    ).toBe(2);
    library.recordUsage('a2', [storm?.mediaPath ?? '']);
    expect(page({ usedIn: 'a1', sort: 'name' })).toEqual([
      'dune-canon-rebel.jpg',
      'storm-canon-400d.jpg',
    ]);
    expect(page({ unused: true, sort: 'name' })).toEqual([
      'ladybird.jpg',
      'wood-konica-minolta.jpg',
    ]);
    library.recordUsage('a1', [ladybird?.mediaPath ?? '']);
    expect(page({ usedIn: 'a1' })).toEqual(['ladybird.jpg']);
    expect(library.get(storm?.id ?? '').usedIn).toEqual(['a2']);
    db.prepare('DELETE FROM articles WHERE id = ?').run('a2');
    expect(library.get(storm?.id ?? '').usedIn).toEqual([]);
  });

  it('drops one of a near-duplicate pair unless an article uses it', async () => {
    const { library, db } = open();
    const dir = tempDir();
    const small = path.join(dir, 'wood-small.jpg');
    await sharp(fixtures.wood).resize(400).jpeg({ quality: 60 }).toFile(small);
    const first = await library.importFiles([fixtures.wood]);
    const second = await library.importFiles([small]);
    const pair = second.nearDuplicates[0];
    const newer = pair?.photo.id ?? '';
    const older = pair?.similar.id ?? '';
    expect(older).toBe(first.imported[0]?.id);

    insertArticle(db, 'a1');
    library.recordUsage('a1', [pair?.photo.mediaPath ?? '']);
    // Keeping the second (older) would drop the newer one, which article a1 uses.
    await expect(library.resolveDuplicate(newer, older, 'second')).rejects.toThrow(
      /đang được dùng/u,
    );
    await library.resolveDuplicate(newer, older, 'first');
    expect(
      library.list({ sort: 'imported', limit: 10, offset: 0 }).photos.map((p) => p.id),
    ).toEqual([newer]);
    await expect(library.resolveDuplicate(newer, older, 'both')).rejects.toThrow(/đã được xử lý/u);
  });
});

describe('photo library thumbnails', () => {
  it('writes oriented WebP thumbnails at import and then reuses them', async () => {
    const { library, mediaDir } = open();
    const dir = tempDir();
    const sideways = path.join(dir, 'phone.jpg');
    await writeFile(sideways, await withOrientation6(fixtures.ladybird));
    const { imported } = await library.importFiles([sideways, fixtures.storm]);
    const ids = imported.map((p) => p.id);
    expect(imported[0]).toMatchObject({ orientation: 6, width: 750, height: 1200 });

    // The import made them from its one decode of each original.
    const first = await library.ensureThumbnails(ids);
    expect(first).toEqual({ created: [], failed: [] });
    const thumb = path.join(mediaDir, library.thumbnailPath(ids[0] ?? ''));
    expect(thumb).toMatch(/thumbs[/\\][0-9a-f]{64}-320\.webp$/u);
    const meta = await sharp(thumb).metadata();
    expect([meta.format, meta.width, meta.height, meta.orientation]).toEqual([
      'webp',
      200,
      320,
      undefined,
    ]);
    const before = (await stat(thumb)).mtimeMs;

    const second = await library.ensureThumbnails(ids);
    expect(second.created).toEqual([]);
    expect((await stat(thumb)).mtimeMs).toBe(before);
    expect((await readdir(path.join(mediaDir, 'thumbs'))).sort()).toHaveLength(2);
  });

  it('reports a photo whose original left the media folder, by the name the editor knows', async () => {
    const { library, mediaDir } = open();
    const { imported } = await library.importFiles([fixtures.dune]);
    const photo = imported[0];
    await rm(path.join(mediaDir, photo?.mediaPath ?? ''));
    await rm(path.join(mediaDir, photo?.thumbnailPath ?? ''));
    const result = await library.ensureThumbnails([photo?.id ?? '', 'unknown-id']);
    expect(result.created).toEqual([]);
    expect(result.failed).toEqual([
      { id: photo?.id, message: expect.stringContaining('«dune-canon-rebel.jpg»') },
    ]);
  });
});
