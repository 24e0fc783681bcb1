import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/support/tempDir';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import { inspectLibrary } from './inspect';
import { importLibraryArchive } from './libraryArchive';

describe('moving a library to a new PC', () => {
  it('exports one file with the library and its media, and imports it elsewhere', async () => {
    const oldPc = tempDir();
    const core = openTestCore({ dataDir: oldPc });
    await callCore(core, 'articles.create', { title: 'Bài chuyển máy' });
    const photo = path.join(oldPc, 'media', 'photos', 'cd', 'cd34.jpg');
    fs.mkdirSync(path.dirname(photo), { recursive: true });
    fs.writeFileSync(photo, Buffer.alloc(2048, 3));
    const exported = await callCore(core, 'backups.exportLibrary', {});
    await core.close();
    expect(exported.file.endsWith('.ndlibrary')).toBe(true);

    const newPc = tempDir();
    const imported = importLibraryArchive(newPc, exported.file);
    expect(imported.articleCount).toBe(1);
    expect(fs.readFileSync(path.join(newPc, 'media', 'photos', 'cd', 'cd34.jpg'))).toEqual(
      fs.readFileSync(photo),
    );
    expect(inspectLibrary(newPc, { forceCheck: true }).status).toEqual({ kind: 'ok' });
    const reopened = openTestCore({ dataDir: newPc });
    const list = await callCore(reopened, 'articles.list', {});
    expect(list.map((article) => article.title)).toEqual(['Bài chuyển máy']);
    await reopened.close();
  });

  it('refuses a damaged export and leaves the current library untouched', async () => {
    const oldPc = tempDir();
    const core = openTestCore({ dataDir: oldPc });
    await callCore(core, 'articles.create', { title: 'Bài' });
    const exported = await callCore(core, 'backups.exportLibrary', {});
    await core.close();
    const bytes = fs.readFileSync(exported.file);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    fs.writeFileSync(exported.file, bytes);

    const target = tempDir();
    const existing = openTestCore({ dataDir: target });
    await callCore(existing, 'articles.create', { title: 'Bài đang có' });
    await existing.close();
    const before = fs.readFileSync(path.join(target, 'newsdesk.sqlite'));
    expect(() => importLibraryArchive(target, exported.file)).toThrow(/sai mã kiểm tra/);
    expect(fs.readFileSync(path.join(target, 'newsdesk.sqlite')).equals(before)).toBe(true);
  });
});
