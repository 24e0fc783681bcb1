import { LineIcon } from '../../lib/LineIcon';

/** Line icons for the toolbar, drawn inline (no icon font, no glyph coverage issues). */
const paths = {
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1 M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  bullet: 'M9 6h11 M9 12h11 M9 18h11 M4.5 6h.01 M4.5 12h.01 M4.5 18h.01',
  ordered: 'M10 6h10 M10 12h10 M10 18h10 M4 5l1-1v4 M4 14h2l-2 3h2',
  quote: 'M7 7h4v4H8c0 2 1 3 3 3 M14 7h4v4h-3c0 2 1 3 3 3',
  'align-left': 'M4 6h16 M4 10h10 M4 14h16 M4 18h10',
  'align-center': 'M4 6h16 M7 10h10 M4 14h16 M7 18h10',
  'align-right': 'M4 6h16 M10 10h10 M4 14h16 M10 18h10',
  'align-justify': 'M4 6h16 M4 10h16 M4 14h16 M4 18h16',
  table: 'M4 5h16v14H4z M4 10h16 M4 15h16 M10 5v14',
  hr: 'M4 12h16 M8 7h8 M8 17h8',
  image: 'M4 5h16v14H4z M4 16l5-5 4 4 3-3 4 4 M15 9h.01',
  library: 'M7 3h14v14H7z M3 7v14h14 M7 13l4-4 3 3 2-2 5 5',
  undo: 'M9 7L5 11l4 4 M5 11h9a5 5 0 0 1 0 10h-2',
  redo: 'M15 7l4 4-4 4 M19 11h-9a5 5 0 0 0 0 10h2',
} as const;

/** One toolbar icon. */
export function ToolIcon({ name }: { name: keyof typeof paths }) {
  return <LineIcon d={paths[name]} />;
}
