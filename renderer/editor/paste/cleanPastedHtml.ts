import type { LegacyFont } from '../../../shared/vietnamese';
import { normalizePastedText } from '../../../shared/vietnamese';
import { OutputBuilder } from './builder';
import type { Marks, TextBlock } from './builder';
import { compactHtml } from './compactHtml';
import { assertPasteSize } from './errors';
import { convertByStatistics, convertRun, LegacyTally, normalizeBlocks } from './legacyText';
import type { LegacyMode, LegacyReport } from './legacyText';
import { serializeChildren } from './outputTree';
import type { OutElement } from './outputTree';
import { sanitizeArticleHtml } from './sanitize';
import { factsFromStyle, fontEncoding, mergeFacts, StyleSheetRules } from './styles';
import type { StyleFacts } from './styles';
import { imageSource, isScriptUrl, isTrackingPixel, safeHref } from './urls';
import { findListMarker, isOrderedMarker, wordListPosition } from './wordLists';
import { PASTE_WARNING_ORDER } from './warnings';
import type { PasteWarning } from './warnings';

/** Options for `cleanPastedHtml`. */
export interface CleanPasteOptions {
  /**
   * `auto` (default): convert runs in TCVN3/VNI fonts, and, when no font says anything, the
   * whole paste on a confident statistical verdict. `fonts`: fonts only. `off`: never (the
   * "undo conversion" path re-runs the clean with this).
   */
  legacy?: LegacyMode;
  /** Keep images (default true); false drops them all, e.g. for headline fields. */
  images?: boolean;
  /** Byte limit, default `MAX_PASTE_BYTES` (5 MB). */
  maxBytes?: number;
}

/** An image kept in the paste, for the media library to fetch or import. */
export interface PastedImage {
  src: string;
  alt: string;
}

/** The cleaned paste and what the UI should tell the reporter about it. */
export interface PasteResult {
  html: string;
  /** Legacy-encoded text that was converted; null when nothing was. */
  legacy: LegacyReport | null;
  images: PastedImage[];
  warnings: PasteWarning[];
}

interface Context extends Marks {
  fontName: string | undefined;
  font: LegacyFont | null;
  pre: boolean;
  keepListMarkers: boolean;
}

type Frame = { node: Node; ctx: Context } | { exit: () => void };

/** Dropped with everything inside. */
const DROP = new Set(
  (
    'script style iframe frame frameset object embed applet svg math noscript template head ' +
    'title meta link base input select textarea button option datalist video audio canvas map ' +
    'area source track param colgroup col dialog xml'
  ).split(' '),
);
const ACTIVE = new Set('script iframe frame frameset object embed applet svg'.split(' '));
const TEXT_BLOCKS: Record<string, string> = {
  p: 'p',
  h1: 'h2',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h4',
  h6: 'h4',
  figcaption: 'figcaption',
  pre: 'p',
  dt: 'p',
  dd: 'p',
  caption: 'p',
  summary: 'p',
  legend: 'p',
  address: 'p',
};
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th']);
const BOUNDARIES = new Set(
  'div section article main header footer nav aside center form fieldset details hgroup dl body html'.split(
    ' ',
  ),
);
const NO_FACTS: StyleFacts = {};

function cellAttrs(el: Element): Array<[string, string]> {
  const attrs: Array<[string, string]> = [];
  for (const name of ['colspan', 'rowspan']) {
    const n = Number.parseInt(el.getAttribute(name) ?? '', 10);
    if (Number.isInteger(n) && n > 1 && n <= 1000) attrs.push([name, String(n)]);
  }
  return attrs;
}

function isTrackedChange(el: Element, cls: string | null): boolean {
  return el.hasAttribute('datetime') || /\bmso(?:Del|Ins)\b/iu.test(cls ?? '');
}

/** One paste being cleaned: the walk's state and its findings. */
class PasteCleaner {
  readonly builder = new OutputBuilder();
  readonly tally = new LegacyTally();
  readonly fontNames = new Set<string>();
  readonly images: PastedImage[] = [];
  readonly warnings = new Set<PasteWarning>();
  private readonly stack: Frame[] = [];

  constructor(
    private readonly rules: StyleSheetRules,
    private readonly options: Required<Pick<CleanPasteOptions, 'legacy' | 'images'>>,
  ) {}

  /** Walks the source iteratively (an explicit stack: 5,000 nested divs cannot overflow). */
  walk(body: HTMLElement): void {
    const ctx: Context = {
      bold: false,
      italic: false,
      underline: false,
      strike: false,
      href: null,
      fontName: undefined,
      font: null,
      pre: false,
      keepListMarkers: false,
    };
    this.pushChildren(body, ctx);
    for (let frame = this.stack.pop(); frame !== undefined; frame = this.stack.pop()) {
      if ('exit' in frame) frame.exit();
      else if (frame.node.nodeType === Node.TEXT_NODE) this.visitText(frame.node, frame.ctx);
      else if (frame.node.nodeType === Node.ELEMENT_NODE) {
        this.visitElement(frame.node as Element, frame.ctx);
      }
    }
  }

  private pushChildren(el: Node, ctx: Context, exit?: () => void): void {
    if (exit !== undefined) this.stack.push({ exit });
    for (let child = el.lastChild; child !== null; child = child.previousSibling) {
      this.stack.push({ node: child, ctx });
    }
  }

  private visitText(node: Node, ctx: Context): void {
    const raw = node.nodeValue ?? '';
    if (raw === '') return;
    if (ctx.fontName !== undefined && raw.trim() !== '') this.fontNames.add(ctx.fontName);
    const parts = ctx.pre ? raw.split(/\r\n?|\n/u) : [raw];
    parts.forEach((part, i) => {
      if (i > 0) this.builder.addBreak(ctx);
      let value = part;
      if (ctx.font !== null && this.options.legacy !== 'off') {
        value = convertRun(part, ctx.font);
        this.tally.add(ctx.font.encoding, value !== part);
      }
      this.builder.addText({ kind: 'text', value, converted: value !== part }, ctx);
    });
  }

  private childContext(el: Element, tag: string, facts: StyleFacts, ctx: Context): Context {
    const next: Context = { ...ctx };
    if (tag === 'b' || tag === 'strong') next.bold = true;
    if (tag === 'i' || tag === 'em' || tag === 'cite') next.italic = true;
    if (tag === 'u' || (tag === 'ins' && !isTrackedChange(el, el.getAttribute('class')))) {
      next.underline = true;
    }
    if (tag === 's' || tag === 'strike' || tag === 'del') next.strike = true;
    if (facts.bold !== undefined && !HEADINGS.has(tag)) next.bold = facts.bold;
    if (facts.italic !== undefined) next.italic = facts.italic;
    if (facts.underline === true) next.underline = true;
    if (facts.strike === true) next.strike = true;
    if (tag === 'a') {
      const raw = el.getAttribute('href');
      if (isScriptUrl(raw)) this.warnings.add('active-content-removed');
      if (raw !== null) next.href = safeHref(raw);
    }
    const face = tag === 'font' ? el.getAttribute('face') : null;
    const fontName = facts.font ?? (face === null ? undefined : face.split(',')[0]?.trim());
    if (fontName !== undefined && fontName !== ctx.fontName) {
      next.fontName = fontName;
      next.font = fontEncoding(fontName);
    }
    return next;
  }

  private visitElement(el: Element, ctx: Context): void {
    const tag = el.localName;
    if (DROP.has(tag) || tag.startsWith('o:') || tag.startsWith('v:')) {
      if (ACTIVE.has(tag)) this.warnings.add('active-content-removed');
      return;
    }
    // Attribute reads are the walk's main cost under happy-dom; most Word elements have none.
    const hasAttributes = el.hasAttributes();
    if (hasAttributes && el.hasAttribute('hidden')) return;
    const cls = hasAttributes ? el.getAttribute('class') : null;
    const style = hasAttributes ? el.getAttribute('style') : null;
    let facts = this.rules.isEmpty ? NO_FACTS : this.rules.factsFor(tag, cls);
    if (style !== null && style !== '') facts = mergeFacts(facts, factsFromStyle(style));
    if (facts.hidden === true) return;
    if (/^\s*ignore\s*$/iu.test(facts.msoList ?? '') && !ctx.keepListMarkers) return;
    if (facts.msoElement === 'comment-list' || /\bMsoCommentReference\b/iu.test(cls ?? '')) return;
    if (tag === 'del' && isTrackedChange(el, cls)) return;
    const child = this.childContext(el, tag, facts, ctx);
    const textTag = TEXT_BLOCKS[tag];
    if (textTag !== undefined) {
      this.openTextBlock(el, tag, textTag, facts, child);
      return;
    }
    const { builder } = this;
    let container: OutElement | null | undefined;
    switch (tag) {
      case 'ul':
      case 'menu':
      case 'dir':
        container = builder.openList('ul');
        break;
      case 'ol':
        container = builder.openList('ol');
        break;
      case 'li':
        container = builder.openListItem();
        break;
      case 'blockquote':
      case 'figure':
        container = builder.openContainer(tag);
        break;
      case 'table':
        container = builder.openTable();
        break;
      case 'thead':
        container = builder.openTableSection('thead');
        break;
      case 'tbody':
      case 'tfoot':
        container = builder.openTableSection('tbody');
        break;
      case 'tr':
        container = builder.openRow();
        break;
      case 'td':
      case 'th':
        container = builder.openCell(tag, cellAttrs(el));
        break;
      case 'hr':
        builder.addRule();
        return;
      case 'br':
        builder.addBreak(child);
        return;
      case 'img':
        this.visitImage(el, facts, child);
        return;
      default:
        container = undefined;
    }
    if (container !== undefined && container !== null) {
      const opened = container;
      this.pushChildren(el, child, () => builder.closeContainer(opened));
    } else if (container === null || BOUNDARIES.has(tag)) {
      builder.closeText();
      this.pushChildren(el, child, () => builder.closeText());
    } else {
      this.pushChildren(el, child);
    }
  }

  private openTextBlock(
    el: Element,
    tag: string,
    textTag: string,
    facts: StyleFacts,
    child: Context,
  ): void {
    const position = tag === 'p' ? wordListPosition(facts.msoList) : null;
    let block: TextBlock;
    if (position !== null) {
      const ordered = isOrderedMarker(findListMarker(el));
      const item = this.builder.placeWordListItem(position.level, ordered, position.key);
      block = this.builder.openTextBlock('p', item);
    } else {
      block = this.builder.openTextBlock(textTag);
      // Numbered Word headings ("1. Giới thiệu") keep their number as text.
      if (facts.msoList !== undefined) child.keepListMarkers = true;
    }
    if (tag === 'pre') child.pre = true;
    this.pushChildren(el, child, () => this.builder.endTextBlock(block));
  }

  private visitImage(el: Element, facts: StyleFacts, ctx: Context): void {
    if (!this.options.images) return;
    const source = imageSource(el.getAttribute('src'));
    if (!source.ok) {
      if (source.reason === 'local') this.warnings.add('local-images-dropped');
      if (source.reason === 'unsafe') this.warnings.add('active-content-removed');
      return;
    }
    if (isTrackingPixel(el.getAttribute('width'), el.getAttribute('height'), facts)) {
      this.warnings.add('tracking-pixels-removed');
      return;
    }
    const alt = normalizePastedText(el.getAttribute('alt') ?? '', { removeSoftHyphen: true });
    this.builder.addImage(
      [
        ['src', source.src],
        ['alt', alt],
      ],
      ctx,
    );
    this.images.push({ src: source.src, alt });
  }
}

/**
 * Cleans clipboard HTML from Word, Google Docs or a web page into article HTML: allow-listed
 * elements only, marks from tags and inline styles, Word lists rebuilt as nested ul/ol, legacy
 * TCVN3/VNI text converted, NFC and normalised spaces, then DOMPurify. Throws
 * `PasteTooLargeError` over the size limit. Runs in the renderer (needs DOMParser).
 */
export function cleanPastedHtml(html: string, options: CleanPasteOptions = {}): PasteResult {
  assertPasteSize(html, options.maxBytes);
  const legacyMode = options.legacy ?? 'auto';
  const compacted = compactHtml(html);
  const doc = new DOMParser().parseFromString(compacted.html, 'text/html');
  const rules = new StyleSheetRules();
  for (const el of Array.from(doc.head.children)) {
    if (el.tagName.toLowerCase() === 'style') rules.addSheet(el.textContent);
  }
  const cleaner = new PasteCleaner(rules, { legacy: legacyMode, images: options.images ?? true });
  if (compacted.sawActive) cleaner.warnings.add('active-content-removed');
  cleaner.walk(doc.body);

  let legacy = cleaner.tally.report();
  let uncertain = false;
  if (!cleaner.tally.seen && legacyMode === 'auto') {
    const outcome = convertByStatistics(cleaner.builder.texts, [...cleaner.fontNames]);
    legacy = outcome.report;
    uncertain = outcome.uncertain;
    if (outcome.warn) cleaner.warnings.add('legacy-uncertain');
  }
  normalizeBlocks(cleaner.builder.blocks, legacyMode !== 'off' && !uncertain);
  return {
    html: sanitizeArticleHtml(serializeChildren(cleaner.builder.root)),
    legacy,
    images: cleaner.images,
    warnings: PASTE_WARNING_ORDER.filter((w) => cleaner.warnings.has(w)),
  };
}
