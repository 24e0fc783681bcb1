/**
 * Runs `task` when the page is idle (between frames), at the latest after `timeoutMs`, so work
 * that can wait (an autosave's snapshot, counts, reloads after a save) never delays a keystroke's
 * frame. Returns a cancel function. Falls back to a timer where `requestIdleCallback` is missing.
 */
export function whenIdle(task: () => void, timeoutMs = 500): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 0);
  return () => clearTimeout(timer);
}
