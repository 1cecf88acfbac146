/* Site search that works from file://: the index is a set of scripts (assets/search/*.js) that
   add documents to window.FACTSHEET_SEARCH, so nothing is fetched. Plain JavaScript, no modules. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var data = window.FACTSHEET_SEARCH;
  if (!input || !list || !data) { return; }
  var LIMIT = 60;
  var RANK = {"article": 0, "speaker": 1, "place": 1, "country/organisation": 1, "statement": 2};

  function fold(s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var docs = data.map(function (d) {
    return {kind: d[0], title: d[1], url: d[2], extra: d[3] || "", title_f: fold(d[1]), all_f: fold(d[1] + " " + (d[3] || ""))};
  });

  function search(q) {
    var terms = fold(q).split(/\s+/).filter(Boolean);
    if (!terms.length) { return []; }
    var hits = [];
    for (var i = 0; i < docs.length; i++) {
      var d = docs[i], ok = true;
      for (var t = 0; t < terms.length && ok; t++) { ok = d.all_f.indexOf(terms[t]) !== -1; }
      if (ok) {
        var score = RANK[d.kind] * 10 + (d.title_f.indexOf(terms[0]) === 0 ? 0 : 5);
        hits.push([score, i]);
      }
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return hits.map(function (h) { return docs[h[1]]; });
  }

  function render() {
    var q = input.value.trim();
    var hits = search(q);
    list.textContent = "";
    hits.slice(0, LIMIT).forEach(function (d) {
      var li = document.createElement("li");
      var tag = document.createElement("span");
      tag.className = "tag";
      tag.textContent = d.kind;
      var a = document.createElement("a");
      a.href = root + d.url;
      a.textContent = d.title;
      li.appendChild(tag);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      if (d.extra) {
        var small = document.createElement("small");
        small.textContent = " " + d.extra;
        li.appendChild(small);
      }
      list.appendChild(li);
    });
    status.textContent = q ? (hits.length + " result" + (hits.length === 1 ? "" : "s") +
      (hits.length > LIMIT ? ", showing the first " + LIMIT : "")) : "";
  }

  input.addEventListener("input", render);
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; }
  render();
}());
