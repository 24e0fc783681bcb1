import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/support/tempDir';
import { openDatabase } from './open';

const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');

/** Runs a second Node process that tries to open the same library, as a second app instance would. */
function openFromAnotherProcess(file: string): string {
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)});
    const db = new Database(${JSON.stringify(file)}, { timeout: 100 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
      db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?)').run('intruder', '1');
      process.stdout.write('wrote');
    } catch (error) {
      process.stdout.write(error.code);
    }`;
  return execFileSync(process.execPath, ['-e', script]).toString();
}

describe('openDatabase', () => {
  it('holds the library exclusively: another process can neither read nor write it', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    const { db } = openDatabase(file);
    expect(openFromAnotherProcess(file)).toBe('SQLITE_BUSY');
    db.close();
    expect(openFromAnotherProcess(file)).toBe('wrote');
  });

  it('reports library_locked when the library is held by another process', () => {
    const file = path.join(tempDir(), 'lib.sqlite');
    openDatabase(file).db.close();
    const holder = `
      const Database = require(${JSON.stringify(betterSqlite)});
      const db = new Database(${JSON.stringify(file)});
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
      db.prepare('SELECT count(*) FROM articles').get();
      process.stdout.write('held\\n');
      setTimeout(() => {}, 10000);`;
    const child = spawn(process.execPath, ['-e', holder], { stdio: ['ignore', 'pipe', 'inherit'] });
    return new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => {
        try {
          expect(() => openDatabase(file, { lockedMessage: 'đang bận' })).toThrow(
            expect.objectContaining({ code: 'library_locked', userMessage: 'đang bận' }),
          );
          resolve();
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        } finally {
          child.kill('SIGKILL');
        }
      });
    });
  });
});
