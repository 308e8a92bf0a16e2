// One answer against its question: presence, type, bounds and options. Pure; cross-question rules live in validate.ts.
import type { Question } from '../../sheets-schema/index.ts';
import type { Cell } from '../core/cells.ts';
import { calendarDay, nameKey } from '../core/cells.ts';
import type { Answer, Answers } from '../core/model.ts';
import { isEmailAddress } from '../core/address.ts';
import { msg } from './messages.ts';
import { parseCount, parseDecimal } from './numbers.ts';

/** An answer its question refuses. */
export class Invalid {
  constructor(readonly error: string) {}
}

/**
 * The normalised answer, null for a blank optional one, or Invalid: a million answers per job, so only refusals get an
 * object. `seen` is the header as the unit saw it (the column's title); `others` holds the normalised answers checked
 * so far, for `requiredWhen`. Formula-looking text (`=`, `+`, `-`, `@` first) is ordinary text here.
 */
export function judgeAnswer(
  question: Question,
  seen: string,
  cell: Cell | undefined,
  others: Answers,
  text: string,
): Answer | null | Invalid {
  if (text === '') {
    if (!question.required) return null;
    const when = question.requiredWhen;
    if (!when) return new Invalid(msg.required(seen));
    const other = others.get(when.header);
    const applies = when.oneOf ? typeof other === 'string' && when.oneOf.includes(other) : other === when.equals;
    if (!applies) return null;
    if (!when.also) return new Invalid(msg.requiredWhen(seen, when.header, String(other)));
    return others.get(when.also.header) === when.also.equals
      ? new Invalid(msg.requiredWhenBoth(seen, [when.also.header, when.also.equals], [when.header, String(other)]))
      : null;
  }
  switch (question.kind) {
    case 'integer': {
      const n = parseCount(cell);
      if (n === null) return new Invalid(msg.integer(seen, text));
      return inRange(question, seen, n, text);
    }
    case 'percent': {
      const n = parseDecimal(cell, true);
      if (n === null || n > 100) return new Invalid(msg.percent(seen, text));
      return n;
    }
    case 'score': {
      const max = question.max ?? Infinity;
      const n = parseDecimal(cell);
      // Out-of-range scores are errors, never clamped: the unit must correct its self-assessment.
      if (n === null || n > max) return new Invalid(msg.score(seen, max, text));
      return n;
    }
    case 'email':
      return isEmailAddress(text) ? withinLength(question, seen, text) : new Invalid(msg.email(seen, text));
    case 'url':
      return isHttpUrl(text) ? withinLength(question, seen, text) : new Invalid(msg.url(seen, text));
    case 'choice': {
      // Forms writes the option verbatim; only hand-typed or pasted answers need the slower comparison.
      const options = question.options ?? [];
      let option = options.includes(text) ? text : undefined;
      if (option === undefined) {
        const key = nameKey(text);
        option = options.find((o) => nameKey(o) === key);
      }
      return option === undefined ? new Invalid(msg.choice(seen, question.options ?? [], text)) : option;
    }
    case 'date': {
      const day = calendarDay(cell);
      return day === null ? new Invalid(msg.date(seen, text)) : day;
    }
    case 'unitCode':
      return withinLength(question, seen, text.toUpperCase());
    case 'unitSecret':
      // Whether it is the unit's is for validate.ts to say, once the unit is known.
      return withinLength(question, seen, text);
    case 'text':
    case 'paragraph':
      return withinLength(question, seen, text);
  }
}

const HTTP_URL = /^https?:\/\/\S+$/i;

/** An absolute http(s) address with a host and no spaces, the way Google Forms' "is URL" check reads one. */
export function isHttpUrl(text: string): boolean {
  if (!HTTP_URL.test(text)) return false;
  try {
    return new URL(text).hostname.includes('.');
  } catch {
    return false;
  }
}

function inRange(question: Question, seen: string, n: number, text: string): number | Invalid {
  const min = question.min ?? 0;
  const max = question.max ?? Number.MAX_SAFE_INTEGER;
  return n < min || n > max ? new Invalid(msg.range(seen, min, max, text)) : n;
}

function withinLength(question: Question, seen: string, text: string): string | Invalid {
  // Characters are counted only when UTF-16 units exceed the limit: there are never more characters than units.
  if (question.maxLength !== undefined && text.length > question.maxLength) {
    const length = [...text].length;
    if (length > question.maxLength) return new Invalid(msg.tooLong(seen, question.maxLength, length));
  }
  return text;
}
