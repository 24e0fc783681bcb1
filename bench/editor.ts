/**
 * `npm run bench:editor`: the writing desk's speed figures.
 *   keystroke_*       keydown → next frame in Chromium, 10,000-word article with 30 figures,
 *                     autosave and spellcheck running (typing with pauses so both do run), side
 *                     by side with a bare TipTap page (bench/bare) on the same document and caret:
 *                     p50 and its ratio, main-thread ms per key from a Chromium trace of the typing
 *                     and its ratio, p95, and the worst keystroke within a second of an autosave
 *   paste_2mb_*       a 2 MB Word paste into that article: first content, longest task meanwhile
 *   autosave_ms       median main-side time of `articles.save` for that article
 *   search_p95_ms     `articles.search` (top 20) over a 50,000-article generated archive, with
 *                     search_bare_p95_ms and search_ratio_vs_bare from bare FTS5 on the same
 *                     library in the same run (bench/searchBench.ts), and the queries' match counts
 *   list_open_ms      first `articles.list` after opening that library
 * Prints figures; asserts nothing about speed. NEWSDESK_BENCH_SMOKE=1 runs it small (CI), and any
 * failure exits non-zero.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { createCore } from '../electron/core/app/createCore';
import type { Core } from '../electron/core/app/createCore';
import { createNullLogger } from '../electron/core/logging/logger';
import { sourcePhotoWorkerUrl } from '../electron/core/photos/batch/sourceWorker';
import type { CallInput, CallName, CallOutput } from '../shared/contract/calls';
import { docToPlainText, emptyMeta } from '../shared/domain/article';
import { countWords } from '../shared/vietnamese/counts';
import { launchChromium } from '../tests/e2e/support/browser';
import { startBareServer } from './bareServer';
import { measurePaste } from './editorPaste';
import type { PasteRun } from './editorPaste';
import { editorTypography, measureTyping } from './editorTyping';
import type { TypingRun } from './editorTyping';
import { e2eAdmin, startWebShell } from '../tests/e2e/support/webShell';
import { makeDoc, percentile, seeded } from './editorCorpus';
import { buildArchiveLibrary, measureSearch } from './searchBench';
import type { SearchFigures } from './searchBench';

const root = path.resolve(import.meta.dirname, '..');
const photo = path.join(root, 'tests/fixtures/photos/storm-canon-400d.jpg');
const smoke = process.env.NEWSDESK_BENCH_SMOKE === '1';
/** Full sizes for the figures; NEWSDESK_BENCH_SMOKE=1 runs every step small, for CI. */
const size = smoke
  ? { articles: 1_000, words: 1_500, figures: 5, rounds: 1, searches: 24, saves: 3 }
  : {
      articles: Number(process.env.BENCH_ARTICLES ?? 50_000),
      words: 10_000,
      figures: 30,
      rounds: 6,
      searches: 200,
      saves: 30,
    };
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
  // The e2e administrator: the web-shell helper signs the keystroke library in as it.
  const admin = e2eAdmin;
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
  const doc = makeDoc(size.words, size.figures, image.mediaPath, seeded(1));
  const article = await call(core, 'articles.create', { title: 'Bài dài' });
  const times: number[] = [];
  let version = 0;
  for (let i = 0; i < size.saves; i += 1) {
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

async function benchLibrary(): Promise<{ search: SearchFigures; listOpen: number }> {
  const dataDir = path.join(work, 'library');
  await (await openCore(dataDir)).close();
  const file = path.join(dataDir, 'newsdesk.sqlite');
  buildArchiveLibrary(file, size.articles, log);

  const core = await openCore(dataDir);
  const listStarted = performance.now();
  const list = await call(core, 'articles.list', {});
  const listOpen = performance.now() - listStarted;
  log(`list: ${list.length} rows in ${listOpen.toFixed(2)} ms (first call after opening)`);
  await core.close();
  // Top 20, as the bare baseline; the list's default (50) only adds snippets to build.
  const search = await measureSearch(
    file,
    size.articles,
    size.searches,
    async () => {
      const opened = await openCore(dataDir);
      return {
        search: async (query) =>
          (await call(opened, 'articles.search', { query, limit: 20 })).length,
        close: () => opened.close(),
      };
    },
    log,
  );
  log(
    `search: ${size.searches} queries each, Newsdesk median ${search.p50.toFixed(2)} ms p95 ${search.p95.toFixed(2)} ms; ` +
      `bare FTS5 median ${search.bareP50.toFixed(2)} ms p95 ${search.bareP95.toFixed(2)} ms`,
  );
  return { search, listOpen };
}

/** Newsdesk's keystroke, main-thread and paste figures, with bare TipTap's from the same run. */
interface KeystrokeFigures {
  newsdesk: TypingRun;
  bare: TypingRun;
  paste: PasteRun;
}

async function benchKeystrokes(): Promise<KeystrokeFigures> {
  const dataDir = path.join(work, 'keystrokes');
  const core = await openCore(dataDir);
  const image = await call(core, 'media.importImage', {
    fileName: 'anh.jpg',
    dataBase64: fs.readFileSync(photo).toString('base64'),
  });
  const article = await call(core, 'articles.create', { title: 'Bài dài 10.000 chữ' });
  const doc = makeDoc(size.words, size.figures, image.mediaPath, seeded(3));
  await call(core, 'articles.save', {
    id: article.id,
    title: 'Bài dài 10.000 chữ',
    meta: emptyMeta(),
    body: doc,
    baseVersion: 0,
  });
  await call(core, 'settings.update', { lastArticleId: article.id });
  await core.close();

  const bareServer = await startBareServer({ outDir: path.join(work, 'bare'), doc, photo });
  const shell = await startWebShell(dataDir);
  const browser = await launchChromium();
  // Type into the middle of the article, as a reporter revising it would; the same caret in both.
  const typing = { rounds: size.rounds, nth: smoke ? 8 : 60, pauseMs: 1200 };
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    await page.goto(shell.url);
    await page.getByTestId('editor-body').waitFor();
    await page.waitForFunction(
      `document.querySelectorAll('[data-testid="figure"]').length === ${size.figures}`,
    );
    const typography = await editorTypography(page);

    const barePage = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    await barePage.goto(`${bareServer.url}?style=${encodeURIComponent(typography)}`);
    await barePage.waitForFunction(
      `window.__bareReady === true && document.querySelectorAll('[data-testid="figure"]').length === ${size.figures}`,
    );
    const bare = await measureTyping(browser, barePage, typing);
    await barePage.close();

    await page.bringToFront();
    const newsdesk = await measureTyping(browser, page, typing);
    const saved = await page.getByTestId('save-status').getAttribute('data-state');
    for (const [name, run] of [
      ['bare TipTap', bare],
      ['Newsdesk', newsdesk],
    ] as const) {
      log(
        `keystrokes ${name}: ${run.samples.length} samples, median ${percentile(run.samples, 50).toFixed(2)} ms, ` +
          `p95 ${percentile(run.samples, 95).toFixed(2)} ms, main thread ${(run.mainThreadMs / run.keys).toFixed(2)} ms/key, ` +
          `${run.saves} autosaves, worst around one ${Math.max(0, ...run.aroundSave).toFixed(2)} ms`,
      );
    }
    log(`save state after typing: ${saved ?? '?'}`);

    const paste = await measurePaste(page, smoke ? 200_000 : 2_000_000);
    log(
      `paste: ${paste.bytes} bytes of Word HTML, first content ${paste.firstContentMs.toFixed(0)} ms, ` +
        `whole ${paste.completeMs.toFixed(0)} ms, longest task ${paste.longestTaskMs.toFixed(0)} ms`,
    );
    return { newsdesk, bare, paste };
  } finally {
    await browser.close();
    await shell.stop();
    await bareServer.close();
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'out/main/web.js')))
    throw new Error('run `npm run build` first');
  const autosave = await benchAutosave();
  const keys = await benchKeystrokes();
  const { search, listOpen } = await benchLibrary();
  fs.rmSync(work, { recursive: true, force: true });
  if (smoke) process.stdout.write('(smoke size: figures prove the benchmark runs, not speed)\n');
  const { newsdesk, bare, paste } = keys;
  const p50 = percentile(newsdesk.samples, 50);
  const bareP50 = percentile(bare.samples, 50);
  const perKey = newsdesk.mainThreadMs / newsdesk.keys;
  const barePerKey = bare.mainThreadMs / bare.keys;
  process.stdout.write(`FIGURE keystroke_bare_p50_ms ${bareP50.toFixed(2)}\n`);
  process.stdout.write(`FIGURE keystroke_p50_ms ${p50.toFixed(2)}\n`);
  process.stdout.write(`FIGURE keystroke_ratio_vs_bare ${(p50 / bareP50).toFixed(2)}\n`);
  process.stdout.write(`FIGURE keystroke_bare_main_thread_ms_per_key ${barePerKey.toFixed(2)}\n`);
  process.stdout.write(`FIGURE keystroke_main_thread_ms_per_key ${perKey.toFixed(2)}\n`);
  process.stdout.write(
    `FIGURE keystroke_main_thread_ratio_vs_bare ${(perKey / barePerKey).toFixed(2)}\n`,
  );
  process.stdout.write(`FIGURE keystroke_p95_ms ${percentile(newsdesk.samples, 95).toFixed(2)}\n`);
  process.stdout.write(
    `FIGURE keystroke_around_autosave_max_ms ${Math.max(0, ...newsdesk.aroundSave).toFixed(2)}\n`,
  );
  process.stdout.write(`FIGURE paste_2mb_first_content_ms ${paste.firstContentMs.toFixed(0)}\n`);
  process.stdout.write(`FIGURE paste_2mb_longest_task_ms ${paste.longestTaskMs.toFixed(0)}\n`);
  process.stdout.write(`FIGURE autosave_ms ${autosave.toFixed(2)}\n`);
  process.stdout.write(`FIGURE search_matches_median ${search.matchesMedian}\n`);
  process.stdout.write(`FIGURE search_matches_p95 ${search.matchesP95}\n`);
  process.stdout.write(`FIGURE search_bare_p95_ms ${search.bareP95.toFixed(2)}\n`);
  process.stdout.write(`FIGURE search_p95_ms ${search.p95.toFixed(2)}\n`);
  process.stdout.write(`FIGURE search_ratio_vs_bare ${(search.p95 / search.bareP95).toFixed(2)}\n`);
  process.stdout.write(`FIGURE list_open_ms ${listOpen.toFixed(2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
