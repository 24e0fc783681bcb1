import fs from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { tempDir } from '../support/tempDir';
import { AccountsPage } from './pages/AccountsPage';
import { AppPage } from './pages/AppPage';
import type { Account } from './pages/AuthPage';
import { AuthPage } from './pages/AuthPage';
import { HandoffPage } from './pages/HandoffPage';
import { NewsroomPage } from './pages/NewsroomPage';
import { ReviewPage } from './pages/ReviewPage';
import { bridgeCall } from './support/bridgeCall';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import type { WebShell } from './support/webShell';
import { repoRoot, startWebShell } from './support/webShell';

const chromium = useChromium();
const photos = ['storm-canon-400d.jpg', 'ladybird.jpg'].map((name) =>
  path.join(repoRoot, 'tests/fixtures/photos', name),
);

const adminA: Account = {
  userName: 'admin.a',
  displayName: 'Trần Quản Trị',
  password: 'quan-tri-A-2024',
};
const reporter: Account = {
  userName: 'lan.pv',
  displayName: 'Nguyễn Thị Lan',
  password: 'phong-vien-lan',
};
const adminB: Account = {
  userName: 'admin.b',
  displayName: 'Lê Văn Bình',
  password: 'quan-tri-B-2024',
};
const editor: Account = {
  userName: 'hung.btv',
  displayName: 'Phạm Văn Hùng',
  password: 'bien-tap-hung',
};

const title = 'Mưa lớn gây ngập úng nhiều xã ở huyện Hướng Hóa';
const wrongSentence = 'Theo báo cáo nhanh, toàn huyện có 1.200 hộ dân bị ảnh hưởng.';
const fixedSentence = 'Theo báo cáo nhanh, toàn huyện có 2.100 hộ dân bị ảnh hưởng.';
const paragraphs = [
  'Từ đêm qua đến sáng nay, mưa lớn kéo dài trên địa bàn huyện Hướng Hóa khiến nhiều tuyến đường liên xã bị chia cắt, nước sông dâng cao.',
  wrongSentence,
  'Chính quyền địa phương đã huy động lực lượng dân quân, công an và đoàn viên thanh niên giúp người dân di dời tài sản đến nơi an toàn, đồng thời cắm biển cảnh báo tại các ngầm tràn nguy hiểm.',
  'Ông Nguyễn Văn Nam, Chủ tịch UBND huyện, cho biết huyện đang thống kê thiệt hại và sẽ hỗ trợ kịp thời các hộ dân có nhà bị ngập sâu, không để người dân nào bị đói rét.',
];

/** Sets up a workstation without the UI: its administrator, then the given accounts. */
async function setUpWorkstation(
  shell: WebShell,
  admin: Account,
  others: Array<{ account: Account; role: string }>,
): Promise<void> {
  await bridgeCall(shell.url, 'auth.setupAdmin', admin);
  for (const { account, role } of others)
    await bridgeCall(shell.url, 'users.create', { ...account, role });
}

/** The reporter's article: title, lead, four paragraphs, two captioned and credited photos. */
async function writeArticle(app: AppPage): Promise<void> {
  const page = app.page;
  await app.createArticle();
  await app.typeTitle(title);
  await page.getByTestId('editor-lead').click();
  await page.keyboard.insertText(
    'Mưa lớn kéo dài khiến hàng nghìn hộ dân ở huyện Hướng Hóa bị ảnh hưởng, nhiều tuyến đường bị chia cắt.',
  );
  await page.getByTestId('editor-body').click();
  for (const [index, text] of paragraphs.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(text);
  }
  await page.getByTestId('image-file-input').setInputFiles(photos);
  await page.locator('[data-testid="figure"] >> nth=1').waitFor();
  const captions = [
    'Nước ngập sâu trên tuyến đường liên xã',
    'Lực lượng dân quân giúp dân di dời tài sản',
  ];
  for (const [index, caption] of captions.entries()) {
    const figure = page.getByTestId('figure').nth(index);
    await figure.locator('figcaption').click({ clickCount: 3 });
    await page.keyboard.insertText(caption);
    await figure.getByTestId('figure-alt').fill(caption);
    await figure.getByTestId('figure-credit').fill('Ảnh: Minh Anh');
  }
  await page.getByTestId('tab-info').click();
  // Reporters pick from the editors' category list; they cannot add to it.
  expect(await page.getByTestId('meta-category-add').count()).toBe(0);
  await page.getByTestId('meta-category').selectOption({ label: 'Thời sự' });
  await page.getByTestId('meta-author-add').click();
  await page.getByTestId('meta-author-new').fill('Nguyễn Thị Lan - Phóng viên');
  await page.keyboard.press('Enter');
  await page.getByTestId('meta-tags').fill('mưa lũ, Hướng Hóa');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  await page.getByTestId('meta-featured').selectOption({ index: 1 });
  await app.waitUntilSaved();
}

async function openArticle(page: Page, wanted: string): Promise<void> {
  await page.getByTestId('nav-articles').click();
  await page.getByTestId('article-item').filter({ hasText: wanted }).first().click();
  await page.getByTestId('workflow-bar').waitFor();
}

describe('the editorial workflow across two workstations', () => {
  it('a reporter on A and an editor on B pass an article back and forth until it is approved', async () => {
    const usb = tempDir('newsdesk-usb-');
    // Fresh libraries with nobody signed in: A starts on the first-start screen, B is set up
    // through the bridge.
    const shellA = await startWebShell(tempDir(), [], { signIn: false });
    const shellB = await startWebShell(tempDir(), [], { signIn: false });
    try {
      // --- Workstation A: first start creates the administrator, who adds the reporter.
      const pageA = await newPage(chromium());
      const authA = new AuthPage(pageA);
      await pageA.goto(shellA.url);
      await authA.firstStartCard.waitFor();
      await screenshot(pageA, 'workflow-first-start-vi');
      await authA.fillFirstStart(adminA, 'khac-mat-khau');
      await expect.poll(() => authA.error.innerText()).toContain('chưa khớp');
      await authA.firstStart(adminA);
      expect(await authA.accountRole.innerText()).toBe('Quản trị viên');
      const accountsA = new AccountsPage(pageA);
      await accountsA.open();
      await accountsA.setWorkstationName('Máy phóng viên');
      await pageA.getByTestId('category-title').fill('Thời sự');
      await pageA.keyboard.press('Enter');
      await expect.poll(() => pageA.getByTestId('category-list').innerText()).toContain('thoi-su');
      // The roster step: A's administrator creates the newsroom once, then the accounts; each
      // new account goes out in a new signed roster, and the editor gets an enrolment file.
      const newsroomA = new NewsroomPage(pageA);
      await newsroomA.open();
      await newsroomA.create('Báo Quảng Trị');
      await accountsA.createUser(reporter, 'reporter');
      await accountsA.createUser(editor, 'editor');
      await accountsA.scrollToTop();
      await screenshot(pageA, 'workflow-users-vi');
      await newsroomA.open();
      await expect
        .poll(() => newsroomA.section.getByTestId('newsroom-joined').innerText())
        .toContain('phiên bản 3');
      fs.mkdirSync(path.join(usb, '0'));
      const enrolment = await newsroomA.exportEnrolment(editor.userName, path.join(usb, '0'));
      expect(path.basename(enrolment)).toBe('ghi-danh-hung.btv.ndjoin');
      await newsroomA.section.scrollIntoViewIfNeeded();
      await screenshot(pageA, 'newsroom-roster-vi');
      await authA.switchUser(reporter);
      expect(await authA.accountRole.innerText()).toBe('Phóng viên');

      // The reporter writes the article with two photos and sends it for review.
      const appA = new AppPage(pageA);
      const reviewA = new ReviewPage(pageA);
      const handoffA = new HandoffPage(pageA);
      await pageA.getByTestId('nav-articles').click();
      await writeArticle(appA);
      expect(await reviewA.statusName()).toBe('draft');
      await expect.poll(() => pageA.getByTestId('transition-approve').count()).toBe(0);
      await reviewA.step('submit', 'submitted');
      expect(await pageA.getByTestId('editor').getAttribute('data-editable')).toBe('false');
      // The core refuses what the UI does not offer: a reporter cannot approve.
      const [article] = await bridgeCall<Array<{ id: string }>>(shellA.url, 'articles.list', {});
      await expect(
        bridgeCall(shellA.url, 'workflow.transition', {
          articleId: article?.id,
          transition: 'approve',
        }),
      ).rejects.toThrow('Bạn không có quyền «Duyệt»');
      const toEditor = await handoffA.exportArticles([title], path.join(usb, '1'));
      expect(path.extname(toEditor)).toBe('.ndbundle');
      await handoffA.closeExport();

      // --- Workstation B: its administrator set up through the bridge; the editor joins the
      // newsroom with the enrolment file and first password, then signs in.
      await setUpWorkstation(shellB, adminB, []);
      await bridgeCall(shellB.url, 'workflow.setPolicy', { workstationName: 'Máy biên tập' });
      const pageB = await newPage(chromium());
      await pageB.goto(shellB.url);
      const newsroomB = new NewsroomPage(pageB);
      await newsroomB.open();
      await newsroomB.section.getByTestId('newsroom-not-joined').waitFor();
      await pageB.getByTestId('join-file').setInputFiles(enrolment);
      await pageB.getByTestId('join-password').fill(editor.password);
      await screenshot(pageB, 'newsroom-join-vi');
      await pageB.getByTestId('join-submit').click();
      await new AuthPage(pageB).waitForUser(editor.displayName);
      await bridgeCall(shellB.url, 'auth.signOut', {});
      const authB = new AuthPage(pageB);
      await pageB.goto(shellB.url);
      await authB.signInCard.waitFor();
      await authB.submitSignIn(editor.userName, 'sai-mat-khau');
      await authB.error.waitFor();
      await screenshot(pageB, 'workflow-sign-in-vi');
      await authB.signIn(editor);
      expect(await authB.accountRole.innerText()).toBe('Biên tập viên');

      const reviewB = new ReviewPage(pageB);
      const handoffB = new HandoffPage(pageB);
      expect(await handoffB.importBundle(toEditor)).toEqual([{ title, outcome: 'inserted' }]);
      await handoffB.closeReport();
      await reviewB.openQueue();
      expect(await reviewB.queueTitles('waiting')).toEqual([title]);
      await openArticle(pageB, title);
      expect(await reviewB.statusName()).toBe('submitted');
      await reviewB.step('startReview', 'in_review');

      // The editor comments on the wrong figure and returns the article with a note.
      await reviewB.commentOn(
        wrongSentence,
        'Số hộ bị ảnh hưởng là 2.100, không phải 1.200. Kiểm tra lại với báo cáo của huyện.',
      );
      await expect.poll(() => pageB.locator('.tiptap .comment-range').count()).toBeGreaterThan(0);
      await screenshot(pageB, 'workflow-comments-vi');
      await reviewB.returnWithNote('Sửa số liệu ở đoạn hai theo góp ý rồi gửi lại.');
      const toReporter = await handoffB.exportArticles([title], path.join(usb, '2'));
      await handoffB.closeExport();

      // --- A: the reporter takes the return, fixes the sentence, resolves the comment, resends.
      expect(await handoffA.importBundle(toReporter)).toEqual([
        { title, outcome: 'fastForwarded' },
      ]);
      await handoffA.closeReport();
      await reviewA.openQueue();
      expect(await reviewA.queueTitles('waiting')).toEqual([title]);
      await openArticle(pageA, title);
      await reviewA.waitForStatus('returned');
      await expect
        .poll(() => pageA.getByTestId('editor').getAttribute('data-editable'))
        .toBe('true');
      await reviewA.openTab('comments');
      await expect.poll(() => reviewA.comments.count()).toBe(1);
      expect(await reviewA.comments.first().getAttribute('data-anchor')).toBe('exact');
      await reviewA.selectText('1.200');
      await pageA.keyboard.insertText('2.100');
      await appA.waitUntilSaved();
      await expect.poll(() => appA.body.innerText()).toContain(fixedSentence);
      // The comment follows the edited sentence.
      await reviewA.openTab('info');
      await reviewA.openTab('comments');
      await expect.poll(() => reviewA.comments.first().getAttribute('data-anchor')).toBe('fuzzy');
      await pageA.getByTestId('comment-resolve').click();
      await expect.poll(() => reviewA.comments.first().getAttribute('data-resolved')).toBe('true');
      await reviewA.step('submit', 'submitted');
      const backToEditor = await handoffA.exportArticles([title], path.join(usb, '3'));
      await handoffA.closeExport();

      // --- B: the editor takes the corrected article and approves it.
      expect(await handoffB.importBundle(backToEditor)).toEqual([
        { title, outcome: 'fastForwarded' },
      ]);
      await handoffB.closeReport();
      // Two more articles on B's desk, made through the bridge, fill the queue's other columns.
      const brief = await bridgeCall<{ id: string }>(shellB.url, 'articles.create', {
        title: 'Khánh thành cầu treo mới qua sông Đakrông',
      });
      await bridgeCall(shellB.url, 'workflow.transition', {
        articleId: brief.id,
        transition: 'submit',
      });
      await bridgeCall(shellB.url, 'articles.create', { title: 'Lịch cắt điện tuần tới' });
      await reviewB.openQueue();
      await expect
        .poll(() => reviewB.queueTitles('waiting'))
        .toEqual(expect.arrayContaining([title, 'Khánh thành cầu treo mới qua sông Đakrông']));
      expect(await reviewB.queueTitles('all')).toEqual(['Lịch cắt điện tuần tới']);
      await screenshot(pageB, 'workflow-review-queue-vi');
      await openArticle(pageB, title);
      await reviewB.waitForStatus('submitted');
      await expect.poll(() => appBody(pageB)).toContain(fixedSentence);
      await reviewB.openTab('comments');
      await expect.poll(() => reviewB.comments.first().getAttribute('data-resolved')).toBe('true');
      const checklist = await reviewB.openChecklist();
      expect(await checklist.getByTestId('checklist-summary').getAttribute('data-ok')).toBe('true');
      expect(await checklist.locator('[data-severity="error"]').count()).toBe(0);
      await screenshot(pageB, 'workflow-checklist-vi');
      await checklist.getByTestId('checklist-approve').click();
      await reviewB.waitForStatus('approved');

      // The audit trail on B tells the whole story, with who did what where.
      await reviewB.openTab('history');
      await reviewB.auditEntries.first().waitFor();
      const steps = await reviewB.auditSteps();
      expect(steps).toEqual([
        ReviewPage.by('create', '', reporter),
        ReviewPage.by('edit', '', reporter),
        ReviewPage.by('transition', 'submit', reporter),
        ReviewPage.by('export', '', reporter),
        ReviewPage.by('import', '', editor),
        ReviewPage.by('transition', 'startReview', editor),
        ReviewPage.by('transition', 'return', editor),
        ReviewPage.by('export', '', editor),
        ReviewPage.by('import', '', reporter),
        ReviewPage.by('edit', '', reporter),
        ReviewPage.by('transition', 'submit', reporter),
        ReviewPage.by('export', '', reporter),
        ReviewPage.by('import', '', editor),
        ReviewPage.by('transition', 'approve', editor),
      ]);
      expect(await pageB.getByTestId('audit-trail').innerText()).toContain(
        'Sửa số liệu ở đoạn hai theo góp ý rồi gửi lại.',
      );
      await pageB.getByTestId('audit-trail').scrollIntoViewIfNeeded();
      await screenshot(pageB, 'workflow-audit-trail-vi');

      // The same screens in English.
      await pageB.getByTestId('workflow-notice').locator('.banner-close').click();
      await pageB.getByTestId('locale').selectOption('en');
      await pageB.getByText('Article log').waitFor();
      await screenshot(pageB, 'workflow-audit-trail-en');
      await reviewB.openQueue();
      await screenshot(pageB, 'workflow-review-queue-en');
    } finally {
      await shellA.stop();
      await shellB.stop();
    }
    expect(
      fs.readdirSync(usb).map((folder) => fs.readdirSync(path.join(usb, folder)).length),
    ).toEqual([1, 1, 1, 1]);
    // The roster step adds a few screens to an already long story.
  }, 180_000);
});

async function appBody(page: Page): Promise<string> {
  return page.getByTestId('editor-body').innerText();
}
