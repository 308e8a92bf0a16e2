// Validation of a v3 mail send body, with the messages and field names SendGrid documents for its 400 answers.

export interface SendGridError {
  readonly message: string;
  readonly field: string | null;
  readonly help: string | null;
}

/** What validation needs to know about the referenced template, if any. */
export interface TemplateLookup {
  (id: string): { readonly exists: boolean; readonly subject?: string };
}

const HELP = 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.';
const MAX_PERSONALIZATIONS = 1000;
const MAX_RECIPIENTS = 1000;
// Deliberately simple: one @, no spaces or brackets, a dot in the domain, as SendGrid's "valid address" check.
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]+$/;

export function isValidEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 320 && EMAIL.test(value);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateMailSend(body: unknown, lookupTemplate: TemplateLookup): SendGridError[] {
  const errors: SendGridError[] = [];
  const add = (message: string, field: string | null, anchor: string) => errors.push({ message, field, help: HELP + anchor });
  if (!isObject(body)) {
    add('Bad Request', null, 'body');
    return errors;
  }

  const from = body.from;
  if (!isObject(from) || from.email === undefined || from.email === '') {
    add(
      'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.  e.g. {"email" : "example@example.com"}  or {"email" : "example@example.com", "name" : "Example Recipient"}.',
      'from.email',
      'from',
    );
  } else if (!isValidEmail(from.email)) {
    add('The from email does not contain a valid address.', 'from.email', 'from');
  }
  if (isObject(body.reply_to) && !isValidEmail(body.reply_to.email)) add('The reply_to email does not contain a valid address.', 'reply_to.email', 'reply_to');

  const personalizations = body.personalizations;
  let everyHasSubject = false;
  if (!Array.isArray(personalizations) || personalizations.length === 0) {
    add('You must have at least one personalization.', 'personalizations', 'personalizations');
  } else if (personalizations.length > MAX_PERSONALIZATIONS) {
    add(
      `The personalization block is limited to ${MAX_PERSONALIZATIONS} personalizations per API request. You have provided ${personalizations.length} personalizations. Please consider splitting this into multiple requests and resending your request.`,
      'personalizations',
      'personalizations',
    );
  } else {
    let recipients = 0;
    everyHasSubject = true;
    personalizations.forEach((p: unknown, i) => {
      const at = `personalizations.${i}`;
      if (!isObject(p)) {
        add('The to array is required for all personalization objects, and must have at least one element with a valid email address.', `${at}.to`, 'personalizations.to');
        everyHasSubject = false;
        return;
      }
      if (typeof p.subject !== 'string' || p.subject === '') everyHasSubject = false;
      if (!Array.isArray(p.to) || p.to.length === 0) {
        add('The to array is required for all personalization objects, and must have at least one element with a valid email address.', `${at}.to`, 'personalizations.to');
      }
      const seen = new Set<string>();
      let duplicateReported = false;
      for (const kind of ['to', 'cc', 'bcc'] as const) {
        const list = p[kind];
        if (list === undefined) continue;
        if (!Array.isArray(list)) {
          add(`The ${kind} parameter must be an array of email objects.`, `${at}.${kind}`, `personalizations.${kind}`);
          continue;
        }
        list.forEach((r: unknown, j) => {
          recipients += 1;
          const email = isObject(r) ? r.email : undefined;
          if (!isValidEmail(email)) {
            add('Does not contain a valid address.', `${at}.${kind}.${j}.email`, `personalizations.${kind}`);
            return;
          }
          const key = email.toLowerCase();
          if (seen.has(key) && !duplicateReported) {
            duplicateReported = true;
            add(
              `Each email address in the personalization block should be unique between to, cc, and bcc. We found the first duplicate instance of [${email}] in the ${at}.${kind} field.`,
              at,
              'personalizations',
            );
          }
          seen.add(key);
        });
      }
    });
    if (recipients > MAX_RECIPIENTS) add(`There is a limit of ${MAX_RECIPIENTS} total recipients (to + cc + bcc) per request.`, 'personalizations', 'personalizations');
  }

  let templateSubject: string | undefined;
  const templateId = body.template_id;
  if (templateId !== undefined) {
    if (typeof templateId !== 'string' || templateId === '') {
      add(`The template_id must be a valid GUID, you provided '${String(templateId)}'.`, 'template_id', 'template_id');
    } else {
      // Real SendGrid accepts an unknown id with 202 and drops the mail later; answering 400 here surfaces the bug at once.
      const template = lookupTemplate(templateId);
      if (!template.exists) add(`The template id must be a valid template id for your account. You provided ${templateId}.`, 'template_id', 'template_id');
      templateSubject = template.subject;
    }
  } else {
    const content = body.content;
    if (!Array.isArray(content) || content.length === 0) {
      add(
        'Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.',
        'content',
        'content',
      );
    } else {
      content.forEach((c: unknown, i) => {
        if (!isObject(c) || typeof c.value !== 'string' || c.value === '') {
          add('The content value must be a string at least one character in length.', `content.${i}.value`, 'content');
        }
        if (!isObject(c) || typeof c.type !== 'string' || c.type === '') add('The content type must be a string at least one character in length.', `content.${i}.type`, 'content');
      });
    }
  }

  const hasSubject = typeof body.subject === 'string' && body.subject !== '';
  if (!hasSubject && !everyHasSubject && !templateSubject && Array.isArray(personalizations) && personalizations.length > 0) {
    add(
      'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.',
      'subject',
      'subject',
    );
  }
  return errors;
}
