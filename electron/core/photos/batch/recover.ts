import { randomUUID } from 'node:crypto';
import { readFile, readdir, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

import { processPhoto } from '../index';
import type { ProcessedOutput } from '../index';
import type { PhotoTask } from './messages';
import { RECOVERY_DIR_PREFIX } from './scratch';

/*
 * Exactly-once outputs across a crash. The engine writes all of a photo's outputs and only then does
 * the runner record them; a crash in between leaves files the database does not know about, and
 * running the photo again under 'rename' would add "-2" copies. So an interrupted photo is first
 * rendered into a hidden scratch folder; outputs already in the folder that match byte for byte
 * (the encoders are deterministic), were written since the interrupted attempt started and belong
 * to no other item are adopted. Partial sets (a crash between two renames) are removed and redone.
 */

/** Modification times are compared with this slack (coarse file-system clocks). */
const MTIME_SLACK_MS = 2_000;

/** Result of one task: the outputs, and whether they were adopted from an interrupted attempt. */
export interface TaskOutcome {
  outputs: ProcessedOutput[];
  adopted: boolean;
}

async function sameBytes(file: string, expected: Buffer): Promise<boolean> {
  try {
    return (await readFile(file)).equals(expected);
  } catch {
    return false;
  }
}

/** Files in `outDir` that the interrupted attempt may have written: recent and unclaimed. */
async function recentCandidates(
  outDir: string,
  since: number,
  claimed: ReadonlySet<string>,
): Promise<{ file: string; size: number }[]> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  const found: { file: string; size: number }[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const file = path.join(outDir, name);
    if (claimed.has(file)) continue;
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile() !== true || info.mtimeMs < since - MTIME_SLACK_MS) continue;
    found.push({ file, size: info.size });
  }
  return found;
}

async function matchOutputs(
  trial: ProcessedOutput[],
  task: PhotoTask & { recoverSince: number },
): Promise<(string | undefined)[]> {
  const candidates = await recentCandidates(
    task.outDir,
    task.recoverSince,
    new Set(task.claimed ?? []),
  );
  const taken = new Set<string>();
  const matches: (string | undefined)[] = [];
  for (const output of trial) {
    const bytes = await readFile(output.path);
    const wanted = path.basename(output.path);
    // The bare name first: it is what the interrupted attempt most likely chose.
    const ordered = [...candidates].sort(
      (a, b) => Number(path.basename(b.file) === wanted) - Number(path.basename(a.file) === wanted),
    );
    let match: string | undefined;
    for (const candidate of ordered) {
      if (taken.has(candidate.file) || candidate.size !== bytes.length) continue;
      if (await sameBytes(candidate.file, bytes)) {
        match = candidate.file;
        break;
      }
    }
    if (match !== undefined) taken.add(match);
    matches.push(match);
  }
  return matches;
}

/**
 * Processes one photo; when the task says a crash interrupted an earlier attempt, adopts that
 * attempt's complete outputs or removes its partial ones first.
 */
export async function processTask(task: PhotoTask, signal: AbortSignal): Promise<TaskOutcome> {
  const run = (): Promise<ProcessedOutput[]> => processPhoto({ ...task, signal });
  const { recoverSince } = task;
  if (recoverSince === undefined) return { outputs: await run(), adopted: false };

  const scratch = path.join(task.outDir, `${RECOVERY_DIR_PREFIX}${randomUUID().slice(0, 8)}`);
  try {
    const trial = await processPhoto({
      ...task,
      outDir: scratch,
      existingPolicy: 'overwrite',
      signal,
    });
    const matches = await matchOutputs(trial, { ...task, recoverSince });
    const adopted: ProcessedOutput[] = [];
    for (const [index, output] of trial.entries()) {
      const match = matches[index];
      if (match !== undefined) adopted.push({ ...output, path: match });
    }
    if (adopted.length === trial.length) return { outputs: adopted, adopted: true };
    // A partial set: these copies are ours and about to be written again.
    await Promise.all(adopted.map((output) => unlink(output.path).catch(() => undefined)));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return { outputs: await run(), adopted: false };
}
