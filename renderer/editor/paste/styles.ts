import { legacyFontEncoding } from '../../../shared/vietnamese';
import type { LegacyFont } from '../../../shared/vietnamese';

/**
 * The few CSS facts the paste pipeline cares about, read from inline `style` attributes and from
 * the `<style>` sheet Word puts on the clipboard (`p.MsoNormal {font-family:".VnTime"}`): fonts
 * decide legacy-encoding conversion, weights and decorations become marks, `mso-list` makes lists.
 */
export interface StyleFacts {
  /** First family of `font-family`, unquoted, when the style names one. */
  font?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  /** `display:none`, `visibility:hidden` or Word's `mso-hide:all`: the text is not pasted. */
  hidden?: boolean;
  /** Word's `mso-list` value (`l0 level1 lfo1`, or `Ignore` on list-marker spans). */
  msoList?: string;
  /** Word's `mso-element` value (`comment-list` marks reviewer comments). */
  msoElement?: string;
  width?: number;
  height?: number;
}

/** Splits `a:b;c:d` into lower-case property → trimmed value. */
export function parseDeclarations(style: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    out.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim());
  }
  return out;
}

function firstFamily(value: string): string | undefined {
  const first = value.split(',')[0];
  const name = first?.replace(/["'\\]/gu, '').trim();
  return name === undefined || name === '' ? undefined : name;
}

function weightIsBold(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (v === 'bold' || v === 'bolder') return true;
  if (v === 'normal' || v === 'lighter') return false;
  const n = Number.parseInt(v, 10);
  return Number.isNaN(n) ? undefined : n >= 600;
}

function pixels(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(px)?$/iu.exec(value.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Reads the facts out of one declaration block. */
export function factsFromStyle(style: string): StyleFacts {
  const d = parseDeclarations(style);
  const facts: StyleFacts = {};
  const family = d.get('font-family') ?? d.get('mso-ascii-font-family');
  if (family !== undefined) facts.font = firstFamily(family);
  const weight = d.get('font-weight');
  if (weight !== undefined) facts.bold = weightIsBold(weight);
  const fontStyle = d.get('font-style')?.toLowerCase();
  if (fontStyle !== undefined) facts.italic = fontStyle === 'italic' || fontStyle === 'oblique';
  const decoration = (d.get('text-decoration-line') ?? d.get('text-decoration'))?.toLowerCase();
  // Decorations propagate in CSS: `text-decoration:none` on a child cannot remove an ancestor's
  // underline (Google Docs writes it on every plain span), so only additions count.
  if (decoration?.includes('underline') === true) facts.underline = true;
  if (decoration?.includes('line-through') === true) facts.strike = true;
  const display = d.get('display')?.toLowerCase();
  const visibility = d.get('visibility')?.toLowerCase();
  const msoHide = d.get('mso-hide')?.toLowerCase();
  if (display === 'none' || visibility === 'hidden' || msoHide === 'all') facts.hidden = true;
  const msoList = d.get('mso-list');
  if (msoList !== undefined) facts.msoList = msoList;
  const msoElement = d.get('mso-element');
  if (msoElement !== undefined) facts.msoElement = msoElement.toLowerCase();
  const width = pixels(d.get('width'));
  if (width !== undefined) facts.width = width;
  const height = pixels(d.get('height'));
  if (height !== undefined) facts.height = height;
  return facts;
}

/** Later facts win, property by property (the cascade, minus specificity subtleties). */
export function mergeFacts(base: StyleFacts, over: StyleFacts): StyleFacts {
  const out: StyleFacts = { ...base };
  for (const [key, value] of Object.entries(over) as Array<[keyof StyleFacts, unknown]>) {
    if (value !== undefined) Object.assign(out, { [key]: value });
  }
  return out;
}

/** Simple-selector rules of the clipboard's style sheets: `tag`, `.class` and `tag.class`. */
export class StyleSheetRules {
  private readonly byTag = new Map<string, StyleFacts>();
  private readonly byClass = new Map<string, StyleFacts>();
  private readonly byTagClass = new Map<string, StyleFacts>();

  /** Adds the rules of one `<style>` element's text; @-rules and complex selectors are skipped. */
  addSheet(css: string): void {
    const text = css.replace(/\/\*[\s\S]*?\*\//gu, '').replace(/<!--|-->/gu, '');
    for (const match of text.matchAll(/([^{}]*)\{([^{}]*)\}/gu)) {
      const selectors = match[1]?.trim() ?? '';
      if (selectors === '' || selectors.startsWith('@')) continue;
      const facts = factsFromStyle(match[2] ?? '');
      if (Object.keys(facts).length === 0) continue;
      for (const raw of selectors.split(',')) {
        const simple = /^([a-z][a-z0-9]*)?(?:\.([\w-]+))?$/iu.exec(raw.trim());
        if (simple === null) continue;
        const tag = simple[1]?.toLowerCase();
        const cls = simple[2]?.toLowerCase();
        const [map, key] =
          tag !== undefined && cls !== undefined
            ? [this.byTagClass, `${tag}.${cls}`]
            : tag !== undefined
              ? [this.byTag, tag]
              : [this.byClass, cls];
        if (key === undefined) continue;
        map.set(key, mergeFacts(map.get(key) ?? {}, facts));
      }
    }
  }

  /** True when no sheet contributed a rule: the common case outside Word, skipped fast. */
  get isEmpty(): boolean {
    return this.byTag.size + this.byClass.size + this.byTagClass.size === 0;
  }

  /** Facts the sheets give an element with this tag and class attribute. */
  factsFor(tag: string, classAttr: string | null): StyleFacts {
    let facts = this.byTag.get(tag) ?? {};
    if (classAttr === null || classAttr === '') return facts;
    for (const cls of classAttr.toLowerCase().split(/\s+/u)) {
      const byClass = this.byClass.get(cls);
      if (byClass !== undefined) facts = mergeFacts(facts, byClass);
      const byTagClass = this.byTagClass.get(`${tag}.${cls}`);
      if (byTagClass !== undefined) facts = mergeFacts(facts, byTagClass);
    }
    return facts;
  }
}

/** The legacy encoding a font name implies, or null for Unicode fonts. */
export function fontEncoding(font: string | undefined): LegacyFont | null {
  return font === undefined ? null : legacyFontEncoding(font);
}
