import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import type { Result } from '../../shared/contract/result';
import type { Article, DocNode } from '../../shared/domain/article';
import { AppPage } from './pages/AppPage';
import { newPage, screenshot } from './support/browser';
import { useChromium } from './support/useChromium';
import type { ImeMode, ImeStep } from './support/imeReplay';
import { imeModes, telexText, typeTelex } from './support/imeReplay';
import type { WebShell } from './support/webShell';
import { startWebShell } from './support/webShell';

/**
 * Vietnamese typed the way reporters type it: Telex through UniKey (backspace-and-retype),
 * OpenKey/EVKey (the same, plus the U+202F browser fix) and composition IMEs (macOS, Windows
 * Telex, IBus preedit). Each scenario must leave exactly the intended NFC text in the editor and
 * on disk: a duplicated or lost letter fails it (reference: vietnamese-text.md §1.5).
 */

const chromium = useChromium();

let shell: WebShell;
let dataDir: string;
let page: Page;
let app: AppPage;

beforeAll(async () => {
  // One library and one page for the file (tempDir() would delete the library after each test).
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-ime-'));
  shell = await startWebShell(dataDir);
  page = await newPage(chromium());
  app = new AppPage(page);
  await app.open(shell.url);
});

afterAll(async () => {
  await shell.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Calls the app's contract over the shell's HTTP bridge, as the renderer does. */
async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const token = new URL(shell.url).searchParams.get('token') ?? '';
  const response = await fetch(`${shell.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as Result<CallOutput<K>>;
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Creates an article in the UI and returns its id, found as the one the list did not have. */
async function createArticle(): Promise<string> {
  const before = new Set((await call('articles.list', {})).map((item) => item.id));
  await app.createArticle();
  const created = (await call('articles.list', {})).find((item) => !before.has(item.id));
  if (!created) throw new Error('the new article is not in the list');
  return created.id;
}

/** The text of every paragraph, heading or list paragraph, in document order. */
function storedBlocks(node: DocNode): string[] {
  const children = node.content ?? [];
  if (children.some((child) => child.type === 'text' || child.type === 'hardBreak'))
    return [
      children.map((child) => (child.type === 'hardBreak' ? '\n' : (child.text ?? ''))).join(''),
    ];
  if (node.type === 'paragraph' || node.type === 'heading') return [''];
  return children.flatMap(storedBlocks);
}

/** The same blocks as the editor shows them, read from the DOM. */
function editorBlocks(): Promise<string[]> {
  return app.body.locator('p, h2, h3, h4').allTextContents();
}

/** Drops the empty paragraph TipTap keeps after a list, so expectations stay readable. */
function withoutTrailingEmpty(blocks: string[]): string[] {
  const copy = [...blocks];
  while (copy.length > 1 && copy.at(-1) === '') copy.pop();
  return copy;
}

/** Asserts the editor DOM and the saved article both hold exactly `blocks` (and `title`). */
async function expectTextEverywhere(
  id: string,
  expected: { blocks: string[]; title?: string },
): Promise<Article> {
  for (const text of [...expected.blocks, expected.title ?? ''])
    expect(text).toBe(text.normalize('NFC'));
  await expect
    .poll(async () => withoutTrailingEmpty(await editorBlocks()))
    .toEqual(expected.blocks);
  if (expected.title !== undefined) expect(await app.title.inputValue()).toBe(expected.title);
  await app.waitUntilSaved();
  const stored = await call('articles.get', { id });
  const blocks = withoutTrailingEmpty(storedBlocks(stored.body));
  expect(blocks).toEqual(expected.blocks);
  for (const text of [...blocks, stored.title]) expect(text).toBe(text.normalize('NFC'));
  if (expected.title !== undefined) expect(stored.title).toBe(expected.title);
  return stored;
}

const phrases = [
  {
    name: 'a sentence with every tone and shape',
    telex: 'Bis thuw Tinhr uyr nois chuyeenj vowis Lowps Booif duwowngx',
    text: 'Bí thư Tỉnh ủy nói chuyện với Lớp Bồi dưỡng',
  },
  {
    name: 'a name with tone after (Hoangf) and before (Duxng) the final consonant',
    telex: 'Hoangf Trung Duxng',
    text: 'Hoàng Trung Dũng',
  },
  {
    name: 'đ, qu and gh syllables',
    telex: 'Nghij quyeets DDaij hooij DDangr',
    text: 'Nghị quyết Đại hội Đảng',
  },
  {
    name: 'ươ / uơ / uyê rhymes, tone typed before and after the final',
    telex: 'thuowr khuyeens khuyeesn nguoiwf nguwowif',
    text: 'thuở khuyến khuyến người người',
  },
  { name: 'upper case', telex: 'DDANGR UYR', text: 'ĐẢNG ỦY' },
];

describe('the Telex engine that drives the replays', () => {
  it('spells every phrase as intended, so a failure below is the editor’s', () => {
    for (const phrase of phrases) expect(telexText(phrase.telex)).toBe(phrase.text);
  });
});

describe.each(imeModes)('Vietnamese typed through %s', (mode: ImeMode) => {
  it.each(phrases)('keeps $name at the start of a paragraph', async ({ telex, text }) => {
    const id = await createArticle();
    await app.body.click();
    await typeTelex(page, telex, mode);
    expect(await app.body.innerText()).toBe(text);
    await expectTextEverywhere(id, { blocks: [text] });
  });

  it('keeps text typed after a bold mark and back out of it', async () => {
    const id = await createArticle();
    await app.body.click();
    await typeTelex(page, 'OOng ', mode);
    await page.keyboard.press('ControlOrMeta+b');
    await typeTelex(page, 'Hoangf Trung Duxng', mode);
    await page.keyboard.press('ControlOrMeta+b');
    await typeTelex(page, ' phats bieeur', mode);
    if (mode === 'unikey') await screenshot(page, 'ime-typed-vi');
    const text = 'Ông Hoàng Trung Dũng phát biểu';
    expect(await app.body.innerText()).toBe(text);
    expect(await app.body.locator('strong').allInnerTexts()).toEqual(['Hoàng Trung Dũng']);
    const stored = await expectTextEverywhere(id, { blocks: [text] });
    const bold = stored.body.content?.[0]?.content?.find((node) =>
      node.marks?.some((mark) => mark.type === 'bold'),
    );
    expect(bold?.text).toBe('Hoàng Trung Dũng');
  });

  it('keeps text typed in list items', async () => {
    const id = await createArticle();
    await app.body.click();
    await page.keyboard.press('ControlOrMeta+Shift+8');
    await typeTelex(page, 'Nghij quyeets DDaij hooij DDangr', mode);
    await page.keyboard.press('Enter');
    await typeTelex(page, 'DDANGR UYR', mode);
    expect(await app.body.locator('li').allInnerTexts()).toEqual([
      'Nghị quyết Đại hội Đảng',
      'ĐẢNG ỦY',
    ]);
    await expectTextEverywhere(id, { blocks: ['Nghị quyết Đại hội Đảng', 'ĐẢNG ỦY'] });
  });

  it('keeps the first word typed right after Enter', async () => {
    const id = await createArticle();
    await app.body.click();
    // A space before Enter is common; it must stay a plain U+0020, not become U+00A0.
    await typeTelex(page, 'Bis thuw Tinhr uyr ', mode);
    await page.keyboard.press('Enter');
    await typeTelex(page, 'nguoiwf thuowr khuyeens', mode);
    await page.keyboard.press('Enter');
    await typeTelex(page, 'Hoangf Trung Duxng', mode);
    const blocks = ['Bí thư Tỉnh ủy ', 'người thuở khuyến', 'Hoàng Trung Dũng'];
    expect((await app.body.innerText()).split(/\n+/)).toEqual(blocks);
    await expectTextEverywhere(id, { blocks });
  });

  it('keeps text typed in the title', async () => {
    const id = await createArticle();
    await app.title.click();
    await typeTelex(page, 'Hoangf Trung Duxng: DDANGR UYR khuyeens nguoiwf', mode);
    const title = 'Hoàng Trung Dũng: ĐẢNG ỦY khuyến người';
    expect(await app.title.inputValue()).toBe(title);
    await expectTextEverywhere(id, { blocks: [''], title });
  });
});

describe('autosave firing in the middle of a word', () => {
  it.each(imeModes)('does not disturb a slow %s typist', async (mode) => {
    const id = await createArticle();
    await app.body.click();
    const seenMidWord: string[] = [];
    // 400 ms per key: every syllable takes over a second and the 500 ms idle save can fire
    // between any two keys. After `Viee` the save must hold the half-typed `Viê`.
    await typeTelex(page, 'Vieetj Nam nguoiwf', mode, {
      keyDelayMs: 400,
      afterStep: async (index: number, step: ImeStep) => {
        if (index !== 3 || step.kind !== 'edit') return;
        await page.waitForTimeout(700);
        await app.waitUntilSaved();
        const stored = await call('articles.get', { id });
        seenMidWord.push(storedBlocks(stored.body).join('\n'));
      },
    });
    expect(seenMidWord).toEqual(['Viê']);
    expect(await app.body.innerText()).toBe('Việt Nam người');
    await expectTextEverywhere(id, { blocks: ['Việt Nam người'] });
  });
});
