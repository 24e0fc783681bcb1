import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';

import { flipFuses, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { PlatformPackager } from 'app-builder-lib';
import type { FuseOptionsV1 } from 'app-builder-lib/out/configuration';
import { DebugLogger } from 'builder-util';
import type { App, IpcMainInvokeEvent, SafeStorage } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core/app/createCore';
import { bindContract } from '../../electron/main/ipc/bindContract';
import { createDesktopSecretBox } from '../../electron/main/secretBox';
import type { ExternalLinks } from '../../electron/main/security/guards';
import { installSecurityGuards } from '../../electron/main/security/guards';
import { handleProtocols, registerSchemes } from '../../electron/main/security/protocols';
import { rendererLocation } from '../../electron/main/security/rendererUrl';
import { callChannel } from '../../shared/contract/ipcChannels';
import { tempDir } from '../support/tempDir';
import { openTestCore } from '../support/testCore';

/**
 * Issue 12, point 6. The Electron binary cannot run here, so the main process's own code runs
 * under Node against a small fake of the Electron APIs it is given: the guards, the protocol
 * handlers, the IPC sender check, the secret box, the dev-server rule, and the fuse
 * configuration as electron-builder reads, validates and applies it.
 */

const root = path.resolve(import.meta.dirname, '../..');
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('fuses', () => {
  it('are configured in electron-builder.yml, valid for electron-builder 26, and flip a binary', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const fuses = config.electronFuses;
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    if (!fuses) throw new Error('electronFuses missing');

    // A stand-in binary with Electron's fuse wire (V1, 8 fuses, all at Electron's defaults),
    // flipped exactly as electron-builder does after packing.
    const binary = path.join(tempDir(), 'newsdesk');
    const wire = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1');
    fs.writeFileSync(
      binary,
      Buffer.concat([Buffer.from('ELF…'), wire, Buffer.from([1, 8]), Buffer.from('11100010')]),
    );
    // electron-builder's own mapping from the yml's names to the wire (a private method).
    const packager = PlatformPackager.prototype as unknown as {
      generateFuseConfig(options: FuseOptionsV1): Promise<Parameters<typeof flipFuses>[1]>;
    };
    await flipFuses(binary, await packager.generateFuseConfig(fuses));
    const flipped = await getCurrentFuseWire(binary);
    const on = 49;
    const off = 48;
    expect(flipped[FuseV1Options.RunAsNode]).toBe(off);
    expect(flipped[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(flipped[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(flipped[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(flipped[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
  });
});

describe('the renderer URL', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };

  it('ignores ELECTRON_RENDERER_URL in an installed build', () => {
    const packaged = rendererLocation(true, { ELECTRON_RENDERER_URL: 'https://evil.example/' });
    expect(packaged.url).toBe('app://newsdesk/index.html');
    expect(packaged.isAppUrl('https://evil.example/')).toBe(false);
    expect(rendererLocation(true, env).isAppUrl('http://localhost:5173/')).toBe(false);
  });

  it('honours a local dev server only in a development run', () => {
    const dev = rendererLocation(false, env);
    expect(dev.url).toBe('http://localhost:5173/');
    expect(dev.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev.isAppUrl('http://localhost:51730/')).toBe(false);
    expect(rendererLocation(false, { ELECTRON_RENDERER_URL: 'https://evil.example' }).url).toBe(
      'app://newsdesk/index.html',
    );
  });
});

/** A fake web contents: records listeners and the window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  /** Emits a cancellable event; true when the listener prevented it. */
  attempt(name: string, url?: string): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function guardedContents(links: ExternalLinks) {
  const app = new EventEmitter();
  const permissions: boolean[] = [];
  const session = {
    setPermissionRequestHandler(
      handler: (contents: unknown, permission: string, callback: (ok: boolean) => void) => void,
    ) {
      handler(null, 'media', (ok) => permissions.push(ok));
    },
    setPermissionCheckHandler(handler: () => boolean) {
      permissions.push(handler());
    },
  };
  installSecurityGuards(
    app as unknown as Pick<App, 'on'>,
    session,
    (url) => url.startsWith('app://newsdesk/'),
    links,
  );
  const contents = new FakeContents();
  app.emit('web-contents-created', {}, contents);
  return { contents, permissions };
}

describe('the window guards', () => {
  it('deny permissions, foreign navigation and webviews', () => {
    const { contents, permissions } = guardedContents({
      openExternal: () => Promise.resolve(),
      confirm: () => Promise.resolve(true),
    });
    expect(permissions).toEqual([false, false]);
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt('will-navigate', 'app://newsdesk/index.html')).toBe(false);
    expect(contents.attempt('will-attach-webview')).toBe(true);
  });

  it('open only http(s) links, and only after the user confirms the host', async () => {
    const asked: string[] = [];
    const opened: string[] = [];
    let answer = false;
    const { contents } = guardedContents({
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
      confirm: (host) => {
        asked.push(host);
        return Promise.resolve(answer);
      },
    });
    const open = async (url: string): Promise<void> => {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
      await new Promise((resolve) => setImmediate(resolve));
    };
    await open('https://baochinhphu.vn/bai-viet');
    expect(asked).toEqual(['baochinhphu.vn']);
    expect(opened).toEqual([]);
    answer = true;
    await open('http://portal.example.vn:8080/tin');
    expect(opened).toEqual(['http://portal.example.vn:8080/tin']);
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'smb://attacker/share',
      'ms-msdt:/id',
      'https://baochinhphu.vn@evil.example/',
    ])
      await open(url);
    expect(asked).toEqual(['baochinhphu.vn', 'portal.example.vn:8080']);
    expect(opened).toHaveLength(1);
  });
});

describe('protocol registration', () => {
  it('registers app:// and media:// and serves through the confined handlers', async () => {
    const registered: string[] = [];
    const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
    const protocol = {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
        registered.push(...schemes.map((scheme) => scheme.scheme)),
      handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) =>
        handlers.set(scheme, handler),
    };
    registerSchemes(protocol);
    const media = tempDir();
    fs.writeFileSync(path.join(media, 'a.jpg'), 'anh');
    fs.symlinkSync('/etc/passwd', path.join(media, 'b.jpg'));
    handleProtocols(protocol, tempDir(), media);
    expect(registered).toEqual(['app', 'media']);
    const serve = handlers.get('media');
    expect((await serve?.(new Request('media://library/a.jpg')))?.status).toBe(200);
    expect((await serve?.(new Request('media://library/b.jpg')))?.status).toBe(403);
  });
});

describe('the IPC sender check', () => {
  it('lets only our window showing our own origin make calls', async () => {
    core = openTestCore();
    const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>();
    const ipcMain = {
      handle: (channel: string, handler: (event: IpcMainInvokeEvent, input: unknown) => unknown) =>
        handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
    };
    const webContents = { send: () => undefined };
    const window = { webContents };
    const unbind = bindContract(
      ipcMain,
      core,
      () => window as never,
      (url) => url.startsWith('app://newsdesk/'),
    );
    const call = (sender: unknown, frameUrl: string) =>
      handlers.get(callChannel('auth.status'))?.(
        { sender, senderFrame: { url: frameUrl } } as unknown as IpcMainInvokeEvent,
        {},
      );
    const refused = { ok: false, error: { code: 'forbidden' } };
    expect(await call({ send: () => undefined }, 'app://newsdesk/index.html')).toMatchObject(
      refused,
    );
    expect(await call(webContents, 'https://evil.example/')).toMatchObject(refused);
    expect(await call(webContents, 'app://newsdesk/index.html')).toMatchObject({ ok: true });
    unbind();
    expect(handlers.size).toBe(0);
  });
});

describe('the secret box', () => {
  const fakeSafeStorage = (available: boolean, backend: string) => ({
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    // Stands in for the OS keychain: a reversible transform the box must not bypass.
    encryptString: (plain: string) => Buffer.from(`sealed:${plain}`, 'utf8'),
    decryptString: (sealed: Buffer) => {
      const text = sealed.toString('utf8');
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext');
      return text.slice('sealed:'.length);
    },
  });
  type Fake = Pick<
    SafeStorage,
    'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
  >;

  it('treats Linux basic_text and a missing keychain as unavailable (memory only)', () => {
    for (const [available, backend] of [
      [true, 'basic_text'],
      [false, 'gnome_libsecret'],
    ] as const) {
      const box = createDesktopSecretBox(fakeSafeStorage(available, backend) as Fake, 'linux');
      expect(box.persistent).toBe(false);
    }
  });

  it('seals through the keychain and answers null for what it cannot open', () => {
    const box = createDesktopSecretBox(fakeSafeStorage(true, 'kwallet5') as Fake, 'linux');
    expect(box.persistent).toBe(true);
    const sealed = box.seal('mat-khau-ung-dung');
    expect(Buffer.from(sealed).toString('utf8')).not.toBe('mat-khau-ung-dung');
    expect(box.open(sealed)).toBe('mat-khau-ung-dung');
    expect(box.open(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
