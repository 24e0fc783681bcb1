import { describe, expect, it, onTestFinished } from 'vitest';

import { tempDir } from '../support/tempDir';
import { wordpressEnv, wordpressRest } from '../support/wordpress';
import { AppPage } from './pages/AppPage';
import { bridgeCall } from './support/bridgeCall';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import { startWebShell } from './support/webShell';

const chromium = useChromium();
const wordpress = wordpressEnv();

interface Stored {
  id: string;
  title: string;
  version: number;
  meta: Record<string, unknown>;
  body: { type: string; content?: unknown[] };
}

interface Item {
  id: string;
  articleId: string;
  state: string;
  remoteId: string | null;
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/*
 * Three-way sync in the UI (issue 13), against the real WordPress: the field-level conflict view
 * (exactly the fields changed on both sides, word diff, what «Ghi đè» loses) and «Lấy bản trên
 * cổng». The portal-side edits go through WordPress's REST API.
 */
describe.skipIf(wordpress === null)(
  'three-way sync: conflict by field and the portal’s version',
  () => {
    it('shows the fields changed on both sides, then takes the portal’s later edits in', async () => {
      const env = wordpress;
      if (env === null) return;
      const rest = wordpressRest(env);
      const shell = await startWebShell(tempDir());
      onTestFinished(() => shell.stop().then(() => undefined));
      const app = new AppPage(await newPage(chromium()));
      const page = app.page;
      await page.setViewportSize({ width: 1366, height: 900 });
      await app.open(shell.url);
      const call = <T>(name: string, input: unknown): Promise<T> =>
        bridgeCall<T>(shell.url, name, input);

      const connection = await call<{ id: string }>('portals.save', {
        kind: 'wordpress',
        name: 'Cổng thử nghiệm',
        baseUrl: env.url,
        username: env.user,
        secret: env.password,
      });
      const stamp = Date.now().toString(36);
      const created = await call<Stored>('articles.create', { title: `Giá lúa tăng ${stamp}` });
      const save = async (change: (a: Stored) => Partial<Stored>): Promise<void> => {
        const current = await call<Stored>('articles.get', { id: created.id });
        const next = { ...current, ...change(current) };
        await call('articles.save', {
          id: created.id,
          title: next.title,
          meta: next.meta,
          body: next.body,
          baseVersion: current.version,
        });
      };
      await save((a) => ({
        meta: { ...a.meta, lead: 'Giá lúa đầu vụ tăng nhẹ so với tuần trước.' },
        body: {
          type: 'doc',
          content: [
            paragraph('Sáng 12/7, giá lúa tại Cần Thơ tăng 200 đồng/kg.'),
            paragraph('Thương lái cho biết nhu cầu xuất khẩu tăng mạnh.'),
          ],
        },
      }));
      const items = async (): Promise<Item[]> =>
        (await call<Item[]>('sync.list', {})).filter((item) => item.articleId === created.id);
      const settled = async (id: string): Promise<Item> => {
        let found: Item | undefined;
        await expect
          .poll(
            async () => {
              found = (await items()).find((item) => item.id === id);
              return found?.state;
            },
            { timeout: 60_000 },
          )
          .toMatch(/done|conflict|failed/u);
        if (!found) throw new Error('no item');
        return found;
      };
      const first = await call<Item>('sync.enqueue', {
        articleId: created.id,
        connectionId: connection.id,
      });
      const published = await settled(first.id);
      expect(published.state).toBe('done');
      const remoteId = String(published.remoteId);

      // The portal's editor fixes the title, the sapo and a sentence; the desk edits the title and
      // the same sentence. The sapo changed only on the portal: it comes in without asking.
      const post = await rest.get<{ content: { raw: string } }>(
        `/wp/v2/posts/${remoteId}?context=edit`,
      );
      await rest.post(`/wp/v2/posts/${remoteId}`, {
        title: `Giá lúa tăng mạnh ${stamp}`,
        excerpt: 'Giá lúa đầu vụ tăng 200 đồng/kg, cao nhất từ đầu năm.',
        content: post.json.content.raw.replace('tăng mạnh', 'tăng rất mạnh'),
      });
      await save((a) => ({
        title: `Giá lúa tăng trở lại ${stamp}`,
        body: {
          type: 'doc',
          content: [
            paragraph('Sáng 12/7, giá lúa tại Cần Thơ tăng 200 đồng/kg.'),
            paragraph('Thương lái cho biết nhu cầu xuất khẩu sang Philippines tăng mạnh.'),
          ],
        },
        meta: a.meta,
      }));
      const second = await call<Item>('sync.enqueue', {
        articleId: created.id,
        connectionId: connection.id,
      });
      expect((await settled(second.id)).state).toBe('conflict');

      await page.getByTestId('nav-sync').click();
      const screen = page.getByTestId('sync-screen');
      await screen.waitFor();
      await screen
        .locator('[data-testid="sync-item"][data-state="conflict"]')
        .getByTestId('sync-resolve')
        .click();
      const dialog = page.getByTestId('sync-conflict');
      const fields = dialog.getByTestId('conflict-field');
      await expect.poll(() => fields.count(), { timeout: 20_000 }).toBe(2);
      expect(
        await fields.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-field'))),
      ).toEqual(['title', 'body']);
      expect(await dialog.getByTestId('conflict-message').innerText()).toContain('Tít, Nội dung');
      expect(await dialog.locator('ins.diff-added, del.diff-removed').count()).toBeGreaterThan(0);
      await screenshot(page, 'sync-conflict-fields-vi');

      // «Ghi đè» says what the portal would lose before it does anything.
      await dialog.getByTestId('conflict-keep-mine').click();
      const lost = dialog.getByTestId('conflict-lost');
      expect(await lost.innerText()).toContain(`Giá lúa tăng mạnh ${stamp}`);
      await screenshot(page, 'sync-conflict-keep-mine-lost-vi');
      await dialog.getByRole('button', { name: 'Quay lại' }).click();

      // Keep the portal's version: it becomes the desk's article.
      await dialog.getByTestId('conflict-keep-theirs').click();
      await dialog.waitFor({ state: 'detached' });
      await settled(second.id);
      const after = await call<Stored>('articles.get', { id: created.id });
      expect(after.title).toBe(`Giá lúa tăng mạnh ${stamp}`);
      expect(after.meta.lead).toBe('Giá lúa đầu vụ tăng 200 đồng/kg, cao nhất từ đầu năm.');

      // Later the portal's editor changes the sapo again: «Lấy bản trên cổng» shows and takes it.
      await rest.post(`/wp/v2/posts/${remoteId}`, {
        excerpt: 'Giá lúa đầu vụ tăng 200 đồng/kg; nông dân phấn khởi.',
      });
      await page.getByTestId('sync-refresh').click();
      await screen
        .locator('[data-testid="sync-item"][data-state="done"]')
        .first()
        .getByTestId('sync-pull')
        .click();
      const pull = page.getByTestId('sync-pull');
      const pulled = pull.getByTestId('conflict-field');
      await expect.poll(() => pulled.count(), { timeout: 20_000 }).toBe(1);
      expect(await pulled.getAttribute('data-field')).toBe('lead');
      await screenshot(page, 'sync-pull-portal-vi');
      await pull.getByTestId('pull-take').click();
      await pull.getByTestId('pull-done').waitFor();
      expect((await call<Stored>('articles.get', { id: created.id })).meta.lead).toBe(
        'Giá lúa đầu vụ tăng 200 đồng/kg; nông dân phấn khởi.',
      );
      await page.getByTestId('locale').selectOption('en');
      await screenshot(page, 'sync-pull-portal-en');
    });
  },
);
