"""The map's own JavaScript and CSS, inlined into every ``map.html`` by ``geomap.render``.

This is geomap's code, not a third-party library: it reads the event data from a
``<script type="application/json">`` blob and builds the layers in the browser
(markers, great-circle arcs with direction arrows, uncertainty circles, country
shading, the timeline, the legend and the filters).

Every piece of text that comes from an article reaches the page through
``textContent`` or :js:func:`escapeHtml`; links are kept only when they parse as
``http:`` or ``https:`` URLs. Nothing here runs at import time: the module only holds
two string constants.
"""

from __future__ import annotations

__all__ = ["MAP_CSS", "MAP_JS"]

MAP_CSS = r"""
.geomap-event { background: none; border: none; cursor: pointer; }
.geomap-event svg { display: block; overflow: visible;
  filter: drop-shadow(0 0 1.5px rgba(255, 255, 255, 0.95)); }
.leaflet-container.geomap-notiles { background: #c9dcea; }
.geomap-title { position: absolute; top: 10px; left: 50%; transform: translateX(-50%);
  z-index: 1000; background: rgba(255, 255, 255, 0.93); padding: 6px 14px;
  border-radius: 6px; box-shadow: 0 1px 5px rgba(0, 0, 0, 0.35); text-align: center;
  font: 600 16px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  max-width: 60%; pointer-events: auto; }
.geomap-title small { display: block; font-weight: 400; font-size: 12px; color: #444; }
.geomap-box { background: rgba(255, 255, 255, 0.95); padding: 6px 9px; border-radius: 5px;
  box-shadow: 0 1px 5px rgba(0, 0, 0, 0.35);
  font: 12px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; }
.geomap-legend { max-width: 250px; max-height: 42vh; overflow-y: auto; }
.geomap-legend summary { font-weight: 600; cursor: pointer; }
.geomap-legend h4 { margin: 6px 0 2px; font-size: 12px; }
.geomap-legend .geomap-row { display: flex; align-items: center; gap: 6px; margin: 1px 0; }
.geomap-legend .geomap-sym { flex: 0 0 22px; display: flex; justify-content: center;
  align-items: center; }
.geomap-swatch { display: inline-block; width: 14px; height: 10px;
  border: 1px solid #555; vertical-align: middle; }
.geomap-lc-swatch { display: inline-block; width: 9px; height: 9px; border-radius: 50%;
  margin-right: 3px; vertical-align: middle; border: 1px solid #333; }
.geomap-lc-head { font-weight: 600; margin: 5px 0 1px; }
.geomap-lc-shape svg { display: inline-block; vertical-align: -1px; margin-right: 3px; }
.geomap-legend-note { color: #444; margin: 3px 0; max-width: 220px; }
.leaflet-control-layers-list { max-height: 42vh; overflow-y: auto; }
.leaflet-control-layers { font-size: 12.5px; }
.geomap-timeline { width: 300px; }
.geomap-timeline .geomap-hist { display: flex; align-items: flex-end; height: 34px; gap: 1px;
  margin: 3px 0; }
.geomap-timeline .geomap-bar { flex: 1 1 0; background: #9bb1c8; min-height: 1px; }
.geomap-timeline .geomap-bar.geomap-on { background: #2b5d8a; }
.geomap-timeline label { display: flex; align-items: center; gap: 5px; margin: 1px 0; }
.geomap-timeline input[type=range] { flex: 1 1 auto; margin: 0; }
.geomap-timeline .geomap-tl-date { flex: 0 0 74px; font-variant-numeric: tabular-nums; }
.geomap-buttons a { font-size: 17px; font-weight: 700; cursor: pointer; }
.geomap-pop { font: 12.5px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  overflow-wrap: anywhere; }
.geomap-pop-head { font-size: 14px; margin-bottom: 2px; }
.geomap-pop-who { font-weight: 600; margin-bottom: 4px; }
.geomap-pop table { border-collapse: collapse; margin: 3px 0; }
.geomap-pop th { text-align: left; vertical-align: top; padding: 1px 8px 1px 0;
  color: #555; font-weight: 600; white-space: nowrap; }
.geomap-pop td { padding: 1px 0; }
.geomap-pop h5 { margin: 6px 0 2px; font-size: 12px; }
.geomap-pop ul { margin: 0; padding-left: 16px; }
.geomap-pop blockquote { margin: 2px 0 4px; padding-left: 7px; border-left: 3px solid #bbb;
  color: #333; font-style: italic; }
.geomap-pop .geomap-note { color: #8a4b00; }
.geomap-pop-more { margin: 8px 0 0; font: 600 12px system-ui, sans-serif; color: #555; }
.geomap-pop-group hr { border: 0; border-top: 1px solid #ccc; margin: 6px 0; }
"""

MAP_JS = r"""
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

    // ---- filters: attacker, event type, time
    var attOn = attackers.map(function () { return true; });
    var typeOn = types.map(function () { return true; });
    var tFrom = data.dayMin, tTo = data.dayMax, showUndated = true;

    function isVisible(ev) {
      if (!attOn[ev.a] || !typeOn[ev.t]) { return false; }
      if (typeof ev.d0 !== "number") { return showUndated; }
      return ev.d1 >= tFrom && ev.d0 <= tTo;
    }

    var status = el("small", "geomap-status");
    function applyFilter() {
      var shown = 0, addM = [], remM = [];
      for (var k = 0; k < n; k++) {
        var v = isVisible(events[k]);
        if (v) { shown++; }
        if (v === vis[k]) { continue; }
        vis[k] = v;
        (v ? addM : remM).push(markers[k]);
        var op = v ? "addLayer" : "removeLayer";
        if (arcOf[k]) {
          arcLayer[op](arcOf[k]);
          arcLayer[op](arrowOf[k]);
          if (v) { placeArrow(k); }
        }
        if (circleOf[k]) { circleLayer[op](circleOf[k]); }
      }
      if (useCluster) {
        if (remM.length) { markerLayer.removeLayers(remM); }
        if (addM.length) { markerLayer.addLayers(addM); }
      } else {
        remM.forEach(function (m) { markerLayer.removeLayer(m); });
        addM.forEach(function (m) { markerLayer.addLayer(m); });
      }
      container.setAttribute("data-geomap-visible", String(shown));
      status.textContent = n + " events (" + data.crossBorder + " cross-border)" +
        (shown === n ? "" : ", " + shown + " shown") +
        (data.unplaced ? "; " + data.unplaced + " without coordinates not shown" : "");
    }
    var pending = false;
    function scheduleFilter() {
      if (pending) { return; }
      pending = true;
      L.Util.requestAnimFrame(function () { pending = false; applyFilter(); });
    }

    // ---- put it on the map
    if (countryLayer) { countryLayer.addTo(map); }
    // with clustering, thousands of circles would hide the clusters: off until asked for
    if (!useCluster) { circleLayer.addTo(map); }
    arcLayer.addTo(map);
    markerLayer.addTo(map);
    var online = navigator.onLine !== false && data.tiles.url;
    (online ? osm : blank).addTo(map);
    applyFilter();
    map.on("zoomend", placeArrows);

    // ---- title
    var title = el("div", "geomap-title", data.title);
    title.appendChild(status);
    L.DomEvent.disableClickPropagation(title);
    container.appendChild(title);

    // ---- layer control: base layers, overlays, and one switch per attacker and type
    var baseLayers = {};
    baseLayers["OpenStreetMap"] = osm;
    baseLayers["No tiles"] = blank;
    var overlays = {};
    if (countryLayer) { overlays["Countries"] = countryLayer; }
    overlays["Trajectories"] = arcLayer;
    overlays["Uncertainty circles"] = circleLayer;
    attackers.forEach(function (att, k) {
      var key = '<span class="geomap-lc-swatch" style="background:' + safeColor(att.color) +
        '"></span>' + escapeHtml(att.name) + " (" + att.count + ")" +
        '<span hidden>#a' + k + "</span>";
      var dummy = L.layerGroup().addTo(map);
      dummy._geomapFilter = "attacker-" + k;
      if (k === 0) { dummy._geomapHeading = "Attacker"; }
      dummy.on("add", function () { attOn[k] = true; scheduleFilter(); });
      dummy.on("remove", function () { attOn[k] = false; scheduleFilter(); });
      overlays[key] = dummy;
    });
    types.forEach(function (tp, k) {
      var key = '<span class="geomap-lc-shape">' + iconSvg(tp.shape, "#9a9a9a", 12, false) +
        "</span>" + escapeHtml(tp.name) + " (" + tp.count + ")" +
        '<span hidden>#t' + k + "</span>";
      var dummy = L.layerGroup().addTo(map);
      dummy._geomapFilter = "type-" + k;
      if (k === 0) { dummy._geomapHeading = "Event type (shape)"; }
      dummy.on("add", function () { typeOn[k] = true; scheduleFilter(); });
      dummy.on("remove", function () { typeOn[k] = false; scheduleFilter(); });
      overlays[key] = dummy;
    });
    var GroupedLayers = groupedLayers();
    new GroupedLayers(baseLayers, overlays, {
      collapsed: attackers.length + types.length > 16, position: "topright"
    }).addTo(map);

    // ---- fit and fullscreen buttons
    var Buttons = L.Control.extend({
      options: {position: "topleft"},
      onAdd: function () {
        var bar = L.DomUtil.create("div", "leaflet-bar geomap-buttons");
        function button(text, tip, cls, fn) {
          var a = L.DomUtil.create("a", cls, bar);
          a.textContent = text;
          a.title = tip;
          a.setAttribute("role", "button");
          a.setAttribute("aria-label", tip);
          a.href = "#";
          L.DomEvent.on(a, "click", function (e) { L.DomEvent.preventDefault(e); fn(); });
          return a;
        }
        button("\u2922", "Fit to the events", "geomap-fit", function () {
          fitEvents(true);
        });
        var full = button("", "Full screen", "geomap-fullscreen", function () {
          var doc = document;
          if (doc.fullscreenElement) { doc.exitFullscreen(); }
          else if (container.requestFullscreen) { container.requestFullscreen(); }
        });
        full.innerHTML = '<svg viewBox="0 0 16 16" width="14" height="14" ' +
          'style="vertical-align:-2px" aria-hidden="true"><path d="M1 5V1h4M11 1h4v4M15 ' +
          '11v4h-4M5 15H1v-4" fill="none" stroke="#222" stroke-width="2"/></svg>';
        L.DomEvent.disableClickPropagation(bar);
        return bar;
      }
    });
    new Buttons().addTo(map);
    document.addEventListener("fullscreenchange", function () { map.invalidateSize(); });

    // ---- timeline
    if (typeof data.dayMin === "number") {
      var Timeline = L.Control.extend({
        options: {position: "bottomleft"},
        onAdd: function () {
          var box = L.DomUtil.create("div", "geomap-box geomap-timeline");
          box.appendChild(el("strong", null, "Timeline"));
          var span = data.dayMax - data.dayMin + 1;
          var nb = Math.max(1, Math.min(60, span));
          var width = span / nb, counts = [], bars = [], nb2, k2;
          for (nb2 = 0; nb2 < nb; nb2++) { counts.push(0); }
          events.forEach(function (ev) {
            if (typeof ev.d0 === "number") {
              counts[Math.min(nb - 1, Math.floor((ev.d0 - data.dayMin) / width))] += 1;
            }
          });
          var top = Math.max.apply(null, counts) || 1;
          var hist = el("div", "geomap-hist");
          for (k2 = 0; k2 < nb; k2++) {
            var bar = el("div", "geomap-bar geomap-on");
            bar.style.height = Math.max(3, Math.round(100 * counts[k2] / top)) + "%";
            bar.title = dayToIso(Math.floor(data.dayMin + k2 * width)) + ": " +
              counts[k2] + " events";
            hist.appendChild(bar);
            bars.push(bar);
          }
          box.appendChild(hist);
          function slider(text, value, cls) {
            var lab = el("label");
            lab.appendChild(el("span", null, text));
            var input = el("input", cls);
            input.type = "range";
            input.min = String(data.dayMin);
            input.max = String(data.dayMax);
            input.step = "1";
            input.value = String(value);
            input.disabled = data.dayMin === data.dayMax;
            var out = el("span", "geomap-tl-date", dayToIso(value));
            lab.appendChild(input);
            lab.appendChild(out);
            box.appendChild(lab);
            return [input, out];
          }
          var from = slider("From", data.dayMin, "geomap-tl-from");
          var to = slider("To", data.dayMax, "geomap-tl-to");
          function update(which) {
            var a = Number(from[0].value), b = Number(to[0].value);
            if (a > b) {
              if (which === "from") { b = a; to[0].value = String(b); }
              else { a = b; from[0].value = String(a); }
            }
            tFrom = a; tTo = b;
            from[1].textContent = dayToIso(a);
            to[1].textContent = dayToIso(b);
            bars.forEach(function (bar, k) {
              var s = data.dayMin + k * width, e = s + width;
              L.DomUtil[(e > tFrom && s <= tTo) ? "addClass" : "removeClass"](bar, "geomap-on");
            });
            scheduleFilter();
          }
          from[0].addEventListener("input", function () { update("from"); });
          to[0].addEventListener("input", function () { update("to"); });
          if (data.undated) {
            var lab = el("label");
            var box2 = el("input", "geomap-tl-undated");
            box2.type = "checkbox";
            box2.checked = true;
            box2.addEventListener("change", function () {
              showUndated = box2.checked;
              scheduleFilter();
            });
            lab.appendChild(box2);
            lab.appendChild(el("span", null, "Undated events (" + data.undated + ")"));
            box.appendChild(lab);
          }
          L.DomEvent.disableClickPropagation(box);
          L.DomEvent.disableScrollPropagation(box);
          return box;
        }
      });
      new Timeline().addTo(map);
    }

    // ---- legend
    var Legend = L.Control.extend({
      options: {position: "bottomright"},
      onAdd: function () {
        var box = L.DomUtil.create("div", "geomap-box geomap-legend");
        var details = el("details");
        details.open = map.getSize().y >= 850;
        details.appendChild(el("summary", null, "Legend"));
        function line(symbolHtml, text) {
          var r = el("div", "geomap-row");
          var sym = el("span", "geomap-sym");
          sym.innerHTML = symbolHtml;  // our own markup only: no article text here
          r.appendChild(sym);
          r.appendChild(el("span", null, text));
          details.appendChild(r);
        }
        details.appendChild(el("div", "geomap-legend-note",
          "Colour: attacker; shape: event type (switches at the top right)."));
        details.appendChild(el("h4", null, "Killed (marker size)"));
        [[null, "not reported (dashed)"], [1, "1"], [10, "10"], [100, "100 or more"]].forEach(
          function (p) {
            line(iconSvg("circle", "#bdbdbd", markerSize(p[0]), p[0] === null), p[1]);
          });
        details.appendChild(el("h4", null, "Lines and circles"));
        line('<svg width="22" height="12"><path d="M1 10 Q11 0 21 8" fill="none" ' +
             'stroke="#444" stroke-width="2"/><polygon points="13,2 19,5 13,8" ' +
             'fill="#444"/></svg>', "cross-border strike: origin \u2192 site");
        line('<svg width="12" height="12"><circle cx="6" cy="6" r="4" fill="#fff" ' +
             'stroke="#222" stroke-width="1.5"/></svg>', "where strikes were launched");
        line('<svg width="20" height="20"><circle cx="10" cy="10" r="8.5" fill="#888" ' +
             'fill-opacity="0.1" stroke="#666" stroke-dasharray="3 2"/></svg>',
             "approximate place (province or country)");
        details.appendChild(el("h4", null, "Countries"));
        COUNTRY_KINDS.forEach(function (k) {
          line('<span class="geomap-swatch" style="background:' + k[2] + '"></span>', k[1]);
        });
        box.appendChild(details);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });
    new Legend().addTo(map);

    // ---- fit to the events, in the part of the map that the controls leave free
    function cornerSize(corner) {
      var w = 0, h = 0, node = map._controlCorners[corner];
      if (!node) { return [0, 0]; }
      for (var c = 0; c < node.children.length; c++) {
        w = Math.max(w, node.children[c].offsetWidth);
        h += node.children[c].offsetHeight + 10;
      }
      return [w, h];
    }
    function fitEvents(animate) {
      if (!bounds.isValid()) { return; }
      var tl = cornerSize("topleft"), tr = cornerSize("topright");
      var bl = cornerSize("bottomleft"), br = cornerSize("bottomright");
      var size = map.getSize();
      var right = Math.max(tr[0], br[0]) + 25;
      var left = Math.max(tl[0], 10) + 25;
      var top = title.offsetHeight + 30;
      var bottom = bl[1] + 15;
      if (left + right > size.x * 0.6) { left = 30; right = 30; }
      if (top + bottom > size.y * 0.6) { top = 30; bottom = 30; }
      map.fitBounds(bounds, {paddingTopLeft: [left, top], paddingBottomRight: [right, bottom],
                             maxZoom: 7, animate: !!animate});
    }
    fitEvents(false);
    placeArrows();

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
