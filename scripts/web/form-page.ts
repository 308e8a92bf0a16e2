// A response form rendered like the generated Google Form: same titles, help texts and validation, in HTML5.
import type { FormDef, Question } from '../../sheets-schema/index.ts';
import { esc } from './html.ts';
import { isRequired, numberBounds } from './questions.ts';

export interface FormView {
  readonly form: FormDef;
  readonly questions: readonly Question[];
  readonly answers: Readonly<Record<string, string>>;
  readonly errors: ReadonlyMap<string, string>;
  readonly action: string;
  /** Set when editing an earlier response (its sheet row). */
  readonly editRow?: number;
}

function control(q: Question, value: string, required: boolean, id: string): string {
  const name = `name="${esc(q.header)}"`;
  const req = required ? ' required' : '';
  const max = q.maxLength !== undefined ? ` maxlength="${q.maxLength}"` : '';
  switch (q.kind) {
    case 'paragraph':
      return `<textarea id="${id}" ${name}${req}${max}>${esc(value)}</textarea>`;
    case 'email':
      return `<input id="${id}" type="email" ${name} value="${esc(value)}"${req}${max}>`;
    case 'url':
      return `<input id="${id}" type="url" ${name} value="${esc(value)}" placeholder="https://"${req}${max}>`;
    case 'integer':
    case 'percent':
    case 'score': {
      const b = numberBounds(q);
      return `<input id="${id}" type="number" ${name} value="${esc(value)}" min="${b.min}"${b.max !== undefined ? ` max="${b.max}"` : ''} step="${b.step}"${req}>`;
    }
    case 'date':
      // Text, as the generated Google Form asks it: a browser's date picker would send yyyy-MM-dd.
      return `<input id="${id}" type="text" ${name} value="${esc(value)}" placeholder="dd/MM/yyyy" inputmode="numeric"${req}${max}>`;
    case 'choice':
      // A radio group named by the question title (a label `for` would rename its first option instead).
      return `<div role="radiogroup" aria-labelledby="${id}-title">${(q.options ?? [])
        .map(
          (o) =>
            `<label><input type="radio" ${name} value="${esc(o)}"${o === value ? ' checked' : ''}${req}> ${esc(o)}</label><br>`,
        )
        .join('')}</div>`;
    default:
      return `<input id="${id}" type="text" ${name} value="${esc(value)}"${req}${max}>`;
  }
}

type RequiredWhen = NonNullable<Question['requiredWhen']>;

/** Every answer that makes the question required: `oneOf` (each catalogue row asking it), or the one. */
const triggers = (when: RequiredWhen): readonly string[] => when.oneOf ?? [when.equals];

/** What FORM_SCRIPT reads to toggle `required` as the answers change, the same condition as `isRequired`. */
function whenAttributes(when: RequiredWhen, required: boolean): string {
  const also = when.also
    ? ` data-also-header="${esc(when.also.header)}" data-also-equals="${esc(when.also.equals)}"`
    : '';
  return ` data-when-header="${esc(when.header)}" data-when-one-of="${esc(JSON.stringify(triggers(when)))}"${also} data-required="${required}"`;
}

/** `Bắt buộc khi "Đối tượng" là "Cá nhân" và "Hình thức khen thưởng" là "A" hoặc "B".` */
function whenText(when: RequiredWhen): string {
  const also = when.also ? `"${when.also.header}" là "${when.also.equals}" và ` : '';
  return `Bắt buộc khi ${also}"${when.header}" là ${triggers(when)
    .map((v) => `"${v}"`)
    .join(' hoặc ')}.`;
}

export function renderForm(view: FormView): string {
  const { form, questions, answers, errors } = view;
  const items = questions.map((q, i) => {
    const id = `q${i}`;
    const required = isRequired(q, answers);
    const when = q.requiredWhen ? whenAttributes(q.requiredWhen, q.required) : '';
    const star = q.required ? `<span class="req"${q.requiredWhen && !required ? ' hidden' : ''}> *</span>` : '';
    const conditional = q.requiredWhen ? `<div class="help">${esc(whenText(q.requiredWhen))}</div>` : '';
    const err = errors.get(q.header);
    const title = q.kind === 'choice' ? `<div class="title" id="${id}-title">` : `<label class="title" for="${id}">`;
    const titleEnd = q.kind === 'choice' ? '</div>' : '</label>';
    return `<div class="q"${when}>${title}${esc(q.header)}${star}${titleEnd}${q.help ? `<div class="help">${esc(q.help)}</div>` : ''}${conditional}
${control(q, answers[q.header] ?? '', required, id)}${err ? `<div class="err" role="alert">${esc(err)}</div>` : ''}</div>`;
  });
  const summary =
    errors.size > 0
      ? `<div class="errors" role="alert"><p><strong>Chưa gửi được: có ${errors.size} câu cần sửa.</strong></p><ul>${[
          ...errors,
        ]
          .map(([h, e]) => `<li>${esc(h)}: ${esc(e)}</li>`)
          .join('')}</ul></div>`
      : '';
  const editing =
    view.editRow !== undefined
      ? `<p class="muted">Bạn đang chỉnh sửa câu trả lời đã gửi (dòng ${view.editRow}).</p>`
      : '';
  return `<form class="gform" method="post" action="${esc(view.action)}" accept-charset="utf-8">
<h1>${esc(form.title)}</h1><p>${esc(form.description)}</p>${editing}<p class="muted"><span class="req">*</span> Biểu thị câu hỏi bắt buộc</p>
${summary}${items.join('\n')}
<p><button type="submit">Gửi</button></p></form>`;
}

/**
 * Toggles `required` on questions whose requirement depends on another answer (Google Forms uses sections for this).
 */
export const FORM_SCRIPT = `
function answerOf(h){var v='';document.querySelectorAll('[name="'+CSS.escape(h)+'"]').forEach(function(e){
if((e.type!=='radio'&&e.type!=='checkbox')||e.checked)v=e.value.trim();});return v;}
function syncRequired(){document.querySelectorAll('[data-when-header]').forEach(function(box){
var on=box.dataset.required==='true'&&JSON.parse(box.dataset.whenOneOf).indexOf(answerOf(box.dataset.whenHeader))>=0
&&(!box.dataset.alsoHeader||answerOf(box.dataset.alsoHeader)===box.dataset.alsoEquals);
box.querySelectorAll('input,textarea,select').forEach(function(c){c.required=on;});
var s=box.querySelector('.req');if(s)s.hidden=!on;});}
document.addEventListener('input',syncRequired);document.addEventListener('change',syncRequired);syncRequired();`;
