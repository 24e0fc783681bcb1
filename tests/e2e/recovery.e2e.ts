import fs from 'node:fs';

import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AuthPage } from './pages/AuthPage';
import { newPage, screenshot } from './support/browser';
import { bridgeCall } from './support/bridgeCall';
import { databaseOf, flipArticlePageBytes } from './support/libraryFiles';
import { useChromium } from './support/useChromium';
import type { WebShell } from './support/webShell';
import { e2eAdmin, startWebShell } from './support/webShell';

/*
 * Backups, restore, salvage and the recovery screen in Chromium through the browser shell
 * (issue 11): real files damaged between runs, the user's clicks, screenshots.
 */

const chromium = useChromium();

async function writeArticle(shell: WebShell, title: string, words = 20): Promise<string> {
  const created = await bridgeCall<{ id: string; version: number; meta: unknown }>(
    shell.url,
    'articles.create',
    { title },
  );
  await bridgeCall(shell.url, 'articles.save', {
    id: created.id,
    title,
    meta: created.meta,
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'chữ '.repeat(words) }] }],
    },
    baseVersion: created.version,
  });
  return created.id;
}

describe('the recovery screen', () => {
  it('a damaged library: the screen explains, then restores the newest backup', async () => {
    const dataDir = tempDir();
    let shell = await startWebShell(dataDir);
    await writeArticle(shell, 'Bài trong bản sao lưu');
    await shell.stop();
    flipArticlePageBytes(dataDir);

    shell = await startWebShell(dataDir, [], { signIn: false });
    const page = await newPage(chromium());
    await page.goto(shell.url);
    const screen = page.getByTestId('recovery-screen');
    await screen.waitFor();
    expect(await screen.innerText()).toContain('Thư viện dữ liệu bị hỏng');
    expect(await page.getByTestId('recovery-newest').innerText()).toMatch(/1 bài/);
    await screenshot(page, 'recovery-damaged');

    await page.getByTestId('recovery-restore').click();
    await page.getByTestId('recovery-done').waitFor();
    expect(await page.getByTestId('recovery-done').innerText()).toMatch(/Đã khôi phục/);
    await screenshot(page, 'recovery-restored');
    await page.getByTestId('recovery-open').click();
    const auth = new AuthPage(page);
    await auth.signIn(e2eAdmin);
    await expect
      .poll(() => page.getByTestId('article-item').first().innerText())
      .toContain('Bài trong bản sao lưu');
    await shell.stop();
  });

  it('a library cut short: salvage copies what it can read and reports the rest', async () => {
    const dataDir = tempDir();
    let shell = await startWebShell(dataDir);
    for (let i = 0; i < 40; i += 1) await writeArticle(shell, `Bài số ${i}`, 400);
    await shell.stop();
    const file = databaseOf(dataDir);
    fs.truncateSync(file, fs.statSync(file).size - 20 * 4096);

    shell = await startWebShell(dataDir, [], { signIn: false });
    const page = await newPage(chromium());
    await page.goto(shell.url);
    await page.getByTestId('recovery-screen').waitFor();
    await page.getByTestId('recovery-salvage').click();
    const done = page.getByTestId('recovery-done');
    await done.waitFor();
    expect(await done.innerText()).toMatch(/Đã cứu \d+ dòng dữ liệu/);
    expect(await done.innerText()).toContain('set-aside');
    await screenshot(page, 'recovery-salvaged');
    await page.getByTestId('recovery-open').click();
    await new AuthPage(page).signIn(e2eAdmin);
    await expect.poll(() => page.getByTestId('article-item').count()).toBeGreaterThan(0);
    await shell.stop();
  });

  it('a deleted WAL after a crash: the screen says changes are missing and offers the backup', async () => {
    const dataDir = tempDir();
    let shell = await startWebShell(dataDir);
    await writeArticle(shell, 'Bài có trong bản sao lưu');
    await shell.stop();
    shell = await startWebShell(dataDir);
    await writeArticle(shell, 'Bài viết chỉ có trong WAL');
    await shell.stop('SIGKILL');
    fs.rmSync(`${databaseOf(dataDir)}-wal`);

    shell = await startWebShell(dataDir, [], { signIn: false });
    const page = await newPage(chromium());
    await page.goto(shell.url);
    const screen = page.getByTestId('recovery-screen');
    await screen.waitFor();
    expect(await screen.innerText()).toContain('Thư viện thiếu những thay đổi đã lưu');
    expect(await screen.innerText()).toContain('newsdesk.sqlite-wal');
    await screenshot(page, 'recovery-behind');
    await page.getByTestId('recovery-restore').click();
    await page.getByTestId('recovery-done').waitFor();
    await page.getByTestId('recovery-open').click();
    await new AuthPage(page).signIn(e2eAdmin);
    await expect
      .poll(() => page.getByTestId('article-item').first().innerText())
      .toContain('Bài có trong bản sao lưu');
    await shell.stop();
  });
});

describe('backups in Settings', () => {
  it('lists verified backups, backs up now and restores one in two clicks', async () => {
    const dataDir = tempDir();
    const usb = tempDir();
    let shell = await startWebShell(dataDir);
    await writeArticle(shell, 'Bài đầu tiên');
    await shell.stop();
    shell = await startWebShell(dataDir);
    const page = await newPage(chromium());
    await page.goto(shell.url);
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('backups-section');
    await section.waitFor();
    await page.getByTestId('backup-extra-dir').fill(usb);
    await section.getByRole('button', { name: 'Lưu nơi sao lưu' }).click();
    await expect.poll(() => page.getByTestId('backups-message').innerText()).toContain(usb);
    await writeArticle(shell, 'Bài thứ hai');
    const before = await page.getByTestId('backup-row').count();
    await page.getByTestId('backup-now').click();
    // Both places get the copy.
    await expect
      .poll(() => page.getByTestId('backup-row').count(), { timeout: 20_000 })
      .toBe(before + 2);
    expect(await page.getByTestId('backup-row').first().innerText()).toMatch(/2/);
    await page.getByTestId('backup-export').click();
    await expect
      .poll(() => page.getByTestId('backups-message').innerText())
      .toContain('.ndlibrary');
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-backups');

    // Restore the copy taken on quit (one article): two clicks.
    const quitCopy = page
      .getByTestId('backup-row')
      .filter({ hasText: 'khi thoát' })
      .filter({ hasText: 'thư mục dữ liệu' })
      .first();
    expect(await quitCopy.locator('td').nth(4).innerText()).toBe('1');
    await quitCopy.getByTestId('backup-restore').click();
    await quitCopy.getByTestId('backup-confirm-restore').click();
    await expect
      .poll(() => page.getByTestId('backups-message').innerText(), { timeout: 20_000 })
      .toContain('set-aside');
    await new AuthPage(page).signInCard.waitFor({ timeout: 15_000 });
    await new AuthPage(page).signIn(e2eAdmin);
    await expect.poll(() => page.getByTestId('article-item').count()).toBe(1);
    await shell.stop();
  });
});
