import type { NewsdeskApi } from '../../shared/contract/api';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { Result } from '../../shared/contract/result';

const offline: Result<never> = {
  ok: false,
  error: {
    code: 'internal',
    message:
      'Mất kết nối tới máy chủ Newsdesk trên máy này. Hãy kiểm tra cửa sổ dòng lệnh còn chạy không rồi tải lại trang.',
  },
};

/**
 * The contract over the loopback bridge, for the browser shell. Same `NewsdeskApi` as the
 * preload's, so no feature knows which shell it runs in.
 */
export function createHttpApi(token: string): NewsdeskApi {
  let source: EventSource | null = null;
  const eventSource = (): EventSource => {
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    return source;
  };
  return {
    shell: 'browser',
    async call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
      try {
        const response = await fetch(`/api/call/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input),
          keepalive: false,
        });
        return (await response.json()) as Result<CallOutput<K>>;
      } catch {
        return offline;
      }
    },
    on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void) {
      const handler = (event: MessageEvent<string>): void => {
        listener(JSON.parse(event.data) as EventPayload<K>);
      };
      eventSource().addEventListener(name, handler);
      return () => eventSource().removeEventListener(name, handler);
    },
    mediaUrl(relativePath) {
      const path = relativePath.split('/').map(encodeURIComponent).join('/');
      return `/media/${path}?token=${encodeURIComponent(token)}`;
    },
  };
}

/** Takes the per-run token from the address bar once, keeps it for reloads, and hides it. */
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem('newsdesk.token', fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem('newsdesk.token');
}
