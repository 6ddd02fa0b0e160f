import { html, SafeHtml } from './html';

export const SITE_CSS_PATH = '/assets/site.css';
export const BOARD_JS_PATH = '/assets/board.js';
export const SCREEN_JS_PATH = '/assets/screen.js';
export const CHECK_IN_JS_PATH = '/assets/check-in.js';

export interface PageOptions {
  title: string;
  /** The page's main content. */
  body: SafeHtml;
  /** Same-origin scripts (the CSP allows no inline script). */
  scripts?: string[];
  /** A wider layout (the status board). */
  wide?: boolean;
}

/** The frame of every page: Vietnamese, readable on a 360 px phone, no inline script. */
export function page(options: PageOptions): string {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${options.title} — Hội nghị</title>
<link rel="stylesheet" href="${SITE_CSS_PATH}">
${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site"><div class="${options.wide ? 'wrap wide' : 'wrap'}"><span class="brand">Hội nghị trực tuyến</span></div></header>
<main id="noi-dung" class="${options.wide ? 'wrap wide' : 'wrap'}" tabindex="-1">
${options.body}
</main>
</body>
</html>
`.toString();
}

/** A page that says what went wrong, for a person (expired links, unknown links, errors). */
export function messagePage(title: string, message: string, hint?: string): string {
  return page({
    title,
    body: html`<section class="card message" aria-labelledby="tieu-de">
<h1 id="tieu-de">${title}</h1>
<p>${message}</p>
${hint && html`<p class="muted">${hint}</p>`}
</section>`,
  });
}
