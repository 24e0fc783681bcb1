import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { emptyMeta } from '../../shared/domain/article';
import { tempDir } from '../support/tempDir';
import { AppPage } from './pages/AppPage';
import { HandoffPage } from './pages/HandoffPage';
import { NewsroomPage } from './pages/NewsroomPage';
import { bridgeCall } from './support/bridgeCall';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { repoRoot, startWebShell } from './support/webShell';

const chromium = useChromium();
const title = 'Bài tự duyệt ở nhà';
const reporter = { userName: 'lan.pv', displayName: 'Nguyễn Thị Lan', password: 'phong-vien-lan' };
const editor = { userName: 'hung.btv', displayName: 'Phạm Văn Hùng', password: 'bien-tap-hung' };

/** An article complete enough to pass the approval checklist, written through the bridge. */
async function writeApprovable(url: string): Promise<string> {
  const photo = fs.readFileSync(path.join(repoRoot, 'tests/fixtures/photos/ladybird.jpg'));
  const imported = await bridgeCall<{ imported: Array<{ mediaPath: string }> }>(
    url,
    'photos.import',
    { files: [{ name: 'bo-rua.jpg', dataBase64: photo.toString('base64') }], event: 'Ở nhà' },
  );
  const mediaPath = imported.imported[0]?.mediaPath ?? '';
  const [category] = await bridgeCall<Array<{ id: string }>>(url, 'categories.list', {});
  const author = await bridgeCall<{ id: string }>(url, 'authors.save', {
    name: 'Nguyễn Thị Lan',
    position: 'Phóng viên',
  });
  const created = await bridgeCall<{ id: string }>(url, 'articles.create', { title });
  const sentence = 'Người dân trong xã đã cùng nhau dọn dẹp đường làng sau trận mưa lớn đêm qua.';
  await bridgeCall(url, 'articles.save', {
    id: created.id,
    title,
    meta: {
      ...emptyMeta(),
      lead: 'Bài viết ở nhà, tự duyệt bằng tài khoản trùng tên.',
      categoryId: category?.id ?? null,
      authorId: author.id,
      featuredImage: { mediaPath, alt: 'Con bọ rùa' },
    },
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: Array(30).fill(sentence).join(' ') }],
        },
        {
          type: 'figure',
          attrs: { mediaPath, alt: 'Con bọ rùa', credit: 'Ảnh: Lan' },
          content: [{ type: 'text', text: 'Con bọ rùa trên lá' }],
        },
      ],
    },
    baseVersion: 0,
  });
  return created.id;
}

describe('a look-alike workstation', () => {
  it("its 'hung.btv' approval arrives as an unverified draft, with the refusals in the report", async () => {
    const usb = tempDir('newsdesk-usb-');
    const office = await startWebShell(tempDir());
    const home = await startWebShell(tempDir());
    try {
      // Office: the newsroom, with the real reporter and editor.
      await bridgeCall(office.url, 'newsroom.create', { name: 'Báo Quảng Trị' });
      for (const [account, role] of [
        [reporter, 'reporter'],
        [editor, 'editor'],
      ] as const)
        await bridgeCall(office.url, 'users.create', { ...account, role });
      await bridgeCall(office.url, 'workflow.setPolicy', { workstationName: 'Máy tòa soạn' });

      // Home: its own administrator makes look-alike accounts; "hung.btv" approves.
      await bridgeCall(home.url, 'workflow.setPolicy', { workstationName: 'Máy ở nhà' });
      await bridgeCall(home.url, 'categories.save', { title: 'Thời sự' });
      for (const [account, role] of [
        [reporter, 'reporter'],
        [editor, 'editor'],
      ] as const)
        await bridgeCall(home.url, 'users.create', { ...account, role });
      await bridgeCall(home.url, 'auth.signIn', {
        userName: reporter.userName,
        password: reporter.password,
      });
      const id = await writeApprovable(home.url);
      await bridgeCall(home.url, 'workflow.transition', { articleId: id, transition: 'submit' });
      await bridgeCall(home.url, 'auth.signIn', {
        userName: editor.userName,
        password: editor.password,
      });
      await bridgeCall(home.url, 'workflow.transition', { articleId: id, transition: 'approve' });
      const exported = await bridgeCall<{ fileName: string; dataBase64: string }>(
        home.url,
        'bundles.export',
        { articleIds: [id], includeData: true },
      );
      const file = path.join(usb, exported.fileName);
      fs.writeFileSync(file, Buffer.from(exported.dataBase64, 'base64'));

      // Office: the real reporter imports it.
      await bridgeCall(office.url, 'auth.signIn', {
        userName: reporter.userName,
        password: reporter.password,
      });
      const page = await newPage(chromium());
      const app = new AppPage(page);
      await app.open(office.url);
      const handoff = new HandoffPage(page);
      expect(await handoff.importBundle(file)).toEqual([{ title, outcome: 'unverified' }]);
      const refused = handoff.report.getByTestId('import-refused');
      await refused.waitFor();
      expect(await refused.innerText()).toContain(
        'không phải của «hung.btv» trong danh sách tòa soạn',
      );
      await screenshot(page, 'newsroom-unverified-import-vi');
      await handoff.report.getByTestId('import-open').click();
      await expect
        .poll(() => app.articleItems.allInnerTexts())
        .toEqual(
          expect.arrayContaining([
            expect.stringContaining(`${title} (chưa xác minh, từ Máy ở nhà)`),
          ]),
        );
      await page.getByTestId('workflow-bar').waitFor();
      await expect
        .poll(() => page.getByTestId('status-badge').first().getAttribute('data-status'))
        .toBe('draft');

      // Nothing was approved on the office PC.
      const list = await bridgeCall<Array<{ id: string; status: string }>>(
        office.url,
        'articles.list',
        {},
      );
      expect(list.map((item) => item.status)).toEqual(['draft']);
      expect(list.some((item) => item.id === id)).toBe(false);

      // The newsroom screen as the reporter sees it.
      const newsroom = new NewsroomPage(page);
      await newsroom.open();
      await screenshot(page, 'newsroom-member-view-vi');
    } finally {
      await office.stop();
      await home.stop();
    }
  });
});
