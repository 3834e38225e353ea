// World map: countries shaded by event counts for the current filter, event places as circles.
// Geometry ships in the package (/static/world.topo.json; Crimea is part of Ukraine there).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("page-data").textContent);
  var box = document.getElementById("map");
  var status = document.getElementById("map-status");
  var counts = data.countries || {};
  var QUAD = { 1: "#2b7bb9", 2: "#2e9d5b", 3: "#e08a1e", 4: "#c8372d", 0: "#7a7a7a" };
  var W = 960, H = 500;

  function dominant(byQuad) {
    var best = "0", n = -1;
    Object.keys(byQuad).forEach(function (q) { if (byQuad[q] > n) { best = q; n = byQuad[q]; } });
    return best;
  }

  d3.json("/static/world.topo.json").then(function (world) {
    var countries = topojson.feature(world, world.objects.countries).features;
    var territories = topojson.feature(world, world.objects.territories).features;
    var borders = topojson.mesh(world, world.objects.countries, function (a, b) { return a !== b; });
    var projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], { type: "Sphere" });
    var path = d3.geoPath(projection);
    var max = d3.max(Object.keys(counts).map(function (k) { return counts[k]; })) || 1;
    var colour = d3.scaleSequentialSqrt([0, max], d3.interpolateYlOrRd);

    var svg = d3.select(box).append("svg").attr("viewBox", "0 0 " + W + " " + H)
      .attr("role", "img").attr("aria-label", "World map of event counts");
    var g = svg.append("g");
    g.append("path").datum({ type: "Sphere" }).attr("class", "sphere").attr("d", path);
    g.append("path").datum(d3.geoGraticule10()).attr("class", "graticule").attr("d", path);
    g.append("g").selectAll("path").data(territories).join("path")
      .attr("class", "territory").attr("d", path)
      .append("title").text(function (d) { return d.properties.name || d.id; });
    var shapes = g.append("g").selectAll("path").data(countries).join("path")
      .attr("class", function (d) { return "country" + (counts[d.id] ? " shaded" : ""); })
      .attr("data-id", function (d) { return d.id; })
      .attr("data-count", function (d) { return counts[d.id] || 0; })
      .style("fill", function (d) { return counts[d.id] ? colour(counts[d.id]) : null; })
      .attr("d", path)
      .on("click", function (event, d) { window.location.href = "/actors/" + encodeURIComponent(d.id); });
    shapes.append("title").text(function (d) {
      var n = counts[d.id] || 0;
      return (d.properties.name || d.id) + ": " + n + " event" + (n === 1 ? "" : "s");
    });
    g.append("path").datum(borders).attr("class", "borders").attr("d", path);

    var points = (data.points || []).filter(function (p) { return projection([p.lon, p.lat]); });
    var dots = g.append("g").selectAll("circle").data(points).join("circle")
      .attr("class", "place")
      .attr("cx", function (p) { return projection([p.lon, p.lat])[0]; })
      .attr("cy", function (p) { return projection([p.lon, p.lat])[1]; })
      .attr("r", function (p) { return 3 + 2 * Math.sqrt(p.events); })
      .attr("fill", function (p) { return QUAD[dominant(p.by_quad)]; })
      .on("click", function (event, p) { window.location.href = "/events/" + encodeURIComponent(p.first_event); });
    dots.append("title").text(function (p) {
      return p.place + (p.country ? " (" + p.country + ")" : "") + ": " + p.events + " event" +
        (p.events === 1 ? "" : "s") + (p.approximate ? " \u00b7 position from the gazetteer" : "");
    });

    // legend: the colour ramp from 1 to the largest count
    var legend = svg.append("g").attr("class", "legend-ramp").attr("transform", "translate(20," + (H - 40) + ")");
    var steps = d3.range(0, 1.0001, 0.1);
    legend.selectAll("rect").data(steps).join("rect")
      .attr("x", function (t, i) { return i * 14; }).attr("width", 14).attr("height", 10)
      .attr("fill", function (t) { return colour(Math.max(1, t * max)); });
    legend.append("text").attr("x", 0).attr("y", 24).text("1");
    legend.append("text").attr("x", steps.length * 14).attr("y", 24).attr("text-anchor", "end").text(String(max));
    legend.append("text").attr("x", 0).attr("y", -4).text("events per country");

    var zoom = d3.zoom().scaleExtent([1, 12]).translateExtent([[0, 0], [W, H]]).on("zoom", function (event) {
      g.attr("transform", event.transform);
      dots.attr("r", function (p) { return (3 + 2 * Math.sqrt(p.events)) / Math.sqrt(event.transform.k); });
    });
    svg.call(zoom);
    // start framed on what has events (with room around it), not on the whole world
    var focus = countries.filter(function (d) { return counts[d.id]; });
    var pts = points.map(function (p) { return { type: "Feature", geometry: { type: "Point", coordinates: [p.lon, p.lat] } }; });
    if (focus.length || pts.length) {
      var b = path.bounds({ type: "FeatureCollection", features: focus.concat(pts) });
      var dx = b[1][0] - b[0][0], dy = b[1][1] - b[0][1];
      var k = Math.max(1, Math.min(6, 0.8 / Math.max(dx / W, dy / H, 0.05)));
      var cx = (b[0][0] + b[1][0]) / 2, cy = (b[0][1] + b[1][1]) / 2;
      if (k > 1.2) {
        var tx = Math.min(0, Math.max(W - k * W, W / 2 - k * cx));  // never past the map's edges
        var ty = Math.min(0, Math.max(H - k * H, H / 2 - k * cy));
        svg.call(zoom.transform, d3.zoomIdentity.translate(tx, ty).scale(k));
      }
    }
    var shaded = countries.filter(function (d) { return counts[d.id]; }).length;
    status.textContent = countries.length + " countries drawn, " + shaded + " with events; " + points.length +
      " place" + (points.length === 1 ? "" : "s") + ". Scroll to zoom, drag to pan.";
    box.setAttribute("data-ready", "1");
    window.litopysMap = { projection: projection, countries: countries, counts: counts };
  }).catch(function (err) {
    status.textContent = "The map could not be drawn: " + err;
  });
})();
