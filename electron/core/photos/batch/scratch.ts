import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/*
 * Names of the hidden files a batch may leave in an output folder if the process dies mid-photo, and
 * the sweep that removes them at start-up. No decoding here: the runner's thread may import it.
 */

/** Hidden folders crash recovery renders into. */
export const RECOVERY_DIR_PREFIX = '.newsdesk-recover-';

/** Temp files the engine writes before renaming into place: `.<name>.<8 hex>.tmp`. */
export const ENGINE_TEMP_FILE = /^\..+\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes the engine's temp files and recovery folders from an output folder. Only safe when no
 * batch is writing there, that is at start-up before interrupted jobs resume. Returns the names.
 */
export async function sweepOutDir(outDir: string): Promise<string[]> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  const stale = names.filter(
    (name) => ENGINE_TEMP_FILE.test(name) || name.startsWith(RECOVERY_DIR_PREFIX),
  );
  await Promise.all(
    stale.map((name) => rm(path.join(outDir, name), { recursive: true, force: true })),
  );
  return stale;
}
