/**
 * A NukeViet portal's settings reach the site (findings of the real 4.5.05 site): the byline
 * credits the article's author, not the API account, unless the newsroom asks; the featured
 * image's position on the article page is the portal's setting (the module default, 2, showed
 * the first photo twice); a virtual copy of the news module in another data language is
 * targeted by its module name and language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RemoteMedia } from '../../electron/core/portal/adapter';
import { createNukeVietAdapter } from '../../electron/core/portal/nukeviet/nukevietAdapter';
import { defaultNukeVietSettings } from '../../shared/domain/nukeviet';
import {
  phpUnavailableReason,
  startNukeVietHarness,
  type NukeVietHarness,
} from '../support/nukeviet-harness/harness';
import { seedPayload, seedUploads } from '../support/nukeviet-harness/seed';

const skipReason = phpUnavailableReason();
if (skipReason !== null) {
  console.warn(`\n!!! NukeViet integration tests SKIPPED: ${skipReason} !!!\n`);
}

describe.skipIf(skipReason !== null)('NukeViet portal settings', () => {
  let harness: NukeVietHarness;

  beforeAll(async () => {
    harness = await startNukeVietHarness({
      admins: [{ id: 1, username: 'quantri', lev: 1, firstName: 'Quản', lastName: 'Trị' }],
    });
  });

  afterAll(async () => {
    await harness.stop();
  });

  const adapterWith = (settings = defaultNukeVietSettings) =>
    createNukeVietAdapter({
      credentials: {
        baseUrl: harness.baseUrl,
        username: harness.editor.ident,
        secret: harness.editor.secret,
        nukeviet: settings,
      },
      bcryptCost: 4,
    });

  it('by default credits only the article’s author and hides the featured image on the page', async () => {
    const adapter = adapterWith();
    const uploaded = new Map<string, RemoteMedia>();
    for (const upload of seedUploads())
      uploaded.set(upload.syncKey, await adapter.uploadMedia(upload));
    const payload = seedPayload(uploaded);
    const saved = await adapter.putArticle(payload, null);
    const id = Number(saved.remoteId);
    // The byline: the article's author only, not «quantri, Th.S …».
    expect(harness.query('SELECT aid FROM nv4_vi_news_authorlist WHERE id = ?', id)).toEqual([]);
    expect(harness.query('SELECT author FROM nv4_vi_news_rows WHERE id = ?', id)).toEqual([
      { author: payload.author },
    ]);
    // The body already shows the photos: the featured image is for lists only.
    expect(harness.query('SELECT imgposition FROM nv4_vi_news_detail WHERE id = ?', id)).toEqual([
      { imgposition: 0 },
    ]);
  });

  it('credits the API account and shows the image large when the newsroom asks', async () => {
    const adapter = adapterWith({
      ...defaultNukeVietSettings,
      imagePosition: 2,
      creditApiAccount: true,
    });
    const saved = await adapter.putArticle(seedPayload(new Map()), null);
    const id = Number(saved.remoteId);
    expect(harness.query('SELECT pseudonym FROM nv4_vi_news_authorlist WHERE id = ?', id)).toEqual([
      { pseudonym: 'Quản Trị' },
    ]);
    expect(harness.query('SELECT imgposition FROM nv4_vi_news_detail WHERE id = ?', id)).toEqual([
      { imgposition: 2 },
    ]);
    // An update sends the portal's current setting.
    const updated = createNukeVietAdapter({
      credentials: {
        baseUrl: harness.baseUrl,
        username: harness.editor.ident,
        secret: harness.editor.secret,
        nukeviet: { ...defaultNukeVietSettings, imagePosition: 1 },
      },
      bcryptCost: 4,
    });
    await updated.putArticle(seedPayload(new Map()), saved.remoteId);
    expect(harness.query('SELECT imgposition FROM nv4_vi_news_detail WHERE id = ?', id)).toEqual([
      { imgposition: 1 },
    ]);
  });
});

describe.skipIf(skipReason !== null)('NukeViet virtual module copy in another language', () => {
  let harness: NukeVietHarness;

  beforeAll(async () => {
    harness = await startNukeVietHarness({
      lang: 'en',
      module: { name: 'tin-tuc', data: 'tin_tuc', upload: 'tin-tuc' },
    });
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('targets the copy by its module name and data language', async () => {
    const settings = { ...defaultNukeVietSettings, module: 'tin-tuc', language: 'en' };
    const adapter = createNukeVietAdapter({
      credentials: {
        baseUrl: harness.baseUrl,
        username: harness.editor.ident,
        secret: harness.editor.secret,
        nukeviet: settings,
      },
      bcryptCost: 4,
    });
    const [upload] = seedUploads();
    if (upload === undefined) throw new Error('no seed photo');
    const media = await adapter.uploadMedia(upload);
    expect(media.remoteId).toMatch(/^uploads\/tin-tuc\/\d{4}_\d{2}\//u);
    const saved = await adapter.putArticle(seedPayload(new Map()), null);
    expect(saved.url).toContain('/tin-tuc/');
    expect(
      harness.query('SELECT id FROM nv4_en_tin_tuc_rows WHERE id = ?', Number(saved.remoteId)),
    ).toHaveLength(1);

    // The defaults (news, vi) do not reach it: the portal says which, in Vietnamese.
    const wrong = createNukeVietAdapter({
      credentials: {
        baseUrl: harness.baseUrl,
        username: harness.editor.ident,
        secret: harness.editor.secret,
      },
      bcryptCost: 4,
    });
    await expect(wrong.testConnection()).rejects.toThrow(/ngôn ngữ|module/iu);
  });
});
