// Timeline of events (overview and actor pages), coloured by quad class. Text goes in as
// DOM nodes made with textContent, never as HTML. Clicking an event opens its page.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("page-data").textContent);
  var container = document.getElementById("timeline");
  var tl = data.timeline || { items: [] };
  var names = data.names || {};
  if (!container) return;
  if (!tl.items.length) {
    var p = document.createElement("p");
    p.className = "muted empty";
    p.textContent = "No dated events match.";
    container.appendChild(p);
    return;
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function span(e) {
    var d = e.date;
    var p = e.date_precision;
    if (p === "year" || d.length === 4) {
      var y = d.slice(0, 4);
      return { start: y + "-01-01", end: (parseInt(y, 10) + 1) + "-01-01", type: "range" };
    }
    // a month or a week is drawn as a box in its middle (a range that short would hide its label);
    // the dashed border says the date is approximate
    if (p === "month" || d.length === 7) {
      return { start: d.slice(0, 7) + "-15", type: "box", approx: true };
    }
    if (p === "week") {
      var s = new Date(d + "T00:00:00Z");
      s.setUTCDate(s.getUTCDate() + 3);
      return { start: s.toISOString().slice(0, 10), type: "box", approx: true };
    }
    return { start: d, type: "box" };
  }

  function who(code) {
    return code || "?";
  }

  var items = tl.items.map(function (e) {
    var s = span(e);
    var label = el("span");
    label.appendChild(el("b", e.event_type));
    label.appendChild(document.createTextNode(" " + who(e.source) + (e.symmetric ? " \u2194 " : " \u2192 ") + who(e.target)));
    if (e.negated) label.appendChild(el("span", " (not)", "neg"));
    var title = el("div");
    title.appendChild(el("div", e.event_type + (e.mode ? " \u00b7 " + e.mode : "") + (e.negated ? " (negated)" : "")));
    title.appendChild(el("div", (names[e.source] || who(e.source)) + " \u2192 " + (names[e.target] || who(e.target))));
    title.appendChild(el("div", e.date + " (" + (e.date_precision || "?") + ")" +
      (e.location && e.location.name ? " \u00b7 " + e.location.name : "")));
    title.appendChild(el("div", e.num_sources + " source(s), " + e.num_articles + " article(s)"));
    return {
      id: e.id, content: label, title: title, start: s.start, end: s.end, type: s.type,
      className: "q" + (e.quad_class || 0) + (e.negated ? " negated" : "") + (s.approx ? " approx" : ""),
    };
  });

  var timeline = new vis.Timeline(container, new vis.DataSet(items), {
    stack: true,
    maxHeight: container.classList.contains("small") ? 360 : 560,
    verticalScroll: true,
    minHeight: 180,
    zoomMin: 1000 * 60 * 60 * 24 * 7,
    orientation: { axis: "top" },
    margin: { item: 6 },
    tooltip: { followMouse: true, overflowMethod: "cap" },
    selectable: true,
  });
  // open on where most events are: a few old ones (a treaty of 1992) would squeeze the rest
  var starts = items.map(function (it) { return Date.parse(it.start); }).sort(function (a, b) { return a - b; });
  var ends = items.map(function (it) { return Date.parse(it.end || it.start); });
  var lo = starts[Math.floor(starts.length * 0.15)], min = starts[0], max = Math.max.apply(null, ends);
  if (starts.length >= 5 && max - lo < (max - min) / 3) {
    var pad = Math.max((max - lo) * 0.08, 1000 * 60 * 60 * 24 * 20);
    timeline.setWindow(lo - pad, max + 2 * pad, { animation: false });  // room for the last labels
  }
  timeline.on("click", function (props) {
    if (props.item !== null && props.item !== undefined) {
      window.location.href = "/events/" + encodeURIComponent(props.item);
    }
  });
  window.litopysTimeline = timeline;
})();
