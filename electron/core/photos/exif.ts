/*
 * A small EXIF (TIFF IFD) reader for the tags a newsroom needs: when, with what, who, and whether the
 * photo leaks a location or a device serial. sharp hands us the raw APP1 payload; exifr is not a
 * dependency, and this is all we need. It never throws: a damaged block yields what could be read.
 */

/** Fields read from EXIF. Text is trimmed; absent or empty tags are left undefined. */
export interface ExifData {
  make?: string;
  model?: string;
  orientation?: number;
  /** DateTimeOriginal (else DateTime) as 'YYYY-MM-DDTHH:MM:SS', with the offset when recorded. */
  captureTime?: string;
  description?: string;
  artist?: string;
  copyright?: string;
  bodySerialNumber?: string;
  lensSerialNumber?: string;
  cameraOwnerName?: string;
  /** True when a GPS IFD exists at all, even an empty one: 'keep-credits' output must have none. */
  hasGpsIfd: boolean;
  gps?: { latitude: number; longitude: number };
  hasMakerNote: boolean;
}

const TAG = {
  imageDescription: 0x010e,
  make: 0x010f,
  model: 0x0110,
  orientation: 0x0112,
  dateTime: 0x0132,
  artist: 0x013b,
  copyright: 0x8298,
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  dngCameraSerial: 0xc62f,
  dateTimeOriginal: 0x9003,
  offsetTimeOriginal: 0x9011,
  makerNote: 0x927c,
  cameraOwnerName: 0xa430,
  bodySerialNumber: 0xa431,
  lensSerialNumber: 0xa435,
  gpsLatitudeRef: 1,
  gpsLatitude: 2,
  gpsLongitudeRef: 3,
  gpsLongitude: 4,
} as const;

/** Bytes per component for each TIFF field type; unknown types are skipped. */
const TYPE_SIZE: Readonly<Record<number, number>> = {
  1: 1, // BYTE
  2: 1, // ASCII
  3: 2, // SHORT
  4: 4, // LONG
  5: 8, // RATIONAL
  7: 1, // UNDEFINED
  9: 4, // SLONG
  10: 8, // SRATIONAL
};

interface Entry {
  type: number;
  count: number;
  /** Offset of the value bytes within the TIFF block. */
  valueOffset: number;
}

class TiffView {
  constructor(
    readonly bytes: Uint8Array,
    readonly little: boolean,
  ) {}

  u16(offset: number): number | undefined {
    const a = this.bytes[offset];
    const b = this.bytes[offset + 1];
    if (a === undefined || b === undefined) return undefined;
    return this.little ? a | (b << 8) : (a << 8) | b;
  }

  u32(offset: number): number | undefined {
    const lo = this.u16(this.little ? offset : offset + 2);
    const hi = this.u16(this.little ? offset + 2 : offset);
    return lo === undefined || hi === undefined ? undefined : hi * 0x10000 + lo;
  }

  /** Reads one IFD's entries; stops at the block's end instead of throwing. */
  ifd(offset: number): Map<number, Entry> {
    const entries = new Map<number, Entry>();
    const count = this.u16(offset);
    if (count === undefined) return entries;
    for (let i = 0; i < Math.min(count, 1000); i += 1) {
      const at = offset + 2 + i * 12;
      const tag = this.u16(at);
      const type = this.u16(at + 2);
      const n = this.u32(at + 4);
      if (tag === undefined || type === undefined || n === undefined) break;
      const size = (TYPE_SIZE[type] ?? 0) * n;
      const valueOffset = size <= 4 ? at + 8 : this.u32(at + 8);
      if (size === 0 || valueOffset === undefined || valueOffset + size > this.bytes.length)
        continue;
      entries.set(tag, { type, count: n, valueOffset });
    }
    return entries;
  }

  text(entry: Entry | undefined): string | undefined {
    if (entry === undefined || (entry.type !== 2 && entry.type !== 7 && entry.type !== 1)) {
      return undefined;
    }
    const raw = this.bytes.subarray(entry.valueOffset, entry.valueOffset + entry.count);
    const end = raw.indexOf(0);
    const value = decodeText(end === -1 ? raw : raw.subarray(0, end)).trim();
    return value === '' ? undefined : value;
  }

  number(entry: Entry | undefined): number | undefined {
    if (entry === undefined) return undefined;
    if (entry.type === 3) return this.u16(entry.valueOffset);
    if (entry.type === 4) return this.u32(entry.valueOffset);
    return undefined;
  }

  rationals(entry: Entry | undefined): number[] {
    if (entry === undefined || entry.type !== 5) return [];
    const values: number[] = [];
    for (let i = 0; i < entry.count; i += 1) {
      const numerator = this.u32(entry.valueOffset + i * 8);
      const denominator = this.u32(entry.valueOffset + i * 8 + 4);
      if (numerator === undefined || denominator === undefined || denominator === 0) return [];
      values.push(numerator / denominator);
    }
    return values;
  }
}

/** EXIF text is nominally ASCII, but phones and Windows tools write UTF-8; fall back to Latin-1. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** Finds the TIFF header, skipping the "Exif\0\0" prefix sharp keeps from the APP1 segment. */
function tiffStart(bytes: Uint8Array): number {
  const prefix = [0x45, 0x78, 0x69, 0x66, 0, 0];
  return prefix.every((b, i) => bytes[i] === b) ? 6 : 0;
}

function exifDate(value: string | undefined, offset: string | undefined): string | undefined {
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value ?? '');
  if (!match || match[1] === '0000') return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const zone = /^[+-]\d{2}:\d{2}$/.test(offset ?? '') ? (offset ?? '') : '';
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`;
}

function gpsCoordinate(
  parts: number[],
  ref: string | undefined,
  negative: string,
): number | undefined {
  const [degrees, minutes = 0, seconds = 0] = parts;
  if (degrees === undefined) return undefined;
  const value = degrees + minutes / 60 + seconds / 3600;
  return ref?.toUpperCase() === negative ? -value : value;
}

/** Parses an EXIF block (with or without the "Exif\0\0" prefix). Returns undefined if not TIFF. */
export function readExif(block: Uint8Array | undefined): ExifData | undefined {
  if (block === undefined) return undefined;
  const bytes = block.subarray(tiffStart(block));
  const order = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0);
  if (order !== 'II' && order !== 'MM') return undefined;
  const view = new TiffView(bytes, order === 'II');
  if (view.u16(2) !== 42) return undefined;
  const ifd0Offset = view.u32(4);
  if (ifd0Offset === undefined) return undefined;

  const ifd0 = view.ifd(ifd0Offset);
  const exifOffset = view.number(ifd0.get(TAG.exifIfd));
  const gpsOffset = view.number(ifd0.get(TAG.gpsIfd));
  const exif = exifOffset === undefined ? new Map<number, Entry>() : view.ifd(exifOffset);
  const gpsIfd = gpsOffset === undefined ? undefined : view.ifd(gpsOffset);

  const result: ExifData = {
    hasGpsIfd: gpsOffset !== undefined,
    hasMakerNote: exif.has(TAG.makerNote),
  };
  const set = <K extends keyof ExifData>(key: K, value: ExifData[K] | undefined): void => {
    if (value !== undefined) result[key] = value;
  };
  set('make', view.text(ifd0.get(TAG.make)));
  set('model', view.text(ifd0.get(TAG.model)));
  set('orientation', view.number(ifd0.get(TAG.orientation)));
  set('description', view.text(ifd0.get(TAG.imageDescription)));
  set('artist', view.text(ifd0.get(TAG.artist)));
  set('copyright', view.text(ifd0.get(TAG.copyright)));
  set(
    'captureTime',
    exifDate(
      view.text(exif.get(TAG.dateTimeOriginal)),
      view.text(exif.get(TAG.offsetTimeOriginal)),
    ) ?? exifDate(view.text(ifd0.get(TAG.dateTime)), undefined),
  );
  set(
    'bodySerialNumber',
    view.text(exif.get(TAG.bodySerialNumber)) ?? view.text(ifd0.get(TAG.dngCameraSerial)),
  );
  set('lensSerialNumber', view.text(exif.get(TAG.lensSerialNumber)));
  set('cameraOwnerName', view.text(exif.get(TAG.cameraOwnerName)));
  if (gpsIfd !== undefined) {
    const latitude = gpsCoordinate(
      view.rationals(gpsIfd.get(TAG.gpsLatitude)),
      view.text(gpsIfd.get(TAG.gpsLatitudeRef)),
      'S',
    );
    const longitude = gpsCoordinate(
      view.rationals(gpsIfd.get(TAG.gpsLongitude)),
      view.text(gpsIfd.get(TAG.gpsLongitudeRef)),
      'W',
    );
    if (latitude !== undefined && longitude !== undefined) result.gps = { latitude, longitude };
  }
  return result;
}
