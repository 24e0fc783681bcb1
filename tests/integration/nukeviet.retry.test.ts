/**
 * Retrying after a cut connection creates nothing twice: a proxy between the adapter and the
 * php -S stand-in drops the portal's answer after the work is done (the common case on flaky
 * office networks) or cuts the request half-way; the adapter reports a transient failure and
 * the retry returns, or updates, what the first attempt made.
 */
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PortalError, type RemoteMedia } from '../../electron/core/portal/adapter';
import {
  createNukeVietAdapter,
  type NukeVietAdapter,
} from '../../electron/core/portal/nukeviet/nukevietAdapter';
import { startCuttingProxy, type CuttingProxy } from '../support/nukeviet-harness/cuttingProxy';
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

async function transientFailure(promise: Promise<unknown>): Promise<PortalError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PortalError);
  const portalError = error as PortalError;
  expect(portalError.transient).toBe(true);
  return portalError;
}

describe.skipIf(skipReason !== null)(
  'NukeViet adapter ↔ connector: retry after a cut connection',
  () => {
    let harness: NukeVietHarness;
    let proxy: CuttingProxy;
    let adapter: NukeVietAdapter;

    beforeAll(async () => {
      harness = await startNukeVietHarness();
      proxy = await startCuttingProxy(harness.port);
      adapter = createNukeVietAdapter({
        credentials: {
          baseUrl: proxy.baseUrl,
          username: harness.editor.ident,
          secret: harness.editor.secret,
        },
        bcryptCost: 6,
      });
    });

    afterAll(async () => {
      await proxy.close();
      await harness.stop();
    });

    const countRows = (table: string): number =>
      harness.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)[0]?.n ?? -1;

    it('an upload whose answer is lost is not stored twice', async () => {
      const [photo] = seedUploads();
      if (photo === undefined) throw new Error('no seed photo');
      proxy.cutNextResponse();
      const error = await transientFailure(adapter.uploadMedia(photo));
      expect(error.kind).toBe('offline');
      expect(error.message).toContain('Không kết nối được tới cổng');
      expect(proxy.cuts).toBe(1);
      expect(countRows('nv4_vi_news_newsdesk_media')).toBe(1);

      const media = await adapter.uploadMedia(photo);
      const folder = path.dirname(path.join(harness.siteDir, media.remoteId));
      expect(fs.readdirSync(folder).filter((f) => f.endsWith('.jpg'))).toEqual([
        path.basename(media.remoteId),
      ]);
      expect(countRows('nv4_vi_news_newsdesk_media')).toBe(1);
    });

    it('an article whose answer is lost is updated, not created again, on retry', async () => {
      const uploaded = new Map<string, RemoteMedia>();
      for (const upload of seedUploads())
        uploaded.set(upload.syncKey, await adapter.uploadMedia(upload));
      const payload = seedPayload(uploaded);
      const rowsBefore = countRows('nv4_vi_news_rows');

      proxy.cutNextResponse();
      await transientFailure(adapter.putArticle(payload, null));
      // The portal did the work: one article, one copy in its category, one mapping.
      expect(countRows('nv4_vi_news_rows')).toBe(rowsBefore + 1);

      const saved = await adapter.putArticle(payload, null);
      expect(countRows('nv4_vi_news_rows')).toBe(rowsBefore + 1);
      const id = Number(saved.remoteId);
      expect(harness.query('SELECT id FROM nv4_vi_news_2 WHERE id = ?', id)).toHaveLength(1);
      expect(harness.query('SELECT tid FROM nv4_vi_news_tags_id WHERE id = ?', id)).toHaveLength(2);
      expect(harness.query('SELECT bid FROM nv4_vi_news_block WHERE id = ?', id)).toHaveLength(1);
      expect(
        harness.query(
          'SELECT id FROM nv4_vi_news_newsdesk_sync WHERE sync_key = ?',
          payload.syncKey,
        ),
      ).toEqual([{ id }]);
      expect(await adapter.readArticle(saved.remoteId)).toEqual(saved);
    });

    it('a request cut half-way creates nothing, and the retry creates exactly one article', async () => {
      const payload = seedPayload(new Map());
      const rowsBefore = countRows('nv4_vi_news_rows');
      proxy.cutNextRequestAfter(600);
      await transientFailure(adapter.putArticle(payload, null));
      expect(countRows('nv4_vi_news_rows')).toBe(rowsBefore);

      await adapter.putArticle(payload, null);
      await adapter.putArticle(payload, null);
      expect(countRows('nv4_vi_news_rows')).toBe(rowsBefore + 1);
    });
  },
);
