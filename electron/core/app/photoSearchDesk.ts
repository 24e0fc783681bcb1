import type { Database } from 'better-sqlite3';

import type { photoSearchCalls } from '../../../shared/contract/photoSearchCalls';
import type { Handlers } from '../contract/dispatch';
import { searchPhotos } from '../db/queries/photoSearch';
import { toPhotoRecord } from '../photos/library/records';

/** The photo search calls, as one slice of the contract's handlers. */
export type PhotoSearchHandlers = Pick<Handlers, keyof typeof photoSearchCalls>;

/**
 * Text search in Kho ảnh (docs/photo-search.md): one page of the photos whose captions, bylines,
 * credits, events or file names hold the words typed, in the grid's sort and filters. Thumbnails
 * of the page are made in the background like `photos.list` does.
 */
export function createPhotoSearchDesk(deps: {
  db: Database;
  ensureThumbnails: (ids: readonly string[]) => void;
}): { handlers: PhotoSearchHandlers } {
  return {
    handlers: {
      'photos.search': (args) => {
        const { rows, total } = searchPhotos(deps.db, args.query, {
          sort: args.sort,
          limit: args.limit,
          offset: args.offset,
          event: args.event,
          captioned: args.captioned,
          unused: args.unused,
          usedIn: args.usedIn,
        });
        const photos = rows.map(toPhotoRecord);
        deps.ensureThumbnails(photos.map((photo) => photo.id));
        return { photos, total };
      },
    },
  };
}
