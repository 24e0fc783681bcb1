import { afterEach, describe, expect, it } from 'vitest';

import { signInAs } from '../support/testCore';
import {
  callCore,
  closeAll,
  handOff,
  newsroom,
  signInMember,
  workstation,
  write,
} from './bundleAttackKit';

/*
 * Issue 12's first attack: on another PC, an administrator creates look-alike accounts `btv`
 * (like the newsroom's editor) and `pv1`, the reporter approves her own article as the fake
 * `btv`, and brings the bundle to the office. People are proven by the newsroom's roster, not
 * named: the approval must not count, and the article arrives as her own «chưa xác minh» draft.
 */

afterEach(closeAll);

describe('a look-alike workstation', () => {
  it("cannot approve: its 'btv' is not the newsroom's btv", async () => {
    const { office } = await newsroom();
    const home = await workstation('Máy ở nhà');
    // Home: its own administrator (and even its own "newsroom" of the same name), btv and pv1.
    await callCore(home, 'newsroom.create', { name: 'Báo Quảng Trị' });
    await callCore(home, 'categories.save', { title: 'Thời sự' });
    await signInAs(home, 'reporter', 'pv1', 'Nguyễn Văn Một');
    const article = await write(home, 'Bài tự duyệt ở nhà', 'Nội dung bài.', true);
    await callCore(home, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    await signInAs(home, 'editor', 'btv', 'Phạm Biên Tập');
    await callCore(home, 'workflow.transition', { articleId: article.id, transition: 'approve' });
    const bundle = await handOff(home, [article.id]);

    // Office: the real pv1 imports it.
    await signInMember(office, 'pv1');
    const report = await callCore(office, 'bundles.import', bundle);
    expect(report.articles).toEqual([
      expect.objectContaining({ articleId: article.id, outcome: 'unverified' }),
    ]);
    const reasons = report.refused.map((item) => item.reason).join('\n');
    expect(reasons).toMatch(/ký bằng một khoá không phải của «btv» trong danh sách tòa soạn/);
    expect(reasons).toMatch(/ký bằng một khoá không phải của «pv1» trong danh sách tòa soạn/);
    expect(report.rosterUpdated).toBeNull();

    // Nothing approved, nothing credited to the real btv.
    await expect(callCore(office, 'articles.get', { id: article.id })).rejects.toThrow('not_found');
    const copyId = report.articles[0]?.unverifiedCopyId ?? '';
    const copy = await callCore(office, 'articles.get', { id: copyId });
    expect(copy.status).toBe('draft');
    expect(copy.title).toBe('Bài tự duyệt ở nhà (chưa xác minh, từ Máy ở nhà)');
    const trail = await callCore(office, 'audit.list', { articleId: copyId });
    expect(trail.map((entry) => [entry.action, entry.user?.name])).toEqual([
      ['import', 'Nguyễn Văn Một'],
    ]);
    const state = await callCore(office, 'workflow.state', { articleId: copyId });
    expect(state.createdBy?.name).toBe('Nguyễn Văn Một');
    // The newsroom's roster did not change hands.
    const newsroomInfo = await callCore(office, 'newsroom.status', {});
    expect(newsroomInfo.version).toBe(4);
    expect(newsroomInfo.members.map((member) => member.userName).sort()).toEqual([
      'btv',
      'pv1',
      'pv2',
      'quantri',
    ]);
  }, 120_000);

  it("cannot approve the newsroom's own article either (sent home and back)", async () => {
    const { office } = await newsroom();
    await signInMember(office, 'pv1');
    const article = await write(office, 'Bài gửi về nhà', 'Nội dung bài.', true);
    await callCore(office, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    const toHome = await handOff(office, [article.id]);
    // The roster is no secret: home joins the newsroom with it, so the article arrives there.
    const rosterFile = await callCore(office, 'newsroom.exportRoster', {});

    const home = await workstation('Máy ở nhà');
    await callCore(home, 'newsroom.importRoster', {
      fileName: rosterFile.fileName,
      dataBase64: rosterFile.dataBase64,
    });
    await signInAs(home, 'editor', 'btv', 'Phạm Biên Tập');
    expect((await callCore(home, 'bundles.import', toHome)).articles[0]?.outcome).toBe('inserted');
    await callCore(home, 'workflow.transition', { articleId: article.id, transition: 'approve' });
    const back = await handOff(home, [article.id]);

    await signInMember(office, 'pv1');
    const report = await callCore(office, 'bundles.import', back);
    expect(report.articles[0]?.outcome).toBe('unverified');
    expect(report.refused.map((item) => item.reason).join('\n')).toMatch(
      /Mục nhật ký «transition» của Phạm Biên Tập \(«btv»\): ký bằng một khoá không phải của «btv»/,
    );
    expect((await callCore(office, 'articles.get', { id: article.id })).status).toBe('submitted');
    const steps = await callCore(office, 'audit.list', { articleId: article.id });
    expect(steps.some((entry) => entry.transition === 'approve')).toBe(false);
  }, 120_000);
});
