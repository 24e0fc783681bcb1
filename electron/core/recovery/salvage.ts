import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';

import type { SalvageReport } from '../../../shared/domain/recovery';
import { AppError } from '../../../shared/errors/appError';
import { openDatabase } from '../db/open';
import { libraryPaths } from '../library/libraryPaths';
import { resetMark } from './restore';
import { setLibraryAside } from './setAside';

/** Rows read per query while a range reads cleanly. */
const chunkRows = 500;
/** Single-row probes allowed per table before a failing range is reported whole. */
const probeBudget = 4_000;

type Row = Record<string, unknown>;

interface TableCopy {
  table: string;
  copied: number;
  unreadable: number;
  failedRanges: string[];
}

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
    (column) => column.name,
  );
}

/**
 * The tables to copy: every ordinary table of the new library's schema, in schema order. Full-text
 * indexes and their shadow tables (`<index>_data`, `_idx`, `_content`, `_docsize`, `_config`) are
 * not copied: the article index is rebuilt by the indexer, and the photo index (kept by triggers
 * on `photos`) fills itself as the photos are copied.
 */
function tablesToCopy(target: Database.Database): string[] {
  const rows = target
    .prepare(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rootpage",
    )
    .all() as { name: string; sql: string | null }[];
  const indexes = rows
    .filter((row) => row.sql?.startsWith('CREATE VIRTUAL') === true)
    .map((row) => row.name);
  return rows
    .map((row) => row.name)
    .filter((name) => !indexes.some((index) => name === index || name.startsWith(`${index}_`)));
}

/**
 * Copies one table by rowid ranges. A range that fails to read is split in halves until the
 * unreadable rows are isolated (one rowid each), so every row on a healthy page is kept and each
 * damaged page costs a few probes; past the probe budget a failing range is reported whole.
 */
function copyTable(source: Database.Database, target: Database.Database, table: string): TableCopy {
  const result: TableCopy = { table, copied: 0, unreadable: 0, failedRanges: [] };
  let sourceColumns: string[];
  try {
    sourceColumns = columnsOf(source, table);
  } catch {
    result.failedRanges.push('toàn bộ bảng (không đọc được cấu trúc)');
    return result;
  }
  const targetColumns = new Set(columnsOf(target, table));
  const columns = sourceColumns.filter((column) => targetColumns.has(column));
  if (columns.length === 0) return result;
  const list = columns.map((column) => `"${column}"`).join(', ');
  const insert = target.prepare(
    `INSERT OR REPLACE INTO "${table}" (${list}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const write = (rows: Row[]): void => {
    for (const row of rows) {
      try {
        insert.run(columns.map((column) => row[column]));
        result.copied += 1;
      } catch {
        result.unreadable += 1;
      }
    }
  };

  let ranged: Database.Statement | null = null;
  try {
    ranged = source.prepare(
      `SELECT rowid AS __rowid, ${list} FROM "${table}" WHERE rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?`,
    );
  } catch {
    ranged = null;
  }
  const statement = ranged;
  const read = (from: number, to: number, limit: number): Row[] =>
    statement ? (statement.all(from, to, limit) as Row[]) : [];
  if (!statement) {
    try {
      write(source.prepare(`SELECT ${list} FROM "${table}"`).all() as Row[]);
    } catch {
      result.failedRanges.push('toàn bộ bảng');
    }
    return result;
  }

  let maxRowid = Number.MAX_SAFE_INTEGER;
  try {
    const row = source.prepare(`SELECT max(rowid) AS m FROM "${table}"`).get() as {
      m: number | null;
    };
    maxRowid = row.m ?? 0;
  } catch {
    // An unreadable b-tree edge: search the whole rowid space by halves.
    maxRowid = 2 ** 40;
  }
  let probes = 0;
  const pending: [number, number][] = [[-(2 ** 40), maxRowid]];
  while (pending.length > 0) {
    const range = pending.pop();
    if (!range) break;
    let [from] = range;
    const to = range[1];
    // Read forward in chunks while the range reads cleanly.
    for (;;) {
      let rows: Row[];
      try {
        rows = read(from, to, chunkRows);
      } catch {
        if (from === to) {
          result.unreadable += 1;
          result.failedRanges.push(`rowid ${from}`);
        } else if (probes >= probeBudget) {
          result.failedRanges.push(`rowid ${from}–${to}`);
        } else {
          probes += 1;
          const middle = Math.floor((from + to) / 2);
          pending.push([middle + 1, to], [from, middle]);
        }
        break;
      }
      write(rows);
      const last = rows.at(-1);
      if (rows.length < chunkRows || !last) break;
      from = Number(last.__rowid) + 1;
      if (from > to) break;
    }
  }
  return result;
}

/**
 * A file cut short claims more pages than it has, and SQLite then refuses to read any of it;
 * `writable_schema` (outside defensive mode) makes it read the pages that are there. The
 * connection stays read-only, so neither setting can change the file.
 */
function tolerateShortFile(db: Database.Database): void {
  // better-sqlite3 runs SQLite in defensive mode, which ignores `writable_schema`.
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
}

/**
 * Salvage needs the damaged file's list of tables (its first pages). When even that cannot be
 * read, nothing is touched and the user is sent to the backups instead.
 */
function assertSchemaReadable(file: string): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    tolerateShortFile(db);
    db.prepare('SELECT name, rootpage FROM sqlite_schema').all();
  } catch (error) {
    throw new AppError(
      'corrupt_data',
      'Tệp thư viện hỏng nặng đến mức không đọc được cả danh sách bảng, nên không cứu được bài nào từ nó. Thư viện vẫn giữ nguyên; hãy khôi phục bản sao lưu mới nhất.',
      { cause: error },
    );
  } finally {
    try {
      db?.close();
    } catch {
      // Read-only handle: nothing to write.
    }
  }
}

/**
 * Salvages a damaged library, which must be closed: sets its files aside (renamed into
 * `set-aside/<stamp>-damaged/`), opens that copy read-only (nothing is ever written into it),
 * creates a new library with the current schema and copies every row it can read, table by
 * table, into it. Returns what was copied and what could not be read.
 */
export function salvageLibrary(dataDir: string, now: () => number = Date.now): SalvageReport {
  const paths = libraryPaths(dataDir);
  assertSchemaReadable(paths.database);
  const setAsideDir = setLibraryAside(dataDir, 'damaged', now());
  const damagedFile = path.join(setAsideDir, path.basename(paths.database));
  const { db: target } = openDatabase(paths.database);
  const tables: TableCopy[] = [];
  let source: Database.Database | null = null;
  try {
    if (fs.existsSync(damagedFile))
      source = new Database(damagedFile, { readonly: true, fileMustExist: true });
    if (source) tolerateShortFile(source);
    const from = source;
    target.pragma('foreign_keys = OFF');
    target.transaction(() => {
      // Rows the new library's migrations seeded are replaced by the salvaged ones.
      if (from)
        for (const table of tablesToCopy(target)) tables.push(copyTable(from, target, table));
      // The search index is rebuilt from the salvaged articles by the indexer at start.
      target.prepare('UPDATE articles SET indexed_version = -1').run();
      target.prepare('DELETE FROM article_search').run();
      target.prepare('DELETE FROM article_search_headline').run();
    })();
    target.pragma('foreign_keys = ON');
  } catch (error) {
    target.close();
    throw error;
  } finally {
    source?.close();
  }
  const articleCount = (target.prepare('SELECT count(*) AS n FROM articles').get() as { n: number })
    .n;
  target.close();
  resetMark(dataDir, now());
  tables.sort((a, b) => a.table.localeCompare(b.table));
  return {
    setAsideDir,
    tables,
    copiedRows: tables.reduce((sum, table) => sum + table.copied, 0),
    unreadableRows: tables.reduce((sum, table) => sum + table.unreadable, 0),
    articleCount,
  };
}
