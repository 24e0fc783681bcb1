import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { NewsdeskApi } from '../../../shared/contract/api';
import type { PhotoRecord } from '../../../shared/photos/photoRecord';
import { callOrThrow } from '../../lib/api';
import { errorText } from '../../lib/errorText';
import type { PhotoDeskLabels } from './labels';

/** The grid's filters, as the toolbar edits them. */
export interface PhotoFilter {
  /** null: every event; '' is the "no event" bucket. */
  event: string | null;
  captioned: 'any' | 'captioned' | 'missing';
  unused: boolean;
  sort: 'imported' | 'captured' | 'name';
  /** Words typed in the search box ('' shows every photo): `photos.search` instead of `photos.list`. */
  query: string;
}

/** Every photo, newest import first. */
export const defaultPhotoFilter: PhotoFilter = {
  event: null,
  captioned: 'any',
  unused: false,
  sort: 'imported',
  query: '',
};

/** Photos fetched per page; the grid asks for the pages its visible rows need. */
export const photoPageSize = 120;

/** The grid's data: the pages loaded so far (sparse), the total, and ways to refresh or patch. */
export interface PhotoList {
  /** The loaded photos in grid order (holes left out): selection and preview work on these. */
  photos: PhotoRecord[];
  total: number;
  loading: boolean;
  error: string | null;
  events: Array<{ event: string; count: number }>;
  /** The photo at a grid position, or undefined while its page is still loading. */
  photoAt: (index: number) => PhotoRecord | undefined;
  /** Loads the pages covering grid positions `first..last` (the visible rows) if missing. */
  ensureRange: (first: number, last: number) => void;
  reload: () => void;
  replace: (updated: readonly PhotoRecord[]) => void;
}

/** Pages of one filter; a new filter's first page replaces them all at once (no empty flash). */
interface Pages {
  ticket: number;
  byPage: ReadonlyMap<number, readonly PhotoRecord[]>;
}

/**
 * Loads `photos.list` (or `photos.search` when words are typed) for the filter, a page at a time,
 * only the pages the grid shows: scrolling to the end of 10,000 photos loads the last page, not
 * the 83 before it. Plus the event list for the filter.
 */
export function usePhotoList(
  api: NewsdeskApi,
  filter: PhotoFilter,
  labels: PhotoDeskLabels,
): PhotoList {
  const [pages, setPages] = useState<Pages>({ ticket: 0, byPage: new Map() });
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [events, setEvents] = useState<Array<{ event: string; count: number }>>([]);
  const [generation, setGeneration] = useState(0);
  /** The filter's ticket, as state: pages of another ticket are shown but not extended. */
  const [active, setActive] = useState(0);
  /** Bumped per filter so a late page of an older filter never lands in the grid. */
  const request = useRef(0);
  const inflight = useRef(new Set<number>());

  const fetchPage = useCallback(
    async (page: number, ticket: number): Promise<void> => {
      inflight.current.add(page);
      setLoading(true);
      const input = {
        sort: filter.sort,
        limit: photoPageSize,
        offset: page * photoPageSize,
        ...(filter.event !== null ? { event: filter.event } : {}),
        ...(filter.captioned !== 'any' ? { captioned: filter.captioned === 'captioned' } : {}),
        ...(filter.unused ? { unused: true } : {}),
      };
      const query = filter.query.trim();
      try {
        const found =
          query === ''
            ? await callOrThrow(api, 'photos.list', input)
            : await callOrThrow(api, 'photos.search', { ...input, query });
        if (ticket !== request.current) return;
        setPages((current) => ({
          ticket,
          byPage: new Map(current.ticket === ticket ? current.byPage : []).set(page, found.photos),
        }));
        setTotal(found.total);
        setError(null);
      } catch (failure) {
        if (ticket === request.current) setError(errorText(failure, labels.unexpected));
      } finally {
        if (ticket === request.current) {
          inflight.current.delete(page);
          setLoading(inflight.current.size > 0);
        }
      }
    },
    [api, filter, labels],
  );

  useEffect(() => {
    const ticket = ++request.current;
    inflight.current = new Set();
    setActive(ticket);
    void fetchPage(0, ticket);
  }, [fetchPage, generation]);

  useEffect(() => {
    let live = true;
    callOrThrow(api, 'photos.events', {}).then(
      (found) => live && setEvents(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, generation]);

  const current = pages.byPage;
  const fresh = pages.ticket === active;

  const ensureRange = useCallback(
    (first: number, last: number) => {
      if (!fresh) return;
      const end = Math.min(last, total - 1);
      for (let page = Math.floor(first / photoPageSize); page * photoPageSize <= end; page += 1) {
        if (!current.has(page) && !inflight.current.has(page)) {
          void fetchPage(page, active);
        }
      }
    },
    [current, fetchPage, fresh, active, total],
  );

  const photoAt = useCallback(
    (index: number) => current.get(Math.floor(index / photoPageSize))?.[index % photoPageSize],
    [current],
  );

  const photos = useMemo(
    () => [...current.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, list]) => list),
    [current],
  );

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  const replace = useCallback((updated: readonly PhotoRecord[]) => {
    const byId = new Map(updated.map((photo) => [photo.id, photo]));
    setPages((old) => ({
      ticket: old.ticket,
      byPage: new Map(
        [...old.byPage].map(([page, list]) => [
          page,
          list.map((photo) => byId.get(photo.id) ?? photo),
        ]),
      ),
    }));
  }, []);

  return { photos, total, loading, error, events, photoAt, ensureRange, reload, replace };
}
