/** What the autosaver reports to the UI. */
export type SaveState =
  | { kind: 'saved'; at: number }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string };

/** Timing rules: save soon after typing pauses, and regularly while typing goes on. */
export interface AutosaveTiming {
  /** Quiet time after the last change before saving. */
  idleMs: number;
  /** Longest time a change may wait while typing continues. */
  maxWaitMs: number;
}

/** The newsroom's promise: at most a few seconds of typing can ever be lost. */
export const defaultAutosaveTiming: AutosaveTiming = { idleMs: 500, maxWaitMs: 3000 };

/**
 * Schedules saves without ever touching the document: the editor only says "changed", and the
 * snapshot is taken when the save runs. One save at a time; changes made during a save are saved
 * right after it. A failed save keeps the change pending and retries.
 */
export function createAutosaver(options: {
  save: () => Promise<number>;
  onState: (state: SaveState) => void;
  timing?: AutosaveTiming;
  retryMs?: number;
}) {
  const timing = options.timing ?? defaultAutosaveTiming;
  const retryMs = options.retryMs ?? 2000;
  let dirty = false;
  let firstChangeAt: number | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  let maxTimer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let disposed = false;

  const clearTimers = (): void => {
    if (idleTimer) clearTimeout(idleTimer);
    if (maxTimer) clearTimeout(maxTimer);
    idleTimer = null;
    maxTimer = null;
  };

  const run = async (): Promise<void> => {
    clearTimers();
    if (inFlight) {
      await inFlight;
      if (!dirty) return;
    }
    if (!dirty || disposed) return;
    dirty = false;
    firstChangeAt = null;
    options.onState({ kind: 'saving' });
    inFlight = (async () => {
      try {
        const at = await options.save();
        if (!dirty) options.onState({ kind: 'saved', at });
      } catch (error) {
        dirty = true;
        options.onState({
          kind: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
        if (!disposed) idleTimer = setTimeout(() => void run(), retryMs);
      }
    })();
    await inFlight;
    inFlight = null;
    if (dirty && !disposed && !idleTimer) schedule();
  };

  const schedule = (): void => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => void run(), timing.idleMs);
    if (!maxTimer) {
      const waited = firstChangeAt === null ? 0 : Date.now() - firstChangeAt;
      maxTimer = setTimeout(() => void run(), Math.max(0, timing.maxWaitMs - waited));
    }
  };

  return {
    /** The document or title changed. Cheap: call it on every editor update. */
    changed(): void {
      if (disposed) return;
      dirty = true;
      firstChangeAt ??= Date.now();
      options.onState({ kind: 'dirty' });
      schedule();
    },
    /** Save now if anything is pending (blur, close, switching articles). */
    flush(): Promise<void> {
      return run();
    },
    /** Whether a change has not reached the disk yet. */
    get pending(): boolean {
      return dirty || inFlight !== null;
    },
    dispose(): void {
      disposed = true;
      clearTimers();
    },
  };
}

/** The autosaver's handle. */
export type Autosaver = ReturnType<typeof createAutosaver>;
