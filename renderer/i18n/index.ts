import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import type { Locale } from '../../shared/domain/settings';
import { en } from './en';
import { vi } from './vi';

/** Starts i18next with Vietnamese as the default and fallback, English second. */
export async function initI18n(locale: Locale = 'vi'): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: locale,
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
