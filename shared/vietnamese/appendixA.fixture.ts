/**
 * Appendix A of the Vietnamese text reference (TCVN3 and VNI-Windows codes for all 134 letters),
 * transcribed row by row as numbers so the converter's own table can be checked against it.
 * `tcvn3Upper: null` is the reference's "same byte (needs .Vn…H font)".
 */
export interface AppendixARow {
  lower: number;
  upper: number;
  tcvn3Lower: number;
  tcvn3Upper: number | null;
  vniLower: readonly number[];
  vniUpper: readonly number[];
}

/** 67 rows, in the reference's order. */
export const APPENDIX_A: readonly AppendixARow[] = [
  {
    lower: 0x00e1,
    upper: 0x00c1,
    tcvn3Lower: 0xb8,
    tcvn3Upper: null,
    vniLower: [0x61, 0xf9],
    vniUpper: [0x41, 0xd9],
  }, // á Á
  {
    lower: 0x00e0,
    upper: 0x00c0,
    tcvn3Lower: 0xb5,
    tcvn3Upper: null,
    vniLower: [0x61, 0xf8],
    vniUpper: [0x41, 0xd8],
  }, // à À
  {
    lower: 0x1ea3,
    upper: 0x1ea2,
    tcvn3Lower: 0xb6,
    tcvn3Upper: null,
    vniLower: [0x61, 0xfb],
    vniUpper: [0x41, 0xdb],
  }, // ả Ả
  {
    lower: 0x00e3,
    upper: 0x00c3,
    tcvn3Lower: 0xb7,
    tcvn3Upper: null,
    vniLower: [0x61, 0xf5],
    vniUpper: [0x41, 0xd5],
  }, // ã Ã
  {
    lower: 0x1ea1,
    upper: 0x1ea0,
    tcvn3Lower: 0xb9,
    tcvn3Upper: null,
    vniLower: [0x61, 0xef],
    vniUpper: [0x41, 0xcf],
  }, // ạ Ạ
  {
    lower: 0x00e2,
    upper: 0x00c2,
    tcvn3Lower: 0xa9,
    tcvn3Upper: 0xa2,
    vniLower: [0x61, 0xe2],
    vniUpper: [0x41, 0xc2],
  }, // â Â
  {
    lower: 0x1ea5,
    upper: 0x1ea4,
    tcvn3Lower: 0xca,
    tcvn3Upper: null,
    vniLower: [0x61, 0xe1],
    vniUpper: [0x41, 0xc1],
  }, // ấ Ấ
  {
    lower: 0x1ea7,
    upper: 0x1ea6,
    tcvn3Lower: 0xc7,
    tcvn3Upper: null,
    vniLower: [0x61, 0xe0],
    vniUpper: [0x41, 0xc0],
  }, // ầ Ầ
  {
    lower: 0x1ea9,
    upper: 0x1ea8,
    tcvn3Lower: 0xc8,
    tcvn3Upper: null,
    vniLower: [0x61, 0xe5],
    vniUpper: [0x41, 0xc5],
  }, // ẩ Ẩ
  {
    lower: 0x1eab,
    upper: 0x1eaa,
    tcvn3Lower: 0xc9,
    tcvn3Upper: null,
    vniLower: [0x61, 0xe3],
    vniUpper: [0x41, 0xc3],
  }, // ẫ Ẫ
  {
    lower: 0x1ead,
    upper: 0x1eac,
    tcvn3Lower: 0xcb,
    tcvn3Upper: null,
    vniLower: [0x61, 0xe4],
    vniUpper: [0x41, 0xc4],
  }, // ậ Ậ
  {
    lower: 0x0103,
    upper: 0x0102,
    tcvn3Lower: 0xa8,
    tcvn3Upper: 0xa1,
    vniLower: [0x61, 0xea],
    vniUpper: [0x41, 0xca],
  }, // ă Ă
  {
    lower: 0x1eaf,
    upper: 0x1eae,
    tcvn3Lower: 0xbe,
    tcvn3Upper: null,
    vniLower: [0x61, 0xe9],
    vniUpper: [0x41, 0xc9],
  }, // ắ Ắ
  {
    lower: 0x1eb1,
    upper: 0x1eb0,
    tcvn3Lower: 0xbb,
    tcvn3Upper: null,
    vniLower: [0x61, 0xe8],
    vniUpper: [0x41, 0xc8],
  }, // ằ Ằ
  {
    lower: 0x1eb3,
    upper: 0x1eb2,
    tcvn3Lower: 0xbc,
    tcvn3Upper: null,
    vniLower: [0x61, 0xfa],
    vniUpper: [0x41, 0xda],
  }, // ẳ Ẳ
  {
    lower: 0x1eb5,
    upper: 0x1eb4,
    tcvn3Lower: 0xbd,
    tcvn3Upper: null,
    vniLower: [0x61, 0xfc],
    vniUpper: [0x41, 0xdc],
  }, // ẵ Ẵ
  {
    lower: 0x1eb7,
    upper: 0x1eb6,
    tcvn3Lower: 0xc6,
    tcvn3Upper: null,
    vniLower: [0x61, 0xeb],
    vniUpper: [0x41, 0xcb],
  }, // ặ Ặ
  {
    lower: 0x0111,
    upper: 0x0110,
    tcvn3Lower: 0xae,
    tcvn3Upper: 0xa7,
    vniLower: [0xf1],
    vniUpper: [0xd1],
  }, // đ Đ
  {
    lower: 0x00e9,
    upper: 0x00c9,
    tcvn3Lower: 0xd0,
    tcvn3Upper: null,
    vniLower: [0x65, 0xf9],
    vniUpper: [0x45, 0xd9],
  }, // é É
  {
    lower: 0x00e8,
    upper: 0x00c8,
    tcvn3Lower: 0xcc,
    tcvn3Upper: null,
    vniLower: [0x65, 0xf8],
    vniUpper: [0x45, 0xd8],
  }, // è È
  {
    lower: 0x1ebb,
    upper: 0x1eba,
    tcvn3Lower: 0xce,
    tcvn3Upper: null,
    vniLower: [0x65, 0xfb],
    vniUpper: [0x45, 0xdb],
  }, // ẻ Ẻ
  {
    lower: 0x1ebd,
    upper: 0x1ebc,
    tcvn3Lower: 0xcf,
    tcvn3Upper: null,
    vniLower: [0x65, 0xf5],
    vniUpper: [0x45, 0xd5],
  }, // ẽ Ẽ
  {
    lower: 0x1eb9,
    upper: 0x1eb8,
    tcvn3Lower: 0xd1,
    tcvn3Upper: null,
    vniLower: [0x65, 0xef],
    vniUpper: [0x45, 0xcf],
  }, // ẹ Ẹ
  {
    lower: 0x00ea,
    upper: 0x00ca,
    tcvn3Lower: 0xaa,
    tcvn3Upper: 0xa3,
    vniLower: [0x65, 0xe2],
    vniUpper: [0x45, 0xc2],
  }, // ê Ê
  {
    lower: 0x1ebf,
    upper: 0x1ebe,
    tcvn3Lower: 0xd5,
    tcvn3Upper: null,
    vniLower: [0x65, 0xe1],
    vniUpper: [0x45, 0xc1],
  }, // ế Ế
  {
    lower: 0x1ec1,
    upper: 0x1ec0,
    tcvn3Lower: 0xd2,
    tcvn3Upper: null,
    vniLower: [0x65, 0xe0],
    vniUpper: [0x45, 0xc0],
  }, // ề Ề
  {
    lower: 0x1ec3,
    upper: 0x1ec2,
    tcvn3Lower: 0xd3,
    tcvn3Upper: null,
    vniLower: [0x65, 0xe5],
    vniUpper: [0x45, 0xc5],
  }, // ể Ể
  {
    lower: 0x1ec5,
    upper: 0x1ec4,
    tcvn3Lower: 0xd4,
    tcvn3Upper: null,
    vniLower: [0x65, 0xe3],
    vniUpper: [0x45, 0xc3],
  }, // ễ Ễ
  {
    lower: 0x1ec7,
    upper: 0x1ec6,
    tcvn3Lower: 0xd6,
    tcvn3Upper: null,
    vniLower: [0x65, 0xe4],
    vniUpper: [0x45, 0xc4],
  }, // ệ Ệ
  {
    lower: 0x00ed,
    upper: 0x00cd,
    tcvn3Lower: 0xdd,
    tcvn3Upper: null,
    vniLower: [0xed],
    vniUpper: [0xcd],
  }, // í Í
  {
    lower: 0x00ec,
    upper: 0x00cc,
    tcvn3Lower: 0xd7,
    tcvn3Upper: null,
    vniLower: [0xec],
    vniUpper: [0xcc],
  }, // ì Ì
  {
    lower: 0x1ec9,
    upper: 0x1ec8,
    tcvn3Lower: 0xd8,
    tcvn3Upper: null,
    vniLower: [0xe6],
    vniUpper: [0xc6],
  }, // ỉ Ỉ
  {
    lower: 0x0129,
    upper: 0x0128,
    tcvn3Lower: 0xdc,
    tcvn3Upper: null,
    vniLower: [0xf3],
    vniUpper: [0xd3],
  }, // ĩ Ĩ
  {
    lower: 0x1ecb,
    upper: 0x1eca,
    tcvn3Lower: 0xde,
    tcvn3Upper: null,
    vniLower: [0xf2],
    vniUpper: [0xd2],
  }, // ị Ị
  {
    lower: 0x00f3,
    upper: 0x00d3,
    tcvn3Lower: 0xe3,
    tcvn3Upper: null,
    vniLower: [0x6f, 0xf9],
    vniUpper: [0x4f, 0xd9],
  }, // ó Ó
  {
    lower: 0x00f2,
    upper: 0x00d2,
    tcvn3Lower: 0xdf,
    tcvn3Upper: null,
    vniLower: [0x6f, 0xf8],
    vniUpper: [0x4f, 0xd8],
  }, // ò Ò
  {
    lower: 0x1ecf,
    upper: 0x1ece,
    tcvn3Lower: 0xe1,
    tcvn3Upper: null,
    vniLower: [0x6f, 0xfb],
    vniUpper: [0x4f, 0xdb],
  }, // ỏ Ỏ
  {
    lower: 0x00f5,
    upper: 0x00d5,
    tcvn3Lower: 0xe2,
    tcvn3Upper: null,
    vniLower: [0x6f, 0xf5],
    vniUpper: [0x4f, 0xd5],
  }, // õ Õ
  {
    lower: 0x1ecd,
    upper: 0x1ecc,
    tcvn3Lower: 0xe4,
    tcvn3Upper: null,
    vniLower: [0x6f, 0xef],
    vniUpper: [0x4f, 0xcf],
  }, // ọ Ọ
  {
    lower: 0x00f4,
    upper: 0x00d4,
    tcvn3Lower: 0xab,
    tcvn3Upper: 0xa4,
    vniLower: [0x6f, 0xe2],
    vniUpper: [0x4f, 0xc2],
  }, // ô Ô
  {
    lower: 0x1ed1,
    upper: 0x1ed0,
    tcvn3Lower: 0xe8,
    tcvn3Upper: null,
    vniLower: [0x6f, 0xe1],
    vniUpper: [0x4f, 0xc1],
  }, // ố Ố
  {
    lower: 0x1ed3,
    upper: 0x1ed2,
    tcvn3Lower: 0xe5,
    tcvn3Upper: null,
    vniLower: [0x6f, 0xe0],
    vniUpper: [0x4f, 0xc0],
  }, // ồ Ồ
  {
    lower: 0x1ed5,
    upper: 0x1ed4,
    tcvn3Lower: 0xe6,
    tcvn3Upper: null,
    vniLower: [0x6f, 0xe5],
    vniUpper: [0x4f, 0xc5],
  }, // ổ Ổ
  {
    lower: 0x1ed7,
    upper: 0x1ed6,
    tcvn3Lower: 0xe7,
    tcvn3Upper: null,
    vniLower: [0x6f, 0xe3],
    vniUpper: [0x4f, 0xc3],
  }, // ỗ Ỗ
  {
    lower: 0x1ed9,
    upper: 0x1ed8,
    tcvn3Lower: 0xe9,
    tcvn3Upper: null,
    vniLower: [0x6f, 0xe4],
    vniUpper: [0x4f, 0xc4],
  }, // ộ Ộ
  {
    lower: 0x01a1,
    upper: 0x01a0,
    tcvn3Lower: 0xac,
    tcvn3Upper: 0xa5,
    vniLower: [0xf4],
    vniUpper: [0xd4],
  }, // ơ Ơ
  {
    lower: 0x1edb,
    upper: 0x1eda,
    tcvn3Lower: 0xed,
    tcvn3Upper: null,
    vniLower: [0xf4, 0xf9],
    vniUpper: [0xd4, 0xd9],
  }, // ớ Ớ
  {
    lower: 0x1edd,
    upper: 0x1edc,
    tcvn3Lower: 0xea,
    tcvn3Upper: null,
    vniLower: [0xf4, 0xf8],
    vniUpper: [0xd4, 0xd8],
  }, // ờ Ờ
  {
    lower: 0x1edf,
    upper: 0x1ede,
    tcvn3Lower: 0xeb,
    tcvn3Upper: null,
    vniLower: [0xf4, 0xfb],
    vniUpper: [0xd4, 0xdb],
  }, // ở Ở
  {
    lower: 0x1ee1,
    upper: 0x1ee0,
    tcvn3Lower: 0xec,
    tcvn3Upper: null,
    vniLower: [0xf4, 0xf5],
    vniUpper: [0xd4, 0xd5],
  }, // ỡ Ỡ
  {
    lower: 0x1ee3,
    upper: 0x1ee2,
    tcvn3Lower: 0xee,
    tcvn3Upper: null,
    vniLower: [0xf4, 0xef],
    vniUpper: [0xd4, 0xcf],
  }, // ợ Ợ
  {
    lower: 0x00fa,
    upper: 0x00da,
    tcvn3Lower: 0xf3,
    tcvn3Upper: null,
    vniLower: [0x75, 0xf9],
    vniUpper: [0x55, 0xd9],
  }, // ú Ú
  {
    lower: 0x00f9,
    upper: 0x00d9,
    tcvn3Lower: 0xef,
    tcvn3Upper: null,
    vniLower: [0x75, 0xf8],
    vniUpper: [0x55, 0xd8],
  }, // ù Ù
  {
    lower: 0x1ee7,
    upper: 0x1ee6,
    tcvn3Lower: 0xf1,
    tcvn3Upper: null,
    vniLower: [0x75, 0xfb],
    vniUpper: [0x55, 0xdb],
  }, // ủ Ủ
  {
    lower: 0x0169,
    upper: 0x0168,
    tcvn3Lower: 0xf2,
    tcvn3Upper: null,
    vniLower: [0x75, 0xf5],
    vniUpper: [0x55, 0xd5],
  }, // ũ Ũ
  {
    lower: 0x1ee5,
    upper: 0x1ee4,
    tcvn3Lower: 0xf4,
    tcvn3Upper: null,
    vniLower: [0x75, 0xef],
    vniUpper: [0x55, 0xcf],
  }, // ụ Ụ
  {
    lower: 0x01b0,
    upper: 0x01af,
    tcvn3Lower: 0xad,
    tcvn3Upper: 0xa6,
    vniLower: [0xf6],
    vniUpper: [0xd6],
  }, // ư Ư
  {
    lower: 0x1ee9,
    upper: 0x1ee8,
    tcvn3Lower: 0xf8,
    tcvn3Upper: null,
    vniLower: [0xf6, 0xf9],
    vniUpper: [0xd6, 0xd9],
  }, // ứ Ứ
  {
    lower: 0x1eeb,
    upper: 0x1eea,
    tcvn3Lower: 0xf5,
    tcvn3Upper: null,
    vniLower: [0xf6, 0xf8],
    vniUpper: [0xd6, 0xd8],
  }, // ừ Ừ
  {
    lower: 0x1eed,
    upper: 0x1eec,
    tcvn3Lower: 0xf6,
    tcvn3Upper: null,
    vniLower: [0xf6, 0xfb],
    vniUpper: [0xd6, 0xdb],
  }, // ử Ử
  {
    lower: 0x1eef,
    upper: 0x1eee,
    tcvn3Lower: 0xf7,
    tcvn3Upper: null,
    vniLower: [0xf6, 0xf5],
    vniUpper: [0xd6, 0xd5],
  }, // ữ Ữ
  {
    lower: 0x1ef1,
    upper: 0x1ef0,
    tcvn3Lower: 0xf9,
    tcvn3Upper: null,
    vniLower: [0xf6, 0xef],
    vniUpper: [0xd6, 0xcf],
  }, // ự Ự
  {
    lower: 0x00fd,
    upper: 0x00dd,
    tcvn3Lower: 0xfd,
    tcvn3Upper: null,
    vniLower: [0x79, 0xf9],
    vniUpper: [0x59, 0xd9],
  }, // ý Ý
  {
    lower: 0x1ef3,
    upper: 0x1ef2,
    tcvn3Lower: 0xfa,
    tcvn3Upper: null,
    vniLower: [0x79, 0xf8],
    vniUpper: [0x59, 0xd8],
  }, // ỳ Ỳ
  {
    lower: 0x1ef7,
    upper: 0x1ef6,
    tcvn3Lower: 0xfb,
    tcvn3Upper: null,
    vniLower: [0x79, 0xfb],
    vniUpper: [0x59, 0xdb],
  }, // ỷ Ỷ
  {
    lower: 0x1ef9,
    upper: 0x1ef8,
    tcvn3Lower: 0xfc,
    tcvn3Upper: null,
    vniLower: [0x79, 0xf5],
    vniUpper: [0x59, 0xd5],
  }, // ỹ Ỹ
  {
    lower: 0x1ef5,
    upper: 0x1ef4,
    tcvn3Lower: 0xfe,
    tcvn3Upper: null,
    vniLower: [0xee],
    vniUpper: [0xce],
  }, // ỵ Ỵ
];
