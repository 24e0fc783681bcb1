import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Browser } from 'playwright-core';

import { createCore } from '../electron/core/app/createCore';
import type { Core } from '../electron/core/app/createCore';
import { createNullLogger } from '../electron/core/logging/logger';
import { sourcePhotoWorkerUrl } from '../electron/core/photos/batch/sourceWorker';
import { launchChromium } from '../tests/e2e/support/browser';
import { canMount } from '../tests/e2e/support/libraryFiles';
import type { WebShell } from '../tests/e2e/support/webShell';
import { startWebShell } from '../tests/e2e/support/webShell';
import type { Ledger, Verdict } from './chaosCheck';
import { judge, newLedger, restartAndCheck } from './chaosCheck';
import { damageKinds, prepareDamageBase, runDamage } from './chaosDamage';
import type { KillKind } from './chaosKills';
import { killKinds, preparePhotos, runKill } from './chaosKills';
import { call, seeded } from './chaosShell';

/*
 * `npm run bench:chaos`: a fault campaign against the real browser shell (`out/main/web.js`) and
 * real files (docs/chaos.md). SIGKILLs at seeded random moments during typing in Chromium, photo
 * imports, photo batches, bundle imports and syncs to the local WordPress; then file damage
 * (truncation, random pages overwritten, deleted -wal / -shm, a read-only folder, a full disk).
 * After each restart it reads what the app says and what data is there, drives the app's own
 * salvage / restore when asked to, and prints `FIGURE <name> <value>` lines.
 * NEWSDESK_BENCH_SMOKE=1: one run of each kind; exits non-zero on a silent loss or an
 * unrecoverable library. NEWSDESK_CHAOS_KILLS / NEWSDESK_CHAOS_DAMAGE / NEWSDESK_CHAOS_SEED tune
 * the full size.
 */

const smoke = process.env.NEWSDESK_BENCH_SMOKE === '1';
const seed = Number(process.env.NEWSDESK_CHAOS_SEED ?? '20261207');
const killRuns = smoke ? killKinds.length : Number(process.env.NEWSDESK_CHAOS_KILLS ?? '200');
const damagePerKind = smoke ? 1 : Number(process.env.NEWSDESK_CHAOS_DAMAGE ?? '4');
const random = seeded(seed);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-chaos-'));

const wp =
  process.env.WP_URL && process.env.WP_USER && process.env.WP_APP_PASSWORD
    ? { url: process.env.WP_URL, user: process.env.WP_USER, password: process.env.WP_APP_PASSWORD }
    : null;
if (!wp)
  process.stdout.write(
    'SKIP sync kills: no WordPress (WP_URL, WP_USER, WP_APP_PASSWORD unset); run `eval "$(scripts/wordpress-local.sh env)"` first\n',
  );
const kinds: KillKind[] = killKinds.filter((kind) => kind !== 'sync' || wp !== null);
if (!canMount()) process.stdout.write('SKIP read-only folder and full disk: mounting needs root\n');
const damages = damageKinds.filter(
  (kind) => canMount() || (kind !== 'readOnlyFolder' && kind !== 'fullDisk'),
);

/** One library per kill kind, crashed again and again. */
interface Lane {
  kind: KillKind;
  dir: string;
  ledger: Ledger;
  shell: WebShell | null;
  portalId: string | null;
}

const figures = {
  runs: 0,
  wordsLostMax: 0,
  damageWordsLostMax: 0,
  silent: 0,
  unrecoverable: 0,
  restored: 0,
  salvaged: 0,
  saidDamaged: 0,
  saidBehind: 0,
  folderMessages: 0,
  wordsRequired: 0,
};
const problems: string[] = [];

function tally(label: string, verdict: Verdict, killed: boolean, since: number): void {
  figures.runs += 1;
  // Words typed before a kill; damage runs destroy data themselves (announced or not, counted
  // by silent_losses / unrecoverable_libraries), reported apart.
  if (killed) figures.wordsLostMax = Math.max(figures.wordsLostMax, verdict.wordsLost);
  else figures.damageWordsLostMax = Math.max(figures.damageWordsLostMax, verdict.wordsLost);
  if (verdict.said === 'damaged') figures.saidDamaged += 1;
  if (verdict.said === 'behind') figures.saidBehind += 1;
  if (verdict.recovery === 'restore') figures.restored += 1;
  if (verdict.recovery === 'salvage') figures.salvaged += 1;
  if (verdict.silent) figures.silent += 1;
  if (verdict.unrecoverable) figures.unrecoverable += 1;
  const bad = verdict.silent || verdict.unrecoverable || (killed && verdict.wordsLost > 0);
  const line = `${label} [${((Date.now() - since) / 1000).toFixed(1)} s]: said ${verdict.said}${verdict.recovery === 'none' ? '' : `, ${verdict.recovery}`}${
    verdict.missing.length ? `, missing ${verdict.missing.slice(0, 4).join('; ')}` : ''
  }${verdict.message ? ` (${verdict.message.slice(0, 160)})` : ''}`;
  if (bad) problems.push(line);
  process.stdout.write(
    `${line} | so far: runs ${figures.runs}, words_lost_max ${figures.wordsLostMax}, silent ${figures.silent}, unrecoverable ${figures.unrecoverable}, restored ${figures.restored}\n`,
  );
}

async function openLane(kind: KillKind, attempt = 0): Promise<Lane> {
  const dir = path.join(root, `lane-${kind}-${attempt}`);
  const ledger = newLedger();
  const shell = await startWebShell(dir);
  let portalId: string | null = null;
  if (kind === 'photoBatch') await preparePhotos(shell, ledger, random);
  if (kind === 'sync' && wp) {
    const portal = await call<{ id: string }>(shell, 'portals.save', {
      kind: 'wordpress',
      name: 'WordPress cục bộ',
      baseUrl: wp.url,
      username: wp.user,
      secret: wp.password,
    });
    portalId = portal.id;
  }
  return { kind, dir, ledger, shell, portalId };
}

async function killRun(lane: Lane, run: number, browser: Browser, source: Core): Promise<Lane> {
  const shell = lane.shell ?? (await startWebShell(lane.dir));
  const result = await runKill(lane.kind, {
    shell,
    ledger: lane.ledger,
    random,
    run,
    browser,
    bundleSource: source,
    portalId: lane.portalId,
  });
  const since = Date.now();
  figures.wordsRequired += result.wordsRequired;
  const report = await restartAndCheck(lane.dir, lane.ledger, lane.ledger);
  const verdict = await judge(report, lane.ledger);
  tally(`run ${run} kill ${lane.kind} after ${result.killedAfterMs} ms`, verdict, true, since);
  lane.shell = report.shell;
  // Nothing to carry on with: the lane starts over on a new library (already counted).
  return report.shell ? lane : openLane(lane.kind, run);
}

function schedule(): KillKind[] {
  const order: KillKind[] = [];
  for (let i = 0; i < killRuns; i += 1) order.push(kinds[i % kinds.length] as KillKind);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as KillKind, order[i] as KillKind];
  }
  return order;
}

async function main(): Promise<void> {
  const started = Date.now();
  const browser = await launchChromium();
  const source = createCore({
    dataDir: path.join(root, 'other-workstation'),
    shell: 'browser',
    appVersion: 'bench',
    logger: createNullLogger(),
    photoWorkerUrl: sourcePhotoWorkerUrl,
    passwordCost: { N: 2 ** 10, r: 8, p: 1 },
  });
  const setup = await source.dispatch(
    'auth.setupAdmin',
    { userName: 'quantri', displayName: 'Quản trị viên', password: 'mat-khau-chaos' },
    { shell: 'browser' },
  );
  if (!setup.ok) throw new Error(setup.error.message);
  const lanes = new Map<KillKind, Lane>();
  try {
    let run = 0;
    for (const kind of schedule()) {
      run += 1;
      const lane = lanes.get(kind) ?? (await openLane(kind));
      lanes.set(kind, await killRun(lane, run, browser, source));
    }
    for (const lane of lanes.values()) await lane.shell?.stop();

    process.stdout.write(`kills done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    const base = await prepareDamageBase(path.join(root, 'damage-base'), random);
    for (let round = 0; round < damagePerKind; round += 1)
      for (const kind of damages) {
        run += 1;
        const since = Date.now();
        const { verdict, folderSaid, note } = await runDamage(
          kind,
          base,
          path.join(root, `damage-${run}-${kind}`),
          random,
        );
        if (folderSaid) {
          const named = folderSaid.said === 'folder_problem' && folderSaid.message.includes(root);
          if (named) figures.folderMessages += 1;
          else
            problems.push(
              `run ${run} ${kind}: no folder message (${folderSaid.said} ${folderSaid.message.slice(0, 160)})`,
            );
        }
        tally(`run ${run} damage ${kind}${note ? ` (${note})` : ''}`, verdict, false, since);
      }
  } finally {
    for (const lane of lanes.values()) await lane.shell?.stop('SIGKILL');
    await source.close();
    await browser.close();
  }
  const out = (name: string, value: number | string): void => {
    process.stdout.write(`FIGURE ${name} ${value}\n`);
  };
  out('chaos_runs', figures.runs);
  out('words_lost_max', figures.wordsLostMax);
  out('silent_losses', figures.silent);
  out('unrecoverable_libraries', figures.unrecoverable);
  out('restored_from_backup', figures.restored);
  out('salvaged', figures.salvaged);
  out('said_damaged', figures.saidDamaged);
  out('said_behind', figures.saidBehind);
  out('folder_messages', figures.folderMessages);
  out('damage_words_lost_max', figures.damageWordsLostMax);
  out('words_required_total', figures.wordsRequired);
  out('chaos_s', ((Date.now() - started) / 1000).toFixed(0));
  for (const problem of problems) process.stdout.write(`PROBLEM ${problem}\n`);
  fs.rmSync(root, { recursive: true, force: true });
  if (smoke && (figures.silent > 0 || figures.unrecoverable > 0 || problems.length > 0))
    process.exitCode = 1;
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
