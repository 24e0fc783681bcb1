import type { Editor } from '@tiptap/core';
import type { KeyboardEvent } from 'react';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

import type { SpellIssue } from '../../../../shared/vietnamese/spellcheck';
import './spellcheck.css';

/** Menu texts; Vietnamese defaults until the strings move into the i18n catalogue. */
export interface SpellMenuLabels {
  addToDictionary: string;
  ignore: string;
  noSuggestions: string;
}

const DEFAULT_LABELS: SpellMenuLabels = {
  addToDictionary: 'Thêm vào từ điển toà soạn',
  ignore: 'Bỏ qua',
  noSuggestions: 'Không có gợi ý',
};

/** Props of `SpellMenu`; `issue` comes from `spellIssueAt` at the right-clicked position. */
export interface SpellMenuProps {
  editor: Editor;
  issue: SpellIssue;
  /** Page coordinates of the click (`event.pageX`, `event.pageY`); the menu renders in <body>. */
  position: { x: number; y: number };
  onClose: () => void;
  /**
   * Told after a word went to the newsroom dictionary, e.g. to show a notice. The word itself is
   * added and persisted by the `addToDictionary` command (the extension's `onAddWord` option).
   */
  onAddWord?: (word: string) => void;
  labels?: SpellMenuLabels;
}

/**
 * The spelling context menu: suggestions (each replaces the word in one undoable step), add to
 * the newsroom dictionary, or ignore for this session. Keyboard: arrows move, Escape closes.
 */
export function SpellMenu({ editor, issue, position, onClose, onAddWord, labels }: SpellMenuProps) {
  const text = labels ?? DEFAULT_LABELS;
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    menu.current?.querySelector('button')?.focus();
    const closeOutside = (event: MouseEvent): void => {
      if (!(event.target instanceof Node) || !menu.current?.contains(event.target)) onClose();
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [onClose]);

  const replace = (suggestion: string): void => {
    const { from, to, word } = issue;
    const stillThere = to <= editor.state.doc.content.size;
    if (stillThere && editor.state.doc.textBetween(from, to) === word) {
      editor
        .chain()
        .focus()
        .command(({ tr }) => {
          tr.insertText(suggestion, from, to);
          return true;
        })
        .run();
    }
    onClose();
  };
  const addWord = (): void => {
    editor.chain().focus().addToDictionary(issue.word).run();
    onAddWord?.(issue.word);
    onClose();
  };
  const ignore = (): void => {
    editor.chain().focus().ignoreSpelling(issue.word).run();
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      editor.commands.focus();
      onClose();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [...(menu.current?.querySelectorAll('button') ?? [])];
    const current = items.findIndex((item) => item === document.activeElement);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    items[(current + step + items.length) % items.length]?.focus();
  };

  return createPortal(
    <div
      ref={menu}
      className="spell-menu"
      role="menu"
      style={{ left: position.x, top: position.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {issue.suggestions.length === 0 ? (
        <div className="spell-empty">{text.noSuggestions}</div>
      ) : (
        issue.suggestions.map((suggestion) => (
          <button
            key={suggestion}
            type="button"
            role="menuitem"
            className="spell-suggestion"
            onClick={() => replace(suggestion)}
          >
            {suggestion}
          </button>
        ))
      )}
      <hr />
      {issue.kind === 'misspelt' && (
        <button type="button" role="menuitem" onClick={addWord}>
          {text.addToDictionary}
        </button>
      )}
      <button type="button" role="menuitem" onClick={ignore}>
        {text.ignore}
      </button>
    </div>,
    document.body,
  );
}
