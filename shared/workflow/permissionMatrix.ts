import type { ArticleStatus } from '../domain/article';
import type { CallName } from '../contract/calls';
import type { Role } from './roles';
import type { Transition } from './transitions';
import { checkTransition, editRefusal } from './transitions';

/**
 * The intended access of one call, written down independently of the core's permission table
 * (`callPermissions`) and of the handlers, so a test can hold the real core to it:
 * - `public`: works without a session;
 * - `signedIn`: every role, whatever the article;
 * - `roles`: only these roles;
 * - `editArticle`: the call changes an article, so it is allowed exactly when the user may edit
 *   that article now (role × ownership × state, as `editRules` in `transitions.ts` says);
 * - `transition`: as the transition table says for that step (role × ownership × state);
 * - `authorProfile`: `roles` may save any author profile; everyone else may create profiles and
 *   change only the ones they created (a reporter's own byline).
 */
export type IntendedAccess =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'roles'; roles: readonly Role[] }
  | { kind: 'editArticle' }
  | { kind: 'transition' }
  | { kind: 'authorProfile'; roles: readonly Role[] };

const open: IntendedAccess = { kind: 'public' };
const anyone: IntendedAccess = { kind: 'signedIn' };
const editing: IntendedAccess = { kind: 'editArticle' };
const only = (...roles: Role[]): IntendedAccess => ({ kind: 'roles', roles });
const desk = only('photo_editor', 'editor', 'admin');
const editors = only('editor', 'admin');
const admins = only('admin');

/**
 * Who may make each call (issue 12's "permission table without gaps"). Typed by call name, so a
 * new call does not compile until its row is written here too.
 */
export const permissionMatrix: Record<CallName, IntendedAccess> = {
  'articles.list': anyone,
  'articles.search': anyone,
  'articles.get': anyone,
  'articles.create': anyone,
  'articles.save': editing,
  'articles.exportHtml': anyone,
  'revisions.list': anyone,
  'revisions.create': editing,
  'revisions.get': anyone,
  'revisions.restore': editing,
  'media.importImage': anyone,
  'authors.list': anyone,
  'authors.save': { kind: 'authorProfile', roles: ['editor', 'admin'] },
  'categories.list': anyone,
  'categories.save': editors,
  'settings.get': open,
  'settings.update': admins,
  'settings.addWord': anyone,
  'settings.updateDisplay': anyone,
  'app.diagnostics': open,
  // Before sign-in, on a damaged or behind library only (the handlers refuse otherwise).
  'recovery.status': open,
  'recovery.backups': open,
  'recovery.restore': open,
  'recovery.salvage': open,
  'recovery.continueBehind': open,
  'backups.list': admins,
  'backups.create': admins,
  'backups.setPlaces': admins,
  'backups.restore': admins,
  'backups.exportLibrary': admins,

  'photos.import': anyone,
  'photos.list': anyone,
  'photos.search': anyone,
  'photos.events': anyone,
  'photos.duplicates': anyone,
  'photos.resolveDuplicate': anyone,
  'photos.duplicateGroups': anyone,
  'photos.resolveGroup': anyone,
  'photos.updateCaptions': anyone,
  'photos.applyTemplate': anyone,
  'photos.codes': anyone,
  'photos.setCode': desk,
  'photos.removeCode': desk,
  'photos.templates': anyone,
  'photos.saveTemplate': desk,
  'photos.process': desk,
  'photos.setFocalPoint': desk,
  'logos.import': desk,
  'logos.list': anyone,
  'recipes.list': anyone,
  'recipes.save': desk,
  'recipes.delete': desk,
  'recipes.setDefault': desk,
  'jobs.status': anyone,
  'jobs.pause': desk,
  'jobs.resume': desk,
  'jobs.cancel': desk,

  'auth.status': open,
  'auth.setupAdmin': open,
  'auth.signIn': open,
  'auth.switchUser': open,
  'auth.signOut': open,
  'auth.lock': anyone,
  'auth.changePassword': anyone,
  'auth.unlockAccount': admins,
  'auth.signInLog': admins,
  'users.list': admins,
  'users.create': admins,
  'users.update': admins,

  'workflow.policy': anyone,
  'workflow.setPolicy': admins,
  'workflow.state': anyone,
  'workflow.transition': { kind: 'transition' },
  'workflow.checklist': anyone,
  'workflow.queue': anyone,
  'comments.list': anyone,
  'comments.add': anyone,
  'comments.resolve': anyone,
  'comments.reopen': anyone,
  'comments.delete': anyone,
  'locks.get': anyone,
  'locks.acquire': editing,
  'locks.release': anyone,
  'locks.takeOver': editors,
  'audit.list': anyone,

  'bundles.export': anyone,
  'bundles.import': anyone,
  // Open for a whole library at first start only; the handlers refuse anything else without a
  // session, and a library upload to anyone but the administrator once accounts exist.
  'uploads.begin': open,
  'uploads.append': open,
  'uploads.cancel': open,
  'library.importUploaded': open,
  'photos.importUploaded': anyone,
  'bundles.importUploaded': anyone,
  'media.importUploaded': anyone,
  'bundles.conflictDiff': anyone,

  'portals.list': anyone,
  'portals.save': admins,
  'portals.delete': admins,
  'portals.secretStorage': anyone,
  'portals.setSecret': editors,
  'portals.test': editors,
  'portals.refreshTerms': editors,
  'portals.terms': anyone,
  'sync.enqueue': editors,
  'sync.list': anyone,
  'sync.retry': editors,
  'sync.cancel': editors,
  'sync.log': anyone,
  'sync.status': anyone,
  'sync.conflict': anyone,
  'sync.resolveConflict': editors,
  'sync.portalChanges': anyone,
  'sync.pullFromPortal': editors,
  'portals.categoryLinks': anyone,
  'portals.linkCategory': editors,
  'portals.remoteUsers': admins,
  'portals.userLinks': anyone,
  'portals.linkUser': admins,
  'portals.options': anyone,
  'portals.setOptions': admins,
  // The roster is verified against the pinned administrator key, whoever imports it.
  'newsroom.status': anyone,
  'newsroom.create': admins,
  'newsroom.publish': admins,
  'newsroom.exportRoster': anyone,
  'newsroom.importRoster': anyone,
  'newsroom.exportEnrolment': admins,
  'newsroom.enroll': open,
};

/** Who is asking, and about what: the cells of the matrix. */
export interface AccessCase {
  role: Role;
  /** The user created the article (or the author profile). */
  isOwner: boolean;
  /** The article's state, for article calls. */
  status: ArticleStatus;
  /** The step, for `workflow.transition`. */
  transition?: Transition;
}

/**
 * Whether the matrix lets a signed-in user through. `transition` is judged on authority only
 * (role and ownership): a step from the wrong state is a state error, not a permission one.
 */
export function isAllowed(access: IntendedAccess, cell: AccessCase): boolean {
  switch (access.kind) {
    case 'public':
    case 'signedIn':
      return true;
    case 'roles':
      return access.roles.includes(cell.role);
    case 'editArticle':
      return editRefusal(cell.status, { role: cell.role, isOwner: cell.isOwner }) === null;
    case 'transition': {
      if (!cell.transition) return true;
      const check = checkTransition(cell.transition, cell.status, cell, 'note');
      return check.ok || check.reason === 'wrong_state' || check.reason === 'note_required';
    }
    case 'authorProfile':
      return access.roles.includes(cell.role) || cell.isOwner;
    default:
      return missing(access);
  }
}

function missing(value: never): never {
  throw new Error(`Unknown access kind: ${JSON.stringify(value)}`);
}
