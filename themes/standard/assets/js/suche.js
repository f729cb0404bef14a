/* Suche für /suche/; Regeln wie Sources/Outputs/SearchText.swift */
(function () {
'use strict';
var MAP = { 'ä': 'ae', 'ö': 'oe', 'ü': 'ue', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe' }, LIMIT = 50;
'aàáâãåą cçćč eèéêëęě iìíîï nñńň oòóôõø lł rř sśšş uùúûů yýÿ zźżž'.split(' ').forEach(function (g) {
  for (var i = 1; i < g.length; i++) MAP[g[i]] = g[0];
});

function fold(text) {
  var s = String(text).toLowerCase().replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, ''), o = '';
  for (var i = 0; i < s.length; i++) o += s.charCodeAt(i) < 128 ? s[i] : MAP[s[i]] || ' ';
  return o;
}

// Index: Teile und zusammengezogen; Anfrage: nur zusammengezogen
function words(text, parts) {
  var o = [];
  fold(text).split(/[^a-z0-9-]+/).forEach(function (t) {
    var p = t.split('-').filter(Boolean);
    if (parts || p.length === 1) p.forEach(function (x) { if (x.length > 1) o.push(x); });
    if (p.length > 1) o.push(p.join(''));
  });
  return o;
}

function stem(w) {
  if (/[^a-z]/.test(w)) return w;
  var n = w.length, c = '[bdfghklmnt]';
  w = n > 5 && /ern$/.test(w) ? w.slice(0, -3) : n > 4 && /e[mnrs]$/.test(w) ? w.slice(0, -2)
    : n > 3 && RegExp('(e|' + c + 's)$').test(w) ? w.slice(0, -1) : w;
  n = w.length;
  return n > 5 && /est$/.test(w) ? w.slice(0, -3) : n > 4 && RegExp('(e[rn]|' + c + 'st)$').test(w) ? w.slice(0, -2) : w;
}

function terms(text, stop, parts) {
  var seen = {}, o = [];
  words(text, parts).forEach(function (w) {
    if (stop[w] || /^(\d{1,3}|\d{6,})$/.test(w)) return;
    w = stem(w);
    if (w.length > 1 && !seen[w]) o.push(w), seen[w] = 1;
  });
  return o;
}

// 3 gleich, 2 Wortanfang, 1 im Wort (Zusammensetzungen)
function match(t, list) {
  for (var i = 0, best = 0, x; i < list.length && best < 3; i++) {
    x = list[i];
    if (x === t) best = 3;
    else if (best < 2 && x.lastIndexOf(t, 0) === 0) best = 2;
    else if (!best && t.length > 4 && x.indexOf(t) > 0) best = 1;
  }
  return best;
}

function search(ix, query) {
  var q = terms(query, ix.stop, false), hits = [];
  if (!q.length) return null;
  ix.docs.forEach(function (d) {
    for (var i = 0, score = 0, m; i < q.length; i++) {
      if (!(m = match(q[i], d.w))) return;
      score += m + 2 * match(q[i], d.tt);
    }
    hits.push({ d: d, score: score });
  });
  return hits.sort(function (a, b) { return b.score - a.score; }); // stabil
}

function load(data) {
  var stop = {};
  data.s.forEach(function (w) { stop[w] = 1; });
  return { stop: stop, docs: data.d.map(function (r) {
    return { u: r[0], t: r[1], m: r[2], s: r[3], w: r[4].split(' '), tt: terms(r[1], stop, true) };
  }) };
}

function add(to, tag, cls, text) {
  var e = to.appendChild(document.createElement(tag));
  if (cls) e.className = cls;
  e.textContent = text;
  return e;
}

function start() {
  var form = document.querySelector('form.suche');
  if (!form || !window.fetch) return;
  var $ = document.getElementById.bind(document), input = $('suche-eingabe'), status = $('suche-status'),
    box = $('suche-treffer'), list = $('suche-liste'), all = $('suche-alles'), ix, loading, timer;
  form.hidden = false;

  function ensure() {
    return loading = loading || fetch(form.getAttribute('data-index')).then(function (r) {
      if (!r.ok) throw r.status;
      return r.json();
    }).then(function (data) { ix = load(data); });
  }

  function show() {
    var q = input.value.trim(), hits = q ? search(ix, q) : null, n = hits ? hits.length : 0;
    history.replaceState(null, '', location.pathname + (q ? '?q=' + encodeURIComponent(q) : ''));
    list.textContent = '';
    box.hidden = !n;
    all.hidden = !!n;
    status.textContent = !q ? '' : !hits ? 'Bitte geben Sie ein aussagekräftigeres Wort ein.'
      : !n ? 'Keine Treffer für „' + q + '“. Prüfen Sie die Schreibweise oder sehen Sie in der Liste aller Inhalte nach.'
      : n + ' Treffer für „' + q + '“' + (n > LIMIT ? ', die ersten ' + LIMIT + ' werden angezeigt.' : '.');
    (hits || []).slice(0, LIMIT).forEach(function (h) {
      var li = add(list, 'li', '', '');
      add(li, 'a', '', h.d.t).href = h.d.u;
      add(li, 'p', 'suche__meta', h.d.m);
      if (h.d.s) add(li, 'p', 'suche__kurz', h.d.s);
    });
  }

  function run(delay) {
    clearTimeout(timer);
    timer = setTimeout(function () {
      ensure().then(show, function () {
        loading = null;
        status.textContent = 'Die Suche ist gerade nicht verfügbar. Unten finden Sie alle Inhalte.';
      });
    }, delay);
  }

  input.addEventListener('input', function () { run(250); });
  input.addEventListener('focus', ensure);
  form.addEventListener('submit', function (e) { e.preventDefault(); run(0); });
  var q = new URLSearchParams(location.search).get('q');
  if (q) input.value = q, run(0);
}

// Browser: mit defer geladen
if (typeof module === 'object') module.exports = { fold: fold, words: words, stem: stem, terms: terms, search: search, load: load };
else start();
})();
