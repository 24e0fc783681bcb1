import type { HandlerContext, Handlers } from '../contract/dispatch';
import type { SyncService } from './syncService';

/** The portal and outbox calls, as one slice of the contract's handlers. */
export type SyncHandlers = Pick<
  Handlers,
  | 'portals.list'
  | 'portals.save'
  | 'portals.delete'
  | 'portals.secretStorage'
  | 'portals.setSecret'
  | 'portals.test'
  | 'portals.refreshTerms'
  | 'portals.terms'
  | 'sync.enqueue'
  | 'sync.list'
  | 'sync.retry'
  | 'sync.cancel'
  | 'sync.log'
  | 'sync.status'
  | 'sync.conflict'
  | 'sync.resolveConflict'
  | 'sync.portalChanges'
  | 'sync.pullFromPortal'
>;

const requester = (context: HandlerContext) =>
  context.user ? { id: context.user.id, displayName: context.user.displayName, role: null } : null;

/** Binds the sync service to the contract. */
export function syncHandlers(sync: SyncService): SyncHandlers {
  const { connections } = sync;
  return {
    'portals.list': () => connections.list(),
    'portals.save': (args) => connections.save(args),
    'portals.delete': (args) => {
      connections.remove(args.id);
      return null;
    },
    'portals.secretStorage': () => connections.secretStorage(),
    'portals.setSecret': (args, context) =>
      connections.setSecret(args.id, args.secret, context.user?.role === 'admin'),
    'portals.test': (args) => connections.test(args),
    'portals.refreshTerms': (args) => connections.refreshTerms(args.id),
    'portals.terms': (args) => connections.terms(args.id),
    'sync.enqueue': (args) => sync.enqueue(args.articleId, args.connectionId, args.action),
    'sync.list': (args) => sync.list(args),
    'sync.retry': (args) => sync.retry(args.id),
    'sync.cancel': (args) => sync.cancel(args.id),
    'sync.log': (args) => sync.log(args),
    'sync.status': () => sync.status(),
    'sync.conflict': (args) => sync.conflict(args.id),
    'sync.resolveConflict': (args, context) =>
      sync.resolveConflict(args.id, args.keep, requester(context)),
    'sync.portalChanges': (args) => sync.portalChanges(args.articleId, args.connectionId),
    'sync.pullFromPortal': (args, context) =>
      sync.pullFromPortal(args.articleId, args.connectionId, requester(context)),
  };
}
