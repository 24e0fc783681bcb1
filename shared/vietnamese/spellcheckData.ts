/**
 * Data for the spellchecker, kept apart from the logic so editors of the rule lists need not read
 * the algorithm.
 */

/**
 * Frequent confusions of valid syllables (s/x, ch/tr, d/gi/r, hỏi/ngã, n/ng), written
 * `wrong → right`. Only pairs that dictionaries and style guides agree on; contested ones
 * (tham quan/thăm quan, yếu điểm, bàng quan) are left out so the warning stays trustworthy.
 */
export const commonRealWordErrors: ReadonlyArray<readonly [wrong: string, right: string]> = [
  ['sử lý', 'xử lý'],
  ['sử lí', 'xử lí'],
  ['xử dụng', 'sử dụng'],
  ['chia sẽ', 'chia sẻ'],
  ['sáng lạng', 'xán lạn'],
  ['chẩn bị', 'chuẩn bị'],
  ['giành cho', 'dành cho'],
  ['dành chiến thắng', 'giành chiến thắng'],
  ['tranh dành', 'tranh giành'],
  ['suất sắc', 'xuất sắc'],
  ['suất hiện', 'xuất hiện'],
  ['suất xứ', 'xuất xứ'],
  ['sản suất', 'sản xuất'],
  ['năng xuất', 'năng suất'],
  ['sơ xuất', 'sơ suất'],
  ['xơ xuất', 'sơ suất'],
  ['sát nhập', 'sáp nhập'],
  ['cọ sát', 'cọ xát'],
  ['chuẩn đoán', 'chẩn đoán'],
  ['bổ xung', 'bổ sung'],
  ['sắc xảo', 'sắc sảo'],
  ['xơ xài', 'sơ sài'],
  ['sát xao', 'sát sao'],
  ['xắp xếp', 'sắp xếp'],
  ['chặt trẽ', 'chặt chẽ'],
  ['chở ngại', 'trở ngại'],
  ['chân trọng', 'trân trọng'],
  ['trân thành', 'chân thành'],
  ['trú trọng', 'chú trọng'],
  ['trí mạng', 'chí mạng'],
  ['chau chuốt', 'trau chuốt'],
  ['vô hình chung', 'vô hình trung'],
  ['tựu chung', 'tựu trung'],
  ['dữ gìn', 'giữ gìn'],
  ['dành mạch', 'rành mạch'],
  ['dư giả', 'dư dả'],
  ['chính chắn', 'chín chắn'],
  ['chỉnh chu', 'chỉn chu'],
  ['lãng mạng', 'lãng mạn'],
  ['nỗi tiếng', 'nổi tiếng'],
  ['kỹ lưởng', 'kỹ lưỡng'],
  ['bương chải', 'bươn chải'],
];

/**
 * Very frequent syllables of news text. Used only to order suggestions that are otherwise equally
 * close (`đươc` → `được` before `đước`), since hunspell-vi carries no frequencies.
 */
export const frequentSyllables: readonly string[] = (
  'của và các có là được trong người cho những với không một đã năm này đến công để khi ra ' +
  'nhiều về tại cũng từ theo trên nhà đó sự việc hơn phát nước triển tỉnh xã hội thực hiện ' +
  'động làm ngày kinh tế chính quốc đồng trường học sinh dân thành phố đầu tư quan phải vào ' +
  'sẽ đi như thể lại bộ cơ vụ tình hình biết giá mới năng lực thông tin hoạt trình đảng ' +
  'tháng giữa sau trước đây nói cần còn vẫn đang bị ở nhưng nên vì lên xuống họ chúng tôi ' +
  'mình anh chị em ông bà con cao lớn nhỏ tốt mạnh đúng hợp pháp luật quyền lợi ích dụng ' +
  'điều kiện quả giải quyết định chức cán tác bảo vệ an ninh trị văn hoá giáo dục y tế'
).split(' ');
