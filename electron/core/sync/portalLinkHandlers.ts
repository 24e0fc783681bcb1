import type { Database } from 'better-sqlite3';

import type { Handlers } from '../contract/dispatch';
import { PortalError } from '../portal/adapter';
import { AppError } from '../../../shared/errors/appError';
import type { PortalConnections } from './connections';
import { createPortalLinks } from './portalLinks';

/** The portal link calls, as one slice of the contract's handlers. */
export type PortalLinkHandlers = Pick<
  Handlers,
  | 'portals.categoryLinks'
  | 'portals.linkCategory'
  | 'portals.remoteUsers'
  | 'portals.userLinks'
  | 'portals.linkUser'
  | 'portals.options'
  | 'portals.setOptions'
>;

/** Binds category and user links and portal options to the contract. */
export function portalLinkHandlers(
  db: Database,
  connections: PortalConnections,
  now: () => number,
): PortalLinkHandlers {
  const links = createPortalLinks(db, now);
  return {
    'portals.categoryLinks': (args) => links.categoryLinks(args.id),
    'portals.linkCategory': (args) => links.linkCategory(args.id, args.categoryId, args.remoteId),
    'portals.remoteUsers': async (args) => {
      const adapter = connections.adapterFor(args.id);
      if (!adapter.listUsers) {
        throw new AppError(
          'invalid_input',
          'Cổng này không cho chọn người đăng bài: bài được đăng bằng tài khoản kết nối.',
        );
      }
      try {
        return await adapter.listUsers();
      } catch (error) {
        if (error instanceof PortalError) throw new AppError('forbidden', error.message);
        throw error;
      }
    },
    'portals.userLinks': (args) => links.userLinks(args.id),
    'portals.linkUser': (args) => links.linkUser(args.id, args.userId, args.remote),
    'portals.options': (args) => links.options(args.id),
    'portals.setOptions': (args) =>
      links.setOptions(args.id, { featuredInBody: args.featuredInBody }),
  };
}
