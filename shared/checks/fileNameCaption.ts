/**
 * Captions that are really file names. Reporters paste photos from Zalo or a camera card and
 * leave the caption as the file name; the portal then prints `z4509060236637 cee53aff…` under the
 * photo, as on the seed article. Kept apart from the checks so import tools can reuse it.
 */

const IMAGE_EXTENSION =
  /\.(?:jpe?g|jfif|png|gif|webp|heic|heif|bmp|tiff?|avif|raw|cr2|nef|arw|dng)$/iu;

/** File names cameras, phones and chat apps give photos; a caption matching one was never written. */
const FILE_NAME_PATTERNS: readonly RegExp[] = [
  // Zalo: z + 13-digit timestamp + space/underscore + 32 hex digits.
  /^z\d{13}[ _-][0-9a-f]{32}(?:[ _-]\d+)?$/iu,
  // Cameras and phones: IMG_1234, IMG-20230712-WA0001, DSC01234, DSCN, DSCF, _DSC, PXL_…
  /^(?:IMG|DSCN|DSCF|DSC|_DSC|PXL|MVIMG|DJI|GOPR|CIMG|SAM|PANO)[_-]?\d[\w-]*$/iu,
  // Panasonic/Olympus: P1010001, P7120001.
  /^P[0-9A-C]\d{6}$/iu,
  // Date-time names: 20230712_052233, 2023-07-12 05.22.33.
  /^(?:[a-z]+[_-])?\d{8}[_-]\d{6}(?:[_-]?\d+)?$/iu,
  /^\d{4}-\d{2}-\d{2}[ _]\d{2}[.:-]\d{2}[.:-]\d{2}/u,
  // Screenshots, in English and in Vietnamese Windows/Android.
  /^screen ?shot(?:[\s_-]|$)/iu,
  /^(?:ảnh )?chụp màn hình[\s_-]+\d/iu,
  // Facebook downloads: 123_456_789_n.
  /^\d+_\d+_\d+_[nobs]$/iu,
  // Bare hashes and UUIDs.
  /^[0-9a-f]{24,}$/iu,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu,
];

/**
 * True when a caption is just a photo's file name (`z4509060236637 cee53aff…`, `IMG_1234`,
 * `DSC01234`, `anh1.jpg`): the portal would print it under the photo as is.
 */
export function isFileNameCaption(caption: string): boolean {
  const text = caption.normalize('NFC').trim();
  if (text === '') return false;
  if (IMAGE_EXTENSION.test(text)) return true;
  return FILE_NAME_PATTERNS.some((pattern) => pattern.test(text));
}
