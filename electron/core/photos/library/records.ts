import type { PhotoRecord } from '../../../../shared/photos/photoRecord';
import { thumbnailMediaPath } from './layout';
import type { PhotoRow } from '../../db/queries/photos';

/** Maps a stored row to the shape the contract carries (camelCase, booleans, thumbnail path). */
export function toPhotoRecord(row: PhotoRow): PhotoRecord {
  return {
    id: row.id,
    sha256: row.sha256,
    mediaPath: row.media_path,
    thumbnailPath: thumbnailMediaPath(row.sha256),
    originalName: row.original_name,
    bytes: row.bytes,
    format: row.format,
    width: row.width,
    height: row.height,
    orientation: row.orientation,
    captureTime: row.capture_time,
    camera: row.camera,
    hasGps: row.has_gps === 1,
    caption: row.caption,
    captionMissing: row.caption_missing === 1,
    byline: row.byline,
    credit: row.credit,
    copyright: row.copyright,
    dhash: row.dhash,
    altText: row.alt_text,
    event: row.event,
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
    focalPoint:
      row.focal_x === null ||
      row.focal_x === undefined ||
      row.focal_y === null ||
      row.focal_y === undefined
        ? null
        : { x: row.focal_x, y: row.focal_y },
  };
}

/** One camera name from EXIF make and model ("Canon" + "Canon EOS 400D" → "Canon EOS 400D"). */
export function cameraName(make: string | undefined, model: string | undefined): string {
  const maker = (make ?? '').trim();
  const name = (model ?? '').trim();
  if (name === '') return maker;
  if (maker === '' || name.toLowerCase().startsWith(maker.toLowerCase().split(' ')[0] ?? '')) {
    return name;
  }
  return `${maker} ${name}`;
}

/** NFC and trimmed: what every stored text field goes through. */
export function cleanText(value: string | undefined): string {
  return (value ?? '').normalize('NFC').trim();
}
