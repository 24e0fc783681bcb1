/**
 * A NukeViet portal's own settings: which copy of the news module and which data language the
 * articles go to, where the article page shows the featured image, and whether the API account
 * is credited as an author. Kept per portal connection (Cài đặt → Cổng thông tin).
 */

/**
 * NukeViet's `imgposition`: 0 the featured image is not shown on the article page (only in
 * lists), 1 small beside the sapo, 2 large above the body.
 */
export const nukevietImagePositions = [0, 1, 2] as const;
/** One image position. */
export type NukeVietImagePosition = (typeof nukevietImagePositions)[number];

/** Per-portal NukeViet settings. */
export interface NukeVietSettings {
  /**
   * The news module's name as installed: `news`, or a virtual copy such as `tin-tuc` (what
   * the site's URLs show after the domain, and Quản lý module lists).
   */
  module: string;
  /** The site's data language (`vi`, `en`…): the articles go to that language's module. */
  language: string;
  /**
   * Where the featured image shows on the article page. Default 0: Newsdesk's body already
   * holds the photos, and NukeViet's default (2) showed the first one twice.
   */
  imagePosition: NukeVietImagePosition;
  /**
   * Also credit the API account (the portal's pen name of the account that owns the API key) in
   * the article's author list, as NukeViet's form does for the poster. Default false: the
   * byline is the article's author only.
   */
  creditApiAccount: boolean;
}

/** What a new NukeViet portal starts with. */
export const defaultNukeVietSettings: NukeVietSettings = {
  module: 'news',
  language: 'vi',
  imagePosition: 0,
  creditApiAccount: false,
};

/** A module name NukeViet accepts: lower-case letters, digits and `-`, as its module screen makes them. */
export const NUKEVIET_MODULE_PATTERN = /^[a-z0-9][a-z0-9-]{0,49}$/u;
/** A data language code: two letters (NukeViet's `vi`, `en`, `fr`…). */
export const NUKEVIET_LANGUAGE_PATTERN = /^[a-z]{2}$/u;
