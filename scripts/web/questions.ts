// The questions of each local form, as the generated Google Forms ask them, and the answer checks Google Forms applies.
import type { AwardDef, Criterion, FormDef, Question } from '../../sheets-schema/index.ts';
import { CRITERION_TYPES_HEADER, FORMS, formSlug, parseUnitTypes, TAB } from '../../sheets-schema/index.ts';

export { formSlug };
import { UNIT_TYPE_HEADER, appliesToType, formQuestions } from '../../sheets-schema/forms/index.ts';
import type { Cell } from '../../functions/core/cells.ts';
import { cellText } from '../../functions/core/cells.ts';
import { isEmailAddress } from '../../functions/core/address.ts';
import { isHttpUrl } from '../../functions/rules/validate-answer.ts';
import { readCatalogue } from '../../functions/awards/catalogue.ts';

export function formBySlug(slug: string): FormDef | undefined {
  return FORMS.find((f) => formSlug(f.tab) === slug);
}

/**
 * The full question list a unit sees; the final report's score questions come from `Tiêu chí`, the nominations' awards
 * from `Danh mục khen thưởng` (absent: the shipped defaults).
 */
export function questionsOf(
  form: FormDef,
  criteria: readonly Criterion[],
  awards?: readonly AwardDef[],
): readonly Question[] {
  return formQuestions(form, criteria, awards);
}

/** Rows of `Danh mục khen thưởng` (header first) as awards, read the way the functions read them; none: defaults. */
export function awardsFromValues(values: readonly (readonly Cell[])[] | undefined): AwardDef[] {
  return readCatalogue({
    spreadsheetId: '',
    tabs: values && values.length > 0 ? new Map([[TAB.catalogue, values]]) : new Map(),
  });
}

/** Rows of `Tiêu chí` (UNFORMATTED values, header first) as criteria; rows without a code or maximum are skipped. */
export function criteriaFromValues(values: readonly (readonly Cell[])[]): Criterion[] {
  const head = (values[0] ?? []).map((h) => cellText(h));
  const col = (h: string) => head.indexOf(h);
  const [code, group, content, max] = [col('Mã tiêu chí'), col('Nhóm'), col('Nội dung'), col('Điểm tối đa')];
  const typesAt = col(CRITERION_TYPES_HEADER);
  if (code < 0 || max < 0) return [];
  const out: Criterion[] = [];
  for (const row of values.slice(1)) {
    const maxScore = Number(cellText(row[max]).replace(',', '.'));
    if (cellText(row[code]) === '' || !Number.isFinite(maxScore)) continue;
    out.push({
      code: cellText(row[code]),
      group: group < 0 ? '' : cellText(row[group]),
      content: content < 0 ? '' : cellText(row[content]),
      maxScore,
      ...(typesAt >= 0 && cellText(row[typesAt]) !== '' ? { types: parseUnitTypes(cellText(row[typesAt])) } : {}),
    });
  }
  return out;
}

export const CRITERIA_TAB = TAB.criteria;

function isNumeric(q: Question): boolean {
  return q.kind === 'integer' || q.kind === 'percent' || q.kind === 'score';
}

export function numberBounds(q: Question): { min: number; max: number | undefined; step: string } {
  if (q.kind === 'percent') return { min: q.min ?? 0, max: q.max ?? 100, step: 'any' };
  if (q.kind === 'score') return { min: q.min ?? 0, max: q.max, step: 'any' };
  return { min: q.min ?? 0, max: q.max, step: '1' };
}

export function isRequired(q: Question, answers: Readonly<Record<string, string>>): boolean {
  if (!q.required) return false;
  // A criterion of some unit types: Google Forms asks it in the section of the type chosen, where it is required; this
  // single-page form requires it when `Loại hình đơn vị` names one of its types (ingest checks that against Đơn vị).
  if (q.unitTypes) return appliesToType(q.unitTypes, answers[UNIT_TYPE_HEADER] ?? '');
  if (!q.requiredWhen) return true;
  const { header, equals, oneOf, also } = q.requiredWhen;
  const other = (answers[header] ?? '').trim();
  if (also && (answers[also.header] ?? '').trim() !== also.equals) return false;
  return oneOf ? oneOf.includes(other) : other === equals;
}

/**
 * Server-side checks, the same Google Forms applies before accepting a response. Returns question header → one
 * Vietnamese error. Cross-row rules (unknown unit code, …) are the ingest job's, not the form's.
 */
export function checkAnswers(
  questions: readonly Question[],
  answers: Readonly<Record<string, string>>,
): Map<string, string> {
  const errors = new Map<string, string>();
  for (const q of questions) {
    const text = (answers[q.header] ?? '').normalize('NFC').trim();
    if (text === '') {
      if (isRequired(q, answers)) errors.set(q.header, 'Đây là câu hỏi bắt buộc.');
      continue;
    }
    if (q.maxLength !== undefined && text.length > q.maxLength) {
      errors.set(q.header, `Câu trả lời dài tối đa ${q.maxLength} ký tự.`);
    } else if (q.kind === 'email' && !isEmailAddress(text)) {
      errors.set(q.header, 'Hãy nhập một địa chỉ email hợp lệ.');
    } else if (q.kind === 'url' && !isHttpUrl(text)) {
      errors.set(q.header, 'Hãy nhập một đường liên kết hợp lệ, bắt đầu bằng https://.');
    } else if (q.kind === 'date' && !/^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(text)) {
      // The pattern the generated Google Form checks; whether the day exists is the functions' to say.
      errors.set(q.header, 'Ghi ngày theo dạng ngày/tháng/năm, ví dụ 05/03/1980.');
    } else if (q.kind === 'choice' && !(q.options ?? []).includes(text)) {
      errors.set(q.header, 'Hãy chọn một trong các phương án đã cho.');
    } else if (isNumeric(q)) {
      const { min, max } = numberBounds(q);
      const n = Number(text.replace(',', '.'));
      const whole = q.kind === 'integer';
      if (
        !/^-?\d+(?:[.,]\d+)?$/.test(text) ||
        !Number.isFinite(n) ||
        (whole && !Number.isInteger(n)) ||
        n < min ||
        (max !== undefined && n > max)
      ) {
        const kind = whole ? 'số nguyên' : 'số';
        errors.set(
          q.header,
          max === undefined ? `Hãy nhập ${kind} không nhỏ hơn ${min}.` : `Hãy nhập ${kind} từ ${min} đến ${max}.`,
        );
      }
    }
  }
  return errors;
}

/** The cell Google Forms writes for an answer: numbers as numbers, text as typed (NFC, trimmed), empty as ''. */
export function answerCell(q: Question, text: string): Cell {
  const t = text.normalize('NFC').trim();
  if (t === '') return '';
  if (isNumeric(q)) {
    const n = Number(t.replace(',', '.'));
    if (Number.isFinite(n)) return n;
  }
  return t;
}
