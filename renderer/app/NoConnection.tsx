import { useTranslation } from 'react-i18next';

/** Shown when the page was opened without the bridge's token (or outside the app). */
export function NoConnection() {
  const { t } = useTranslation();
  return (
    <div className="fatal" role="alert">
      <h1>{t('app.name')}</h1>
      <p>{t('errors.noApi')}</p>
    </div>
  );
}
