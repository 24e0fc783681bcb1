import type { photosVi } from './photosVi';

/** English texts of the photo desk, the same keys as `photosVi`. */
export const photosEn: typeof photosVi = {
  photos: {
    title: 'Photo desk',
    groups: {
      count_one: '{{count}} group of similar photos',
      count_other: '{{count}} groups of similar photos',
      size: '{{count}} similar photos',
      hint: 'Click the photo to keep, then “Keep only the chosen one”; or keep them all.',
      keepAll: 'Keep all',
      keepOne: 'Keep only the chosen one',
      chosen: 'Kept',
    },
    altText: 'Alt text',
    altHint:
      'For readers who cannot see the photo: what it shows. Goes with the photo into articles.',
    uncaptioned: {
      title: 'Some photos have no caption',
      body_one:
        '{{count}} of the {{total}} selected photos has no caption. Its web files will carry no caption or byline.',
      body_other:
        '{{count}} of the {{total}} selected photos have no caption. Their web files will carry no caption or byline.',
      goOn: 'Process anyway',
      cancel: 'Back to captions',
    },
  },
};
