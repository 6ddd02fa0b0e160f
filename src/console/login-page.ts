import { html } from '../web/html';
import { FieldErrors } from '../web/page-form';
import { errorSummary, input, notice } from '../web/widgets';
import { consolePage, csrfField } from './console-layout';
import { passwordInput } from './console-widgets';

export interface LoginPageState {
  csrf: string;
  next: string;
  email?: string;
  errors?: FieldErrors;
  /** A message about the whole attempt (wrong password, too many attempts). */
  problem?: string;
  /** Why the person is here (signed out, session ended). */
  info?: string;
}

const ids: Record<string, string> = { email: 'dn-email', password: 'dn-password' };

/** The console's sign-in form. */
export function loginPage(s: LoginPageState): string {
  const errors = s.errors ?? {};
  return consolePage({
    title: 'Đăng nhập',
    body: html`<section class="card narrow" aria-labelledby="tieu-de">
<h1 id="tieu-de">Đăng nhập bảng điều khiển</h1>
<p class="muted">Dành cho Ban Tổ chức, người theo dõi và cán bộ điểm cầu có tài khoản.</p>
${s.info && notice('info', s.info)}
${s.problem && notice('error', s.problem)}
${errorSummary(errors, (f) => ids[f] ?? f)}
<form method="post" action="/console/login" novalidate>
${csrfField(s.csrf)}
<input type="hidden" name="next" value="${s.next}">
${input({ id: ids.email, name: 'email', label: 'Email', type: 'email', autocomplete: 'username', required: true, value: s.email, error: errors.email })}
${passwordInput({ id: ids.password, name: 'password', label: 'Mật khẩu', error: errors.password })}
<button type="submit" class="primary">Đăng nhập</button>
</form>
</section>`,
  });
}
