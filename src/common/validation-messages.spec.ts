import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { validateBody } from './validate-body';
import { coded } from './validation-messages';

class Child {
  @IsEmail() email!: string;
}

class Everything {
  @IsEmail() email!: string;
  @IsString() text!: string;
  @MaxLength(200) long!: string;
  @MinLength(8) short!: string;
  @Min(1) small!: number;
  @Max(100000) big!: number;
  @IsInt() whole!: number;
  @IsIn(['draft', 'published']) status!: string;
  @IsUUID('all') id!: string;
  @IsBoolean() flag!: boolean;
  @IsArray() list!: string[];
  @ArrayMaxSize(2) few!: string[];
  @ArrayMinSize(1) some!: string[];
  @ArrayUnique() unique!: string[];
  @IsObject() object!: object;
  @IsUrl() url!: string;
  @Matches(/^\d{2}$/) pattern!: string;
  @Matches(/^\d{2}$/, coded('not_a_province_code', 'Mã tỉnh gồm 2 chữ số, ví dụ 01.')) province!: string;
  @ValidateNested() @Type(() => Child) child!: Child;
}

const BAD = {
  email: 'khong-phai-email',
  text: 5,
  long: 'x'.repeat(201),
  short: 'abc',
  small: 0,
  big: 100001,
  whole: 1.5,
  status: 'gone',
  id: '123',
  flag: 'yes',
  list: 'a',
  few: ['a', 'b', 'c'],
  some: [],
  unique: ['a', 'a'],
  object: 3,
  url: 'not a url',
  pattern: '123',
  province: '1',
  child: { email: 'x' },
  extra: 1,
};

/** The error answer's details for BAD, by field. */
async function details(): Promise<Record<string, { code: string; message: string }>> {
  try {
    await validateBody(Everything, BAD);
  } catch (error) {
    const body = (error as { getResponse(): { details: { field: string; code: string; message: string }[] } }).getResponse();
    return Object.fromEntries(body.details.map((d) => [d.field, { code: d.code, message: d.message }]));
  }
  throw new Error('BAD passed validation');
}

describe('validation messages', () => {
  it("word every class-validator rule this API uses in Vietnamese, with its code and the rule's figures", async () => {
    expect(await details()).toEqual({
      email: { code: 'not_an_email', message: 'Trường "email" không đúng dạng địa chỉ email, ví dụ ten@coquan.gov.vn.' },
      text: { code: 'not_text', message: 'Trường "text" phải là chuỗi ký tự.' },
      long: { code: 'too_long', message: 'Trường "long" dài quá 200 ký tự.' },
      short: { code: 'too_short', message: 'Trường "short" phải có ít nhất 8 ký tự.' },
      small: { code: 'too_small', message: 'Trường "small" không được nhỏ hơn 1.' },
      big: { code: 'too_large', message: 'Trường "big" không được lớn hơn 100.000.' },
      whole: { code: 'not_an_integer', message: 'Trường "whole" phải là một số nguyên, ví dụ 45.' },
      status: { code: 'not_allowed_value', message: 'Trường "status" phải là một trong các giá trị: draft, published.' },
      id: { code: 'not_a_uuid', message: 'Trường "id" phải là mã định danh UUID, ví dụ 3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c7a.' },
      flag: { code: 'not_a_boolean', message: 'Trường "flag" phải là true hoặc false.' },
      list: { code: 'not_a_list', message: 'Trường "list" phải là một danh sách.' },
      few: { code: 'too_many_items', message: 'Trường "few" có nhiều nhất 2 phần tử.' },
      some: { code: 'too_few_items', message: 'Trường "some" phải có ít nhất 1 phần tử.' },
      unique: { code: 'duplicate_items', message: 'Trường "unique" không được có phần tử trùng nhau.' },
      object: { code: 'not_an_object', message: 'Trường "object" phải là một đối tượng JSON.' },
      url: { code: 'not_a_url', message: 'Trường "url" phải là một địa chỉ URL, ví dụ https://hoinghi.gov.vn.' },
      pattern: { code: 'bad_format', message: 'Trường "pattern" không đúng định dạng.' },
      province: { code: 'not_a_province_code', message: 'Mã tỉnh gồm 2 chữ số, ví dụ 01.' },
      'child.email': { code: 'not_an_email', message: 'Trường "child.email" không đúng dạng địa chỉ email, ví dụ ten@coquan.gov.vn.' },
      extra: { code: 'unknown_field', message: 'Trường "extra" không phải là trường của yêu cầu này.' },
    });
  });

  it('lists at most 20 details and says how many more there were', async () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`unknown${i}`, i]));
    const error = (await validateBody(Everything, { ...many }).then(
      () => null,
      (e: { getResponse(): { message: string; details: unknown[] } }) => e.getResponse(),
    ))!;
    expect(error.details).toHaveLength(20);
    expect(error.message).toMatch(/\(và \d+ lỗi khác\)$/);
  });
});
