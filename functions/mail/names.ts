// SendGrid template naming, apart from the template engine so the mail gateway loads without Handlebars.

/** Our templates are `thidua-<name>` at SendGrid, so they sit apart from any other templates of the account. */
export const TEMPLATE_PREFIX = 'thidua-';
