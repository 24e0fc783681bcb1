import type { EventMessage, EventName, EventPayload } from '../../../shared/contract/events';

/** Fan-out of contract events to whichever shells are listening (IPC windows, SSE clients). */
export interface EventBus {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  subscribe(listener: (message: EventMessage) => void): () => void;
}

/** Creates an in-process event bus. */
export function createEventBus(): EventBus {
  const listeners = new Set<(message: EventMessage) => void>();
  return {
    emit(name, payload) {
      const message = { name, payload } as EventMessage;
      for (const listener of listeners) listener(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
