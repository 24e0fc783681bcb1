import { CallFailed } from '../../lib/api';

/** The main side's Vietnamese message for a failed call, or a generic one for anything else. */
export function messageOf(failure: unknown, fallback: string): string {
  return failure instanceof CallFailed ? failure.message : fallback;
}
