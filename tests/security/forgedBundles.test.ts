import { afterEach, describe, expect, it } from 'vitest';

import { paragraph, saveBody } from '../support/workflowKit';
import type { Core } from '../../electron/core/app/createCore';
import type { BundleFile, Json } from './bundleAttackKit';
import {
  appendSigned,
  articleOf,
  auditOf,
  callCore,
  closeAll,
  handOff,
  newsroom,
  ownKey,
  payloadTextHash,
  rehash,
  rewrite,
  signInMember,
  write,
} from './bundleAttackKit';

/*
 * Hand-forged bundles (issue 12). The container's SHA-256 sums carry no key, so a reporter can
 * rewrite a bundle and reseal it. Each attack must arrive as a «chưa xác minh» draft owned by
 * the importer, with nothing applied to the real article and the refusal in the report.
 */

afterEach(closeAll);

async function importAs(core: Core, file: BundleFile) {
  return callCore(core, 'bundles.import', file);
}

/** The article as a workstation holds it now. */
async function stateOf(core: Core, id: string) {
  const article = await callCore(core, 'articles.get', { id });
  return { status: article.status, title: article.title, body: JSON.stringify(article.body) };
}

function expectUnverified(report: Awaited<ReturnType<typeof importAs>>, reason: RegExp): string {
  expect(report.articles).toEqual([
    expect.objectContaining({ outcome: 'unverified', unverifiedCopyId: expect.any(String) }),
  ]);
  expect(report.refused.map((item) => item.reason).join('\n')).toMatch(reason);
  return report.articles[0]?.unverifiedCopyId ?? '';
}

async function expectCopyIsImportersDraft(core: Core, copyId: string, importer: string) {
  const copy = await callCore(core, 'articles.get', { id: copyId });
  expect(copy.status).toBe('draft');
  expect(copy.title).toContain('chưa xác minh');
  const state = await callCore(core, 'workflow.state', { articleId: copyId });
  expect(state.createdBy?.name).toBe(importer);
}

describe('hand-forged bundles', () => {
  it('a status written into the bundle ("published") is not taken', async () => {
    const { office, desk } = await newsroom();
    await signInMember(office, 'pv1');
    const article = await write(office, 'Bài tự ghi đã đăng');
    const forged = rewrite(await handOff(office, [article.id]), (payload) => {
      articleOf(payload).status = 'published';
      rehash(payload);
    });
    await signInMember(desk, 'btv');
    const report = await importAs(desk, forged);
    const copyId = expectUnverified(report, /trạng thái «Đã đăng».*chỉ dẫn tới «Bản nháp»/);
    await expect(callCore(desk, 'articles.get', { id: article.id })).rejects.toThrow('not_found');
    await expectCopyIsImportersDraft(desk, copyId, 'Phạm Biên Tập');
  });

  it('a reporter cannot approve or publish with transitions signed by their own key', async () => {
    const { office, desk } = await newsroom();
    const key = await ownKey(office, 'pv1');
    await signInMember(office, 'pv1');
    const article = await write(office, 'Bài tự duyệt');
    await callCore(office, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    const forged = rewrite(await handOff(office, [article.id]), (payload) => {
      for (const [transition, from, to] of [
        ['approve', 'submitted', 'approved'],
        ['queue', 'approved', 'queued'],
        ['markPublished', 'queued', 'published'],
      ] as const) {
        appendSigned(
          payload,
          { action: 'transition', transition, fromStatus: from, toStatus: to },
          'pv1',
          key,
        );
      }
      articleOf(payload).status = 'published';
      rehash(payload);
    });
    await signInMember(desk, 'btv');
    const report = await importAs(desk, forged);
    expectUnverified(report, /Bước «Duyệt» của .*pv1.*bị từ chối: Bạn không có quyền «Duyệt»/);
    await expect(callCore(desk, 'articles.get', { id: article.id })).rejects.toThrow('not_found');
  });

  it('entries and comments attributed to the administrator without their key are refused', async () => {
    const { office, desk } = await newsroom();
    const key = await ownKey(office, 'pv1');
    await signInMember(office, 'pv1');
    const article = await write(office, 'Bài có ghi chú giả');
    await callCore(office, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    const genuine = await handOff(office, [article.id]);
    // (1) A comment "by the administrator", unsigned.
    const fakeComment = rewrite(genuine, (payload) => {
      (payload.comments as Json[]).push({
        id: crypto.randomUUID(),
        kind: 'general',
        body: 'Bài này đã được lãnh đạo đồng ý, đăng ngay.',
        authorId: 'admin-id',
        authorName: 'Quản trị viên',
        originalQuote: null,
        quote: null,
        prefix: null,
        suffix: null,
        anchorFrom: null,
        anchorTo: null,
        anchorOffset: null,
        createdAt: Date.now(),
        updatedAt: Date.now(),
        resolvedAt: null,
        resolvedBy: null,
        resolvedByName: null,
        deletedAt: null,
      });
    });
    await signInMember(desk, 'btv');
    expectUnverified(
      await importAs(desk, fakeComment),
      /Bình luận của «Quản trị viên» không có chữ ký/,
    );
    // (2) An audit entry naming the administrator, signed with the reporter's key as "quantri".
    const fakeEntry = rewrite(genuine, (payload) => {
      appendSigned(
        payload,
        { action: 'takeover', userName: 'Quản trị viên', userRole: 'admin' },
        'quantri',
        key,
      );
    });
    expectUnverified(
      await importAs(desk, fakeEntry),
      /ký bằng một khoá không phải của «quantri» trong danh sách tòa soạn/,
    );
    // Neither made it into the trail.
    await expect(callCore(desk, 'audit.list', { articleId: article.id })).rejects.toThrow(
      'not_found',
    );
  });

  it("a colleague's article is not overwritten by a fast-forward", async () => {
    const { office, desk } = await newsroom();
    const key = await ownKey(office, 'pv1');
    await signInMember(office, 'pv2');
    const theirs = await write(office, 'Bài của chị Hai', 'Bản đúng của chị Hai.');
    await callCore(office, 'workflow.transition', { articleId: theirs.id, transition: 'submit' });
    const genuine = await handOff(office, [theirs.id]);
    await signInMember(desk, 'btv');
    expect((await importAs(desk, genuine)).articles[0]?.outcome).toBe('inserted');
    const before = await stateOf(desk, theirs.id);

    const attacks: Array<[string, BundleFile, RegExp]> = [
      [
        'text replaced, hashes and lineage fixed up',
        rewrite(genuine, (payload) => {
          (articleOf(payload).body as Json).content = [paragraph('Bản bị pv1 sửa.')];
          rehash(payload);
          (payload.lineage as string[]).push(String(payload.contentHash));
        }),
        /Nội dung bài trong gói không phải bản mà một người có quyền sửa đã ký/,
      ],
      [
        'text replaced and signed by pv1 as an edit',
        rewrite(genuine, (payload) => {
          (articleOf(payload).body as Json).content = [paragraph('Bản bị pv1 sửa.')];
          rehash(payload);
          appendSigned(payload, { action: 'edit' }, 'pv1', key, payloadTextHash(payload));
        }),
        /Phóng viên không sửa được nữa|chỉ sửa được bài do chính mình viết/,
      ],
    ];
    for (const [, forged, reason] of attacks) {
      expectUnverified(await importAs(desk, forged), reason);
      expect(await stateOf(desk, theirs.id)).toEqual(before);
    }
  });

  it('an old bundle replayed (with its lineage patched) does not bring back the old status', async () => {
    const { office, desk } = await newsroom();
    await signInMember(office, 'pv1');
    const article = await write(office, 'Bài bị trả lại', 'Nội dung bài viết.', true);
    await callCore(office, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    await signInMember(desk, 'btv');
    await importAs(desk, await handOff(office, [article.id]));
    await callCore(desk, 'workflow.transition', { articleId: article.id, transition: 'approve' });
    const approved = await handOff(desk, [article.id]);
    await signInMember(office, 'pv1');
    expect((await importAs(office, approved)).articles[0]?.outcome).toBe('fastForwarded');

    // The editor changes their mind: reopen, return with a note; the office takes it.
    await signInMember(desk, 'btv');
    await callCore(desk, 'workflow.transition', { articleId: article.id, transition: 'reopen' });
    await callCore(desk, 'workflow.transition', {
      articleId: article.id,
      transition: 'return',
      note: 'Số liệu chưa kiểm chứng.',
    });
    await signInMember(office, 'pv1');
    await importAs(office, await handOff(desk, [article.id]));
    expect((await stateOf(office, article.id)).status).toBe('returned');
    const current = await callCore(office, 'articles.get', { id: article.id });

    // pv1 replays the approved bundle, claiming it descends from the current version.
    const returnedHash = (await import('../../electron/core/bundles/contentHash')).contentHash({
      ...current,
      status: 'returned',
    });
    const replay = rewrite(approved, (payload) => {
      (payload.lineage as string[]).push(returnedHash);
    });
    const report = await importAs(office, replay);
    expect(report.articles[0]?.outcome).toBe('localNewer');
    expect(report.refused.map((item) => item.reason).join('\n')).toMatch(
      /Gói này cũ hơn.*«Đã duyệt».*không được áp dụng/,
    );
    expect((await stateOf(office, article.id)).status).toBe('returned');
  });

  it("today's unsigned bundles (format 1) import only as unverified drafts", async () => {
    const { office, desk } = await newsroom();
    await signInMember(office, 'pv1');
    const article = await write(office, 'Bài theo định dạng cũ');
    await callCore(office, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    const legacy = rewrite(
      await handOff(office, [article.id]),
      (payload) => {
        delete payload.head;
        for (const entry of auditOf(payload)) {
          delete (entry as Partial<typeof entry>).chain;
          delete (entry as Partial<typeof entry>).sig;
        }
      },
      1,
    );
    await signInMember(desk, 'btv');
    const report = await importAs(desk, legacy);
    const copyId = expectUnverified(report, /Bài không có nhật ký đã ký/);
    await expectCopyIsImportersDraft(desk, copyId, 'Phạm Biên Tập');
    await expect(callCore(desk, 'articles.get', { id: article.id })).rejects.toThrow('not_found');
  });

  it('removing, reordering or re-dating audit entries is detected', async () => {
    const { office, desk } = await newsroom();
    await signInMember(office, 'pv1');
    const article = await write(office, 'Bài có nhật ký bị sửa');
    await callCore(office, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    await callCore(office, 'workflow.transition', {
      articleId: article.id,
      transition: 'withdraw',
    });
    await saveBody(office, article, [paragraph('Bản sửa sau khi rút lại.')]);
    await callCore(office, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    const genuine = await handOff(office, [article.id]);
    const transitionsOf = (payload: Json) =>
      auditOf(payload).filter((entry) => entry.action === 'transition');
    const attacks: Array<[string, BundleFile, RegExp]> = [
      [
        'the withdrawal removed',
        rewrite(genuine, (payload) => {
          const withdraw = transitionsOf(payload)[1];
          payload.audit = auditOf(payload).filter((entry) => entry !== withdraw);
        }),
        /Chuỗi nhật ký của bài bị đứt/,
      ],
      [
        'two steps swapped in time',
        rewrite(genuine, (payload) => {
          const [first, second] = transitionsOf(payload);
          if (!first || !second) throw new Error('steps missing');
          [first.at, second.at] = [second.at, first.at];
        }),
        /đã bị sửa sau khi ghi \(mã băm không khớp\)/,
      ],
      [
        'the chain relinked in another order',
        rewrite(genuine, (payload) => {
          const [first, second] = transitionsOf(payload);
          if (!first?.chain || !second?.chain) throw new Error('steps missing');
          [first.chain.prev, second.chain.prev] = [second.chain.prev, first.chain.prev];
        }),
        /mã băm không khớp/,
      ],
    ];
    await signInMember(desk, 'btv');
    for (const [, forged, reason] of attacks) {
      expectUnverified(await importAs(desk, forged), reason);
      await expect(callCore(desk, 'articles.get', { id: article.id })).rejects.toThrow('not_found');
    }
    // The untouched bundle imports, verified.
    expect((await importAs(desk, genuine)).articles[0]?.outcome).toBe('inserted');
  });
});
