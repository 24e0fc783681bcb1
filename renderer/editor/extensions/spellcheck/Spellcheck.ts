import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';

import type { SpellIssue, Spellchecker } from '../../../../shared/vietnamese/spellcheck';

/**
 * Spellcheck as decorations only: the document is never touched, so UniKey/EVKey's
 * backspace-and-retype and IME composition are left alone (vietnamese-text.md §1). Typing only
 * maps decorations and marks the changed blocks dirty; dirty blocks are checked after a pause.
 */

/** Options of the `Spellcheck` extension. */
export interface SpellcheckOptions {
  /** The checker, or null while the dictionary is not ready (the plugin then retries). */
  getChecker: () => Spellchecker | null;
  enabled: boolean;
  /** Persists a word added from the menu to the newsroom dictionary (the checker is updated here). */
  onAddWord: ((word: string) => void) | null;
  /** Pause after the last keystroke before dirty blocks are checked. */
  debounceMs: number;
}

/** Words ignored with «Bỏ qua» for this editing session (lower case, NFC). */
export interface SpellcheckStorage {
  ignored: Set<string>;
}

interface Range {
  from: number;
  to: number;
}

interface SpellState {
  enabled: boolean;
  decorations: DecorationSet;
  /** Document ranges whose text blocks must be rechecked. */
  dirty: Range[];
  /** A flagged word left undecorated because the caret was in it; checked once the caret leaves. */
  deferred: Range | null;
}

type SpellMeta =
  | { type: 'checked'; blocks: Range[]; add: Decoration[]; dirty: Range[]; deferred: Range | null }
  | { type: 'recheckAll' }
  | { type: 'setEnabled'; enabled: boolean };

interface IssueSpec {
  spellIssue: SpellIssue;
}

/** Key of the spellcheck plugin, for reading its state in tests and the context menu. */
export const spellcheckPluginKey = new PluginKey<SpellState>('spellcheck');

const CLASS_BY_KIND: Record<SpellIssue['kind'], string> = {
  misspelt: 'spell-error',
  realword: 'spell-realword',
};
/** How long one pass may run before yielding to the next frame. */
const SLICE_MS = 12;

const wholeDoc = (doc: PmNode): Range[] => [{ from: 0, to: doc.content.size }];
const issueKey = (word: string): string => word.normalize('NFC').toLowerCase();

function isIssueSpec(spec: unknown): spec is IssueSpec {
  return typeof spec === 'object' && spec !== null && 'spellIssue' in spec;
}

/** Where the transaction changed the new document. */
function changedRanges(tr: Transaction): Range[] {
  const ranges: Range[] = [];
  tr.mapping.maps.forEach((map, i) => {
    const after = tr.mapping.slice(i + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      ranges.push({ from: after.map(newStart, -1), to: after.map(newEnd, 1) });
    });
  });
  return ranges;
}

/** The text blocks touching the ranges (a range on a block edge counts for both sides). */
function blocksIn(doc: PmNode, ranges: readonly Range[]): { pos: number; node: PmNode }[] {
  const size = doc.content.size;
  const seen = new Set<number>();
  const blocks: { pos: number; node: PmNode }[] = [];
  for (const range of ranges) {
    const from = Math.max(0, Math.min(size, range.from - 1));
    const to = Math.max(from, Math.min(size, range.to + 1));
    doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isTextblock) return true;
      if (!seen.has(pos)) {
        seen.add(pos);
        blocks.push({ pos, node });
      }
      return false;
    });
  }
  return blocks.sort((a, b) => a.pos - b.pos);
}

/** A block's text where offset i is document position `blockPos + 1 + i` (leaves count as '\n'). */
function blockText(node: PmNode): string {
  let text = '';
  node.forEach((child) => {
    text += child.isText ? (child.text ?? '') : '\n'.repeat(child.nodeSize);
  });
  return text;
}

function initialState(enabled: boolean, doc: PmNode): SpellState {
  return { enabled, decorations: DecorationSet.empty, dirty: wholeDoc(doc), deferred: null };
}

function applyMeta(meta: SpellMeta, state: SpellState, tr: Transaction): SpellState {
  switch (meta.type) {
    case 'checked': {
      let decorations = state.decorations;
      for (const block of meta.blocks)
        decorations = decorations.remove(decorations.find(block.from, block.to));
      return {
        ...state,
        decorations: decorations.add(tr.doc, meta.add),
        dirty: meta.dirty,
        deferred: meta.deferred ?? state.deferred,
      };
    }
    case 'recheckAll':
      return { ...state, dirty: wholeDoc(tr.doc), deferred: null };
    case 'setEnabled':
      return meta.enabled === state.enabled ? state : initialState(meta.enabled, tr.doc);
    default:
      return meta satisfies never;
  }
}

function applyTransaction(tr: Transaction, state: SpellState): SpellState {
  let next = state;
  if (tr.docChanged) {
    const mapRange = (r: Range): Range => ({
      from: tr.mapping.map(r.from, -1),
      to: tr.mapping.map(r.to, 1),
    });
    next = {
      ...state,
      decorations: state.decorations.map(tr.mapping, tr.doc),
      dirty: [...state.dirty.map(mapRange), ...changedRanges(tr)],
      deferred: state.deferred === null ? null : mapRange(state.deferred),
    };
  }
  const meta = tr.getMeta(spellcheckPluginKey) as SpellMeta | undefined;
  if (meta !== undefined) next = applyMeta(meta, next, tr);
  const deferred = next.deferred;
  if (deferred !== null && tr.selectionSet) {
    const head = tr.selection.head;
    if (head < deferred.from || head > deferred.to)
      next = { ...next, dirty: [...next.dirty, deferred], deferred: null };
  }
  return next;
}

/** Checks dirty blocks for up to one time slice and returns the meta to dispatch. */
function checkDirty(
  view: EditorView,
  state: SpellState,
  checker: Spellchecker,
  ignored: ReadonlySet<string>,
): SpellMeta {
  const blocks = blocksIn(view.state.doc, state.dirty);
  const caret = view.hasFocus() ? view.state.selection.head : -1;
  const started = performance.now();
  const done: Range[] = [];
  const add: Decoration[] = [];
  let deferred: Range | null = null;
  let index = 0;
  for (; index < blocks.length && performance.now() - started < SLICE_MS; index += 1) {
    const block = blocks[index];
    if (block === undefined) break;
    const start = block.pos + 1;
    done.push({ from: block.pos, to: block.pos + block.node.nodeSize });
    for (const issue of checker.findIssues(blockText(block.node))) {
      if (ignored.has(issueKey(issue.word))) continue;
      const from = start + issue.from;
      const to = start + issue.to;
      if (from <= caret && caret <= to) {
        deferred = { from, to };
        continue;
      }
      const spec: IssueSpec = { spellIssue: issue };
      add.push(Decoration.inline(from, to, { class: CLASS_BY_KIND[issue.kind] }, spec));
    }
  }
  const dirty = blocks.slice(index).map((b) => ({ from: b.pos, to: b.pos + b.node.nodeSize }));
  return { type: 'checked', blocks: done, add, dirty, deferred };
}

/**
 * The issue under a document position (a misspelling wins over a phrase warning), with `from`
 * and `to` as current document positions: what the context menu shows and replaces.
 */
export function spellIssueAt(state: EditorState, pos: number): SpellIssue | null {
  const plugin = spellcheckPluginKey.getState(state);
  if (plugin === undefined) return null;
  const found = plugin.decorations
    .find(pos, pos)
    .map((d) => ({ from: d.from, to: d.to, spec: d.spec as unknown }))
    .filter((d) => d.from <= pos && pos <= d.to);
  found.sort((a, b) => {
    const kindA = isIssueSpec(a.spec) && a.spec.spellIssue.kind === 'misspelt' ? 0 : 1;
    const kindB = isIssueSpec(b.spec) && b.spec.spellIssue.kind === 'misspelt' ? 0 : 1;
    return kindA - kindB;
  });
  for (const d of found) {
    if (!isIssueSpec(d.spec)) continue;
    const word = state.doc.textBetween(d.from, d.to);
    return { ...d.spec.spellIssue, from: d.from, to: d.to, word };
  }
  return null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    spellcheck: {
      /** Adds a word to the checker and the newsroom dictionary, then rechecks the article. */
      addToDictionary: (word: string) => ReturnType;
      /** Stops flagging a word until the editor is recreated («Bỏ qua»). */
      ignoreSpelling: (word: string) => ReturnType;
      /** Rechecks every block, e.g. once the dictionary has loaded. */
      recheckSpelling: () => ReturnType;
      setSpellcheckEnabled: (enabled: boolean) => ReturnType;
    };
  }
}

/**
 * Offline Vietnamese spellcheck for the article editor: wavy underlines on unknown words and
 * known wrong phrases, checked in the background after typing pauses.
 */
export const Spellcheck = Extension.create<SpellcheckOptions, SpellcheckStorage>({
  name: 'spellcheck',

  addOptions() {
    return { getChecker: () => null, enabled: true, onAddWord: null, debounceMs: 300 };
  },

  addStorage() {
    return { ignored: new Set<string>() };
  },

  addCommands() {
    const recheck = (tr: Transaction): void => {
      tr.setMeta(spellcheckPluginKey, { type: 'recheckAll' } satisfies SpellMeta);
      tr.setMeta('addToHistory', false);
    };
    return {
      addToDictionary:
        (word) =>
        ({ tr, dispatch }) => {
          if (dispatch === undefined) return true;
          this.options.getChecker()?.addWord(word);
          this.options.onAddWord?.(word);
          recheck(tr);
          return true;
        },
      ignoreSpelling:
        (word) =>
        ({ tr, dispatch }) => {
          if (dispatch === undefined) return true;
          this.storage.ignored.add(issueKey(word));
          recheck(tr);
          return true;
        },
      recheckSpelling:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch !== undefined) recheck(tr);
          return true;
        },
      setSpellcheckEnabled:
        (enabled) =>
        ({ tr, dispatch }) => {
          if (dispatch === undefined) return true;
          tr.setMeta(spellcheckPluginKey, { type: 'setEnabled', enabled } satisfies SpellMeta);
          tr.setMeta('addToHistory', false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const { options, storage } = this;
    return [
      new Plugin<SpellState>({
        key: spellcheckPluginKey,
        state: {
          init: (_config, state) => initialState(options.enabled, state.doc),
          apply: (tr, value) => applyTransaction(tr, value),
        },
        props: {
          decorations(state) {
            const value = spellcheckPluginKey.getState(state);
            return value?.enabled === true ? value.decorations : DecorationSet.empty;
          },
        },
        view(editorView) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const schedule = (delay: number): void => {
            if (timer !== undefined) clearTimeout(timer);
            timer = setTimeout(run, delay);
          };
          function run(): void {
            timer = undefined;
            const value = spellcheckPluginKey.getState(editorView.state);
            if (editorView.isDestroyed || value === undefined) return;
            if (!value.enabled || value.dirty.length === 0) return;
            if (editorView.composing) return schedule(options.debounceMs);
            const checker = options.getChecker();
            if (checker === null) return schedule(1000);
            const meta = checkDirty(editorView, value, checker, storage.ignored);
            const tr = editorView.state.tr.setMeta(spellcheckPluginKey, meta);
            editorView.dispatch(tr.setMeta('addToHistory', false));
            if (meta.type === 'checked' && meta.dirty.length > 0) schedule(16);
          }
          if (options.enabled) schedule(options.debounceMs);
          return {
            update(view, previous) {
              const value = spellcheckPluginKey.getState(view.state);
              if (value === undefined || !value.enabled || value.dirty.length === 0) return;
              const before = spellcheckPluginKey.getState(previous);
              const newWork = before?.dirty !== value.dirty && timer === undefined;
              if (view.state.doc !== previous.doc || newWork) schedule(options.debounceMs);
            },
            destroy() {
              if (timer !== undefined) clearTimeout(timer);
            },
          };
        },
      }),
    ];
  },
});
