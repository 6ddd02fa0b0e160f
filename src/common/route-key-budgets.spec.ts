import { jsonTextProblem, UNPARSED_DEPTH_LIMIT } from './route-key-budgets';

const keys = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('jsonTextProblem', () => {
  it('counts the keys of objects at every depth, and none in arrays of values', () => {
    expect(jsonTextProblem('{"a":1,"b":{"c":[1,2,{"d":null}]}}', 4)).toBeNull();
    expect(jsonTextProblem('{"a":1,"b":{"c":[1,2,{"d":null}]}}', 3)).toMatchObject({ status: 413, detail: { field: 'body', code: 'too_many_keys' } });
    expect(jsonTextProblem(JSON.stringify(Array.from({ length: 5_000 }, (_, i) => i)), 10)).toBeNull();
  });

  it('ignores colons inside strings, escaped quotes included', () => {
    expect(jsonTextProblem('{"url":"https://x.vn:8443/a","t":"08:10","q":"say \\":\\" here"}', 3)).toBeNull();
    expect(jsonTextProblem('{"k\\"ey:":"v"}', 1)).toBeNull();
  });

  it('refuses past the budget, with the budget in the message', () => {
    expect(jsonTextProblem(keys(500), 500)).toBeNull();
    expect(jsonTextProblem(keys(501), 500)).toEqual({
      status: 413,
      detail: { field: 'body', code: 'too_many_keys', message: 'Dữ liệu gửi lên có hơn 500 trường.' },
    });
  });

  it('leaves a body moderately too deep to the validator, which names the field, and refuses an absurdly deep one', () => {
    expect(jsonTextProblem(nested(UNPARSED_DEPTH_LIMIT), 1_000)).toBeNull();
    expect(jsonTextProblem(nested(UNPARSED_DEPTH_LIMIT + 1), 1_000)).toMatchObject({ status: 400, detail: { field: 'body', code: 'too_deep' } });
    expect(jsonTextProblem('['.repeat(1_000_000) + ']'.repeat(1_000_000), 500)).toMatchObject({ status: 400, detail: { code: 'too_deep' } });
  });

  it('answers whichever limit the text reaches first', () => {
    expect(jsonTextProblem(nested(3_000), 500)).toMatchObject({ detail: { code: 'too_deep' } });
    expect(jsonTextProblem(nested(3_000), 100)).toMatchObject({ detail: { code: 'too_many_keys' } });
  });
});
