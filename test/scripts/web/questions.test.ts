import { describe, expect, it } from 'vitest';
import type { Question } from '../../../sheets-schema/index.ts';
import { FORMS } from '../../../sheets-schema/index.ts';
import {
  answerCell,
  checkAnswers,
  criteriaFromValues,
  formBySlug,
  formSlug,
  questionsOf,
} from '../../../scripts/web/questions.ts';

const Q = {
  unit: { header: 'Mã đơn vị', kind: 'unitCode', required: true, maxLength: 10 },
  email: { header: 'Email', kind: 'email', required: true },
  choice: { header: 'Đối tượng', kind: 'choice', required: true, options: ['Tập thể', 'Cá nhân'] },
  count: { header: 'Số buổi', kind: 'integer', required: false, min: 0, max: 100 },
  pct: { header: 'Tỷ lệ', kind: 'percent', required: false },
  link: { header: 'Liên kết', kind: 'url', required: false },
  years: {
    header: 'Số năm công tác',
    kind: 'integer',
    required: true,
    requiredWhen: { header: 'Đối tượng', equals: 'Cá nhân' },
  },
} satisfies Record<string, Question>;
const ALL = Object.values(Q);

describe('local forms: questions and checks', () => {
  it('gives every form a readable slug and finds it back', () => {
    expect(formSlug('Đăng ký thi đua')).toBe('dang-ky-thi-dua');
    expect(formSlug('Đề nghị khen thưởng')).toBe('de-nghi-khen-thuong');
    for (const f of FORMS) expect(formBySlug(formSlug(f.tab))).toBe(f);
  });

  it('asks the final report one score question per criterion of Tiêu chí', () => {
    const criteria = criteriaFromValues([
      ['Mã tiêu chí', 'Nhóm', 'Nội dung', 'Điểm tối đa'],
      ['TC1', 'Lãnh đạo', 'Lãnh đạo, chỉ đạo', 15],
      ['', '', 'dòng trống', ''],
    ]);
    expect(criteria).toEqual([{ code: 'TC1', group: 'Lãnh đạo', content: 'Lãnh đạo, chỉ đạo', maxScore: 15 }]);
    const final = FORMS.find((f) => f.tab === 'Báo cáo tổng kết')!;
    const score = questionsOf(final, criteria).filter((q) => q.kind === 'score');
    expect(score).toHaveLength(1);
    expect(score[0].header.startsWith('[TC1]')).toBe(true);
    expect(score[0].max).toBe(15);
  });

  it.each([
    [
      'missing required answers',
      {},
      {
        'Mã đơn vị': 'Đây là câu hỏi bắt buộc.',
        Email: 'Đây là câu hỏi bắt buộc.',
        'Đối tượng': 'Đây là câu hỏi bắt buộc.',
      },
    ],
    [
      'a bad email and an unknown choice',
      { 'Mã đơn vị': 'SO-TP', Email: 'abc', 'Đối tượng': 'Khác' },
      { Email: 'Hãy nhập một địa chỉ email hợp lệ.', 'Đối tượng': 'Hãy chọn một trong các phương án đã cho.' },
    ],
    [
      'numbers out of range',
      { 'Mã đơn vị': 'SO-TP', Email: 'a@b.vn', 'Đối tượng': 'Tập thể', 'Số buổi': '101', 'Tỷ lệ': '120' },
      { 'Số buổi': 'Hãy nhập số nguyên từ 0 đến 100.', 'Tỷ lệ': 'Hãy nhập số từ 0 đến 100.' },
    ],
    [
      'a fraction where a whole number is asked',
      { 'Mã đơn vị': 'SO-TP', Email: 'a@b.vn', 'Đối tượng': 'Tập thể', 'Số buổi': '1,5' },
      { 'Số buổi': 'Hãy nhập số nguyên từ 0 đến 100.' },
    ],
    [
      'a required-when answer missing',
      { 'Mã đơn vị': 'SO-TP', Email: 'a@b.vn', 'Đối tượng': 'Cá nhân' },
      { 'Số năm công tác': 'Đây là câu hỏi bắt buộc.' },
    ],
    [
      'too long an answer',
      { 'Mã đơn vị': 'QUÁ-DÀI-HƠN-MƯỜI', Email: 'a@b.vn', 'Đối tượng': 'Tập thể' },
      { 'Mã đơn vị': 'Câu trả lời dài tối đa 10 ký tự.' },
    ],
    [
      'a plan link that is not a link',
      { 'Mã đơn vị': 'SO-TP', Email: 'a@b.vn', 'Đối tượng': 'Tập thể', 'Liên kết': 'bản giấy' },
      { 'Liên kết': 'Hãy nhập một đường liên kết hợp lệ, bắt đầu bằng https://.' },
    ],
    [
      'a complete response',
      {
        'Mã đơn vị': 'SO-TP',
        Email: 'a@b.vn',
        'Đối tượng': 'Tập thể',
        'Số buổi': '12',
        'Tỷ lệ': '85,5',
        'Liên kết': 'https://drive.google.com/x',
      },
      {},
    ],
  ])('rejects %s as Google Forms would', (_name, answers, expected) => {
    expect(Object.fromEntries(checkAnswers(ALL, answers as Record<string, string>))).toEqual(expected);
  });

  it('issue 20: a criterion of some types is required once Loại hình đơn vị names one of them, as its Google Form section is', () => {
    const criteria = criteriaFromValues([
      ['Mã tiêu chí', 'Nhóm', 'Nội dung', 'Điểm tối đa', 'Loại hình'],
      ['TC1', 'Chung', 'Chung', 50, ''],
      ['DC1', 'Riêng', 'Hộ gia đình', 50, 'Khu dân cư; Xã/Phường'],
    ]);
    expect(criteria[1].types).toEqual(['Khu dân cư', 'Xã/Phường']);
    const final = FORMS.find((f) => f.criterionScores)!;
    const scores = questionsOf(final, criteria).filter((q) => q.kind === 'score');
    const typeQuestion = questionsOf(final, criteria).find((q) => q.header === 'Loại hình đơn vị')!;
    expect(typeQuestion.options).toEqual(['Khu dân cư', 'Xã/Phường', 'Loại hình khác']);
    const missing = (type: string) => [...checkAnswers(scores, { 'Loại hình đơn vị': type }).keys()];
    expect(missing('Khu dân cư')).toEqual([scores[0].header, scores[1].header]);
    expect(missing('Loại hình khác')).toEqual([scores[0].header]);
  });

  it('writes numbers as numbers and text as typed, NFC', () => {
    expect(answerCell(Q.count, ' 12 ')).toBe(12);
    expect(answerCell(Q.pct, '85,5')).toBe(85.5);
    expect(answerCell(Q.unit, 'so-tp')).toBe('so-tp');
    expect(answerCell(Q.unit, 'Hòa'.normalize('NFD'))).toBe('Hòa');
    expect(answerCell(Q.unit, '=IMPORTXML("x")')).toBe('=IMPORTXML("x")');
    expect(answerCell(Q.count, '')).toBe('');
  });
});
