import type { ShortcutId } from '../../shared/app/shortcuts';
import type { NewsdeskApi } from '../../shared/contract/api';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import type { ContractError } from '../../shared/errors/appError';
import { createHttpApi, takeToken } from './httpApi';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in the browser shell. */
    newsdesk?: NewsdeskApi & {
      onCloseRequest?(handler: () => Promise<void>): () => void;
      /** Electron's menu chose an application shortcut. */
      onShortcut?(handler: (id: ShortcutId) => void): () => void;
    };
  }
}

/** Picks the shell's API: Electron's preload bridge, or the loopback bridge in a browser. */
export function resolveApi(): NewsdeskApi | null {
  if (window.newsdesk) return window.newsdesk;
  const token = takeToken(window.location, window.sessionStorage, window.history);
  return token ? createHttpApi(token, window.sessionStorage) : null;
}

/** A failed call, thrown by `callOrThrow` so React code can use try/catch. */
export class CallFailed extends Error {
  readonly error: ContractError;
  constructor(error: ContractError) {
    super(error.message);
    this.error = error;
  }
}

/** Calls the contract and unwraps the envelope. */
export async function callOrThrow<K extends CallName>(
  api: NewsdeskApi,
  name: K,
  input: CallInput<K>,
): Promise<CallOutput<K>> {
  const result = await api.call(name, input);
  if (!result.ok) throw new CallFailed(result.error);
  return result.value;
}
