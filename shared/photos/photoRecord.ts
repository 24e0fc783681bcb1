/**
 * A photo in the desk's library, as the grid, the preview and the caption dialog see it. Lives in
 * shared/ so the contract can carry it without redeclaring the shape.
 */
export interface PhotoRecord {
  id: string;
  /** SHA-256 of the original bytes: the same file imports once. */
  sha256: string;
  /** Original inside the media folder (`photos/ab/<sha>.jpg`), the same path the editor inserts. */
  mediaPath: string;
  /** Cached WebP thumbnail inside the media folder; it may not be generated yet. */
  thumbnailPath: string;
  originalName: string;
  bytes: number;
  /** 'jpeg', 'png', 'webp', 'gif', 'tiff' or 'avif'. */
  format: string;
  /** As displayed (EXIF orientation applied). */
  width: number;
  height: number;
  orientation: number;
  /** Camera wall-clock time `YYYY-MM-DDTHH:MM:SS`, from EXIF, XMP or IPTC; null when absent. */
  captureTime: string | null;
  camera: string;
  hasGps: boolean;
  caption: string;
  /** Empty, or just a file name such as `IMG_1234`: the editor must write one. */
  captionMissing: boolean;
  byline: string;
  credit: string;
  copyright: string;
  /** Alt text for the article's `<img alt>`: what the photo shows, for readers who cannot see it. */
  altText: string;
  /** 64-bit perceptual hash (16 hex digits), for near-duplicate detection. */
  dhash: string;
  /** Event or assignment named at import ("Kỳ họp HĐND tỉnh"), '' when none. */
  event: string;
  importedAt: number;
  updatedAt: number;
  /**
   * Where the subject is (0..1 from the top-left of the displayed photo), set by clicking the
   * large preview; recipes that crop centre on it. Null: the recipe's (normally the centre).
   */
  focalPoint: { x: number; y: number } | null;
}

/** A watermark logo in the library's logo store; recipes refer to it by `id` (its SHA-256). */
export interface LogoRecord {
  id: string;
  name: string;
  /** The PNG inside the media folder, for previews. */
  mediaPath: string;
  width: number;
  height: number;
  /** False: the logo has no transparency and will cover the photo as a rectangle. */
  hasAlpha: boolean;
  importedAt: number;
}

/** A new photo that looks like one already in the library (same picture, other size). */
export interface NearDuplicate {
  photo: PhotoRecord;
  similar: PhotoRecord;
  /** Hamming distance of the perceptual hashes, 0 (identical) to 10. */
  distance: number;
}

/**
 * Photos that look alike (a burst of one scene, a photo re-sent at another size), stacked so the
 * editor decides once per group. Built from the open near-duplicate pairs, connected transitively.
 */
export interface NearDuplicateGroup {
  /** Oldest import first; at least two. */
  photos: PhotoRecord[];
}

/** What the editor decides about a near-duplicate pair: keep both, or only one of them. */
export type DuplicateChoice = 'both' | 'first' | 'second';
