/**
 * `npm run bench:editor`: the writing desk's speed figures.
 *   keystroke_p95_ms  keydown → next frame in Chromium, 10,000-word article with 30 figures,
 *                     autosave and spellcheck running (typing with pauses so both do run)
 *   autosave_ms       median main-side time of `articles.save` for that article
 *   search_p95_ms     `articles.search` over 50,000 generated articles
 *   list_open_ms      first `articles.list` after opening that library
 * Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import Database from 'better-sqlite3';

import { createCore } from '../electron/core/app/createCore';
import type { Core } from '../electron/core/app/createCore';
import { indexArticle } from '../electron/core/db/queries/articleSearch';
import { insertArticle } from '../electron/core/db/queries/articles';
import { createNullLogger } from '../electron/core/logging/logger';
import { sourcePhotoWorkerUrl } from '../electron/core/photos/batch/sourceWorker';
import type { CallInput, CallName, CallOutput } from '../shared/contract/calls';
import { docToPlainText, emptyMeta } from '../shared/domain/article';
import { countWords } from '../shared/vietnamese/counts';
import { slugify } from '../shared/vietnamese/slug';
import { launchChromium } from '../tests/e2e/support/browser';
import { startWebShell } from '../tests/e2e/support/webShell';
import { makeDoc, makeText, percentile, queryWords, seeded } from './editorCorpus';

const root = path.resolve(import.meta.dirname, '..');
const photo = path.join(root, 'tests/fixtures/photos/storm-canon-400d.jpg');
const articleCount = Number(process.env.BENCH_ARTICLES ?? 50_000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-editor-'));
const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** Opens a library and seats its administrator (the session is core-wide), as the sign-in screen would. */
async function openCore(dataDir: string): Promise<Core> {
  const core = createCore({
    dataDir,
    shell: 'browser',
    appVersion: 'bench',
    logger: createNullLogger(),
    photoWorkerUrl: sourcePhotoWorkerUrl,
  });
  const admin = { userName: 'bench', displayName: 'Benchmark', password: 'mat-khau-bench' };
  if ((await call(core, 'auth.status', {})).hasAccounts) {
    await call(core, 'auth.signIn', { userName: admin.userName, password: admin.password });
  } else {
    await call(core, 'auth.setupAdmin', admin);
  }
  return core;
}

async function call<K extends CallName>(
  core: Core,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const result = await core.dispatch(name, input, { shell: 'browser' });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

async function benchAutosave(): Promise<number> {
  const core = await openCore(path.join(work, 'autosave'));
  const image = await call(core, 'media.importImage', {
    fileName: 'anh.jpg',
    dataBase64: fs.readFileSync(photo).toString('base64'),
  });
  const doc = makeDoc(10_000, 30, image.mediaPath, seeded(1));
  const article = await call(core, 'articles.create', { title: 'Bài dài' });
  const times: number[] = [];
  let version = 0;
  for (let i = 0; i < 30; i += 1) {
    const started = performance.now();
    const result = await call(core, 'articles.save', {
      id: article.id,
      title: `Bài dài ${i}`,
      meta: emptyMeta(),
      body: doc,
      baseVersion: version,
    });
    times.push(performance.now() - started);
    version = result.version;
  }
  await core.close();
  log(
    `autosave: ${countWords(docToPlainText(doc))} words, median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`,
  );
  return percentile(times, 50);
}

async function benchLibrary(): Promise<{ searchP95: number; listOpen: number }> {
  const dataDir = path.join(work, 'library');
  await (await openCore(dataDir)).close();
  const db = new Database(path.join(dataDir, 'newsdesk.sqlite'));
  db.pragma('journal_mode = WAL');
  const random = seeded(7);
  const started = performance.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const title = makeText(14, random).split(' ').slice(0, 14).join(' ');
      const body = makeText(300 + Math.floor(random() * 400), random);
      const at = Date.UTC(2023, 0, 1) + i * 60_000;
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      insertArticle(db, {
        id,
        title,
        body_json: JSON.stringify({
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: body }] }],
        }),
        body_text: body,
        word_count: countWords(body),
        status: 'draft',
        version: 1,
        created_at: at,
        updated_at: at,
        slug: slugify(title),
        slug_locked: 0,
        lead: '',
        category_id: null,
        tags_json: '[]',
        author_id: null,
        source: '',
        featured_json: null,
        publish_at: null,
        expire_at: null,
      });
      indexArticle(db, id, { title, lead: '', body });
    }
  });
  for (let i = 0; i < articleCount; i += 1000) batch(i, Math.min(articleCount, i + 1000));
  // Indexed above, as the background indexer would have done.
  db.exec('UPDATE articles SET indexed_version = version');
  db.close();
  log(
    `library: ${articleCount} articles generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const core = await openCore(dataDir);
  const listStarted = performance.now();
  const list = await call(core, 'articles.list', {});
  const listOpen = performance.now() - listStarted;
  log(`list: ${list.length} rows in ${listOpen.toFixed(2)} ms (first call after opening)`);
  const times: number[] = [];
  const queryRandom = seeded(11);
  for (let i = 0; i < 200; i += 1) {
    const query = queryWords[Math.floor(queryRandom() * queryWords.length)] ?? 'bi thu';
    const t0 = performance.now();
    await call(core, 'articles.search', { query });
    times.push(performance.now() - t0);
  }
  await core.close();
  log(
    `search: 200 queries, median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`,
  );
  return { searchP95: percentile(times, 95), listOpen };
}

async function benchKeystrokes(): Promise<number> {
  const dataDir = path.join(work, 'keystrokes');
  const core = await openCore(dataDir);
  const image = await call(core, 'media.importImage', {
    fileName: 'anh.jpg',
    dataBase64: fs.readFileSync(photo).toString('base64'),
  });
  const article = await call(core, 'articles.create', { title: 'Bài dài 10.000 chữ' });
  await call(core, 'articles.save', {
    id: article.id,
    title: 'Bài dài 10.000 chữ',
    meta: emptyMeta(),
    body: makeDoc(10_000, 30, image.mediaPath, seeded(3)),
    baseVersion: 0,
  });
  await call(core, 'settings.update', { lastArticleId: article.id });
  await core.close();

  const shell = await startWebShell(dataDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    await page.goto(shell.url);
    const body = page.getByTestId('editor-body');
    await body.waitFor();
    await page.waitForFunction(
      'document.querySelectorAll(\'[data-testid="figure"]\').length === 30',
    );
    // In the page: for every keydown, the time from the event to just after the next frame.
    await page.evaluate(`
      window.__samples = [];
      document.addEventListener('keydown', (event) => {
        const start = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => window.__samples.push(performance.now() - start);
          channel.port2.postMessage(0);
        });
      }, true);
    `);
    // Type into the middle of the article, as a reporter revising it would.
    await page.locator('[data-testid="editor-body"] p').nth(60).click();
    const phrase = 'cac dong chi lanh dao tinh da den du va phat bieu chi dao hoi nghi ';
    for (let round = 0; round < 6; round += 1) {
      await page.keyboard.type(phrase, { delay: 45 });
      // Pause like a reporter thinking: autosave (0.5 s idle) and spellcheck (0.3 s) both run here.
      await page.waitForTimeout(1200);
    }
    const samples = await page.evaluate<number[]>('window.__samples');
    const saved = await page.getByTestId('save-status').getAttribute('data-state');
    log(
      `keystrokes: ${samples.length} samples, median ${percentile(samples, 50).toFixed(2)} ms, p95 ${percentile(samples, 95).toFixed(2)} ms, save state ${saved ?? '?'}`,
    );
    return percentile(samples, 95);
  } finally {
    await browser.close();
    await shell.stop();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'out/main/web.js')))
    throw new Error('run `npm run build` first');
  const autosave = await benchAutosave();
  const keystroke = await benchKeystrokes();
  const { searchP95, listOpen } = await benchLibrary();
  fs.rmSync(work, { recursive: true, force: true });
  process.stdout.write(`FIGURE keystroke_p95_ms ${keystroke.toFixed(2)}\n`);
  process.stdout.write(`FIGURE autosave_ms ${autosave.toFixed(2)}\n`);
  process.stdout.write(`FIGURE search_p95_ms ${searchP95.toFixed(2)}\n`);
  process.stdout.write(`FIGURE list_open_ms ${listOpen.toFixed(2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
