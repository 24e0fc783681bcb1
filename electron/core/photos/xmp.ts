/*
 * XMP in and out. Out: the only place sharp can write a UTF-8 caption and credit (it cannot write
 * IPTC-IIM, lovell/sharp#4143), and what WordPress, NukeViet and Lightroom read. In: a tolerant reader
 * for the few properties we use; XMP from cameras, Lightroom and phones uses both element and
 * attribute forms, and any namespace prefix, so prefixes are resolved from the xmlns declarations.
 */

/** Credit fields carried in XMP, in the names the newsroom uses. */
export interface XmpCredits {
  caption?: string | undefined;
  byline?: string | undefined;
  credit?: string | undefined;
  copyright?: string | undefined;
}

/** What the reader extracts: the credits plus hints probe needs. */
export interface XmpData extends XmpCredits {
  captureTime?: string;
  /** exif:GPSLatitude/Longitude present: XMP can leak a location even when EXIF is clean. */
  hasGps: boolean;
}

const NS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  exif: 'http://ns.adobe.com/exif/1.0/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
} as const;

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Decodes the five XML entities and numeric references. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(Number.parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith('#')) return safeCodePoint(Number.parseInt(ref.slice(1), 10), whole);
    return ENTITIES[ref] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : fallback;
}

/**
 * Escapes text for XML content and attributes, normalises Vietnamese to NFC (macOS and some phone
 * keyboards produce decomposed tones), and drops control characters XML 1.0 forbids.
 */
export function escapeXml(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function prefixFor(xml: string, uri: string, fallback: string): string {
  const match = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${escapeRegExp(uri)}["']`).exec(
    xml,
  );
  return match?.[1] ?? fallback;
}

function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '');
}

function clean(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const value = decodeXmlEntities(text).trim();
  return value === '' ? undefined : value;
}

/**
 * Reads one property in either form: `<p:Name>…</p:Name>` (plain, or an rdf:Alt/Seq/Bag whose
 * x-default or first item wins; Seq/Bag items are joined with ", ") or `p:Name="…"`.
 */
function property(xml: string, prefix: string, name: string, rdf: string): string | undefined {
  const qname = escapeRegExp(`${prefix}:${name}`);
  const element = new RegExp(`<${qname}(?:\\s[^>]*)?>([\\s\\S]*?)</${qname}\\s*>`).exec(xml);
  if (element) {
    const inner = element[1] ?? '';
    const li = escapeRegExp(`${rdf}:li`);
    const items = [
      ...inner.matchAll(new RegExp(`<${li}(\\s[^>]*)?>([\\s\\S]*?)</${li}\\s*>`, 'g')),
    ];
    if (items.length === 0) return clean(stripTags(inner));
    const isAlt = new RegExp(`<${escapeRegExp(`${rdf}:Alt`)}[\\s>]`).test(inner);
    if (isAlt) {
      const preferred = items.find((item) =>
        /xml:lang\s*=\s*["']x-default["']/.test(item[1] ?? ''),
      );
      return clean(stripTags((preferred ?? items[0])?.[2] ?? ''));
    }
    const values = items
      .map((item) => clean(stripTags(item[2] ?? '')))
      .filter((v) => v !== undefined);
    return values.length > 0 ? values.join(', ') : undefined;
  }
  const attribute = new RegExp(`\\s${qname}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(xml);
  return attribute ? clean(attribute[1] ?? attribute[2]) : undefined;
}

function xmpDate(value: string | undefined): string | undefined {
  const match = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(
    value ?? '',
  );
  return match ? match[0] : undefined;
}

/** Parses an XMP packet (Buffer from sharp, or string). Returns undefined when there is none. */
export function readXmp(packet: Uint8Array | string | undefined): XmpData | undefined {
  if (packet === undefined) return undefined;
  const xml = typeof packet === 'string' ? packet : new TextDecoder('utf-8').decode(packet);
  if (!xml.includes('<')) return undefined;
  const dc = prefixFor(xml, NS.dc, 'dc');
  const photoshop = prefixFor(xml, NS.photoshop, 'photoshop');
  const exif = prefixFor(xml, NS.exif, 'exif');
  const xmp = prefixFor(xml, NS.xmp, 'xmp');
  const rdf = prefixFor(xml, NS.rdf, 'rdf');

  const result: XmpData = {
    hasGps:
      property(xml, exif, 'GPSLatitude', rdf) !== undefined ||
      property(xml, exif, 'GPSLongitude', rdf) !== undefined,
  };
  const caption = property(xml, dc, 'description', rdf);
  const byline = property(xml, dc, 'creator', rdf);
  const credit = property(xml, photoshop, 'Credit', rdf);
  const copyright = property(xml, dc, 'rights', rdf);
  const captureTime =
    xmpDate(property(xml, exif, 'DateTimeOriginal', rdf)) ??
    xmpDate(property(xml, photoshop, 'DateCreated', rdf)) ??
    xmpDate(property(xml, xmp, 'CreateDate', rdf));
  if (caption !== undefined) result.caption = caption;
  if (byline !== undefined) result.byline = byline;
  if (credit !== undefined) result.credit = credit;
  if (copyright !== undefined) result.copyright = copyright;
  if (captureTime !== undefined) result.captureTime = captureTime;
  return result;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/**
 * Builds a minimal XMP packet with dc:description, dc:creator, dc:rights and photoshop:Credit.
 * Returns undefined when there is nothing to say, so no empty packet is written.
 */
export function buildXmp(credits: XmpCredits): string | undefined {
  const lines: string[] = [];
  const alt = (name: string, value: string): string =>
    `   <${name}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value.trim())}</rdf:li></rdf:Alt></${name}>`;
  if (present(credits.caption)) lines.push(alt('dc:description', credits.caption));
  if (present(credits.byline)) {
    lines.push(
      `   <dc:creator><rdf:Seq><rdf:li>${escapeXml(credits.byline.trim())}</rdf:li></rdf:Seq></dc:creator>`,
    );
  }
  if (present(credits.copyright)) lines.push(alt('dc:rights', credits.copyright));
  if (present(credits.credit)) {
    lines.push(`   <photoshop:Credit>${escapeXml(credits.credit.trim())}</photoshop:Credit>`);
  }
  if (lines.length === 0) return undefined;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ` <rdf:RDF xmlns:rdf="${NS.rdf}">`,
    `  <rdf:Description rdf:about="" xmlns:dc="${NS.dc}" xmlns:photoshop="${NS.photoshop}">`,
    ...lines,
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
