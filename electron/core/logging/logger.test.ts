import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/support/tempDir';
import { writeCrashReport } from './crashReports';
import { createFileLogger } from './logger';

describe('file logger', () => {
  it('writes JSON lines with module names and serialised errors', () => {
    const dir = tempDir();
    const logger = createFileLogger({ dir }).child('articles');
    logger.error('save failed', { id: 'a1', error: new Error('disk full') });
    const [line] = fs.readFileSync(path.join(dir, 'newsdesk.log'), 'utf8').trim().split('\n');
    const entry = JSON.parse(line ?? '') as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: 'error',
      module: 'articles',
      message: 'save failed',
      id: 'a1',
    });
    expect(entry.error).toMatchObject({ name: 'Error', message: 'disk full' });
  });

  it('rotates by size and keeps a bounded number of files', () => {
    const dir = tempDir();
    const logger = createFileLogger({ dir, maxBytes: 1000, keep: 3 });
    for (let i = 0; i < 200; i += 1) logger.info(`dòng nhật ký số ${i}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['newsdesk.1.log', 'newsdesk.2.log', 'newsdesk.log']);
    for (const file of files)
      expect(fs.statSync(path.join(dir, file)).size).toBeLessThanOrEqual(1000);
    expect(fs.readFileSync(path.join(dir, 'newsdesk.log'), 'utf8')).toContain(
      'dòng nhật ký số 199',
    );
  });

  it('writes a crash report file and a log line', () => {
    const dir = tempDir();
    const logger = createFileLogger({ dir: path.join(dir, 'logs') });
    const file = writeCrashReport(
      path.join(dir, 'crashes'),
      logger,
      'uncaughtException',
      new TypeError('boom'),
    );
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(report).toMatchObject({
      kind: 'uncaughtException',
      error: { name: 'TypeError', message: 'boom' },
    });
    expect(fs.readFileSync(path.join(dir, 'logs', 'newsdesk.log'), 'utf8')).toContain(
      'crash: uncaughtException',
    );
  });
});
