/// The report's script: builds the case table from the inline JSON, filters, sorts and pages
/// it, and opens a case with its evidence highlighted (`#case=ID` in the address opens one).
///
/// Only 50 rows are in the page at a time and a case's text is built when it is opened, so a
/// report of 10,000 cases stays fast. Every text from the data goes in through `textContent`
/// or `title`, never `innerHTML`. The evidence pieces come pre-split from Swift
/// (``EvidenceHighlighter``), so the script never converts code point offsets.
enum HTMLReportScript {
  /// The script (trusted: written here, with no data in it).
  static let javaScript = #"""
    (function () {
      "use strict";
      var data = JSON.parse(document.getElementById("govtag-data").textContent);
      var cats = data.categories, cases = data.cases, PAGE = 50;
      var byId = {};
      var state = { sort: "index", dir: 1, page: 0, category: "", region: "", year: "", review: "", query: "" };
      function $(id) { return document.getElementById(id); }
      function el(tag, cls, text) {
        var e = document.createElement(tag);
        if (cls) e.className = cls;
        if (text !== undefined && text !== null) e.textContent = text;
        return e;
      }
      function unique(list) { return list.filter(function (v, i, a) { return a.indexOf(v) === i; }); }
      // c.cmp (each label with how GovTag and the reference compare) and c.dis come from Swift.
      cases.forEach(function (c, i) {
        c.index = i;
        byId[c.id] = c;
      });
      function chip(i, kind, refName) {
        var k = cats[i], e = el("span", "chip" + (kind ? " " + kind : ""), k.name);
        if (!kind || kind === "not-annotated") { e.style.background = k.bg; e.style.borderColor = k.fg; }
        var who = refName || "reference";
        e.title = k.dimName + " · " + k.dim + "." + k.id +
          (kind === "govtag-only" ? " · GovTag yes, " + who + " no" : kind === "ref-only" ? " · " + who + " yes, GovTag no" :
           kind === "not-annotated" ? " · GovTag yes; " + who + " does not annotate " + k.dim : "");
        return e;
      }

      // Filters
      function option(select, value, text) { var o = el("option", null, text); o.value = value; select.appendChild(o); }
      var fc = $("f-category");
      data.dimensions.forEach(function (d) {
        var group = el("optgroup");
        group.label = d.name + " " + d.id;
        d.categories.forEach(function (i) { option(group, String(i), cats[i].name + " " + cats[i].id); });
        fc.appendChild(group);
      });
      data.years.forEach(function (y) { option($("f-year"), y, y); });
      ["category", "region", "year", "review"].forEach(function (name) {
        $("f-" + name).addEventListener("change", function (e) { state[name] = e.target.value; state.page = 0; render(); });
      });
      $("f-query").addEventListener("input", function (e) { state.query = e.target.value.trim().toLowerCase(); state.page = 0; render(); });

      function matches(c) {
        if (state.category !== "") {
          var i = Number(state.category);
          if ((c.labels || []).indexOf(i) < 0 && (c.ref || []).indexOf(i) < 0) return false;
        }
        if (state.region !== "" && (c.region || "unknown") !== state.region) return false;
        if (state.year !== "" && (c.year || "unknown") !== state.year) return false;
        if (state.review === "yes" && !c.review) return false;
        if (state.review === "no" && c.review) return false;
        if (state.review === "disagree" && !c.dis) return false;
        if (state.query && c.id.toLowerCase().indexOf(state.query) < 0 &&
            (c.title || "").toLowerCase().indexOf(state.query) < 0) return false;
        return true;
      }
      var collator = new Intl.Collator("zh", { numeric: true });
      var keys = {
        index: function (c) { return c.index; },
        id: function (c) { return c.id; },
        title: function (c) { return c.title || ""; },
        year: function (c) { return c.year || "~"; },
        province: function (c) { return c.province || "~"; },
        labels: function (c) { return (c.labels || []).length; },
        review: function (c) { return c.review ? 1 : 0; }
      };
      function order(a, b) {
        var x = keys[state.sort](a), y = keys[state.sort](b);
        var d = typeof x === "number" ? x - y : collator.compare(x, y);
        return (d || a.index - b.index) * state.dir;
      }
      document.querySelectorAll("table.cases th[data-sort]").forEach(function (th) {
        th.addEventListener("click", function () {
          var key = th.getAttribute("data-sort");
          state.dir = state.sort === key ? -state.dir : 1;
          state.sort = key;
          document.querySelectorAll("table.cases th").forEach(function (h) { h.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
          render();
        });
      });

      // Table
      function render() {
        var rows = cases.filter(matches).sort(order);
        var pages = Math.max(1, Math.ceil(rows.length / PAGE));
        state.page = Math.min(state.page, pages - 1);
        var body = $("case-rows");
        body.textContent = "";
        rows.slice(state.page * PAGE, state.page * PAGE + PAGE).forEach(function (c) {
          var tr = el("tr");
          tr.setAttribute("data-id", c.id);
          tr.appendChild(el("td", "id", c.id));
          tr.appendChild(el("td", null, c.title || "—"));
          tr.appendChild(el("td", null, c.year || "unknown"));
          tr.appendChild(el("td", null, (c.province || "—") + (c.region ? " · " + data.regions[c.region] : "")));
          var labels = el("td");
          c.cmp.forEach(function (p) { labels.appendChild(chip(p[0], p[1], c.refField)); });
          tr.appendChild(labels);
          tr.appendChild(el("td", c.review ? "flag" : null, c.review ? "需复核 review" : ""));
          tr.addEventListener("click", function () { location.hash = "case=" + encodeURIComponent(c.id); });
          body.appendChild(tr);
        });
        var first = rows.length ? state.page * PAGE + 1 : 0;
        $("page-info").textContent = first + "–" + Math.min(rows.length, (state.page + 1) * PAGE) + " of " + rows.length +
          " cases (page " + (state.page + 1) + " of " + pages + ")";
        $("page-prev").disabled = state.page === 0;
        $("page-next").disabled = state.page >= pages - 1;
      }
      $("page-prev").addEventListener("click", function () { state.page -= 1; render(); });
      $("page-next").addEventListener("click", function () { state.page += 1; render(); });

      // One case
      function segments(container, list, c) {
        list.forEach(function (s) {
          if (typeof s === "string") { container.appendChild(document.createTextNode(s)); return; }
          var hits = s.slice(1), main = hits[0];
          for (var j = 0; j < hits.length; j++) { if (c.ev[hits[j]][4] === "counted") { main = hits[j]; break; } }
          var ev = c.ev[main], k = cats[ev[0]];
          var m = el("mark", "hit" + (ev[4] === "counted" ? "" : " not-counted"), s[0]);
          m.style.setProperty("--bg", k.bg);
          m.style.setProperty("--fg", k.fg);
          m.title = hits.map(function (h) {
            var e = c.ev[h], q = cats[e[0]];
            return e[1] + " → " + q.name + " (" + q.dim + "." + q.id + ")" + (e[2] === null ? "" : " · weight " + e[2]) + " · +" + e[3] + " · " + e[4];
          }).join("\n");
          container.appendChild(m);
        });
      }
      function openCase(id) {
        var c = byId[id], view = $("case-view");
        view.textContent = "";
        view.hidden = false;
        $("backdrop").hidden = false;
        var close = el("button", "close", "× close");
        close.type = "button";
        close.addEventListener("click", closeCase);
        view.appendChild(close);
        if (!c) { view.appendChild(el("p", "note", "No case with id " + id + " in this report.")); return; }
        document.querySelectorAll("#case-rows tr").forEach(function (tr) {
          tr.classList.toggle("open", tr.getAttribute("data-id") === id);
        });
        var title = el("h3", "case-title");
        if (c.t.length) segments(title, c.t, c); else title.textContent = c.id;
        view.appendChild(title);
        view.appendChild(el("p", "case-meta", [c.id, c.year || "year unknown",
          (c.province || "province unknown") + (c.region ? " · " + data.regions[c.region] : ""),
          c.review ? "需复核 needs review" : "no review needed"].join(" · ")));
        var table = el("table", "compare"), head = el("tr");
        head.appendChild(el("th", null, "维度 dimension"));
        head.appendChild(el("th", null, "GovTag"));
        head.appendChild(el("th", null, c.ref ? c.refField : "no reference labels"));
        table.appendChild(head);
        var kinds = {};
        c.cmp.forEach(function (p) { kinds[p[0]] = p[1]; });
        data.dimensions.forEach(function (d) {
          var tr = el("tr"), g = el("td"), r = el("td");
          tr.appendChild(el("th", null, d.name + " " + d.id));
          d.categories.forEach(function (i) {
            if ((c.labels || []).indexOf(i) >= 0) g.appendChild(chip(i, kinds[i] === "ref-only" ? "" : kinds[i], c.refField));
            if ((c.ref || []).indexOf(i) >= 0) r.appendChild(chip(i, kinds[i] === "ref-only" ? "ref-only" : "", c.refField));
          });
          if (!g.childNodes.length) g.textContent = "—";
          if (c.ref && (c.refDims || []).indexOf(d.id) < 0) { r.className = "not-annotated"; r.textContent = "not annotated"; }
          else if (!r.childNodes.length) r.textContent = c.ref ? "—" : "";
          tr.appendChild(g);
          tr.appendChild(r);
          table.appendChild(tr);
        });
        view.appendChild(table);
        if (c.reasons.length) {
          var list = el("ul", "reasons");
          c.reasons.forEach(function (text) { list.appendChild(el("li", null, text)); });
          view.appendChild(list);
        }
        var seen = unique(c.ev.map(function (e) { return e[0]; })).sort(function (a, b) { return a - b; });
        var legend = el("p", "hit-legend");
        legend.appendChild(el("span", "legend-line", "Evidence: "));
        seen.forEach(function (i) {
          var item = el("span", "item"), sw = el("span", "swatch");
          sw.style.background = cats[i].bg;
          sw.style.borderColor = cats[i].fg;
          item.appendChild(sw);
          item.appendChild(document.createTextNode(cats[i].name + " " + cats[i].id));
          legend.appendChild(item);
        });
        if (!seen.length) legend.appendChild(document.createTextNode("no hits"));
        view.appendChild(legend);
        var text = el("div", "case-text");
        segments(text, c.x, c);
        view.appendChild(text);
        view.scrollTop = 0;
      }
      function closeCase() {
        $("case-view").hidden = true;
        $("backdrop").hidden = true;
        if (/^#case=/.test(location.hash)) location.hash = "cases";
      }
      function fromHash() {
        var m = /^#case=(.*)$/.exec(location.hash);
        if (m) openCase(decodeURIComponent(m[1])); else if (!$("case-view").hidden) closeCase();
      }
      window.addEventListener("hashchange", fromHash);
      $("backdrop").addEventListener("click", closeCase);
      document.addEventListener("keydown", function (e) { if (e.key === "Escape" && !$("case-view").hidden) closeCase(); });
      render();
      fromHash();
    })();
    """#
}
