import fs from 'node:fs';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import type { BackupInfo, BackupPlaces, BackupReason } from '../../../shared/domain/recovery';
import { AppError } from '../../../shared/errors/appError';
import type { Logger } from '../logging/logger';
import {
  copyMissingFiles,
  copyName,
  listBackups,
  placeDirs,
  placeMediaDir,
  readPlaces,
  rotate,
  verifyCopy,
  writeManifest,
  writePlaces,
} from './backupStore';
import { readCommitCounter } from './commitMark';

/** A day, for the daily copy. */
const dayMs = 24 * 60 * 60 * 1000;

/** The automatic backups of an open library and the calls Settings makes about them. */
export interface BackupDesk {
  /** Takes a verified copy now (into every place) and rotates; resolves with the main copy. */
  backupNow(reason: BackupReason): Promise<BackupInfo>;
  /** Every verified copy, newest first. */
  list(): BackupInfo[];
  places(): BackupPlaces;
  /** Sets (or clears) the second place; it must be a folder that can be written. */
  setPlaces(input: { extraDir: string | null; intervalMinutes?: number }): BackupPlaces;
  /** The copy due now, if any: one after changes (every interval) or the daily one. */
  tick(): Promise<BackupInfo | null>;
  /** Stops the timer and (unless told not to) takes the quit copy if the library changed. */
  close(takeQuitCopy?: boolean): Promise<void>;
}

/**
 * Online backups with SQLite's backup API (better-sqlite3 `backup()`), so the app keeps running
 * while a consistent copy is taken: every `intervalMinutes` while the library changes, once a
 * day, and on quit. Each copy is written under a temp name, checked with `integrity_check`, and
 * listed only then; media files go once into the place's shared mirror.
 */
export function createBackupDesk(options: {
  db: Database;
  dataDir: string;
  mediaDir: string;
  logger: Logger;
  now: () => number;
  /** Start the interval timer (the shells do; tests drive `tick`). */
  schedule?: boolean;
}): BackupDesk {
  const { db, dataDir, mediaDir, logger, now } = options;
  const newest = listBackups(readPlaces(dataDir))[0];
  let lastCounter: number | null = newest ? newestCounter(readPlaces(dataDir).mainDir) : null;
  let running: Promise<unknown> = Promise.resolve();
  let closed = false;

  const copyOnce = async (reason: BackupReason): Promise<BackupInfo> => {
    const places = readPlaces(dataDir);
    const at = now();
    const name = copyName(at, reason);
    const counter = readCommitCounter(db) ?? 0;
    let mainInfo: BackupInfo | null = null;
    const failures: string[] = [];
    for (const { place, dir } of placeDirs(places)) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, name);
        const partial = `${file}.partial`;
        if (place === 'main' || !mainInfo) await db.backup(partial);
        else fs.copyFileSync(path.join(places.mainDir, name), partial);
        const check = verifyCopy(partial);
        if (!check.ok) {
          fs.rmSync(partial, { force: true });
          throw new Error(`integrity_check: ${check.detail}`);
        }
        fs.renameSync(partial, file);
        const info: BackupInfo = {
          id: name,
          place,
          createdAt: at,
          reason,
          sizeBytes: fs.statSync(file).size,
          articleCount: check.articleCount,
          lastArticleChangeAt: check.lastArticleChangeAt,
          verified: true,
        };
        writeManifest(dir, { ...info, commitCounter: counter } as Omit<BackupInfo, 'place'>);
        copyMissingFiles(mediaDir, placeMediaDir(dir));
        rotate(dir);
        if (place === 'main') mainInfo = info;
      } catch (error) {
        logger.error('backup failed', { place, dir, error });
        failures.push(dir);
      }
    }
    if (!mainInfo)
      throw new AppError(
        'storage_failed',
        `Không sao lưu được thư viện vào «${failures.join('», «')}». Hãy kiểm tra ổ đĩa còn chỗ trống và quyền ghi, rồi bấm «Sao lưu ngay» lại.`,
      );
    lastCounter = counter;
    logger.info('backup taken', { reason, id: name, failures });
    return mainInfo;
  };

  const backupNow = (reason: BackupReason): Promise<BackupInfo> => {
    const next = running.then(() => copyOnce(reason));
    running = next.catch(() => undefined);
    return next;
  };

  const tick = async (): Promise<BackupInfo | null> => {
    if (closed || !db.open) return null;
    const latest = listBackups(readPlaces(dataDir))[0];
    if (!latest || now() - latest.createdAt >= dayMs) return backupNow('daily');
    const counter = readCommitCounter(db);
    if (counter !== null && counter !== lastCounter) return backupNow('auto');
    return null;
  };

  let timer: NodeJS.Timeout | null = null;
  if (options.schedule) {
    timer = setInterval(
      () => {
        tick().catch((error: unknown) => logger.error('scheduled backup failed', { error }));
      },
      readPlaces(dataDir).intervalMinutes * 60_000,
    );
    timer.unref();
  }

  return {
    backupNow,
    list: () => listBackups(readPlaces(dataDir)),
    places: () => readPlaces(dataDir),
    setPlaces(input) {
      const current = readPlaces(dataDir);
      if (input.extraDir) {
        const dir = path.resolve(input.extraDir);
        try {
          fs.mkdirSync(dir, { recursive: true });
          fs.accessSync(dir, fs.constants.W_OK);
        } catch {
          throw new AppError(
            'invalid_input',
            `Không ghi được vào thư mục «${dir}». Hãy chọn một thư mục có quyền ghi (ổ khác, USB hoặc thư mục mạng đã kết nối).`,
          );
        }
      }
      return writePlaces(dataDir, {
        extraDir: input.extraDir ? path.resolve(input.extraDir) : null,
        intervalMinutes: input.intervalMinutes ?? current.intervalMinutes,
      });
    },
    tick,
    async close(takeQuitCopy = true) {
      closed = true;
      if (timer) clearInterval(timer);
      await running;
      if (!takeQuitCopy || !db.open) return;
      const counter = readCommitCounter(db);
      if (counter !== null && counter !== lastCounter) {
        await copyOnce('quit').catch((error: unknown) =>
          logger.error('quit backup failed', { error }),
        );
      }
    },
  };
}

function newestCounter(dir: string): number | null {
  try {
    const names = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort();
    const last = names.at(-1);
    if (!last) return null;
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, last), 'utf8')) as {
      commitCounter?: unknown;
    };
    return typeof parsed.commitCounter === 'number' ? parsed.commitCounter : null;
  } catch {
    return null;
  }
}
