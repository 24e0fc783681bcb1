import { z } from 'zod';

import type { Settings } from '../domain/settings';
import { locales } from '../domain/settings';
import type { SignInGuardReport } from '../workflow/signInGuard';
import { call, id } from './callSpec';

/**
 * Calls added by issue 12: the settings every user may change (a word for the newsroom's
 * dictionary; the language and the article to reopen), and the administrator's view of failed
 * sign-ins with the unlock of an account locked after too many of them.
 */
export const securityCalls = {
  /** Adds one word to the newsroom dictionary (open to every signed-in user). */
  'settings.addWord': call<Settings>()(
    z.object({ word: z.string().trim().min(1).max(60) }).strict(),
  ),
  /** The UI language and the article to reopen at the next start (every signed-in user). */
  'settings.updateDisplay': call<Settings>()(
    z
      .object({ locale: z.enum(locales).optional(), lastArticleId: id.nullable().optional() })
      .strict(),
  ),
  /** Unlocks a sign-in name locked after repeated wrong passwords (administrators). */
  'auth.unlockAccount': call<null>()(
    z.object({ userName: z.string().trim().min(1).max(40) }).strict(),
  ),
  /** Locked sign-in names and recent failed sign-ins, newest first (administrators). */
  'auth.signInLog': call<SignInGuardReport>()(
    z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
  ),
} as const;
