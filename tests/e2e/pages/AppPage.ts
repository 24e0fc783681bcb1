import type { Locator, Page } from 'playwright-core';

/** Page object for the app shell: what a reporter sees and does, in the UI's own words. */
export class AppPage {
  readonly newArticleButton: Locator;
  readonly articleItems: Locator;
  readonly title: Locator;
  readonly body: Locator;
  readonly saveStatus: Locator;
  readonly counts: Locator;
  readonly searchBox: Locator;
  readonly searchHits: Locator;

  constructor(readonly page: Page) {
    this.newArticleButton = page.getByTestId('new-article');
    this.articleItems = page.getByTestId('article-item');
    this.title = page.getByTestId('editor-title');
    this.body = page.getByTestId('editor-body');
    this.saveStatus = page.getByTestId('save-status');
    this.counts = page.getByTestId('counts');
    this.searchBox = page.getByTestId('article-search');
    this.searchHits = page.getByTestId('search-hit');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('navigation').waitFor();
  }

  async createArticle(): Promise<void> {
    const before = await this.articleItems.count();
    await this.newArticleButton.click();
    await this.page
      .locator(`[data-testid="article-item"] >> nth=${before}`)
      .waitFor({ state: 'attached' });
    await this.body.waitFor();
  }

  async typeTitle(text: string): Promise<void> {
    await this.title.click();
    await this.page.keyboard.type(text, { delay: 15 });
  }

  async typeBody(text: string): Promise<void> {
    await this.body.click();
    await this.page.keyboard.type(text, { delay: 15 });
  }

  async waitUntilSaved(): Promise<void> {
    await this.page.waitForSelector('[data-testid="save-status"][data-state="saved"]');
  }

  async search(query: string): Promise<void> {
    await this.searchBox.fill(query);
  }

  async openAbout(): Promise<void> {
    await this.page.getByTestId('nav-about').click();
    await this.page.getByTestId('about-data-dir').waitFor();
  }

  async openArticles(): Promise<void> {
    await this.page.getByTestId('nav-articles').click();
  }

  async switchLanguage(locale: 'vi' | 'en'): Promise<void> {
    await this.page.getByTestId('locale').selectOption(locale);
  }
}
