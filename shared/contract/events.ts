import { z } from 'zod';

/**
 * Typed notifications from the main side: change notices so views refresh, and progress for
 * long jobs (photo batches, sync). Payloads are validated on emit in tests and dev.
 */
export const events = {
  'articles.changed': z.object({ id: z.string(), version: z.number().int() }),
  'jobs.progress': z.object({
    jobId: z.string(),
    kind: z.string(),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    label: z.string(),
    etaSeconds: z.number().nullable(),
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
