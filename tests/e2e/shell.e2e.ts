import { spawn } from 'node:child_process';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { newPage, screenshot } from './support/browser';
import { killTree, trackProcess } from './support/processRegistry';
import { useChromium } from './support/useChromium';
import { repoRoot, ShellExited, startWebShell } from './support/webShell';

const chromium = useChromium();

describe('the app shell in Chromium', () => {
  it('shows the Vietnamese shell, an article with counts, and the diagnostics screen', async () => {
    const dataDir = tempDir();
    const shell = await startWebShell(dataDir);
    const page = await newPage(chromium());
    const app = new AppPage(page);
    await app.open(shell.url);
    expect(new URL(page.url()).search).toBe('');
    await expect.poll(() => page.getByTestId('nav-articles').innerText()).toContain('Bài viết');
    await screenshot(page, 'shell-empty-vi');

    await app.createArticle();
    await app.typeTitle('Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng cập nhật kiến thức');
    await app.typeBody(
      'Sáng ngày 12/7/2023, tại trường Chính trị Trần Phú, đồng chí Hoàng Trung Dũng đã có buổi tiếp xúc, nói chuyện với hơn 200 học viên.',
    );
    await app.waitUntilSaved();
    await expect.poll(() => app.saveStatus.innerText()).toMatch(/^Đã lưu lúc \d\d:\d\d:\d\d$/);
    await expect.poll(() => app.counts.innerText()).toBe('26 chữ · 131 ký tự · đọc khoảng 1 phút');
    await app.createArticle();
    await app.typeTitle('Hội nghị triển khai nhiệm vụ 6 tháng cuối năm');
    await app.waitUntilSaved();
    await app.articleItems.filter({ hasText: 'Bí thư Tỉnh ủy' }).click();
    await expect.poll(() => app.body.innerText()).toContain('Trần Phú');
    await screenshot(page, 'shell-editor-vi');

    await app.openAbout();
    expect(await page.getByTestId('about-data-dir').innerText()).toBe(path.resolve(dataDir));
    expect(await page.getByTestId('about-log-file').innerText()).toBe(
      path.join(path.resolve(dataDir), 'logs', 'newsdesk.log'),
    );
    expect(await page.getByTestId('about-articles').innerText()).toBe('2');
    await screenshot(page, 'about-vi');

    await app.switchLanguage('en');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('About & diagnostics');
    await screenshot(page, 'about-en');
    await shell.stop();
  });

  it('remembers the chosen language across restarts', async () => {
    const dataDir = tempDir();
    let shell = await startWebShell(dataDir);
    const app = new AppPage(await newPage(chromium()));
    await app.open(shell.url);
    await app.switchLanguage('en');
    await expect.poll(() => app.page.getByTestId('nav-articles').innerText()).toContain('Articles');
    await shell.stop();
    shell = await startWebShell(dataDir);
    const again = new AppPage(await newPage(chromium()));
    await again.open(shell.url);
    await expect
      .poll(() => again.page.getByTestId('nav-articles').innerText())
      .toContain('Articles');
    await shell.stop();
  });

  it('tells the user when the page is opened without the token', async () => {
    const shell = await startWebShell(tempDir());
    const page = await newPage(chromium());
    await page.goto(shell.origin + '/');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('?token=');
    await screenshot(page, 'no-token-vi');
    await shell.stop();
  });

  it('refuses to open a library another shell holds, saying so in Vietnamese', async () => {
    const dataDir = tempDir();
    const first = await startWebShell(dataDir);
    const second = await startWebShell(dataDir).then(
      () => null,
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(ShellExited);
    expect((second as ShellExited).code).toBe(3);
    expect((second as ShellExited).stderr).toMatch(
      /đang được một phiên Newsdesk khác sử dụng \(trình duyệt, tiến trình \d+/,
    );
    await first.stop();
  });

  it('`npm run web -- --data-dir <dir> --port 0` prints the ready line', async () => {
    const dataDir = tempDir();
    // Its own process group (npm → sh → node), stopped as a group by pid below.
    const child = spawn(
      'npm',
      ['run', '--silent', 'web', '--', '--data-dir', dataDir, '--port', '0'],
      { cwd: repoRoot, detached: true },
    );
    trackProcess(child.pid, `npm run web ${dataDir}`);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /Newsdesk ready at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+\n/.exec(out);
        if (match) resolve(match[0]);
      });
      child.once('exit', (code) => reject(new Error(`npm run web exited ${code}: ${out}`)));
    });
    expect(line).toMatch(/^Newsdesk ready at http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    const url = line.replace('Newsdesk ready at ', '').trim();
    const response = await fetch(url);
    expect(response.status).toBe(200);
    if (child.pid !== undefined) killTree(child.pid, 'SIGTERM');
    await exited;
  });
});
