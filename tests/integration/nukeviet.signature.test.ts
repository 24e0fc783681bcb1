/**
 * NukeViet's api.php checks a bcrypt of `secret_timestamp` and a timestamp within ±5 s; it keeps
 * no record of hashes seen. So the adapter signs once per SIGNATURE_REUSE_S window instead of
 * hashing bcrypt (cost 10, ~190 ms of CPU) for every request. Proved against the harness's
 * api.php, which logs every signature it accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SIGNATURE_REUSE_S } from '../../electron/core/portal/nukeviet/client';
import { createNukeVietAdapter } from '../../electron/core/portal/nukeviet/nukevietAdapter';
import {
  phpUnavailableReason,
  startNukeVietHarness,
  type NukeVietHarness,
} from '../support/nukeviet-harness/harness';

const skipReason = phpUnavailableReason();
if (skipReason !== null) {
  console.warn(`\n!!! NukeViet integration tests SKIPPED: ${skipReason} !!!\n`);
}

describe.skipIf(skipReason !== null)('NukeViet signatures: one bcrypt per window', () => {
  let harness: NukeVietHarness;

  beforeAll(async () => {
    harness = await startNukeVietHarness({ workers: 3 });
  });

  afterAll(async () => {
    await harness.stop();
  });

  it('reuses one hash for every request while its timestamp is fresh, then signs again', async () => {
    // The workstation's clock, moved by hand (the server's stays real; ±5 s is allowed).
    const start = Math.floor(Date.now() / 1000) * 1000;
    let shiftMs = 0;
    const adapter = createNukeVietAdapter({
      credentials: {
        baseUrl: harness.baseUrl,
        username: harness.editor.ident,
        secret: harness.editor.secret,
      },
      bcryptCost: 10,
      now: () => start + shiftMs,
      clockCorrection: false,
    });

    // Sequential and parallel requests in one window: all accepted, one hash.
    await adapter.testConnection();
    await adapter.listTerms();
    await Promise.all([adapter.listTerms(), adapter.listTerms(), adapter.readArticle('999')]);
    shiftMs = SIGNATURE_REUSE_S * 1000;
    await adapter.listTerms();
    let accepted = harness.acceptedSignatures();
    expect(accepted).toHaveLength(6);
    expect(new Set(accepted.map((a) => a.hash)).size).toBe(1);
    expect(accepted[0]?.hash).toMatch(/^\$2y\$10\$/u);

    // Past the window: a new timestamp and a new hash, accepted too.
    shiftMs = (SIGNATURE_REUSE_S + 1) * 1000;
    await adapter.listTerms();
    accepted = harness.acceptedSignatures();
    expect(accepted).toHaveLength(7);
    expect(new Set(accepted.map((a) => a.hash)).size).toBe(2);
    expect(accepted[6]?.timestamp).toBe((accepted[0]?.timestamp ?? 0) + SIGNATURE_REUSE_S + 1);
  });
});
