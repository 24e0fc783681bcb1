import type { Editor } from '@tiptap/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ToneStyle } from '../../../shared/domain/settings';
import { tcvn3ToUnicode, vniToUnicode } from '../../../shared/vietnamese/legacyEncodings';
import { toNewStyleTones, toOldStyleTones } from '../../../shared/vietnamese/tonePlacement';
import { transformText } from './transformText';

/**
 * The editor's «Công cụ» menu: convert TCVN3/VNI text to Unicode and normalise tone placement,
 * on the selection or, with nothing selected, on the whole article. Each is one undo step.
 */
export function ToolsMenu({
  editor,
  toneStyle,
  onDone,
}: {
  editor: Editor;
  toneStyle: ToneStyle;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const run = (transform: (text: string) => string): void => {
    setOpen(false);
    const scope = editor.state.selection.empty ? t('tools.scopeAll') : t('tools.scopeSelection');
    const changed = transformText(editor, transform);
    onDone(changed > 0 ? t('tools.done', { scope }) : t('tools.nothing', { scope }));
  };
  return (
    <span className="menu-anchor">
      <button
        type="button"
        className="secondary"
        data-testid="tools-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setOpen((value) => !value)}
      >
        {t('tools.title')} ▾
      </button>
      {open ? (
        <span className="menu" role="menu">
          <button
            type="button"
            role="menuitem"
            data-testid="tool-tcvn3"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run((text) => tcvn3ToUnicode(text))}
          >
            {t('tools.tcvn3')}
          </button>
          <button
            type="button"
            role="menuitem"
            data-testid="tool-vni"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run((text) => vniToUnicode(text))}
          >
            {t('tools.vni')}
          </button>
          <button
            type="button"
            role="menuitem"
            data-testid="tool-tones"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(toneStyle === 'new' ? toNewStyleTones : toOldStyleTones)}
          >
            {toneStyle === 'new' ? t('tools.tonesNew') : t('tools.tonesOld')}
          </button>
        </span>
      ) : null}
    </span>
  );
}
