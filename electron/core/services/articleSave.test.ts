import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { emptyMeta } from '../../../shared/domain/article';
import { tempDir } from '../../../tests/support/tempDir';
import { callCore, openTestCore } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';
import { libraryPaths } from '../library/libraryPaths';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

/** Runs `change` on the library file while no core holds it. */
function withLibrary(dataDir: string, change: (db: Database.Database) => void): void {
  const db = new Database(libraryPaths(dataDir).database);
  try {
    change(db);
  } finally {
    db.close();
  }
}

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('saving an article', () => {
  it('writes nothing when a step late in the save fails, so the retry is no false conflict', async () => {
    const dataDir = tempDir();
    core = openTestCore({ dataDir });
    const created = await callCore(core, 'articles.create', { title: 'Bản đầu' });
    const revisionsBefore = await callCore(core, 'revisions.list', { articleId: created.id });
    // A real SQLite failure in the last writes of a save (the saver takes the article's lease
    // after the text is written): a trigger in the library file refuses it.
    await core.close();
    withLibrary(dataDir, (db) =>
      db.exec(
        `CREATE TRIGGER lease_fails BEFORE INSERT ON article_leases
         BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`,
      ),
    );
    core = openTestCore({ dataDir });
    const input = {
      id: created.id,
      title: 'Bản mới',
      meta: emptyMeta(),
      body: paragraph('Đoạn mới'),
      baseVersion: 0,
    };
    const failed = await core.dispatch('articles.save', input, { shell: 'browser' });
    expect(failed.ok).toBe(false);

    const after = await callCore(core, 'articles.get', { id: created.id });
    expect(after.version).toBe(0);
    expect(after.title).toBe('Bản đầu');
    expect(await callCore(core, 'revisions.list', { articleId: created.id })).toEqual(
      revisionsBefore,
    );

    await core.close();
    withLibrary(dataDir, (db) => db.exec('DROP TRIGGER lease_fails'));
    core = openTestCore({ dataDir });
    // The editor retries with the version it had: the save goes through, no «changed in another
    // window» conflict.
    const retried = await callCore(core, 'articles.save', input);
    expect(retried.version).toBe(1);
    expect((await callCore(core, 'articles.get', { id: created.id })).title).toBe('Bản mới');
  });
});
