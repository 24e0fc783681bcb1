/** A photo stored in the library, as the editor inserts it into an article. */
export interface ImportedImage {
  /** Path inside the media folder; content-addressed, so the same file imports once. */
  mediaPath: string;
  width: number;
  height: number;
  /** Credits found in the file's own metadata (EXIF/IPTC/XMP), to prefill the figure. */
  caption: string;
  byline: string;
  credit: string;
  /** The photo desk's alt text when the photo is already in the library, '' otherwise. */
  altText: string;
}

/** Largest photo accepted through the contract (base64 adds a third on the wire). */
export const maxImportBytes = 40 * 1024 * 1024;
