import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/support/tempDir';
import { testAdmin } from '../../../tests/support/testCore';
import { createNullLogger } from '../logging/logger';
import { sourcePhotoWorkerUrl } from '../photos/batch/sourceWorker';
import { listBackups, readPlaces } from './backupStore';
import { readMark, markFileName } from './commitMark';
import type { LibraryHost } from './libraryHost';
import { openLibraryHost } from './libraryHost';

const context = { shell: 'browser' as const };
let hosts: LibraryHost[] = [];

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

function open(dataDir: string, now?: () => number): LibraryHost {
  const host = openLibraryHost({
    dataDir,
    shell: 'browser',
    appVersion: '0.0.0-test',
    logger: createNullLogger(),
    photoWorkerUrl: sourcePhotoWorkerUrl,
    passwordCost: { N: 2 ** 10, r: 8, p: 1 },
    ...(now ? { now } : {}),
  });
  hosts.push(host);
  return host;
}

async function call<T>(host: LibraryHost, name: string, input: unknown = {}): Promise<T> {
  const result = await host.dispatch(name, input, context);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function seat(host: LibraryHost): Promise<void> {
  const status = await call<{ hasAccounts: boolean }>(host, 'auth.status');
  if (status.hasAccounts)
    await call(host, 'auth.signIn', { userName: testAdmin.userName, password: testAdmin.password });
  else await call(host, 'auth.setupAdmin', testAdmin);
}

async function closeHost(host: LibraryHost): Promise<void> {
  hosts = hosts.filter((candidate) => candidate !== host);
  await host.close();
}

async function addArticles(host: LibraryHost, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const created = await call<{ id: string }>(host, 'articles.create', {
      title: `${prefix} ${i}`,
    });
    ids.push(created.id);
  }
  return ids;
}

describe('automatic backups', () => {
  it('takes verified online copies, lists them with size and article count, and on quit', async () => {
    const dataDir = tempDir();
    let clock = Date.UTC(2026, 11, 7, 3, 0, 0);
    const host = open(dataDir, () => clock);
    await seat(host);
    await addArticles(host, 3, 'Bài');
    const desk = host.core()?.guard.backups;
    if (!desk) throw new Error('library not open');
    // No copy yet: the daily one is due.
    expect((await desk.tick())?.reason).toBe('daily');
    clock += 60_000;
    // Nothing changed since: no copy.
    expect(await desk.tick()).toBeNull();
    await addArticles(host, 2, 'Thêm');
    clock += 10 * 60_000;
    const auto = await desk.tick();
    expect(auto).toMatchObject({ reason: 'auto', articleCount: 5, verified: true });
    expect(auto?.sizeBytes).toBeGreaterThan(0);
    const listed = await call<{ backups: { id: string; articleCount: number }[] }>(
      host,
      'backups.list',
    );
    expect(listed.backups.map((backup) => backup.articleCount)).toEqual([5, 3]);
    // The copy is a sound SQLite file with the articles in it.
    const copy = new Database(path.join(dataDir, 'backups', auto?.id ?? ''), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();

    await addArticles(host, 1, 'Cuối');
    clock += 60_000;
    await closeHost(host);
    const afterQuit = listBackups(readPlaces(dataDir));
    expect(afterQuit[0]).toMatchObject({ reason: 'quit', articleCount: 6 });
  });

  it('copies media once into a shared store and writes the second place too', async () => {
    const dataDir = tempDir();
    const usb = tempDir();
    let clock = Date.UTC(2026, 11, 7, 3, 0, 0);
    const host = open(dataDir, () => clock);
    await seat(host);
    await call(host, 'backups.setPlaces', { extraDir: usb });
    const photo = path.join(dataDir, 'media', 'photos', 'ab', 'ab12.jpg');
    fs.mkdirSync(path.dirname(photo), { recursive: true });
    fs.writeFileSync(photo, Buffer.alloc(4096, 7));
    const desk = host.core()?.guard.backups;
    if (!desk) throw new Error('library not open');
    await desk.backupNow('manual');
    const mirrored = path.join(dataDir, 'backups', 'media', 'photos', 'ab', 'ab12.jpg');
    const mtime = fs.statSync(mirrored).mtimeMs;
    clock += 60_000;
    await addArticles(host, 1, 'Bài');
    await desk.backupNow('manual');
    // The same photo is not copied again.
    expect(fs.statSync(mirrored).mtimeMs).toBe(mtime);
    expect(
      fs.existsSync(path.join(usb, 'Newsdesk-backups', 'media', 'photos', 'ab', 'ab12.jpg')),
    ).toBe(true);
    const places = listBackups(readPlaces(dataDir)).map((backup) => backup.place);
    expect(places.filter((place) => place === 'extra')).toHaveLength(2);
    expect(places.filter((place) => place === 'main')).toHaveLength(2);
  });

  it('restores a backup after setting the current library aside, never deleting it', async () => {
    const dataDir = tempDir();
    let clock = Date.UTC(2026, 11, 7, 3, 0, 0);
    const host = open(dataDir, () => clock);
    await seat(host);
    const [first] = await addArticles(host, 1, 'Trong bản sao lưu');
    const backup = await call<{ id: string; place: string }>(host, 'backups.create');
    clock += 60_000;
    const [later] = await addArticles(host, 1, 'Sau bản sao lưu');
    const report = await call<{ setAsideDir: string; articleCount: number }>(
      host,
      'backups.restore',
      {
        place: backup.place,
        id: backup.id,
      },
    );
    expect(report.articleCount).toBe(1);
    // The replaced library is kept whole in the set-aside folder.
    const setAside = new Database(path.join(report.setAsideDir, 'newsdesk.sqlite'), {
      readonly: true,
    });
    expect((setAside.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(
      2,
    );
    setAside.close();
    expect(host.status()).toEqual({ kind: 'ok' });
    await seat(host);
    expect(await call<{ title: string }>(host, 'articles.get', { id: first })).toMatchObject({
      title: 'Trong bản sao lưu 0',
    });
    const missing = await host.dispatch('articles.get', { id: later }, context);
    expect(missing.ok).toBe(false);
  });
});

describe('the commit mark', () => {
  it('follows every commit and survives a clean close', async () => {
    const dataDir = tempDir();
    const host = open(dataDir);
    await seat(host);
    const before = readMark(path.join(dataDir, markFileName))?.counter ?? 0;
    await addArticles(host, 2, 'Bài');
    const after = readMark(path.join(dataDir, markFileName));
    expect(after?.counter).toBeGreaterThan(before);
    expect(after?.articleCount).toBe(2);
    await closeHost(host);
    expect(readMark(path.join(dataDir, markFileName))?.closedClean).not.toBeNull();
    const again = open(dataDir);
    expect(again.status()).toEqual({ kind: 'ok' });
  });

  it('a library file replaced by an older copy behind the app’s back is "behind"', async () => {
    const dataDir = tempDir();
    const host = open(dataDir);
    await seat(host);
    await addArticles(host, 1, 'Cũ');
    await closeHost(host);
    const old = path.join(tempDir(), 'old.sqlite');
    fs.copyFileSync(path.join(dataDir, 'newsdesk.sqlite'), old);
    const second = open(dataDir);
    await seat(second);
    await addArticles(second, 2, 'Mới');
    await closeHost(second);
    fs.copyFileSync(old, path.join(dataDir, 'newsdesk.sqlite'));

    const third = open(dataDir);
    const status = third.status();
    expect(status).toMatchObject({ kind: 'behind', expectedArticles: 3, foundArticles: 1 });
    // Nothing but recovery is served until the user decides.
    const list = await third.dispatch('articles.list', {}, context);
    expect(list.ok).toBe(false);
    await call(third, 'recovery.continueBehind');
    expect(third.status()).toEqual({ kind: 'ok' });
  });
});

/*
 * Moving to a new PC through the contract (issue 11 point 3): the `.ndlibrary` file goes up in
 * chunks like a bundle, and `library.importUploaded` swaps the library in place. On a new PC
 * nobody can sign in yet, so the first-start screen may do it; once accounts exist, only the
 * administrator may.
 */

/** Sends a file in two chunks, as the renderer's `uploadFile` does. */
async function upload(host: LibraryHost, file: string): Promise<string> {
  const bytes = fs.readFileSync(file);
  const { uploadId } = await call<{ uploadId: string }>(host, 'uploads.begin', {
    kind: 'library',
    fileName: path.basename(file),
    size: bytes.length,
  });
  const half = Math.floor(bytes.length / 2);
  await call(host, 'uploads.append', {
    uploadId,
    offset: 0,
    dataBase64: bytes.subarray(0, half).toString('base64'),
  });
  await call(host, 'uploads.append', {
    uploadId,
    offset: half,
    dataBase64: bytes.subarray(half).toString('base64'),
  });
  return uploadId;
}

async function exportOldPc(): Promise<{ file: string; photo: string }> {
  const oldPc = open(tempDir());
  await call(oldPc, 'auth.setupAdmin', testAdmin);
  await call(oldPc, 'articles.create', { title: 'Bài viết trên máy cũ' });
  const photo = path.join(oldPc.paths.media, 'photos', 'ab', 'ab12.jpg');
  fs.mkdirSync(path.dirname(photo), { recursive: true });
  fs.writeFileSync(photo, Buffer.alloc(4096, 7));
  const exported = await call<{ file: string }>(oldPc, 'backups.exportLibrary');
  return { file: exported.file, photo };
}

describe('importing a whole library through the contract', () => {
  it('on a new PC, before anyone signs in: uploads, swaps in the library and keeps nothing lost', async () => {
    const { file, photo } = await exportOldPc();
    const newPc = open(tempDir());
    const uploadId = await upload(newPc, file);
    const report = await call<{ articleCount: number; setAsideDir: string }>(
      newPc,
      'library.importUploaded',
      { uploadId },
    );
    expect(report.articleCount).toBe(1);
    expect(fs.existsSync(report.setAsideDir)).toBe(true);
    expect(newPc.status()).toEqual({ kind: 'ok' });
    // The imported library is open: its administrator signs in and finds the article and photo.
    const status = await call<{ hasAccounts: boolean }>(newPc, 'auth.status');
    expect(status.hasAccounts).toBe(true);
    await call(newPc, 'auth.signIn', {
      userName: testAdmin.userName,
      password: testAdmin.password,
    });
    const list = await call<Array<{ title: string }>>(newPc, 'articles.list', {});
    expect(list.map((article) => article.title)).toEqual(['Bài viết trên máy cũ']);
    const moved = path.join(newPc.paths.media, 'photos', 'ab', 'ab12.jpg');
    expect(fs.readFileSync(moved)).toEqual(fs.readFileSync(photo));
    // No copy of the upload is left behind in the data folder.
    expect(
      fs.readdirSync(newPc.paths.dataDir).filter((name) => name.endsWith('.ndlibrary')),
    ).toEqual([]);
  });

  it('once accounts exist, only the administrator may replace the library; a damaged file keeps the current one', async () => {
    const { file } = await exportOldPc();
    const pc = open(tempDir());
    await call(pc, 'auth.setupAdmin', testAdmin);
    await call(pc, 'users.create', {
      userName: 'lan.pv',
      displayName: 'Nguyễn Thị Lan',
      password: 'phong-vien-lan',
      role: 'reporter',
    });
    await call(pc, 'articles.create', { title: 'Bài đang có' });
    await call(pc, 'auth.signOut');
    await expect(upload(pc, file)).rejects.toThrow(/unauthorized/);
    await call(pc, 'auth.signIn', { userName: 'lan.pv', password: 'phong-vien-lan' });
    await expect(upload(pc, file)).rejects.toThrow(/forbidden/);

    await call(pc, 'auth.signIn', { userName: testAdmin.userName, password: testAdmin.password });
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    const damaged = path.join(tempDir(), 'hong.ndlibrary');
    fs.writeFileSync(damaged, bytes);
    const uploadId = await upload(pc, damaged);
    await expect(call(pc, 'library.importUploaded', { uploadId })).rejects.toThrow(
      /corrupt_data: .*sai mã kiểm tra/,
    );
    expect(pc.status()).toEqual({ kind: 'ok' });
    await call(pc, 'auth.signIn', { userName: testAdmin.userName, password: testAdmin.password });
    const list = await call<Array<{ title: string }>>(pc, 'articles.list', {});
    expect(list.map((article) => article.title)).toEqual(['Bài đang có']);
  });
});
