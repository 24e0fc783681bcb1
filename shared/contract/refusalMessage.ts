import { fieldLabel } from './fieldLabels';

/** The parts of a zod issue the sentence needs (zod's own `$ZodIssue` satisfies it). */
export interface InputIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  expected?: string;
  keys?: readonly string[];
}

const generic = 'Dữ liệu gửi lên không hợp lệ. Hãy kiểm tra lại các ô vừa nhập rồi thử lại.';

/** zod's own wording (Vietnamese or English locale): replaced by a sentence about the field. */
const zodWording =
  /^(Chuỗi không hợp lệ|Quá nhỏ|Quá lớn|Đầu vào không hợp lệ|Tùy chọn không hợp lệ|Khóa|Số không hợp lệ|Invalid|Too (big|small)|Unrecognized)|mong đợi|expected/iu;

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/**
 * A refusal of a call's input as a Vietnamese sentence about the field, never zod's raw text or
 * the field's code name: «Tên máy trạm đang trống. Hãy nhập tên máy trạm.». Messages the
 * contract wrote itself (refinements) are already sentences and are kept.
 */
export function refusalMessage(call: string, issue: InputIssue | undefined): string {
  if (!issue) return generic;
  // The contract's own sentences (refinements, messages given to a check) are kept as written.
  if (issue.code === 'custom' || !zodWording.test(issue.message)) return issue.message;
  const label = fieldLabel(call, issue.path);
  if (label === null) return generic;
  const Label = capitalised(label);
  const min = issue.minimum === undefined ? undefined : Number(issue.minimum);
  const max = issue.maximum === undefined ? undefined : Number(issue.maximum);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return min !== undefined && min <= 1
          ? `${Label} đang trống. Hãy nhập ${label}.`
          : `${Label} quá ngắn: cần ít nhất ${min} ký tự.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return min !== undefined && min <= 1
          ? `Chưa chọn ${label}. Hãy chọn ít nhất một mục.`
          : `${Label} cần ít nhất ${min} mục.`;
      return `${Label} quá nhỏ: phải từ ${min} trở lên.`;
    case 'too_big':
      if (issue.origin === 'string') return `${Label} quá dài: tối đa ${max} ký tự. Hãy rút gọn.`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `${Label} có quá nhiều mục: tối đa ${max}.`;
      return `${Label} quá lớn: không được vượt ${max}.`;
    case 'invalid_format':
      if (issue.format === 'url')
        return `${Label} chưa đúng: hãy nhập địa chỉ đầy đủ, bắt đầu bằng http:// hoặc https:// (ví dụ https://baotinh.vn).`;
      if (issue.format === 'email') return `${Label} chưa đúng: hãy nhập một địa chỉ thư điện tử.`;
      return `${Label} có ký tự hoặc định dạng không dùng được. Hãy nhập lại.`;
    case 'invalid_type':
      if (issue.expected === 'nonoptional' || issue.message.includes('undefined'))
        return `Còn thiếu ${label}. Hãy điền rồi thử lại.`;
      return `${Label} không đúng kiểu dữ liệu. Hãy nhập lại.`;
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return `${Label} không phải một lựa chọn hợp lệ. Hãy chọn lại.`;
    case 'not_multiple_of':
      return `${Label} không đúng bước cho phép. Hãy nhập lại.`;
    case 'unrecognized_keys':
      return generic;
    default:
      return `${Label} không hợp lệ. Hãy nhập lại.`;
  }
}
