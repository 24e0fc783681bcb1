import { afterEach, describe, expect, it } from 'vitest';

import type { CallName } from '../../../shared/contract/calls';
import { callNames } from '../../../shared/contract/calls';
import { emptyMeta } from '../../../shared/domain/article';
import { openTestCore } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';

const context = { shell: 'browser' as const };
const uuid = '2b7e7f0c-5a4e-4b8e-9a61-0f3f1c2d4e5f';
const doc = { type: 'doc', content: [{ type: 'paragraph' }] };
const meta = emptyMeta();

/**
 * Malformed inputs for every call. Typed by call name, so adding a call to the contract fails
 * compilation here until its rejections are tested too.
 */
const malformed: Record<CallName, unknown[]> = {
  'articles.list': [
    null,
    'x',
    { limit: 0 },
    { limit: 10_000 },
    { status: 'published-yesterday' },
    { extra: 1 },
  ],
  'articles.search': [
    {},
    { query: '' },
    { query: '   ' },
    { query: 'x'.repeat(201) },
    { query: 'a', limit: 0 },
  ],
  'articles.get': [undefined, {}, { id: 42 }, { id: 'not-a-uuid' }, { id: uuid, more: true }],
  'articles.create': [[], { title: 7 }, { title: 'x'.repeat(501) }, { title: 'ok', id: uuid }],
  'articles.save': [
    {},
    { id: uuid, title: 't', meta, body: doc },
    { id: uuid, title: 't', body: doc, baseVersion: 0 },
    { id: uuid, title: 't', meta, body: doc, baseVersion: -1 },
    { id: uuid, title: 't', meta, body: { type: 'paragraph' }, baseVersion: 0 },
    { id: uuid, title: 't', meta, body: { content: [] }, baseVersion: 0 },
    { id: uuid, title: 't', meta, body: 'doc', baseVersion: 0 },
    { id: uuid, title: 't', meta, body: deep(200), baseVersion: 0 },
    { id: uuid, title: 't', meta, body: deep(100_000), baseVersion: 0 },
    { id: uuid, title: 't', meta: { ...meta, tags: ['x'.repeat(101)] }, body: doc, baseVersion: 0 },
    {
      id: uuid,
      title: 't',
      meta: { ...meta, categoryId: 'not-a-uuid' },
      body: doc,
      baseVersion: 0,
    },
    {
      id: uuid,
      title: 't',
      meta: { ...meta, featuredImage: { mediaPath: '' } },
      body: doc,
      baseVersion: 0,
    },
    { id: uuid, title: 't', meta: { ...meta, extra: true }, body: doc, baseVersion: 0 },
  ],
  'articles.exportHtml': [{}, { id: 'x' }, { id: uuid, outDir: '/etc' }],
  'revisions.list': [{}, { articleId: 'x' }],
  'revisions.create': [{}, { articleId: 'x' }],
  'revisions.get': [{ id: 0 }, { id: 'one' }, { id: 1.5 }],
  'revisions.restore': [
    { articleId: uuid, revisionId: 1 },
    { articleId: uuid, revisionId: 0, baseVersion: 0 },
  ],
  'media.importImage': [
    { fileName: 'a.jpg' },
    { fileName: '', dataBase64: 'AAAA' },
    { fileName: 'a.jpg', dataBase64: 'not base64!' },
    { fileName: 'a.jpg', dataBase64: '' },
  ],
  'photos.import': [
    { files: [] },
    { files: [{ name: 'a.jpg' }] },
    { files: Array.from({ length: 21 }, () => ({ name: 'a.jpg', dataBase64: 'AAAA' })) },
    { files: [{ name: '', dataBase64: 'AAAA' }] },
  ],
  'photos.list': [{ sort: 'random' }, { limit: 0 }, { offset: -1 }, { usedIn: 'x' }],
  'photos.search': [{}, { query: '   ' }, { query: 'x'.repeat(201) }, { query: 'a', sort: 'x' }],
  'photos.events': [{ x: 1 }],
  'photos.duplicates': [{ x: 1 }],
  'photos.resolveDuplicate': [
    { photoId: uuid, similarId: uuid, keep: 'none' },
    { photoId: 'x', similarId: uuid, keep: 'both' },
  ],
  'photos.duplicateGroups': [{ x: 1 }],
  'photos.resolveGroup': [
    { ids: [uuid], keep: 'all' },
    { ids: [uuid, uuid], keep: 'none' },
  ],
  'photos.updateCaptions': [
    { ids: [] },
    { ids: ['x'] },
    { ids: [uuid], caption: 'x'.repeat(2001) },
  ],
  'photos.applyTemplate': [{ ids: [uuid] }, { ids: [uuid], template: '' }],
  'photos.codes': [{ x: 1 }],
  'photos.setCode': [
    { code: 'has space', expansion: 'x' },
    { code: '', expansion: 'x' },
    { code: 'hd' },
  ],
  'photos.removeCode': [{ code: '' }],
  'photos.templates': [{ x: 1 }],
  'photos.saveTemplate': [
    { name: '', template: 'x' },
    { name: 'A', template: '' },
  ],
  'photos.process': [{ ids: [] }, { ids: [uuid], existingPolicy: 'merge' }],
  'jobs.status': [{}, { jobId: 'x' }],
  'recipes.list': [{ x: 1 }],
  'recipes.save': [
    { recipe: {} },
    { recipe: { name: 'X', outputs: [] } },
    { recipe: { name: 'X', outputs: [{ format: 'jpeg', quality: 101 }] } },
    { recipe: { name: 'X', outputs: [{ format: 'jpeg' }], watermark: { path: '/etc/passwd' } } },
    {
      recipe: {
        name: 'X',
        outputs: [{ format: 'jpeg' }],
        watermark: { logoId: 'a'.repeat(64), path: '/etc/passwd' },
      },
    },
    { recipe: { name: 'X', outputs: [{ format: 'jpeg' }], watermark: { logoId: '../x.png' } } },
    { recipe: { name: 'X', outputs: [{ format: 'jpeg' }], watermark: {} } },
    {
      recipe: {
        name: 'X',
        outputs: [{ format: 'jpeg' }],
        textOverlay: { fontFile: '/usr/share/fonts/x.ttf' },
      },
    },
  ],
  'photos.setFocalPoint': [
    { ids: [uuid] },
    { ids: [], focalPoint: null },
    { ids: [uuid], focalPoint: { x: 1.5, y: 0.5 } },
  ],
  'logos.import': [
    { fileName: 'logo.png' },
    { fileName: '', dataBase64: 'iVBO' },
    { fileName: 'logo.png', dataBase64: 'not base64!' },
    { fileName: 'logo.png', dataBase64: 'A'.repeat(7_000_000) },
  ],
  'logos.list': [{ all: true }],
  'recipes.delete': [{ id: 'x' }],
  'recipes.setDefault': [{}],
  'jobs.pause': [{}],
  'jobs.resume': [{ jobId: 1 }],
  'jobs.cancel': [{ jobId: uuid, now: true }],
  'authors.list': [{ all: true }],
  'authors.save': [
    { name: '' },
    { name: '   ' },
    { name: 'A', position: 5 },
    { id: 'x', name: 'A' },
  ],
  'categories.list': [[]],
  'categories.save': [{ title: '' }, { title: 'Tin', parentId: 'x' }, { title: 'x'.repeat(251) }],
  'settings.get': [null, { any: 1 }],
  'settings.update': [
    { locale: 'fr' },
    { lastArticleId: 'abc' },
    { theme: 'dark' },
    { toneStyle: 'mixed' },
    { newsroomWords: [''] },
  ],
  'app.diagnostics': [{ verbose: true }, 5],
  'auth.status': [{ x: 1 }, 'now'],
  'auth.setupAdmin': [
    {},
    { userName: 'a', displayName: 'A', password: 'matkhau-dai' },
    { userName: 'ha noi', displayName: 'A', password: 'matkhau-dai' },
    { userName: 'admin', displayName: '', password: 'matkhau-dai' },
    { userName: 'admin', displayName: 'A', password: 'ngan' },
    { userName: 'admin', displayName: 'A', password: 'matkhau-dai', role: 'admin' },
  ],
  'auth.signIn': [{}, { userName: '', password: 'x' }, { userName: 'a', password: '' }],
  'auth.switchUser': [{ userName: 'a' }, { userName: 'a', password: 5 }],
  'auth.signOut': [{ everyone: true }],
  'auth.lock': [[]],
  'auth.changePassword': [{ currentPassword: 'x' }, { currentPassword: 'x', newPassword: 'ngan' }],
  'users.list': [{ all: 1 }],
  'users.create': [
    { userName: 'pv', displayName: 'PV', password: 'matkhau-dai' },
    { userName: 'pv', displayName: 'PV', role: 'owner', password: 'matkhau-dai' },
    { userName: 'p v', displayName: 'PV', role: 'reporter', password: 'matkhau-dai' },
  ],
  'users.update': [{}, { id: 'x' }, { id: uuid, role: 'boss' }, { id: uuid, password: 'ngan' }],
  'workflow.policy': [{ x: 1 }],
  'workflow.setPolicy': [
    { idleLockMinutes: 0 },
    { leaseMinutes: 1.5 },
    { minWords: -1 },
    { maxWords: 0 },
    { workstationName: '' },
    { workstationId: uuid },
  ],
  'workflow.state': [{}, { articleId: 'x' }],
  'workflow.transition': [
    { articleId: uuid },
    { articleId: uuid, transition: 'publishNow' },
    { articleId: 'x', transition: 'submit' },
    { articleId: uuid, transition: 'return', note: 'x'.repeat(2001) },
    { articleId: uuid, transition: 'submit', baseVersion: -1 },
  ],
  'workflow.checklist': [{}, { articleId: 1 }],
  'workflow.queue': [{ limit: 0 }, { mine: true }],
  'comments.list': [{}, { articleId: uuid, includeResolved: 'yes' }],
  'comments.add': [
    { articleId: uuid },
    { articleId: uuid, text: '   ' },
    { articleId: uuid, text: 'x', anchor: { from: 5, to: 5, quote: 'a' } },
    { articleId: uuid, text: 'x', anchor: { from: 1, to: 5, quote: '' } },
    { articleId: uuid, text: 'x', anchor: { from: -1, to: 5, quote: 'a' } },
  ],
  'comments.resolve': [{}, { id: 'x' }],
  'comments.reopen': [{ id: 5 }],
  'comments.delete': [{ id: uuid, force: true }],
  'locks.get': [{}],
  'locks.acquire': [{ articleId: 'x' }],
  'locks.release': [{ articleId: uuid, all: true }],
  'locks.takeOver': [{ articleId: uuid, note: 5 }],
  'audit.list': [{ articleId: 'x' }],
  'bundles.export': [
    { articleIds: [] },
    { articleIds: ['x'] },
    { articleIds: [uuid], path: '/tmp' },
  ],
  'bundles.import': [
    { fileName: 'a.ndbundle' },
    { fileName: '', dataBase64: 'AAAA' },
    { fileName: 'a.ndbundle', dataBase64: 'không phải base64' },
    { fileName: 'a.ndbundle', dataBase64: 'AAAA', path: '/etc/passwd' },
  ],
  'bundles.conflictDiff': [{}, { articleId: 'x' }],
  'newsroom.status': [{ extra: 1 }],
  'newsroom.create': [{}, { name: '' }],
  'newsroom.publish': [{ force: true }],
  'newsroom.exportRoster': [{ path: '/tmp/x' }],
  'newsroom.importRoster': [{ fileName: 'a.ndroster' }, { fileName: 'a', dataBase64: 'không' }],
  'newsroom.exportEnrolment': [{}, { userName: 'a b' }],
  'newsroom.enroll': [{ fileName: 'a.ndjoin', dataBase64: 'AAAA' }, { password: 'x' }],
  'uploads.begin': [
    {},
    { kind: 'video', fileName: 'a.mp4', size: 1 },
    { kind: 'photo', fileName: '', size: 1 },
    { kind: 'photo', fileName: 'a.jpg', size: -1 },
    { kind: 'photo', fileName: 'a.jpg', size: 41 * 1024 * 1024 },
    { kind: 'bundle', fileName: 'a.ndbundle', size: 201 * 1024 * 1024 },
    { kind: 'photo', fileName: 'a.jpg', size: 1, path: '/etc/passwd' },
  ],
  'uploads.append': [
    { uploadId: uuid, offset: 0 },
    { uploadId: 'x', offset: 0, dataBase64: 'AAAA' },
    { uploadId: uuid, offset: -1, dataBase64: 'AAAA' },
    { uploadId: uuid, offset: 0, dataBase64: 'không phải base64' },
    { uploadId: uuid, offset: 0, dataBase64: 'A'.repeat(12 * 1024 * 1024) },
  ],
  'uploads.cancel': [{}, { uploadId: 'x' }],
  'photos.importUploaded': [
    {},
    { uploadIds: [] },
    { uploadIds: ['x'] },
    { uploadIds: Array(21).fill(uuid) },
  ],
  'bundles.importUploaded': [{}, { uploadId: 'x' }, { uploadId: uuid, fileName: 'a' }],
  'media.importUploaded': [{}, { uploadId: 'x' }, { uploadId: uuid, dataBase64: 'AA==' }],
  'library.importUploaded': [{}, { uploadId: 'x' }, { uploadId: uuid, file: '/etc/passwd' }],
  'portals.list': [{ all: true }],
  'portals.save': [
    {},
    { kind: 'joomla', name: 'Cổng', baseUrl: 'https://a.vn', username: 'u' },
    { kind: 'wordpress', name: '', baseUrl: 'https://a.vn', username: 'u' },
    { kind: 'wordpress', name: 'Cổng', baseUrl: 'ftp://a.vn', username: 'u' },
    { kind: 'wordpress', name: 'Cổng', baseUrl: 'https://user:pw@a.vn', username: 'u' },
    { kind: 'wordpress', name: 'Cổng', baseUrl: 'javascript:alert(1)', username: 'u' },
    { kind: 'wordpress', name: 'Cổng', baseUrl: 'https://a.vn', username: '' },
    { kind: 'wordpress', name: 'Cổng', baseUrl: 'https://a.vn', username: 'u', secret: '' },
    { kind: 'nukeviet', name: 'C', baseUrl: 'https://a.vn', username: 'u', authMode: 'sha1' },
    { id: 'x', kind: 'wordpress', name: 'C', baseUrl: 'https://a.vn', username: 'u' },
  ],
  'portals.delete': [{}, { id: 'x' }],
  'portals.secretStorage': [{ extra: 1 }],
  'portals.setSecret': [{ id: uuid }, { id: uuid, secret: '' }, { id: 'x', secret: 's' }],
  'portals.test': [
    {},
    { id: 'x' },
    { id: uuid, extra: 1 },
    { kind: 'wordpress', baseUrl: 'https://a.vn', username: 'u' },
    { kind: 'wordpress', baseUrl: 'nope', username: 'u', secret: 's' },
  ],
  'portals.refreshTerms': [{}, { id: 42 }],
  'portals.terms': [{ id: 'x' }],
  'sync.enqueue': [
    {},
    { articleId: uuid },
    { articleId: 'x', connectionId: uuid },
    { articleId: uuid, connectionId: uuid, action: 'delete' },
  ],
  'sync.list': [null, { states: ['sent'] }, { limit: 0 }, { limit: 501 }, { articleId: 'x' }],
  'sync.retry': [{}, { id: 'x' }],
  'sync.cancel': [{ id: 1 }],
  'sync.log': [{ itemId: 'x' }, { limit: 0 }, { limit: 1001 }],
  'sync.status': [{ verbose: true }],
  'sync.conflict': [{}],
  'sync.resolveConflict': [{ id: uuid }, { id: uuid, keep: 'both' }, { id: 'x', keep: 'mine' }],
  'settings.addWord': [{}, { word: '' }, { word: '   ' }, { word: 'x'.repeat(61) }, { word: 7 }],
  'settings.updateDisplay': [{ locale: 'fr' }, { lastArticleId: 'abc' }, { toneStyle: 'old' }],
  'auth.unlockAccount': [{}, { userName: '' }, { userName: 'x'.repeat(41) }, { id: uuid }],
  'auth.signInLog': [{ limit: 0 }, { limit: 501 }, { limit: 'all' }, { extra: 1 }],
  'recovery.status': [null, { extra: 1 }],
  'recovery.backups': [null, { extra: 1 }],
  'recovery.restore': [{}, { place: 'usb', id: 'a.sqlite' }, { place: 'main', id: '../x.sqlite' }],
  'recovery.salvage': [null, { extra: 1 }],
  'recovery.continueBehind': [null, { extra: 1 }],
  'backups.list': [null, { extra: 1 }],
  'backups.create': [null, { extra: 1 }],
  'backups.setPlaces': [{}, { extraDir: '' }, { extraDir: null, intervalMinutes: 0 }],
  'backups.restore': [
    {},
    { place: 'main', id: 'newsdesk.db' },
    { place: 'main', id: 'a/b.sqlite' },
  ],
  'backups.exportLibrary': [null, { extra: 1 }],
  'sync.portalChanges': [{ articleId: uuid }, { articleId: 'x', connectionId: uuid }],
  'sync.pullFromPortal': [{ connectionId: uuid }, { articleId: uuid, connectionId: uuid, x: 1 }],
  'portals.categoryLinks': [{}, { id: 'x' }],
  'portals.linkCategory': [
    { id: uuid, categoryId: uuid },
    { id: uuid, categoryId: 'x', remoteId: '3' },
    { id: uuid, categoryId: uuid, remoteId: '' },
  ],
  'portals.remoteUsers': [{ id: 'x' }],
  'portals.userLinks': [{ id: uuid, more: 1 }],
  'portals.linkUser': [
    { id: uuid, userId: uuid },
    { id: uuid, userId: uuid, remote: { id: '3' } },
    { id: uuid, userId: 'x', remote: null },
  ],
  'portals.options': [{}],
  'portals.setOptions': [{ id: uuid }, { id: uuid, featuredInBody: 'yes' }],
};

function deep(levels: number): unknown {
  let node: Record<string, unknown> = { type: 'text', text: 'x' };
  for (let i = 0; i < levels; i += 1) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('dispatch', () => {
  it.each(callNames)('%s rejects malformed input with a typed Vietnamese error', async (name) => {
    core = openTestCore();
    const cases = malformed[name];
    expect(cases.length).toBeGreaterThan(0);
    for (const [index, input] of cases.entries()) {
      const result = await core.dispatch(name, input, context);
      expect(result, `${name} case ${index}`).toEqual({
        ok: false,
        error: {
          code: 'invalid_input',
          // A sentence for a person: never zod's raw text or the field's code name.
          message: expect.not.stringMatching(/trường «|mong đợi|expected|^$/u),
        },
      });
    }
  });

  it('refuses a name that is not in the contract', async () => {
    core = openTestCore();
    for (const name of ['articles.drop', 'constructor', '__proto__', 'toString']) {
      const result = await core.dispatch(name, {}, context);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
  });

  it('returns not_found for a well-formed id that does not exist', async () => {
    core = openTestCore();
    const result = await core.dispatch('articles.get', { id: uuid }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('accepts well-formed input and returns the value in an envelope', async () => {
    core = openTestCore();
    const created = await core.dispatch('articles.create', { title: 'Tin mới' }, context);
    expect(created).toMatchObject({ ok: true, value: { title: 'Tin mới', version: 0 } });
  });
});
