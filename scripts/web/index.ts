// The local web view: live tabs, outbox and forms for the local stack.
export { startWebView, type WebView, type WebViewOptions } from './server.ts';
export { formSlug } from './questions.ts';
