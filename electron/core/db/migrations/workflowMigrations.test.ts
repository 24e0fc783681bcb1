import path from 'node:path';

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { tempDir } from '../../../../tests/support/tempDir';
import { migrations, runMigrations } from './index';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('workflow migrations (0100–0140)', () => {
  it('gives existing and new revisions a global id, and keeps articles as drafts with no creator', () => {
    const db = new Database(path.join(tempDir(), 'lib.sqlite'));
    runMigrations(
      db,
      migrations.filter((migration) => migration.version < 100),
    );
    db.prepare(
      `INSERT INTO articles (id, title, body_json, created_at, updated_at) VALUES ('a', 'Bí thư', '{"type":"doc"}', 1, 1)`,
    ).run();
    const insertRevision = db.prepare(
      `INSERT INTO revisions (article_id, created_at, reason, article_version, title, meta_json, body_json, body_text, word_count)
       VALUES ('a', ?, 'manual', 0, 'Bí thư', '{}', '{"type":"doc"}', '', 0)`,
    );
    insertRevision.run(1);
    insertRevision.run(2);
    runMigrations(db);
    insertRevision.run(3);
    const ids = db.prepare('SELECT global_id FROM revisions ORDER BY id').all() as Array<{
      global_id: string;
    }>;
    expect(ids).toHaveLength(3);
    for (const { global_id } of ids) expect(global_id).toMatch(uuidV4);
    expect(new Set(ids.map((row) => row.global_id)).size).toBe(3);
    expect(db.prepare('SELECT status, created_by, conflict_of FROM articles').get()).toEqual({
      status: 'draft',
      created_by: null,
      conflict_of: null,
    });
    db.close();
  });
});
