import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/support/tempDir';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';
import {
  figure,
  fixtureFile,
  importPhotos,
  paragraph,
  writeArticle,
} from '../../../tests/support/workflowKit';
import type { BundleEntry } from './container';
import { decodeBundle, encodeBundle, sealBundle } from './container';

const context = { shell: 'browser' as const };
let good: Buffer = Buffer.alloc(0);
let target: Core | null = null;

beforeAll(async () => {
  const source = openTestCore({ dataDir: tempDir('newsdesk-source-') });
  try {
    await callCore(source, 'categories.save', { title: 'Thời sự' });
    const photos = await importPhotos(source, [fixtureFile('ladybird.jpg')]);
    const article = await writeArticle(source, {
      title: 'Bài hợp lệ',
      photos,
      body: [paragraph('Nội dung bài.'), figure(photos[0] ?? { mediaPath: '' }, 'Con bọ rùa')],
    });
    const exported = await callCore(source, 'bundles.export', {
      articleIds: [article.id],
      includeData: true,
    });
    good = Buffer.from(exported.dataBase64 ?? '', 'base64');
    expect(good.equals(fs.readFileSync(exported.path))).toBe(true);
  } finally {
    await source.close();
  }
});

afterEach(async () => {
  await target?.close();
  target = null;
});

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => fs.statSync(path.join(dir, name)).isFile());
}

/** Imports into a fresh library and expects a refusal that leaves it exactly as it was. */
async function expectRefused(bytes: Buffer, message: RegExp): Promise<void> {
  target = openTestCore();
  const result = await target.dispatch(
    'bundles.import',
    { fileName: 'tu-usb.ndbundle', dataBase64: bytes.toString('base64') },
    context,
  );
  expect(result).toEqual({
    ok: false,
    error: { code: 'invalid_input', message: expect.stringMatching(message) },
  });
  if (!result.ok) expect(result.error.message).toMatch(/Không có gì được nhập vào thư viện\.$/);
  expect(await callCore(target, 'articles.list', {})).toEqual([]);
  expect((await callCore(target, 'photos.list', {})).total).toBe(0);
  expect(filesUnder(path.join(target.paths.media, 'photos'))).toEqual([]);
}

/** The good bundle's manifest and entries, for building altered copies. */
function parts(): { manifest: Buffer; entries: BundleEntry[] } {
  const decoded = decodeBundle(good);
  const manifestLength = good.readUInt32BE(16);
  return {
    manifest: good.subarray(20, 20 + manifestLength),
    entries: decoded.manifest.entries.map((entry) => ({
      name: entry.name,
      data: Buffer.from(decoded.entries.get(entry.name) ?? Buffer.alloc(0)),
    })),
  };
}

function articleEntry(entries: BundleEntry[]): BundleEntry {
  const article = entries.find((entry) => entry.name.startsWith('articles/'));
  if (!article) throw new Error('no article entry');
  return article;
}

function header() {
  const { manifest } = decodeBundle(good);
  return {
    workstationId: manifest.workstationId,
    workstationName: manifest.workstationName,
    createdAt: manifest.createdAt,
    createdBy: manifest.createdBy,
    articleIds: manifest.articleIds,
  };
}

describe('hostile and damaged bundles are refused as a whole', () => {
  it('imports the untouched bundle (the baseline the other cases alter)', async () => {
    // The target is in no newsroom, so nothing can be verified: the article arrives as a
    // «chưa xác minh» draft (tests/security covers signed bundles), its photo is stored.
    target = openTestCore();
    const report = await callCore(target, 'bundles.import', {
      fileName: 'tu-usb.ndbundle',
      dataBase64: good.toString('base64'),
    });
    expect(report.articles[0]?.outcome).toBe('unverified');
    expect(filesUnder(path.join(target.paths.media, 'photos'))).toHaveLength(1);
  });

  it('names the accounts behind its user ids, and imports without them (older bundles)', async () => {
    const { entries } = parts();
    const article = articleEntry(entries);
    const payload = JSON.parse(article.data.toString('utf8')) as Record<string, unknown>;
    expect(payload.users).toEqual([
      { id: expect.any(String), userName: 'quantri', displayName: 'Quản trị viên', role: 'admin' },
    ]);
    delete payload.users;
    article.data = Buffer.from(JSON.stringify(payload));
    target = openTestCore();
    const report = await callCore(target, 'bundles.import', {
      fileName: 'tu-usb.ndbundle',
      dataBase64: encodeBundle(header(), entries).toString('base64'),
    });
    expect(report.articles[0]?.outcome).toBe('unverified');
  });

  const account = { id: 'b1c1', userName: 'lan', displayName: 'Nguyễn Thị Lan', role: 'reporter' };
  it.each([
    ['not a list', 'lan'],
    ['an unknown role', [{ ...account, role: 'superadmin' }]],
    ['a sign-in name with a path in it', [{ ...account, userName: '../../etc/passwd' }]],
    ['a sign-in name too long', [{ ...account, userName: 'l'.repeat(41) }]],
    ['an empty id', [{ ...account, id: '' }]],
    ['an id too long', [{ ...account, id: 'x'.repeat(65) }]],
    ['a display name too long', [{ ...account, displayName: 'L'.repeat(201) }]],
    ['a missing field', [{ id: account.id, userName: account.userName, role: account.role }]],
    ['one id twice', [account, { ...account, userName: 'quantri', role: 'admin' }]],
  ])('refuses an accounts list with %s', async (_what, users) => {
    const { entries } = parts();
    const article = articleEntry(entries);
    const payload = JSON.parse(article.data.toString('utf8')) as Record<string, unknown>;
    article.data = Buffer.from(JSON.stringify({ ...payload, users }));
    await expectRefused(
      encodeBundle(header(), entries),
      /Mục «articles\/.+» trong gói không đúng cấu trúc/,
    );
  });

  it('refuses a file that is not a bundle', async () => {
    await expectRefused(fixtureBytes(), /không phải gói bàn giao của Newsdesk/);
  });

  it('refuses a truncated bundle (copy interrupted, USB pulled out)', async () => {
    await expectRefused(good.subarray(0, good.length - 1000), /bị cắt cụt \(thiếu 1000 byte\)/);
    await expectRefused(good.subarray(0, 40), /cắt cụt hoặc hỏng/);
  });

  it('refuses a bundle damaged anywhere (trailer checksum)', async () => {
    const damaged = Buffer.from(good);
    const at = Math.floor(damaged.length * 0.7);
    damaged[at] = (damaged[at] ?? 0) ^ 0xff;
    await expectRefused(damaged, /không khớp mã kiểm tra \(SHA-256\): tệp đã bị hỏng hoặc bị sửa/);
  });

  it('refuses an entry altered after export even when the trailer was recomputed', async () => {
    const { manifest, entries } = parts();
    const article = entries.find((entry) => entry.name.startsWith('articles/'));
    if (!article) throw new Error('no article entry');
    // Same length, different text: only the checksums can tell.
    article.data = Buffer.from(article.data.toString('utf8').replace('Bài hợp lệ', 'Bài hợp lẹ'));
    await expectRefused(
      sealBundle(manifest, entries),
      /Mục «articles\/.+» trong gói không khớp mã kiểm tra/,
    );
  });

  it('refuses an article whose content does not match its own hash, even with fresh checksums', async () => {
    const { entries } = parts();
    const article = entries.find((entry) => entry.name.startsWith('articles/'));
    if (!article) throw new Error('no article entry');
    article.data = Buffer.from(article.data.toString('utf8').replace('Bài hợp lệ', 'Bài giả mạo'));
    await expectRefused(encodeBundle(header(), entries), /không khớp mã kiểm tra của nó/);
  });

  it('refuses a photo whose bytes do not match its content-addressed name', async () => {
    const { entries } = parts();
    const photo = entries.find((entry) => entry.name.startsWith('media/'));
    if (!photo) throw new Error('no photo entry');
    photo.data = Buffer.concat([photo.data, Buffer.from('thêm')]);
    await expectRefused(encodeBundle(header(), entries), /không khớp tên với nội dung/);
  });

  it('refuses a bundle from a newer (or unknown) format version', async () => {
    const { manifest, entries } = parts();
    const newer = JSON.parse(manifest.toString('utf8')) as Record<string, unknown>;
    newer.formatVersion = 3;
    await expectRefused(
      sealBundle(Buffer.from(JSON.stringify(newer)), entries),
      /phiên bản Newsdesk mới hơn \(định dạng 3/,
    );
    newer.formatVersion = 0;
    await expectRefused(sealBundle(Buffer.from(JSON.stringify(newer)), entries), /định dạng 0/);
  });

  it.each([
    '../../../evil.json',
    'media/photos/../../../../evil.jpg',
    '/etc/passwd',
    'media\\photos\\ab\\evil.jpg',
    'C:/Windows/evil.jpg',
    'c:evil.jpg',
    'media/./photos/evil.jpg',
    'articles//evil.json',
  ])('refuses an entry named %s (zip-slip), importing nothing', async (name) => {
    const { entries } = parts();
    entries.push({ name, data: Buffer.from('{"x":1}') });
    await expectRefused(encodeBundle(header(), entries), /trỏ ra ngoài thư mục thư viện/);
    const media = target?.paths.media ?? '';
    expect(fs.existsSync(path.resolve(media, '../../../evil.json'))).toBe(false);
    expect(fs.existsSync(path.resolve(media, '../evil.json'))).toBe(false);
  });

  it('refuses entries it does not know and entries listed twice', async () => {
    const { entries } = parts();
    await expectRefused(
      encodeBundle(header(), [...entries, { name: 'ghi-chu.txt', data: Buffer.from('x') }]),
      /mục lạ «ghi-chu\.txt»/,
    );
    const first = entries[0];
    if (!first) throw new Error('no entries');
    await expectRefused(encodeBundle(header(), [...entries, first]), /hai lần/);
  });
});

function fixtureBytes(): Buffer {
  return Buffer.from(fixtureFile('ladybird.jpg').dataBase64, 'base64');
}
