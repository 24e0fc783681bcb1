import { lastChildOf, outElement } from './outputTree';
import type { OutElement, OutText } from './outputTree';

/** The inline formatting in effect for a run of text, inherited from its ancestors. */
export interface Marks {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  /** A validated http(s)/mailto URL, or null outside links. */
  href: string | null;
}

/** A paragraph-like block and the runs written into it, in order, for whitespace clean-up. */
export interface TextBlock {
  el: OutElement;
  /** Mark wrappers along the last child path, outermost first, so adjacent runs share them. */
  chain: Array<{ key: string; el: OutElement }>;
  runs: Array<OutText | 'br'>;
}

interface OpenList {
  level: number;
  ordered: boolean;
  el: OutElement;
}

/** Containers more deeply nested than this are flattened: bounded output depth, bounded stack. */
export const MAX_CONTAINER_DEPTH = 24;

const LISTS = new Set(['ul', 'ol']);
const LIST_ITEMS = new Set(['li']);
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tr']);
const SECTIONS = new Set(['thead', 'tbody']);

function markSteps(
  marks: Marks,
): Array<{ key: string; tag: string; attrs: Array<[string, string]> }> {
  const steps: Array<{ key: string; tag: string; attrs: Array<[string, string]> }> = [];
  if (marks.href !== null) {
    steps.push({
      key: `a ${marks.href}`,
      tag: 'a',
      attrs: [
        ['href', marks.href],
        ['rel', 'noopener noreferrer'],
      ],
    });
  }
  if (marks.bold) steps.push({ key: 'strong', tag: 'strong', attrs: [] });
  if (marks.italic) steps.push({ key: 'em', tag: 'em', attrs: [] });
  // Links are shown underlined anyway; Word's MsoHyperlink style would add a mark to every one.
  if (marks.underline && marks.href === null) steps.push({ key: 'u', tag: 'u', attrs: [] });
  if (marks.strike) steps.push({ key: 's', tag: 's', attrs: [] });
  return steps;
}

/**
 * Builds the cleaned document while the source is walked: containers (lists, quotes, tables,
 * figures) on a stack, one open text block at a time, implicit paragraphs for loose text, and
 * Word's flat `mso-list` paragraphs regrouped into nested lists.
 */
export class OutputBuilder {
  readonly root = outElement('body', null);
  readonly blocks: TextBlock[] = [];
  readonly texts: OutText[] = [];
  private readonly stack: OutElement[] = [this.root];
  private open: TextBlock | null = null;
  private readonly wordLists = new Map<OutElement, { key: string; stack: OpenList[] }>();

  private get top(): OutElement {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  /** Ends the current text block: what follows starts a new one. */
  closeText(): void {
    this.open = null;
  }

  /** Where a block goes: the current flow container, an item of the current list, or (inside a
   * table but outside a cell) the container around the table. */
  private flowTarget(): OutElement {
    const top = this.top;
    if (LISTS.has(top.tag)) return lastChildOf(top, LIST_ITEMS) ?? outElement('li', top);
    let target: OutElement | null = top;
    while (target !== null && TABLE_PARTS.has(target.tag)) target = target.parent;
    return target ?? this.root;
  }

  private placeBlock(tag: string, attrs: Array<[string, string]> = []): OutElement {
    this.closeText();
    const parent = this.flowTarget();
    this.wordLists.delete(parent);
    return outElement(tag, parent, attrs);
  }

  /** Opens a paragraph, heading or caption; `parent` places it in a Word list item. */
  openTextBlock(tag: string, parent?: OutElement): TextBlock {
    const el = parent === undefined ? this.placeBlock(tag) : outElement(tag, parent);
    this.closeText();
    const block: TextBlock = { el, chain: [], runs: [] };
    this.open = block;
    this.blocks.push(block);
    return block;
  }

  /** Called when the source element of `block` ends. */
  endTextBlock(block: TextBlock): void {
    if (this.open === block) this.open = null;
  }

  private push(el: OutElement): OutElement {
    this.stack.push(el);
    return el;
  }

  private get tooDeep(): boolean {
    return this.stack.length >= MAX_CONTAINER_DEPTH;
  }

  /** Opens a blockquote or figure; null when nesting is too deep (the element is flattened). */
  openContainer(tag: 'blockquote' | 'figure'): OutElement | null {
    return this.tooDeep ? null : this.push(this.placeBlock(tag));
  }

  /** Opens ul/ol; a list directly inside a list goes into its last item, as editors expect. */
  openList(tag: 'ul' | 'ol'): OutElement | null {
    return this.tooDeep ? null : this.push(this.placeBlock(tag));
  }

  /** Opens li; a stray item outside any list gets a ul of its own. */
  openListItem(): OutElement | null {
    if (this.tooDeep) return null;
    this.closeText();
    const top = this.top;
    if (LISTS.has(top.tag)) return this.push(outElement('li', top));
    const parent = this.flowTarget();
    const list = lastChildOf(parent, LISTS) ?? this.placeBlock('ul');
    return this.push(outElement('li', list));
  }

  /** Opens table; its parts only where a table expects them, otherwise they are flattened. */
  openTable(): OutElement | null {
    return this.tooDeep ? null : this.push(this.placeBlock('table'));
  }

  /** Opens thead/tbody (tfoot arrives as tbody) directly inside a table. */
  openTableSection(tag: 'thead' | 'tbody'): OutElement | null {
    this.closeText();
    return this.top.tag === 'table' ? this.push(outElement(tag, this.top)) : null;
  }

  /** Opens tr inside a section (or a table, which then gets a tbody). */
  openRow(): OutElement | null {
    this.closeText();
    const top = this.top;
    if (SECTIONS.has(top.tag)) return this.push(outElement('tr', top));
    if (top.tag !== 'table') return null;
    const body = lastChildOf(top, SECTIONS) ?? outElement('tbody', top);
    return this.push(outElement('tr', body));
  }

  /** Opens td/th inside a row, keeping colspan/rowspan. */
  openCell(tag: 'td' | 'th', attrs: Array<[string, string]>): OutElement | null {
    this.closeText();
    return this.top.tag === 'tr' ? this.push(outElement(tag, this.top, attrs)) : null;
  }

  /** Closes a container opened by one of the `open…` methods, and anything left open inside. */
  closeContainer(el: OutElement): void {
    this.closeText();
    const at = this.stack.lastIndexOf(el);
    if (at > 0) this.stack.length = at;
  }

  /** Adds a horizontal rule as a block of its own. */
  addRule(): void {
    this.placeBlock('hr');
  }

  private textTarget(): TextBlock {
    return this.open ?? this.openTextBlock('p');
  }

  private attach(block: TextBlock, marks: Marks): OutElement {
    const steps = markSteps(marks);
    let shared = 0;
    while (shared < steps.length && block.chain[shared]?.key === steps[shared]?.key) shared += 1;
    block.chain.length = shared;
    let parent = block.chain[shared - 1]?.el ?? block.el;
    for (const step of steps.slice(shared)) {
      parent = outElement(step.tag, parent, step.attrs);
      block.chain.push({ key: step.key, el: parent });
    }
    return parent;
  }

  /** Appends text; loose whitespace between blocks never opens a paragraph. */
  addText(text: OutText, marks: Marks): void {
    if (this.open === null && text.value.trim() === '') return;
    const block = this.textTarget();
    this.attach(block, marks).children.push(text);
    block.runs.push(text);
    this.texts.push(text);
  }

  /** Appends a line break inside the current text block (never opens one). */
  addBreak(marks: Marks): void {
    if (this.open === null) return;
    outElement('br', this.attach(this.open, marks));
    this.open.runs.push('br');
  }

  /** Appends an image: straight into a figure, otherwise inline in the current paragraph. */
  addImage(attrs: Array<[string, string]>, marks: Marks): void {
    if (this.open === null && this.top.tag === 'figure') {
      outElement('img', this.top, attrs);
      return;
    }
    outElement('img', this.attach(this.textTarget(), marks), attrs);
  }

  /**
   * Places one Word list paragraph (`mso-list:l0 level2 lfo1`) and returns the li to put its
   * paragraph in. Consecutive list paragraphs of the same list (`lfo`) nest by level; a paragraph
   * of another kind in between ends the list.
   */
  placeWordListItem(level: number, ordered: boolean, key: string): OutElement {
    this.closeText();
    const parent = this.flowTarget();
    let state = this.wordLists.get(parent);
    if (state === undefined || state.key !== key) {
      state = { key, stack: [] };
      this.wordLists.set(parent, state);
    }
    const lists = state.stack;
    while ((lists[lists.length - 1]?.level ?? 0) > level) lists.pop();
    let top = lists[lists.length - 1];
    if (top !== undefined && top.level === level && top.ordered !== ordered) {
      lists.pop();
      top = lists[lists.length - 1];
    }
    if (top === undefined || top.level < level) {
      const host =
        top === undefined ? parent : (lastChildOf(top.el, LIST_ITEMS) ?? outElement('li', top.el));
      top = { level, ordered, el: outElement(ordered ? 'ol' : 'ul', host) };
      lists.push(top);
    }
    return outElement('li', top.el);
  }
}
