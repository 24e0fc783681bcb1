import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

import type { Database } from 'better-sqlite3';

import { AppError } from '../../../shared/errors/appError';
import type {
  NewsroomFile,
  NewsroomInfo,
  Roster,
  RosterMember,
} from '../../../shared/newsroom/roster';
import {
  enrolmentExtension,
  enrolmentSchema,
  rosterExtension,
} from '../../../shared/newsroom/roster';
import type { SessionInfo, SignedInUser } from '../../../shared/workflow/accounts';
import { canonicalUserName } from '../../../shared/workflow/accounts';
import { unsealKey } from '../auth/keys';
import type { ScryptParams } from '../auth/password';
import { defaultScryptParams, hashPassword } from '../auth/password';
import type { Session } from '../auth/session';
import { getUserKey, listPublicKeys, putUserKey } from '../db/queries/signing';
import type { UserRow } from '../db/queries/users';
import {
  getUserByName,
  insertUser,
  listUsers,
  newUserRow,
  passwordColumns,
  updateUser,
} from '../db/queries/users';
import type { EventBus } from '../events/eventBus';
import type { Logger } from '../logging/logger';
import { acceptRoster, keyId, membersByName, parseRoster, signRoster } from './rosterFile';

/** The roster this workstation holds, or null before it joined a newsroom. */
function storedRoster(db: Database): Roster | null {
  const row = db.prepare('SELECT roster_json FROM newsroom WHERE id = 1').get() as
    { roster_json: string } | undefined;
  if (!row) return null;
  try {
    return parseRoster(JSON.parse(row.roster_json));
  } catch {
    return null;
  }
}

function parseFile(dataBase64: string): unknown {
  try {
    return JSON.parse(Buffer.from(dataBase64, 'base64').toString('utf8'));
  } catch {
    throw new AppError(
      'invalid_input',
      'Tệp này không đọc được (không phải tệp của Newsdesk hoặc đã bị hỏng).',
    );
  }
}

/**
 * The newsroom on this workstation: creating it (once, by an administrator, whose key becomes
 * the authority), publishing new rosters when people join, leave or change roles, importing a
 * roster, and enrolment (docs/newsroom.md). Local accounts follow the roster: a member's role
 * and name come from it, and an account whose key left the roster is disabled.
 */
export function createRosterService(deps: {
  db: Database;
  session: Session;
  events: EventBus;
  logger: Logger;
  now: () => number;
  exportsDir: string;
  scrypt?: ScryptParams;
}) {
  const { db, session, logger, now } = deps;
  const params = deps.scrypt ?? defaultScryptParams;

  const store = (roster: Roster): void => {
    db.prepare(
      `INSERT INTO newsroom (id, newsroom_id, authority_key, version, roster_json, imported_at)
       VALUES (1, @newsroomId, @authorityKey, @version, @json, @at)
       ON CONFLICT (id) DO UPDATE SET newsroom_id = excluded.newsroom_id,
         authority_key = excluded.authority_key, version = excluded.version,
         roster_json = excluded.roster_json, imported_at = excluded.imported_at`,
    ).run({
      newsroomId: roster.newsroomId,
      authorityKey: roster.authorityKey,
      version: roster.version,
      json: JSON.stringify(roster),
      at: now(),
    });
  };

  /** Local accounts take their role and name from the roster; departed keys are disabled. */
  const applyToAccounts = (previous: Roster | null, next: Roster): void => {
    const keys = listPublicKeys(db);
    const before = new Set((previous?.members ?? []).map((member) => member.publicKey));
    const now_ = now();
    for (const row of listUsers(db)) {
      const key = keys.get(row.id);
      const member = next.members.find(
        (item) => item.userName === row.user_name && item.publicKey === key,
      );
      if (member) {
        if (
          member.role !== row.role ||
          member.displayName !== row.display_name ||
          row.disabled === 1
        ) {
          updateUser(db, row.id, {
            role: member.role,
            display_name: member.displayName,
            disabled: 0,
            updated_at: now_,
          });
        }
      } else if (key && before.has(key) && row.disabled === 0) {
        updateUser(db, row.id, { disabled: 1, updated_at: now_ });
      }
      const signedIn = session.info()?.user;
      if (signedIn?.id === row.id && member) {
        session.updateUser({ ...signedIn, role: member.role, displayName: member.displayName });
      }
    }
  };

  const take = (incoming: Roster): boolean => {
    const current = storedRoster(db);
    if (!acceptRoster(current, incoming)) return false;
    db.transaction(() => {
      store(incoming);
      applyToAccounts(current, incoming);
    })();
    logger.info('roster accepted', { newsroomId: incoming.newsroomId, version: incoming.version });
    return true;
  };

  /** Members from this workstation's active accounts that have keys. */
  const localMembers = (): RosterMember[] => {
    const keys = listPublicKeys(db);
    return listUsers(db).flatMap((row) => {
      const publicKey = keys.get(row.id);
      return row.disabled === 0 && publicKey
        ? [{ userName: row.user_name, displayName: row.display_name, role: row.role, publicKey }]
        : [];
    });
  };

  const authorityKey = (user: SignedInUser) => {
    const seat = session.signingKey();
    if (!seat || seat.user.id !== user.id) {
      throw new AppError('unauthorized', 'Hãy đăng nhập lại để dùng khoá ký của bạn.');
    }
    return seat.key;
  };

  const issue = (
    user: SignedInUser,
    base: Pick<Roster, 'newsroomId' | 'newsroomName'>,
    version: number,
  ): Roster => {
    const key = authorityKey(user);
    const members = localMembers();
    if (!members.some((member) => member.publicKey === key.publicKey)) {
      throw new AppError('internal', 'Tài khoản quản trị chưa có khoá ký.');
    }
    return signRoster(
      {
        format: 'newsdesk-roster',
        formatVersion: 1,
        newsroomId: base.newsroomId,
        newsroomName: base.newsroomName,
        version,
        issuedAt: now(),
        issuedBy: user.userName,
        authorityKey: key.publicKey,
        members,
      },
      key,
    );
  };

  const writeFile = async (fileName: string, data: Buffer): Promise<NewsroomFile> => {
    await fs.mkdir(deps.exportsDir, { recursive: true });
    const target = path.join(deps.exportsDir, fileName);
    const temp = `${target}.${process.pid}.tmp`;
    await fs.writeFile(temp, data);
    await fs.rename(temp, target);
    return { fileName, path: target, bytes: data.length, dataBase64: data.toString('base64') };
  };

  const info = (): NewsroomInfo => {
    const roster = storedRoster(db);
    const members = membersByName(roster);
    const keys = listPublicKeys(db);
    const seat = session.signingKey();
    return {
      joined: roster !== null,
      newsroomId: roster?.newsroomId ?? null,
      newsroomName: roster?.newsroomName ?? null,
      version: roster?.version ?? null,
      issuedAt: roster?.issuedAt ?? null,
      issuedBy: roster?.issuedBy ?? null,
      isAuthority: roster !== null && seat?.key.publicKey === roster.authorityKey,
      members: (roster?.members ?? []).map((member) => ({
        userName: member.userName,
        displayName: member.displayName,
        role: member.role,
        keyId: keyId(member.publicKey),
      })),
      accounts: listUsers(db).map((row) => ({
        userName: row.user_name,
        displayName: row.display_name,
        role: row.role,
        disabled: row.disabled === 1,
        hasKey: keys.has(row.id),
        inRoster: members.get(row.user_name)?.publicKey === keys.get(row.id),
      })),
    };
  };

  const requireAuthority = (user: SignedInUser): Roster => {
    const roster = storedRoster(db);
    if (!roster) {
      throw new AppError('conflict', 'Máy này chưa thuộc tòa soạn nào. Hãy lập tòa soạn trước.');
    }
    if (authorityKey(user).publicKey !== roster.authorityKey) {
      throw new AppError(
        'forbidden',
        `Chỉ quản trị viên đã lập tòa soạn («${roster.issuedBy}») mới phát hành được danh sách mới, trên máy của mình.`,
      );
    }
    return roster;
  };

  return {
    info,

    /** The members the bundles of this workstation are checked against. */
    roster: (): Roster | null => storedRoster(db),

    /** Creates the newsroom once; the administrator's key signs every roster from now on. */
    create(user: SignedInUser, name: string): NewsroomInfo {
      if (storedRoster(db)) {
        throw new AppError(
          'conflict',
          'Máy này đã thuộc một tòa soạn. Tòa soạn chỉ lập một lần; hãy phát hành danh sách mới thay vì lập lại.',
        );
      }
      const roster = issue(user, { newsroomId: randomUUID(), newsroomName: name.trim() }, 1);
      take(roster);
      logger.info('newsroom created', { newsroomId: roster.newsroomId });
      return info();
    },

    /** A new roster version from this workstation's accounts (authority only). */
    publish(user: SignedInUser): NewsroomInfo {
      const current = requireAuthority(user);
      take(issue(user, current, current.version + 1));
      return info();
    },

    /** After accounts changed on the authority's PC: publishes when the authority is seated. */
    publishIfAuthority(user: SignedInUser): void {
      const current = storedRoster(db);
      const seat = session.signingKey();
      if (
        current &&
        seat &&
        seat.user.id === user.id &&
        seat.key.publicKey === current.authorityKey
      )
        take(issue(user, current, current.version + 1));
    },

    async exportRoster(): Promise<NewsroomFile> {
      const roster = storedRoster(db);
      if (!roster) throw new AppError('conflict', 'Máy này chưa thuộc tòa soạn nào.');
      return writeFile(
        `danh-sach-toa-soan-v${roster.version}${rosterExtension}`,
        Buffer.from(JSON.stringify(roster, null, 1), 'utf8'),
      );
    },

    /**
     * A roster that came inside a bundle: taken when it is a newer version from this
     * workstation's authority (returns the version), ignored otherwise (the bundle's records
     * are checked against the roster this workstation holds).
     */
    takeFromBundle(raw: unknown): number | null {
      // Joining a newsroom is deliberate (a roster or enrolment file), never a side effect.
      if (!storedRoster(db)) return null;
      try {
        const incoming = parseRoster(raw);
        return take(incoming) ? incoming.version : null;
      } catch (error) {
        logger.info('roster in a bundle not taken', { error });
        return null;
      }
    },

    importRoster(dataBase64: string): NewsroomInfo {
      take(parseRoster(parseFile(dataBase64)));
      return info();
    },

    /** The new member's key, sealed with the password the administrator gave them. */
    async exportEnrolment(user: SignedInUser, userName: string): Promise<NewsroomFile> {
      const roster = requireAuthority(user);
      const name = canonicalUserName(userName);
      const row = getUserByName(db, name);
      const key = row ? getUserKey(db, row.id) : undefined;
      const member = membersByName(roster).get(name);
      if (!row || !key || !member || member.publicKey !== key.publicKey) {
        throw new AppError(
          'not_found',
          `«${name}» chưa có trong danh sách tòa soạn với khoá hiện tại. Hãy tạo tài khoản (hoặc phát hành danh sách mới) rồi xuất lại.`,
        );
      }
      const file = {
        format: 'newsdesk-enrolment',
        formatVersion: 1,
        roster,
        userName: name,
        sealedPrivateKey: key.sealedPrivateKey,
      };
      return writeFile(
        `ghi-danh-${name}${enrolmentExtension}`,
        Buffer.from(JSON.stringify(file), 'utf8'),
      );
    },

    /**
     * Joins this workstation (or adds a person to it) from an enrolment file and its password:
     * the roster is taken (joining the newsroom, or a newer version of the same one), the
     * account is created or linked by sign-in name with the member's key, and the person is
     * signed in.
     */
    async enroll(input: { dataBase64: string; password: string }): Promise<SessionInfo> {
      const parsed = enrolmentSchema.safeParse(parseFile(input.dataBase64));
      if (!parsed.success) {
        throw new AppError(
          'invalid_input',
          'Tệp này không phải tệp ghi danh của Newsdesk (đuôi .ndjoin), hoặc đã bị hỏng.',
        );
      }
      const roster = parseRoster(parsed.data.roster);
      const current = storedRoster(db);
      let member = membersByName(roster).get(parsed.data.userName);
      if (!member) {
        throw new AppError(
          'invalid_input',
          'Tệp ghi danh không khớp với danh sách tòa soạn kèm theo.',
        );
      }
      if (
        current &&
        roster.version < current.version &&
        roster.newsroomId === current.newsroomId &&
        roster.authorityKey === current.authorityKey
      ) {
        // A file made before the roster this PC already has: the newer roster decides.
        const now_ = membersByName(current).get(member.userName);
        if (!now_ || now_.publicKey !== member.publicKey) {
          throw new AppError(
            'forbidden',
            `«${member.userName}» không còn trong danh sách tòa soạn mới nhất với khoá này. Hãy xin quản trị viên tệp ghi danh mới.`,
          );
        }
        member = now_;
      } else {
        acceptRoster(current, roster);
      }
      const key = await unsealKey(
        { publicKey: member.publicKey, sealedPrivateKey: parsed.data.sealedPrivateKey },
        input.password,
      );
      if (!key) {
        throw new AppError(
          'unauthorized',
          'Mật khẩu không mở được tệp ghi danh. Hãy nhập đúng mật khẩu ban đầu quản trị viên đã đưa cho bạn.',
        );
      }
      const enrolled = member;
      const password = await hashPassword(input.password, params);
      const at = now();
      const user = db.transaction(() => {
        const existing = getUserByName(db, enrolled.userName);
        let row: UserRow;
        if (existing) {
          updateUser(db, existing.id, {
            display_name: enrolled.displayName,
            role: enrolled.role,
            disabled: 0,
            ...passwordColumns(password),
            updated_at: at,
          });
          row = { ...existing, role: enrolled.role, display_name: enrolled.displayName };
        } else {
          row = newUserRow({ ...enrolled, id: randomUUID() }, password, at);
          insertUser(db, row);
        }
        putUserKey(
          db,
          row.id,
          { publicKey: enrolled.publicKey, sealedPrivateKey: parsed.data.sealedPrivateKey },
          at,
        );
        if (!current || roster.version > current.version) {
          store(roster);
          applyToAccounts(current, roster);
        }
        return {
          id: row.id,
          userName: row.user_name,
          displayName: row.display_name,
          role: row.role,
        };
      })();
      session.start(user, key);
      deps.events.emit('session.changed', { userId: user.id, locked: false });
      logger.info('enrolled', { userId: user.id, newsroomId: roster.newsroomId });
      const result = session.info();
      if (!result) throw new AppError('internal');
      return result;
    },
  };
}

/** The roster service's API. */
export type RosterService = ReturnType<typeof createRosterService>;
