// The briefing page's script (leverage export --format html): sorting the table, filtering by
// channel and basis, hover cards with figures and sources, and selecting a partner. Plain
// JavaScript written for leverage; it reads the data inlined in the page and loads nothing.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('data').textContent);
  var svg = document.querySelector('#map svg');
  var tip = document.getElementById('tip');
  var selected = null;

  function all(sel, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(sel));
  }

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c];
    });
  }

  // A share in percent as the table prints it: one decimal, two significant digits below 0.1%.
  function pct(x) {
    var p = x * 100;
    if (p !== 0 && Math.abs(p) < 0.1) {
      var d = Math.max(0, 1 - Math.floor(Math.log10(Math.abs(p))));
      return p.toFixed(d) + '%';
    }
    return p.toFixed(1) + '%';
  }

  // A score in thousandths, three significant digits.
  function th(x) {
    var v = x * 1000;
    if (v === 0) return '0';
    var d = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(v))));
    return v.toFixed(d);
  }

  // ---- Filters -------------------------------------------------------------------------

  function checked(name) {
    var on = {};
    all('input[name="' + name + '"]:checked').forEach(function (i) { on[i.value] = true; });
    return on;
  }

  var listed = {};
  all('input[name="channel"]').forEach(function (i) { listed[i.value] = true; });

  function channelOk(on, c) { return !c || !listed[c] || on[c] === true; }
  function basisOk(on, b) { return !b || b === 'unknown' || on[b] === true; }

  function applyFilters() {
    var ch = checked('channel');
    var bs = checked('basis');
    all('.fig').forEach(function (el) {
      var ok = channelOk(ch, el.getAttribute('data-channel')) && basisOk(bs, el.getAttribute('data-basis'));
      el.classList.toggle('filtered', !ok);
    });
    if (!svg) return;
    all('path.tie', svg).forEach(function (p) {
      var t = data.ties[p.getAttribute('data-from') + '>' + p.getAttribute('data-to')];
      var ok = !t || t.c.some(function (f) { return channelOk(ch, f.n) && basisOk(bs, f.b); });
      p.classList.toggle('filtered', !ok);
    });
  }

  all('#filters input').forEach(function (i) { i.addEventListener('change', applyFilters); });

  // ---- Hover cards ---------------------------------------------------------------------

  function figure(f, ch, bs) {
    var range = f.r ? ' [' + pct(f.r[0]) + ', ' + pct(f.r[1]) + ']' : '';
    // At most two citations, each cut to a line; the card lists them in full.
    var cites = f.k.slice(0, 2).map(function (i) {
      var c = data.cites[i];
      return esc(c.length > 120 ? c.slice(0, 119) + '…' : c);
    }).join('<br>') + (f.k.length > 2 ? '<br>and ' + (f.k.length - 2) + ' more' : '');
    var hidden = ch && !(channelOk(ch, f.n) && basisOk(bs, f.b));
    if (hidden) return '';
    return '<p><b>' + esc(f.n) + ' ' + pct(f.v) + '</b>' + range + ' (' + f.y + ', ' + esc(f.b) + ')<br>' +
      '<span class="src">' + esc(f.s) + (cites ? '<br>' + cites : '') + '</span></p>';
  }

  function tieTip(from, to) {
    var t = data.ties[from + '>' + to];
    var a = data.actors[from], b = data.actors[to];
    var head = '<h6>' + esc(a ? a.name : from) + ' → ' + esc(b ? b.name : to) + ': strength ' +
      (t ? pct(t.w) : '?') + '</h6><p class="src">' + esc(from) + ' holds leverage over ' + esc(to) + ' because ' +
      esc(to) + ' depends on it.</p>';
    if (!t) return head;
    var ch = checked('channel'), bs = checked('basis');
    return head + t.c.map(function (f) { return figure(f, ch, bs); }).join('');
  }

  function actorTip(id) {
    var a = data.actors[id];
    if (!a) return esc(id);
    var line = a.rank ? '#' + a.rank + ', score ' + th(a.score) + ' (thousandths)'
      : a.left_out === 'pressing' ? 'not a partner: already presses ' + esc(data.target)
      : a.left_out ? 'not a partner: ' + esc(a.left_out.replace('_', ' ')) : 'not ranked';
    var head = '<h6>' + esc(a.name) + ' <span class="src">' + esc(id) + ', ' + esc(a.role) + '</span></h6><p>' + line + '</p>';
    if (!a.st.length) return head;
    return head + '<p class="src">Stance towards ' + esc(data.target) + ':</p>' +
      a.st.map(function (f) { return figure(f); }).join('');
  }

  function place(ev) {
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var x = ev.clientX + 16, y = ev.clientY + 16;
    if (x + w > window.innerWidth - 8) x = Math.max(8, ev.clientX - w - 16);
    if (y + h > window.innerHeight - 8) y = Math.max(8, window.innerHeight - h - 8);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }

  function hoverTarget(ev) {
    var el = ev.target.closest ? ev.target.closest('.tie, .actor, .label') : null;
    return el;
  }

  if (svg) {
    // The SVG's own <title> tooltips would double the hover card.
    all('title', svg).forEach(function (t) { if (t.parentNode !== svg) t.parentNode.removeChild(t); });
    svg.addEventListener('mouseover', function (ev) {
      var el = hoverTarget(ev);
      if (!el) return;
      tip.innerHTML = el.classList.contains('tie')
        ? tieTip(el.getAttribute('data-from'), el.getAttribute('data-to'))
        : actorTip(el.getAttribute('data-id'));
      tip.hidden = false;
      place(ev);
    });
    svg.addEventListener('mousemove', function (ev) { if (!tip.hidden) place(ev); });
    svg.addEventListener('mouseout', function (ev) {
      var el = hoverTarget(ev);
      if (el && (!ev.relatedTarget || !el.contains(ev.relatedTarget))) tip.hidden = true;
    });
  }

  // ---- Selection -----------------------------------------------------------------------

  function isPartner(id) { return data.partners.indexOf(id) >= 0; }

  function select(id, scroll) {
    selected = id;
    if (svg) {
      svg.classList.toggle('focused', id !== null);
      var onPath = {};
      all('path.tie', svg).forEach(function (p) {
        var on = id !== null && (p.getAttribute('data-partners') || '').split(' ').indexOf(id) >= 0;
        p.classList.toggle('on', on);
        if (on) {
          onPath[p.getAttribute('data-from')] = true;
          onPath[p.getAttribute('data-to')] = true;
        }
      });
      all('.actor, .label, .band-row', svg).forEach(function (a) {
        a.classList.toggle('on', onPath[a.getAttribute('data-id')] === true || a.getAttribute('data-id') === id);
      });
    }
    all('#partners tbody tr').forEach(function (r) {
      r.classList.toggle('selected', r.getAttribute('data-id') === id);
    });
    all('.card').forEach(function (c) { c.classList.toggle('open', c.getAttribute('data-id') === id); });
    var card = id && document.getElementById('card-' + id);
    if (card && scroll) card.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  function toggle(id, scroll) { select(selected === id ? null : id, scroll); }

  all('#partners tbody tr').forEach(function (r) {
    r.addEventListener('click', function () { toggle(r.getAttribute('data-id'), false); });
    r.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); toggle(r.getAttribute('data-id'), true); }
    });
  });
  all('.card h3').forEach(function (h) {
    h.addEventListener('click', function () { toggle(h.parentNode.getAttribute('data-id'), false); });
  });
  if (svg) {
    svg.addEventListener('click', function (ev) {
      var el = ev.target.closest ? ev.target.closest('.actor, .label, .band-row') : null;
      var id = el && el.getAttribute('data-id');
      if (id && isPartner(id)) toggle(id, true);
      else if (!el) select(null, false);
    });
  }
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') select(null, false); });

  // ---- Sorting -------------------------------------------------------------------------

  all('table.sortable').forEach(function (table) {
    var heads = all('thead th', table);
    heads.forEach(function (h, col) {
      function sort() {
        var asc = h.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function (o) { o.removeAttribute('aria-sort'); });
        h.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        var num = h.getAttribute('data-sort') === 'num';
        var body = table.tBodies[0];
        var rows = all('tr', body);
        rows.sort(function (a, b) {
          var x = a.cells[col], y = b.cells[col];
          var u = x.getAttribute('data-v') || x.textContent, v = y.getAttribute('data-v') || y.textContent;
          var c = num ? parseFloat(u) - parseFloat(v) : u.localeCompare(v);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      h.addEventListener('click', sort);
      h.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') sort(); });
    });
  });

  var print = document.getElementById('print');
  if (print) print.addEventListener('click', function () { window.print(); });

  applyFilters();
})();
