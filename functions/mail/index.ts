// The email templates: loading, SendGrid versions, rendering, and the data each template expects.
export { loadTemplates, TemplateError, TEMPLATE_PREFIX, DEFAULT_TEMPLATES_DIR } from './templates.ts';
export type { TemplateSet } from './templates.ts';
export { renderVersion } from './render.ts';
export type { VersionSource } from './render.ts';
export type {
  AnswerLine,
  BarSegment,
  DigestData,
  LayoutData,
  ReminderData,
  ReminderItem,
  RenderedEmail,
  ResponsesData,
  ResultsData,
  SubmissionData,
  TemplateData,
  TemplateName,
  TemplateVersion,
} from './types.ts';
