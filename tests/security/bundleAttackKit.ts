import Database from 'better-sqlite3';

import type { Core } from '../../electron/core/app/createCore';
import {
  figure,
  fixtureFile,
  importPhotos,
  paragraph,
  vietnameseText,
  writeArticle,
} from '../support/workflowKit';
import type { SigningKey } from '../../electron/core/auth/keys';
import { unsealKey } from '../../electron/core/auth/keys';
import { decodeBundle, encodeBundle } from '../../electron/core/bundles/container';
import { contentHash } from '../../electron/core/bundles/contentHash';
import type { AuditFields, ChainLink } from '../../electron/core/bundles/signatures';
import { auditForm, formHash, signForm, textHash } from '../../electron/core/bundles/signatures';
import { createNewsroom, enrol, addMember, signInMember } from '../support/newsroom';
import { tempDir } from '../support/tempDir';
import { callCore, openTestCore, testPassword } from '../support/testCore';

/*
 * The attacker's tools for the bundle attacks: a real newsroom (the office PC is the
 * authority, where reporters pv1 and pv2 write; the editor btv works on the desk PC), a way to
 * rewrite a bundle's JSON by hand with fresh SHA-256 sums (anyone can), and a member's own
 * signing key taken from their library with their password (a reporter can always sign as
 * themselves). Test-only.
 */

/** A bundle file as the import call takes it. */
export interface BundleFile {
  fileName: string;
  dataBase64: string;
}

/** JSON as the attacker edits it. */
export type Json = Record<string, unknown>;

/** Cores to close after each test. */
export const opened: Core[] = [];

/** Closes every core a test opened. */
export async function closeAll(): Promise<void> {
  for (const core of opened.splice(0)) await core.close();
}

/** A workstation with its own library and name. */
export async function workstation(name: string): Promise<Core> {
  const core = openTestCore({ dataDir: tempDir() });
  opened.push(core);
  await callCore(core, 'workflow.setPolicy', { workstationName: name });
  return core;
}

/** The newsroom: office (authority; pv1, pv2, btv are accounts there) and the editor's desk. */
export async function newsroom(): Promise<{ office: Core; desk: Core }> {
  const office = await workstation('Máy tòa soạn');
  const desk = await workstation('Máy biên tập');
  await callCore(office, 'categories.save', { title: 'Thời sự' });
  await createNewsroom(office);
  await addMember(office, 'pv1', 'reporter', 'Nguyễn Văn Một');
  await addMember(office, 'pv2', 'reporter', 'Trần Thị Hai');
  await enrol(office, desk, 'btv', 'editor', 'Phạm Biên Tập');
  await callCore(desk, 'categories.save', { title: 'Thời sự' });
  return { office, desk };
}

/**
 * Writes and saves an article as whoever is signed in; `approvable` adds a captioned, credited
 * photo as the featured image and enough words, so the approval checklist passes.
 */
export async function write(
  core: Core,
  title: string,
  text = 'Nội dung bài viết.',
  approvable = false,
) {
  if (!approvable) return writeArticle(core, { title, body: [paragraph(text)] });
  const photos = await importPhotos(core, [fixtureFile('ladybird.jpg')]);
  const photo = photos[0];
  if (!photo) throw new Error('no photo');
  return writeArticle(core, {
    title,
    photos,
    body: [paragraph(text), paragraph(vietnameseText(400)), figure(photo, 'Con bọ rùa trên lá')],
  });
}

/** Exports articles and reads the file back, as a USB stick carries it. */
export async function handOff(core: Core, articleIds: string[]): Promise<BundleFile> {
  const exported = await callCore(core, 'bundles.export', { articleIds, includeData: true });
  return { fileName: exported.fileName, dataBase64: exported.dataBase64 ?? '' };
}

/** Rewrites the article entries of a bundle by hand and reseals it with fresh checksums. */
export function rewrite(
  file: BundleFile,
  edit: (payload: Json) => void,
  formatVersion?: number,
): BundleFile {
  const { manifest, entries } = decodeBundle(Buffer.from(file.dataBase64, 'base64'));
  const rebuilt = manifest.entries.map((entry) => {
    const data = entries.get(entry.name) ?? Buffer.alloc(0);
    if (!entry.name.startsWith('articles/')) return { name: entry.name, data };
    const payload = JSON.parse(data.toString('utf8')) as Json;
    edit(payload);
    return { name: entry.name, data: Buffer.from(JSON.stringify(payload), 'utf8') };
  });
  const { format: _format, formatVersion: version, entries: _entries, ...header } = manifest;
  return {
    fileName: file.fileName,
    dataBase64: encodeBundle(
      header,
      formatVersion === 1 ? rebuilt.filter((entry) => entry.name !== 'roster.json') : rebuilt,
      formatVersion ?? version,
    ).toString('base64'),
  };
}

/** The payload's article object. */
export function articleOf(payload: Json): Json & { status: string; title: string } {
  return payload.article as Json & { status: string; title: string };
}

/** Recomputes the article's own content hash after an edit (the container has no key). */
export function rehash(payload: Json): void {
  payload.contentHash = contentHash(
    articleOf(payload) as unknown as Parameters<typeof contentHash>[0],
  );
}

/**
 * A member's own key, as they hold it: enrolled on their own laptop with their password, then
 * read from that library's file (what a reporter can always do with their own key).
 */
export async function ownKey(authority: Core, userName: string): Promise<SigningKey> {
  const laptop = openTestCore({ dataDir: tempDir('newsdesk-laptop-') });
  const role = (await callCore(authority, 'newsroom.status', {})).members.find(
    (member) => member.userName === userName,
  )?.role;
  await enrol(authority, laptop, userName, role ?? 'reporter');
  await laptop.close();
  const db = new Database(laptop.paths.database, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT k.public_key, k.sealed_private_key FROM user_keys k JOIN users u ON u.id = k.user_id
         WHERE u.user_name = ?`,
      )
      .get(userName) as { public_key: string; sealed_private_key: string };
    const key = await unsealKey(
      { publicKey: row.public_key, sealedPrivateKey: row.sealed_private_key },
      testPassword,
    );
    if (!key) throw new Error(`no key for ${userName}`);
    return key;
  } finally {
    db.close();
  }
}

type AuditJson = AuditFields & { userId: string | null; chain: ChainLink | null; sig: unknown };

/** The audit list of a payload. */
export function auditOf(payload: Json): AuditJson[] {
  return payload.audit as AuditJson[];
}

/**
 * Appends a properly chained entry signed with `key` as `signer` (what a reporter can build
 * with their own key), and makes it the head.
 */
export function appendSigned(
  payload: Json,
  entry: Partial<AuditFields> & Pick<AuditFields, 'action'>,
  signer: string,
  key: SigningKey,
  textHashOf: string | null = null,
): void {
  const audit = auditOf(payload);
  const articleId = String(articleOf(payload).id);
  const last = audit.at(-1);
  const fields: AuditFields = {
    id: crypto.randomUUID(),
    at: (last?.at ?? 0) + 1000,
    transition: null,
    fromStatus: null,
    toStatus: null,
    userName: signer,
    userRole: 'reporter',
    note: '',
    workstationId: 'nha-rieng',
    workstationName: 'Máy ở nhà',
    details: {},
    ...entry,
  };
  const link = {
    prev: (payload.head as string | null) ?? null,
    textHash: textHashOf,
    genesis: null,
  };
  const form = auditForm(articleId, fields, signer, link);
  audit.push({
    ...fields,
    userId: null,
    chain: { ...link, hash: formHash(form) },
    sig: signForm(form, signer, key),
  });
  payload.head = formHash(form);
}

/** The text hash of the payload's article (for a forged `edit` entry). */
export function payloadTextHash(payload: Json): string {
  const article = articleOf(payload) as unknown as Parameters<typeof textHash>[1] & { id: string };
  return textHash(article.id, article);
}

export { callCore, signInMember, enrol, addMember };
