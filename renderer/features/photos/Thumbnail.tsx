import { useEffect, useState } from 'react';

import { useApi } from '../../lib/ApiContext';

/** How long to wait before asking again for a thumbnail the main side is still generating. */
export const thumbnailRetryMs = 3000;

/** Thumbnails are made one after another in the background; a big import needs several tries. */
export const thumbnailMaxAttempts = 6;

/**
 * A photo's cached WebP thumbnail. Right after import the main side may not have written it
 * yet, so a failed load shows a neutral placeholder and tries again every few seconds
 * (with a query so the browser does not reuse the failed answer).
 */
export function Thumbnail({ path, alt }: { path: string; alt: string }) {
  const api = useApi();
  const [attempt, setAttempt] = useState(0);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!failed || attempt >= thumbnailMaxAttempts) return;
    const timer = setTimeout(() => {
      setAttempt(attempt + 1);
      setFailed(false);
    }, thumbnailRetryMs);
    return () => clearTimeout(timer);
  }, [failed, attempt]);

  if (failed) return <span className="photo-placeholder" aria-label={alt} role="img" />;
  const url = api.mediaUrl(path);
  const src = attempt === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}retry=${attempt}`;
  return (
    <img
      src={src}
      alt={alt}
      loading="lazy"
      decoding="async"
      draggable={false}
      onError={() => setFailed(true)}
    />
  );
}
