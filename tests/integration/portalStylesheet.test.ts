import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { portalStylesPlugin } from '../../electron.vite.config';
import { portalStylesheet } from '../../shared/render/portalPage';
import { portalArticleCss, portalArticleCssModule } from '../../shared/render/portalStyles';

/**
 * One portal stylesheet: the preview and the exported page take the article's rules from
 * shared/render/portalStyles.ts; neither holds a copy.
 */

const root = path.resolve(import.meta.dirname, '../..');

describe('one portal stylesheet for the preview and the export', () => {
  it('the renderer imports the article rules from the shared source', async () => {
    const plugin = portalStylesPlugin();
    const resolveId = plugin.resolveId as (id: string) => string | null;
    const load = plugin.load as (id: string) => string | null;
    const id = resolveId(portalArticleCssModule);
    expect(id).not.toBeNull();
    expect(load(id ?? '')).toBe(portalArticleCss);
    const preview = await fs.promises.readFile(
      path.join(root, 'renderer/features/preview/PortalPreview.tsx'),
      'utf8',
    );
    expect(preview).toContain(`import '${portalArticleCssModule}';`);
  });

  it('the exported style.css holds the same article rules', () => {
    expect(portalStylesheet).toContain(portalArticleCss);
  });

  it('the preview stylesheet keeps only its pane, no copy of the article rules', async () => {
    const previewCss = await fs.promises.readFile(
      path.join(root, 'renderer/features/preview/preview.css'),
      'utf8',
    );
    for (const selector of ['.title', '.lead', 'figcaption', '.credit', 'blockquote', '.author']) {
      expect(previewCss).not.toContain(selector);
    }
  });
});
