/*
 * IPTC-IIM reader. Agency photos (AFP, Reuters, TTXVN) still carry their caption and credit in the
 * old IIM block, often without XMP. sharp's `metadata().iptc` is the whole Photoshop APP13 payload
 * ("Photoshop 3.0\0" + 8BIM resources); IIM lives in resource 0x0404. Never throws.
 */

/** Caption fields from IPTC-IIM record 2; absent datasets stay undefined. */
export interface IptcData {
  /** 2:120 Caption/Abstract */
  caption?: string;
  /** 2:80 By-line; repeated datasets are joined with ", " */
  byline?: string;
  /** 2:110 Credit */
  credit?: string;
  /** 2:116 Copyright Notice */
  copyright?: string;
  /** 2:55 Date Created (+ 2:60 Time Created) as 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM:SS±HH:MM' */
  dateCreated?: string;
}

const PHOTOSHOP_SIGNATURE = 'Photoshop 3.0\0';
const IPTC_RESOURCE_ID = 0x0404;

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function u16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function u32(bytes: Uint8Array, at: number): number {
  return u16(bytes, at) * 0x10000 + u16(bytes, at + 2);
}

/** Finds the IIM stream inside a Photoshop IRB; returns the input if it already is IIM. */
export function findIimBlock(block: Uint8Array): Uint8Array | undefined {
  if (block[0] === 0x1c) return block;
  let at = ascii(block, 0, PHOTOSHOP_SIGNATURE.length) === PHOTOSHOP_SIGNATURE ? 14 : 0;
  while (at + 12 <= block.length) {
    if (ascii(block, at, 4) !== '8BIM') return undefined;
    const id = u16(block, at + 4);
    const nameLength = block[at + 6] ?? 0;
    // Pascal name: length byte + text, padded to an even total.
    const nameSize = (nameLength + 1) % 2 === 0 ? nameLength + 1 : nameLength + 2;
    const sizeAt = at + 6 + nameSize;
    const size = u32(block, sizeAt);
    const dataAt = sizeAt + 4;
    if (dataAt + size > block.length) return undefined;
    if (id === IPTC_RESOURCE_ID) return block.subarray(dataAt, dataAt + size);
    at = dataAt + size + (size % 2);
  }
  return undefined;
}

interface Dataset {
  record: number;
  id: number;
  value: Uint8Array;
}

function* datasets(iim: Uint8Array): Generator<Dataset> {
  let at = 0;
  while (at + 5 <= iim.length && iim[at] === 0x1c) {
    const record = iim[at + 1] ?? 0;
    const id = iim[at + 2] ?? 0;
    let length = u16(iim, at + 3);
    let dataAt = at + 5;
    if (length & 0x8000) {
      // Extended dataset: the low bits give how many bytes hold the real length.
      const lengthBytes = length & 0x7fff;
      if (lengthBytes > 4) return;
      length = 0;
      for (let i = 0; i < lengthBytes; i += 1) length = length * 256 + (iim[dataAt + i] ?? 0);
      dataAt += lengthBytes;
    }
    if (dataAt + length > iim.length) return;
    yield { record, id, value: iim.subarray(dataAt, dataAt + length) };
    at = dataAt + length;
  }
}

/** ESC % G in dataset 1:90 declares UTF-8; otherwise try UTF-8 anyway, then Windows-1252. */
function decoder(utf8Declared: boolean): (bytes: Uint8Array) => string {
  const utf8 = new TextDecoder('utf-8', { fatal: !utf8Declared });
  const latin = new TextDecoder('latin1');
  return (bytes) => {
    try {
      return utf8.decode(bytes);
    } catch {
      return latin.decode(bytes);
    }
  };
}

function iptcDate(date: string | undefined, time: string | undefined): string | undefined {
  const d = /^(\d{4})(\d{2})(\d{2})$/.exec(date ?? '');
  if (!d) return undefined;
  const day = `${d[1]}-${d[2]}-${d[3]}`;
  const t = /^(\d{2})(\d{2})(\d{2})([+-]\d{2})(\d{2})$/.exec(time ?? '');
  return t ? `${day}T${t[1]}:${t[2]}:${t[3]}${t[4]}:${t[5]}` : day;
}

/** Parses an IPTC block as sharp returns it (Photoshop IRB or bare IIM). */
export function readIptc(block: Uint8Array | undefined): IptcData | undefined {
  if (block === undefined) return undefined;
  const iim = findIimBlock(block);
  if (iim === undefined) return undefined;
  const all = [...datasets(iim)];
  const utf8Declared = all.some(
    (ds) => ds.record === 1 && ds.id === 90 && ascii(ds.value, 0, 3) === '\x1b%G',
  );
  const decode = decoder(utf8Declared);
  const values = (id: number): string[] =>
    all
      .filter((ds) => ds.record === 2 && ds.id === id)
      .map((ds) => decode(ds.value).replace(/\0+$/, '').trim())
      .filter((text) => text !== '');

  const result: IptcData = {};
  const caption = values(120)[0];
  const bylines = values(80);
  const credit = values(110)[0];
  const copyright = values(116)[0];
  const dateCreated = iptcDate(values(55)[0], values(60)[0]);
  if (caption !== undefined) result.caption = caption;
  if (bylines.length > 0) result.byline = bylines.join(', ');
  if (credit !== undefined) result.credit = credit;
  if (copyright !== undefined) result.copyright = copyright;
  if (dateCreated !== undefined) result.dateCreated = dateCreated;
  return result;
}
