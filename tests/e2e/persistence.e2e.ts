import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import type { WebShell } from './support/webShell';
import { startWebShell } from './support/webShell';

const sentence = 'Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng';

const chromium = useChromium();

describe('a reporter never loses typed text', () => {
  it('keeps the text when the server is killed one second after typing stops', async () => {
    const dataDir = tempDir();
    let shell: WebShell = await startWebShell(dataDir);
    const page = await newPage(chromium());
    const app = new AppPage(page);
    await app.open(shell.url);
    await app.createArticle();
    await app.typeBody(sentence);

    // No waiting for "saved": one second after the last key, the process dies without warning.
    await page.waitForTimeout(1000);
    expect(await shell.stop('SIGKILL')).toBeNull();
    expect(shell.process.signalCode).toBe('SIGKILL');

    shell = await startWebShell(dataDir);
    const reopened = await newPage(chromium());
    const again = new AppPage(reopened);
    await again.open(shell.url);
    // The app reopens the article the reporter was writing.
    await expect.poll(() => again.body.innerText()).toBe(sentence);
    await expect.poll(() => again.articleItems.first().innerText()).toContain(sentence);
    await screenshot(reopened, 'editor-after-restart');
    await shell.stop();
  });

  it('keeps title and body typed over several seconds without a pause', async () => {
    const dataDir = tempDir();
    let shell = await startWebShell(dataDir);
    const page = await newPage(chromium());
    const app = new AppPage(page);
    await app.open(shell.url);
    await app.createArticle();
    await app.typeTitle('Hội nghị tổng kết');
    const long = `${sentence}. `.repeat(4).trim();
    await app.typeBody(long);
    await page.waitForTimeout(1000);
    await shell.stop('SIGKILL');

    shell = await startWebShell(dataDir);
    const reopened = new AppPage(await newPage(chromium()));
    await reopened.open(shell.url);
    await expect.poll(() => reopened.body.innerText()).toBe(long);
    expect(await reopened.title.inputValue()).toBe('Hội nghị tổng kết');
    await shell.stop();
  });
});
