import { splitTone, type Tone } from './tones';

/**
 * Vietnamese syllable structure: onset + rhyme (medial, main vowel, ending) + tone. The rules
 * are orthographic (what a correctly spelt syllable looks like), which is what legacy-encoding
 * detection and the spellchecker need.
 */

/** Which tone placement to accept for open `oa`, `oe`, `uy` (the only place the styles differ). */
export type ToneStyle = 'old' | 'new' | 'any';

/** A syllable taken apart; all strings are lower case and toneless. */
export interface SyllableParts {
  /** Initial consonant as written (`ngh`, `gi`, `qu`, `đ`…), '' when the syllable starts with a vowel. */
  onset: string;
  /** Everything after the onset, e.g. `oa`, `uyên`, `ương`, `in` in `gìn`. */
  rhyme: string;
  /** The written vowel cluster of the rhyme, including glides written as vowels (`oai`, `ươu`). */
  vowels: string;
  /** Final consonant (`c`, `ch`, `m`, `n`, `ng`, `nh`, `p`, `t`), '' for open syllables. */
  coda: string;
  tone: Tone;
  /** Letter index (in the whole syllable) carrying the tone mark; -1 for `ngang`. */
  toneIndex: number;
  /** Letter index where the traditional style (`hòa`, `thủy`) puts a tone. */
  oldStyleIndex: number;
  /** Letter index where the reformed style (`hoà`, `thuỷ`) puts a tone. */
  newStyleIndex: number;
}

const ONSETS = [
  'ngh',
  'gh',
  'gi',
  'kh',
  'ng',
  'nh',
  'ph',
  'qu',
  'th',
  'tr',
  'ch',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
] as const;

const words = (s: string): string[] => s.split(' ');

/** Rhymes without a medial glide, grouped by main vowel. */
const PLAIN_RHYMES = words(
  [
    'a ac ach ai am an ang anh ao ap at au ay',
    'ăc ăm ăn ăng ăp ăt',
    'âc âm ân âng âp ât âu ây',
    'e ec em en eng eo ep et',
    'ê êch êm ên ênh êp êt êu',
    'i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu',
    'y yêm yên yêng yêt yêu',
    'o oc oi om on ong op ot ooc oong',
    'ô ôc ôi ôm ôn ông ôp ôt',
    'ơ ơi ơm ơn ơp ơt',
    'u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt',
    'ư ưa ưc ưi ưm ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu',
  ].join(' '),
);

/** Rhymes with the medial glide written `o` (before a, ă, e) or `u` (before â, ê, y, ơ). */
const MEDIAL_RHYMES = words(
  [
    'oa oac oach oai oam oan oang oanh oao oap oat oay',
    'oăc oăm oăn oăng oăt',
    'oe oen oeo oet',
    'uân uâng uât uây',
    'uê uêch uênh',
    'uy uych uynh uyp uyt uya uyu uyên uyêt',
    'uơ',
  ].join(' '),
);

/** After `qu` the glide is already written in the onset. */
const QU_RHYMES = new Set(
  words(
    [
      'a ac ach ai am an ang anh ao ap at au ay',
      'ăc ăm ăn ăng ăp ăt',
      'ân âng ât ây',
      'e en eo et',
      'ê êch ênh',
      'i y ych ynh yt yên yêt',
      'ôc ơ',
    ].join(' '),
  ),
);

/** `g` before `i` is the onset gi with the i shared: gì, gìn, giếng. */
const G_I_RHYMES = new Set(words('i ich im in inh ip it iêc iêm iên iêng iêp iêt iêu'));

const ALL_RHYMES = new Set([...PLAIN_RHYMES, ...MEDIAL_RHYMES]);
const VOWELS = new Set('aăâeêioôơuưy');
const SHAPED_VOWELS = new Set('ăâêôơư');
const LETTERS = new Set('abcdeghiklmnopqrstuvxyăâđêôơư');
const STOP_CODAS = new Set(['c', 'ch', 'p', 't']);
const SWAPPABLE = new Set(['oa', 'oe', 'uy']);

/** Front vowels that decide k/c, gh/g and ngh/ng. */
function startsFront(rhyme: string): boolean {
  return /^[ieêy]/u.test(rhyme);
}

function rhymeFitsOnset(onset: string, rhyme: string): boolean {
  if (onset === 'qu') return QU_RHYMES.has(rhyme);
  if (!ALL_RHYMES.has(rhyme)) return false;
  const front = /^[ieê]/u.test(rhyme);
  const yeRhyme = rhyme.startsWith('yê');
  const ieRhyme = rhyme.startsWith('iê');
  if (onset === '') return !ieRhyme;
  if (yeRhyme) return false;
  switch (onset) {
    case 'k':
      return startsFront(rhyme);
    case 'c':
      return !startsFront(rhyme);
    case 'gh':
    case 'ngh':
      return front;
    case 'ng':
      return !front;
    case 'g':
      return rhyme.startsWith('i') ? G_I_RHYMES.has(rhyme) : !/^[eê]/u.test(rhyme);
    case 'gi':
      return !/^[iy]/u.test(rhyme);
    default:
      return true;
  }
}

/** Where each style puts the tone inside a rhyme (indices relative to the rhyme). */
function tonePositionsInRhyme(vowels: string, coda: string): { old: number; new: number } {
  let shaped = -1;
  for (let i = 0; i < vowels.length; i += 1) {
    if (SHAPED_VOWELS.has(vowels.charAt(i))) shaped = i;
  }
  if (shaped !== -1) return { old: shaped, new: shaped };
  if (coda !== '') return { old: vowels.length - 1, new: vowels.length - 1 };
  if (vowels.length === 3) return { old: 1, new: 1 };
  if (vowels.length === 2 && SWAPPABLE.has(vowels)) return { old: 0, new: 1 };
  return { old: 0, new: 0 };
}

function describe(onset: string, rhyme: string, tone: Tone, toneIndex: number): SyllableParts {
  let end = 0;
  while (end < rhyme.length && VOWELS.has(rhyme.charAt(end))) end += 1;
  const vowels = rhyme.slice(0, end);
  const coda = rhyme.slice(end);
  const positions = tonePositionsInRhyme(vowels, coda);
  return {
    onset,
    rhyme,
    vowels,
    coda,
    tone,
    toneIndex,
    oldStyleIndex: onset.length + positions.old,
    newStyleIndex: onset.length + positions.new,
  };
}

/**
 * Takes a single word apart as a Vietnamese syllable, or returns null when it cannot be one.
 * The tone position is not checked here (see `isValidSyllable`), so callers such as the tone
 * style converter can still read a misplaced tone. Case-insensitive; NFC or NFD.
 */
export function parseSyllable(word: string): SyllableParts | null {
  const split = splitTone(word);
  if (split === null || split.letters.length === 0) return null;
  const lower = split.letters.map((letter) => letter.toLowerCase());
  if (!lower.every((letter) => letter.length === 1 && LETTERS.has(letter))) return null;
  const bare = lower.join('');
  const candidates = [...ONSETS.filter((onset) => bare.startsWith(onset)), ''];
  for (const onset of candidates) {
    const rhyme = bare.slice(onset.length);
    if (rhymeFitsOnset(onset, rhyme)) return describe(onset, rhyme, split.tone, split.toneIndex);
  }
  return null;
}

/**
 * True when the word is a correctly spelt Vietnamese syllable: known onset and rhyme, onset
 * spelling rules (k/c, gh/g, ngh/ng, qu, gi), only sắc or nặng on -p/-t/-c/-ch, and the tone on
 * the right vowel. `toneStyle` decides whether `hòa`/`thủy` (old), `hoà`/`thuỷ` (new) or both
 * are accepted. Used to score legacy-encoding candidates and by the spellchecker.
 */
export function isValidSyllable(word: string, options: { toneStyle?: ToneStyle } = {}): boolean {
  const parts = parseSyllable(word);
  if (parts === null) return false;
  if (parts.tone === 'ngang') return true;
  if (STOP_CODAS.has(parts.coda) && parts.tone !== 'sac' && parts.tone !== 'nang') return false;
  const style = options.toneStyle ?? 'any';
  const okOld = parts.toneIndex === parts.oldStyleIndex;
  const okNew = parts.toneIndex === parts.newStyleIndex;
  switch (style) {
    case 'old':
      return okOld;
    case 'new':
      return okNew;
    case 'any':
      return okOld || okNew;
    default:
      return style satisfies never;
  }
}
