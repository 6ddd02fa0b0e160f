import { ROLE_WORDS } from '../auth/role';
import { html, SafeHtml } from '../web/html';
import { SITE_CSS_PATH } from '../web/layout';
import { ConsoleCaller, CSRF_FIELD } from './console-caller';

export const CONSOLE_CSS_PATH = '/assets/console.css';

export interface ConsolePageOptions {
  title: string;
  body: SafeHtml;
  /** The signed-in caller: the header then shows who it is and the sign-out button. */
  caller?: ConsoleCaller;
  /** Links above the title, from the console's home to the page's parent. */
  trail?: { href: string; label: string }[];
  /** Reload the page after this many seconds (a long job's progress; no script needed). */
  refresh?: number;
}

/** The hidden field that carries a form's CSRF token. */
export const csrfField = (token: string): SafeHtml => html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;

/** The frame of every console page: Vietnamese, no inline script, usable at 360 px and with the keyboard alone. */
export function consolePage(o: ConsolePageOptions): string {
  const caller = o.caller;
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
${o.refresh && html`<meta http-equiv="refresh" content="${String(o.refresh)}">`}
<title>${o.title} — Bảng điều khiển Hội nghị</title>
<link rel="stylesheet" href="${SITE_CSS_PATH}">
<link rel="stylesheet" href="${CONSOLE_CSS_PATH}">
</head>
<body class="console">
<a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
<header class="site"><div class="wrap console-head">
<a class="brand" href="/console">Hội nghị · Ban Tổ chức</a>
${
  caller &&
  html`<nav aria-label="Tài khoản" class="account">
<span class="who">${caller.user.fullName} <span class="role">(${ROLE_WORDS[caller.user.role]})</span></span>
<form method="post" action="/console/logout" class="signout">${csrfField(caller.csrf)}<button type="submit" class="link-button">Đăng xuất</button></form>
</nav>`
}
</div></header>
<main id="noi-dung" class="wrap" tabindex="-1">
${
  o.trail &&
  o.trail.length > 0 &&
  html`<nav aria-label="Vị trí trang" class="trail"><ol>${o.trail.map((t) => html`<li><a href="${t.href}">${t.label}</a></li>`)}</ol></nav>`
}
${o.body}
</main>
</body>
</html>
`.toString();
}

/** A console page that says what went wrong, with a way back. */
export function consoleMessagePage(title: string, message: string, options: { hint?: string; back?: { href: string; label: string }; caller?: ConsoleCaller } = {}): string {
  return consolePage({
    title,
    caller: options.caller,
    body: html`<section class="card message" aria-labelledby="tieu-de">
<h1 id="tieu-de">${title}</h1>
<p>${message}</p>
${options.hint && html`<p class="muted">${options.hint}</p>`}
${options.back && html`<p><a href="${options.back.href}">${options.back.label}</a></p>`}
</section>`,
  });
}
