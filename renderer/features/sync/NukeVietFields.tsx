import { useTranslation } from 'react-i18next';

import {
  nukevietImagePositions,
  type NukeVietImagePosition,
  type NukeVietSettings,
} from '../../../shared/domain/nukeviet';

/*
 * The NukeViet-only fields of a portal (module name, data language, featured image position,
 * crediting the API account), with their own Vietnamese-first labels so the portal form's
 * label table stays untouched.
 */

const vi = {
  legend: 'Cài đặt NukeViet',
  module: 'Tên module',
  moduleHint: 'news, hoặc tên module ảo như tin-tuc',
  language: 'Ngôn ngữ dữ liệu',
  languageHint: 'vi, en…',
  imagePosition: 'Vị trí ảnh minh họa trong bài',
  imagePositions: {
    0: 'Không hiện trong bài (thân bài đã có ảnh)',
    1: 'Ảnh nhỏ cạnh phần mở đầu',
    2: 'Ảnh lớn phía trên bài',
  } satisfies Record<NukeVietImagePosition, string>,
  creditApiAccount: 'Ghi cả tài khoản API là tác giả',
};

const en: typeof vi = {
  legend: 'NukeViet settings',
  module: 'Module name',
  moduleHint: 'news, or a virtual copy such as tin-tuc',
  language: 'Data language',
  languageHint: 'vi, en…',
  imagePosition: 'Featured image on the article page',
  imagePositions: {
    0: 'Not shown (the body has the photos)',
    1: 'Small, beside the sapo',
    2: 'Large, above the body',
  },
  creditApiAccount: 'Also credit the API account as an author',
};

/** The NukeViet fields of the portal form. */
export function NukeVietFields({
  value,
  onChange,
}: {
  value: NukeVietSettings;
  onChange: (next: NukeVietSettings) => void;
}) {
  const { i18n } = useTranslation();
  const labels = i18n.language.startsWith('en') ? en : vi;
  const set = <K extends keyof NukeVietSettings>(key: K, next: NukeVietSettings[K]): void =>
    onChange({ ...value, [key]: next });
  return (
    <fieldset className="portal-grid portal-nukeviet" data-testid="portal-nukeviet">
      <legend>{labels.legend}</legend>
      <label>
        <span>{labels.module}</span>
        <input
          data-testid="portal-nukeviet-module"
          value={value.module}
          placeholder={labels.moduleHint}
          onChange={(event) => set('module', event.target.value)}
        />
      </label>
      <label>
        <span>{labels.language}</span>
        <input
          data-testid="portal-nukeviet-language"
          value={value.language}
          placeholder={labels.languageHint}
          maxLength={2}
          onChange={(event) => set('language', event.target.value)}
        />
      </label>
      <label>
        <span>{labels.imagePosition}</span>
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
              {labels.imagePositions[position]}
            </option>
          ))}
        </select>
      </label>
      <label className="portal-check">
        <input
          type="checkbox"
          data-testid="portal-nukeviet-credit"
          checked={value.creditApiAccount}
          onChange={(event) => set('creditApiAccount', event.target.checked)}
        />
        <span>{labels.creditApiAccount}</span>
      </label>
    </fieldset>
  );
}
