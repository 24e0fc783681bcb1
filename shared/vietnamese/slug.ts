/**
 * Article aliases. NukeViet builds its alias with `change_alias()` and WordPress accepts any
 * lower-case ASCII slug, so producing NukeViet's exact alias lets one slug serve both portals and
 * lets the app predict the URL NukeViet will publish.
 */

/** The longest slug WordPress stores (`post_name` is varchar(200)); NukeViet allows 250. */
export const WORDPRESS_SLUG_MAX_LENGTH = 200;

/** The five tone marks `change_alias` strips before romanising (composed-tone input). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * Letters whose romanisation is not "drop the diacritics", as NukeViet's romanize table has them
 * (German umlauts spelt out, ligatures expanded, '@' read as 'a'). One deliberate difference:
 * NukeViet spells ð/Ð as dh, but in Vietnamese copy Ð (U+00D0) is a mis-encoded Đ, so it is d.
 */
const SPECIAL_ROMANIZATION: Readonly<Record<string, string>> = {
  đ: 'd',
  Đ: 'D',
  ä: 'ae',
  Ä: 'Ae',
  ö: 'oe',
  Ö: 'Oe',
  ü: 'ue',
  Ü: 'Ue',
  ß: 'ss',
  æ: 'ae',
  Æ: 'Ae',
  þ: 'th',
  Þ: 'Th',
  ð: 'd',
  Ð: 'D',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ƒ: 'f',
  Ƒ: 'F',
  µ: 'u',
  '@': 'a',
};

const ASCII_LETTER = /^[A-Za-z]$/u;

/**
 * The HTML entities `change_alias` turns into separators, exactly (case-sensitive; others, such
 * as `&nbsp;` or `&#39;`, keep their letters and digits: `A&nbsp;B` → `a-nbsp-b`). NukeViet's
 * request filter encodes `&`, quotes, `<`, `>` and some punctuation this way before the alias is
 * made, so a title holding `Tôm &amp; cua` gives `tom-cua`.
 */
const ALIAS_ENTITIES =
  /&amp;|&#039;|&quot;|&lt;|&gt;|&#x005C;|&#x002F;|&#40;|&#41;|&#42;|&#91;|&#93;|&#33;|&#x3D;|&#x23;|&#x25;|&#x5E;|&#x3A;|&#x7B;|&#x7D;|&#x60;|&#x7E;/gu;

/**
 * ASCII spelling of one character: Vietnamese letters (all 134) and other accented Latin letters
 * lose their marks; anything that does not reduce to an ASCII letter is returned unchanged and
 * later becomes a separator.
 */
function romanize(ch: string): string {
  const special = SPECIAL_ROMANIZATION[ch];
  if (special !== undefined) return special;
  if (ch.charCodeAt(0) < 0x80) return ch;
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
  return ASCII_LETTER.test(base) ? base : ch;
}

/**
 * The longest article slug Newsdesk stores: WordPress's 200 (NukeViet's `alias` is varchar(250)),
 * so one slug fits both portals. See docs/article-limits.md.
 */
export const ARTICLE_SLUG_MAX_LENGTH = WORDPRESS_SLUG_MAX_LENGTH;

/** Options for `slugify`. */
export interface SlugifyOptions {
  /** Returned when nothing usable is left (an emoji-only title); NukeViet itself falls back to 'post'. Default ''. */
  fallback?: string;
  /**
   * Cut to at most this many characters at a hyphen (e.g. `WORDPRESS_SLUG_MAX_LENGTH`).
   * Default: no cut, like NukeViet's news module.
   */
  maxLength?: number;
}

/**
 * Builds the alias NukeViet's `change_alias()` + `strtolower` would build for a title
 * ("Bí thư Tỉnh ủy…" → `bi-thu-tinh-uy-…`): NFC first (so NFD titles give the same alias, which
 * NukeViet itself does not manage), tone marks stripped, letters romanised with đ → d, the HTML
 * entities NukeViet treats as punctuation (`&amp;`, `&quot;`, `&lt;`…) removed, every run of other
 * characters turned into one hyphen, hyphens trimmed, lower case. Verified against NukeViet 4.5's
 * own function (docs/nukeviet-slugs.md).
 */
export function slugify(title: string, options: SlugifyOptions = {}): string {
  const romanized = Array.from(title.normalize('NFC').replace(TONE_MARKS, ''), romanize).join('');
  let slug = romanized
    .replace(ALIAS_ENTITIES, ' ')
    .replace(/[^A-Za-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .toLowerCase();
  const { maxLength } = options;
  if (maxLength !== undefined && slug.length > maxLength) {
    const cut = slug.slice(0, maxLength + 1);
    const lastHyphen = cut.lastIndexOf('-');
    slug = lastHyphen > 0 ? cut.slice(0, lastHyphen) : slug.slice(0, maxLength);
  }
  return slug === '' ? (options.fallback ?? '') : slug;
}

/**
 * The slug an article stores for a title or a hand-typed slug: `slugify` cut between words to
 * `ARTICLE_SLUG_MAX_LENGTH`, so whatever is stored passes the save schema again.
 */
export function articleSlug(text: string): string {
  return slugify(text, { maxLength: ARTICLE_SLUG_MAX_LENGTH });
}

/**
 * True for a slug both portals take as is: lower-case ASCII letters and digits in groups joined
 * by single hyphens, no leading or trailing hyphen, at most `maxLength` characters (WordPress's
 * 200 by default). Use it to check a slug an editor typed by hand.
 */
export function isValidSlug(slug: string, maxLength = WORDPRESS_SLUG_MAX_LENGTH): boolean {
  return slug.length > 0 && slug.length <= maxLength && /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(slug);
}
