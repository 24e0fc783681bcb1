import { afterEach, describe, expect, it } from 'vitest';

import { createNewsroom, enrol, addMember, signInMember } from '../../../tests/support/newsroom';
import { tempDir } from '../../../tests/support/tempDir';
import { callCore, openTestCore, testAdmin, testPassword } from '../../../tests/support/testCore';
import type { Core } from '../app/createCore';

const opened: Core[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

function open(as?: 'nobody'): Core {
  const core = openTestCore({ dataDir: tempDir(), ...(as ? { as } : {}) });
  opened.push(core);
  return core;
}

const asFile = (file: { fileName: string; dataBase64: string }) => ({
  fileName: file.fileName,
  dataBase64: file.dataBase64,
});

describe('the newsroom roster', () => {
  it('is created once by an administrator, and people join a new PC with an enrolment file', async () => {
    const office = open();
    await createNewsroom(office, 'Báo Quảng Trị');
    await expect(callCore(office, 'newsroom.create', { name: 'Lần hai' })).rejects.toThrow(
      'Tòa soạn chỉ lập một lần',
    );
    await addMember(office, 'lan', 'reporter', 'Nguyễn Thị Lan');
    const info = await callCore(office, 'newsroom.status', {});
    expect(info).toMatchObject({ joined: true, version: 2, isAuthority: true });
    expect(info.members.map((member) => [member.userName, member.role])).toEqual([
      ['quantri', 'admin'],
      ['lan', 'reporter'],
    ]);

    // A brand-new PC (no account at all) joins with Lan's file and her first password.
    const laptop = open('nobody');
    await signInMember(office, testAdmin.userName).catch(() => undefined);
    const file = await callCore(office, 'newsroom.exportEnrolment', { userName: 'lan' });
    const wrong = await laptop.dispatch(
      'newsroom.enroll',
      { ...asFile(file), password: 'sai-mat-khau' },
      { shell: 'browser' },
    );
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const session = await callCore(laptop, 'newsroom.enroll', {
      ...asFile(file),
      password: testPassword,
    });
    expect(session.user).toMatchObject({ userName: 'lan', role: 'reporter' });
    expect(await callCore(laptop, 'newsroom.status', {})).toMatchObject({
      joined: true,
      newsroomName: 'Báo Quảng Trị',
      isAuthority: false,
    });
    // Only the authority publishes.
    await expect(callCore(laptop, 'newsroom.publish', {})).rejects.toThrow('forbidden');
  });

  it('takes only newer rosters signed by the pinned key; leaving and role changes follow', async () => {
    const office = open();
    await createNewsroom(office);
    const desk = open();
    await enrol(office, desk, 'btv', 'editor', 'Phạm Biên Tập');
    const before = await callCore(office, 'newsroom.exportRoster', {});

    // The administrator makes btv an administrator and disables pv (who joined and left).
    await addMember(office, 'pv', 'reporter', 'Phóng viên');
    const users = await callCore(office, 'users.list', {});
    const id = (name: string) => users.find((user) => user.userName === name)?.id ?? '';
    await callCore(office, 'users.update', { id: id('btv'), role: 'admin' });
    await callCore(office, 'users.update', { id: id('pv'), disabled: true });
    const after = await callCore(office, 'newsroom.exportRoster', {});
    await signInMember(desk, 'btv');
    const taken = await callCore(desk, 'newsroom.importRoster', asFile(after));
    expect(taken.members.map((member) => [member.userName, member.role]).sort()).toEqual([
      ['btv', 'admin'],
      ['quantri', 'admin'],
    ]);
    expect((await callCore(desk, 'auth.status', {})).session?.user.role).toBe('admin');
    // An older version is refused, and so is a roster from another administrator's key.
    await expect(callCore(desk, 'newsroom.importRoster', asFile(before))).rejects.toThrow('cũ hơn');
    const elsewhere = open();
    await createNewsroom(elsewhere, 'Báo Quảng Trị');
    const foreign = await callCore(elsewhere, 'newsroom.exportRoster', {});
    await expect(callCore(desk, 'newsroom.importRoster', asFile(foreign))).rejects.toThrow(
      'không phải tòa soạn',
    );
    // A roster edited after signing is refused.
    const roster = JSON.parse(Buffer.from(after.dataBase64, 'base64').toString('utf8')) as {
      version: number;
    };
    roster.version += 5;
    await expect(
      callCore(desk, 'newsroom.importRoster', {
        fileName: 'sua.ndroster',
        dataBase64: Buffer.from(JSON.stringify(roster)).toString('base64'),
      }),
    ).rejects.toThrow('Chữ ký của danh sách tòa soạn không hợp lệ');
  });
});
