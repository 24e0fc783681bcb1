import { LineIcon } from '../lib/LineIcon';

/** Small line icons drawn inline, so no icon font or glyph coverage is needed. */
const paths = {
  articles: 'M4 4h12v16H4z M7 8h6 M7 12h6 M7 16h4 M16 8l4-4 M20 4l-4 4',
  about: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 11v6 M12 7.5v.5',
  review: 'M5 4h14v16H5z M8 9l2 2 4-4 M8 15h8',
  photos: 'M4 6h16v13H4z M4 15l4-4 4 4 3-3 5 5 M15 10h.01',
  settings: 'M4 7h10 M18 7h2 M4 17h4 M12 17h8 M14 5v4 M8 15v4',
  sync: 'M4 12a8 8 0 0 1 14-5 M18 3v4h-4 M20 12a8 8 0 0 1-14 5 M6 21v-4h4',
} as const;

/** One of the sidebar's icons. */
export function Icon({ name }: { name: keyof typeof paths }) {
  return <LineIcon d={paths[name]} />;
}
