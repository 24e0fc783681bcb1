import { AppError } from '../../../shared/errors/appError';
import type { Roster, RosterBody, RosterMember } from '../../../shared/newsroom/roster';
import { rosterSchema } from '../../../shared/newsroom/roster';
import type { SigningKey } from '../auth/keys';
import { signBytes, verifyBytes } from '../auth/keys';
import { canonicalJson } from '../bundles/contentHash';

/** The bytes a roster's signature covers. */
function signedBytes(body: RosterBody): Buffer {
  return Buffer.from(canonicalJson(body), 'utf8');
}

/** Signs a roster body with the authority key. */
export function signRoster(body: RosterBody, key: SigningKey): Roster {
  return { ...body, signature: signBytes(key, signedBytes(body)) };
}

/**
 * Reads a roster file and checks it is signed by its own authority key, and that the authority
 * is one of its administrators. Whether this workstation accepts it is `acceptRoster`'s call.
 */
export function parseRoster(raw: unknown): Roster {
  const parsed = rosterSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      'invalid_input',
      'Tệp này không phải danh sách tòa soạn của Newsdesk, hoặc đã bị hỏng. Hãy xin quản trị viên tệp .ndroster mới.',
    );
  }
  const { signature, ...body } = parsed.data;
  const authority = body.members.find(
    (member) => member.publicKey === body.authorityKey && member.role === 'admin',
  );
  if (!authority || !verifyBytes(body.authorityKey, signedBytes(body), signature)) {
    throw new AppError(
      'invalid_input',
      'Chữ ký của danh sách tòa soạn không hợp lệ: tệp đã bị sửa sau khi quản trị viên ký. Không có gì thay đổi trên máy này.',
    );
  }
  const names = new Set(body.members.map((member) => member.userName));
  if (names.size !== body.members.length) {
    throw new AppError('invalid_input', 'Danh sách tòa soạn có một tên đăng nhập hai lần.');
  }
  return parsed.data;
}

/**
 * Whether a workstation holding `current` takes `incoming`: the first roster joins the
 * newsroom; after that only the same newsroom, the same authority key and a newer version.
 * Returns false for the same version (nothing to do); throws for anything else.
 */
export function acceptRoster(current: Roster | null, incoming: Roster): boolean {
  if (!current) return true;
  if (incoming.newsroomId !== current.newsroomId) {
    throw new AppError(
      'conflict',
      `Danh sách này của tòa soạn «${incoming.newsroomName}», không phải tòa soạn «${current.newsroomName}» mà máy này thuộc về. Không có gì thay đổi.`,
    );
  }
  if (incoming.authorityKey !== current.authorityKey) {
    throw new AppError(
      'forbidden',
      'Danh sách này không được ký bằng khoá của quản trị viên tòa soạn mà máy này đã nhận. Máy chỉ nhận danh sách mới từ chính quản trị viên đó.',
    );
  }
  if (incoming.version < current.version) {
    throw new AppError(
      'conflict',
      `Danh sách này cũ hơn (phiên bản ${incoming.version}) danh sách máy đang dùng (phiên bản ${current.version}). Không có gì thay đổi.`,
    );
  }
  return incoming.version > current.version;
}

/** A short, human-checkable id of a public key (to compare over the phone). */
export function keyId(publicKey: string): string {
  const hex = Buffer.from(publicKey, 'base64').toString('hex').toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}

/** The members by sign-in name. */
export function membersByName(roster: Roster | null): Map<string, RosterMember> {
  return new Map((roster?.members ?? []).map((member) => [member.userName, member]));
}
