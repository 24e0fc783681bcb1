import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { HandoffPage } from './pages/HandoffPage';
import { ReviewPage } from './pages/ReviewPage';
import { bridgeCall } from './support/bridgeCall';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { e2eAdmin, startWebShell } from './support/webShell';

const chromium = useChromium();
const title = 'Hội nghị tổng kết công tác năm';
const sentence = 'Hội nghị có 150 đại biểu tham dự.';

describe('hand-off conflicts', () => {
  it('keeps both versions when both workstations edited, as a conflict copy with a diff', async () => {
    const usb = tempDir('newsdesk-usb-');
    const shellA = await startWebShell(tempDir());
    const shellB = await startWebShell(tempDir());
    try {
      await bridgeCall(shellA.url, 'workflow.setPolicy', { workstationName: 'Máy tầng 2' });
      await bridgeCall(shellB.url, 'workflow.setPolicy', { workstationName: 'Máy tầng 3' });
      // One newsroom: A's administrator creates it and joins B with their enrolment file.
      await bridgeCall(shellA.url, 'newsroom.create', { name: 'Báo thử' });
      const enrolment = await bridgeCall<{ fileName: string; dataBase64: string }>(
        shellA.url,
        'newsroom.exportEnrolment',
        { userName: e2eAdmin.userName },
      );
      await bridgeCall(shellB.url, 'newsroom.enroll', {
        fileName: enrolment.fileName,
        dataBase64: enrolment.dataBase64,
        password: e2eAdmin.password,
      });
      const appA = new AppPage(await newPage(chromium()));
      const appB = new AppPage(await newPage(chromium()));
      const handoffA = new HandoffPage(appA.page);
      const handoffB = new HandoffPage(appB.page);
      await appA.open(shellA.url);
      await appB.open(shellB.url);

      // A writes and hands the article over; B has the same version.
      await appA.createArticle();
      await appA.typeTitle(title);
      await appA.body.click();
      await appA.page.keyboard.insertText(
        'Sáng nay, huyện tổ chức hội nghị tổng kết công tác năm.',
      );
      await appA.page.keyboard.press('Enter');
      await appA.page.keyboard.insertText(sentence);
      await appA.waitUntilSaved();
      const first = await handoffA.exportArticles([title], path.join(usb, '1'));
      await handoffA.closeExport();
      expect(await handoffB.importBundle(first)).toEqual([{ title, outcome: 'inserted' }]);
      await handoffB.closeReport();

      // Both edit the same sentence before the next hand-off.
      const reviewA = new ReviewPage(appA.page);
      const reviewB = new ReviewPage(appB.page);
      await reviewA.selectText('150');
      await appA.page.keyboard.insertText('170');
      await appA.waitUntilSaved();
      await appB.page.getByTestId('article-item').filter({ hasText: title }).click();
      await appB.page.getByTestId('workflow-bar').waitFor();
      await reviewB.selectText('150 đại biểu');
      await appB.page.keyboard.insertText('gần 200 đại biểu');
      await appB.waitUntilSaved();

      // A's version reaches B: B's text stays, A's arrives as a visible conflict copy.
      const second = await handoffA.exportArticles([title], path.join(usb, '2'));
      await handoffA.closeExport();
      expect(await handoffB.importBundle(second)).toEqual([{ title, outcome: 'conflict' }]);
      await handoffB.report.getByTestId('import-show-diff').click();
      const diff = appB.page.getByTestId('conflict-diff');
      await diff.getByTestId('revision-diff').waitFor();
      const changed = diff.locator('[data-testid="diff-row"].diff-row-changed');
      await expect.poll(() => changed.count()).toBe(1);
      expect(await changed.locator('del').allInnerTexts()).toEqual(
        expect.arrayContaining([expect.stringContaining('gần 200')]),
      );
      expect(await changed.locator('ins').allInnerTexts()).toEqual(
        expect.arrayContaining([expect.stringContaining('170')]),
      );
      expect(await diff.innerText()).toContain('Bản từ «Máy tầng 2»');
      await screenshot(appB.page, 'workflow-conflict-diff-vi');

      // The copy is an article of its own, saying where it came from; the original is untouched.
      await diff.getByTestId('conflict-open-copy').click();
      const banner = appB.page.getByTestId('conflict-banner');
      await banner.waitFor();
      expect(await banner.innerText()).toContain('Máy tầng 2');
      expect(await appB.body.innerText()).toContain('Hội nghị có 170 đại biểu tham dự.');
      const titles = await appB.articleItems.allInnerTexts();
      expect(titles.join('\n')).toContain(`${title} (bản xung đột từ Máy tầng 2)`);
      expect(fs.readdirSync(usb)).toHaveLength(2);
    } finally {
      await shellA.stop();
      await shellB.stop();
    }
  });
});
