import { useMemo } from 'react';

import type { Article, AuthorProfile, Category } from '../../../shared/domain/article';
import type { Locale } from '../../../shared/domain/settings';
import { renderPortalArticle } from '../../../shared/render/portalPage';
// The portal's article rules, the same text the export writes as style.css (portalStyles.ts).
import 'virtual:portal-article.css';
import './preview.css';

/** Texts the preview shows; Vietnamese defaults until they move into renderer/i18n. */
export interface PortalPreviewLabels {
  toolbar: string;
  print: string;
  printTitle: string;
}

/** Vietnamese labels, the app's default language. */
export const portalPreviewLabels: PortalPreviewLabels = {
  toolbar: 'Xem trước',
  print: 'In',
  printTitle: 'In bài viết như trên trang tin',
};

/** Props of `PortalPreview`. */
export interface PortalPreviewProps {
  article: Pick<Article, 'title' | 'updatedAt' | 'body' | 'meta'>;
  author: Pick<AuthorProfile, 'name' | 'position'> | null;
  category: Pick<Category, 'title'> | null;
  /** The shell's media URL builder (`api.mediaUrl`). */
  mediaUrl: (mediaPath: string) => string;
  locale?: Locale;
  labels?: PortalPreviewLabels;
  /** Defaults to `window.print()`; print rules in preview.css keep only the article. */
  onPrint?: () => void;
}

/**
 * The article as the portal will show it, from the same serializer as the export and the
 * publisher, so what the reporter approves is what goes out. The HTML is injected as a string:
 * `renderPortalArticle` escapes every text and attribute and keeps only http/https/mailto
 * links, so nothing in the document can run.
 */
export function PortalPreview({
  article,
  author,
  category,
  mediaUrl,
  locale,
  labels = portalPreviewLabels,
  onPrint,
}: PortalPreviewProps) {
  const html = useMemo(
    () =>
      renderPortalArticle({
        article,
        author,
        category,
        mediaUrl,
        ...(locale ? { locale } : {}),
      }),
    [article, author, category, mediaUrl, locale],
  );
  const print = onPrint ?? (() => window.print());
  return (
    <section className="portal-preview-pane" aria-label={labels.toolbar}>
      <div className="portal-preview-toolbar" role="toolbar" aria-label={labels.toolbar}>
        <button type="button" onClick={print} title={labels.printTitle} data-testid="preview-print">
          {labels.print}
        </button>
      </div>
      <article
        className="portal-preview"
        data-testid="portal-preview"
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </section>
  );
}
