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
import { portalArticleCss, portalPageCss } from './portalStyles';

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

/** The exported page's stylesheet (`style.css`): the page, then the portal's article rules. */
export const portalStylesheet = `${portalPageCss}${portalArticleCss}`;
