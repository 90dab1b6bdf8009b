"""The map's own JavaScript, inlined into every ``map.html`` by ``geomap.render``.

This is geomap's code, not a third-party library: it reads the event data from a
``<script type="application/json">`` blob and builds the layers in the browser
(markers, great-circle arcs with direction arrows, uncertainty circles, country
shading, the timeline, the legend and the filters).

:data:`MAP_JS` is one script, the ``geomap`` namespace, assembled from three pieces: the
helpers and the first half of ``geomap.init()`` here (base layers, country shading,
popups, markers, arcs and circles), the second half from
:data:`geomap._map_controls.CONTROLS_JS` (filters and controls), then the end of
``init()`` and of the namespace here. :data:`MAP_CSS` is re-exported from
:mod:`geomap._map_controls`.

Every piece of text that comes from an article reaches the page through
``textContent`` or :js:func:`escapeHtml`; links are kept only when they parse as
``http:`` or ``https:`` URLs. Nothing here runs at import time: the module only holds
string constants.
"""

from __future__ import annotations

from geomap._map_controls import CONTROLS_JS, MAP_CSS

__all__ = ["MAP_CSS", "MAP_JS"]

# The namespace, its helpers, and init() up to the filters (continued in CONTROLS_JS).
_LAYERS_JS = r"""
var geomap = (function () {
  "use strict";

  var SHAPES = {
    "circle": '<circle cx="10" cy="10" r="8.5"/>',
    "square": '<rect x="2.2" y="2.2" width="15.6" height="15.6" rx="1.5"/>',
    "diamond": '<polygon points="10,0.8 19.2,10 10,19.2 0.8,10"/>',
    "triangle": '<polygon points="10,1 19.3,18 0.7,18"/>',
    "triangle-down": '<polygon points="0.7,2 19.3,2 10,19"/>',
    "star": '<polygon points="10,0.6 12.6,7 19.4,7.2 14.1,11.5 16,18.4 10,14.5 ' +
      '4,18.4 5.9,11.5 0.6,7.2 7.4,7"/>',
    "hexagon": '<polygon points="5,1.3 15,1.3 19.6,10 15,18.7 5,18.7 0.4,10"/>',
    "cross": '<polygon points="6.8,0.8 13.2,0.8 13.2,6.8 19.2,6.8 19.2,13.2 13.2,13.2 ' +
      '13.2,19.2 6.8,19.2 6.8,13.2 0.8,13.2 0.8,6.8 6.8,6.8"/>'
  };
  var COLOR_RE = /^#[0-9a-fA-F]{6}$/;
  var PRECISION = {
    1: "site or town",
    2: "near a town or district",
    3: "province or region: approximate",
    4: "country only: approximate"
  };
  var DATE_PRECISION = {"day": "day", "month": "month only", "year": "year only"};
  var COUNTRY_KINDS = [
    ["striker", "Launched cross-border strikes", "#f0a868"],
    ["struck", "Hit by cross-border strikes", "#8fb8de"],
    ["both", "Both launched and was hit", "#c5a3d6"],
    ["domestic", "Domestic attacks only", "#f3e08a"]
  ];
  var LAND = "#f4f1ea";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function escapeHtml(value) {
    return String(value).replace(/[&<>"'`=\/]/g, function (c) {
      return "&#" + c.charCodeAt(0) + ";";
    });
  }

  function safeColor(c) { return COLOR_RE.test(String(c)) ? String(c) : "#777777"; }

  function safeUrl(u) {
    if (typeof u !== "string") { return null; }
    var parsed;
    try { parsed = new URL(u); } catch (e) { return null; }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") { return null; }
    return parsed.href;
  }

  // Leaflet's layer control, with a heading before the first attacker and event type,
  // and a class on each filter's checkbox (for tests and styling).
  function groupedLayers() {
    return L.Control.Layers.extend({
      _addItem: function (obj) {
        var label = L.Control.Layers.prototype._addItem.call(this, obj);
        var layer = obj.layer;
        if (layer._geomapFilter) {
          L.DomUtil.addClass(label, "geomap-filter geomap-filter-" + layer._geomapFilter);
        }
        if (layer._geomapHeading && label.parentNode) {
          label.parentNode.insertBefore(el("div", "geomap-lc-head", layer._geomapHeading),
                                        label);
        }
        return label;
      }
    });
  }

  function dayToIso(d) { return new Date(d * 86400000).toISOString().slice(0, 10); }

  function markerSize(f) {
    if (typeof f !== "number" || !(f > 0)) { return 14; }
    return Math.min(40, 14 + 7 * Math.log10(1 + f));
  }

  function iconSvg(shape, color, size, dashed) {
    var body = Object.prototype.hasOwnProperty.call(SHAPES, shape) ?
      SHAPES[shape] : SHAPES.circle;
    var s = Number(size).toFixed(1);
    return '<svg viewBox="0 0 20 20" width="' + s + '" height="' + s +
      '" aria-hidden="true"><g fill="' + safeColor(color) +
      '" fill-opacity="0.9" stroke="#1b1b1b" stroke-width="1.3"' +
      (dashed ? ' stroke-dasharray="2.6 1.6"' : "") + ">" + body + "</g></svg>";
  }

  // Points of a great-circle arc from (lat1, lon1) to (lat2, lon2), bent sideways by
  // `bend` times the arc's length at its middle, so that trajectories read as curves.
  function gcArc(lat1, lon1, lat2, lon2, n, bend) {
    var r = Math.PI / 180;
    var p1 = lat1 * r, l1 = lon1 * r, p2 = lat2 * r, l2 = lon2 * r;
    var a = [Math.cos(p1) * Math.cos(l1), Math.cos(p1) * Math.sin(l1), Math.sin(p1)];
    var b = [Math.cos(p2) * Math.cos(l2), Math.cos(p2) * Math.sin(l2), Math.sin(p2)];
    var dot = Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]));
    var omega = Math.acos(dot), so = Math.sin(omega);
    if (omega < 1e-9 || Math.abs(so) < 1e-9) { return [[lat1, lon1], [lat2, lon2]]; }
    var nx = a[1] * b[2] - a[2] * b[1], ny = a[2] * b[0] - a[0] * b[2];
    var nz = a[0] * b[1] - a[1] * b[0];
    var nn = Math.sqrt(nx * nx + ny * ny + nz * nz);
    nx /= nn; ny /= nn; nz /= nn;
    var pts = [], prev = null;
    for (var i = 0; i <= n; i++) {
      var t = i / n;
      var ka = Math.sin((1 - t) * omega) / so, kb = Math.sin(t * omega) / so;
      var px = ka * a[0] + kb * b[0], py = ka * a[1] + kb * b[1], pz = ka * a[2] + kb * b[2];
      var h = bend * omega * Math.sin(Math.PI * t), ch = Math.cos(h), sh = Math.sin(h);
      var qx = px * ch + nx * sh, qy = py * ch + ny * sh, qz = pz * ch + nz * sh;
      var lat = Math.asin(Math.max(-1, Math.min(1, qz))) / r;
      var lon = Math.atan2(qy, qx) / r;
      if (prev !== null) {
        while (lon - prev > 180) { lon -= 360; }
        while (prev - lon > 180) { lon += 360; }
      }
      prev = lon;
      pts.push([lat, lon]);
    }
    // Shift whole turns so the arc ends exactly on the strike site's marker.
    var shift = Math.round((lon2 - pts[pts.length - 1][1]) / 360) * 360;
    if (shift !== 0) { for (var j = 0; j < pts.length; j++) { pts[j][1] += shift; } }
    return pts;
  }

  function dateText(ev) {
    if (!ev.d) { return "date unknown"; }
    var p = DATE_PRECISION[ev.dp];
    return p ? ev.d + " (" + p + ")" : ev.d;
  }

  function countText(v, lo, hi) {
    var range = "";
    if (typeof lo === "number" || typeof hi === "number") {
      var l = typeof lo === "number" ? String(lo) : "?";
      var h = typeof hi === "number" ? String(hi) : "?";
      range = l === h ? l : l + "\u2013" + h;
    }
    if (typeof v === "number") {
      return range && range !== String(v) ? v + " (reports range " + range + ")" : String(v);
    }
    return range ? range + " (range of reports)" : "not reported";
  }

  function init(map, dataId) {
    var node = document.getElementById(dataId);
    var data = JSON.parse(node.textContent);
    var container = map.getContainer();
    map.options.maxZoom = 19;  // markercluster needs it before any tile layer is added
    map.options.minZoom = 1;
    map.options.zoomSnap = 0.5;
    var events = data.events, attackers = data.attackers, types = data.types;
    var sources = data.sources, names = data.countryNames || {};
    var n = events.length;
    var i;

    function countryName(code) {
      return code && Object.prototype.hasOwnProperty.call(names, code) ? names[code] : code;
    }

    // ---- base layers: OpenStreetMap when online, and a "no tiles" option
    var osm = L.tileLayer(data.tiles.url, {
      maxZoom: 19, attribution: data.tiles.attribution, crossOrigin: false
    });
    var blank = L.layerGroup();
    var noTiles = false;
    var countryLayer = null;
    function setNoTiles(flag) {
      noTiles = flag;
      if (flag) { L.DomUtil.addClass(container, "geomap-notiles"); }
      else { L.DomUtil.removeClass(container, "geomap-notiles"); }
      if (countryLayer) { countryLayer.setStyle(countryStyle); }
    }
    blank.on("add", function () { setNoTiles(true); });
    blank.on("remove", function () { setNoTiles(false); });
    var tileOk = false, tileErrors = 0;
    osm.on("tileload", function () { tileOk = true; });
    osm.on("tileerror", function () {
      tileErrors += 1;
      if (!tileOk && tileErrors >= 4 && map.hasLayer(osm)) {
        map.removeLayer(osm);
        blank.addTo(map);
      }
    });
    if (map.attributionControl) {
      if (data.attributionPrefix !== null) {
        map.attributionControl.setPrefix(data.attributionPrefix);
      }
      map.attributionControl.addAttribution(data.attribution);
    }

    // ---- countries: outlines, shaded by their part in the events
    var kindOf = {};
    data.striker.forEach(function (c) { kindOf[c] = "striker"; });
    data.struck.forEach(function (c) { kindOf[c] = kindOf[c] === "striker" ? "both" : "struck"; });
    data.domestic.forEach(function (c) { if (!kindOf[c]) { kindOf[c] = "domestic"; } });
    var kindFill = {}, kindLabel = {};
    COUNTRY_KINDS.forEach(function (k) { kindFill[k[0]] = k[2]; kindLabel[k[0]] = k[1]; });
    function countryStyle(feature) {
      var kind = kindOf[(feature.properties || {}).iso_a2];
      var fill = kind ? kindFill[kind] : LAND;
      var opacity = noTiles ? 1 : (kind ? 0.45 : 0);
      return {color: "#6f6f6f", weight: 0.8, opacity: 0.9, fillColor: fill,
              fillOpacity: opacity};
    }
    map.createPane("geomapCountries").style.zIndex = 250;
    if (data.countries && data.countries.features && data.countries.features.length) {
      countryLayer = L.geoJSON(data.countries, {
        pane: "geomapCountries",
        style: countryStyle,
        onEachFeature: function (feature, layer) {
          var props = feature.properties || {};
          var tip = el("span", null, props.name || props.iso_a2 || "");
          var kind = kindOf[props.iso_a2];
          if (kind) { tip.appendChild(el("em", null, " \u2013 " + kindLabel[kind])); }
          layer.bindTooltip(tip, {sticky: true});
        }
      });
    }

    // ---- vector renderer: SVG for small maps (each arc a DOM element), canvas for big
    var nArcs = 0, nCircles = 0;
    for (i = 0; i < n; i++) {
      if (events[i].x && typeof events[i].ol === "number") { nArcs++; }
      if (data.precisionKm[String(events[i].gp)]) { nCircles++; }
    }
    var vec = (nArcs + nCircles > data.canvasThreshold) ?
      L.canvas({padding: 0.3}) : L.svg({padding: 0.3});

    // ---- popups, built with textContent only
    function row(table, label, value) {
      if (value === null || value === undefined || value === "") { return; }
      var tr = el("tr");
      tr.appendChild(el("th", null, label));
      tr.appendChild(el("td", null, value));
      table.appendChild(tr);
    }

    function buildPopup(ev) {
      var box = el("div", "geomap-pop");
      var head = el("div", "geomap-pop-head");
      head.appendChild(el("strong", null, types[ev.t].name));
      head.appendChild(document.createTextNode(" \u00b7 " + dateText(ev)));
      box.appendChild(head);
      var place = ev.ln || countryName(ev.lc) || "unknown place";
      var where = [place];
      if (ev.a1 && ev.a1 !== ev.ln) { where.push(ev.a1); }
      if (ev.lc && countryName(ev.lc) !== ev.ln) { where.push(countryName(ev.lc)); }
      box.appendChild(el("div", "geomap-pop-who",
        attackers[ev.a].name + " \u2192 " + where.join(", ")));
      var table = el("table");
      row(table, "Location", PRECISION[ev.gp] ? PRECISION[ev.gp] +
        (data.precisionKm[String(ev.gp)] ? " (circle \u2248 " +
          data.precisionKm[String(ev.gp)] + " km)" : "") : "precision unknown");
      if (ev.x) {
        row(table, "Launched from", (ev.on || countryName(ev.ac) || "unknown") +
          (typeof ev.ol === "number" ? "" : " (no origin point: no arc drawn)"));
      }
      row(table, "Killed", countText(ev.f, ev.fl, ev.fh));
      row(table, "Injured", countText(ev.inj, null, null));
      row(table, "Weapons", ev.w && ev.w.length ? ev.w.join(", ") : "not reported");
      row(table, "Claimed target", ev.tg || "not reported");
      if (typeof ev.c === "number") { row(table, "Confidence", Math.round(ev.c * 100) + "%"); }
      box.appendChild(table);
      if (ev.n && ev.n.length) {
        box.appendChild(el("h5", null, "Notes and disagreements"));
        var notes = el("ul");
        ev.n.forEach(function (t) { notes.appendChild(el("li", "geomap-note", t)); });
        box.appendChild(notes);
      }
      var srcs = ev.s || [];
      box.appendChild(el("h5", null, "Sources (" + srcs.length + ")"));
      var list = el("ul", "geomap-sources");
      srcs.forEach(function (k) {
        var s = sources[k];
        var li = el("li", "geomap-source");
        li.appendChild(el("span", "geomap-source-title", s[1] || s[0]));
        if (s[2]) { li.appendChild(document.createTextNode(" \u00b7 " + s[2])); }
        var href = safeUrl(s[3]);
        if (href) {
          li.appendChild(document.createTextNode(" \u00b7 "));
          var a = el("a", "geomap-source-link", new URL(href).hostname || "link");
          a.href = href;
          a.target = "_blank";
          a.rel = "noopener noreferrer nofollow";
          a.title = href;
          li.appendChild(a);
        }
        list.appendChild(li);
      });
      box.appendChild(list);
      if (ev.e && ev.e.length) {
        box.appendChild(el("h5", null, "Evidence"));
        ev.e.forEach(function (t) { box.appendChild(el("blockquote", null, t)); });
      }
      return box;
    }

    var popupOptions = {maxWidth: 380, minWidth: 240, maxHeight: 340,
                        className: "geomap-popup"};

    // ---- layers
    var useCluster = !!data.cluster && typeof L.markerClusterGroup === "function";
    var markerLayer = useCluster ? L.markerClusterGroup({
      chunkedLoading: true, maxClusterRadius: 45, showCoverageOnHover: false,
      spiderfyOnMaxZoom: true
    }) : L.featureGroup();
    var arcLayer = L.featureGroup();
    var circleLayer = L.featureGroup();
    var markers = new Array(n), arcOf = new Array(n), arrowOf = new Array(n);
    var circleOf = new Array(n), vis = new Array(n);
    var bounds = L.latLngBounds([]);
    var origins = {};

    // Without clustering, markers of events at the very same place hide each other:
    // the popup of each lists the others (those the filters show) below its own event.
    var samePlace = {};
    for (i = 0; i < n; i++) {
      var spot = events[i].la.toFixed(4) + "," + events[i].lo.toFixed(4);
      (samePlace[spot] = samePlace[spot] || []).push(i);
    }
    function popupFor(ev, k) {
      var spot = ev.la.toFixed(4) + "," + ev.lo.toFixed(4);
      return function () {
        var others = useCluster ? [] : samePlace[spot].filter(function (j) {
          return j !== k && vis[j];
        });
        if (!others.length) { return buildPopup(ev); }
        var box = el("div", "geomap-pop-group");
        box.appendChild(buildPopup(ev));
        box.appendChild(el("h5", "geomap-pop-more", "Also at this place: " +
          others.length + (others.length === 1 ? " event" : " events")));
        others.slice(0, 10).forEach(function (j) {
          box.appendChild(el("hr"));
          box.appendChild(buildPopup(events[j]));
        });
        if (others.length > 10) {
          box.appendChild(el("div", null, "\u2026 and " + (others.length - 10) + " more"));
        }
        return box;
      };
    }

    for (i = 0; i < n; i++) {
      var ev = events[i];
      var color = safeColor(attackers[ev.a].color);
      var size = markerSize(ev.f);
      var label = attackers[ev.a].name + " \u2192 " + (ev.ln || countryName(ev.lc) || "?") +
        " \u00b7 " + dateText(ev);
      var marker = L.marker([ev.la, ev.lo], {
        icon: L.divIcon({
          className: "geomap-event geomap-shape-" + types[ev.t].shape +
            (ev.x ? " geomap-cross-border" : " geomap-domestic"),
          html: iconSvg(types[ev.t].shape, color, size, typeof ev.f !== "number"),
          iconSize: [size, size]
        }),
        title: label, alt: label, riseOnHover: true
      });
      marker.bindPopup(popupFor(ev, i), popupOptions);
      marker.on("add", (function (k) {
        return function () {
          var elt = this.getElement();
          if (elt) { elt.setAttribute("data-geomap-index", String(k)); }
        };
      })(i));
      markers[i] = marker;
      vis[i] = false;
      bounds.extend([ev.la, ev.lo]);
      if (ev.x && typeof ev.ol === "number") {
        var pts = gcArc(ev.ol, ev.oo, ev.la, ev.lo, 32, 0.12);
        var arc = L.polyline(pts, {
          color: color, weight: nArcs > 300 ? 1.6 : 2.6, opacity: 0.85,
          className: "geomap-arc", renderer: vec, smoothFactor: 0.5
        });
        arc.bindPopup(function (e) { return function () { return buildPopup(e); }; }(ev),
                      popupOptions);
        arcOf[i] = arc;
        arrowOf[i] = L.polygon([pts[0], pts[0], pts[0]], {
          stroke: false, fill: true, fillColor: color, fillOpacity: 0.95,
          className: "geomap-arrow", renderer: vec, interactive: false
        });
        arrowOf[i]._geomapPts = pts;
        var okey = ev.ol.toFixed(3) + "," + ev.oo.toFixed(3);
        if (!origins[okey]) {
          var dot = L.circleMarker([ev.ol, ev.oo], {
            radius: 4, color: "#222", weight: 1.5, fillColor: "#ffffff", fillOpacity: 1,
            className: "geomap-origin", renderer: vec
          });
          dot.bindTooltip(el("span", null, "Launched from: " +
            (ev.on || countryName(ev.ac) || "origin") + " (approximate)"));
          origins[okey] = dot;
          arcLayer.addLayer(dot);
        }
        bounds.extend([ev.ol, ev.oo]);
      }
      var km = data.precisionKm[String(ev.gp)];
      if (km) {
        circleOf[i] = L.circle([ev.la, ev.lo], {
          radius: km * 1000, color: color, weight: 1.2, opacity: 0.8, dashArray: "5 4",
          fillColor: color, fillOpacity: 0.07, interactive: false,
          className: "geomap-uncertainty", renderer: vec
        });
      }
    }

    function placeArrow(k) {
      var arrow = arrowOf[k], pts = arrow._geomapPts, z = map.getZoom();
      var m = Math.round(pts.length * 0.6);
      m = Math.max(1, Math.min(pts.length - 2, m));
      var a = map.project(pts[m - 1], z), b = map.project(pts[m + 1], z);
      var c = map.project(pts[m], z);
      var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
      dx /= len; dy /= len;
      var tip = L.point(c.x + dx * 8, c.y + dy * 8);
      var base = L.point(c.x - dx * 5, c.y - dy * 5);
      var left = L.point(base.x - dy * 6, base.y + dx * 6);
      var right = L.point(base.x + dy * 6, base.y - dx * 6);
      arrow.setLatLngs([map.unproject(tip, z), map.unproject(left, z),
                        map.unproject(right, z)]);
    }
    function placeArrows() {
      for (var k = 0; k < n; k++) { if (arrowOf[k] && vis[k]) { placeArrow(k); } }
    }
"""

# The end of init(), after the controls, and of the namespace.
_END_JS = r"""
    container.setAttribute("data-geomap-events", String(n));
    container.setAttribute("data-geomap-arcs", String(nArcs));
    container.setAttribute("data-geomap-circles", String(nCircles));
    container.setAttribute("data-geomap-renderer", vec instanceof L.Canvas ? "canvas" : "svg");
    container.setAttribute("data-geomap-ready", "1");
    return {map: map, markers: markers, arcs: arcOf, applyFilter: applyFilter};
  }

  return {init: init, gcArc: gcArc, escapeHtml: escapeHtml, safeUrl: safeUrl,
          instances: []};
})();
"""

MAP_JS = _LAYERS_JS + CONTROLS_JS + _END_JS
