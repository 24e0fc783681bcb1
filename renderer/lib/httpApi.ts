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

/** How the page's link to the browser shell's server stands. */
export type ConnectionState =
  /** Calls go through. */
  | 'ok'
  /** The server does not answer (stopped, crashed, the PC's Newsdesk window closed). */
  | 'lost'
  /** A server answers but refuses this page's token: Newsdesk was started again (new token). */
  | 'restarted';

/** The browser shell's connection, for the banner that says when the server has gone. */
export interface HttpConnection {
  state(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;
  /** Asks the server again now (the banner's «Thử lại»). */
  probe(): Promise<ConnectionState>;
  /** Takes the new address's token after a restart; pending saves then go through. */
  useToken(token: string): void;
}

/** The HTTP API plus its connection. */
export type HttpApi = NewsdeskApi & { connection: HttpConnection };

const probeEveryMs = 2000;

/**
 * The contract over the loopback bridge, for the browser shell. Same `NewsdeskApi` as the
 * preload's, so no feature knows which shell it runs in. It also watches the link: a failed
 * call marks the server `lost` and probes it every 2 s until it answers; a 401 means Newsdesk
 * restarted with a new token. Nothing on the page is dropped meanwhile: the autosaver keeps
 * retrying, and its saves go through once the link is back.
 */
export function createHttpApi(initialToken: string, storage?: Storage): HttpApi {
  let token = initialToken;
  let source: EventSource | null = null;
  const handlers = new Map<string, Set<(event: MessageEvent<string>) => void>>();
  const eventSource = (): EventSource => {
    if (source) return source;
    const created = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const [name, set] of handlers)
      for (const handler of set) created.addEventListener(name, handler);
    source = created;
    return created;
  };

  let state: ConnectionState = 'ok';
  const listeners = new Set<(state: ConnectionState) => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(state);
    if (state === 'ok') {
      if (timer) clearTimeout(timer);
      timer = null;
      // The old event stream died with the old server: open a new one.
      source?.close();
      source = null;
      if (handlers.size > 0) eventSource();
    } else if (!timer) {
      const again = (): void => {
        timer = setTimeout(() => {
          void probe().then((found) => {
            if (found === 'ok') return;
            again();
          });
        }, probeEveryMs);
      };
      again();
    }
  };

  const post = (name: string, input: unknown): Promise<Response> =>
    fetch(`/api/call/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
      keepalive: false,
    });

  const probe = async (): Promise<ConnectionState> => {
    try {
      const response = await post('auth.status', {});
      setState(response.status === 401 ? 'restarted' : 'ok');
    } catch {
      setState('lost');
    }
    return state;
  };

  return {
    shell: 'browser',
    async call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
      try {
        const response = await post(name, input);
        setState(response.status === 401 ? 'restarted' : 'ok');
        return (await response.json()) as Result<CallOutput<K>>;
      } catch {
        setState('lost');
        return offline;
      }
    },
    on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void) {
      const handler = (event: MessageEvent<string>): void => {
        listener(JSON.parse(event.data) as EventPayload<K>);
      };
      const set = handlers.get(name) ?? new Set();
      set.add(handler);
      handlers.set(name, set);
      eventSource().addEventListener(name, handler);
      return () => {
        set.delete(handler);
        source?.removeEventListener(name, handler);
      };
    },
    mediaUrl(relativePath) {
      const path = relativePath.split('/').map(encodeURIComponent).join('/');
      return `/media/${path}?token=${encodeURIComponent(token)}`;
    },
    connection: {
      state: () => state,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      probe,
      useToken(next) {
        token = next;
        storage?.setItem('newsdesk.token', next);
        source?.close();
        source = null;
        void probe();
      },
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
