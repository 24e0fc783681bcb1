import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { DocNode } from '../../../../shared/domain/article';
import { renderBodyHtml } from '../../../../shared/render/articleHtml';
import type { WpImage } from './figures';
import { decorateBody, figureUrls, plainBody } from './figures';

const url = (n: number): string => `http://wp.test/wp-content/uploads/2026/12/anh-${n}.jpg`;

function figure(n: number, caption: string): DocNode {
  return {
    type: 'figure',
    attrs: { mediaPath: `p${n}.jpg`, alt: `Ảnh "${n}" <b>`, credit: 'Ảnh: A & B' },
    content: caption ? [{ type: 'text', text: caption }] : [],
  };
}

const images = new Map<string, WpImage>(
  [1, 2, 3].map((n) => [
    url(n),
    { id: String(n + 40), url: url(n), size: 'large', width: 1024, height: 683 },
  ]),
);

describe('WordPress body decoration', () => {
  it('adds the sapo, wp-image classes and sizes, and leaves out the featured duplicate', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        figure(1, 'Một'),
        { type: 'paragraph', content: [{ type: 'text', text: 'x' }] },
        figure(2, 'Hai'),
      ],
    };
    const html = renderBodyHtml(doc, { mediaUrl: (p) => url(Number(p.slice(1, 2))) });
    expect(figureUrls(html)).toEqual([url(1), url(2)]);
    const out = decorateBody(html, {
      lead: 'Sapo <i>',
      images,
      featuredUrl: url(1),
      featuredInBody: false,
    });
    expect(
      out.startsWith(
        '<!-- newsdesk:lead -->\n<p class="newsdesk-sapo"><strong>Sapo &lt;i&gt;</strong></p>',
      ),
    ).toBe(true);
    expect(out).not.toContain('wp-image-41');
    expect(out).toContain('class="wp-image-42 size-large" width="1024" height="683"');
    expect(plainBody(out)).toBe(html);
    const kept = decorateBody(html, {
      lead: '',
      images,
      featuredUrl: url(1),
      featuredInBody: true,
    });
    expect(kept).toContain('wp-image-41');
    expect(plainBody(kept)).toBe(html);
  });

  it('round-trips any body: plainBody(decorateBody(html)) is the body as rendered', () => {
    const block = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 4 }), fc.string()).map(([n, text]) => figure(n, text)),
      fc
        .string({ minLength: 1 })
        .map((text): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    );
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 6 }),
        fc.string(),
        fc.boolean(),
        (blocks, lead, inBody) => {
          const html = renderBodyHtml(
            { type: 'doc', content: blocks },
            { mediaUrl: (p) => url(Number(p.slice(1, 2))) },
          );
          const out = decorateBody(html, {
            lead,
            images,
            featuredUrl: url(1),
            featuredInBody: inBody,
          });
          expect(plainBody(out)).toBe(html);
        },
      ),
    );
  });
});
