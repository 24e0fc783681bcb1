import { z } from 'zod';

import { syncStates } from '../domain/sync';

/**
 * Typed notifications from the main side: change notices so views refresh, and progress for
 * long jobs (photo batches, sync). Payloads are validated on emit in tests and dev.
 */
export const events = {
  'articles.changed': z.object({ id: z.string(), version: z.number().int() }),
  /** Someone signed in, out, switched or locked the seat (an idle lock is noticed on the next call). */
  'session.changed': z.object({ userId: z.string().nullable(), locked: z.boolean() }),
  'jobs.progress': z.object({
    jobId: z.string(),
    kind: z.string(),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    label: z.string(),
    etaSeconds: z.number().nullable(),
  }),
  /** An outbox item changed state or progress (portal sync). */
  'sync.item': z.object({
    id: z.string(),
    articleId: z.string(),
    connectionId: z.string(),
    state: z.enum(syncStates),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    /** The last error's Vietnamese message, or null. */
    message: z.string().nullable(),
  }),
  /** The shell's sync indicator changed: online/offline, items waiting. */
  'sync.status': z.object({
    online: z.boolean().nullable(),
    waiting: z.number().int().min(0),
    running: z.number().int().min(0),
    failed: z.number().int().min(0),
    conflicts: z.number().int().min(0),
    nextAttemptAt: z.number().nullable(),
  }),
} as const;

/** The name of an event. */
export type EventName = keyof typeof events;

/** The payload of an event. */
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

/** An event on the wire. */
export type EventMessage = { [K in EventName]: { name: K; payload: EventPayload<K> } }[EventName];

/** Narrows an arbitrary string to an event name. */
export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}
