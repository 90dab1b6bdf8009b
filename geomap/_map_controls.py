"""The controls of ``map.html``: the page's CSS, and the half of the script that drives them.

Held as strings, inlined by :mod:`geomap.render` (through :mod:`geomap._map_js`).
:data:`MAP_CSS` styles geomap's markers, title, legend, timeline, buttons and popups.
:data:`CONTROLS_JS` is the second half of the body of ``geomap.init()`` in
:data:`geomap._map_js.MAP_JS`: the filters (attacker, event type, time) and their
``applyFilter``, adding the layers to the map, then the title, the layer control with one
switch per attacker and event type, the fit and fullscreen buttons, the timeline, the
legend and the fit to the events. It is not a script on its own: it uses the variables
and helpers that the first half defines (``events``, ``markers``, ``el``, ``iconSvg``, ...).

Article text reaches the page only through ``textContent`` or ``escapeHtml``. Nothing
here runs at import time: the module only holds two string constants.
"""

from __future__ import annotations

__all__ = ["CONTROLS_JS", "MAP_CSS"]

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

CONTROLS_JS = r"""
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
    // one empty layer per attacker or event type: ticking it in the control filters the map
    function filterEntry(key, filter, heading, on, k) {
      var dummy = L.layerGroup().addTo(map);
      dummy._geomapFilter = filter + "-" + k;
      if (k === 0) { dummy._geomapHeading = heading; }
      dummy.on("add", function () { on[k] = true; scheduleFilter(); });
      dummy.on("remove", function () { on[k] = false; scheduleFilter(); });
      overlays[key] = dummy;
    }
    attackers.forEach(function (att, k) {
      filterEntry('<span class="geomap-lc-swatch" style="background:' + safeColor(att.color) +
        '"></span>' + escapeHtml(att.name) + " (" + att.count + ")" +
        '<span hidden>#a' + k + "</span>", "attacker", "Attacker", attOn, k);
    });
    types.forEach(function (tp, k) {
      filterEntry('<span class="geomap-lc-shape">' + iconSvg(tp.shape, "#9a9a9a", 12, false) +
        "</span>" + escapeHtml(tp.name) + " (" + tp.count + ")" +
        '<span hidden>#t' + k + "</span>", "type", "Event type (shape)", typeOn, k);
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
"""
