import type { CallInput, CallName, CallOutput } from './calls';
import type { EventName, EventPayload } from './events';
import type { Result } from './result';

/**
 * The one typed API the renderer sees, whichever shell it runs in: Electron's preload exposes it
 * on `window.newsdesk`; in the browser shell the renderer builds it over HTTP.
 */
export interface NewsdeskApi {
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
  /** URL for a file in the library's media folder (custom protocol or HTTP route). */
  mediaUrl(relativePath: string): string;
  /** Which shell hosts the renderer. */
  readonly shell: 'desktop' | 'browser';
}
