import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/support/tempDir';
import { openDatabase } from '../db/open';
import { copiesToKeep } from './backupStore';
import { inspectLibrary } from './inspect';
import { salvageLibrary } from './salvage';

/** A closed library with `count` articles whose bodies fill many pages. */
function libraryWithArticles(count: number): string {
  const dataDir = tempDir();
  const { db } = openDatabase(path.join(dataDir, 'newsdesk.sqlite'));
  const insert = db.prepare(
    "INSERT INTO articles (id, title, body_json, body_text, created_at, updated_at) VALUES (?, ?, '{}', ?, 1, 1)",
  );
  db.transaction(() => {
    for (let i = 0; i < count; i += 1)
      insert.run(`a-${String(i).padStart(5, '0')}`, `Bài ${i}`, 'chữ '.repeat(400));
  })();
  db.close();
  return dataDir;
}

/** Overwrites one page in the middle of the file with garbage. */
function damagePage(file: string, pageNumber: number): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (pageNumber - 1) * pageSize);
  fs.closeSync(fd);
}

describe('salvage', () => {
  it('copies every readable row into a new library, reports the rest, and never writes the damaged file', () => {
    const dataDir = libraryWithArticles(400);
    const file = path.join(dataDir, 'newsdesk.sqlite');
    const pages = fs.statSync(file).size / 4096;
    damagePage(file, Math.floor(pages / 2));
    const damagedBytes = fs.readFileSync(file);

    const inspection = inspectLibrary(dataDir, { forceCheck: true });
    expect(inspection.status.kind).toBe('damaged');

    const report = salvageLibrary(dataDir);
    const articles = report.tables.find((table) => table.table === 'articles');
    expect(articles?.copied).toBeGreaterThan(350);
    expect((articles?.copied ?? 0) + (articles?.unreadable ?? 0)).toBeLessThanOrEqual(400);
    expect(articles?.failedRanges.length).toBeGreaterThan(0);
    expect(report.articleCount).toBe(articles?.copied);
    // The damaged file is set aside byte for byte.
    expect(
      fs.readFileSync(path.join(report.setAsideDir, 'newsdesk.sqlite')).equals(damagedBytes),
    ).toBe(true);
    // The new library is sound and opens.
    expect(inspectLibrary(dataDir, { forceCheck: true }).status).toEqual({ kind: 'ok' });
  });

  it('salvages a file cut short at the end, or cut in half, and refuses (touching nothing) when even the table list is gone', () => {
    const dataDir = libraryWithArticles(300);
    const file = path.join(dataDir, 'newsdesk.sqlite');
    fs.truncateSync(file, fs.statSync(file).size - 40 * 4096);
    expect(inspectLibrary(dataDir, { forceCheck: true }).status.kind).toBe('damaged');
    const report = salvageLibrary(dataDir);
    expect(report.articleCount).toBeGreaterThan(150);
    expect(report.articleCount).toBeLessThan(300);
    expect(inspectLibrary(dataDir, { forceCheck: true }).status).toEqual({ kind: 'ok' });

    const halved = libraryWithArticles(300);
    const halvedFile = path.join(halved, 'newsdesk.sqlite');
    fs.truncateSync(halvedFile, Math.floor(fs.statSync(halvedFile).size / 2));
    const fromHalf = salvageLibrary(halved);
    expect(fromHalf.articleCount).toBeGreaterThan(0);
    expect(
      fromHalf.unreadableRows + fromHalf.tables.flatMap((t) => t.failedRanges).length,
    ).toBeGreaterThan(0);

    const headless = libraryWithArticles(10);
    const headlessFile = path.join(headless, 'newsdesk.sqlite');
    damagePage(headlessFile, 1);
    const before = fs.readFileSync(headlessFile);
    expect(() => salvageLibrary(headless)).toThrow(/không đọc được cả danh sách bảng/);
    expect(fs.readFileSync(headlessFile).equals(before)).toBe(true);
  });
});

describe('backup rotation', () => {
  it('keeps the newest 24, one per day for 14 days and one per week for 8 weeks', () => {
    const start = Date.UTC(2026, 0, 1);
    // One copy every 10 minutes for 90 days.
    const copies = Array.from({ length: 90 * 144 }, (_, i) => ({
      id: `c${i}`,
      createdAt: start + i * 600_000,
    }));
    const keep = copiesToKeep(copies);
    const kept = copies.filter((copy) => keep.has(copy.id));
    expect(kept.length).toBeLessThanOrEqual(24 + 14 + 8);
    expect(kept.length).toBeGreaterThanOrEqual(24 + 13 + 5);
    const newest = copies.slice(-24).map((copy) => copy.id);
    for (const id of newest) expect(keep.has(id)).toBe(true);
    const oldestKept = Math.min(...kept.map((copy) => copy.createdAt));
    const lastAt = copies.at(-1)?.createdAt ?? 0;
    expect(lastAt - oldestKept).toBeGreaterThan(6 * 7 * 86_400_000);
  });
});
