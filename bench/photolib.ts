/**
 * `npm run bench:photolib`: Kho ảnh at newsroom scale (issue 16 point 5).
 *   photo_search_p95_ms        `photos.search` (a grid page of 120) over 10,000 photos
 *   photo_filter_p95_ms        `photos.list` with an event and caption filter, same library
 *   import_images_per_s        200 distinct 12 MP JPEGs imported (probe, SHA-256, copy, perceptual
 *                              hash, thumbnail) into that 10,000-photo library, with the rate of
 *                              the first and last quarter (it must not slow as the library grows)
 *   import_cli_images_per_s    ImageMagick (`jpeg:size` hint, one process per core) making the same
 *                              320 px thumbnails of the same files in the same run
 *   grid_open_ms_10k           click on «Kho ảnh» → first tiles on screen, real Chromium
 *   grid_scroll_longest_task_ms  longest main-thread task while scrolling top to bottom
 *   grid_dom_nodes_bottom      DOM nodes in the grid at the bottom (virtualised: a screenful)
 *   grid_search_ms             typing a query in the search box → the grid shows the matches
 * The library's rows are written straight into SQLite (bench/photolibCorpus.ts) with a thumbnail
 * file each; the import runs on real photos. NEWSDESK_BENCH_SMOKE=1 runs everything small (CI).
 * Prints figures; asserts nothing about speed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';

import { createCore } from '../electron/core/app/createCore';
import type { Core } from '../electron/core/app/createCore';
import { openDatabase } from '../electron/core/db/open';
import { libraryPaths } from '../electron/core/library/libraryPaths';
import { createNullLogger } from '../electron/core/logging/logger';
import { sourcePhotoWorkerUrl } from '../electron/core/photos/batch/sourceWorker';
import { createPhotoLibrary } from '../electron/core/photos/library/photoLibrary';
import type { CallInput, CallName, CallOutput } from '../shared/contract/calls';
import { launchChromium } from '../tests/e2e/support/browser';
import { e2eAdmin, startWebShell } from '../tests/e2e/support/webShell';
import { ensureCorpus } from './corpus';
import { percentile } from './editorCorpus';
import { distinctCopies, fillPhotoLibrary, photoQueries } from './photolibCorpus';
import { findImageMagick } from './tools';

const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'tests/fixtures/photos');
const smoke = process.env.NEWSDESK_BENCH_SMOKE === '1';
const size = smoke
  ? { photos: 200, imports: 4, rounds: 1 }
  : { photos: Number(process.env.BENCH_PHOTOS ?? 10_000), imports: 200, rounds: 10 };
const only = process.env.BENCH_ONLY;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-photolib-'));
const cores = Math.max(1, os.availableParallelism());
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const run = promisify(execFile);

async function call<K extends CallName>(
  core: Core,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input, { shell: 'browser' });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

async function openCore(dataDir: string): Promise<Core> {
  const core = createCore({
    dataDir,
    shell: 'browser',
    appVersion: 'bench',
    logger: createNullLogger(),
    photoWorkerUrl: sourcePhotoWorkerUrl,
  });
  if ((await call(core, 'auth.status', {})).hasAccounts) {
    await call(core, 'auth.signIn', { userName: e2eAdmin.userName, password: e2eAdmin.password });
  } else {
    await call(core, 'auth.setupAdmin', e2eAdmin);
  }
  return core;
}

async function buildLibrary(dataDir: string): Promise<void> {
  await (await openCore(dataDir)).close();
  const paths = libraryPaths(dataDir);
  const { db } = openDatabase(paths.database);
  const started = performance.now();
  await fillPhotoLibrary(db, paths.media, size.photos, path.join(fixtures, 'storm-canon-400d.jpg'));
  db.close();
  log(
    `library: ${size.photos} photos written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

async function benchQueries(dataDir: string): Promise<{ search: number; filter: number }> {
  const core = await openCore(dataDir);
  const search: number[] = [];
  const filter: number[] = [];
  const matches: number[] = [];
  const events = await call(core, 'photos.events', {});
  for (let round = 0; round < size.rounds; round += 1) {
    for (const query of photoQueries) {
      const started = performance.now();
      const found = await call(core, 'photos.search', { query, limit: 120 });
      search.push(performance.now() - started);
      if (round === 0) matches.push(found.total);
    }
    for (const entry of events) {
      const started = performance.now();
      await call(core, 'photos.list', { event: entry.event, captioned: true, limit: 120 });
      filter.push(performance.now() - started);
    }
  }
  await core.close();
  log(
    `search: ${search.length} queries, median ${percentile(search, 50).toFixed(2)} ms, p95 ${percentile(search, 95).toFixed(2)} ms; ` +
      `matches per query median ${percentile(matches, 50)} max ${Math.max(...matches)}`,
  );
  log(`filter: ${filter.length} lists, p95 ${percentile(filter, 95).toFixed(2)} ms`);
  return { search: percentile(search, 95), filter: percentile(filter, 95) };
}

async function benchImport(
  dataDir: string,
  files: string[],
): Promise<{ rate: number; first: number; last: number }> {
  const paths = libraryPaths(dataDir);
  const { db } = openDatabase(paths.database);
  const library = createPhotoLibrary({
    db,
    mediaDir: paths.media,
    logger: createNullLogger(),
    now: () => Date.now(),
  });
  const stamps: number[] = [];
  const started = performance.now();
  const result = await library.importFiles(files, {
    event: 'Bench',
    onProgress: () => stamps.push(performance.now()),
  });
  // Until the grid has every thumbnail: the old import left them to a background pass.
  await library.ensureThumbnails(result.imported.map((photo) => photo.id));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  if (result.imported.length !== files.length) {
    throw new Error(
      `imported ${result.imported.length} of ${files.length}: ${JSON.stringify(result.failed)}`,
    );
  }
  const quarter = Math.max(1, Math.floor(files.length / 4));
  const rateOf = (from: number, to: number): number =>
    (to - from) /
    (((stamps[to - 1] ?? 0) - (from === 0 ? started : (stamps[from - 1] ?? 0))) / 1000);
  const first = rateOf(0, quarter);
  const last = rateOf(files.length - quarter, files.length);
  log(
    `import: ${files.length} photos in ${seconds.toFixed(1)} s (${(files.length / seconds).toFixed(2)}/s; ` +
      `first quarter ${first.toFixed(2)}/s, last ${last.toFixed(2)}/s), ${result.nearDuplicates.length} near-duplicate pairs`,
  );
  return { rate: files.length / seconds, first, last };
}

/** ImageMagick making the same 320 px thumbnails, one process per core (no WebP in this build). */
async function benchCli(files: string[]): Promise<number> {
  const magick = findImageMagick();
  if (!magick.available) {
    log(`ImageMagick: ${magick.reason}`);
    return NaN;
  }
  const out = path.join(work, 'cli');
  fs.mkdirSync(out, { recursive: true });
  const env = { ...process.env, MAGICK_THREAD_LIMIT: '1', OMP_NUM_THREADS: '1' };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: cores }, async () => {
      while (next < files.length) {
        const file = files[next] ?? '';
        next += 1;
        const target = path.join(out, `${path.basename(file)}-320.jpg`);
        const args = [
          '-define',
          'jpeg:size=640x640',
          file,
          '-auto-orient',
          '-thumbnail',
          '320x320',
          '-quality',
          '72',
          target,
        ];
        await run(magick.command, args, { env });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  log(
    `${magick.version}: ${files.length} thumbnails in ${seconds.toFixed(1)} s (${(files.length / seconds).toFixed(2)}/s)`,
  );
  return files.length / seconds;
}

interface GridFigures {
  open: number;
  longestTask: number;
  longestFrameGap: number;
  domNodes: number;
  search: number;
}

async function benchGrid(dataDir: string): Promise<GridFigures> {
  const shell = await startWebShell(dataDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    await page.goto(shell.url);
    await page.getByTestId('nav-photos').waitFor();
    const open = await page.evaluate<number>(`new Promise((resolve) => {
      const started = performance.now();
      document.querySelector('[data-testid="nav-photos"]').click();
      const check = () => {
        if (document.querySelector('[data-testid="photo-tile"][data-id]')) {
          requestAnimationFrame(() => resolve(performance.now() - started));
        } else requestAnimationFrame(check);
      };
      check();
    })`);
    await page.waitForFunction(
      `document.querySelector('[data-testid="photo-count"]')?.textContent.includes('${size.photos}')`,
    );
    // Scroll top to bottom as an editor flicking the wheel would (a screenful per frame), then
    // drag to the middle and back to the top; long tasks and frame gaps are recorded throughout.
    const scroll = await page.evaluate<{
      longestTask: number;
      longestFrameGap: number;
      domNodes: number;
    }>(`new Promise((resolve) => {
      const grid = document.querySelector('[data-testid="photo-grid"]');
      let longestTask = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
      });
      observer.observe({ type: 'longtask' });
      let last = performance.now();
      let longestFrameGap = 0;
      let domNodes = 0;
      const step = grid.clientHeight;
      const plan = [];
      for (let top = step; top < grid.scrollHeight; top += step) plan.push(top);
      plan.push(grid.scrollHeight);
      const bottom = plan.length;
      plan.push(Math.floor(grid.scrollHeight / 2), 0);
      let index = 0;
      let settle = 0;
      const frame = (now) => {
        longestFrameGap = Math.max(longestFrameGap, now - last);
        last = now;
        if (index === bottom && settle === 0) domNodes = grid.querySelectorAll('*').length;
        if (index < plan.length) {
          grid.scrollTop = plan[index];
          index += 1;
          requestAnimationFrame(frame);
        } else if (settle < 30) {
          settle += 1;
          requestAnimationFrame(frame);
        } else {
          setTimeout(() => { observer.disconnect(); resolve({ longestTask, longestFrameGap, domNodes }); }, 200);
        }
      };
      requestAnimationFrame((now) => { last = now; requestAnimationFrame(frame); });
    })`);
    const searchBox = page.getByTestId('photo-search');
    const search =
      (await searchBox.count()) === 0
        ? NaN
        : await (async () => {
            await searchBox.focus();
            return page.evaluate<number>(`new Promise((resolve) => {
        const box = document.querySelector('[data-testid="photo-search"]');
        const count = document.querySelector('[data-testid="photo-count"]');
        const before = count.textContent;
        const started = performance.now();
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        setter.call(box, 'ha noi');
        box.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => {
          if (count.textContent !== before) requestAnimationFrame(() => resolve(performance.now() - started));
          else requestAnimationFrame(check);
        };
        check();
      })`);
          })();
    log(
      `grid: open ${open.toFixed(1)} ms; scrolling: longest task ${scroll.longestTask.toFixed(0)} ms, ` +
        `longest frame gap ${scroll.longestFrameGap.toFixed(0)} ms, ${scroll.domNodes} DOM nodes in the grid at the bottom; search ${search.toFixed(1)} ms`,
    );
    return { open, ...scroll, search };
  } finally {
    await browser.close();
    await shell.stop();
  }
}

async function main(): Promise<void> {
  if ((only === undefined || only === 'grid') && !fs.existsSync(path.join(root, 'out/main/web.js')))
    throw new Error('run `npm run build` first');
  const dataDir = path.join(work, 'library');
  await buildLibrary(dataDir);
  const figures: Array<[string, number]> = [];
  if (only === undefined || only === 'queries') {
    const queries = await benchQueries(dataDir);
    figures.push(['photo_search_p95_ms', queries.search], ['photo_filter_p95_ms', queries.filter]);
  }
  if (only === undefined || only === 'grid') {
    const grid = await benchGrid(dataDir);
    figures.push(
      ['grid_open_ms_10k', grid.open],
      ['grid_scroll_longest_task_ms', grid.longestTask],
      ['grid_scroll_longest_frame_gap_ms', grid.longestFrameGap],
      ['grid_dom_nodes_bottom', grid.domNodes],
      ['grid_search_ms', grid.search],
    );
  }
  if (only === undefined || only === 'import') {
    const sources = smoke
      ? fs
          .readdirSync(fixtures)
          .filter((name) => name.endsWith('.jpg'))
          .sort()
          .map((name) => path.join(fixtures, name))
      : (await ensureCorpus(40)).map((photo) => photo.file);
    const files = distinctCopies(sources, size.imports, path.join(work, 'import'));
    const cli = await benchCli(files);
    const imported = await benchImport(dataDir, files);
    figures.push(
      ['import_images_per_s', imported.rate],
      ['import_first_quarter_per_s', imported.first],
      ['import_last_quarter_per_s', imported.last],
      ['import_cli_images_per_s', cli],
      ['import_ratio_vs_cli', imported.rate / cli],
    );
  }
  fs.rmSync(work, { recursive: true, force: true });
  log(
    `machine: ${cores} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (smoke) process.stdout.write('(smoke size: figures prove the benchmark runs, not speed)\n');
  for (const [name, value] of figures) process.stdout.write(`FIGURE ${name} ${value.toFixed(2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
