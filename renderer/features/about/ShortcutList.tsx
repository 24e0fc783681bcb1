import { useTranslation } from 'react-i18next';

import { keysLabel, shortcuts } from '../../../shared/app/shortcuts';

/** The application shortcuts, from their one definition, in the UI's language. */
export function ShortcutList() {
  const { t } = useTranslation();
  const mac = /Mac/.test(navigator.userAgent);
  return (
    <section data-testid="shortcut-list">
      <h2>{t('shortcuts.title')}</h2>
      <dl className="facts">
        {shortcuts.map((shortcut) => (
          <div key={shortcut.id} className="fact" data-testid={`shortcut-${shortcut.id}`}>
            <dt>
              <kbd>{keysLabel(shortcut, mac)}</kbd>
            </dt>
            <dd>{t(`shortcuts.${shortcut.id}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
