/**
 * The NukeViet adapter against the connector running on a php -S stand-in of a NukeViet 4.5
 * site: the seed article with its photos syncs, reads back equal, and lands in every table the
 * admin form writes; statuses map both ways; the md5 auth mode works.
 */
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RemoteMedia } from '../../electron/core/portal/adapter';
import { toNukeVietHtml } from '../../electron/core/portal/nukeviet/html';
import {
  createNukeVietAdapter,
  type NukeVietAdapter,
} from '../../electron/core/portal/nukeviet/nukevietAdapter';
import { slugify } from '../../shared/vietnamese/slug';
import {
  phpUnavailableReason,
  randomIdent,
  startNukeVietHarness,
  type HarnessCredential,
  type NukeVietHarness,
} from '../support/nukeviet-harness/harness';
import { seedPayload, seedUploads } from '../support/nukeviet-harness/seed';

const skipReason = phpUnavailableReason();
if (skipReason !== null) {
  console.warn(`\n!!! NukeViet integration tests SKIPPED: ${skipReason} !!!\n`);
}

type Row = Record<string, unknown>;

describe.skipIf(skipReason !== null)('NukeViet adapter ↔ connector: syncing', () => {
  let harness: NukeVietHarness;
  let adapter: NukeVietAdapter;
  const md5Credential: HarnessCredential = {
    ident: randomIdent(),
    secret: randomIdent(),
    adminId: 1,
    roles: [1],
    method: 'md5_verify',
  };

  beforeAll(async () => {
    const editor: HarnessCredential = {
      ident: randomIdent(),
      secret: randomIdent(),
      adminId: 1,
      roles: [1],
    };
    harness = await startNukeVietHarness({ credentials: [editor, md5Credential] });
    adapter = createNukeVietAdapter({
      credentials: { baseUrl: harness.baseUrl, username: editor.ident, secret: editor.secret },
      bcryptCost: 6,
    });
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function uploadSeedPhotos(): Promise<Map<string, RemoteMedia>> {
    const uploaded = new Map<string, RemoteMedia>();
    for (const upload of seedUploads())
      uploaded.set(upload.syncKey, await adapter.uploadMedia(upload));
    return uploaded;
  }

  it('tests the connection and lists categories and tags', async () => {
    const report = await adapter.testConnection();
    expect(report).toEqual({
      siteName: 'Cổng thông tin điện tử tỉnh (thử nghiệm)',
      userName: 'bientap',
      canPublish: true,
      canUpload: true,
    });
    const terms = await adapter.listTerms();
    expect(terms.categories).toEqual([
      { remoteId: '1', parentId: null, title: 'Tin tức', slug: 'tin-tuc' },
      { remoteId: '2', parentId: '1', title: 'Tin hoạt động', slug: 'tin-hoat-dong' },
      { remoteId: '3', parentId: '1', title: 'Chỉ đạo điều hành', slug: 'chi-dao-dieu-hanh' },
    ]);
    expect(terms.tags.map((t) => t.title)).toContain('Chính trị');
  });

  it('syncs the approved seed article with its photos and reads it back equal', async () => {
    const uploads = seedUploads();
    const uploaded = await uploadSeedPhotos();

    // Photos: in uploads/news/YYYY_MM/, named by NukeViet's rules, the bytes sent.
    for (const upload of uploads) {
      const media = uploaded.get(upload.syncKey);
      expect(media?.remoteId).toMatch(
        new RegExp(`^uploads/news/\\d{4}_\\d{2}/${upload.fileName.replace('.', '\\.')}$`, 'u'),
      );
      expect(media?.url).toBe(`/${media?.remoteId}`);
      const stored = fs.readFileSync(path.join(harness.siteDir, media?.remoteId ?? ''));
      expect(new Uint8Array(stored)).toEqual(upload.data);
      const served = await fetch(new URL(media?.url ?? '', harness.baseUrl));
      expect(served.status).toBe(200);
    }

    const payload = seedPayload(uploaded);
    const saved = await adapter.putArticle(payload, null);
    expect(saved.status).toBe('publish');
    expect(saved.title).toBe(payload.title);
    expect(saved.html).toBe(toNukeVietHtml(payload.html));
    expect(saved.html).toContain(`<img src="${uploaded.get('photos/a1/z4509060236637.jpg')?.url}"`);
    expect(saved.url).toBe(
      `${harness.baseUrl}news/tin-hoat-dong/${payload.slug}-${saved.remoteId}.html`,
    );

    const read = await adapter.readArticle(saved.remoteId);
    expect(read).toEqual(saved);

    // Every table the admin form writes.
    const id = Number(saved.remoteId);
    const [row] = harness.query<Row>('SELECT * FROM nv4_vi_news_rows WHERE id = ?', id);
    const featuredFile = (uploaded.get('photos/a1/z4509060236637.jpg')?.remoteId ?? '').replace(
      'uploads/news/',
      '',
    );
    expect(row).toMatchObject({
      catid: 2,
      listcatid: '2',
      admin_id: 1,
      status: 1,
      publtime: Math.floor((payload.publishAt ?? 0) / 1000),
      exptime: 0,
      title: payload.title,
      alias: slugify(payload.slug),
      hometext: payload.lead,
      homeimgfile: featuredFile,
      homeimgalt: payload.featuredAlt,
      homeimgthumb: 2,
      author: payload.author,
      inhome: 1,
    });
    expect(harness.query('SELECT * FROM nv4_vi_news_2 WHERE id = ?', id)).toEqual([row]);
    expect(harness.query('SELECT id FROM nv4_vi_news_3 WHERE id = ?', id)).toEqual([]);
    expect(
      harness.query(
        'SELECT bodyhtml, keywords, imgposition FROM nv4_vi_news_detail WHERE id = ?',
        id,
      ),
    ).toEqual([{ bodyhtml: saved.html, keywords: 'Hội nghị, Chính trị', imgposition: 0 }]);
    expect(
      harness.query(
        'SELECT t.title, t.numnews, i.keyword FROM nv4_vi_news_tags_id i JOIN nv4_vi_news_tags t ON t.tid = i.tid WHERE i.id = ? ORDER BY t.tid',
        id,
      ),
    ).toEqual([
      { title: 'Chính trị', numnews: 1, keyword: 'Chính trị' },
      { title: 'Hội nghị', numnews: 1, keyword: 'Hội nghị' },
    ]);
    expect(
      harness.query('SELECT sid, userid, log_key, status FROM nv4_vi_news_logs WHERE sid = ?', id),
    ).toEqual([{ sid: id, userid: 1, log_key: 'change_status', status: 1 }]);
    expect(harness.query('SELECT bid FROM nv4_vi_news_block WHERE id = ?', id)).toEqual([
      { bid: 1 },
    ]);
    // The byline is the article's author; the API account is not credited by default.
    expect(harness.query('SELECT pseudonym FROM nv4_vi_news_authorlist WHERE id = ?', id)).toEqual(
      [],
    );
    expect(
      harness.query("SELECT note_action FROM nv4_logs WHERE name_key = 'Thêm bài viết'"),
    ).toContainEqual({
      note_action: payload.title,
    });
    expect(
      harness.query("SELECT time FROM nv4_upload_dir WHERE dirname LIKE 'uploads/news/%'"),
    ).toContainEqual({ time: 0 });
    expect(harness.cacheEvents()).toContain('delMod news');
  });

  it("sends NFC text and NukeViet's entity-encoded title round-trips to plain text", async () => {
    const uploaded = new Map<string, RemoteMedia>();
    const title = 'Hội nghị "Ban Chấp hành" (mở rộng): Người đổi mới';
    const payload = seedPayload(uploaded, {
      title: title.normalize('NFD'),
      slug: '',
      lead: 'Dòng một\nDòng hai',
      html: '<p>Trích: "đổi mới" [ghi chú]</p><p>Dòng<br>mới</p>'.normalize('NFD'),
      tags: ['Đổi mới'.normalize('NFD'), 'Đổi mới'],
    });
    const saved = await adapter.putArticle(payload, null);
    expect(saved.title).toBe(title);
    expect(saved.html).toBe(
      '<p>Trích: &quot;đổi mới&quot; &#91;ghi chú&#93;</p><p>Dòng<br />mới</p>',
    );
    const [row] = harness.query<Row>(
      'SELECT title, alias, hometext FROM nv4_vi_news_rows WHERE id = ?',
      Number(saved.remoteId),
    );
    expect(row).toEqual({
      title: 'Hội nghị &quot;Ban Chấp hành&quot; &#40;mở rộng&#41;&#x3A; Người đổi mới',
      alias: 'hoi-nghi-ban-chap-hanh-mo-rong-nguoi-doi-moi',
      hometext: 'Dòng một<br />Dòng hai',
    });
    expect(
      harness.query('SELECT keyword FROM nv4_vi_news_tags_id WHERE id = ?', Number(saved.remoteId)),
    ).toEqual([{ keyword: 'Đổi mới' }]);
  });

  it('maps statuses: future → scheduled, draft, takeDown → deactivated in every copy', async () => {
    const uploaded = await uploadSeedPhotos();
    const publishAt = Date.now() + 24 * 3600 * 1000;
    const scheduled = await adapter.putArticle(
      seedPayload(uploaded, { status: 'future', publishAt }),
      null,
    );
    expect(scheduled.status).toBe('future');
    const id = Number(scheduled.remoteId);
    expect(harness.query('SELECT status, publtime FROM nv4_vi_news_rows WHERE id = ?', id)).toEqual(
      [{ status: 2, publtime: Math.floor(publishAt / 1000) }],
    );
    expect(
      harness.query(
        "SELECT config_value FROM nv4_config WHERE module = 'news' AND config_name = 'timecheckstatus'",
      ),
    ).toEqual([{ config_value: String(Math.floor(publishAt / 1000)) }]);

    const draft = await adapter.putArticle(seedPayload(uploaded, { status: 'draft' }), null);
    expect(draft.status).toBe('draft');

    await adapter.takeDown(scheduled.remoteId);
    const taken = await adapter.readArticle(scheduled.remoteId);
    expect(taken?.status).toBe('trash');
    expect(taken?.modified).not.toBe(scheduled.modified);
    expect(harness.query('SELECT status FROM nv4_vi_news_2 WHERE id = ?', id)).toEqual([
      { status: 0 },
    ]);

    expect(await adapter.readArticle('999999')).toBeNull();
    await expect(adapter.takeDown('999999')).resolves.toBeUndefined();
  });

  it('updates by remoteId: moves the category copies and reuses the uploaded photo', async () => {
    const uploaded = await uploadSeedPhotos();
    const again = await uploadSeedPhotos();
    expect([...again.values()]).toEqual([...uploaded.values()]);
    const folder = path.dirname(
      path.join(harness.siteDir, [...uploaded.values()][0]?.remoteId ?? ''),
    );
    expect(fs.readdirSync(folder).filter((f) => f.includes('_1.'))).toEqual([]);

    const payload = seedPayload(uploaded);
    const created = await adapter.putArticle(payload, null);
    const moved = await adapter.putArticle(
      {
        ...payload,
        syncKey: payload.syncKey,
        categoryIds: ['3', '1'],
        title: `${payload.title} (cập nhật)`,
      },
      created.remoteId,
    );
    expect(moved.remoteId).toBe(created.remoteId);
    expect(moved.modified).not.toBe(created.modified);
    const id = Number(created.remoteId);
    expect(harness.query('SELECT id FROM nv4_vi_news_2 WHERE id = ?', id)).toEqual([]);
    expect(harness.query('SELECT catid FROM nv4_vi_news_3 WHERE id = ?', id)).toEqual([
      { catid: 3 },
    ]);
    expect(harness.query('SELECT catid FROM nv4_vi_news_1 WHERE id = ?', id)).toEqual([
      { catid: 3 },
    ]);
  });

  it('signs requests with md5 on sites set to md5_verify', async () => {
    const md5 = createNukeVietAdapter({
      credentials: {
        baseUrl: `${harness.baseUrl}api.php`,
        username: md5Credential.ident,
        secret: md5Credential.secret,
        authMode: 'md5',
      },
    });
    await expect(md5.testConnection()).resolves.toMatchObject({ userName: 'bientap' });
    const wrongMode = createNukeVietAdapter({
      credentials: {
        baseUrl: harness.baseUrl,
        username: md5Credential.ident,
        secret: md5Credential.secret,
      },
      bcryptCost: 4,
    });
    await expect(wrongMode.testConnection()).rejects.toMatchObject({ kind: 'auth' });
  });
});
