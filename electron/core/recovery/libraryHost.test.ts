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
