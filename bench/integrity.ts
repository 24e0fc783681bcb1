import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';

import { openDatabase } from '../electron/core/db/open';
import { inspectLibrary, quickCheck } from '../electron/core/recovery/inspect';
import { verifyCopy } from '../electron/core/recovery/backupStore';
import { markFileName, writeMark } from '../electron/core/recovery/commitMark';

/*
 * `npm run bench:integrity`: builds a library of NEWSDESK_BENCH_MB megabytes (default 1024) of
 * articles with revisions in a temp folder, then measures what issue 11's safety net costs at
 * that size: `quick_check` (run at start after an unclean shutdown), the full start-up
 * inspection, an online backup and the `integrity_check` that verifies the copy. Prints
 * `FIGURE <name> <value>` lines. Not a test.
 */

// NEWSDESK_BENCH_SMOKE=1 (bench:smoke in CI): 8 MB, only to prove the benchmark still runs.
const defaultMb = process.env.NEWSDESK_BENCH_SMOKE === '1' ? '8' : '1024';
const targetBytes = Number(process.env.NEWSDESK_BENCH_MB ?? defaultMb) * 1024 * 1024;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-integrity-'));
const dataDir = path.join(dir, 'library');
fs.mkdirSync(dataDir);
const file = path.join(dataDir, 'newsdesk.sqlite');

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const words =
  'Bí thư Tỉnh ủy nói chuyện với lớp bồi dưỡng cán bộ trẻ của tỉnh về chuyển đổi số '.repeat(40);

function build(): void {
  const { db } = openDatabase(file);
  const article = db.prepare(
    'INSERT INTO articles (id, title, body_json, body_text, word_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const revision = db.prepare(
    "INSERT INTO revisions (article_id, created_at, reason, article_version, title, meta_json, body_json, body_text, word_count) VALUES (?, ?, 'interval', 1, ?, '{}', ?, ?, ?)",
  );
  const body = JSON.stringify({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }],
  });
  let n = 0;
  const batch = db.transaction(() => {
    for (let i = 0; i < 500; i += 1) {
      const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      article.run(id, `Bài số ${n}`, body, words, 700, n, n);
      for (let r = 0; r < 3; r += 1) revision.run(id, n, `Bài số ${n}`, body, words, 700);
      n += 1;
    }
  });
  while (
    fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0) <
    targetBytes
  )
    batch();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  process.stdout.write(`built ${n} articles with ${n * 3} revisions\n`);
}

let start = process.hrtime.bigint();
build();
process.stdout.write(`FIGURE build_s ${seconds(start).toFixed(1)}\n`);
const size = fs.statSync(file).size;
process.stdout.write(`FIGURE library_mb ${(size / 1024 / 1024).toFixed(0)}\n`);

// Cold-ish: a fresh read-only connection, as at start.
start = process.hrtime.bigint();
const db = new Database(file, { readonly: true });
const problem = quickCheck(db);
process.stdout.write(`FIGURE quick_check_s ${seconds(start).toFixed(2)}\n`);
if (problem) throw new Error(problem);

start = process.hrtime.bigint();
const inspection = inspectLibrary(dataDir, { forceCheck: true });
process.stdout.write(`FIGURE inspect_with_check_s ${seconds(start).toFixed(2)}\n`);
if (inspection.status.kind !== 'ok') throw new Error(inspection.status.kind);

// A clean previous run: the mark records a recent check and the file as it was closed.
const stat = fs.statSync(file);
writeMark(path.join(dataDir, markFileName), {
  counter: 0,
  articleCount: 0,
  committedAt: Date.now(),
  checkedAt: Date.now(),
  closedClean: { size: stat.size, mtimeMs: stat.mtimeMs },
});
start = process.hrtime.bigint();
const clean = inspectLibrary(dataDir);
if (clean.checkedAt !== null) throw new Error('a clean start should not run quick_check');
process.stdout.write(`FIGURE inspect_without_check_s ${seconds(start).toFixed(3)}\n`);

const copy = path.join(dir, 'copy.sqlite');
start = process.hrtime.bigint();
void db
  .backup(copy)
  .then(() => {
    process.stdout.write(`FIGURE backup_s ${seconds(start).toFixed(2)}\n`);
    start = process.hrtime.bigint();
    const check = verifyCopy(copy);
    process.stdout.write(`FIGURE verify_copy_s ${seconds(start).toFixed(2)}\n`);
    if (!check.ok) throw new Error(check.detail);
  })
  .finally(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
