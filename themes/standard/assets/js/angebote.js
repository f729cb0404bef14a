/* Angebote: Suche und kombinierte Filter auf /angebote/.
 * Liest /angebote/index.json, blendet Karten der Liste aus und ein. Ohne Skript bleiben die
 * vorberechneten Filterseiten (Links); das Skript ergänzt nur. Keine Cookies, kein Speicher,
 * keine fremden Server. Suchtext wird gefaltet wie im Index: klein, ä→ae, ß→ss, ohne Bindestriche. */
(function () {
  "use strict";
  var box = document.getElementById("angebote-suche");
  var list = document.getElementById("angebote-liste");
  if (!box || !list || !window.fetch || !window.URLSearchParams) return;

  function fold(s) {
    return s.toLowerCase().replace(/ß/g, "ss").replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u00ad\u2010\u2011-]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function count(n) { return n === 1 ? "1 Angebot" : n + " Angebote"; }

  fetch(box.getAttribute("data-index"))
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(build)
    .catch(function () { /* Ohne Index bleiben die Filterseiten. */ });

  function build(index) {
    var form = el("form", { "class": "angebote-suche__form", role: "search", "aria-labelledby": "angebote-suche-titel" });
    var controls = {};

    function field(key, label, control, wide) {
      var id = "angebote-suche-" + key;
      var wrap = el("div", { "class": "angebote-suche__feld" + (wide ? " angebote-suche__feld--text" : "") });
      control.id = id;
      control.name = key;
      wrap.appendChild(el("label", { "for": id }, label));
      wrap.appendChild(control);
      form.appendChild(wrap);
      controls[key] = control;
    }

    var query = el("input", { type: "search", autocomplete: "off", spellcheck: "false",
      "aria-describedby": "angebote-suche-hilfe" });
    field("q", "Suchbegriff", query, true);
    index.facets.forEach(function (facet) {
      if (!facet.values.length) return;
      var select = el("select", {});
      select.appendChild(el("option", { value: "" }, "alle"));
      facet.values.forEach(function (v) {
        select.appendChild(el("option", { value: v.slug }, v.label + " (" + v.count + ")"));
      });
      field(facet.key, facet.title, select, false);
    });
    var reset = el("div", { "class": "angebote-suche__feld" });
    reset.appendChild(el("button", { type: "reset" }, "Alle Filter zurücksetzen"));
    form.appendChild(reset);

    var status = el("p", { "class": "angebote-suche__status", role: "status" });
    box.appendChild(el("h2", { "class": "angebote-suche__titel", id: "angebote-suche-titel" }, "Suchen und kombiniert filtern"));
    box.appendChild(el("p", { "class": "angebote-suche__hilfe", id: "angebote-suche-hilfe" },
      "Zum Beispiel „Schulden“, „Pflege“ oder einen Ort. Die Liste unten zeigt nur passende Angebote."));
    box.appendChild(form);
    box.appendChild(status);

    var entries = index.entries.map(function (e) {
      return { data: e, hay: e.text.replace(/ /g, ""), item: document.getElementById("angebot-" + e.slug) };
    });

    var timer = 0;
    function apply(initial) {
      var words = fold(query.value).split(" ").filter(Boolean);
      var shown = 0;
      entries.forEach(function (e) {
        var ok = words.every(function (w) { return e.hay.indexOf(w) >= 0; });
        Object.keys(controls).forEach(function (key) {
          var value = controls[key].value;
          if (ok && key !== "q" && value && (e.data[key] || []).indexOf(value) < 0) ok = false;
        });
        if (e.item) e.item.hidden = !ok;
        if (ok) shown += 1;
      });
      var params = new URLSearchParams();
      Object.keys(controls).forEach(function (key) {
        if (controls[key].value.trim()) params.set(key, controls[key].value.trim());
      });
      var search = params.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
      var text = shown === entries.length ? "Alle " + count(shown) + " werden angezeigt."
        : shown === 0 ? "Kein Angebot gefunden. Ändern Sie den Suchbegriff oder die Filter."
        : count(shown) + " von " + entries.length + " gefunden.";
      // Beim Laden still setzen; danach hören Screenreader das Ergebnis, wenn das Tippen ruht.
      clearTimeout(timer);
      if (initial === true) { status.textContent = text; return; }
      timer = setTimeout(function () { status.textContent = text; }, search ? 500 : 0);
    }

    var initial = new URLSearchParams(location.search);
    Object.keys(controls).forEach(function (key) {
      var value = initial.get(key);
      if (value === null) return;
      var control = controls[key];
      if (control.tagName === "SELECT" && !control.querySelector("option[value=\"" + CSS.escape(value) + "\"]")) return;
      control.value = value;
    });

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
      var heading = document.getElementById("angebote-alle");
      if (heading) heading.focus();
    });
    apply(true);
    box.hidden = false;
  }
})();
