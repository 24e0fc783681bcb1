import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, '../../scripts/check-electron.mjs');

function runCheck(distDir: string): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [script], {
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: distDir },
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr };
}

describe('npm start checks for the Electron binary first', () => {
  it('says in plain words what to do when the binary is missing', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-electron-'));
    const { status, stderr } = runCheck(empty);
    expect(status).toBe(1);
    expect(stderr).toContain('Chưa có chương trình Electron');
    expect(stderr).toContain('npm run web');
    expect(stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('lets the start go on when the binary is there', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'electron-dist-'));
    const name = fs.existsSync(
      path.resolve(import.meta.dirname, '../../node_modules/electron/path.txt'),
    )
      ? fs.readFileSync(
          path.resolve(import.meta.dirname, '../../node_modules/electron/path.txt'),
          'utf8',
        )
      : 'electron';
    fs.mkdirSync(path.dirname(path.join(dist, name)), { recursive: true });
    fs.writeFileSync(path.join(dist, name), '');
    expect(runCheck(dist).status).toBe(0);
  });
});
