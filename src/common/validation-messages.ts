/**
 * class-validator names each rule a value broke (`isEmail`, `maxLength` …) and describes it in
 * English. This turns one broken rule into the API's words: a stable `code` and a Vietnamese
 * sentence. A rule declared with `context: { code }` (see `coded`) already carries its own
 * Vietnamese message, which is kept as written.
 */

/** `{ message, context }` for a decorator whose Vietnamese message and code are its own. */
export const coded = (code: string, message: string) => ({ message, context: { code } });

/** The numbers class-validator puts in its default messages ("… shorter than or equal to 200 characters"). */
const lastNumber = (english: string): string => /(-?\d+(?:\.\d+)?)(?!.*\d)/.exec(english)?.[1] ?? '?';
const afterColon = (english: string): string => english.slice(english.lastIndexOf(':') + 1).trim();
const thousands = (n: string) => (/^\d{4,}$/.test(n) ? Number(n).toLocaleString('vi-VN') : n);

type Describe = (label: string, english: string) => string;

const RULES: Record<string, { code: string; message: Describe }> = {
  isEmail: { code: 'not_an_email', message: (l) => `${l} không đúng dạng địa chỉ email, ví dụ ten@coquan.gov.vn.` },
  isString: { code: 'not_text', message: (l) => `${l} phải là chuỗi ký tự.` },
  maxLength: { code: 'too_long', message: (l, e) => `${l} dài quá ${thousands(lastNumber(e))} ký tự.` },
  minLength: { code: 'too_short', message: (l, e) => `${l} phải có ít nhất ${lastNumber(e)} ký tự.` },
  min: { code: 'too_small', message: (l, e) => `${l} không được nhỏ hơn ${thousands(lastNumber(e))}.` },
  max: { code: 'too_large', message: (l, e) => `${l} không được lớn hơn ${thousands(lastNumber(e))}.` },
  isInt: { code: 'not_an_integer', message: (l) => `${l} phải là một số nguyên, ví dụ 45.` },
  isNumber: { code: 'not_a_number', message: (l) => `${l} phải là một số.` },
  isIn: { code: 'not_allowed_value', message: (l, e) => `${l} phải là một trong các giá trị: ${afterColon(e)}.` },
  isUuid: { code: 'not_a_uuid', message: (l) => `${l} phải là mã định danh UUID, ví dụ 3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a.` },
  isBoolean: { code: 'not_a_boolean', message: (l) => `${l} phải là true hoặc false.` },
  isArray: { code: 'not_a_list', message: (l) => `${l} phải là một danh sách.` },
  arrayMaxSize: { code: 'too_many_items', message: (l, e) => `${l} có nhiều nhất ${thousands(lastNumber(e))} phần tử.` },
  arrayMinSize: { code: 'too_few_items', message: (l, e) => `${l} phải có ít nhất ${lastNumber(e)} phần tử.` },
  arrayUnique: { code: 'duplicate_items', message: (l) => `${l} không được có phần tử trùng nhau.` },
  isObject: { code: 'not_an_object', message: (l) => `${l} phải là một đối tượng JSON.` },
  isUrl: { code: 'not_a_url', message: (l) => `${l} phải là một địa chỉ URL, ví dụ https://hoinghi.gov.vn.` },
  matches: { code: 'bad_format', message: (l) => `${l} không đúng định dạng.` },
  whitelistValidation: { code: 'unknown_field', message: (l) => `${l} không phải là trường của yêu cầu này.` },
  nestedValidation: { code: 'not_an_object', message: (l) => `${l} phải là một đối tượng hoặc danh sách.` },
  unknownValue: { code: 'invalid', message: () => 'Dữ liệu gửi lên không hợp lệ.' },
};

/** How an API field is named in a sentence. */
export const fieldLabel = (field: string): string => `Trường "${field}"`;

/**
 * The code and Vietnamese message for one broken rule of `field`. `label` is how the field is
 * named in the sentence (a page passes its own Vietnamese label).
 */
export function describeViolation(
  constraint: string,
  english: string,
  context: { code?: unknown } | undefined,
  label: string,
): { code: string; message: string } {
  if (context && typeof context.code === 'string') return { code: context.code, message: english };
  const rule = RULES[constraint];
  if (rule) return { code: rule.code, message: rule.message(label, english) };
  return { code: 'invalid', message: `${label} không hợp lệ.` };
}
