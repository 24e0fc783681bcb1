import path from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Lints fixture files with the project's own config (fixtures are ignored by `npm run lint`). */
async function lintFixture(relative: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root, ignore: false });
  const [result] = await eslint.lintFiles([path.join(root, 'tests/lint-fixtures', relative)]);
  if (!result) throw new Error('no lint result');
  return result.messages.map((message) => `${message.ruleId ?? 'fatal'}: ${message.message}`);
}

describe('layering rules bite', () => {
  it('refuses Node built-ins in shared/, with and without the node: prefix', async () => {
    const messages = await lintFixture('shared/importsNode.ts');
    expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toHaveLength(2);
    expect(messages.join('\n')).toContain('shared/ is pure: no Node built-ins');
  });

  it('refuses Electron and DOM globals in shared/', async () => {
    const messages = await lintFixture('shared/importsElectronAndDom.ts');
    expect(messages).toContain(
      "no-restricted-imports: 'electron' import is restricted from being used. Only electron/main and electron/preload may import Electron.",
    );
    expect(
      messages.some((m) => m.startsWith('no-restricted-globals') && m.includes('document')),
    ).toBe(true);
  });

  it('refuses electron/ and Electron in the renderer', async () => {
    const messages = await lintFixture('renderer/importsCore.ts');
    expect(messages.some((m) => m.includes('renderer/ never imports electron/'))).toBe(true);
    expect(
      messages.some((m) =>
        m.includes('Only electron/main and electron/preload may import Electron'),
      ),
    ).toBe(true);
  });

  it('refuses Electron in the core', async () => {
    const messages = await lintFixture('core/importsElectron.ts');
    expect(messages).toEqual([
      "no-restricted-imports: 'electron' import is restricted from being used. Only electron/main and electron/preload may import Electron.",
    ]);
  });

  it('refuses vitest and tests/ in application code', async () => {
    const restricted = async (fixture: string): Promise<string[]> =>
      (await lintFixture(fixture)).filter((m) => m.startsWith('no-restricted-imports'));
    expect(await restricted('core/importsVitest.ts')).toEqual([
      "no-restricted-imports: 'vitest' import is restricted from being used by a pattern. Application code never imports vitest: test helpers belong in tests/support.",
    ]);
    expect(await restricted('core/importsTestSupport.ts')).toEqual([
      "no-restricted-imports: '../../../tests/support/tempDir' import is restricted from being used by a pattern. Application code never imports from tests/: test helpers belong in tests/support.",
    ]);
    expect((await restricted('renderer/importsTestSupport.ts')).join('\n')).toContain(
      'Application code never imports from tests/',
    );
  });

  it('lets a test file use vitest and tests/support', async () => {
    expect(
      (await lintFixture('core/usesKit.test.ts')).filter((m) =>
        m.startsWith('no-restricted-imports'),
      ),
    ).toEqual([]);
  });

  it('passes a clean shared module', async () => {
    expect(await lintFixture('shared/clean.ts')).toEqual([]);
  });
});
