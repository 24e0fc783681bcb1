/**
 * What MySQL/MariaDB does differently from SQLite, tested against the harness's MariaDB (strict
 * sql_mode, utf8mb4_unicode_ci, NukeViet's PDO settings), not assumed: an UPDATE that changes
 * nothing reports 0 rows, unique keys compare accent-insensitively, a value longer than its
 * column is refused, 4-byte characters are kept. Each test is a case the real site met or could.
 */
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RemoteMedia } from '../../electron/core/portal/adapter';
import {
  createNukeVietAdapter,
  type NukeVietAdapter,
} from '../../electron/core/portal/nukeviet/nukevietAdapter';
import {
  phpUnavailableReason,
  startNukeVietHarness,
  type NukeVietHarness,
} from '../support/nukeviet-harness/harness';
import { seedPayload, seedUploads } from '../support/nukeviet-harness/seed';

const skipReason = phpUnavailableReason();
if (skipReason !== null) {
  console.warn(`\n!!! NukeViet integration tests SKIPPED: ${skipReason} !!!\n`);
}

describe.skipIf(skipReason !== null)('NukeViet connector on MariaDB: MySQL semantics', () => {
  let harness: NukeVietHarness;
  let adapter: NukeVietAdapter;

  beforeAll(async () => {
    harness = await startNukeVietHarness();
    adapter = createNukeVietAdapter({
      credentials: {
        baseUrl: harness.baseUrl,
        username: harness.editor.ident,
        secret: harness.editor.secret,
      },
      bcryptCost: 4,
    });
  });

  afterAll(async () => {
    await harness.stop();
  });

  const phpErrors = (): string => {
    const file = path.join(harness.siteDir, 'data', 'php-errors.log');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  };

  it('runs on MariaDB in strict mode with utf8mb4_unicode_ci', () => {
    const [server] = harness.query<{ mode: string; collation: string; version: string }>(
      'SELECT @@SESSION.sql_mode AS mode, @@collation_database AS collation, VERSION() AS version',
    );
    expect(server?.version).toMatch(/MariaDB/u);
    expect(server?.mode).toContain('STRICT_TRANS_TABLES');
    expect(server?.mode).toContain('ONLY_FULL_GROUP_BY');
    expect(server?.collation).toBe('utf8mb4_unicode_ci');
    // The stand-in's tables are NukeViet's: MyISAM, no transactions.
    expect(
      harness.query<{ engine: string }>(
        "SELECT ENGINE AS engine FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'nv4_vi_news_rows'",
      ),
    ).toEqual([{ engine: 'MyISAM' }]);
  });

  it('registers a new month folder for the file manager without a duplicate-key error', async () => {
    const [upload] = seedUploads();
    if (upload === undefined) throw new Error('no seed photo');
    const media = await adapter.uploadMedia(upload);
    const folder = path.posix.dirname(media.remoteId);
    expect(folder).toMatch(/^uploads\/news\/\d{4}_\d{2}$/u);
    // The folder was created, registered, then marked for a re-scan after the file arrived:
    // the second mark changes nothing, which MySQL reports as 0 rows.
    expect(phpErrors()).not.toMatch(/Duplicate entry|cannot register/u);
    expect(
      harness.query(
        "SELECT dirname, time FROM nv4_upload_dir WHERE dirname LIKE 'uploads/news%' ORDER BY dirname",
      ),
    ).toEqual([
      { dirname: 'uploads/news', time: 0 },
      { dirname: folder, time: 0 },
    ]);
  });

  it('saves the same article twice in one second (an update that changes nothing)', async () => {
    const payload = seedPayload(new Map<string, RemoteMedia>());
    const first = await adapter.putArticle(payload, null);
    // By sync key (no remote id), then by id: both point the key at the same article again.
    const again = await adapter.putArticle(payload, null);
    const byId = await adapter.putArticle(payload, first.remoteId);
    expect(again.remoteId).toBe(first.remoteId);
    expect(byId.remoteId).toBe(first.remoteId);
    expect(
      harness.query(
        'SELECT COUNT(*) AS n FROM nv4_vi_news_newsdesk_sync WHERE sync_key = ?',
        payload.syncKey,
      ),
    ).toEqual([{ n: 1 }]);
    expect(phpErrors()).not.toMatch(/Duplicate entry/u);
  });

  it('finds a tag written without accents (unique keys compare accent-insensitively)', async () => {
    const a = await adapter.putArticle({ ...seedPayload(new Map()), tags: ['Hà Nội'] }, null);
    const b = await adapter.putArticle({ ...seedPayload(new Map()), tags: ['Ha Noi'] }, null);
    const tids = (id: string): unknown[] =>
      harness.query('SELECT tid FROM nv4_vi_news_tags_id WHERE id = ?', Number(id));
    expect(tids(b.remoteId)).toEqual(tids(a.remoteId));
  });

  it('keeps 4-byte characters (utf8mb4) in the title and body', async () => {
    const payload = seedPayload(new Map(), {
      title: 'Lễ hội hoa 🌸 Đà Lạt',
      html: '<p>Hoa mai 🌼 nở sớm.</p>',
    });
    const saved = await adapter.putArticle(payload, null);
    const read = await adapter.readArticle(saved.remoteId);
    expect(read?.title).toBe('Lễ hội hoa 🌸 Đà Lạt');
    expect(read?.html).toContain('🌼');
  });
});
