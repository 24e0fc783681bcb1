import type { NewsdeskApi } from '../../../shared/contract/api';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import type { Result } from '../../../shared/contract/result';

/**
 * The contract client the signed-in app uses: the shell's client, except that a call refused as
 * `unauthorized` (nobody signed in, or the seat locked after inactivity) also tells the sign-in
 * gate, which then shows the lock screen over the app without unmounting it, so the editor keeps
 * its text and the autosaver's retry succeeds once the user is back.
 */
export function guardApi(api: NewsdeskApi, onUnauthorized: (message: string) => void): NewsdeskApi {
  return {
    shell: api.shell,
    async call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
      const result = await api.call(name, input);
      if (!result.ok && result.error.code === 'unauthorized') onUnauthorized(result.error.message);
      return result;
    },
    on: (name, listener) => api.on(name, listener),
    mediaUrl: (relativePath) => api.mediaUrl(relativePath),
  };
}
