import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../functions/core/fingerprint.ts';

// DESIGN (jobs): the email key carries a hash of the response content, so an edit is mailed again and an unchanged
// response never is. These tests pin what the fingerprint must tell apart.
describe('fingerprint', () => {
  it('is 16 hex digits and the same for the same content', () => {
    const a = fingerprint('Đăng ký thi đua', ['DV-00001', '', 'Nguyễn Văn A', '12']);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint('Đăng ký thi đua', ['DV-00001', '', 'Nguyễn Văn A', '12'])).toBe(a);
  });

  it('changes when one character of one answer changes, diacritics included', () => {
    const base = fingerprint('Báo cáo sơ kết', ['DV-1', 'Nguyễn Văn A', '12']);
    expect(fingerprint('Báo cáo sơ kết', ['DV-1', 'Nguyen Văn A', '12'])).not.toBe(base);
    expect(fingerprint('Báo cáo sơ kết', ['DV-1', 'Nguyễn Văn A', '13'])).not.toBe(base);
    expect(fingerprint('Báo cáo tổng kết', ['DV-1', 'Nguyễn Văn A', '12'])).not.toBe(base);
  });

  it('tells apart an answer moved to another question and text split differently across answers', () => {
    expect(fingerprint('F', ['x', ''])).not.toBe(fingerprint('F', ['', 'x']));
    expect(fingerprint('F', ['ab', 'c'])).not.toBe(fingerprint('F', ['a', 'bc']));
    expect(fingerprint('F', ['a'])).not.toBe(fingerprint('Fa', []));
  });

  it('gives 200,000 near-identical responses 200,000 different fingerprints', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      seen.add(fingerprint('Đề nghị khen thưởng', ['DV-00001', String(i), 'Cá nhân']));
      seen.add(fingerprint('Đề nghị khen thưởng', ['DV-00001', 'Cá nhân', String(i)]));
    }
    expect(seen.size).toBe(200_000);
  });

  it('reads a long answer to its end', () => {
    const long = 'a'.repeat(50_000);
    expect(fingerprint('F', [long])).not.toBe(fingerprint('F', [long.slice(0, -1) + 'b']));
  });

  it('keeps the fingerprints already in the mail logs (values of 1/12/2026), else every email would be due again', () => {
    expect(fingerprint('Đăng ký thi đua', ['DV-00001', '', 'Nguyễn Văn A', '12'])).toBe('e94aab1914d57abe');
    expect(fingerprint('F', ['', '', 'x', ''])).toBe('ee66febef93efd53');
    expect(fingerprint('')).toBe('b850f018ec50a672');
  });
});
