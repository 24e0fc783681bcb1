import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/support/tempDir';
import { callCore, openTestCore, signInAs, testPassword } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';
import { runMigrations } from '../db/migrations';
import { newSigningKey, sealKey, signBytes, unsealKey, verifyBytes } from './keys';

const cost = { N: 2 ** 10, r: 8, p: 1 };

function keysOf(core: Core): Map<string, { public_key: string; sealed_private_key: string }> {
  const db = new Database(core.paths.database, { readonly: true });
  try {
    const rows = db
      .prepare(
        'SELECT u.user_name, k.public_key, k.sealed_private_key FROM user_keys k JOIN users u ON u.id = k.user_id',
      )
      .all() as Array<{ user_name: string; public_key: string; sealed_private_key: string }>;
    return new Map(rows.map((row) => [row.user_name, row]));
  } finally {
    db.close();
  }
}

describe('account signing keys', () => {
  it('seals the private key so only its password opens it', async () => {
    const key = newSigningKey();
    const stored = await sealKey(key, 'mật khẩu của Lan', cost);
    expect(stored.sealedPrivateKey).not.toContain(key.publicKey);
    const opened = await unsealKey(stored, 'mật khẩu của Lan'.normalize('NFD'));
    expect(opened?.publicKey).toBe(key.publicKey);
    expect(await unsealKey(stored, 'mat khau cua Lan')).toBeNull();
    // Another account's public key swapped in does not open (the public key is authenticated).
    expect(
      await unsealKey({ ...stored, publicKey: newSigningKey().publicKey }, 'mật khẩu của Lan'),
    ).toBeNull();
    const data = Buffer.from('duyệt bài');
    expect(verifyBytes(key.publicKey, data, signBytes(key, data))).toBe(true);
    expect(verifyBytes(newSigningKey().publicKey, data, signBytes(key, data))).toBe(false);
  });

  it('gives every account a key, which another account on the same PC cannot open; a password change re-seals it', async () => {
    const core = openTestCore({ dataDir: tempDir() });
    await callCore(core, 'newsroom.create', { name: 'Báo thử' });
    await callCore(core, 'users.create', {
      userName: 'hoa',
      displayName: 'Hoa',
      role: 'reporter',
      password: 'mat-khau-cua-hoa',
    });
    await signInAs(core, 'reporter', 'lan', 'Lan');
    await callCore(core, 'auth.changePassword', {
      currentPassword: testPassword,
      newPassword: 'mat-khau-moi-cua-lan',
    });
    // Still the key the roster lists (re-sealed, not replaced).
    const accounts = (await callCore(core, 'newsroom.status', {})).accounts;
    expect(accounts.find((account) => account.userName === 'lan')).toMatchObject({
      hasKey: true,
      inRoster: true,
    });
    await core.close();
    const keys = keysOf(core);
    const lan = keys.get('lan');
    const hoa = keys.get('hoa');
    if (!lan || !hoa) throw new Error('keys missing');
    expect(lan.public_key).not.toBe(hoa.public_key);
    // Hoa, on the same PC, knows her password, not Lan's: Lan's key stays shut to her.
    const sealed = { publicKey: lan.public_key, sealedPrivateKey: lan.sealed_private_key };
    expect(await unsealKey(sealed, 'mat-khau-cua-hoa')).toBeNull();
    expect(await unsealKey(sealed, testPassword)).toBeNull();
    expect((await unsealKey(sealed, 'mat-khau-moi-cua-lan'))?.publicKey).toBe(lan.public_key);
  });

  it('an account from before signing gets its key at its next sign-in', async () => {
    const dataDir = tempDir();
    const core = openTestCore({ dataDir });
    await signInAs(core, 'editor', 'btv', 'Biên tập');
    await core.close();
    // The library as an older Newsdesk left it: no keys.
    const db = new Database(`${dataDir}/newsdesk.sqlite`);
    runMigrations(db);
    db.prepare('DELETE FROM user_keys').run();
    db.close();
    const reopened = openTestCore({ dataDir });
    await signInAs(reopened, 'editor', 'btv');
    await reopened.close();
    expect(keysOf(reopened).has('btv')).toBe(true);
  });
});
