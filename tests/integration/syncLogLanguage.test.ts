import path from 'node:path';

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { migrations, runMigrations } from '../../electron/core/db/migrations';
import { upsertConnection } from '../../electron/core/db/queries/portals';
import { insertItem, listItems, listLog } from '../../electron/core/db/queries/sync';
import { logEntryOf, syncLogWriter, vietnameseLine } from '../../electron/core/sync/logLines';
import { toSyncItem } from '../../electron/core/sync/items';
import { syncLogCodes } from '../../shared/domain/sync';
import i18next from 'i18next';

import { en } from '../../renderer/i18n/en';
import { vi } from '../../renderer/i18n/vi';
import { tempDir } from '../support/tempDir';

/*
 * Issue 15: in English the sync log stayed Vietnamese («Hoàn tất.», «Đã đăng bài:»), because the
 * outbox stored finished sentences. Lines are now a code and values (migration 0320) that the
 * screen translates; lines stored before keep reading, and the common ones get their code too.
 * And an update of an article already on the portal is an «Cập nhật» row, not «Đăng».
 */

function library(upTo = Number.POSITIVE_INFINITY): Database.Database {
  const db = new Database(path.join(tempDir(), 'lib.sqlite'));
  runMigrations(
    db,
    migrations.filter((migration) => migration.version <= upTo),
  );
  return db;
}

function seed(db: Database.Database): void {
  upsertConnection(db, {
    id: 'c1',
    kind: 'wordpress',
    name: 'Cổng tỉnh',
    base_url: 'https://a.vn',
    username: 'u',
    auth_mode: null,
    nukeviet_json: null,
    created_at: 1,
    updated_at: 1,
  });
}

const item = (id: string, state: string, at: number) => ({
  id,
  article_id: 'a1',
  connection_id: 'c1',
  action: 'publish' as const,
  state,
  article_title: 'Bài',
  snapshot_json: '{}',
  revision: 1,
  attempts: 0,
  next_attempt_at: null,
  last_error_code: null,
  last_error_message: null,
  progress_done: 0,
  progress_total: 0,
  conflict_json: null,
  force_overwrite: 0,
  created_at: at,
  updated_at: at,
  finished_at: null,
});

describe('the sync log in the chosen language', () => {
  it('every coded line says the same in the core and on the Vietnamese screen, and reads in English', async () => {
    // The renderer's own tables, in a plain i18next instance (react-i18next's DOM types stay
    // out of the Node program).
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { vi: { translation: vi }, en: { translation: en } },
      lng: 'vi',
      fallbackLng: 'vi',
      interpolation: { escapeValue: false },
    });
    const params = { url: 'https://a.vn/bai', reason: 'Mất mạng', attempt: 2, seconds: 30 };
    for (const code of syncLogCodes)
      expect(i18n.t(`syncLog.${code}`, params), code).toBe(vietnameseLine(code, params));
    await i18n.changeLanguage('en');
    expect(i18n.t('syncLog.done')).toBe('Done.');
    expect(i18n.t('syncLog.published', params)).toBe('Published: https://a.vn/bai');
    for (const code of syncLogCodes)
      expect(i18n.t(`syncLog.${code}`, params), code).not.toBe(vietnameseLine(code, params));
    await i18n.changeLanguage('vi');
  });

  it('stores new lines with their code, and gives lines stored before 0320 a code when it knows them', () => {
    const db = library(290);
    seed(db);
    const old = db.prepare(
      `INSERT INTO sync_log (at, item_id, article_id, connection_id, level, message)
       VALUES (?, NULL, 'a1', 'c1', 'info', ?)`,
    );
    old.run(1, 'Hoàn tất.');
    old.run(2, 'Đã đăng bài: https://a.vn/bai-cu');
    old.run(3, 'Đã cập nhật bài: https://a.vn/bai-cu');
    old.run(4, 'Một dòng lạ viết bằng tay.');
    runMigrations(db);
    syncLogWriter(db, () => 5)({ id: 'i1', article_id: 'a1', connection_id: 'c1' }, 'info', {
      code: 'retrying',
      params: { reason: 'Mất mạng', attempt: 1, seconds: 5 },
    });
    const entries = listLog(db, { limit: 10 }).map(logEntryOf).reverse();
    expect(entries.map((entry) => [entry.code, entry.params])).toEqual([
      ['done', {}],
      ['published', { url: 'https://a.vn/bai-cu' }],
      ['updated', { url: 'https://a.vn/bai-cu' }],
      [null, {}],
      ['retrying', { reason: 'Mất mạng', attempt: 1, seconds: 5 }],
    ]);
    // The stored sentence stays, for lines nobody can translate and for readers of the raw log.
    expect(entries.map((entry) => entry.message)).toEqual([
      'Hoàn tất.',
      'Đã đăng bài: https://a.vn/bai-cu',
      'Đã cập nhật bài: https://a.vn/bai-cu',
      'Một dòng lạ viết bằng tay.',
      'Mất mạng (lần 1, thử lại sau 5 giây)',
    ]);
    db.close();
  });

  it('a publish after a finished publish of the same article is an update', () => {
    const db = library();
    seed(db);
    insertItem(db, item('first', 'done', 1));
    insertItem(db, item('second', 'queued', 1));
    const items = listItems(db, { limit: 10 }).map(toSyncItem);
    const byId = new Map(items.map((entry) => [entry.id, entry.updatesPublished]));
    expect(byId.get('first')).toBe(false);
    expect(byId.get('second')).toBe(true);
    db.close();
  });
});
