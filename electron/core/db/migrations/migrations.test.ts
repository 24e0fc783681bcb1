import path from 'node:path';

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { AppError } from '../../../../shared/errors/appError';
import { tempDir } from '../../../../tests/support/tempDir';
import { openDatabase } from '../open';
import { latestSchemaVersion, migrations, runMigrations } from './index';
import type { Migration } from './types';

describe('migrations', () => {
  it('brings a new library to the latest version with STRICT tables, WAL and foreign keys', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const { db, schemaVersion } = openDatabase(file);
    expect(schemaVersion).toBe(latestSchemaVersion());
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'article_search%' AND name NOT LIKE 'photo_search%'",
      )
      .all() as Array<{ name: string; strict: number }>;
    expect(tables.map((table) => table.name).sort()).toEqual([
      'article_leases',
      'article_lineage',
      'articles',
      'audit_log',
      'authors',
      'caption_codes',
      'caption_templates',
      'categories',
      'chain_heads',
      'comments',
      'library_commits',
      'logos',
      'newsroom',
      'pending_edits',
      'photo_duplicates',
      'photo_job_items',
      'photo_jobs',
      'photo_usage',
      'photos',
      'portal_category_links',
      'portal_connections',
      'portal_terms',
      'portal_user_links',
      'recipes',
      'record_signatures',
      'revisions',
      'settings',
      'sign_in_counters',
      'sign_in_log',
      'sync_articles',
      'sync_bases',
      'sync_items',
      'sync_log',
      'sync_media',
      'user_keys',
      'users',
    ]);
    expect(tables.every((table) => table.strict === 1)).toBe(true);
    db.close();
  });

  it('numbers migrations in tens, strictly ascending (gaps leave room, never reorder)', () => {
    migrations.forEach((migration, index) => {
      expect(migration.version % 10).toBe(0);
      const previous = migrations[index - 1];
      if (previous) expect(migration.version).toBeGreaterThan(previous.version);
    });
    expect(migrations[0]?.version).toBe(10);
  });

  it('migrates N-1 to N keeping existing data', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const db = new Database(file);
    const first = migrations.slice(0, 1);
    runMigrations(db, first);
    db.prepare(
      `INSERT INTO articles (id, title, body_json, created_at, updated_at) VALUES ('a', 'Bí thư', '{"type":"doc"}', 1, 1)`,
    ).run();
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    runMigrations(db);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(db.prepare('SELECT title FROM articles').get()).toEqual({ title: 'Bí thư' });
    db.close();
  });

  it('refuses a library written by a newer Newsdesk and leaves it untouched', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 9990');
    db.close();
    let thrown: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('library_too_new');
    expect((thrown as AppError).userMessage).toMatch(/cập nhật Newsdesk/);
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(9990);
    after.close();
  });

  it('runs all pending steps in one transaction: a failing step leaves the old schema', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const db = new Database(file);
    const broken: Migration = {
      version: 9990,
      name: 'broken',
      up(handle) {
        handle.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        throw new Error('disk on fire');
      },
    };
    expect(() => runMigrations(db, [...migrations, broken])).toThrow('disk on fire');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    expect(names).toEqual([]);
    db.close();
  });

  it('refuses a migration list that is out of order', () => {
    const db = new Database(':memory:');
    const [first, second] = migrations;
    if (!first || !second) throw new Error('need two migrations');
    expect(() => runMigrations(db, [second, first])).toThrow(/out of order/);
    db.close();
  });
});
