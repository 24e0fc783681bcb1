import type { Browser } from 'playwright-core';

import type { Core } from '../electron/core/app/createCore';
import type { ArticleSummary } from '../shared/domain/article';
import { emptyMeta } from '../shared/domain/article';
import type { PhotoImportReport } from '../shared/photos/desk';
import type { BundleExport, BundleImportReport } from '../shared/workflow/handoff';
import { AppPage } from '../tests/e2e/pages/AppPage';
import { newPage } from '../tests/e2e/support/browser';
import type { WebShell } from '../tests/e2e/support/webShell';
import type { Ledger } from './chaosCheck';
import { bodyOf, call, docWords, noiseJpeg, sleep } from './chaosShell';

/*
 * The workloads the chaos benchmark kills: each starts work on a running shell, SIGKILLs it at a
 * random moment and writes into the ledger only what the app had confirmed before the kill.
 */

/** The kinds of work killed. */
export const killKinds = ['typing', 'photoImport', 'photoBatch', 'bundleImport', 'sync'] as const;

/** One of the kill kinds. */
export type KillKind = (typeof killKinds)[number];

/** What a workload needs. */
export interface KillContext {
  shell: WebShell;
  ledger: Ledger;
  random: () => number;
  run: number;
  browser: Browser;
  /** The in-process core of another workstation that makes the bundles. */
  bundleSource: Core;
  /** The WordPress portal id in this library (sync lane only). */
  portalId: string | null;
}

/** What one killed workload reports. */
export interface KillResult {
  killedAfterMs: number;
  /** Words typed more than 5 s before the kill (typing only). */
  wordsRequired: number;
}

const seedWords = (
  'Bí thư Tỉnh ủy nói chuyện với lớp bồi dưỡng cán bộ trẻ về chuyển đổi số và cải cách hành ' +
  'chính trong năm tới khi người dân cần dịch vụ công trực tuyến nhanh gọn minh bạch'
).split(' ');

/** Kills the shell after `ms`, while `work` runs; settles when the shell is dead. */
async function killDuring(
  shell: WebShell,
  ms: number,
  work: (killed: () => boolean) => Promise<void>,
): Promise<void> {
  let dead = false;
  const killer = sleep(ms).then(async () => {
    await shell.stop('SIGKILL');
    dead = true;
  });
  await work(() => dead).catch(() => undefined);
  await killer;
}

/** Runs one workload of a kind and kills the shell during it. */
export async function runKill(kind: KillKind, ctx: KillContext): Promise<KillResult> {
  switch (kind) {
    case 'typing':
      return typing(ctx);
    case 'photoImport':
      return photoImport(ctx);
    case 'photoBatch':
      return photoBatch(ctx);
    case 'bundleImport':
      return bundleImport(ctx);
    case 'sync':
      return sync(ctx);
  }
}

async function typing(ctx: KillContext): Promise<KillResult> {
  const { shell, random } = ctx;
  const page = await newPage(ctx.browser);
  try {
    const app = new AppPage(page);
    await app.open(shell.url);
    await app.createArticle();
    const created = await call<ArticleSummary[]>(shell, 'articles.list', {
      sort: 'created',
      limit: 1,
    });
    const id = created[0]?.id;
    if (!id) throw new Error('typing: the new article is not listed');
    await app.body.click();
    const typed: { word: string; at: number }[] = [];
    const killAfter = 3000 + Math.floor(random() * 7000);
    const start = Date.now();
    await killDuring(shell, killAfter, async (killed) => {
      let i = 0;
      while (!killed()) {
        const word = `${seedWords[i % seedWords.length] ?? 'chữ'}${Math.floor(i / seedWords.length) || ''}`;
        await page.keyboard.type(`${word} `, { delay: 12 });
        typed.push({ word, at: Date.now() });
        i += 1;
      }
    });
    const killedAt = start + killAfter;
    const required = typed.filter((entry) => entry.at < killedAt - 5000).map((e) => e.word);
    ctx.ledger.articles.set(id, { title: '', words: required });
    return { killedAfterMs: killAfter, wordsRequired: required.length };
  } finally {
    await page.context().close();
  }
}

async function photoImport(ctx: KillContext): Promise<KillResult> {
  const files: { name: string; dataBase64: string }[] = [];
  for (let i = 0; i < 3; i += 1)
    files.push({
      name: `chaos-${ctx.run}-${i}.jpg`,
      dataBase64: (await noiseJpeg(ctx.random)).toString('base64'),
    });
  const killAfter = 30 + Math.floor(ctx.random() * 1500);
  await killDuring(ctx.shell, killAfter, async () => {
    const report = await call<PhotoImportReport>(ctx.shell, 'photos.import', {
      files,
      event: 'Chaos',
    });
    for (const photo of report.imported) ctx.ledger.photos.add(photo.id);
  });
  return { killedAfterMs: killAfter, wordsRequired: 0 };
}

/** Photos the batch lane processes: imported once, confirmed. */
export async function preparePhotos(shell: WebShell, ledger: Ledger, random: () => number) {
  const files: { name: string; dataBase64: string }[] = [];
  for (let i = 0; i < 4; i += 1)
    files.push({
      name: `nguon-${i}.jpg`,
      dataBase64: (await noiseJpeg(random, 1600, 1000)).toString('base64'),
    });
  const report = await call<PhotoImportReport>(shell, 'photos.import', { files });
  for (const photo of report.imported) ledger.photos.add(photo.id);
}

async function photoBatch(ctx: KillContext): Promise<KillResult> {
  const ids = [...ctx.ledger.photos];
  const killAfter = 100 + Math.floor(ctx.random() * 3000);
  await killDuring(ctx.shell, killAfter, async () => {
    const { jobId } = await call<{ jobId: string }>(ctx.shell, 'photos.process', {
      ids: [...ids, ...ids, ...ids],
      existingPolicy: 'rename',
    });
    ctx.ledger.jobs.add(jobId);
  });
  return { killedAfterMs: killAfter, wordsRequired: 0 };
}

async function source<T>(core: Core, name: string, input: unknown): Promise<T> {
  const result = await core.dispatch(name, input, { shell: 'browser' });
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value as T;
}

async function bundleImport(ctx: KillContext): Promise<KillResult> {
  const ids: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const title = `Tin gửi kèm ${ctx.run}-${i}`;
    const created = await source<{ id: string; version: number }>(
      ctx.bundleSource,
      'articles.create',
      { title },
    );
    await source(ctx.bundleSource, 'articles.save', {
      id: created.id,
      title,
      meta: emptyMeta(),
      body: bodyOf(`${seedWords.join(' ')} ${ctx.run} ${i}`),
      baseVersion: created.version,
    });
    ids.push(created.id);
  }
  const bundle = await source<BundleExport>(ctx.bundleSource, 'bundles.export', {
    articleIds: ids,
    includeData: true,
  });
  const killAfter = 10 + Math.floor(ctx.random() * 600);
  await killDuring(ctx.shell, killAfter, async () => {
    const report = await call<BundleImportReport>(ctx.shell, 'bundles.import', {
      fileName: bundle.fileName,
      dataBase64: bundle.dataBase64,
    });
    // The bundle comes from a workstation outside this newsroom, so each article arrives as a
    // «chưa xác minh» copy under its own id and title: that copy is what must survive the kill.
    for (const article of report.articles)
      ctx.ledger.articles.set(article.unverifiedCopyId ?? article.articleId, {
        title: article.unverifiedCopyId ? '' : article.title,
        words: docWords(
          bodyOf(`${seedWords.join(' ')} ${ctx.run} ${ids.indexOf(article.articleId)}`),
        ),
      });
  });
  return { killedAfterMs: killAfter, wordsRequired: 0 };
}

/** Saves an article through the bridge and records it. */
export async function saveArticle(
  shell: WebShell,
  ledger: Ledger,
  title: string,
  text: string,
): Promise<string> {
  const created = await call<{ id: string; version: number }>(shell, 'articles.create', { title });
  await call(shell, 'articles.save', {
    id: created.id,
    title,
    meta: emptyMeta(),
    body: bodyOf(text),
    baseVersion: created.version,
  });
  ledger.articles.set(created.id, { title, words: docWords(bodyOf(text)) });
  return created.id;
}

async function sync(ctx: KillContext): Promise<KillResult> {
  if (!ctx.portalId) throw new Error('sync lane without a portal');
  const portalId = ctx.portalId;
  const killAfter = 200 + Math.floor(ctx.random() * 2500);
  const articleId = await saveArticle(
    ctx.shell,
    ctx.ledger,
    `Tin đồng bộ chaos ${ctx.run} ${Date.now()}`,
    seedWords.join(' '),
  );
  await killDuring(ctx.shell, killAfter, async () => {
    const item = await call<{ id: string }>(ctx.shell, 'sync.enqueue', {
      articleId,
      connectionId: portalId,
    });
    ctx.ledger.syncItems.set(item.id, articleId);
  });
  return { killedAfterMs: killAfter, wordsRequired: 0 };
}
