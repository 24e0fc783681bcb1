import { useTranslation } from 'react-i18next';

import { nukevietImagePositions, type NukeVietSettings } from '../../../shared/domain/nukeviet';
import { Field } from '../../lib/Field';

/** The NukeViet-only fields of the portal form (module, data language, image, credit). */
export function NukeVietFields({
  value,
  onChange,
}: {
  value: NukeVietSettings;
  onChange: (next: NukeVietSettings) => void;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof NukeVietSettings>(key: K, next: NukeVietSettings[K]): void =>
    onChange({ ...value, [key]: next });
  return (
    <fieldset className="portal-nukeviet form-grid" data-testid="portal-nukeviet">
      <legend>{t('portals.nukeviet.legend')}</legend>
      <Field label={t('portals.nukeviet.module')} hint={t('portals.nukeviet.moduleHint')}>
        <input
          data-testid="portal-nukeviet-module"
          value={value.module}
          onChange={(event) => set('module', event.target.value)}
        />
      </Field>
      <Field label={t('portals.nukeviet.language')} hint={t('portals.nukeviet.languageHint')}>
        <input
          data-testid="portal-nukeviet-language"
          value={value.language}
          maxLength={2}
          onChange={(event) => set('language', event.target.value)}
        />
      </Field>
      <Field label={t('portals.nukeviet.imagePosition')} wide>
        <select
          data-testid="portal-nukeviet-imgposition"
          value={value.imagePosition}
          onChange={(event) => {
            const position = nukevietImagePositions.find((p) => String(p) === event.target.value);
            if (position !== undefined) set('imagePosition', position);
          }}
        >
          {nukevietImagePositions.map((position) => (
            <option key={position} value={position}>
              {t(`portals.nukeviet.imagePositions.${position}`)}
            </option>
          ))}
        </select>
      </Field>
      <label className="check wide">
        <input
          type="checkbox"
          data-testid="portal-nukeviet-credit"
          checked={value.creditApiAccount}
          onChange={(event) => set('creditApiAccount', event.target.checked)}
        />
        <span>{t('portals.nukeviet.creditApiAccount')}</span>
      </label>
    </fieldset>
  );
}
