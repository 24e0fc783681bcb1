import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';

import { tempDir } from '../../../../tests/support/tempDir';
import { fixtures } from '../../../../tests/support/photoKit';
import { insertArticle, openTestLibrary } from '../../../../tests/support/photoLibraryKit';

/*
 * Near-duplicates as a photo editor sees them (issue 15 point 8): flat or simple pictures of
 * different colours are not "the same photo", and a burst of similar frames is one group with
 * one decision, not a pair per two frames.
 */

const opened: Array<{ close: () => void }> = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function open(): ReturnType<typeof openTestLibrary> {
  const library = openTestLibrary();
  opened.push(library.db);
  return library;
}

/** Flat rectangles and a simple shape on white, each in several colours. */
async function simpleImages(folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const files: string[] = [];
  const colours = ['#d62828', '#1d4ed8', '#15803d', '#f59e0b', '#111111', '#7c3aed'];
  for (const [index, colour] of colours.entries()) {
    const flat = path.join(folder, `flat-${index}.png`);
    await sharp({ create: { width: 320, height: 240, channels: 3, background: colour } })
      .png()
      .toFile(flat);
    const shape = path.join(folder, `circle-${index}.png`);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="#ffffff"/><circle cx="160" cy="120" r="80" fill="${colour}"/></svg>`;
    await sharp(Buffer.from(svg)).png().toFile(shape);
    files.push(flat, shape);
  }
  return files;
}

/** Twelve frames of one scene, as a burst: small crops and re-compressions of one photo. */
async function burst(folder: string, count: number): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const meta = await sharp(fixtures.storm).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  const files: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const file = path.join(folder, `burst-${String(i).padStart(2, '0')}.jpg`);
    await sharp(fixtures.storm)
      .extract({ left: i * 2, top: i, width: width - 24, height: height - 12 })
      .resize(640 - i * 8)
      .jpeg({ quality: 90 - i * 2 })
      .toFile(file);
    files.push(file);
  }
  return files;
}

describe('near-duplicates that see colour', () => {
  it('does not pair flat or simple images of different colours', async () => {
    const { library } = open();
    const files = await simpleImages(path.join(tempDir('newsdesk-flat-'), 'flat'));
    const result = await library.importFiles(files);
    expect(result.imported).toHaveLength(files.length);
    expect(
      result.nearDuplicates.map(
        (pair) => `${pair.photo.originalName}~${pair.similar.originalName}`,
      ),
    ).toEqual([]);
  });

  it('still pairs a photo re-sent smaller through a chat app', async () => {
    const { library } = open();
    const folder = tempDir('newsdesk-resent-');
    const resent = path.join(folder, 'storm-zalo.jpg');
    await sharp(fixtures.storm).resize(480).jpeg({ quality: 50 }).toFile(resent);
    const result = await library.importFiles([fixtures.storm, resent]);
    expect(result.nearDuplicates).toHaveLength(1);
  });
});

describe('near-duplicate groups', () => {
  it('shows twelve frames of one scene as one group and keeps one with one decision', async () => {
    const { library } = open();
    const files = await burst(tempDir('newsdesk-burst-'), 12);
    const result = await library.importFiles([...files, fixtures.wood]);
    expect(result.imported).toHaveLength(13);
    const groups = library.duplicateGroups();
    expect(groups).toHaveLength(1);
    expect(groups[0]?.photos).toHaveLength(12);
    const keep = groups[0]?.photos[3]?.id ?? '';
    await library.resolveGroup(groups[0]?.photos.map((photo) => photo.id) ?? [], keep);
    expect(library.duplicateGroups()).toEqual([]);
    const left = library.list({ sort: 'name', limit: 100, offset: 0 });
    expect(left.photos.map((photo) => photo.originalName)).toEqual([
      'burst-03.jpg',
      'wood-konica-minolta.jpg',
    ]);
  });

  it('keeps every photo of a group with «keep all», and the group does not come back', async () => {
    const { library } = open();
    const files = await burst(tempDir('newsdesk-burst-'), 4);
    await library.importFiles(files);
    const [group] = library.duplicateGroups();
    await library.resolveGroup(group?.photos.map((photo) => photo.id) ?? [], 'all');
    expect(library.duplicateGroups()).toEqual([]);
    expect(library.list({ sort: 'name', limit: 100, offset: 0 }).total).toBe(4);
  });

  it('refuses to keep one when another photo of the group is used in an article, deleting nothing', async () => {
    const { db, library } = open();
    const files = await burst(tempDir('newsdesk-burst-'), 3);
    await library.importFiles(files);
    const [group] = library.duplicateGroups();
    const ids = group?.photos.map((photo) => photo.id) ?? [];
    const used = group?.photos[1];
    insertArticle(db, 'bai-1');
    library.recordUsage('bai-1', [used?.mediaPath ?? '']);
    await expect(library.resolveGroup(ids, ids[0] ?? '')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(used?.originalName ?? '?') as unknown,
    });
    expect(library.list({ sort: 'name', limit: 100, offset: 0 }).total).toBe(3);
    expect(library.duplicateGroups()).toHaveLength(1);
  });
});
