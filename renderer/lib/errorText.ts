import { CallFailed } from './api';

/**
 * The one way a screen turns a failure into words: a refused call carries the core's own
 * sentence (already in the person's language, see shared/contract/refusalMessage.ts); anything
 * else (a bug, a lost connection the bridge did not type) gets the caller's generic sentence,
 * never a raw `Error: …` or stack text.
 */
export function errorText(failure: unknown, fallback: string): string {
  return failure instanceof CallFailed ? failure.message : fallback;
}
