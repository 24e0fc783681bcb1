import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/**
 * Packs the app with electron-builder's real configuration, but with a stub Electron
 * distribution (the binary cannot be downloaded here) and without rebuilding native modules
 * (that happens on the packaging machine), then checks what landed in the package.
 */
describe('packaging', () => {
  it('puts main, preload, renderer, resources and unpacked native modules in the app', async () => {
    expect(fs.existsSync(path.join(root, 'out/main/index.js')), 'run `npm run build` first').toBe(
      true,
    );
    const stub = tempDir('newsdesk-electron-stub-');
    // The stub carries Electron's fuse wire (V1, 8 fuses at Electron's defaults), so
    // electron-builder flips the fuses of electron-builder.yml in it as in a real binary.
    fs.writeFileSync(
      path.join(stub, 'electron'),
      Buffer.concat([
        Buffer.from('#!/bin/sh\n'),
        Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1'),
        Buffer.from([1, 8]),
        Buffer.from('11100010'),
      ]),
      { mode: 0o755 },
    );
    fs.mkdirSync(path.join(stub, 'locales'));
    for (const locale of ['vi', 'en-US', 'fr'])
      fs.writeFileSync(path.join(stub, 'locales', `${locale}.pak`), '');
    const output = tempDir('newsdesk-pack-');

    await run(
      path.join(root, 'node_modules/.bin/electron-builder'),
      [
        '--dir',
        '--linux',
        '--x64',
        '--config',
        'electron-builder.yml',
        `-c.electronDist=${stub}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${output}`,
      ],
      { cwd: root, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, timeout: 240_000 },
    );

    const app = path.join(output, 'linux-unpacked');
    const resources = path.join(app, 'resources');
    // Issue 12: the packaged binary's fuses are flipped (0x30 off, 0x31 on).
    const fuses = await getCurrentFuseWire(path.join(app, 'newsdesk'));
    expect(fuses[FuseV1Options.RunAsNode]).toBe(0x30);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(0x30);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(0x30);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(0x31);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(0x31);

    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((file) =>
      file.split(path.sep).join('/'),
    );
    for (const expected of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/web.js',
      '/out/main/photoWorker.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
    ]) {
      expect(files).toContain(expected);
    }
    expect(files.some((file) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(file))).toBe(
      true,
    );
    expect(files.some((file) => file.startsWith('/node_modules/zod/'))).toBe(true);
    expect(files.some((file) => file.startsWith('/node_modules/electron/'))).toBe(false);
    expect(files.some((file) => file.startsWith('/node_modules/react/'))).toBe(false);

    const unpacked = path.join(resources, 'app.asar.unpacked', 'node_modules');
    expect(
      fs.existsSync(path.join(unpacked, 'better-sqlite3/build/Release/better_sqlite3.node')),
    ).toBe(true);
    expect(fs.existsSync(path.join(unpacked, 'better-sqlite3/deps'))).toBe(false);
    const sharpNative = fs
      .readdirSync(path.join(unpacked, '@img'))
      .filter((name) => name.startsWith('sharp-'));
    expect(sharpNative).toContain('sharp-linux-x64');
    expect(fs.existsSync(path.join(resources, 'resources', 'README.md'))).toBe(true);
    expect(fs.existsSync(path.join(resources, 'resources', 'build'))).toBe(false);
    expect(fs.readdirSync(path.join(app, 'locales')).sort()).toEqual(['en-US.pak', 'vi.pak']);
  }, 300_000);
});
