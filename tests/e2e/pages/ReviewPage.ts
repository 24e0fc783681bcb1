import type { Locator, Page } from 'playwright-core';

import type { Account } from './AuthPage';

/**
 * Page object for the review side of an open article (workflow bar, checklist, comments, audit
 * trail) and for the «Duyệt bài» queue.
 */
export class ReviewPage {
  readonly status: Locator;
  readonly notice: Locator;
  readonly comments: Locator;
  readonly auditEntries: Locator;

  constructor(readonly page: Page) {
    this.status = page.locator('[data-testid="workflow-bar"] [data-testid="status-badge"]');
    this.notice = page.getByTestId('workflow-notice');
    this.comments = page.getByTestId('comment-item');
    this.auditEntries = page.getByTestId('audit-entry');
  }

  /** The open article's state, as the contract names it. */
  async statusName(): Promise<string | null> {
    return this.status.getAttribute('data-status');
  }

  /** Makes a step that needs no note, and waits for the new state. */
  async step(transition: string, expectedStatus: string): Promise<void> {
    await this.page.getByTestId(`transition-${transition}`).click();
    await this.waitForStatus(expectedStatus);
  }

  async waitForStatus(status: string): Promise<void> {
    await this.page
      .locator(`[data-testid="workflow-bar"] [data-testid="status-badge"][data-status="${status}"]`)
      .waitFor();
  }

  /** Returns the article with a note. */
  async returnWithNote(note: string): Promise<void> {
    await this.page.getByTestId('transition-return').click();
    await this.page.getByTestId('note-dialog').waitFor();
    await this.page.getByTestId('note-input').fill(note);
    await this.page.getByTestId('note-confirm').click();
    await this.waitForStatus('returned');
  }

  /** Opens the pre-approval checklist (approve is disabled while errors remain). */
  async openChecklist(): Promise<Locator> {
    await this.page.getByTestId('transition-approve').click();
    const dialog = this.page.getByTestId('checklist-dialog');
    await dialog.getByTestId('checklist-summary').waitFor();
    return dialog;
  }

  /**
   * Selects `text` in the editor body the way a mouse drag would: a DOM selection, which
   * ProseMirror reads into its own. Works across the spans spellcheck decorations add.
   */
  async selectText(text: string): Promise<void> {
    const body = this.page.getByTestId('editor-body');
    await body.click();
    await body.evaluate((root, wanted) => {
      // Node-side types have no DOM lib: reach everything through the element's document.
      const doc = root.ownerDocument;
      const showText = 4; // NodeFilter.SHOW_TEXT
      const walker = doc.createTreeWalker(root, showText);
      type TextNode = NonNullable<ReturnType<typeof walker.nextNode>>;
      const nodes: Array<{ node: TextNode; start: number; length: number }> = [];
      let flat = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const content = node.textContent ?? '';
        nodes.push({ node, start: flat.length, length: content.length });
        flat += content;
      }
      const at = flat.indexOf(wanted);
      if (at < 0) throw new Error(`text not in the editor: ${wanted}`);
      const locate = (offset: number, end: boolean) => {
        const hit = nodes.find(
          (entry) =>
            offset >= entry.start &&
            (end ? offset <= entry.start + entry.length : offset < entry.start + entry.length),
        );
        if (!hit) throw new Error('offset outside the text');
        return { node: hit.node, offset: offset - hit.start };
      };
      const from = locate(at, false);
      const to = locate(at + wanted.length, true);
      const range = doc.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      root.focus();
      const selection = doc.defaultView?.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }, text);
  }

  /** Selects a passage, presses «Góp ý» and sends the comment. */
  async commentOn(passage: string, text: string): Promise<void> {
    await this.selectText(passage);
    await this.page.getByTestId('comment-add').click();
    await this.page.getByTestId('comment-draft-quote').waitFor();
    await this.page.getByTestId('comment-input').fill(text);
    const before = await this.comments.count();
    await this.page.getByTestId('comment-send').click();
    await this.page.locator(`[data-testid="comment-item"] >> nth=${before}`).waitFor();
  }

  /** Opens a side-panel tab. */
  async openTab(tab: 'info' | 'checks' | 'comments' | 'history'): Promise<void> {
    await this.page.getByTestId(`tab-${tab}`).click();
  }

  /** The «Duyệt bài» screen. */
  async openQueue(): Promise<void> {
    await this.page.getByTestId('nav-review').click();
    await this.page.locator('[data-testid="review-queue"][data-loaded="true"]').waitFor();
  }

  /** Titles in one queue column. */
  async queueTitles(column: 'waiting' | 'mine' | 'all'): Promise<string[]> {
    return this.page
      .getByTestId(`queue-${column}`)
      .locator('.queue-title')
      .evaluateAll((items) => items.map((item) => item.textContent ?? ''));
  }

  /** The audit trail's lines as `action:transition:user`, oldest first. */
  async auditSteps(): Promise<string[]> {
    const steps = await this.auditEntries.evaluateAll((entries) =>
      entries.map(
        (entry) =>
          `${entry.getAttribute('data-action') ?? ''}:${entry.getAttribute('data-transition') ?? ''}:${entry.querySelector('[data-testid="audit-user"]')?.textContent ?? ''}`,
      ),
    );
    return steps.reverse();
  }

  /** Who a step was made by, for assertions that read like the story. */
  static by(action: string, transition: string, account: Account): string {
    return `${action}:${transition}:${account.displayName}`;
  }
}
