/**
 * Self check-in by scanning the hall QR code (served at /assets/check-in.js). On the RSVP page it
 * remembers that page's link token in this site's localStorage (only the token); on the page the
 * QR code opens it posts the scanned code with that token and says what happened. Refusals come
 * from the API in Vietnamese; a code read from the screen gets advice to scan again.
 */
export const CHECK_IN_JS = String.raw`(function () {
  'use strict';
  var KEY = 'hoinghi_rsvp';
  function $(id) { return document.getElementById(id); }
  function remember(token) { try { localStorage.setItem(KEY, token); } catch (e) { /* private mode: nothing remembered */ } }
  function remembered() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }
  function forget() { try { localStorage.removeItem(KEY); } catch (e) { /* nothing to forget */ } }

  var rsvp = document.querySelector('[data-rsvp-token]');
  if (rsvp) remember(rsvp.getAttribute('data-rsvp-token'));

  var scan = $('scan');
  if (!scan) return;
  var itemId = scan.getAttribute('data-item');
  var code = scan.getAttribute('data-code');
  var SCAN_AGAIN = {
    code_expired: 'Mã đã hết hạn. Hãy quét lại mã QR đang hiển thị trên màn hình hội trường.',
    code_wrong: 'Mã không đúng. Hãy quét lại mã QR đang hiển thị trên màn hình hội trường.'
  };
  var STATUS = { present: 'có mặt', late: 'đi muộn' };

  function say(text, hint, kind) {
    var s = $('scan-status');
    s.textContent = text;
    s.className = 'alert ' + (kind || 'error');
    $('scan-hint').textContent = hint || '';
    $('scan-hint').hidden = !hint;
  }
  function time(iso) { return new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }); }

  var token = remembered();
  if (!token) {
    say('Điện thoại này chưa có thư mời của bạn.',
      'Hãy mở một lần đường dẫn trong thư mời hội nghị gửi qua email của bạn trên điện thoại này, rồi quét lại mã QR trên màn hình hội trường.', 'info');
    return;
  }
  var link = $('scan-rsvp-link');
  link.href = '/rsvp/' + encodeURIComponent(token);
  $('scan-rsvp').hidden = false;

  fetch('/api/public/rsvp/' + encodeURIComponent(token) + '/sessions/' + encodeURIComponent(itemId) + '/check-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: code }),
    cache: 'no-store'
  }).then(function (res) {
    return res.json().then(function (body) { return { res: res, body: body }; });
  }).then(function (answer) {
    var body = answer.body || {};
    if (answer.res.ok) {
      var who = body.fullName ? body.fullName + ': ' : '';
      if (body.alreadyMarked) say(who + 'bạn đã được điểm danh buổi này trước đó (' + (STATUS[body.status] || body.status) + (body.at ? ', lúc ' + time(body.at) : '') + '). Không cần quét lại.', '', 'ok');
      else say(who + 'đã điểm danh: ' + (STATUS[body.status] || body.status) + (body.at ? ', lúc ' + time(body.at) : '') + '.', '', 'ok');
      return;
    }
    var detail = (body.details && body.details[0]) || {};
    if (detail.field === 'token') {
      forget();
      $('scan-rsvp').hidden = true;
      say(detail.message || 'Thư mời đã lưu trên điện thoại này không còn hiệu lực.',
        'Hãy mở đường dẫn trong thư mời mới nhất gửi qua email của bạn trên điện thoại này, rồi quét lại mã QR.');
      return;
    }
    say(SCAN_AGAIN[detail.code] || detail.message || 'Chưa điểm danh được. Vui lòng thử lại.');
  }).catch(function () {
    say('Không kết nối được máy chủ. Hãy kiểm tra mạng rồi quét lại mã QR.');
  });
})();
`;
