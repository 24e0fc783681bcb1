import { z } from 'zod';

import { userNameSchema } from '../workflow/accounts';
import { roles } from '../workflow/roles';
import type { Role } from '../workflow/roles';

/*
 * The newsroom's roster: who belongs, in which role, with which public key. Signed by the
 * newsroom administrator's key (the authority); a workstation pins that key when it joins and
 * accepts only newer versions signed by it. See docs/newsroom.md.
 */

/** The roster file's extension. */
export const rosterExtension = '.ndroster';
/** The enrolment file's extension (one new member's key, sealed with their first password). */
export const enrolmentExtension = '.ndjoin';

const base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

/** One member. */
export const rosterMemberSchema = z.object({
  userName: userNameSchema,
  displayName: z.string().min(1).max(200),
  role: z.enum(roles),
  publicKey: base64Key,
});
/** A parsed member. */
export type RosterMember = z.infer<typeof rosterMemberSchema>;

/** The roster as signed (everything but `signature`). */
export const rosterBodySchema = z.object({
  format: z.literal('newsdesk-roster'),
  formatVersion: z.literal(1),
  newsroomId: z.string().uuid(),
  newsroomName: z.string().min(1).max(200),
  version: z.number().int().min(1),
  issuedAt: z.number().int(),
  issuedBy: userNameSchema,
  authorityKey: base64Key,
  members: z.array(rosterMemberSchema).min(1).max(5000),
});
/** The signed part of a roster. */
export type RosterBody = z.infer<typeof rosterBodySchema>;

/** The roster file. */
export const rosterSchema = rosterBodySchema.extend({
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
});
/** A parsed roster file. */
export type Roster = z.infer<typeof rosterSchema>;

/** The enrolment file: the roster, and one member's private key sealed with a password. */
export const enrolmentSchema = z.object({
  format: z.literal('newsdesk-enrolment'),
  formatVersion: z.literal(1),
  roster: rosterSchema,
  userName: userNameSchema,
  sealedPrivateKey: z.string().min(1).max(2000),
});
/** A parsed enrolment file. */
export type Enrolment = z.infer<typeof enrolmentSchema>;

/** One account of this workstation as the newsroom screen shows it. */
export interface NewsroomAccount {
  userName: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  /** In the roster with this account's current key. */
  inRoster: boolean;
  /** The account has a key (it gets one at its first sign-in). */
  hasKey: boolean;
}

/** What Settings → Tòa soạn shows. */
export interface NewsroomInfo {
  joined: boolean;
  newsroomId: string | null;
  newsroomName: string | null;
  version: number | null;
  issuedAt: number | null;
  issuedBy: string | null;
  /** The signed-in person holds the roster's authority key (may publish new rosters). */
  isAuthority: boolean;
  members: Array<Pick<RosterMember, 'userName' | 'displayName' | 'role'> & { keyId: string }>;
  accounts: NewsroomAccount[];
}

/** A file written to the library's `exports/` folder (bytes included for the browser). */
export interface NewsroomFile {
  fileName: string;
  path: string;
  bytes: number;
  dataBase64: string;
}
