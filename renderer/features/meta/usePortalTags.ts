import { useEffect, useState } from 'react';

import { useApi } from '../../lib/ApiContext';
import { callOrThrow } from '../../lib/api';

/**
 * The tags pulled from the newsroom's portals (cached, so offline too): suggested in the tag
 * field so reporters reuse the portal's tags instead of near-duplicates.
 */
export function usePortalTags(): string[] {
  const api = useApi();
  const [tags, setTags] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    const load = async (): Promise<string[]> => {
      const portals = await callOrThrow(api, 'portals.list', {});
      const all = await Promise.all(
        portals.map((portal) => callOrThrow(api, 'portals.terms', { id: portal.id })),
      );
      const names = new Set(all.flatMap((terms) => terms.tags.map((tag) => tag.title)));
      return [...names].sort((a, b) => a.localeCompare(b, 'vi'));
    };
    load()
      .then((names) => live && setTags(names))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  return tags;
}
