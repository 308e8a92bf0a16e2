import { describe, expect, it } from 'vitest';
import { isEmail } from '../../../functions/core/email.ts';

describe('isEmail', () => {
  it.each(['vanthu.sotp@example.vn', 'nguyen.van.an+phongtrao@cong-an.example.gov.vn', "o'neil@example.vn"])(
    'accepts %s',
    (text) => {
      expect(isEmail(text)).toBe(true);
    },
  );

  it.each([
    'vanthu.soxd@example', // no dot in the domain: never reaches anyone
    '=HYPERLINK("mailto:x@y.vn")',
    'a b@example.vn',
    'nguyễn@example.vn',
    '<script>@example.vn',
    'x@-example.vn',
    '',
  ])('refuses %j', (text) => {
    expect(isEmail(text)).toBe(false);
  });
});
