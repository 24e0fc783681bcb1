import type { BackupInfo, LibraryStatus } from '../shared/domain/recovery';
import type { WebShell } from '../tests/e2e/support/webShell';
import { signInShell } from '../tests/e2e/support/webShell';
import { call, readArticles, readPhotoIds, startAndAsk } from './chaosShell';

/*
 * The chaos benchmark's yardstick: what was confirmed saved (a call answered, or words typed long
 * enough before the kill), and what the user finds after the restart.
 */

/** What the user was told was saved, per library. */
export interface Ledger {
  /** Article id → title and the words that must be in its body, in order, from the start. */
  articles: Map<string, { title: string; words: string[] }>;
  photos: Set<string>;
  jobs: Set<string>;
  /** Sync item id → its article. */
  syncItems: Map<string, string>;
}

/** An empty ledger. */
export function newLedger(): Ledger {
  return { articles: new Map(), photos: new Set(), jobs: new Set(), syncItems: new Map() };
}

/** A copy of a ledger (damage runs work on copies of a library). */
export function copyLedger(ledger: Ledger): Ledger {
  return {
    articles: new Map(ledger.articles),
    photos: new Set(ledger.photos),
    jobs: new Set(ledger.jobs),
    syncItems: new Map(ledger.syncItems),
  };
}

/** What was missing after a restart. */
export interface Shortfall {
  /** Confirmed items missing or changed (articles, photos, jobs, sync items). */
  missing: string[];
  /** Words missing from the start of confirmed bodies (the worst article). */
  wordsLost: number;
}

/** Compares the library behind a signed-in shell with the ledger. */
export async function compare(shell: WebShell, ledger: Ledger): Promise<Shortfall> {
  const missing: string[] = [];
  let wordsLost = 0;
  const articles = await readArticles(shell);
  for (const [id, expected] of ledger.articles) {
    const found = articles.get(id);
    if (!found) {
      missing.push(`article ${id}`);
      wordsLost = Math.max(wordsLost, expected.words.length);
      continue;
    }
    if (expected.title !== '' && found.title !== expected.title) missing.push(`title of ${id}`);
    let same = 0;
    while (same < expected.words.length && found.words[same] === expected.words[same]) same += 1;
    if (same < expected.words.length) {
      missing.push(`${expected.words.length - same} words of ${id}`);
      wordsLost = Math.max(wordsLost, expected.words.length - same);
    }
  }
  if (ledger.photos.size > 0) {
    const photos = await readPhotoIds(shell);
    for (const id of ledger.photos) if (!photos.has(id)) missing.push(`photo ${id}`);
  }
  for (const jobId of ledger.jobs) {
    try {
      await call(shell, 'jobs.status', { jobId, items: false });
    } catch {
      missing.push(`job ${jobId}`);
    }
  }
  for (const [itemId, articleId] of ledger.syncItems) {
    const items = await call<{ id: string }[]>(shell, 'sync.list', { articleId });
    if (!items.some((item) => item.id === itemId)) missing.push(`sync item ${itemId}`);
  }
  return { missing, wordsLost };
}

/** What a restart gave the user, and what it took to get back to work. */
export interface RestartReport {
  /** What the app said: ok, damaged, behind, folder (refused with a message) or crash. */
  said: 'ok' | 'damaged' | 'behind' | 'folder_problem' | 'refused';
  message: string;
  /** Missing confirmed data before any recovery, when the library could be read. */
  before: Shortfall | null;
  /** After the app's own restore or salvage (when the app asked for it). */
  recovery: 'none' | 'salvage' | 'restore' | 'continue' | 'failed';
  after: Shortfall | null;
  /** The shell, signed in on a working library; null when none could be had. */
  shell: WebShell | null;
}

/**
 * Restarts the real shell on a folder and plays the user: reads what it says; when it says the
 * library is damaged, salvages (and, if salvage is refused or could not bring back everything
 * confirmed up to the newest backup, restores that backup instead); when it says changes were lost, restores the
 * newest backup. Then signs in and compares with the ledger.
 */
export async function restartAndCheck(
  dataDir: string,
  ledger: Ledger,
  upToBackup: Ledger | null,
): Promise<RestartReport> {
  const started = await startAndAsk(dataDir);
  if (started.kind === 'refused')
    return {
      said: started.code === 3 ? 'folder_problem' : 'refused',
      message: started.message,
      before: null,
      recovery: 'none',
      after: null,
      shell: null,
    };
  const { shell, status } = started;
  if (status.kind === 'ok') {
    await signInShell(shell.url);
    const before = await compare(shell, ledger);
    return { said: 'ok', message: '', before, recovery: 'none', after: before, shell };
  }
  const said = status.kind;
  const message = describe(status);
  try {
    const backups = await call<BackupInfo[]>(shell, 'recovery.backups', {});
    const newest = backups[0];
    if (status.kind === 'damaged') {
      const salvaged = await call(shell, 'recovery.salvage', {}).then(
        () => true,
        (refused: unknown) => {
          // A file too damaged to salvage (its table list unreadable): the screen says so and
          // the person presses «Khôi phục» instead, as the bench does here.
          if (!newest) throw refused;
          return false;
        },
      );
      if (!salvaged && newest) {
        await call(shell, 'recovery.restore', { place: newest.place, id: newest.id });
        await signInShell(shell.url);
        const restored = await compare(shell, ledger);
        return { said, message, before: null, recovery: 'restore', after: restored, shell };
      }
      await signInShell(shell.url);
      const after = await compare(shell, ledger);
      const enough = upToBackup ? (await compare(shell, upToBackup)).missing.length === 0 : true;
      if (enough || !newest)
        return { said, message, before: null, recovery: 'salvage', after, shell };
      await call(shell, 'backups.restore', { place: newest.place, id: newest.id });
      await signInShell(shell.url);
      const restored = await compare(shell, ledger);
      return { said, message, before: null, recovery: 'restore', after: restored, shell };
    }
    if (newest) await call(shell, 'recovery.restore', { place: newest.place, id: newest.id });
    else await call(shell, 'recovery.continueBehind', {});
    await signInShell(shell.url);
    const after = await compare(shell, ledger);
    return { said, message, before: null, recovery: newest ? 'restore' : 'continue', after, shell };
  } catch (error) {
    await shell.stop('SIGKILL');
    return {
      said,
      message: `${message}; recovery failed: ${error instanceof Error ? error.message : String(error)}`,
      before: null,
      recovery: 'failed',
      after: null,
      shell: null,
    };
  }
}

function describe(status: LibraryStatus): string {
  if (status.kind === 'damaged') return `damaged: ${status.detail}`;
  if (status.kind === 'behind')
    return `behind: ${status.foundCommits}/${status.expectedCommits} commits`;
  if (status.kind === 'folder_problem') return status.message;
  return 'ok';
}

/** The figures one restart adds to. */
export interface Verdict {
  said: RestartReport['said'];
  message: string;
  recovery: RestartReport['recovery'];
  /** Confirmed data lost while the app said everything was fine. */
  silent: boolean;
  /** No working library with everything up to the newest backup (or everything, without one). */
  unrecoverable: boolean;
  wordsLost: number;
  missing: string[];
}

/**
 * Judges a restart: silent when the app said ok and confirmed data was missing; unrecoverable
 * when the app's own restore or salvage did not give back a working library holding everything
 * confirmed up to the newest backup (`upToBackup`, or the whole ledger when there is none).
 * Stops nothing; the caller keeps or stops `report.shell`.
 */
export async function judge(report: RestartReport, upToBackup: Ledger): Promise<Verdict> {
  const found = report.after ?? report.before;
  const silent = report.said === 'ok' && (report.before?.missing.length ?? 0) > 0;
  let unrecoverable = report.shell === null;
  let missing = found?.missing ?? [];
  if (report.shell) {
    const kept = await compare(report.shell, upToBackup);
    if (kept.missing.length > 0) {
      unrecoverable = true;
      missing = kept.missing;
    }
  }
  return {
    said: report.said,
    message: report.message,
    recovery: report.recovery,
    silent,
    unrecoverable,
    wordsLost: found?.wordsLost ?? 0,
    missing,
  };
}
