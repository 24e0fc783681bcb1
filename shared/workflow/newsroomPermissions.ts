import type { newsroomCalls } from '../contract/newsroomCalls';
import type { CallPermission } from './callPermissions';

/**
 * Who may make the newsroom calls. Enrolment needs no session: it is how a person gets an
 * account on a new PC, and it needs the file the administrator made and its password. Importing
 * a roster is open to anyone signed in (only the pinned authority's newer rosters are taken).
 */
export const newsroomPermissions: Record<keyof typeof newsroomCalls, CallPermission> = {
  'newsroom.status': { who: 'signedIn' },
  'newsroom.create': { who: ['admin'], what: 'lập tòa soạn' },
  'newsroom.publish': { who: ['admin'], what: 'phát hành danh sách tòa soạn' },
  'newsroom.exportRoster': { who: 'signedIn' },
  'newsroom.importRoster': { who: 'signedIn' },
  'newsroom.exportEnrolment': { who: ['admin'], what: 'xuất tệp ghi danh' },
  'newsroom.enroll': { who: 'public' },
};
