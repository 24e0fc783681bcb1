import { describe, expect, it, onTestFinished } from 'vitest';

import { tempDir } from '../support/tempDir';
import { phpUnavailableReason, startNukeVietHarness } from '../support/nukeviet-harness/harness';
import { AppPage } from './pages/AppPage';
import { bridgeCall } from './support/bridgeCall';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { startWebShell } from './support/webShell';

const chromium = useChromium();
const skipReason = phpUnavailableReason();
if (skipReason !== null) console.warn(`\n!!! NukeViet e2e SKIPPED: ${skipReason} !!!\n`);

describe.skipIf(skipReason !== null)('NukeViet portal settings in Cài đặt', () => {
  it('targets a virtual module copy with its own image position, tested against the harness', async () => {
    const harness = await startNukeVietHarness({
      module: { name: 'tin-tuc', data: 'tin_tuc', upload: 'tin-tuc' },
    });
    onTestFinished(() => harness.stop());
    const shell = await startWebShell(tempDir());
    onTestFinished(() => shell.stop().then(() => undefined));
    const app = new AppPage(await newPage(chromium()));
    const page = app.page;
    await app.open(shell.url);

    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('portals-section');
    await section.getByTestId('portal-add').click();
    await section.getByTestId('portal-kind').selectOption('nukeviet');
    await section.getByTestId('portal-name').fill('Cổng tỉnh (NukeViet)');
    await section.getByTestId('portal-url').fill(harness.baseUrl);
    await section.getByTestId('portal-username').fill(harness.editor.ident);
    await section.getByTestId('portal-secret').fill(harness.editor.secret);
    const fields = section.getByTestId('portal-nukeviet');
    expect(await fields.getByTestId('portal-nukeviet-module').inputValue()).toBe('news');
    await fields.getByTestId('portal-nukeviet-module').fill('tin-tuc');
    await fields.getByTestId('portal-nukeviet-imgposition').selectOption('1');
    await section.getByTestId('portal-test').click();
    const result = section.getByTestId('portal-test-result');
    await expect.poll(() => result.innerText(), { timeout: 20_000 }).toContain('Kết nối được');
    await screenshot(page, 'sync-settings-nukeviet-vi');
    await section.getByTestId('portal-save').click();
    await section.getByTestId('portal-card').waitFor();

    const portals = await bridgeCall<Array<{ nukeviet: unknown }>>(shell.url, 'portals.list', {});
    expect(portals.map((p) => p.nukeviet)).toEqual([
      { module: 'tin-tuc', language: 'vi', imagePosition: 1, creditApiAccount: false },
    ]);
  });
});
