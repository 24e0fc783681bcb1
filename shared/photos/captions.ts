import { isFileNameCaption } from '../checks/fileNameCaption';
import { getPortalDateParts } from '../vietnamese/dates';

/*
 * Caption tools for the photo desk, Photo Mechanic style: newsroom codes typed between
 * backslashes and templates with variables. Pure, so the caption dialog can preview exactly what
 * the library will store.
 */

/**
 * Replaces `\code\` with the newsroom's expansion (`\hd\` → `Hoàng Trung Dũng - Ủy viên Trung
 * ương Đảng, Bí thư Tỉnh ủy`). Codes are case-sensitive; an unknown code is left as typed so a
 * typo stays visible; `\\` writes one backslash. Expansions are not expanded again, so a code
 * list can never loop.
 */
export function expandCodes(text: string, codes: ReadonlyMap<string, string>): string {
  const source = text.normalize('NFC');
  let out = '';
  let at = 0;
  while (at < source.length) {
    const slash = source.indexOf('\\', at);
    if (slash === -1) {
      out += source.slice(at);
      break;
    }
    out += source.slice(at, slash);
    if (source[slash + 1] === '\\') {
      out += '\\';
      at = slash + 2;
      continue;
    }
    const close = source.indexOf('\\', slash + 1);
    const code = close === -1 ? undefined : source.slice(slash + 1, close);
    const expansion = code === undefined ? undefined : codes.get(code);
    if (expansion === undefined || code === undefined || code === '') {
      out += '\\';
      at = slash + 1;
      continue;
    }
    out += expansion.normalize('NFC');
    at = close + 1;
  }
  return out;
}

/** Names a caption template may use, as `{caption}`, `{byline}`… */
export const CAPTION_TEMPLATE_VARIABLES = [
  'caption',
  'byline',
  'credit',
  'event',
  'date',
  'place',
  'original',
] as const;

/** One of the caption template variables. */
export type CaptionTemplateVariable = (typeof CAPTION_TEMPLATE_VARIABLES)[number];

/**
 * Values for a template. `date` is a Date (shown in Vietnam time) or a camera time string
 * (`2024-05-12T09:30:00`, the photographer's wall clock, shown as is; with an offset it is
 * converted to Vietnam time).
 */
export type CaptionTemplateValues = Partial<
  Record<Exclude<CaptionTemplateVariable, 'date'>, string>
> & { date?: Date | string | undefined };

const pad2 = (n: number): string => String(n).padStart(2, '0');

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/u;

/** `dd/MM/yyyy` as Vietnamese captions write dates; empty when the date cannot be read. */
export function formatCaptionDate(date: Date | string | undefined): string {
  if (date === undefined) return '';
  if (typeof date === 'string') {
    const wall = WALL_CLOCK.exec(date.trim());
    if (wall !== null) return `${wall[3] ?? ''}/${wall[2] ?? ''}/${wall[1] ?? ''}`;
    return formatCaptionDate(new Date(date));
  }
  if (Number.isNaN(date.getTime())) return '';
  const parts = getPortalDateParts(date);
  return `${pad2(parts.day)}/${pad2(parts.month)}/${String(parts.year).padStart(4, '0')}`;
}

function isVariable(name: string): name is CaptionTemplateVariable {
  return (CAPTION_TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

/**
 * Fills `{caption} {byline} {credit} {event} {date} {place} {original}`; a known variable without
 * a value becomes empty, an unknown `{name}` stays as typed so the editor sees the mistake.
 */
export function renderCaptionTemplate(template: string, values: CaptionTemplateValues): string {
  const filled = template.normalize('NFC').replace(/\{([a-z]+)\}/gu, (whole, name: string) => {
    if (!isVariable(name)) return whole;
    if (name === 'date') return formatCaptionDate(values.date);
    return (values[name] ?? '').normalize('NFC');
  });
  return filled.trim();
}

/**
 * True when a photo still needs a caption: empty, or only a file name (`IMG_1234`,
 * `z4509060236637 cee53aff…`) that the portal would otherwise print under the photo.
 */
export function isCaptionMissing(caption: string): boolean {
  return caption.trim() === '' || isFileNameCaption(caption);
}
