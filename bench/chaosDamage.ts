import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';

import { canMount, databaseOf, mountTmpfs } from '../tests/e2e/support/libraryFiles';
import { startWebShell } from '../tests/e2e/support/webShell';
import type { Ledger, RestartReport, Verdict } from './chaosCheck';
import { copyLedger, judge, newLedger, restartAndCheck } from './chaosCheck';
import { preparePhotos, saveArticle } from './chaosKills';
import { call } from './chaosShell';

/*
 * File damage for the chaos benchmark: a library with a verified backup, more work after it and a
 * SIGKILL, copied per run and damaged the way disks and people damage files.
 */

/** The kinds of file damage. */
export const damageKinds = [
  'truncate',
  'flipPages',
  'deleteWal',
  'deleteShm',
  'readOnlyFolder',
  'fullDisk',
] as const;

/** One of the damage kinds. */
export type DamageKind = (typeof damageKinds)[number];

/** The prepared library every damage run starts from. */
export interface DamageBase {
  dir: string;
  /** Everything confirmed saved. */
  ledger: Ledger;
  /** What the newest backup holds (confirmed before it was taken). */
  upToBackup: Ledger;
}

/** Builds the base library through the real shell: work, a backup, more work, SIGKILL. */
export async function prepareDamageBase(dir: string, random: () => number): Promise<DamageBase> {
  const ledger = newLedger();
  const shell = await startWebShell(dir);
  for (let i = 0; i < 8; i += 1)
    await saveArticle(shell, ledger, `Bài trước sao lưu ${i}`, `Nội dung bài số ${i} `.repeat(300));
  await preparePhotos(shell, ledger, random);
  await call(shell, 'backups.create', {});
  const upToBackup = copyLedger(ledger);
  for (let i = 0; i < 4; i += 1)
    await saveArticle(
      shell,
      ledger,
      `Bài sau sao lưu ${i}`,
      `Viết thêm sau bản sao ${i} `.repeat(200),
    );
  await shell.stop('SIGKILL');
  return { dir, ledger, upToBackup };
}

/** What a damage run found, plus what the app said before the user fixed the folder. */
export interface DamageResult {
  verdict: Verdict;
  /** For folder trouble: what the app said before the folder was fixed. */
  folderSaid: RestartReport | null;
  /** How the file was damaged, for the run's line. */
  note: string;
}

async function settle(report: RestartReport, base: DamageBase): Promise<Verdict> {
  try {
    return await judge(report, base.upToBackup);
  } finally {
    await report.shell?.stop();
  }
}

/** Copies the base into `runDir`, damages it and restarts the real shell on it. */
export async function runDamage(
  kind: DamageKind,
  base: DamageBase,
  runDir: string,
  random: () => number,
): Promise<DamageResult> {
  if (kind === 'readOnlyFolder' || kind === 'fullDisk') return folderTrouble(kind, base, runDir);
  fs.cpSync(base.dir, runDir, { recursive: true });
  const file = databaseOf(runDir);
  // Half the runs hit a file whose WAL was merged (as after a clean quit), half a file with the
  // last commits still in its WAL (as after a crash).
  let note = '';
  if ((kind === 'truncate' || kind === 'flipPages') && random() < 0.5) {
    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    note = 'WAL merged first; ';
  }
  if (kind === 'truncate') {
    const size = fs.statSync(file).size;
    const keep = Math.floor(size * (0.2 + random() * 0.7));
    fs.truncateSync(file, keep);
    note += `cut ${size} → ${keep} bytes`;
  } else if (kind === 'flipPages') {
    note += `pages ${flipRandomPages(file, random).join(', ')} overwritten`;
  } else if (kind === 'deleteWal') {
    fs.rmSync(`${file}-wal`, { force: true });
  } else {
    fs.rmSync(`${file}-shm`, { force: true });
  }
  const report = await restartAndCheck(runDir, base.ledger, base.upToBackup);
  return { verdict: await settle(report, base), folderSaid: null, note };
}

/** Overwrites 1–3 random pages of the file with random bytes (a bad sector, a stray write). */
function flipRandomPages(file: string, random: () => number): number[] {
  const hit: number[] = [];
  const pageSize = 4096;
  const pages = Math.floor(fs.statSync(file).size / pageSize);
  const fd = fs.openSync(file, 'r+');
  try {
    const count = 1 + Math.floor(random() * 3);
    for (let n = 0; n < count; n += 1) {
      // Page 1 holds the header and schema; any page may be hit, the first included.
      const page = Math.floor(random() * pages);
      hit.push(page + 1);
      const bytes = Buffer.alloc(pageSize);
      fs.readSync(fd, bytes, 0, pageSize, page * pageSize);
      for (let i = 0; i < pageSize; i += 1) bytes[i] = (bytes[i] ?? 0) ^ Math.floor(random() * 256);
      fs.writeSync(fd, bytes, 0, pageSize, page * pageSize);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return hit;
}

async function folderTrouble(
  kind: 'readOnlyFolder' | 'fullDisk',
  base: DamageBase,
  runDir: string,
): Promise<DamageResult> {
  if (!canMount()) throw new Error(`${kind} needs root (mount)`);
  if (kind === 'readOnlyFolder') {
    fs.cpSync(base.dir, runDir, { recursive: true });
    execFileSync('mount', ['--bind', runDir, runDir]);
    execFileSync('mount', ['-o', 'remount,bind,ro', runDir]);
    let folderSaid: RestartReport;
    try {
      folderSaid = await restartAndCheck(runDir, base.ledger, base.upToBackup);
      await folderSaid.shell?.stop();
    } finally {
      execFileSync('umount', ['-l', runDir]);
    }
    // The user makes the folder writable again and starts Newsdesk.
    const report = await restartAndCheck(runDir, base.ledger, base.upToBackup);
    return { verdict: await settle(report, base), folderSaid, note: '' };
  }
  const unmount = mountTmpfs(runDir, 'size=48m');
  try {
    fs.cpSync(base.dir, runDir, { recursive: true });
    const filler = path.join(runDir, 'filler.bin');
    const fd = fs.openSync(filler, 'w');
    try {
      const block = Buffer.alloc(64 * 1024, 1);
      for (;;) fs.writeSync(fd, block);
    } catch {
      // ENOSPC: the disk is full.
    } finally {
      fs.closeSync(fd);
    }
    const folderSaid = await restartAndCheck(runDir, base.ledger, base.upToBackup);
    await folderSaid.shell?.stop();
    // The user frees space and starts Newsdesk again.
    fs.rmSync(filler);
    const report = await restartAndCheck(runDir, base.ledger, base.upToBackup);
    return { verdict: await settle(report, base), folderSaid, note: '' };
  } finally {
    unmount();
  }
}
