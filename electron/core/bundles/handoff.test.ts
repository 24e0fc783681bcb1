import fs from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/support/tempDir';
import { addMember, createNewsroom, enrol, signInMember } from '../../../tests/support/newsroom';
import { callCore, openTestCore, signInAs, testAdmin } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';
import {
  figure,
  fixtureFile,
  importPhotos,
  paragraph,
  saveBody,
  vietnameseText,
  writeArticle,
} from '../../../tests/support/workflowKit';
import { decodeBundle, encodeBundle } from './container';
import type { ArticlePayload, UserPayload } from './payload';

const opened: Core[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

/** A workstation: its own library folder and core, named so conflict copies say where from. */
async function workstation(name: string): Promise<Core> {
  const core = openTestCore({ dataDir: tempDir() });
  opened.push(core);
  await callCore(core, 'workflow.setPolicy', { workstationName: name });
  return core;
}

/** Exports and reads the file back, as a USB stick would carry it. */
async function handOff(
  from: Core,
  articleIds: string[],
): Promise<{ fileName: string; dataBase64: string }> {
  const exported = await callCore(from, 'bundles.export', { articleIds });
  expect(path.dirname(exported.path)).toBe(from.paths.exports);
  return {
    fileName: exported.fileName,
    dataBase64: fs.readFileSync(exported.path).toString('base64'),
  };
}

const intro = 'Sáng 12/7, HĐND tỉnh khai mạc kỳ họp thứ 9.';
const wrongSentence = 'Tổng sản phẩm trên địa bàn tăng 72%.';
const rightSentence = 'Tổng sản phẩm trên địa bàn tăng 7,2%.';

describe('hand-off between two workstations', () => {
  it('carries an article, its photos, comments and history there and back, and merges by revision', async () => {
    const a = await workstation('Máy phóng viên');
    const b = await workstation('Máy biên tập');
    await callCore(a, 'categories.save', { title: 'Thời sự' });
    // The newsroom: A's administrator creates it; the editor joins B with an enrolment file.
    await createNewsroom(a);
    await addMember(a, 'pv-an', 'reporter', 'Nguyễn Văn An');
    await enrol(a, b, 'btv-binh', 'editor', 'Trần Thị Bình');
    await signInMember(a, 'pv-an');
    const photos = await importPhotos(a, [
      fixtureFile('storm-canon-400d.jpg'),
      fixtureFile('ladybird.jpg'),
    ]);
    const body = (sentence: string) => [
      paragraph(intro),
      paragraph(sentence),
      figure(photos[0] ?? { mediaPath: '' }, 'Quang cảnh kỳ họp'),
      paragraph(vietnameseText(150)),
      figure(photos[1] ?? { mediaPath: '' }, 'Đại biểu phát biểu'),
    ];
    const article = await writeArticle(a, {
      title: 'HĐND tỉnh khai mạc kỳ họp',
      photos,
      body: body(wrongSentence),
    });
    await callCore(a, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    const first = await handOff(a, [article.id]);

    // B: the editor imports, comments on the wrong sentence and returns it.
    const imported = await callCore(b, 'bundles.import', first);
    expect(imported).toMatchObject({
      from: { workstationName: 'Máy phóng viên', createdBy: 'Nguyễn Văn An' },
      articles: [{ articleId: article.id, outcome: 'inserted', conflictCopyId: null }],
      photosAdded: 2,
    });
    const onB = await callCore(b, 'articles.get', { id: article.id });
    expect(onB).toMatchObject({ title: article.title, status: 'submitted', body: article.body });
    expect(onB.meta.categoryId).toBe(article.meta.categoryId);
    for (const photo of photos)
      expect(fs.existsSync(path.join(b.paths.media, photo.mediaPath))).toBe(true);
    expect((await callCore(b, 'photos.list', { usedIn: article.id })).total).toBe(2);
    expect((await callCore(b, 'workflow.queue', {})).waitingForMe.map((item) => item.id)).toEqual([
      article.id,
    ]);
    const comment = await callCore(b, 'comments.add', {
      articleId: article.id,
      text: 'Số liệu sai: 7,2% chứ không phải 72%.',
      anchor: {
        from: intro.length + 3 + 'Tổng sản phẩm trên địa bàn tăng '.length,
        to: intro.length + 3 + wrongSentence.length - 1,
        quote: '72%',
      },
    });
    expect(comment.anchor?.state).toBe('exact');
    await callCore(b, 'workflow.transition', {
      articleId: article.id,
      transition: 'return',
      note: 'Sửa số liệu',
    });
    const returned = await handOff(b, [article.id]);

    // A: the reporter imports the return, fixes the sentence, resolves the comment and resends.
    const back = await callCore(a, 'bundles.import', returned);
    expect(back.articles).toEqual([expect.objectContaining({ outcome: 'fastForwarded' })]);
    expect((await callCore(a, 'workflow.queue', {})).waitingForMe.map((item) => item.id)).toEqual([
      article.id,
    ]);
    const [onA] = await callCore(a, 'comments.list', { articleId: article.id });
    expect(onA).toMatchObject({
      text: comment.text,
      author: { name: 'Trần Thị Bình' },
      anchor: { state: 'exact', quote: '72%' },
    });
    await saveBody(a, article, body(rightSentence));
    await callCore(a, 'comments.resolve', { id: comment.id });
    await callCore(a, 'workflow.transition', {
      articleId: article.id,
      transition: 'submit',
      note: 'Đã sửa',
    });
    const resent = await handOff(a, [article.id]);

    // B: the editor imports the resend and approves.
    expect((await callCore(b, 'bundles.import', resent)).articles[0]?.outcome).toBe(
      'fastForwarded',
    );
    const [resolved] = await callCore(b, 'comments.list', { articleId: article.id });
    expect(resolved).toMatchObject({ resolved: true, resolvedBy: { name: 'Nguyễn Văn An' } });
    expect((await callCore(b, 'articles.get', { id: article.id })).body.content?.[1]).toEqual(
      paragraph(rightSentence),
    );
    await callCore(b, 'workflow.transition', { articleId: article.id, transition: 'approve' });

    // The audit trail on B shows every step, from both workstations, in order.
    const trail = (await callCore(b, 'audit.list', { articleId: article.id }))
      .slice()
      .reverse()
      .map(
        (entry) =>
          `${entry.workstation.name}: ${entry.action}${entry.transition ? ` ${entry.transition}` : ''} (${entry.user?.name ?? ''})`,
      );
    expect(trail).toEqual([
      'Máy phóng viên: create (Nguyễn Văn An)',
      'Máy phóng viên: edit (Nguyễn Văn An)',
      'Máy phóng viên: transition submit (Nguyễn Văn An)',
      'Máy phóng viên: export (Nguyễn Văn An)',
      'Máy biên tập: import (Trần Thị Bình)',
      'Máy biên tập: transition return (Trần Thị Bình)',
      'Máy biên tập: export (Trần Thị Bình)',
      'Máy phóng viên: import (Nguyễn Văn An)',
      'Máy phóng viên: edit (Nguyễn Văn An)',
      'Máy phóng viên: transition submit (Nguyễn Văn An)',
      'Máy phóng viên: export (Nguyễn Văn An)',
      'Máy biên tập: import (Trần Thị Bình)',
      'Máy biên tập: transition approve (Trần Thị Bình)',
    ]);

    // The same bundle again, or an older one: nothing new, no duplicates.
    const counts = async () => ({
      articles: (await callCore(b, 'articles.list', {})).length,
      comments: (await callCore(b, 'comments.list', { articleId: article.id })).length,
      revisions: (await callCore(b, 'revisions.list', { articleId: article.id })).length,
    });
    const before = await counts();
    expect((await callCore(b, 'bundles.import', resent)).articles[0]?.outcome).toBe('localNewer');
    expect((await callCore(b, 'bundles.import', first)).articles[0]?.outcome).toBe('localNewer');
    expect(await counts()).toEqual(before);
    expect((await callCore(b, 'articles.get', { id: article.id })).status).toBe('approved');
    const again = await handOff(b, [article.id]);
    expect((await callCore(b, 'bundles.import', again)).articles[0]?.outcome).toBe('unchanged');
  });

  it('keeps both versions when both workstations edited since the common one, with a diff', async () => {
    const a = await workstation('Máy A');
    const b = await workstation('Máy B');
    await createNewsroom(a);
    await enrol(a, b, 'btv-b', 'editor', 'Biên tập máy B');
    const article = await writeArticle(a, {
      title: 'Bài chung',
      body: [paragraph(intro), paragraph(wrongSentence)],
    });
    await callCore(b, 'bundles.import', await handOff(a, [article.id]));

    await saveBody(a, article, [paragraph(intro), paragraph('Máy A sửa câu này.')]);
    await saveBody(b, article, [paragraph(intro), paragraph('Máy B sửa câu này theo cách khác.')]);
    const fromB = await handOff(b, [article.id]);
    const report = await callCore(a, 'bundles.import', fromB);
    const copyId = report.articles[0]?.conflictCopyId ?? '';
    expect(report.articles).toEqual([
      {
        articleId: article.id,
        title: 'Bài chung',
        outcome: 'conflict',
        conflictCopyId: expect.any(String),
      },
    ]);

    // Ours untouched; theirs visible as a linked copy, never silently merged.
    const ours = await callCore(a, 'articles.get', { id: article.id });
    expect(ours.body.content?.[1]).toEqual(paragraph('Máy A sửa câu này.'));
    const copy = await callCore(a, 'articles.get', { id: copyId });
    expect(copy).toMatchObject({ title: 'Bài chung (bản xung đột từ Máy B)', status: 'draft' });
    expect(copy.body.content?.[1]).toEqual(paragraph('Máy B sửa câu này theo cách khác.'));
    expect((await callCore(a, 'workflow.state', { articleId: copyId })).conflictOf).toEqual({
      articleId: article.id,
      workstationName: 'Máy B',
    });
    const diff = await callCore(a, 'bundles.conflictDiff', { articleId: copyId });
    expect(diff.rows.filter((row) => row.changed)).toEqual([
      expect.objectContaining({
        before: expect.arrayContaining([{ kind: 'removed', text: expect.stringContaining('A') }]),
        after: expect.arrayContaining([{ kind: 'added', text: expect.stringContaining('B') }]),
      }),
    ]);
    expect(
      (await callCore(a, 'audit.list', { articleId: article.id })).some(
        (entry) => entry.action === 'conflict',
      ),
    ).toBe(true);

    // Importing the same bundle again does not make a second copy.
    expect((await callCore(a, 'bundles.import', fromB)).articles[0]).toMatchObject({
      outcome: 'conflict',
      conflictCopyId: copyId,
    });
    expect((await callCore(a, 'articles.list', {})).length).toBe(2);
  });
});

/** The bundle with each article entry's `users` list changed (checksums recomputed). */
function withUsers(
  bundle: { fileName: string; dataBase64: string },
  change: (users: UserPayload[]) => UserPayload[] | undefined,
): { fileName: string; dataBase64: string } {
  const { manifest, entries } = decodeBundle(Buffer.from(bundle.dataBase64, 'base64'));
  const rebuilt = manifest.entries.map(({ name }) => {
    const data = entries.get(name) ?? Buffer.alloc(0);
    if (!name.startsWith('articles/')) return { name, data };
    const payload = JSON.parse(data.toString('utf8')) as ArticlePayload;
    const users = change(payload.users ?? []);
    const { users: _users, ...rest } = payload;
    return { name, data: Buffer.from(JSON.stringify(users ? { ...rest, users } : rest)) };
  });
  const { workstationId, workstationName, createdAt, createdBy, articleIds } = manifest;
  return {
    fileName: bundle.fileName,
    dataBase64: encodeBundle(
      { workstationId, workstationName, createdAt, createdBy, articleIds },
      rebuilt,
    ).toString('base64'),
  };
}

/** The authority's roster file, as the import call takes it. */
async function rosterOf(authority: Core): Promise<{ fileName: string; dataBase64: string }> {
  const file = await callCore(authority, 'newsroom.exportRoster', {});
  return { fileName: file.fileName, dataBase64: file.dataBase64 };
}

async function userNames(core: Core): Promise<string[]> {
  await callCore(core, 'auth.signIn', {
    userName: testAdmin.userName,
    password: testAdmin.password,
  });
  return (await callCore(core, 'users.list', {})).map((user) => user.userName).sort();
}

describe('the same person on two workstations', () => {
  it('recognises a reporter by sign-in name, so her article and comments stay hers', async () => {
    const a = await workstation('Máy A');
    const b = await workstation('Máy B');
    // Accounts are per workstation: the same login (and key, from the enrolment), two ids.
    await createNewsroom(a);
    await enrol(a, b, 'btv-binh', 'editor', 'Trần Thị Bình');
    const lanOnB = (await enrol(a, b, 'lan', 'reporter', 'Nguyễn Thị Lan')).user;
    const lanOnA = (await signInMember(a, 'lan')).user;
    expect(lanOnA.id).not.toBe(lanOnB.id);
    const article = await writeArticle(a, {
      title: 'Bài của Lan',
      body: [paragraph(intro), paragraph(wrongSentence)],
    });
    const note = await callCore(a, 'comments.add', {
      articleId: article.id,
      text: 'Ảnh sẽ bổ sung sau.',
    });
    await callCore(a, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    const bundle = await handOff(a, [article.id]);

    // An editor on B imports it, twice: the second time adds nothing.
    await signInMember(b, 'btv-binh');
    expect((await callCore(b, 'bundles.import', bundle)).articles[0]?.outcome).toBe('inserted');
    expect(await callCore(b, 'bundles.import', bundle)).toMatchObject({
      articles: [{ outcome: 'unchanged' }],
      commentsMerged: 0,
      auditAdded: 0,
      revisionsAdded: 0,
    });
    expect(await callCore(b, 'comments.list', { articleId: article.id })).toHaveLength(1);

    // Lan signs in on B: the article, her note and her steps in the trail are hers there.
    await signInMember(b, 'lan');
    const state = await callCore(b, 'workflow.state', { articleId: article.id });
    expect(state.createdBy).toEqual({ id: lanOnB.id, name: 'Nguyễn Thị Lan' });
    expect(state.transitions.map((item) => item.transition)).toContain('withdraw');
    const queue = await callCore(b, 'workflow.queue', {});
    expect(queue.mineWaitingOnOthers.map((item) => item.id)).toEqual([article.id]);
    expect(await callCore(b, 'comments.list', { articleId: article.id })).toEqual([
      expect.objectContaining({
        id: note.id,
        author: { id: lanOnB.id, name: 'Nguyễn Thị Lan' },
        mine: true,
      }),
    ]);
    const fromA = (await callCore(b, 'audit.list', { articleId: article.id })).filter(
      (entry) => entry.workstation.name === 'Máy A',
    );
    expect(fromA.map((entry) => entry.action).reverse()).toEqual([
      'create',
      'edit',
      'transition',
      'export',
    ]);
    for (const entry of fromA)
      expect(entry.user).toEqual({ id: lanOnB.id, name: 'Nguyễn Thị Lan', role: 'reporter' });

    // Own-only steps: withdraw, edit the draft, delete her own note.
    await callCore(b, 'workflow.transition', { articleId: article.id, transition: 'withdraw' });
    const saved = await saveBody(b, article, [paragraph(intro), paragraph(rightSentence)]);
    expect(saved).toMatchObject({
      status: 'draft',
      body: { content: [{}, paragraph(rightSentence)] },
    });
    await callCore(b, 'comments.delete', { id: note.id });
    expect(await callCore(b, 'comments.list', { articleId: article.id })).toEqual([]);

    // No account was made from the bundle.
    expect(await userNames(b)).toEqual(['btv-binh', 'lan', testAdmin.userName].sort());
  });

  it('keeps a sender it cannot match as it came, and matches sign-in names case-insensitively in NFC', async () => {
    const a = await workstation('Máy A');
    const b = await workstation('Máy B');
    await createNewsroom(a);
    await enrol(a, b, 'btv-binh', 'editor', 'Trần Thị Bình');
    await addMember(a, 'lan', 'reporter', 'Nguyễn Thị Lan');
    const lanOnA = (await signInMember(a, 'lan')).user;
    const article = await writeArticle(a, { title: 'Bài của Lan', body: [paragraph(intro)] });
    await callCore(a, 'comments.add', { articleId: article.id, text: 'Ghi chú của Lan.' });
    await callCore(a, 'workflow.transition', { articleId: article.id, transition: 'submit' });
    const bundle = await handOff(a, [article.id]);

    // B has no «lan»: the id and the name stay as they came, and no account is created.
    const before = await userNames(b);
    await signInMember(b, 'btv-binh');
    await callCore(b, 'bundles.import', bundle);
    const state = await callCore(b, 'workflow.state', { articleId: article.id });
    expect(state.createdBy).toEqual({ id: lanOnA.id, name: 'Nguyễn Thị Lan' });
    expect(await callCore(b, 'comments.list', { articleId: article.id })).toEqual([
      expect.objectContaining({ author: { id: lanOnA.id, name: 'Nguyễn Thị Lan' }, mine: false }),
    ]);
    expect(await userNames(b)).toEqual(before);
    expect(before).not.toContain('lan');

    // C has «thảo»; a bundle that renames the sender «THẢO» (decomposed) is not taken: who
    // wrote it is what the signatures prove, not what the bundle's list of accounts says.
    const c = await workstation('Máy C');
    await callCore(c, 'newsroom.importRoster', await rosterOf(a));
    await signInAs(c, 'reporter', 'thảo', 'Lê Thu Thảo');
    const renamed = withUsers(bundle, (users) =>
      users.map((user) =>
        user.id === lanOnA.id ? { ...user, userName: 'THẢO'.normalize('NFD') } : user,
      ),
    );
    const refused = await callCore(c, 'bundles.import', renamed);
    expect(refused.articles[0]?.outcome).toBe('unverified');
    expect(refused.refused.map((item) => item.reason)).toContainEqual(
      expect.stringContaining('cho người đã ký là «lan»'),
    );

    // A bundle from before the accounts list (no `users`) still imports, ids as they came.
    // D has a «lan» of its own (another key): she is not the newsroom's lan.
    const d = await workstation('Máy D');
    await callCore(d, 'newsroom.importRoster', await rosterOf(a));
    await signInAs(d, 'reporter', 'lan');
    await callCore(
      d,
      'bundles.import',
      withUsers(bundle, () => undefined),
    );
    expect((await callCore(d, 'workflow.state', { articleId: article.id })).createdBy?.id).toBe(
      lanOnA.id,
    );
  });
});
