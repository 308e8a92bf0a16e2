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
/** Every address: "We only allow the total email length to be 320 characters". */
const MAX_EMAIL_LENGTH = 320;
const MAX_CATEGORIES = 10;
const MAX_CATEGORY_LENGTH = 255;
/** "The total length of custom arguments must be less than 10000 bytes" (message and personalization merged). */
const MAX_CUSTOM_ARGS_BYTES = 10_000;
// Deliberately simple: one @, no spaces or brackets, a dot in the domain, as SendGrid's "valid address" check. Unicode
// addresses are not supported by SendGrid: a from or reply_to one is refused here, a recipient one is dropped
// (drops.ts).
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]+$/;
const ASCII = /^[\x20-\x7e]*$/;
const CRLF = /[\r\n]/;

/** A well-formed address, Unicode allowed (a recipient with one is accepted, then dropped). */
function isValidEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);
}

export function isAscii(value: string): boolean {
  return ASCII.test(value);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateMailSend(body: unknown, lookupTemplate: TemplateLookup): SendGridError[] {
  const errors: SendGridError[] = [];
  const add = (message: string, field: string | null, anchor: string) =>
    errors.push({ message, field, help: HELP + anchor });
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
  } else if (typeof from.email === 'string' && from.email.length > MAX_EMAIL_LENGTH) {
    add('The From email exceeds the maximum total length of 320 characters', 'from.email', 'from');
  } else if (!isValidEmail(from.email) || !isAscii(from.email)) {
    // "Unicode encoding is not supported for the from field" (Mail Send limitations).
    add('The from email does not contain a valid address.', 'from.email', 'from');
  }
  if (isObject(body.reply_to)) {
    const email = body.reply_to.email;
    if (typeof email === 'string' && email.length > MAX_EMAIL_LENGTH)
      add('The Reply-To email exceeds the maximum total length of 320 characters', 'reply_to.email', 'reply_to');
    else if (!isValidEmail(email) || !isAscii(email)) {
      add(
        'The reply_to object, when used, must at least have an email parameter with a valid email address and it may also contain a name parameter. e.g. {"email" : "example@example.com"}  or {"email" : "example@example.com", "name" : "Example Recipient"}.',
        'reply_to.email',
        'reply_to',
      );
    }
  }
  // Not in SendGrid's error list: a CR or LF in a name or subject would break the header it lands in. The documented
  // errors refuse CRLF in every other header-bound field (attachment filename, type, content_id; content type), so
  // the imitation refuses it here too, and a product bug shows at once instead of as a mangled header.
  for (const [field, value] of [
    ['from.name', isObject(from) ? from.name : undefined],
    ['reply_to.name', isObject(body.reply_to) ? body.reply_to.name : undefined],
    ['subject', body.subject],
  ] as const) {
    if (typeof value === 'string' && CRLF.test(value))
      add(`The ${field} cannot contain CRLF characters.`, field, field.split('.')[0]);
  }

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
    // Lower-cased address → where it first appeared, across the whole request.
    const inRequest = new Map<string, number>();
    let repeatReported = false;
    personalizations.forEach((p: unknown, i) => {
      const at = `personalizations.${i}`;
      if (!isObject(p)) {
        add(
          'The to array is required for all personalization objects, and must have at least one element with a valid email address.',
          `${at}.to`,
          'personalizations.to',
        );
        everyHasSubject = false;
        return;
      }
      if (typeof p.subject !== 'string' || p.subject === '') everyHasSubject = false;
      else if (CRLF.test(p.subject))
        add('The subject cannot contain CRLF characters.', `${at}.subject`, 'personalizations.subject');
      if (!Array.isArray(p.to) || p.to.length === 0) {
        add(
          'The to array is required for all personalization objects, and must have at least one element with a valid email address.',
          `${at}.to`,
          'personalizations.to',
        );
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
          const label = { to: 'To', cc: 'CC', bcc: 'BCC' }[kind];
          if (typeof email === 'string' && email.length > MAX_EMAIL_LENGTH) {
            add(
              `The ${label} email exceeds the maximum total length of 320 characters`,
              `${at}.${kind}.${j}.email`,
              `personalizations.${kind}`,
            );
            return;
          }
          if (!isValidEmail(email)) {
            add('Does not contain a valid address.', `${at}.${kind}.${j}.email`, `personalizations.${kind}`);
            return;
          }
          const name = isObject(r) ? r.name : undefined;
          if (typeof name === 'string' && CRLF.test(name))
            add(
              `The ${kind}.name cannot contain CRLF characters.`,
              `${at}.${kind}.${j}.name`,
              `personalizations.${kind}`,
            );
          const key = email.toLowerCase();
          if (seen.has(key)) {
            if (!duplicateReported) {
              duplicateReported = true;
              add(
                `Each email address in the personalization block should be unique between to, cc, and bcc. We found the first duplicate instance of [${email}] in the ${at}.${kind} field.`,
                at,
                'personalizations',
              );
            }
          } else if (inRequest.has(key)) {
            // Errors page: an address may appear once in the whole personalizations array, not only once per block.
            if (!repeatReported) {
              repeatReported = true;
              add(
                `Each unique email address in the personalizations array should only be included once. You have included ${email} more than once.`,
                'personalizations',
                'personalizations',
              );
            }
          } else {
            inRequest.set(key, i);
          }
          seen.add(key);
        });
      }
    });
    if (recipients > MAX_RECIPIENTS)
      add(
        `There is a limit of ${MAX_RECIPIENTS} total recipients (to + cc + bcc) per request.`,
        'personalizations',
        'personalizations',
      );
    checkCustomArgs(body.custom_args, personalizations, add);
  }
  checkCategories(body.categories, add);

  let templateSubject: string | undefined;
  const templateId = body.template_id;
  if (templateId !== undefined) {
    if (typeof templateId !== 'string' || templateId === '') {
      add(
        `The template_id must be a valid GUID, you provided '${templateId === '' ? '' : JSON.stringify(templateId)}'.`,
        'template_id',
        'template_id',
      );
    } else {
      // Real SendGrid accepts an unknown id with 202 and drops the mail later; answering 400 here surfaces the bug at
      // once.
      const template = lookupTemplate(templateId);
      if (!template.exists)
        add(
          `The template id must be a valid template id for your account. You provided ${templateId}.`,
          'template_id',
          'template_id',
        );
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
        if (!isObject(c) || typeof c.type !== 'string' || c.type === '')
          add('The content type must be a string at least one character in length.', `content.${i}.type`, 'content');
      });
    }
  }

  const hasSubject = typeof body.subject === 'string' && body.subject !== '';
  if (
    !hasSubject &&
    !everyHasSubject &&
    !templateSubject &&
    Array.isArray(personalizations) &&
    personalizations.length > 0
  ) {
    add(
      'The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.',
      'subject',
      'subject',
    );
  }
  return errors;
}

type Add = (message: string, field: string | null, anchor: string) => void;

/** Categories: at most 10, unique, ASCII, 255 characters each (errors page, "Categories Errors"). */
function checkCategories(categories: unknown, add: Add): void {
  if (categories === undefined) return;
  if (!Array.isArray(categories) || categories.some((c) => typeof c !== 'string')) {
    add('Categories must be an array of strings.', 'categories', 'categories');
    return;
  }
  if (categories.length > MAX_CATEGORIES)
    add(
      `There is a limit of ${MAX_CATEGORIES} categories for each email that is sent. You provided ${categories.length} categories.`,
      'categories',
      'categories',
    );
  const seen = new Set<string>();
  for (const c of categories as string[]) {
    if (c.length > MAX_CATEGORY_LENGTH)
      add(
        `Each category must not be longer than ${MAX_CATEGORY_LENGTH} characters. ${c} exceeds this limit`,
        'categories',
        'categories',
      );
    if (seen.has(c))
      add(
        `The categories must be a unique list, and you have included ${c} more than once.`,
        'categories',
        'categories',
      );
    if (!isAscii(c)) add('Categories can not contain non-ASCII characters.', 'categories', 'categories');
    seen.add(c);
  }
}

/**
 * custom_args: string values, not empty, and the message-level object merged with each personalization's under
 * 10,000 bytes (errors page, "personalizations.custom_args"; limitations page).
 */
function checkCustomArgs(global: unknown, personalizations: readonly unknown[], add: Add): void {
  const check = (args: unknown, field: string): boolean => {
    if (args === undefined) return true;
    if (!isObject(args) || Object.keys(args).length === 0) {
      add('custom_args cannot be empty.', field, 'personalizations.custom_args');
      return false;
    }
    if (Object.values(args).some((v) => typeof v !== 'string')) {
      add('All values of custom arguments object must be strings', field, 'personalizations.custom_args');
      return false;
    }
    return true;
  };
  if (!check(global, 'custom_args')) return;
  for (let i = 0; i < personalizations.length; i++) {
    const p = personalizations[i];
    const own = isObject(p) ? p.custom_args : undefined;
    if (!check(own, `personalizations.${i}.custom_args`)) return;
    const merged = { ...(isObject(global) ? global : {}), ...(isObject(own) ? own : {}) };
    if (Buffer.byteLength(JSON.stringify(merged)) >= MAX_CUSTOM_ARGS_BYTES) {
      add(
        'The combined size of both global and personalization custom arguments may not exceed 10,000 bytes per personalization.',
        `personalizations.${i}.custom_args`,
        'personalizations.custom_args',
      );
      return;
    }
  }
}
