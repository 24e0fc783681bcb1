import { randomBytes } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core/app/createCore';
import { tempDir } from '../support/tempDir';
import { callCore, openTestCore, signInAs } from '../support/testCore';
import { createKeySecretBox } from '../support/keySecretBox';

/*
 * Issue 15, point 6: after a restart the browser shell has no portal secret. Whoever may
 * publish (editor, administrator) enters it again; the core refuses everyone else, and refuses
 * an editor who would replace a secret that still works. The shell says where it keeps secrets.
 */

const portal = {
  kind: 'wordpress' as const,
  name: 'Cổng tỉnh',
  baseUrl: 'http://127.0.0.1:9',
  username: 'bientap',
};

const opened: Core[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

function open(dataDir: string, keychain = false): Core {
  const core = openTestCore({
    dataDir,
    core: {
      sync: { autoStart: false },
      ...(keychain ? { secretBox: createKeySecretBox(randomBytes(32)) } : {}),
    },
  });
  opened.push(core);
  return core;
}

describe('portal secrets after a restart', () => {
  it('an editor re-enters a missing secret; a reporter is refused by the core', async () => {
    const dataDir = tempDir();
    const first = open(dataDir);
    const saved = await callCore(first, 'portals.save', { ...portal, secret: 'mat-khau-cu' });
    expect(saved.secretState).toBe('session');
    await first.close();
    opened.splice(0);

    const core = open(dataDir);
    expect((await callCore(core, 'portals.list', {}))[0]?.secretState).toBe('missing');
    await signInAs(core, 'reporter');
    const refused = await core.dispatch(
      'portals.setSecret',
      { id: saved.id, secret: 'mat-khau-moi' },
      { shell: 'browser' },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await signInAs(core, 'editor');
    const entered = await callCore(core, 'portals.setSecret', {
      id: saved.id,
      secret: 'mat-khau-moi',
    });
    expect(entered).toMatchObject({ id: saved.id, secretState: 'session', name: 'Cổng tỉnh' });
    // A secret that works is the administrator's to change, not a re-entry.
    const replace = await core.dispatch(
      'portals.setSecret',
      { id: saved.id, secret: 'mat-khau-khac' },
      { shell: 'browser' },
    );
    expect(replace).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!replace.ok) expect(replace.error.message).toContain('quản trị viên');
  });

  it('says where this shell keeps secrets: memory in the browser shell, the keychain otherwise', async () => {
    expect(await callCore(open(tempDir()), 'portals.secretStorage', {})).toEqual({
      kind: 'memory',
    });
    expect(await callCore(open(tempDir(), true), 'portals.secretStorage', {})).toEqual({
      kind: 'keychain',
    });
  });
});
