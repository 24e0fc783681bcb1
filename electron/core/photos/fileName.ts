import { slugify } from '../../../shared/vietnamese';
import type { OutputFormat } from '../../../shared/photos/recipe';

/*
 * Output file names must survive every hop to the portal: Windows (reserved names, no `:`), FTP
 * servers that mangle UTF-8, and CMSs that lower-case. So names are folded to safe ASCII.
 */

/** Longest stem we produce; leaves room for "-NN.webp" and a folder under Windows' 260 limit. */
export const MAX_STEM_LENGTH = 120;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * Removes Vietnamese tones and maps đ/Đ, so "Đà Nẵng" becomes "Da Nang". NFD splits tone marks into
 * combining characters, which are then dropped; đ does not decompose, hence the explicit mapping.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * Turns any text into a lower-case ASCII file-name stem of [a-z0-9._-]: folded, runs of other
 * characters become one dash, no leading dot or dash, Windows device names avoided.
 */
export function sanitizeFileStem(text: string, maxLength = MAX_STEM_LENGTH): string {
  const folded = foldVietnamese(text)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-._]+|[-._]+$/g, '');
  const cut = folded.slice(0, maxLength).replace(/[-._]+$/g, '');
  if (cut === '') return '';
  const firstPart = cut.split('.')[0] ?? cut;
  return WINDOWS_RESERVED.test(firstPart) ? `${cut}-anh` : cut;
}

/** Values the pattern's variables take for one output of one photo. */
export interface FileNameValues {
  slug?: string | undefined;
  /** 'YYYY-MM-DD' (a longer ISO string is cut to its date). */
  date?: string | undefined;
  seq?: number | undefined;
  /** The original file's name, with or without extension. */
  original?: string | undefined;
  byline?: string | undefined;
  width?: number | undefined;
}

/** File extension per output format, lower-case as CMSs expect. */
export function extensionFor(format: OutputFormat): string {
  switch (format) {
    case 'jpeg':
      return '.jpg';
    case 'webp':
      return '.webp';
    case 'avif':
      return '.avif';
    default:
      return assertNever(format);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}

function stripExtension(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * Expands a pattern such as "{slug}-{seq}-{width}" into a safe stem. Each value is sanitised on its
 * own (so a byline cannot inject a path), then the whole; an empty result falls back to "anh".
 * {slug} and {byline} use the shared slugify (NukeViet's alias rules); {original} keeps the
 * underscores of camera and Zalo names.
 * {seq} is zero-padded to three digits so files sort in shooting order.
 */
export function renderFileStem(pattern: string, values: FileNameValues): string {
  const expanded = pattern.replace(/\{([a-z]+)\}/g, (_token, name: string) => {
    switch (name) {
      case 'slug':
        // The portal's own alias rules, so photo names match the article URL.
        return slugify(values.slug ?? '');
      case 'date':
        return /^\d{4}-\d{2}-\d{2}/.exec(values.date ?? '')?.[0] ?? '';
      case 'seq':
        return values.seq === undefined ? '' : String(Math.max(0, values.seq)).padStart(3, '0');
      case 'original':
        return sanitizeFileStem(stripExtension(values.original ?? ''));
      case 'byline':
        return slugify(values.byline ?? '');
      case 'width':
        return values.width === undefined ? '' : String(values.width);
      default:
        return '';
    }
  });
  return sanitizeFileStem(expanded) || 'anh';
}

/** Adds "-2", "-3"… before the extension; used by the 'rename' policy when a name is taken. */
export function numberedFileName(stem: string, extension: string, n: number): string {
  return n <= 1 ? `${stem}${extension}` : `${stem}-${n}${extension}`;
}
