import { describe, expect, it } from 'vitest';
import { isEmailAddress, recipients, splitAddresses } from '../../../functions/core/address.ts';

describe('isEmailAddress', () => {
  it.each(['vanthu.sotp@example.vn', 'nguyen.van.an+phongtrao@cong-an.example.gov.vn', "o'neil@example.vn"])(
    'accepts %s',
    (text) => {
      expect(isEmailAddress(text)).toBe(true);
    },
  );

  it.each([
    'vanthu.soxd@example', // no dot in the domain: never reaches anyone
    '=HYPERLINK("mailto:x@y.vn")',
    'a b@example.vn',
    'nguyễn@example.vn',
    '<script>@example.vn',
    'x@-example.vn',
    '<vanthu@example.vn>',
    'vanthu@@example.vn',
    '',
  ])('refuses %j', (text) => {
    expect(isEmailAddress(text)).toBe(false);
  });

  it('SendGrid errors page, "The To email exceeds the maximum total length of 320 characters": 320 is the most', () => {
    const domain = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.vn`;
    const local = (n: number) => 'x'.repeat(n - domain.length - 1);
    expect(isEmailAddress(`${local(320)}@${domain}`)).toBe(true);
    expect(isEmailAddress(`${local(321)}@${domain}`)).toBe(false);
  });
});

describe('splitAddresses: a cell of Email liên hệ / Email lãnh đạo as coordinators type it', () => {
  it.each([
    ['a@x.vn, b@x.vn;c@x.vn\nd@x.vn', ['a@x.vn', 'b@x.vn', 'c@x.vn', 'd@x.vn'], []],
    ['a@x.vn b@x.vn', ['a@x.vn', 'b@x.vn'], []],
    [' a@x.vn , ', ['a@x.vn'], []],
    ['a@x.vn, thuky@example', ['a@x.vn'], ['thuky@example']],
    ['Nguyễn Văn A <a@x.vn>; b@x.vn', ['b@x.vn'], ['Nguyễn Văn A <a@x.vn>']],
    ['vanthu.example.vn', [], ['vanthu.example.vn']],
    ['', [], []],
  ])('%j', (text, valid, invalid) => {
    expect(splitAddresses(text)).toEqual({ valid, invalid });
  });
});

describe('recipients', () => {
  it('keeps each address once whatever its case, in order, trimmed, under the name, without those in except', () => {
    expect(recipients([' A@x.vn', 'b@x.vn', 'a@X.vn', '', 'c@x.vn'], 'Sở Tư pháp', [{ email: 'C@x.vn' }])).toEqual([
      { email: 'A@x.vn', name: 'Sở Tư pháp' },
      { email: 'b@x.vn', name: 'Sở Tư pháp' },
    ]);
    expect(recipients(['a@x.vn'])).toEqual([{ email: 'a@x.vn' }]);
  });
});
