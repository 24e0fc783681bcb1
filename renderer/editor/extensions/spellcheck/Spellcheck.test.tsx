import { Editor } from '@tiptap/core';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { articleSchemaExtensions } from '../../../../shared/editor/extensions';
import { createSpellchecker, type Spellchecker } from '../../../../shared/vietnamese/spellcheck';
import { Spellcheck, spellcheckPluginKey, spellIssueAt } from './Spellcheck';
import { SpellMenu } from './SpellMenu';

const WORDS = 'tôi là người việt nam họp ở trường hôm nay xử lý việc sử dụng và'.split(' ');
const CONTENT = '<p>Tôi là nguời Việt Nam.</p><h2>Hôm nay sử lý việc</h2><p>Họp ở truờng.</p>';

let editor: Editor;
let checker: Spellchecker;
let added: string[];

function decorations(): { from: number; to: number; text: string; cls: string }[] {
  const state = spellcheckPluginKey.getState(editor.state);
  return (state?.decorations.find() ?? []).map((d) => ({
    from: d.from,
    to: d.to,
    text: editor.state.doc.textBetween(d.from, d.to),
    cls: (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class,
  }));
}

/** Document position of the first occurrence of `text`. */
function posOf(text: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    const at = node.isText ? (node.text ?? '').indexOf(text) : -1;
    if (found === -1 && at !== -1) found = pos + at;
  });
  return found;
}

beforeEach(() => {
  vi.useFakeTimers();
  checker = createSpellchecker({ words: WORDS });
  added = [];
  editor = new Editor({
    element: document.createElement('div'),
    extensions: [
      ...articleSchemaExtensions(),
      Spellcheck.configure({ getChecker: () => checker, onAddWord: (w) => added.push(w) }),
    ],
    content: CONTENT,
  });
});

afterEach(() => {
  cleanup();
  editor.destroy();
  vi.useRealTimers();
});

describe('Spellcheck extension', () => {
  it('decorates issues after the pause without touching the document', () => {
    const before = JSON.stringify(editor.getJSON());
    expect(decorations()).toEqual([]);
    vi.advanceTimersByTime(299);
    expect(decorations()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(decorations()).toEqual([
      { from: posOf('nguời'), to: posOf('nguời') + 5, text: 'nguời', cls: 'spell-error' },
      { from: posOf('sử lý'), to: posOf('sử lý') + 5, text: 'sử lý', cls: 'spell-realword' },
      { from: posOf('truờng'), to: posOf('truờng') + 6, text: 'truờng', cls: 'spell-error' },
    ]);
    expect(JSON.stringify(editor.getJSON())).toBe(before);
    expect(editor.view.dom.querySelectorAll('.spell-error')).toHaveLength(2);
    expect(editor.view.dom.querySelector('.spell-realword')?.textContent).toBe('sử lý');
  });

  it('maps decorations while typing and rechecks only after typing pauses', () => {
    vi.advanceTimersByTime(300);
    const findIssues = vi.spyOn(checker, 'findIssues');
    editor.commands.insertContentAt(1, 'Ồ ');
    vi.advanceTimersByTime(200);
    editor.commands.insertContentAt(posOf('Họp'), 'xyzw ');
    expect(decorations()[0]?.text).toBe('nguời');
    expect(findIssues).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(findIssues).toHaveBeenCalledTimes(2);
    expect(decorations().map((d) => d.text)).toEqual(['nguời', 'sử lý', 'xyzw', 'truờng']);
  });

  it('does not check while the IME is composing', () => {
    const composing = vi.spyOn(editor.view, 'composing', 'get').mockReturnValue(true);
    vi.advanceTimersByTime(1000);
    expect(decorations()).toEqual([]);
    composing.mockReturnValue(false);
    vi.advanceTimersByTime(300);
    expect(decorations()).toHaveLength(3);
  });

  it('leaves the word at the caret alone until the caret moves away', () => {
    vi.spyOn(editor.view, 'hasFocus').mockReturnValue(true);
    editor.commands.setTextSelection(posOf('nguời') + 3);
    vi.advanceTimersByTime(300);
    expect(decorations().map((d) => d.text)).toEqual(['sử lý', 'truờng']);
    editor.commands.setTextSelection(1);
    vi.advanceTimersByTime(300);
    expect(decorations().map((d) => d.text)).toEqual(['nguời', 'sử lý', 'truờng']);
  });

  it('finds the issue under a position, with suggestions', () => {
    vi.advanceTimersByTime(300);
    const from = posOf('nguời');
    expect(spellIssueAt(editor.state, from + 2)).toMatchObject({
      from,
      to: from + 5,
      word: 'nguời',
      kind: 'misspelt',
    });
    expect(spellIssueAt(editor.state, from + 2)?.suggestions[0]).toBe('người');
    expect(spellIssueAt(editor.state, posOf('Tôi'))).toBeNull();
  });

  it('rechecks everything after a word is added or ignored, without an undo step', () => {
    vi.advanceTimersByTime(300);
    editor.commands.addToDictionary('nguời');
    editor.commands.ignoreSpelling('truờng');
    vi.advanceTimersByTime(300);
    expect(added).toEqual(['nguời']);
    expect(decorations().map((d) => d.text)).toEqual(['sử lý']);
    expect(editor.can().undo()).toBe(false);
  });

  it('can be switched off and on', () => {
    vi.advanceTimersByTime(300);
    editor.commands.setSpellcheckEnabled(false);
    expect(editor.view.dom.querySelector('.spell-error')).toBeNull();
    editor.commands.setSpellcheckEnabled(true);
    vi.advanceTimersByTime(300);
    expect(decorations()).toHaveLength(3);
  });
});

describe('SpellMenu', () => {
  function openMenu(word: string) {
    vi.advanceTimersByTime(300);
    const issue = spellIssueAt(editor.state, posOf(word) + 1);
    if (issue === null) throw new Error(`no issue at ${word}`);
    const onClose = vi.fn();
    const onAddWord = vi.fn();
    render(
      <SpellMenu
        editor={editor}
        issue={issue}
        position={{ x: 10, y: 20 }}
        onClose={onClose}
        onAddWord={onAddWord}
      />,
    );
    return { onClose, onAddWord };
  }

  it('replaces the word with a suggestion in one undo step', () => {
    const { onClose } = openMenu('nguời');
    const before = editor.getJSON();
    act(() => {
      fireEvent.click(screen.getByRole('menuitem', { name: 'người' }));
    });
    expect(editor.getText()).toContain('Tôi là người Việt Nam.');
    expect(onClose).toHaveBeenCalled();
    editor.commands.undo();
    expect(editor.getJSON()).toEqual(before);
  });

  it('adds the word to the newsroom dictionary', () => {
    const { onAddWord } = openMenu('truờng');
    act(() => {
      fireEvent.click(screen.getByRole('menuitem', { name: 'Thêm vào từ điển toà soạn' }));
    });
    expect(onAddWord).toHaveBeenCalledWith('truờng');
    expect(added).toEqual(['truờng']);
    expect(checker.isCorrect('truờng')).toBe(true);
  });

  it('offers only «Bỏ qua» for a phrase warning, and closes on Escape', () => {
    const { onClose } = openMenu('sử lý');
    expect(screen.getByRole('menuitem', { name: 'xử lý' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'Thêm vào từ điển toà soạn' })).toBeNull();
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });
});
