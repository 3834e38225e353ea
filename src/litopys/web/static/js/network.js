// Actor network: states, organisations and people as nodes; edges weighted by event counts and
// coloured by cooperation (green) or conflict (red). Clicking an actor opens its page.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("page-data").textContent);
  var container = document.getElementById("network");
  if (!container || !data.nodes.length) {
    if (container) container.classList.add("empty");
    return;
  }
  var COLOURS = {
    state: { background: "#4f7cac", border: "#2f5680" },
    organisation: { background: "#8e6cbf", border: "#5f4291" },
    treaty: { background: "#b0a04f", border: "#7f722f" },
    person: { background: "#f3c969", border: "#b88a1d" },
    other: { background: "#9aa3ad", border: "#6b747d" },
  };
  var SHAPES = { state: "dot", organisation: "diamond", treaty: "square", person: "triangle", other: "square" };
  var EDGE = { cooperation: "#2e9d5b", conflict: "#c8372d", person: "#b9b9b9" };

  function tip(lines) {
    var div = document.createElement("div");
    lines.forEach(function (line) {
      var row = document.createElement("div");
      row.textContent = line;
      div.appendChild(row);
    });
    return div;
  }

  var nodes = data.nodes.map(function (n) {
    var kind = COLOURS[n.kind] ? n.kind : "other";
    return {
      id: n.id, code: n.code, label: n.kind === "person" ? n.label : n.code,
      shape: SHAPES[kind], color: COLOURS[kind],
      size: kind === "person" ? 8 : 10 + 6 * Math.sqrt(n.events),
      font: { size: kind === "person" ? 11 : 14, color: "#1d2733" },
      title: tip([n.name + (n.kind === "person" ? "" : " (" + n.code + ")"), n.kind + (n.role ? ", " + n.role : ""),
        n.events + (n.kind === "person" ? " report(s)" : " event(s)")]),
    };
  });
  var edges = data.edges.map(function (e, i) {
    var acts = e.kind === "acts_for";
    return {
      id: i, from: e.from, to: e.to,
      width: acts ? 1 : 1 + 2.5 * Math.sqrt(e.events),
      color: { color: EDGE[e.tone] || "#999", opacity: acts ? 0.6 : 0.85 },
      dashes: acts,
      title: tip(acts ? ["acts for " + e.to] : [e.from + " \u2013 " + e.to, e.events + " event(s): " + e.cooperation +
        " cooperation, " + e.conflict + " conflict"]),
    };
  });
  var nodeSet = new vis.DataSet(nodes);
  var network = new vis.Network(container, { nodes: nodeSet, edges: new vis.DataSet(edges) }, {
    interaction: { hover: true, tooltipDelay: 120, navigationButtons: false },
    physics: { solver: "forceAtlas2Based", stabilization: { iterations: 250 },
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 110 } },
    edges: { smooth: { type: "continuous" } },
  });
  network.once("stabilizationIterationsDone", function () { network.fit(); });
  network.on("click", function (params) {
    if (!params.nodes.length) return;
    var node = nodeSet.get(params.nodes[0]);
    if (node && node.code) window.location.href = "/actors/" + encodeURIComponent(node.code);
  });
  network.on("hoverNode", function () { container.classList.add("pointer"); });
  network.on("blurNode", function () { container.classList.remove("pointer"); });
  document.getElementById("node-count").textContent = String(nodeSet.length);
  window.litopysNetwork = network;
})();
