import { escapeHtml } from '../../../../shared/render/articleHtml';

/*
 * The body as WordPress should show it (docs/wordpress-output.md): the sapo opens the content,
 * each photo carries WordPress's own `wp-image-<id>` class, its display width and height and a
 * size class (so WordPress writes `srcset` and `sizes` on the public page), and the featured
 * photo is not repeated as the first inline photo unless the newsroom wants it. Every change is
 * reversible: `plainBody` gives back exactly the body Newsdesk rendered, so what the desk reads
 * back is what it sent and WordPress's decoration is never taken for an edit on the portal.
 */

const LEAD_OPEN = '<!-- newsdesk:lead -->';
const LEAD_CLOSE = '<!-- /newsdesk:lead -->';
const FEATURED_OPEN = '<!-- newsdesk:featured-figure ';
const FEATURED_CLOSE = ' -->';

/** What WordPress knows of one uploaded photo: its id and the size the page shows. */
export interface WpImage {
  id: string;
  /** The full-size URL Newsdesk put in the body. */
  url: string;
  /** Display size and its WordPress name (`large`, else `full` for small photos). */
  size: 'large' | 'full';
  width: number;
  height: number;
}

/** How the body is decorated for WordPress. */
export interface DecorateOptions {
  lead: string;
  images: ReadonlyMap<string, WpImage>;
  /** The featured photo's URL; its first inline copy is left out unless `featuredInBody`. */
  featuredUrl: string | null;
  featuredInBody: boolean;
}

// The figure exactly as shared/render/articleHtml.ts writes it.
const FIGURE = /<figure class="article-figure"><img src="([^"]*)"[\s\S]*?<\/figure>/gu;

/** The body with the sapo on top, sized photos and the featured photo's duplicate left out. */
export function decorateBody(html: string, options: DecorateOptions): string {
  let body = html;
  if (options.featuredUrl !== null && !options.featuredInBody) {
    const first = /<figure class="article-figure"><img src="([^"]*)"[\s\S]*?<\/figure>/u.exec(body);
    if (first && decodeAttr(first[1] ?? '') === options.featuredUrl) {
      const kept = Buffer.from(first[0], 'utf8').toString('base64');
      body =
        body.slice(0, first.index) +
        `${FEATURED_OPEN}${kept}${FEATURED_CLOSE}` +
        body.slice(first.index + first[0].length);
    }
  }
  body = body.replace(FIGURE, (figure: string, src: string) => {
    const image = options.images.get(decodeAttr(src));
    if (!image) return figure;
    return figure
      .replace(
        '<figure class="article-figure">',
        `<figure class="wp-block-image size-${image.size} article-figure">`,
      )
      .replace(
        `<img src="${src}"`,
        `<img src="${src}" class="wp-image-${image.id} size-${image.size}" width="${image.width}" height="${image.height}"`,
      );
  });
  const lead = options.lead.trim();
  if (!lead) return body;
  const sapo = `<p class="newsdesk-sapo"><strong>${escapeHtml(lead)}</strong></p>`;
  return `${LEAD_OPEN}\n${sapo}\n${LEAD_CLOSE}\n${body}`;
}

/** The body as Newsdesk rendered it, from a content `decorateBody` made (footer removed). */
export function plainBody(content: string): string {
  let body = content;
  if (body.startsWith(LEAD_OPEN)) {
    const end = body.indexOf(LEAD_CLOSE);
    if (end !== -1) body = body.slice(end + LEAD_CLOSE.length).replace(/^\n/u, '');
  }
  body = body
    .replace(
      /<figure class="wp-block-image size-(?:large|full) article-figure">/gu,
      '<figure class="article-figure">',
    )
    .replace(
      /(<img src="[^"]*") class="wp-image-\d+ size-(?:large|full)" width="\d+" height="\d+"/gu,
      '$1',
    );
  const start = body.indexOf(FEATURED_OPEN);
  if (start !== -1) {
    const end = body.indexOf(FEATURED_CLOSE, start + FEATURED_OPEN.length);
    const encoded = end === -1 ? '' : body.slice(start + FEATURED_OPEN.length, end);
    if (/^[A-Za-z0-9+/=]*$/u.test(encoded) && end !== -1) {
      const figure = Buffer.from(encoded, 'base64').toString('utf8');
      body = body.slice(0, start) + figure + body.slice(end + FEATURED_CLOSE.length);
    }
  }
  return body;
}

/** The full-size URLs of the photos in a body, as Newsdesk rendered them. */
export function figureUrls(html: string): string[] {
  return [...html.matchAll(FIGURE)].map((match) => decodeAttr(match[1] ?? ''));
}

function decodeAttr(value: string): string {
  return value
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
}
