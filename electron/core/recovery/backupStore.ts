import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';

import type { BackupInfo, BackupPlaces, BackupReason } from '../../../shared/domain/recovery';
import { backupReasons } from '../../../shared/domain/recovery';

/**
 * The files of the backup places. A place is a folder holding verified copies of the library
 * (`<stamp>-<reason>.sqlite`, each with a `.json` manifest written only after the copy passed
 * `integrity_check`) and `media/`, a content-addressed mirror of the library's media folder that
 * every copy shares: photo files are named by their SHA-256, so a file already there is never
 * copied again. Rotation keeps the newest 24 copies, the newest of each of the last 14 days and
 * the newest of each of the last 8 weeks.
 */

/** The default place: `backups/` inside the data folder. */
function mainBackupDir(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'backups');
}

/** The folder Newsdesk uses inside a second place the user picked. */
function extraBackupDir(chosen: string): string {
  return path.join(path.resolve(chosen), 'Newsdesk-backups');
}

const placesFile = (dataDir: string): string =>
  path.join(path.resolve(dataDir), 'backup-places.json');

/** Minutes between automatic copies while the library changes (issue 11: 10 by default). */
const defaultIntervalMinutes = 10;

/**
 * Where backups go. Kept in a small file beside the library, not in it, so the recovery screen
 * can find the second place when the library itself cannot be read.
 */
export function readPlaces(dataDir: string): BackupPlaces {
  let extra: string | null = null;
  let interval = defaultIntervalMinutes;
  try {
    const parsed = JSON.parse(fs.readFileSync(placesFile(dataDir), 'utf8')) as {
      extraDir?: unknown;
      intervalMinutes?: unknown;
    };
    if (typeof parsed.extraDir === 'string' && parsed.extraDir.length > 0) extra = parsed.extraDir;
    if (typeof parsed.intervalMinutes === 'number' && parsed.intervalMinutes >= 1)
      interval = parsed.intervalMinutes;
  } catch {
    // No file yet: the defaults.
  }
  return { mainDir: mainBackupDir(dataDir), extraDir: extra, intervalMinutes: interval };
}

/** Saves the second place (null removes it) and the interval. */
export function writePlaces(
  dataDir: string,
  places: { extraDir: string | null; intervalMinutes: number },
): BackupPlaces {
  fs.writeFileSync(placesFile(dataDir), JSON.stringify(places));
  return readPlaces(dataDir);
}

/** The folders to write to and read from, main first. */
export function placeDirs(places: BackupPlaces): { place: BackupInfo['place']; dir: string }[] {
  const dirs: { place: BackupInfo['place']; dir: string }[] = [
    { place: 'main', dir: places.mainDir },
  ];
  if (places.extraDir) dirs.push({ place: 'extra', dir: extraBackupDir(places.extraDir) });
  return dirs;
}

/** A file-name stamp that sorts by time: `2026-12-07T12-10-00-000Z`. */
export function stampOf(at: number): string {
  return new Date(at).toISOString().replace(/[:.]/g, '-');
}

/** What `integrity_check` and a count say about a copy of the library. */
export interface CopyCheck {
  ok: boolean;
  detail: string;
  articleCount: number;
  lastArticleChangeAt: number | null;
}

/** Checks a copy read-only: `integrity_check`, then its article count and newest change. */
export function verifyCopy(file: string): CopyCheck {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const ok = rows.length === 1 && rows[0]?.integrity_check === 'ok';
    const counts = db
      .prepare('SELECT count(*) AS n, max(updated_at) AS last FROM articles')
      .get() as { n: number; last: number | null };
    return {
      ok,
      detail: rows.map((row) => row.integrity_check).join('; '),
      articleCount: counts.n,
      lastArticleChangeAt: counts.last,
    };
  } catch (error) {
    return {
      ok: false,
      detail: error instanceof Error ? error.message : String(error),
      articleCount: 0,
      lastArticleChangeAt: null,
    };
  } finally {
    db?.close();
  }
}

/** Writes a copy's manifest; the copy is listed only once its manifest exists. */
export function writeManifest(dir: string, info: Omit<BackupInfo, 'place'>): void {
  const file = path.join(dir, info.id.replace(/\.sqlite$/, '.json'));
  fs.writeFileSync(file, JSON.stringify(info));
}

function readManifest(dir: string, place: BackupInfo['place'], name: string): BackupInfo | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Record<
      string,
      unknown
    >;
    const id = parsed.id;
    const reason = backupReasons.find((candidate) => candidate === parsed.reason);
    if (
      typeof id !== 'string' ||
      !reason ||
      typeof parsed.createdAt !== 'number' ||
      typeof parsed.sizeBytes !== 'number' ||
      typeof parsed.articleCount !== 'number' ||
      !fs.existsSync(path.join(dir, id))
    )
      return null;
    return {
      id,
      place,
      reason,
      createdAt: parsed.createdAt,
      sizeBytes: parsed.sizeBytes,
      articleCount: parsed.articleCount,
      lastArticleChangeAt:
        typeof parsed.lastArticleChangeAt === 'number' ? parsed.lastArticleChangeAt : null,
      verified: parsed.verified === true,
    };
  } catch {
    return null;
  }
}

/** Every verified copy in the places, newest first. */
export function listBackups(places: BackupPlaces): BackupInfo[] {
  const found: BackupInfo[] = [];
  for (const { place, dir } of placeDirs(places)) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const info = readManifest(dir, place, name);
      if (info?.verified) found.push(info);
    }
  }
  return found.sort((a, b) => b.createdAt - a.createdAt || a.place.localeCompare(b.place));
}

/** The file of a listed copy, or null when it is not (or no longer) there. */
export function backupFile(
  places: BackupPlaces,
  place: BackupInfo['place'],
  id: string,
): string | null {
  if (!/^[\w.-]+\.sqlite$/.test(id)) return null;
  const entry = placeDirs(places).find((candidate) => candidate.place === place);
  if (!entry) return null;
  const file = path.join(entry.dir, id);
  return fs.existsSync(file) ? file : null;
}

/** A week key (weeks since 1970, starting on Monday) for weekly rotation. */
function weekOf(at: number): number {
  return Math.floor((at / 86_400_000 + 3) / 7);
}

/** Which copies rotation keeps: newest 24, newest per day (14 days), newest per week (8). */
export function copiesToKeep(
  copies: readonly { id: string; createdAt: number }[],
  limits = { recent: 24, daily: 14, weekly: 8 },
): Set<string> {
  const sorted = [...copies].sort((a, b) => b.createdAt - a.createdAt);
  const keep = new Set(sorted.slice(0, limits.recent).map((copy) => copy.id));
  const days = new Set<string>();
  const weeks = new Set<number>();
  for (const copy of sorted) {
    const day = new Date(copy.createdAt).toISOString().slice(0, 10);
    if (!days.has(day) && days.size < limits.daily) {
      days.add(day);
      keep.add(copy.id);
    }
    const week = weekOf(copy.createdAt);
    if (!weeks.has(week) && weeks.size < limits.weekly) {
      weeks.add(week);
      keep.add(copy.id);
    }
  }
  return keep;
}

/** Deletes the copies rotation no longer keeps in one place (never the media mirror). */
export function rotate(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const copies = names
    .filter((name) => name.endsWith('.json'))
    .map((name) => readManifest(dir, 'main', name))
    .filter((info): info is BackupInfo => info !== null);
  const keep = copiesToKeep(copies);
  const removed: string[] = [];
  for (const copy of copies) {
    if (keep.has(copy.id)) continue;
    fs.rmSync(path.join(dir, copy.id), { force: true });
    fs.rmSync(path.join(dir, copy.id.replace(/\.sqlite$/, '.json')), { force: true });
    removed.push(copy.id);
  }
  return removed;
}

/**
 * Copies the files of `from` that `to` lacks (same relative path and size = same file: media are
 * named by their SHA-256). A file is copied to a temp name and renamed, so a copy cut short never
 * looks complete, and nothing in `to` is ever overwritten or removed. Returns how many it copied.
 */
export function copyMissingFiles(from: string, to: string): number {
  let copied = 0;
  const walk = (relative: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(from, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = path.join(relative, entry.name);
      if (entry.isDirectory()) {
        walk(rel);
        continue;
      }
      if (!entry.isFile() || entry.name.endsWith('.tmp')) continue;
      const source = path.join(from, rel);
      const destination = path.join(to, rel);
      if (fs.existsSync(destination) && fs.statSync(destination).size === fs.statSync(source).size)
        continue;
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      fs.copyFileSync(source, `${destination}.tmp`);
      fs.renameSync(`${destination}.tmp`, destination);
      copied += 1;
    }
  };
  walk('');
  return copied;
}

/** The shared media mirror of a place. */
export function placeMediaDir(placeDir: string): string {
  return path.join(placeDir, 'media');
}

/** The reason names a copy's file carries. */
export function copyName(at: number, reason: BackupReason): string {
  return `${stampOf(at)}-${reason}.sqlite`;
}
