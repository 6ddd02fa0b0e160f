import { localPhone } from '../../common/phone';
import { STAFF_SIGN_IN_JS } from './staff-sign-in-js';

/**
 * The status board's script (served at /assets/board.js; the CSP allows no inline script).
 * Plain ES2017 for any browser of the control room; user text only ever goes in through
 * textContent. It signs in when it has no token, follows the event stream with fetch (an
 * EventSource cannot send the bearer token) and applies each delta to the tiles it changes.
 */
export const BOARD_JS = String.raw`(function () {
  'use strict';
  var root = document.getElementById('board');
  if (!root) return;
  var conferenceId = root.getAttribute('data-conference');
  var staffCookie = staffToken('hoinghi_board', '/board');
  var CONF = { p: 'Chưa xác nhận', c: 'Đã xác nhận', d: 'Không tham dự' };
  var CONN = { u: 'chưa kiểm tra kết nối', o: 'kết nối tốt', f: 'kết nối lỗi', g: 'kết nối chập chờn' };
  var COUNTS = [
    ['total', 'Tổng số điểm cầu'],
    ['confirmed', 'Đã xác nhận'],
    ['pending', 'Chưa xác nhận'],
    ['declined', 'Không tham dự'],
    ['ok', 'Kết nối tốt'],
    ['failed', 'Kết nối lỗi'],
    ['degraded', 'Chập chờn'],
    ['untested', 'Chưa kiểm tra'],
    ['expected', 'Đại biểu dự kiến'],
    ['actual', 'Đại biểu thực tế']
  ];
  var ENDED = { completed: 'Đã kết thúc', cancelled: 'Đã hủy' };
  var conferenceStatus = null;
  var entries = new Map();
  var groups = [];
  var sections = [];
  var controller = null;
  var retryTimer = null;
  var flashTimer = null;
  var flashed = [];
  var filter = { c: '', n: '', m: '', r: '', q: '' };

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function num(n) { return (n || 0).toLocaleString('vi-VN'); }
  function fold(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  }
  ${STAFF_SIGN_IN_JS}
  function getToken() { return staffCookie.get(); }
  function setToken(t) { staffCookie.set(t); }
  function showMessage(text) { var m = $('message'); m.textContent = text || ''; m.hidden = !text; }
  function setLive(on, text) { var l = $('live'); l.textContent = text; l.className = on ? 'live' : 'live off'; }
  function stop() {
    if (controller) controller.abort();
    controller = null;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  }
  function showLogin(message) { stop(); showSignIn(message); }

  listenForSignIn(staffCookie, connect);

  $('logout').addEventListener('click', function () { setToken(null); showLogin(''); });

  function connect() {
    stop();
    var token = getToken();
    if (!token) { showLogin(''); return; }
    showMessage('');
    setLive(false, 'Đang kết nối…');
    var aborter = new AbortController();
    controller = aborter;
    var terminal = false;
    fetch('/api/conferences/' + encodeURIComponent(conferenceId) + '/board/events', {
      headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' },
      cache: 'no-store',
      signal: aborter.signal
    }).then(function (res) {
      if (res.status === 401) { terminal = true; setToken(null); showLogin('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.'); return; }
      if (res.status === 403) { terminal = true; setToken(null); showLogin('Tài khoản này không có quyền xem bảng trạng thái.'); return; }
      if (res.status === 404 || res.status === 400) {
        terminal = true;
        $('view').hidden = true;
        showMessage('Không tìm thấy hội nghị này. Vui lòng kiểm tra lại đường dẫn.');
        return;
      }
      if (!res.ok || !res.body) throw new Error('HTTP ' + res.status);
      return read(res.body.getReader());
    }).catch(function () { /* reconnected below */ }).then(function () {
      if (terminal || aborter.signal.aborted || controller !== aborter) return;
      setLive(false, 'Mất kết nối, đang kết nối lại…');
      retryTimer = setTimeout(connect, 2000);
    });
  }

  function read(reader) {
    var decoder = new TextDecoder();
    var buffer = '';
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        var at;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          var block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          handle(block);
        }
        return pump();
      });
    }
    return pump();
  }

  function handle(block) {
    var event = 'message';
    var data = [];
    block.split('\n').forEach(function (line) {
      if (line.indexOf('event:') === 0) event = line.slice(6).trim();
      else if (line.indexOf('data:') === 0) data.push(line.slice(5).replace(/^ /, ''));
    });
    if (data.length === 0) return;
    var payload = JSON.parse(data.join('\n'));
    if (event === 'snapshot') render(payload);
    else if (event === 'delta') applyDelta(payload);
    // A completed or cancelled conference is over: the board says so, not "live".
    if (ENDED[conferenceStatus]) { setLive(false, ENDED[conferenceStatus]); return; }
    var now = new Date();
    setLive(true, 'Trực tiếp · cập nhật lúc ' + now.toLocaleTimeString('vi-VN', { hour12: false }));
  }

  function renderCounts(counts) {
    var values = {
      total: counts.total,
      confirmed: counts.byConfirmation.confirmed,
      pending: counts.byConfirmation.pending,
      declined: counts.byConfirmation.declined,
      ok: counts.byConnection.ok,
      failed: counts.byConnection.failed,
      degraded: counts.byConnection.degraded,
      untested: counts.byConnection.untested,
      expected: counts.expectedAttendees,
      actual: counts.actualAttendees
    };
    var box = $('counts');
    if (!box.firstChild) {
      COUNTS.forEach(function (c) {
        var d = el('div', 'count');
        d.appendChild(el('span', null, c[1]));
        var b = el('b');
        b.id = 'count-' + c[0];
        d.appendChild(b);
        box.appendChild(d);
      });
    }
    COUNTS.forEach(function (c) { $('count-' + c[0]).textContent = num(values[c[0]]); });
  }

  function shortName(name) { return name.indexOf('Điểm cầu ') === 0 ? name.slice(9) : name; }

  function describe(tile) {
    var parts = [tile[1] + ': ' + CONF[tile[2]] + ', ' + CONN[tile[3]]];
    if (tile[4] !== null) parts.push('dự kiến ' + num(tile[4]) + ' đại biểu');
    if (tile[5] !== null) parts.push('thực tế ' + num(tile[5]));
    if (tile[6]) parts.push(tile[6] === 'y' ? 'đã tải đủ tài liệu' : 'chưa tải tài liệu');
    return parts.join('; ');
  }

  /** "38/40": actual over expected, as far as either is known. */
  function figures(tile) {
    if (tile[4] === null && tile[5] === null) return '';
    return (tile[5] === null ? '–' : num(tile[5])) + '/' + (tile[4] === null ? '–' : num(tile[4]));
  }

  function paint(entry) {
    var tile = entry.tile;
    entry.el.className = 't c-' + tile[2] + ' n-' + tile[3];
    entry.el.textContent = shortName(tile[1]);
    // Shown by CSS (::after): no second element per tile, which a board of 3,400 points would feel.
    var fig = figures(tile);
    if (fig) entry.el.setAttribute('data-fig', fig);
    else entry.el.removeAttribute('data-fig');
    entry.el.title = describe(tile);
    entry.key = fold(tile[1]);
  }

  function addTiles(list, tiles, region, group) {
    tiles.forEach(function (tile) {
      var li = el('li');
      li.setAttribute('data-id', tile[0]);
      li.setAttribute('role', 'button');
      li.tabIndex = 0;
      var entry = { el: li, tile: tile, region: region, group: group, key: '' };
      paint(entry);
      entries.set(tile[0], entry);
      group.entries.push(entry);
      list.appendChild(li);
    });
  }

  function render(snapshot) {
    $('login').hidden = true;
    $('view').hidden = false;
    var c = snapshot.conference;
    conferenceStatus = c.status;
    $('board-title').textContent = c.title;
    $('board-time').textContent = c.time + ' · ' + c.statusLabel;
    document.title = 'Bảng trạng thái — ' + c.title;
    renderCounts(snapshot.counts);
    entries = new Map();
    groups = [];
    sections = [];
    var container = $('sections');
    var fragment = document.createDocumentFragment();
    var regionSelect = $('f-region');
    while (regionSelect.options.length > 1) regionSelect.remove(1);
    snapshot.sections.forEach(function (section) {
      var total = section.tiles.length + section.provinces.reduce(function (n, p) { return n + p.tiles.length; }, 0);
      var sec = el('section', 'region');
      sec.appendChild(el('h2', null, section.region + ' (' + num(total) + ' điểm cầu)'));
      var record = { el: sec, groups: [] };
      if (section.tiles.length > 0) {
        var list = el('ul', 'tiles');
        var group = { el: list, heading: null, entries: [] };
        addTiles(list, section.tiles, section.region, group);
        sec.appendChild(list);
        groups.push(group);
        record.groups.push(group);
      }
      section.provinces.forEach(function (province) {
        var heading = el('h3', null, province.name + ' — ' + num(province.tiles.length) + ' điểm cầu cấp xã');
        var list = el('ul', 'tiles');
        var group = { el: list, heading: heading, entries: [] };
        addTiles(list, province.tiles, section.region, group);
        sec.appendChild(heading);
        sec.appendChild(list);
        groups.push(group);
        record.groups.push(group);
      });
      sections.push(record);
      fragment.appendChild(sec);
      regionSelect.appendChild(new Option(section.region, section.region));
    });
    regionSelect.value = filter.r;
    if (regionSelect.value !== filter.r) filter.r = '';
    container.textContent = '';
    container.appendChild(fragment);
    applyFilters();
  }

  function applyDelta(delta) {
    renderCounts(delta.counts);
    var touched = [];
    delta.tiles.forEach(function (tile) {
      var entry = entries.get(tile[0]);
      if (!entry) return;
      entry.tile = tile;
      paint(entry);
      entry.el.classList.add('flash');
      flashed.push(entry.el);
      entry.el.hidden = !matches(entry);
      if (touched.indexOf(entry.group) < 0) touched.push(entry.group);
    });
    if (flashed.length > 0) {
      if (flashTimer) clearTimeout(flashTimer);
      flashTimer = setTimeout(function () {
        flashed.forEach(function (e) { e.classList.remove('flash'); });
        flashed = [];
      }, 2500);
    }
    if (touched.length > 0) refreshGroups();
  }

  function matches(entry) {
    var t = entry.tile;
    return (!filter.c || t[2] === filter.c) && (!filter.n || t[3] === filter.n) && (!filter.m || t[6] === filter.m) &&
      (!filter.r || entry.region === filter.r) && (!filter.q || entry.key.indexOf(filter.q) >= 0);
  }

  function refreshGroups() {
    var shown = 0;
    groups.forEach(function (group) {
      var visible = 0;
      group.entries.forEach(function (e) { if (!e.el.hidden) visible++; });
      group.el.hidden = visible === 0;
      if (group.heading) group.heading.hidden = visible === 0;
      group.visible = visible;
      shown += visible;
    });
    sections.forEach(function (s) {
      s.el.hidden = s.groups.every(function (g) { return g.visible === 0; });
    });
    $('shown').textContent = 'Đang hiển thị ' + num(shown) + ' / ' + num(entries.size) + ' điểm cầu';
  }

  function applyFilters() {
    entries.forEach(function (entry) { entry.el.hidden = !matches(entry); });
    refreshGroups();
  }

  function readFilters() {
    filter.c = $('f-confirmation').value;
    filter.n = $('f-connection').value;
    filter.m = $('f-materials').value;
    filter.r = $('f-region').value;
    filter.q = fold($('f-search').value.trim());
    var params = new URLSearchParams();
    if (filter.c) params.set('c', filter.c);
    if (filter.n) params.set('n', filter.n);
    if (filter.m) params.set('m', filter.m);
    if (filter.r) params.set('r', filter.r);
    if ($('f-search').value.trim()) params.set('q', $('f-search').value.trim());
    var query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
    applyFilters();
  }

  (function restoreFilters() {
    var params = new URLSearchParams(location.search);
    $('f-confirmation').value = params.get('c') || '';
    $('f-connection').value = params.get('n') || '';
    $('f-materials').value = params.get('m') || '';
    $('f-search').value = params.get('q') || '';
    filter.c = $('f-confirmation').value;
    filter.n = $('f-connection').value;
    filter.m = $('f-materials').value;
    filter.r = params.get('r') || '';
    filter.q = fold($('f-search').value.trim());
  })();

  // A tile opens the point's details: chair, contact, the last connection check and its note.
  function tileOf(target) {
    while (target && target !== document && !(target.getAttribute && target.getAttribute('data-id'))) target = target.parentNode;
    return target && target.getAttribute ? target : null;
  }
  function api(path) {
    return fetch('/api/conferences/' + encodeURIComponent(conferenceId) + path, { headers: { Authorization: 'Bearer ' + getToken() }, cache: 'no-store' })
      .then(function (res) { if (!res.ok) throw new Error('HTTP ' + res.status); return res.json(); });
  }
  // The server's own rule (common/phone.ts), its compiled source inlined: one way to write a phone.
  ${localPhone.toString()}
  var opener = null;
  function closeDetails() {
    $('details').hidden = true;
    if (opener) opener.focus();
    opener = null;
  }
  function openDetails(tile) {
    opener = tile;
    var id = tile.getAttribute('data-id');
    var box = $('details');
    var list = $('details-facts');
    list.textContent = '';
    $('details-title').textContent = entries.has(id) ? entries.get(id).tile[1] : '';
    $('details-status').textContent = 'Đang tải…';
    box.hidden = false;
    $('details-close').focus();
    Promise.all([api('/bridge-points/' + encodeURIComponent(id)), api('/bridge-points/' + encodeURIComponent(id) + '/connection-checks')]).then(function (both) {
      var p = both[0];
      var last = both[1][0];
      var rows = [
        ['Chủ trì', [p.chairName, p.chairTitle].filter(Boolean).join(', ')],
        ['Cán bộ kỹ thuật', [p.contactName, localPhone(p.contactPhone), p.contactEmail].filter(Boolean).join(' · ')],
        ['Đại biểu', 'dự kiến ' + (p.expectedAttendees === null ? '–' : num(p.expectedAttendees)) + ', thực tế ' + (p.actualAttendees === null ? '–' : num(p.actualAttendees)) +
          (p.checkedInAttendees ? ' (đã điểm danh ' + num(p.checkedInAttendees) + ')' : '')],
        ['Kiểm tra kết nối gần nhất', last ? CONN[{ ok: 'o', failed: 'f', degraded: 'g' }[last.result]] + ', ' + new Date(last.checkedAt).toLocaleString('vi-VN', { hour12: false }) : 'Chưa kiểm tra'],
        ['Ghi chú kiểm tra', last && last.note ? last.note : '']
      ];
      rows.forEach(function (r) {
        if (!r[1]) return;
        var row = el('div', 'row');
        row.appendChild(el('dt', null, r[0]));
        row.appendChild(el('dd', null, r[1]));
        list.appendChild(row);
      });
      $('details-status').textContent = '';
    }, function () { $('details-status').textContent = 'Không tải được thông tin điểm cầu. Vui lòng thử lại.'; });
  }
  $('sections').addEventListener('click', function (event) { var t = tileOf(event.target); if (t) openDetails(t); });
  $('sections').addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    var t = tileOf(event.target);
    if (!t) return;
    event.preventDefault();
    openDetails(t);
  });
  $('details-close').addEventListener('click', closeDetails);
  document.addEventListener('keydown', function (event) { if (event.key === 'Escape' && !$('details').hidden) closeDetails(); });

  $('filters').addEventListener('submit', function (event) { event.preventDefault(); });
  ['f-confirmation', 'f-connection', 'f-materials', 'f-region'].forEach(function (id) { $(id).addEventListener('change', readFilters); });
  $('f-search').addEventListener('input', readFilters);

  connect();
})();
`;
