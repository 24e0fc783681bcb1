/**
 * Code tables for the two legacy 8-bit Vietnamese encodings still found in Word documents:
 * TCVN3 (TCVN 5712:1993 VN3, the ABC `.Vn*` fonts) and VNI-Windows (`VNI-*` fonts). Transcribed
 * from Appendix A of the Vietnamese text reference (facts from UniKey's VnConv tables); this is
 * our own table, checked row by row against `appendixA.fixture.ts`.
 *
 * Bytes are written as numbers; in pasted text each byte arrives as the cp1252/Latin-1 character
 * with the same code (0xAD = U+00AD SOFT HYPHEN, which in TCVN3 is the letter ư).
 */

/** One of the 67 lower-case letters that are not plain ASCII, with its legacy spellings. */
export interface LegacyLetter {
  /** The letter in NFC, lower case. */
  letter: string;
  /** Its TCVN3 byte. Upper case uses the same byte except for the 7 in `TCVN3_UPPER_BYTES`. */
  tcvn3: number;
  /** Its VNI-Windows bytes: one byte, or an ASCII base letter followed by a mark byte. */
  vni: readonly number[];
}

/**
 * All 67 lower-case letters, in the reference's order. The upper-case VNI spelling of every
 * letter is each byte minus 0x20 (`A` + 0xD9 for `Á`, 0xD1 for `Đ`).
 */
export const LEGACY_LETTERS: readonly LegacyLetter[] = [
  { letter: 'á', tcvn3: 0xb8, vni: [0x61, 0xf9] },
  { letter: 'à', tcvn3: 0xb5, vni: [0x61, 0xf8] },
  { letter: 'ả', tcvn3: 0xb6, vni: [0x61, 0xfb] },
  { letter: 'ã', tcvn3: 0xb7, vni: [0x61, 0xf5] },
  { letter: 'ạ', tcvn3: 0xb9, vni: [0x61, 0xef] },
  { letter: 'â', tcvn3: 0xa9, vni: [0x61, 0xe2] },
  { letter: 'ấ', tcvn3: 0xca, vni: [0x61, 0xe1] },
  { letter: 'ầ', tcvn3: 0xc7, vni: [0x61, 0xe0] },
  { letter: 'ẩ', tcvn3: 0xc8, vni: [0x61, 0xe5] },
  { letter: 'ẫ', tcvn3: 0xc9, vni: [0x61, 0xe3] },
  { letter: 'ậ', tcvn3: 0xcb, vni: [0x61, 0xe4] },
  { letter: 'ă', tcvn3: 0xa8, vni: [0x61, 0xea] },
  { letter: 'ắ', tcvn3: 0xbe, vni: [0x61, 0xe9] },
  { letter: 'ằ', tcvn3: 0xbb, vni: [0x61, 0xe8] },
  { letter: 'ẳ', tcvn3: 0xbc, vni: [0x61, 0xfa] },
  { letter: 'ẵ', tcvn3: 0xbd, vni: [0x61, 0xfc] },
  { letter: 'ặ', tcvn3: 0xc6, vni: [0x61, 0xeb] },
  { letter: 'đ', tcvn3: 0xae, vni: [0xf1] },
  { letter: 'é', tcvn3: 0xd0, vni: [0x65, 0xf9] },
  { letter: 'è', tcvn3: 0xcc, vni: [0x65, 0xf8] },
  { letter: 'ẻ', tcvn3: 0xce, vni: [0x65, 0xfb] },
  { letter: 'ẽ', tcvn3: 0xcf, vni: [0x65, 0xf5] },
  { letter: 'ẹ', tcvn3: 0xd1, vni: [0x65, 0xef] },
  { letter: 'ê', tcvn3: 0xaa, vni: [0x65, 0xe2] },
  { letter: 'ế', tcvn3: 0xd5, vni: [0x65, 0xe1] },
  { letter: 'ề', tcvn3: 0xd2, vni: [0x65, 0xe0] },
  { letter: 'ể', tcvn3: 0xd3, vni: [0x65, 0xe5] },
  { letter: 'ễ', tcvn3: 0xd4, vni: [0x65, 0xe3] },
  { letter: 'ệ', tcvn3: 0xd6, vni: [0x65, 0xe4] },
  { letter: 'í', tcvn3: 0xdd, vni: [0xed] },
  { letter: 'ì', tcvn3: 0xd7, vni: [0xec] },
  { letter: 'ỉ', tcvn3: 0xd8, vni: [0xe6] },
  { letter: 'ĩ', tcvn3: 0xdc, vni: [0xf3] },
  { letter: 'ị', tcvn3: 0xde, vni: [0xf2] },
  { letter: 'ó', tcvn3: 0xe3, vni: [0x6f, 0xf9] },
  { letter: 'ò', tcvn3: 0xdf, vni: [0x6f, 0xf8] },
  { letter: 'ỏ', tcvn3: 0xe1, vni: [0x6f, 0xfb] },
  { letter: 'õ', tcvn3: 0xe2, vni: [0x6f, 0xf5] },
  { letter: 'ọ', tcvn3: 0xe4, vni: [0x6f, 0xef] },
  { letter: 'ô', tcvn3: 0xab, vni: [0x6f, 0xe2] },
  { letter: 'ố', tcvn3: 0xe8, vni: [0x6f, 0xe1] },
  { letter: 'ồ', tcvn3: 0xe5, vni: [0x6f, 0xe0] },
  { letter: 'ổ', tcvn3: 0xe6, vni: [0x6f, 0xe5] },
  { letter: 'ỗ', tcvn3: 0xe7, vni: [0x6f, 0xe3] },
  { letter: 'ộ', tcvn3: 0xe9, vni: [0x6f, 0xe4] },
  { letter: 'ơ', tcvn3: 0xac, vni: [0xf4] },
  { letter: 'ớ', tcvn3: 0xed, vni: [0xf4, 0xf9] },
  { letter: 'ờ', tcvn3: 0xea, vni: [0xf4, 0xf8] },
  { letter: 'ở', tcvn3: 0xeb, vni: [0xf4, 0xfb] },
  { letter: 'ỡ', tcvn3: 0xec, vni: [0xf4, 0xf5] },
  { letter: 'ợ', tcvn3: 0xee, vni: [0xf4, 0xef] },
  { letter: 'ú', tcvn3: 0xf3, vni: [0x75, 0xf9] },
  { letter: 'ù', tcvn3: 0xef, vni: [0x75, 0xf8] },
  { letter: 'ủ', tcvn3: 0xf1, vni: [0x75, 0xfb] },
  { letter: 'ũ', tcvn3: 0xf2, vni: [0x75, 0xf5] },
  { letter: 'ụ', tcvn3: 0xf4, vni: [0x75, 0xef] },
  { letter: 'ư', tcvn3: 0xad, vni: [0xf6] },
  { letter: 'ứ', tcvn3: 0xf8, vni: [0xf6, 0xf9] },
  { letter: 'ừ', tcvn3: 0xf5, vni: [0xf6, 0xf8] },
  { letter: 'ử', tcvn3: 0xf6, vni: [0xf6, 0xfb] },
  { letter: 'ữ', tcvn3: 0xf7, vni: [0xf6, 0xf5] },
  { letter: 'ự', tcvn3: 0xf9, vni: [0xf6, 0xef] },
  { letter: 'ý', tcvn3: 0xfd, vni: [0x79, 0xf9] },
  { letter: 'ỳ', tcvn3: 0xfa, vni: [0x79, 0xf8] },
  { letter: 'ỷ', tcvn3: 0xfb, vni: [0x79, 0xfb] },
  { letter: 'ỹ', tcvn3: 0xfc, vni: [0x79, 0xf5] },
  { letter: 'ỵ', tcvn3: 0xfe, vni: [0xee] },
];

/**
 * The only upper-case letters TCVN3 has codes for (0xA1–0xA7). Every other upper-case letter
 * with a diacritic (Á, Ấ, Ủ…) shares the lower-case byte and only looks upper case because the
 * run is set in a `.Vn…H` font, so plain TCVN3 text cannot say whether `¸` is á or Á.
 */
export const TCVN3_UPPER_BYTES: Readonly<Record<string, number>> = {
  Ă: 0xa1,
  Â: 0xa2,
  Ê: 0xa3,
  Ô: 0xa4,
  Ơ: 0xa5,
  Ư: 0xa6,
  Đ: 0xa7,
};
