/**
 * The portal's stylesheet, in one place: the article column as NukeViet lays it out (a serif news
 * column, centred grey italic captions, clean print rules). The app's preview takes
 * `portalArticleCss` as a stylesheet module (`virtual:portal-article.css`, served by
 * `portalStylesPlugin` in electron.vite.config.ts), and an exported page gets it as `style.css`
 * with the page around it (`portalStylesheet` in portalPage.ts). Both wrap the article in
 * `.news-article` (`renderPortalArticle`), so one set of rules serves both.
 */

/** The rules for the article block `renderPortalArticle` writes, on screen and in print. */
export const portalArticleCss = `.news-article {
  color: #222222;
  font-family: 'Times New Roman', 'Noto Serif', Georgia, serif;
  font-size: 17px;
  line-height: 1.6;
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
  .news-article {
    font-size: 12pt;
    color: #000000;
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

/** The exported page around the article: a centred 760 px column and an A4 print page. */
export const portalPageCss = `:root {
  color-scheme: light;
}
body {
  margin: 0;
  background: #ffffff;
}
.page {
  max-width: 760px;
  margin: 0 auto;
  padding: 24px 16px 48px;
}
@media print {
  @page {
    size: A4;
    margin: 18mm 16mm;
  }
  .page {
    max-width: none;
    padding: 0;
  }
}
`;

/** The id the renderer imports the article rules by (see `portalStylesPlugin`). */
export const portalArticleCssModule = 'virtual:portal-article.css';
