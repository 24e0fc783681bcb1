import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect } from 'vitest';

import type { CallInput } from '../../shared/contract/calls';
import type { Recipe } from '../../shared/photos/recipe';
import { callCore, openTestCore } from './testCore';
import type { FaultProxy } from './faultProxy';
import { startFaultProxy } from './faultProxy';
import { createKeySecretBox } from './keySecretBox';
import type { TestArticle } from './syncArticles';
import { createTestArticle } from './syncArticles';
import { photoBytes } from './syncFixtures';

/*
 * The fault-injection scenario, for any portal: N approved articles with M photos each,
 * synced through a proxy that fails 30 % of requests (dropped connections, delays,
 * 500/502/503, 429 with Retry-After, uploads cut midway, answers lost after the portal did the
 * work), while the app process is SIGKILLed twice and restarted. At the end the portal holds
 * exactly the approved articles and photos of this run, each equal to what was approved, and
 * the outbox is empty. What is portal-specific (its server, the connection, reading back what
 * it holds without the adapter under test) is a ScenarioPortal.
 */

/** What the portal's read-back check gets. */
export interface ScenarioExpectation {
  /** The articles as approved, in creation order. */
  articles: readonly TestArticle[];
  photosPerArticle: number;
  /** The library's media folder: the photos are re-rendered from it to compare bytes. */
  mediaDir: string;
  /** The recipe the outbox rendered the photos with. */
  recipe: Recipe;
}

/** A portal the scenario runs against, already started. */
export interface ScenarioPortal {
  /** Where the fault proxy forwards to. */
  upstreamUrl: string;
  /** The connection the library saves, pointing at the proxy. */
  connection(proxyUrl: string): CallInput<'portals.save'>;
  /** The title of a category the portal has; the library creates one with the same title. */
  categoryTitle: string;
  /** Checks, reading the portal itself (not through the adapter), that it holds exactly them. */
  verify(expected: ScenarioExpectation): Promise<void>;
  /** What to print when the scenario fails (the server's log…). */
  diagnostics?(): string;
  close(): Promise<void>;
}

/** Size of a scenario run. */
export interface ScenarioSize {
  articles: number;
  photos: number;
}

const jitiCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('jiti/package.json')),
  'lib/jiti-cli.mjs',
);
const childScript = fileURLToPath(new URL('./syncChild.ts', import.meta.url));

interface ChildReport {
  type: 'started' | 'progress' | 'idle';
  progress: number;
  waiting: number;
  done: number;
}

/** Runs the app process; SIGKILLs it once progress reaches `killAt` (or lets it finish). */
function runApp(
  settings: object,
  killAt: number | null,
  timeoutMs: number,
): Promise<{ killed: boolean; last: ChildReport | null }> {
  return new Promise((resolve, reject) => {
    const child = fork(jitiCli, [childScript], {
      env: { ...process.env, NEWSDESK_SYNC_CHILD: JSON.stringify(settings) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let last: ChildReport | null = null;
    let killed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`the app did not finish in ${timeoutMs} ms (last: ${JSON.stringify(last)})`),
      );
    }, timeoutMs);
    child.on('message', (message: ChildReport) => {
      last = message;
      if (killAt !== null && !killed && message.progress >= killAt) {
        if (message.waiting === 0) return;
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (killAt !== null && !killed) {
        reject(
          new Error(`the app finished before the planned kill (${String(code)}/${String(signal)})`),
        );
      } else if (killed && signal !== 'SIGKILL') {
        reject(new Error(`expected SIGKILL, got ${String(code)}/${String(signal)}`));
      } else if (!killed && code !== 0) {
        reject(new Error(`the app exited with ${String(code)}/${String(signal)}`));
      } else {
        resolve({ killed, last });
      }
    });
  });
}

/**
 * The scenario against the portal `start` brings up: `run()` is the test's body, `cleanUp()`
 * its afterAll (a failed run keeps the library, with its log, for a look).
 */
export function syncFaultScenario(options: {
  size: ScenarioSize;
  /** This run's marker: unique titles, slugs and captions on a shared portal. */
  run: string;
  start: (run: string) => Promise<ScenarioPortal>;
}): { run: () => Promise<void>; cleanUp: () => Promise<void> } {
  const { articles: articleCount, photos: photoCount } = options.size;
  const run = options.run;
  const totalProgress = articleCount * (photoCount + 1);
  const key = randomBytes(32);
  const secretBox = createKeySecretBox(key);
  let dataDir = '';
  let proxy: FaultProxy | null = null;
  let portal: ScenarioPortal | null = null;
  let passed = false;

  const body = async (): Promise<void> => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-scenario-'));
    portal = await options.start(run);
    proxy = await startFaultProxy(portal.upstreamUrl, {
      rate: 0.3,
      seed: 20_240_601,
      delayMs: [100, 1200],
      retryAfterSeconds: 1,
    });
    const setupCore = openTestCore({ dataDir, core: { secretBox, sync: { autoStart: false } } });
    const connection = await callCore(setupCore, 'portals.save', portal.connection(proxy.url));
    expect(connection.secretState).toBe('saved');
    const categoryId = (
      await callCore(setupCore, 'categories.save', { title: portal.categoryTitle })
    ).id;
    const authorId = (
      await callCore(setupCore, 'authors.save', { name: 'Phạm Thị C', position: '' })
    ).id;
    const articles: TestArticle[] = [];
    for (let a = 0; a < articleCount; a += 1) {
      // An article's photos at once (sharp runs on the libuv pool): a third less setup here.
      const photos = await Promise.all(
        Array.from({ length: photoCount }, (_, p) => photoBytes(a * photoCount + p)),
      );
      articles.push(
        await createTestArticle(setupCore, {
          title: `Tin số ${a + 1} của đợt ${run}`,
          slug: `tin-so-${a + 1}-${run}`,
          photos,
          categoryId,
          authorId,
          tags: [`Đợt ${run}`, `Nhóm ${a % 3}`],
          marker: run,
        }),
      );
    }
    for (const article of articles) {
      await callCore(setupCore, 'sync.enqueue', {
        articleId: article.id,
        connectionId: connection.id,
      });
    }
    const recipes = await callCore(setupCore, 'recipes.list', {});
    const recipe = (recipes.find((candidate) => candidate.isDefault) ?? recipes[0])?.recipe;
    if (!recipe) throw new Error('no recipe');
    await setupCore.close();

    const settings = { dataDir, keyHex: key.toString('hex'), seed: 99 };
    const first = await runApp(settings, Math.floor(totalProgress * 0.25), 240_000);
    const second = await runApp(settings, Math.floor(totalProgress * 0.6), 240_000);
    expect(first.killed && second.killed).toBe(true);
    const last = await runApp(settings, null, 300_000);
    if (process.env.NEWSDESK_SYNC_DEBUG) {
      process.stderr.write(`[scenario] proxy ${JSON.stringify(proxy.stats)}\n`);
    }
    expect(last.last).toMatchObject({ type: 'idle', waiting: 0, done: articleCount });
    expect(proxy.stats.faults.dropAfterForward).toBeGreaterThan(0);
    expect(proxy.stats.faults.cutUpload).toBeGreaterThan(0);
    expect(proxy.stats.faults.status429).toBeGreaterThan(0);

    const core = openTestCore({ dataDir, core: { secretBox, sync: { autoStart: false } } });
    try {
      const items = await callCore(core, 'sync.list', { limit: 500 });
      expect(items).toHaveLength(articleCount);
      expect(items.every((item) => item.state === 'done')).toBe(true);
      expect(await callCore(core, 'sync.status', {})).toMatchObject({
        waiting: 0,
        failed: 0,
        conflicts: 0,
      });
      await portal.verify({
        articles,
        photosPerArticle: photoCount,
        mediaDir: core.paths.media,
        recipe,
      });
    } finally {
      await core.close();
    }
    passed = true;
  };

  return {
    run: async () => {
      try {
        await body();
      } catch (error) {
        const log = portal?.diagnostics?.() ?? '';
        if (log !== '') process.stderr.write(`--- portal log ---\n${log.slice(-20_000)}\n`);
        throw error;
      }
    },
    cleanUp: async () => {
      await proxy?.close();
      await portal?.close();
      if (dataDir === '') return;
      if (passed) fs.rmSync(dataDir, { recursive: true, force: true });
      else process.stderr.write(`scenario library kept in ${dataDir}\n`);
    },
  };
}
