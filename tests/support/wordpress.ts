import { createHash } from 'node:crypto';

/** Where the local WordPress is (scripts/wordpress-local.sh setup; `eval "$(… env)"`). */
export interface WordPressEnv {
  url: string;
  user: string;
  password: string;
}

/**
 * The local WordPress from WP_URL, WP_USER and WP_APP_PASSWORD. Unset locally: null, and the
 * suites skip with a loud reason. Unset in CI: an error, because CI must run them.
 */
export function wordpressEnv(): WordPressEnv | null {
  const url = process.env.WP_URL;
  const user = process.env.WP_USER;
  const password = process.env.WP_APP_PASSWORD;
  if (url && user && password) return { url: url.replace(/\/+$/u, ''), user, password };
  if (process.env.CI) {
    throw new Error(
      'WP_URL/WP_USER/WP_APP_PASSWORD are not set in CI: .ci/run must run scripts/wordpress-local.sh setup and export its env.',
    );
  }
  process.stderr.write(
    '\n*** SKIPPING the WordPress sync integration tests: WP_URL is not set. Run\n' +
      '***   sudo scripts/wordpress-local.sh setup && eval "$(scripts/wordpress-local.sh env)"\n' +
      '*** to run them against a local WordPress. ***\n\n',
  );
  return null;
}

/** A REST answer read back from WordPress directly (not through the code under test). */
export interface RestAnswer<T> {
  status: number;
  json: T;
  headers: Headers;
}

/** Reads WordPress's REST API with the Application Password, for assertions. */
export function wordpressRest(env: WordPressEnv) {
  // Read when a call is made: suites skipped without WordPress still build this while collecting.
  const auth = (): string =>
    `Basic ${Buffer.from(`${env.user}:${env.password}`).toString('base64')}`;
  const call = async <T>(
    method: string,
    route: string,
    body?: Record<string, unknown>,
  ): Promise<RestAnswer<T>> => {
    const response = await fetch(`${env.url}/wp-json${route}`, {
      method,
      headers: {
        Authorization: auth(),
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return {
      status: response.status,
      json: (await response.json()) as T,
      headers: response.headers,
    };
  };
  return {
    get: <T>(route: string) => call<T>('GET', route),
    post: <T>(route: string, body: Record<string, unknown>) => call<T>('POST', route, body),
    delete: <T>(route: string) => call<T>('DELETE', route),
    /** `X-WP-Total` of a list query. */
    async total(route: string): Promise<number> {
      const answer = await call<unknown[]>('GET', route);
      if (answer.status !== 200) throw new Error(`GET ${route}: HTTP ${answer.status}`);
      return Number(answer.headers.get('x-wp-total') ?? '-1');
    },
    /** The bytes of an uploaded file. */
    async download(url: string): Promise<Buffer> {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    },
  };
}

/** The REST helper's API. */
export type WordPressRest = ReturnType<typeof wordpressRest>;

/** A short id that makes this run's titles, slugs and captions unique on the shared site. */
export function runId(label: string): string {
  return `${label}${createHash('sha256').update(`${Date.now()}-${Math.random()}`).digest('hex').slice(0, 8)}`;
}
