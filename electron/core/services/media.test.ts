import fs from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { ImportedImage } from '../../../shared/domain/media';
import { openTestCore } from '../../../tests/helpers/testCore';
import type { Core } from '../app/createCore';

const fixture = path.resolve(import.meta.dirname, '../../../tests/fixtures/photos/ladybird.jpg');
let core: Core | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe('media.importImage', () => {
  it('stores a real photo once, content-addressed, with its size', async () => {
    core = openTestCore();
    const data = fs.readFileSync(fixture).toString('base64');
    const first = await core.dispatch(
      'media.importImage',
      { fileName: 'z4509060236637_cee53aff582f33e127acb052f924c3c7.jpg', dataBase64: data },
      { shell: 'browser' },
    );
    const second = await core.dispatch(
      'media.importImage',
      { fileName: 'copy.jpg', dataBase64: data },
      { shell: 'browser' },
    );
    expect(first.ok && second.ok).toBe(true);
    const image = (first as { ok: true; value: ImportedImage }).value;
    expect(image.mediaPath).toMatch(/^photos\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/);
    expect(second).toEqual(first);
    expect(image.width).toBeGreaterThan(0);
    expect(listFiles(core.paths.media)).toEqual([image.mediaPath]);
    expect(
      fs
        .readFileSync(path.join(core.paths.media, image.mediaPath))
        .equals(fs.readFileSync(fixture)),
    ).toBe(true);
  });

  it('refuses a truncated JPEG and a text file named .jpg, leaving nothing behind', async () => {
    core = openTestCore();
    const bytes = fs.readFileSync(fixture);
    const truncated = bytes.subarray(0, Math.floor(bytes.length / 3)).toString('base64');
    const text = Buffer.from('Đây không phải ảnh').toString('base64');
    for (const [fileName, dataBase64] of [
      ['hong.jpg', truncated],
      ['van-ban.jpg', text],
    ] as const) {
      const result = await core.dispatch(
        'media.importImage',
        { fileName, dataBase64 },
        { shell: 'browser' },
      );
      expect(result.ok, fileName).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(fileName === 'hong.jpg' ? 'corrupt_data' : 'invalid_input');
        expect(result.error.message).toContain(`«${fileName}»`);
        expect(result.error.message).toMatch(/[ảạáàãâăêôơưđ]/);
      }
    }
    expect(listFiles(core.paths.media)).toEqual([]);
  });
});
