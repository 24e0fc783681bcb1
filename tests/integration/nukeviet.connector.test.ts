/**
 * The NukeViet connector's files: every PHP file (connector and harness) passes `php -l`; the
 * files sit where NukeViet looks for module APIs, and the grant screen would list the five
 * Newsdesk classes with their titles, grouped under "newsdesk", for module admins.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  CONNECTOR_APIS,
  CONNECTOR_DIR,
  phpUnavailableReason,
  startNukeVietHarness,
  type NukeVietHarness,
} from '../support/nukeviet-harness/harness';

const skipReason = phpUnavailableReason();
if (skipReason !== null) {
  console.warn(`\n!!! NukeViet integration tests SKIPPED: ${skipReason} !!!\n`);
}

const HARNESS_DIR = fileURLToPath(new URL('../support/nukeviet-harness/', import.meta.url));

function phpFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.php'))
    .map((f) => path.join(dir, f))
    .sort();
}

describe.skipIf(skipReason !== null)('NukeViet connector files', () => {
  let harness: NukeVietHarness;

  beforeAll(async () => {
    harness = await startNukeVietHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  // -n: no php.ini, so no extensions to load; a syntax check needs none.
  it('every connector and harness PHP file passes php -l', () => {
    const files = [...phpFiles(CONNECTOR_DIR), ...phpFiles(HARNESS_DIR)];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const lint = spawnSync('php', ['-n', '-l', file], { encoding: 'utf8' });
      expect(`${path.relative(CONNECTOR_DIR, file)}: ${lint.stdout.trim()}${lint.stderr}`).toMatch(
        /No syntax errors detected/u,
      );
    }
  });

  it('ships the API classes in modules/news/Api, one class per file, namespaced by module', () => {
    for (const api of CONNECTOR_APIS) {
      const source = fs.readFileSync(
        path.join(CONNECTOR_DIR, 'modules/news/Api', `${api}.php`),
        'utf8',
      );
      expect(source).toContain('namespace NukeViet\\Module\\news\\Api;');
      expect(source).toContain(`class ${api} extends Endpoint`);
    }
  });

  it('install.sql creates the same tables the connector creates on its first call', () => {
    const sql = fs.readFileSync(path.join(CONNECTOR_DIR, 'install.sql'), 'utf8');
    const schema = fs.readFileSync(
      path.join(CONNECTOR_DIR, 'modules/news/Api/Newsdesk/Schema.php'),
      'utf8',
    );
    const columns = sql
      .split('\n')
      .filter(
        (line) => /^ {2}[a-z_0-9]+ [a-z]+\(/u.test(line) || /^ {2}(PRIMARY )?KEY /u.test(line),
      )
      .map((line) => line.trim().replace(/,$/u, ''));
    expect(columns).toHaveLength(16);
    for (const column of columns) expect(schema).toContain(column);
  });

  it('reserves an image file name before moving the upload, so parallel uploads never share one', () => {
    // Two uploads of different photos named alike, both past the name check before either is
    // moved: the second must get name_1, not the same name (it would overwrite the first photo).
    const dir = fs.mkdtempSync(path.join(harness.siteDir, 'names-'));
    const store = path.join(CONNECTOR_DIR, 'modules/news/Api/Newsdesk/ImageStore.php');
    const script = [
      "define('NV_MAINFILE', true);",
      `require ${JSON.stringify(store)};`,
      '$a = NukeViet\\Module\\news\\Api\\Newsdesk\\ImageStore::uniqueName($argv[1], "anh", "jpg");',
      '$b = NukeViet\\Module\\news\\Api\\Newsdesk\\ImageStore::uniqueName($argv[1], "anh", "jpg");',
      'echo json_encode([$a, $b]);',
    ].join('\n');
    const run = spawnSync('php', ['-r', script, dir], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(['anh.jpg', 'anh_1.jpg']);
    expect(fs.readdirSync(dir).sort()).toEqual(['anh.jpg', 'anh_1.jpg']);
  });

  it('the grant screen lists the five classes with Vietnamese titles', () => {
    const listed = spawnSync('php', [path.join(HARNESS_DIR, 'list-apis.php')], {
      encoding: 'utf8',
      env: { ...process.env, NV_HARNESS_SITE: harness.siteDir },
    });
    expect(listed.stderr).toBe('');
    const apis = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    expect(apis.map((a) => a.class).sort()).toEqual([...CONNECTOR_APIS].sort());
    for (const api of apis) {
      expect(api).toMatchObject({
        module: 'news',
        implements_iapi: true,
        admin_lev: 3,
        cat: 'newsdesk',
        cat_title: 'Newsdesk (bàn biên tập)',
      });
      expect(api.title).toEqual(expect.stringMatching(/^Newsdesk: /u));
    }
  });
});
