// One definition of an email address for every check: forms, recipients, the local web forms.
// It is the WHATWG "valid e-mail address" (what a browser's <input type=email> accepts) with a dot required in the
// domain, since mail to a bare host name never reaches a unit; text such as `=HYPERLINK("mailto:x@y.vn")` is refused.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}
