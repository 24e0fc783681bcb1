import { z } from 'zod';

import type { NewsroomFile, NewsroomInfo } from '../newsroom/roster';
import type { SessionInfo } from '../workflow/accounts';
import { signInPasswordSchema, userNameSchema } from '../workflow/accounts';
import { call, noInput } from './callSpec';

const fileInput = {
  fileName: z.string().min(1).max(255),
  dataBase64: z
    .string()
    .min(1)
    .max(4 * 1024 * 1024)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
};

/**
 * The newsroom: its signed roster and enrolment of members (docs/newsroom.md). Part of
 * `workflowCalls`.
 */
export const newsroomCalls = {
  'newsroom.status': call<NewsroomInfo>()(noInput),
  'newsroom.create': call<NewsroomInfo>()(
    z.object({ name: z.string().trim().min(1).max(200) }).strict(),
  ),
  'newsroom.publish': call<NewsroomInfo>()(noInput),
  'newsroom.exportRoster': call<NewsroomFile>()(noInput),
  'newsroom.importRoster': call<NewsroomInfo>()(z.object(fileInput).strict()),
  'newsroom.exportEnrolment': call<NewsroomFile>()(z.object({ userName: userNameSchema }).strict()),
  'newsroom.enroll': call<SessionInfo>()(
    z.object({ ...fileInput, password: signInPasswordSchema }).strict(),
  ),
} as const;
