import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { DocNode } from '../../../shared/domain/article';
import {
  seedArticle,
  seedAuthor,
  seedCaptions,
  seedCategory,
} from '../../../shared/render/seedArticle.fixture';
import { PortalPreview } from './PortalPreview';

afterEach(cleanup);

const mediaUrl = (mediaPath: string): string => `media:${mediaPath}`;

describe('PortalPreview', () => {
  it('shows the seed article the way the portal does', () => {
    render(
      <PortalPreview
        article={seedArticle()}
        author={seedAuthor}
        category={seedCategory}
        mediaUrl={mediaUrl}
      />,
    );
    const preview = screen.getByTestId('portal-preview');
    expect(preview.tagName).toBe('ARTICLE');
    expect(preview.className).toBe('portal-preview');
    expect(preview.querySelector('h1.title')?.textContent).toMatch(/^Bí thư Tỉnh ủy nói chuyện/u);
    expect(preview.querySelector('.date')?.textContent).toBe('Thứ tư - 12/07/2023 05:22');
    expect(preview.querySelector('.category')?.textContent).toBe('Tin hoạt động');
    expect(preview.querySelector('.lead')?.textContent).toMatch(/^Sáng ngày 12\/7\/2023/u);
    const figures = preview.querySelectorAll('figure.article-figure');
    expect(figures).toHaveLength(2);
    expect(figures[0]?.querySelector('img')?.getAttribute('src')).toBe(
      'media:photos/a1/z4509060236637.jpg',
    );
    expect(figures[0]?.querySelector('figcaption')?.textContent).toBe(seedCaptions[0]);
    expect(preview.querySelector('.author')?.textContent).toBe(
      'Tác giả: Th.S Lê Đình Hùng - Phó Trưởng phòng TC, HC, TT, TLL',
    );
  });

  it('prints with window.print from the «In» button', () => {
    // happy-dom has no print(); install a stand-in for this test only.
    const print = vi.fn();
    const original = Object.getOwnPropertyDescriptor(window, 'print');
    Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
    try {
      render(
        <PortalPreview article={seedArticle()} author={null} category={null} mediaUrl={mediaUrl} />,
      );
      fireEvent.click(screen.getByRole('button', { name: 'In' }));
      expect(print).toHaveBeenCalledTimes(1);
    } finally {
      if (original) Object.defineProperty(window, 'print', original);
      else Reflect.deleteProperty(window, 'print');
    }
  });

  it('keeps script text and javascript: links from the document inert', () => {
    const article = seedArticle();
    article.title = '<script>window.__pwned = 1</script>';
    article.meta.lead = '<img src=x onerror="window.__pwned = 2">';
    const link = (href: string): DocNode => ({
      type: 'text',
      text: 'bấm vào đây',
      marks: [{ type: 'link', attrs: { href } }],
    });
    article.body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script>' }] },
        { type: 'paragraph', content: [link('javascript:alert(1)'), link('JaVaScRiPt:alert(2)')] },
        { type: 'paragraph', content: [link('https://baonghean.vn/')] },
        {
          type: 'iframe',
          attrs: { src: 'javascript:alert(3)' },
          content: [{ type: 'text', text: '<iframe>' }],
        },
        {
          type: 'figure',
          attrs: { mediaPath: 'a.jpg" onerror="alert(4)', alt: '"><script>', credit: '' },
          content: [{ type: 'text', text: '<svg onload=alert(5)>' }],
        },
      ],
    };
    render(<PortalPreview article={article} author={null} category={null} mediaUrl={mediaUrl} />);
    const preview = screen.getByTestId('portal-preview');
    expect(preview.querySelectorAll('script, iframe, svg')).toHaveLength(0);
    expect(preview.querySelectorAll('[onerror], [onload]')).toHaveLength(0);
    const links = [...preview.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://baonghean.vn/']);
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(preview.querySelector('h1')?.textContent).toBe('<script>window.__pwned = 1</script>');
    expect(preview.textContent).toContain('<script>alert(1)</script>');
    expect(preview.querySelector('img')?.getAttribute('src')).toBe(
      'media:a.jpg" onerror="alert(4)',
    );
    expect(preview.querySelector('img')?.getAttribute('alt')).toBe('"><script>');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('takes its labels as props', () => {
    render(
      <PortalPreview
        article={seedArticle()}
        author={seedAuthor}
        category={null}
        mediaUrl={mediaUrl}
        locale="en"
        labels={{ toolbar: 'Preview', print: 'Print', printTitle: 'Print the article' }}
        onPrint={() => undefined}
      />,
    );
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
    expect(screen.getByTestId('portal-preview').querySelector('.author')?.textContent).toMatch(
      /^Author: /u,
    );
  });
});
