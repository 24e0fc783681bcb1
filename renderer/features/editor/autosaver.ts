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
  /**
   * In the last second before `maxWaitMs`, a pause this short (between two words) is enough to
   * save, so the save lands between words rather than mid-syllable.
   */
  gapMs?: number;
}

/** The newsroom's promise: at most a few seconds of typing can ever be lost. */
export const defaultAutosaveTiming: AutosaveTiming = { idleMs: 500, maxWaitMs: 3000, gapMs: 150 };

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
  /**
   * Runs a timed save when the page is idle (between frames), so its snapshot of the document
   * does not delay a keystroke's frame; flush never waits for it. Default: right away.
   */
  whenIdle?: (run: () => void) => void;
}) {
  const timing = options.timing ?? defaultAutosaveTiming;
  const gapMs = timing.gapMs ?? 150;
  const softMs = Math.max(0, timing.maxWaitMs - 1000);
  const whenIdle = options.whenIdle ?? ((run: () => void) => run());
  // Only a change of state is reported: «dirty» on every keystroke would re-render the editor.
  let reported: SaveState['kind'] | null = null;
  const report = (state: SaveState): void => {
    if (state.kind === 'dirty' && reported === 'dirty') return;
    reported = state.kind;
    options.onState(state);
  };
  const timed = (): void => whenIdle(() => void run());
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
    report({ kind: 'saving' });
    inFlight = (async () => {
      try {
        const at = await options.save();
        if (!dirty) report({ kind: 'saved', at });
      } catch (error) {
        dirty = true;
        report({
          kind: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
        if (!disposed) idleTimer = setTimeout(timed, retryMs);
      }
    })();
    await inFlight;
    inFlight = null;
    if (dirty && !disposed && !idleTimer) schedule();
  };

  const schedule = (): void => {
    if (idleTimer) clearTimeout(idleTimer);
    const waited = firstChangeAt === null ? 0 : Date.now() - firstChangeAt;
    idleTimer = setTimeout(timed, waited >= softMs ? gapMs : timing.idleMs);
    if (!maxTimer) maxTimer = setTimeout(timed, Math.max(0, timing.maxWaitMs - waited));
  };

  return {
    /** The document or title changed. Cheap: call it on every editor update. */
    changed(): void {
      if (disposed) return;
      dirty = true;
      firstChangeAt ??= Date.now();
      report({ kind: 'dirty' });
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
