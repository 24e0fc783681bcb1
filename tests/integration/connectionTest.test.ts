import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core/app/createCore';
import { siteRoot } from '../../electron/core/sync/connections';
import { callCore, openTestCore } from '../support/testCore';
import { wordpressEnv } from '../support/wordpress';

/*
 * «Kiểm tra kết nối» as an administrator uses it on day one: pasting the admin address they
 * sign in at, and a wrong port. Against the real local WordPress.
 */
const env = wordpressEnv();
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('site roots', () => {
  it.each([
    ['https://baotinh.vn/wp-admin/', 'https://baotinh.vn'],
    ['https://baotinh.vn/wp-admin/post-new.php', 'https://baotinh.vn'],
    ['https://baotinh.vn/tin/wp-login.php', 'https://baotinh.vn/tin'],
    ['https://baotinh.vn/admin/', 'https://baotinh.vn'],
    ['https://baotinh.vn/admin/index.php?language=vi&nv=news', 'https://baotinh.vn'],
    ['https://baotinh.vn/index.php?language=vi', 'https://baotinh.vn'],
    ['https://baotinh.vn/wp-json/', 'https://baotinh.vn'],
  ])('recognises %s as the site %s', (given, root) => {
    expect(siteRoot(given)).toEqual({ root, adjusted: true });
  });

  it('leaves a site root alone', () => {
    expect(siteRoot('https://baotinh.vn/')).toEqual({
      root: 'https://baotinh.vn',
      adjusted: false,
    });
  });
});

describe.skipIf(!env)('connection tests say what to do', () => {
  it('recognises a pasted /wp-admin/ address and offers the site root', async () => {
    if (!env) return;
    core = openTestCore();
    const result = await callCore(core, 'portals.test', {
      kind: 'wordpress',
      baseUrl: `${env.url}/wp-admin/`,
      username: env.user,
      secret: env.password,
    });
    expect(result.failure).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.suggestedBaseUrl).toBe(env.url.replace(/\/+$/u, ''));
  });

  it('does not promise a retry on a one-off test against a wrong port', async () => {
    core = openTestCore();
    const result = await callCore(core, 'portals.test', {
      kind: 'wordpress',
      baseUrl: 'http://127.0.0.1:9',
      username: 'admin',
      secret: 'x',
    });
    expect(result.ok).toBe(false);
    expect(result.failure?.message).not.toMatch(/tự thử lại/u);
    expect(result.failure?.message).toMatch(/Kiểm tra kết nối/u);
  });
});
