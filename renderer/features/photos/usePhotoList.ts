import { useCallback, useEffect, useRef, useState } from 'react';

import type { NewsdeskApi } from '../../../shared/contract/api';
import type { PhotoRecord } from '../../../shared/photos/photoRecord';
import { callOrThrow } from '../../lib/api';
import { messageOf } from './errors';
import type { PhotoDeskLabels } from './labels';

/** The grid's filters, as the toolbar edits them. */
export interface PhotoFilter {
  /** null: every event; '' is the "no event" bucket. */
  event: string | null;
  captioned: 'any' | 'captioned' | 'missing';
  unused: boolean;
  sort: 'imported' | 'captured' | 'name';
}

/** Every photo, newest import first. */
export const defaultPhotoFilter: PhotoFilter = {
  event: null,
  captioned: 'any',
  unused: false,
  sort: 'imported',
};

/** Photos fetched per page; the grid asks for more on scroll or «Xem thêm». */
export const photoPageSize = 120;

/** The grid's data: the loaded pages, the total, and ways to refresh or patch them. */
export interface PhotoList {
  photos: PhotoRecord[];
  total: number;
  loading: boolean;
  error: string | null;
  events: Array<{ event: string; count: number }>;
  reload: () => void;
  loadMore: () => void;
  replace: (updated: readonly PhotoRecord[]) => void;
}

/** Loads `photos.list` for the filter a page at a time, plus the event list for the filter. */
export function usePhotoList(
  api: NewsdeskApi,
  filter: PhotoFilter,
  labels: PhotoDeskLabels,
): PhotoList {
  const [photos, setPhotos] = useState<PhotoRecord[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [events, setEvents] = useState<Array<{ event: string; count: number }>>([]);
  const [generation, setGeneration] = useState(0);
  /** Bumped per request so a late page of an older filter never lands in the grid. */
  const request = useRef(0);

  const fetchPage = useCallback(
    async (offset: number): Promise<void> => {
      const ticket = ++request.current;
      setLoading(true);
      try {
        const page = await callOrThrow(api, 'photos.list', {
          sort: filter.sort,
          limit: photoPageSize,
          offset,
          ...(filter.event !== null ? { event: filter.event } : {}),
          ...(filter.captioned !== 'any' ? { captioned: filter.captioned === 'captioned' } : {}),
          ...(filter.unused ? { unused: true } : {}),
        });
        if (ticket !== request.current) return;
        setPhotos((current) => (offset === 0 ? page.photos : [...current, ...page.photos]));
        setTotal(page.total);
        setError(null);
      } catch (failure) {
        if (ticket === request.current) setError(messageOf(failure, labels.unexpected));
      } finally {
        if (ticket === request.current) setLoading(false);
      }
    },
    [api, filter, labels],
  );

  useEffect(() => {
    void fetchPage(0);
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

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  const loadMore = useCallback(() => {
    if (!loading && photos.length < total) void fetchPage(photos.length);
  }, [fetchPage, loading, photos.length, total]);

  const replace = useCallback((updated: readonly PhotoRecord[]) => {
    const byId = new Map(updated.map((photo) => [photo.id, photo]));
    setPhotos((current) => current.map((photo) => byId.get(photo.id) ?? photo));
  }, []);

  return { photos, total, loading, error, events, reload, loadMore, replace };
}
