/**
 * The staff sign-in the status board and the hall screen share, as browser script inlined into
 * theirs (same rules: plain ES2017, text only through textContent). Besides `byId(id)`, it declares:
 * - `staffToken(name, path)`: the bearer token kept in the cookie `name`, with `get()` and `set(t)`
 *   (`set(null)` forgets it);
 * - `showSignIn(message)`: hides #view and shows the login form (#login) with the message;
 * - `listenForSignIn(token, signedIn)`: the page's login form (#login-form, #login-email,
 *   #login-password, #login-error) posts to /api/auth/login; on success it keeps the token, hides
 *   #login and calls `signedIn()`, otherwise it says why under the form.
 */
export const STAFF_SIGN_IN_JS = String.raw`// The sign-in lasts for the browser session and is shared by its tabs: a session cookie (no
  // expiry), scoped to the page's path; the token itself still expires on the server's terms.
  function staffToken(name, path) {
    return {
      get: function () {
        var found = document.cookie.split('; ').filter(function (c) { return c.indexOf(name + '=') === 0; })[0];
        return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
      },
      set: function (t) {
        var attributes = '; path=' + path + '; SameSite=Strict' + (location.protocol === 'https:' ? '; Secure' : '');
        document.cookie = name + '=' + (t ? encodeURIComponent(t) : '') + attributes + (t ? '' : '; max-age=0');
      }
    };
  }
  function byId(id) { return document.getElementById(id); }
  // Hides the page's #view and shows the login form, saying why (message) under its fields.
  function showSignIn(message) {
    byId('view').hidden = true;
    byId('login').hidden = false;
    byId('login-error').textContent = message || '';
    byId('login-email').focus();
  }
  function listenForSignIn(token, signedIn) {
    byId('login-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var email = byId('login-email').value.trim();
      var password = byId('login-password').value;
      if (!email || !password) { byId('login-error').textContent = 'Vui lòng nhập email và mật khẩu.'; return; }
      byId('login-error').textContent = '';
      fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: email, password: password })
      }).then(function (res) {
        if (res.status === 429) throw new Error('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.');
        if (!res.ok) throw new Error('Email hoặc mật khẩu không đúng.');
        return res.json();
      }).then(function (body) {
        token.set(body.accessToken);
        byId('login-password').value = '';
        byId('login').hidden = true;
        signedIn();
      }, function (error) {
        byId('login-error').textContent = error && error.message && error.message.indexOf(' ') > 0 ? error.message : 'Không kết nối được máy chủ. Vui lòng thử lại.';
      });
    });
  }`;
