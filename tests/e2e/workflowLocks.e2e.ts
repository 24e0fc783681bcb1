import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import type { Account } from './pages/AuthPage';
import { AuthPage } from './pages/AuthPage';
import { ReviewPage } from './pages/ReviewPage';
import { bridgeCall } from './support/bridgeCall';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { e2eAdmin, startWebShell } from './support/webShell';

const chromium = useChromium();
const editor: Account = {
  userName: 'hung.btv',
  displayName: 'Phạm Văn Hùng',
  password: 'bien-tap-hung',
};
const reporter: Account = {
  userName: 'lan.pv',
  displayName: 'Nguyễn Thị Lan',
  password: 'phong-vien-lan',
};

describe('sessions and editing locks', () => {
  it('locks the seat over the editor and keeps the text typed before the lock', async () => {
    const shell = await startWebShell(tempDir());
    try {
      const app = new AppPage(await newPage(chromium()));
      const auth = new AuthPage(app.page);
      await app.open(shell.url);
      await app.createArticle();
      await app.typeTitle('Phiên làm việc bị khoá giữa chừng');
      await app.waitUntilSaved();

      // Typed, and the seat locks before the autosave runs (as an idle lock would).
      await app.body.click();
      await app.page.keyboard.insertText('Câu này được gõ ngay trước khi máy khoá.');
      await bridgeCall(shell.url, 'auth.lock', {});
      await auth.lockScreen.waitFor();
      expect(await auth.lockScreen.innerText()).toContain(e2eAdmin.displayName);
      await screenshot(app.page, 'workflow-lock-vi');
      await expect.poll(() => app.saveStatus.getAttribute('data-state')).not.toBe('saved');

      // Back in: the same article, the same text, and the pending save goes through.
      await auth.unlock(e2eAdmin.password);
      expect(await app.body.innerText()).toContain('Câu này được gõ ngay trước khi máy khoá.');
      await app.waitUntilSaved();
      const [saved] = await bridgeCall<Array<{ id: string; excerpt: string }>>(
        shell.url,
        'articles.list',
        {},
      );
      expect(saved?.excerpt).toContain('Câu này được gõ ngay trước khi máy khoá.');
    } finally {
      await shell.stop();
    }
  });

  it('shows who holds an article, lets an editor take it over, and records the take-over', async () => {
    const shell = await startWebShell(tempDir());
    try {
      await bridgeCall(shell.url, 'users.create', { ...editor, role: 'editor' });
      await bridgeCall(shell.url, 'users.create', { ...reporter, role: 'reporter' });
      const app = new AppPage(await newPage(chromium()));
      const page = app.page;
      const auth = new AuthPage(page);
      const review = new ReviewPage(page);
      await app.open(shell.url);
      await app.createArticle();
      await app.typeTitle('Bài đang được quản trị viên sửa');
      await app.waitUntilSaved();

      // The administrator leaves the article open and the seat locks; a reporter signs in.
      await page.getByTestId('lock-now').click();
      await auth.lockScreen.waitFor();
      await page.getByTestId('lock-other-user').click();
      await auth.submitSignIn(reporter.userName, reporter.password);
      await auth.waitForUser(reporter.displayName);
      await page.getByTestId('article-item').first().click();
      await page.getByTestId('workflow-bar').waitFor();
      // Not the reporter's article: read-only, and no take-over for a reporter.
      expect(await page.getByTestId('editor').getAttribute('data-editable')).toBe('false');
      expect(await page.getByTestId('lease-take-over').count()).toBe(0);

      // The editor sees who holds it and since when, and takes it over with a note.
      await auth.switchUser(editor);
      await page.getByTestId('article-item').first().click();
      const banner = page.getByTestId('lease-banner');
      await banner.waitFor();
      expect(await banner.innerText()).toMatch(
        new RegExp(`«${e2eAdmin.displayName}» đang sửa bài này từ \\d\\d:\\d\\d`),
      );
      expect(await page.getByTestId('editor').getAttribute('data-editable')).toBe('false');
      await screenshot(page, 'workflow-lease-vi');
      await page.getByTestId('lease-take-over').click();
      await page.getByTestId('take-over-dialog').waitFor();
      await page.getByTestId('note-input').fill('Cần sửa gấp tít bài trước giờ lên trang.');
      await page.getByTestId('note-confirm').click();
      await banner.waitFor({ state: 'detached' });
      await expect
        .poll(() => page.getByTestId('editor').getAttribute('data-editable'))
        .toBe('true');
      await app.typeTitle(' (đã sửa)');
      await app.waitUntilSaved();

      await review.openTab('history');
      await page.locator('[data-testid="audit-entry"][data-action="takeover"]').waitFor();
      expect(await review.auditSteps()).toEqual([
        `create::${e2eAdmin.displayName}`,
        // The administrator's typing, signed once per editing session (hand-off signatures).
        `edit::${e2eAdmin.displayName}`,
        `takeover::${editor.displayName}`,
      ]);
      expect(await page.getByTestId('audit-trail').innerText()).toContain(
        `từ ${e2eAdmin.displayName}`,
      );
    } finally {
      await shell.stop();
    }
  });
});
