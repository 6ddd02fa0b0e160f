import { STAFF_SIGN_IN_JS } from './staff-sign-in-js';

/**
 * The hall screen's script (served at /assets/screen.js; the CSP allows no inline script). It
 * signs staff in like the board (a session cookie scoped to /sessions; the token never goes in a
 * URL), then shows the session's rotating check-in code with its QR code, counts down and
 * fetches the next one when it expires; outside the roll call it says when it opens or closed.
 */
export const SCREEN_JS = String.raw`(function () {
  'use strict';
  var root = document.getElementById('screen');
  if (!root) return;
  var conferenceId = root.getAttribute('data-conference');
  var itemId = root.getAttribute('data-item');
  var base = root.getAttribute('data-base');
  var staffCookie = staffToken('hoinghi_screen', '/sessions');
  var api = '/api/conferences/' + encodeURIComponent(conferenceId) + '/agenda-items/' + encodeURIComponent(itemId);
  var timer = null;
  var ticker = null;
  var skew = 0;
  var session = null;

  function $(id) { return document.getElementById(id); }
  ${STAFF_SIGN_IN_JS}
  function getToken() { return staffCookie.get(); }
  function setToken(t) { staffCookie.set(t); }
  function now() { return Date.now() + skew; }
  function time(iso) {
    return new Date(iso).toLocaleString('vi-VN', { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'numeric', year: 'numeric' });
  }
  function showMessage(text) { var m = $('message'); m.textContent = text || ''; m.hidden = !text; }
  function stop() {
    if (timer) clearTimeout(timer);
    if (ticker) clearInterval(ticker);
    timer = null;
    ticker = null;
  }
  function later(fn, ms) { if (timer) clearTimeout(timer); timer = setTimeout(fn, Math.max(ms, 500)); }
  function showLogin(message) { stop(); showSignIn(message); }
  function call(path, asText) {
    var token = getToken();
    if (!token) { showLogin(''); return Promise.reject(null); }
    return fetch(path, { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' }).then(function (res) {
      var date = res.headers.get('date');
      if (date) skew = new Date(date).getTime() - Date.now();
      if (res.status === 401) { setToken(null); showLogin('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.'); throw null; }
      if (res.status === 403) { setToken(null); showLogin('Tài khoản này không có quyền hiển thị mã điểm danh.'); throw null; }
      if (!res.ok) {
        return res.json().then(function (body) {
          var detail = body && body.details && body.details[0];
          throw { status: res.status, code: detail && detail.code, message: (detail && detail.message) || 'Không tải được mã điểm danh.' };
        });
      }
      return asText ? res.text() : res.json();
    });
  }
  function fail(error) {
    if (error === null) return;
    if (error && error.status) {
      $('view').hidden = error.status === 404;
      $('open').hidden = true;
      showMessage(error.message);
      if (error.status !== 404) later(refresh, 30000);
      return;
    }
    showMessage('Mất kết nối, đang thử lại…');
    later(refresh, 3000);
  }

  listenForSignIn(staffCookie, start);
  $('logout').addEventListener('click', function () { setToken(null); session = null; showLogin(''); });

  function start() {
    if (!getToken()) { showLogin(''); return; }
    if (session) { refresh(); return; }
    call('/api/conferences/' + encodeURIComponent(conferenceId) + '/agenda-items?pageSize=500').then(function (page) {
      session = (page.items || []).filter(function (i) { return i.id === itemId; })[0] || { title: 'Điểm danh buổi học' };
      $('screen-title').textContent = session.title;
      $('screen-time').textContent = session.startsAt ? 'Từ ' + time(session.startsAt) + ' đến ' + time(session.endsAt) : '';
      refresh();
    }).catch(fail);
  }

  function refresh() {
    call(api + '/check-in-code').then(function (shown) {
      showMessage('');
      $('view').hidden = false;
      var opens = new Date(shown.opensAt).getTime();
      var closes = new Date(shown.closesAt).getTime();
      var t = now();
      if (t < opens || t > closes) {
        $('open').hidden = true;
        $('closed').hidden = false;
        if (ticker) clearInterval(ticker);
        ticker = null;
        if (t < opens) {
          $('closed').textContent = 'Điểm danh chưa mở. Mã sẽ hiện lúc ' + time(shown.opensAt) + '.';
          later(refresh, Math.min(opens - t + 500, 60000));
        } else {
          $('closed').textContent = 'Điểm danh bằng mã đã đóng lúc ' + time(shown.closesAt) + '.';
        }
        return;
      }
      var url = base + '/s/' + encodeURIComponent(itemId) + '/' + encodeURIComponent(shown.code);
      $('closed').hidden = true;
      $('open').hidden = false;
      $('screen-code').textContent = shown.code;
      $('screen-url').textContent = url;
      var expires = new Date(shown.expiresAt).getTime();
      function tick() {
        var left = Math.max(0, Math.ceil((expires - now()) / 1000));
        $('screen-left').textContent = 'Mã đổi sau ' + left + ' giây';
      }
      tick();
      if (ticker) clearInterval(ticker);
      ticker = setInterval(tick, 1000);
      later(refresh, expires - now() + 300);
      return call(api + '/check-in-code.svg', true).then(function (svg) {
        var img = $('screen-qr');
        img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
        img.alt = 'Mã QR điểm danh, mã ' + shown.code;
        img.hidden = false;
      });
    }).catch(fail);
  }

  start();
})();
`;
