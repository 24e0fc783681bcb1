import { afterEach, describe, expect, it } from 'vitest';

import { callCore, openTestCore, signInAs } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';
import { fixtures, withGpsAndSerials } from '../../../tests/support/photoKit';
import {
  figure,
  fixtureFile,
  importPhotos,
  paragraph,
  saveBody,
  vietnameseText,
  writeArticle,
} from '../../../tests/support/workflowKit';

const context = { shell: 'browser' as const };
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

async function refusal(
  target: Core,
  articleId: string,
  transition: string,
  note = '',
): Promise<{ code: string; message: string }> {
  const result = await target.dispatch(
    'workflow.transition',
    { articleId, transition, note },
    context,
  );
  if (result.ok) throw new Error(`${transition} was allowed`);
  return result.error;
}

describe('editorial workflow through the contract', () => {
  it('plays submit → return with a note → resubmit → approve → queue → publish → take down → spike', async () => {
    let clock = Date.UTC(2024, 6, 12, 1);
    core = openTestCore({ now: () => clock });
    await callCore(core, 'categories.save', { title: 'Thời sự' });
    await signInAs(core, 'reporter', 'pv-an', 'Nguyễn Văn An');
    const photos = await importPhotos(core, [
      fixtureFile('storm-canon-400d.jpg'),
      fixtureFile('ladybird.jpg'),
    ]);
    const article = await writeArticle(core, {
      title: 'HĐND tỉnh khai mạc kỳ họp thứ 9',
      photos,
      body: [
        paragraph(vietnameseText(120)),
        figure(photos[0] ?? { mediaPath: '' }, 'Quang cảnh kỳ họp'),
        paragraph(vietnameseText(60)),
        figure(photos[1] ?? { mediaPath: '' }, 'Đại biểu phát biểu'),
      ],
    });
    expect(
      (await callCore(core, 'workflow.state', { articleId: article.id })).transitions.map(
        (t) => t.transition,
      ),
    ).toEqual(['submit', 'spike']);

    clock += 60_000;
    const submitted = await callCore(core, 'workflow.transition', {
      articleId: article.id,
      transition: 'submit',
      note: 'Gửi anh duyệt',
    });
    expect(submitted).toMatchObject({
      status: 'submitted',
      audit: { action: 'transition', note: 'Gửi anh duyệt' },
    });
    // Sent means out of the reporter's hands until it comes back.
    const edit = await core.dispatch(
      'articles.save',
      {
        id: article.id,
        title: 'Sửa lén',
        meta: article.meta,
        body: article.body,
        baseVersion: submitted.version,
      },
      context,
    );
    expect(edit).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/Chờ duyệt/) },
    });
    expect(
      (await callCore(core, 'workflow.queue', {})).mineWaitingOnOthers.map((item) => item.id),
    ).toEqual([article.id]);

    await signInAs(core, 'editor', 'btv-binh', 'Trần Thị Bình');
    const queue = await callCore(core, 'workflow.queue', {});
    expect(queue.waitingForMe).toEqual([
      expect.objectContaining({
        id: article.id,
        status: 'submitted',
        createdBy: expect.objectContaining({ name: 'Nguyễn Văn An' }),
        lastStep: expect.objectContaining({
          transition: 'submit',
          by: 'Nguyễn Văn An',
          note: 'Gửi anh duyệt',
        }),
      }),
    ]);
    clock += 60_000;
    await callCore(core, 'workflow.transition', {
      articleId: article.id,
      transition: 'startReview',
    });
    expect(await refusal(core, article.id, 'return', '  ')).toEqual({
      code: 'invalid_input',
      message: 'Thao tác «Trả lại» cần ghi chú lý do. Hãy viết ghi chú rồi thử lại.',
    });
    clock += 60_000;
    await callCore(core, 'workflow.transition', {
      articleId: article.id,
      transition: 'return',
      note: 'Sửa câu mở đầu',
    });

    await signInAs(core, 'reporter', 'pv-an');
    const desk = await callCore(core, 'workflow.queue', {});
    expect(desk.waitingForMe).toEqual([
      expect.objectContaining({
        id: article.id,
        status: 'returned',
        lastStep: expect.objectContaining({ note: 'Sửa câu mở đầu' }),
      }),
    ]);
    clock += 60_000;
    await saveBody(core, article, [
      paragraph(`Sáng 12/7, HĐND tỉnh khai mạc kỳ họp. ${vietnameseText(120)}`),
      figure(photos[0] ?? { mediaPath: '' }, 'Quang cảnh kỳ họp'),
      paragraph(vietnameseText(60)),
      figure(photos[1] ?? { mediaPath: '' }, ''),
    ]);
    await callCore(core, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    expect((await refusal(core, article.id, 'approve')).code).toBe('forbidden');

    await signInAs(core, 'editor', 'btv-binh');
    // The checklist blocks: the second photo lost its caption.
    const checklist = await callCore(core, 'workflow.checklist', { articleId: article.id });
    expect(checklist.ok).toBe(false);
    expect(checklist.errors.map((issue) => issue.code)).toEqual(['caption_empty']);
    expect(checklist.photoCount).toBe(2);
    const blocked = await refusal(core, article.id, 'approve');
    expect(blocked.code).toBe('checklist_failed');
    expect(blocked.message).toMatch(/^Chưa duyệt được: bài còn 1 lỗi.*\n• Ảnh chưa có chú thích/s);
    const fixed = await saveBody(core, article, [
      paragraph(`Sáng 12/7, HĐND tỉnh khai mạc kỳ họp. ${vietnameseText(120)}`),
      figure(photos[0] ?? { mediaPath: '' }, 'Quang cảnh kỳ họp'),
      paragraph(vietnameseText(60)),
      figure(photos[1] ?? { mediaPath: '' }, 'Đại biểu phát biểu'),
    ]);
    clock += 60_000;
    const approved = await callCore(core, 'workflow.transition', {
      articleId: article.id,
      transition: 'approve',
      baseVersion: fixed.version,
    });
    expect(approved).toMatchObject({ status: 'approved', warnings: [] });
    expect(await refusal(core, article.id, 'schedule')).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/giờ đăng/),
    });
    await callCore(core, 'workflow.transition', { articleId: article.id, transition: 'queue' });
    await callCore(core, 'workflow.transition', {
      articleId: article.id,
      transition: 'markPublished',
    });
    expect(await refusal(core, article.id, 'spike')).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/chỉ dùng cho bài/),
    });
    await callCore(core, 'workflow.transition', {
      articleId: article.id,
      transition: 'takeDown',
      note: 'Sai số liệu',
    });
    await callCore(core, 'workflow.transition', { articleId: article.id, transition: 'spike' });
    expect((await callCore(core, 'articles.get', { id: article.id })).status).toBe('spiked');
    // Spiking is reversible and keeps everything.
    await callCore(core, 'workflow.transition', { articleId: article.id, transition: 'unspike' });
    expect((await callCore(core, 'articles.list', { status: 'draft' })).map((a) => a.id)).toContain(
      article.id,
    );

    const audit = await callCore(core, 'audit.list', { articleId: article.id });
    expect(
      audit
        .slice()
        .reverse()
        .map((entry) => [
          entry.action,
          entry.transition,
          entry.toStatus,
          entry.user?.name,
          entry.note,
        ]),
    ).toEqual([
      // Each saver's signed statement about the text joins the trail before the next step.
      ['create', null, 'draft', 'Nguyễn Văn An', ''],
      ['edit', null, null, 'Nguyễn Văn An', ''],
      ['transition', 'submit', 'submitted', 'Nguyễn Văn An', 'Gửi anh duyệt'],
      ['transition', 'startReview', 'in_review', 'Trần Thị Bình', ''],
      ['transition', 'return', 'returned', 'Trần Thị Bình', 'Sửa câu mở đầu'],
      ['edit', null, null, 'Nguyễn Văn An', ''],
      ['transition', 'submit', 'submitted', 'Nguyễn Văn An', ''],
      ['edit', null, null, 'Trần Thị Bình', ''],
      ['transition', 'approve', 'approved', 'Trần Thị Bình', ''],
      ['transition', 'queue', 'queued', 'Trần Thị Bình', ''],
      ['transition', 'markPublished', 'published', 'Trần Thị Bình', ''],
      ['transition', 'takeDown', 'taken_down', 'Trần Thị Bình', 'Sai số liệu'],
      ['transition', 'spike', 'spiked', 'Trần Thị Bình', ''],
      ['transition', 'unspike', 'draft', 'Trần Thị Bình', ''],
    ]);
    // Submitted, returned and approved texts are kept in the history.
    const revisions = await callCore(core, 'revisions.list', { articleId: article.id });
    expect(
      revisions.filter((revision) => revision.reason === 'workflow').length,
    ).toBeGreaterThanOrEqual(4);
  });

  it('blocks approval without a featured image and warns about the word range', async () => {
    core = openTestCore();
    await callCore(core, 'categories.save', { title: 'Thời sự' });
    await callCore(core, 'workflow.setPolicy', { minWords: 500, maxWords: 2000 });
    const photos = await importPhotos(core, [fixtureFile('ladybird.jpg')]);
    const article = await writeArticle(core, {
      title: 'Tin ngắn',
      photos,
      featured: false,
      body: [
        paragraph(vietnameseText(100)),
        figure(photos[0] ?? { mediaPath: '' }, 'Con bọ rùa', ''),
      ],
    });
    await callCore(core, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    const checklist = await callCore(core, 'workflow.checklist', { articleId: article.id });
    expect(checklist.errors.map((issue) => issue.code).sort()).toEqual([
      'featured_missing',
      'figure_credit_missing',
    ]);
    expect(checklist.warnings.map((issue) => issue.code)).toEqual(['body_too_short']);
    expect(checklist.wordRange).toEqual({ min: 500, max: 2000 });
    expect((await refusal(core, article.id, 'approve')).code).toBe('checklist_failed');
    expect((await callCore(core, 'articles.get', { id: article.id })).status).toBe('submitted');
  });

  it('refuses approval when a photo with GPS would be published with all its metadata', async () => {
    core = openTestCore();
    await callCore(core, 'categories.save', { title: 'Thời sự' });
    const gps = await withGpsAndSerials(fixtures.dune);
    const photos = await importPhotos(core, [fixtureFile('dune-gps.jpg', gps)]);
    expect(photos[0]?.hasGps).toBe(true);
    const article = await writeArticle(core, {
      title: 'Ảnh có toạ độ',
      photos,
      body: [paragraph(vietnameseText(150)), figure(photos[0] ?? { mediaPath: '' }, 'Đồi cát')],
    });
    // The default «Web» recipe removes GPS: nothing to block.
    expect((await callCore(core, 'workflow.checklist', { articleId: article.id })).ok).toBe(true);
    const [web] = await callCore(core, 'recipes.list', {});
    if (!web) throw new Error('no default recipe');
    await callCore(core, 'recipes.save', {
      id: web.id,
      recipe: { ...web.recipe, metadata: 'keep-all' },
    });
    const checklist = await callCore(core, 'workflow.checklist', { articleId: article.id });
    expect(checklist.errors.map((issue) => issue.code)).toEqual([
      'photo_gps_kept',
      'photo_gps_kept',
    ]);
    expect(checklist.errors[0]?.message).toMatch(/toạ độ GPS/);
  });

  it('keeps the reporter to their own articles', async () => {
    core = openTestCore({ as: 'reporter' });
    const mine = await callCore(core, 'articles.create', { title: 'Của An' });
    await signInAs(core, 'reporter', 'pv-khac');
    expect(await refusal(core, mine.id, 'submit')).toEqual({
      code: 'forbidden',
      message: 'Bạn chỉ được «Gửi duyệt» bài do chính mình viết. Hãy nhờ Biên tập viên thực hiện.',
    });
    const save = await core.dispatch(
      'articles.save',
      { id: mine.id, title: 'x', meta: mine.meta, body: mine.body, baseVersion: 0 },
      context,
    );
    expect(save).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const state = await callCore(core, 'workflow.state', { articleId: mine.id });
    expect(state.transitions).toEqual([]);
    expect(state.editRefusal).toMatch(/chính mình/);
  });
});
