/**
 * The article as a NukeViet portal lays it out (title, date line, category, bold lead, body,
 * `Tác giả:` line, source), so the reporter sees in preview and in an exported folder what
 * readers will see, without the portal.
 */
import type { Article, AuthorProfile, Category } from '../domain/article';
import { formatByline } from '../domain/article';
import type { Locale } from '../domain/settings';
import { formatPortalDateLine } from '../vietnamese/dates';
import type { AlignmentOutput } from './articleHtml';
import { escapeAttribute, escapeHtml, renderBodyHtml } from './articleHtml';

/** What `renderPortalArticle` needs: the article and the profiles its ids point to. */
export interface PortalArticleInput {
  article: Pick<Article, 'title' | 'updatedAt' | 'body' | 'meta'>;
  author: Pick<AuthorProfile, 'name' | 'position'> | null;
  category: Pick<Category, 'title'> | null;
  mediaUrl: (mediaPath: string) => string;
  /** Language of the labels around the article; the date line is always the portal's. */
  locale?: Locale;
  /** See `RenderBodyOptions.alignment`; the portal block defaults to classes (strict CSP). */
  alignment?: AlignmentOutput;
}

const labels: Record<Locale, { author: string; source: string }> = {
  vi: { author: 'Tác giả:', source: 'Nguồn tin:' },
  en: { author: 'Author:', source: 'Source:' },
};

/**
 * The article block in the portal's order. Alignment is written as classes by default because
 * both the app and the exported page run under `style-src 'self'`.
 */
export function renderPortalArticle(input: PortalArticleInput): string {
  const { article, author, category } = input;
  const text = labels[input.locale ?? 'vi'];
  const { meta } = article;
  const when = new Date(meta.publishAt ?? article.updatedAt);
  const dateLine = Number.isNaN(when.getTime()) ? '' : formatPortalDateLine(when);
  const parts: string[] = ['<div class="news-article">'];
  parts.push(`<h1 class="title">${escapeHtml(article.title.trim())}</h1>`);
  const metaParts: string[] = [];
  if (dateLine) metaParts.push(`<span class="date">${escapeHtml(dateLine)}</span>`);
  const categoryTitle = category?.title.trim() ?? '';
  if (categoryTitle) {
    metaParts.push(`<span class="category">${escapeHtml(categoryTitle)}</span>`);
  }
  if (metaParts.length > 0) parts.push(`<div class="meta">${metaParts.join(' ')}</div>`);
  const lead = meta.lead.trim();
  if (lead) parts.push(`<div class="lead">${escapeHtml(lead)}</div>`);
  const body = renderBodyHtml(article.body, {
    mediaUrl: input.mediaUrl,
    alignment: input.alignment ?? 'class',
  });
  parts.push(`<div class="body">${body}</div>`);
  const byline = author ? formatByline(author) : '';
  if (byline) {
    parts.push(
      `<p class="author">${escapeHtml(text.author)} <strong>${escapeHtml(byline)}</strong></p>`,
    );
  }
  const source = meta.source.trim();
  if (source) parts.push(`<p class="source">${escapeHtml(text.source)} ${escapeHtml(source)}</p>`);
  parts.push('</div>');
  return parts.join('\n');
}

/** The Content-Security-Policy of an exported page: images and the stylesheet beside it only. */
export const standalonePagePolicy = "default-src 'none'; img-src 'self' data:; style-src 'self'";

/**
 * A complete HTML document around the article, to open from disk or hand to someone without
 * Newsdesk. It runs no script and loads nothing but `style.css` and its images.
 */
export function renderStandalonePage(input: PortalArticleInput): string {
  const lang = input.locale ?? 'vi';
  const description = input.article.meta.lead.trim();
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(standalonePagePolicy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.article.title.trim())}</title>`,
    ...(description ? [`<meta name="description" content="${escapeAttribute(description)}">`] : []),
    '<link rel="stylesheet" href="style.css">',
    '</head>',
    '<body>',
    '<main class="page">',
    renderPortalArticle(input),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The exported page's stylesheet: a serif news column like the portals', centred grey italic
 * captions, and print rules so "In" gives a clean A4 page.
 */
export const portalStylesheet = `:root {
  color-scheme: light;
}
body {
  margin: 0;
  background: #ffffff;
  color: #222222;
  font-family: 'Times New Roman', 'Noto Serif', Georgia, serif;
  font-size: 17px;
  line-height: 1.6;
}
.page {
  max-width: 760px;
  margin: 0 auto;
  padding: 24px 16px 48px;
}
.news-article .title {
  margin: 0 0 8px;
  font-size: 28px;
  line-height: 1.3;
  color: #0b3d91;
}
.news-article .meta {
  margin-bottom: 16px;
  color: #777777;
  font-family: Arial, Helvetica, sans-serif;
  font-size: 13px;
}
.news-article .meta .category::before {
  content: '· ';
}
.news-article .lead {
  margin-bottom: 16px;
  font-weight: bold;
}
.news-article .body {
  text-align: justify;
}
.news-article .body p {
  margin: 0 0 12px;
}
.news-article .article-figure {
  margin: 16px 0;
  text-align: center;
}
.news-article .article-figure img {
  max-width: 100%;
  height: auto;
}
.news-article .article-figure figcaption {
  margin-top: 6px;
  color: #666666;
  font-style: italic;
  font-size: 15px;
  text-align: center;
}
.news-article .article-figure .credit {
  font-style: normal;
}
.news-article table {
  border-collapse: collapse;
  width: 100%;
  margin: 12px 0;
}
.news-article th,
.news-article td {
  border: 1px solid #cccccc;
  padding: 4px 8px;
  vertical-align: top;
}
.news-article th {
  background: #f2f2f2;
}
.news-article blockquote {
  margin: 12px 0;
  padding: 4px 16px;
  border-left: 3px solid #cccccc;
  color: #444444;
}
.news-article a {
  color: #0b3d91;
}
.news-article .text-align-center {
  text-align: center;
}
.news-article .text-align-right {
  text-align: right;
}
.news-article .text-align-justify {
  text-align: justify;
}
.news-article .author {
  margin-top: 20px;
  text-align: right;
}
.news-article .source {
  color: #555555;
  font-style: italic;
  text-align: right;
}
@media print {
  @page {
    size: A4;
    margin: 18mm 16mm;
  }
  body {
    font-size: 12pt;
    color: #000000;
  }
  .page {
    max-width: none;
    padding: 0;
  }
  .news-article .title {
    color: #000000;
  }
  .news-article a {
    color: inherit;
    text-decoration: none;
  }
  .news-article .article-figure,
  .news-article h2,
  .news-article h3,
  .news-article h4,
  .news-article tr {
    break-inside: avoid;
  }
  .news-article h2,
  .news-article h3,
  .news-article h4 {
    break-after: avoid;
  }
}
`;
