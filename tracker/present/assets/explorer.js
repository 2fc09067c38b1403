/* The explorer page of tracker: draws the claim graph from the data inlined in the page
 * (positions come precomputed), filters it, and explains every edge by its sentence. */
(function () {
  "use strict";

  var timings = { start: performance.now() };
  var data = JSON.parse(document.getElementById("tracker-data").textContent);
  timings.parsed = performance.now();
  var palette = data.palette;
  var OTHER_STANCE = { colour: "#7B3294", label: "other stance", line: "dashed" };
  var CITES_COLOUR = "#8C8C8C";
  var STANCE_HEADINGS = { asserts: "Asserted by", denies: "Denied by", declines: "Declined to confirm" };
  var nodesById = new Map();
  data.nodes.forEach(function (n) { nodesById.set(n.id, n); });
  var big = data.nodes.length > 800;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "class") node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function stanceStyle(stance) { return palette.stances[stance] || OTHER_STANCE; }
  function article(id) { return (id && data.articles[id]) || {}; }
  function outletOf(a) { return a.outlet || article(a.article).outlet || null; }
  function dateOf(a) { return a.date || (article(a.article).date || "").slice(0, 10) || null; }

  // --- what the page holds ------------------------------------------------------------
  var stances = Object.keys(palette.stances);
  data.attributions.forEach(function (a) { if (stances.indexOf(a.stance) < 0) stances.push(a.stance); });
  var kinds = [];
  data.nodes.forEach(function (n) { if (n.kind === "source" && kinds.indexOf(n.sourceKind) < 0) kinds.push(n.sourceKind); });
  kinds.sort(function (a, b) {
    var order = Object.keys(palette.kinds);
    return order.indexOf(a) - order.indexOf(b);
  });
  var outlets = [];
  data.attributions.forEach(function (a) {
    var o = outletOf(a);
    if (o && outlets.indexOf(o) < 0) outlets.push(o);
  });
  outlets.sort();

  // One line per source, claim and stance; its width grows with how often it was said.
  var links = new Map();
  data.attributions.forEach(function (a, i) {
    var key = a.source + "\u0000" + a.claim + "\u0000" + a.stance;
    if (!links.has(key)) links.set(key, { id: "l" + links.size, source: a.source, target: a.claim, stance: a.stance, items: [] });
    links.get(key).items.push(i);
  });
  var citeLinks = new Map();
  data.cites.forEach(function (c, i) {
    var key = c.source + "\u0000" + c.target;
    if (!citeLinks.has(key)) citeLinks.set(key, { id: "c" + citeLinks.size, source: c.source, target: c.target, items: [] });
    citeLinks.get(key).items.push(i);
  });
  var byNode = new Map();
  data.attributions.forEach(function (a, i) {
    [a.source, a.claim].forEach(function (n) {
      if (!byNode.has(n)) byNode.set(n, []);
      byNode.get(n).push(i);
    });
  });

  // --- the graph ----------------------------------------------------------------------
  // Labels are wrapped here, by characters, so that the library measures each line once
  // instead of word by word: on a large graph that measuring is most of the opening time.
  function wrapLabel(text, width) {
    var lines = [], line = "";
    text.split(/\s+/).forEach(function (word) {
      if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; }
      else line = line ? line + " " + word : word;
    });
    if (line) lines.push(line);
    return lines.join("\n");
  }

  // Where the page opens: the whole graph in view, from the precomputed positions (asking
  // the library to fit would measure every label first).
  function overview(container, padding) {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    data.nodes.forEach(function (n) {
      x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, n.y); y1 = Math.max(y1, n.y);
    });
    // Room for the widest label (150 px) beside and three lines under the outermost nodes.
    x0 -= 80; x1 += 80; y0 -= 25; y1 += 60;
    var width = Math.max(container.clientWidth, 100), height = Math.max(container.clientHeight, 100);
    var zoom = Math.min((width - 2 * padding) / (x1 - x0), (height - 2 * padding) / (y1 - y0));
    zoom = Math.min(Math.max(zoom, 0.02), 2);
    return { zoom: zoom, pan: { x: (width - zoom * (x0 + x1)) / 2, y: (height - zoom * (y0 + y1)) / 2 } };
  }

  // On a large graph a label is drawn only where it is at least MIN_FONT pixels high
  // (min-zoomed-font-size), and measuring every label slows the opening: there a node gets
  // its label once it is in view at a zoom where the label can be read.
  var FONT = 11, MIN_FONT = big ? 9 : 6, LABEL_ZOOM = MIN_FONT / FONT;
  var container = document.getElementById("graph");
  var start = data.focus ? null : overview(container, 30);
  var labelAll = !big || (Boolean(start) && start.zoom >= LABEL_ZOOM);

  var elements = [];
  data.nodes.forEach(function (n) {
    var classes = [n.kind];
    classes.push(labelAll ? "labelled" : "unlabelled");
    if (n.kind === "source" && n.anonymous) classes.push("anonymous");
    if (n.kind === "claim" && n.contested) classes.push("contested");
    var degree = (byNode.get(n.id) || []).length;
    elements.push({
      group: "nodes",
      data: { id: n.id, label: wrapLabel(n.label, 26), colour: palette.kinds[n.sourceKind] || "#C7C7C7", size: Math.min(14 + 3 * Math.sqrt(degree), 40) },
      position: { x: n.x, y: n.y },
      classes: classes.join(" ")
    });
  });
  links.forEach(function (link) {
    var style = stanceStyle(link.stance);
    elements.push({
      group: "edges",
      data: { id: link.id, source: link.source, target: link.target, colour: style.colour, width: Math.min(1.5 + link.items.length - 1, 7) },
      classes: "stance line-" + style.line
    });
  });
  citeLinks.forEach(function (link) {
    elements.push({ group: "edges", data: { id: link.id, source: link.source, target: link.target }, classes: "cites" });
  });

  var cy = cytoscape({
    container: container,
    elements: elements,
    layout: { name: "preset", fit: false },
    zoom: start ? start.zoom : 1,
    pan: start ? start.pan : { x: 0, y: 0 },
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: false,
    autoungrabify: true,
    textureOnViewport: big,
    pixelRatio: big ? 1 : "auto",
    hideEdgesOnViewport: big,
    style: [
      { selector: "node.labelled", style: { label: "data(label)", "font-size": FONT, color: "#222", "text-wrap": "wrap", "text-max-width": 1000, "text-valign": "bottom", "text-margin-y": 3, "min-zoomed-font-size": MIN_FONT, "text-background-color": "#fff", "text-background-opacity": 0.7 } },
      { selector: "node.source", style: { width: "data(size)", height: "data(size)", "background-color": "data(colour)", "border-width": 1.5, "border-color": "#fff" } },
      { selector: "node.source.anonymous", style: { "background-color": "#fff", "border-color": "data(colour)", "border-width": 3, "border-style": "dashed", "font-style": "italic" } },
      { selector: "node.claim", style: { shape: "round-rectangle", width: 18, height: 18, "background-color": "#F6F3EC", "border-width": 1.5, "border-color": "#9A9488" } },
      { selector: "node.claim.contested", style: { "border-width": 3.5, "border-color": "#D62728" } },
      { selector: "edge", style: { "curve-style": big ? "haystack" : "bezier", opacity: 0.85 } },
      { selector: "edge.stance", style: { "line-color": "data(colour)", width: "data(width)" } },
      { selector: "edge.line-dashed", style: { "line-style": "dashed" } },
      { selector: "edge.line-dotted", style: { "line-style": "dotted" } },
      { selector: "edge.cites", style: { "line-color": CITES_COLOUR, width: 1, "curve-style": "bezier", "target-arrow-shape": "triangle", "target-arrow-color": CITES_COLOUR, "arrow-scale": 0.8 } },
      { selector: ".match", style: { "underlay-color": "#FFC400", "underlay-opacity": 0.6, "underlay-padding": 6 } },
      { selector: "node:selected", style: { "underlay-color": "#1F5FA8", "underlay-opacity": 0.35, "underlay-padding": 8 } },
      { selector: ".hidden", style: { display: "none" } }
    ]
  });

  timings.graph = performance.now();

  var labelTimer = null;
  function labelNodesInView() {
    labelTimer = null;
    if (cy.zoom() < LABEL_ZOOM) return;
    var box = cy.extent(), margin = 200;
    var fresh = cy.nodes(".unlabelled").filter(function (node) {
      var p = node.position();
      return p.x > box.x1 - margin && p.x < box.x2 + margin && p.y > box.y1 - margin && p.y < box.y2 + margin;
    });
    if (fresh.length) cy.batch(function () { fresh.removeClass("unlabelled").addClass("labelled"); });
  }
  cy.on("viewport", function () { if (labelTimer === null) labelTimer = setTimeout(labelNodesInView, 60); });

  // --- filters ------------------------------------------------------------------------
  var state = {
    query: "",
    contested: false,
    focusOnly: Boolean(data.focus),
    stances: new Set(stances.concat(["cites"])),
    kinds: new Set(kinds),
    outlets: new Set(outlets.concat([""])),
    from: null,
    to: null
  };

  function passes(a, ignoreDates) {
    if (!state.stances.has(a.stance)) return false;
    if (!state.kinds.has(nodesById.get(a.source).sourceKind)) return false;
    if (outlets.length && !state.outlets.has(outletOf(a) || "")) return false;
    if (state.contested && !nodesById.get(a.claim).contested) return false;
    if (state.focusOnly && data.focus && a.claim !== data.focus) return false;
    if (!ignoreDates) {
      var day = dateOf(a);
      if (state.from && (!day || day < state.from)) return false;
      if (state.to && (!day || day > state.to)) return false;
    }
    return true;
  }

  function restricted() {
    return state.contested || (state.focusOnly && data.focus) || state.from || state.to ||
      state.stances.size < stances.length + 1 || state.kinds.size < kinds.length ||
      state.outlets.size < outlets.length + 1;
  }

  function citePasses(c, visible) {
    if (!state.stances.has("cites")) return false;
    if (!state.kinds.has(nodesById.get(c.source).sourceKind) || !state.kinds.has(nodesById.get(c.target).sourceKind)) return false;
    if (outlets.length && !state.outlets.has(outletOf(c) || "")) return false;
    if (state.from && (!c.date || c.date < state.from)) return false;
    if (state.to && (!c.date || c.date > state.to)) return false;
    // When the view is narrowed, a citation is shown only for a source already in view.
    if (state.contested || (state.focusOnly && data.focus)) return visible.has(c.target);
    return true;
  }

  function apply() {
    var passing = data.attributions.map(function (a) { return passes(a, false); });
    var visible = new Set();
    var shownLinks = new Set();
    links.forEach(function (link) {
      if (link.items.some(function (i) { return passing[i]; })) {
        shownLinks.add(link.id);
        visible.add(link.source);
        visible.add(link.target);
      }
    });
    var shownCites = new Set();
    citeLinks.forEach(function (link) {
      if (link.items.some(function (i) { return citePasses(data.cites[i], visible); })) shownCites.add(link.id);
    });
    shownCites.forEach(function (id) {
      var edge = cy.getElementById(id);
      visible.add(edge.data("source"));
      visible.add(edge.data("target"));
    });
    var narrow = restricted();
    cy.batch(function () {
      // Only what changes is touched: each change makes the library restyle the element.
      cy.nodes().forEach(function (node) {
        var id = node.id();
        var lonely = !byNode.has(id) && !narrow && state.kinds.has(nodesById.get(id).sourceKind || kinds[0]);
        var hide = !(visible.has(id) || lonely);
        if (node.hasClass("hidden") !== hide) node.toggleClass("hidden", hide);
      });
      cy.edges().forEach(function (edge) {
        var shown = edge.hasClass("cites") ? shownCites.has(edge.id()) : shownLinks.has(edge.id());
        if (edge.hasClass("hidden") === shown) edge.toggleClass("hidden", !shown);
      });
    });
    var counts = { claim: [0, 0], source: [0, 0] };
    cy.nodes().forEach(function (node) {
      var kind = nodesById.get(node.id()).kind;
      counts[kind][1] += 1;
      if (!node.hasClass("hidden")) counts[kind][0] += 1;
    });
    var shownAttributions = passing.filter(Boolean).length;
    document.getElementById("shown").textContent =
      "Showing " + counts.claim[0] + " of " + plural(counts.claim[1], "claim") + ", " +
      counts.source[0] + " of " + plural(counts.source[1], "source") + ", " +
      shownAttributions + " of " + plural(data.attributions.length, "attribution") + ".";
    drawTimeline();
  }

  // --- controls -----------------------------------------------------------------------
  function checkbox(container, value, label, set, swatch) {
    var input = el("input", { type: "checkbox", value: value });
    input.checked = true;
    input.addEventListener("change", function () {
      if (input.checked) set.add(value); else set.delete(value);
      apply();
    });
    var children = [input];
    if (swatch) children.push(swatch);
    children.push(" " + label);
    container.appendChild(el("label", {}, children));
  }

  function lineSwatch(colour, line, arrow) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "28");
    svg.setAttribute("height", "10");
    var path = document.createElementNS(ns, "line");
    [["x1", 1], ["y1", 5], ["x2", arrow ? 22 : 27], ["y2", 5], ["stroke", colour], ["stroke-width", 2.5]].forEach(function (p) { path.setAttribute(p[0], p[1]); });
    if (line === "dashed") path.setAttribute("stroke-dasharray", "5 3");
    if (line === "dotted") path.setAttribute("stroke-dasharray", "1.5 2.5");
    svg.appendChild(path);
    if (arrow) {
      var head = document.createElementNS(ns, "polygon");
      head.setAttribute("points", "21,1 27,5 21,9");
      head.setAttribute("fill", colour);
      svg.appendChild(head);
    }
    return svg;
  }

  function nodeSwatch(fill, border, shape, dashed) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    var mark = document.createElementNS(ns, shape === "square" ? "rect" : "circle");
    var attrs = shape === "square" ? [["x", 2], ["y", 2], ["width", 12], ["height", 12], ["rx", 3]] : [["cx", 8], ["cy", 8], ["r", 6]];
    attrs.concat([["fill", fill], ["stroke", border], ["stroke-width", 2]]).forEach(function (p) { mark.setAttribute(p[0], p[1]); });
    if (dashed) mark.setAttribute("stroke-dasharray", "3 2");
    svg.appendChild(mark);
    return svg;
  }

  function buildControls() {
    document.getElementById("title").textContent = data.title;
    var articles = new Set(data.attributions.map(function (a) { return a.article; }).filter(Boolean));
    document.getElementById("summary").textContent =
      plural(counts("source"), "source") + " · " + plural(counts("claim"), "claim") + " · " +
      plural(data.attributions.length, "attribution") + " from " + plural(articles.size, "article");
    var stanceBox = document.getElementById("stance-filter");
    stances.forEach(function (s) {
      var style = stanceStyle(s);
      checkbox(stanceBox, s, style.label === "other stance" ? s : style.label, state.stances, lineSwatch(style.colour, style.line));
    });
    checkbox(stanceBox, "cites", "cites as its source", state.stances, lineSwatch(CITES_COLOUR, "solid", true));
    var kindBox = document.getElementById("kind-filter");
    kinds.forEach(function (k) { checkbox(kindBox, k, k, state.kinds, nodeSwatch(palette.kinds[k], "#fff")); });
    if (outlets.length) {
      var outletBox = document.getElementById("outlet-filter");
      outletBox.hidden = false;
      outlets.forEach(function (o) { checkbox(outletBox, o, o, state.outlets); });
      checkbox(outletBox, "", "outlet not known", state.outlets);
    }
    var contested = document.getElementById("contested-only");
    contested.addEventListener("change", function () { state.contested = contested.checked; apply(); });
    if (data.focus) {
      var box = document.getElementById("focus-box");
      box.hidden = false;
      var focusOnly = document.getElementById("focus-only");
      focusOnly.checked = true;
      focusOnly.addEventListener("change", function () { state.focusOnly = focusOnly.checked; apply(); });
    }
    var from = document.getElementById("date-from");
    var to = document.getElementById("date-to");
    from.addEventListener("change", function () { state.from = from.value || null; apply(); });
    to.addEventListener("change", function () { state.to = to.value || null; apply(); });
    document.getElementById("date-clear").addEventListener("click", function () { setDates(null, null); });
    var search = document.getElementById("search");
    search.addEventListener("input", function () { runSearch(search.value); });
    search.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      var first = document.querySelector("#results button");
      if (first) first.click();
    });
    buildLegend();
  }

  function counts(kind) { return data.nodes.filter(function (n) { return n.kind === kind; }).length; }

  function buildLegend() {
    var legend = document.getElementById("legend");
    function row(swatch, text) { legend.appendChild(el("div", {}, [swatch, text])); }
    kinds.forEach(function (k) { row(nodeSwatch(palette.kinds[k], "#fff"), "source: " + k); });
    if (data.nodes.some(function (n) { return n.anonymous; })) row(nodeSwatch("#fff", "#8C8C8C", "circle", true), "unnamed source (hollow, dashed)");
    row(nodeSwatch("#F6F3EC", "#9A9488", "square"), "claim");
    row(nodeSwatch("#F6F3EC", "#D62728", "square"), "contested claim (asserted and denied)");
    stances.forEach(function (s) { var st = stanceStyle(s); row(lineSwatch(st.colour, st.line), st.label === "other stance" ? s : st.label); });
    row(lineSwatch(CITES_COLOUR, "solid", true), "cites as its source");
    legend.appendChild(el("div", { class: "dim", text: "Thicker line: said more than once." }));
  }

  function setDates(from, to) {
    state.from = from;
    state.to = to;
    document.getElementById("date-from").value = from || "";
    document.getElementById("date-to").value = to || "";
    apply();
  }

  // --- search -------------------------------------------------------------------------
  function runSearch(text) {
    var query = text.trim().toLowerCase();
    var results = document.getElementById("results");
    results.textContent = "";
    cy.batch(function () { cy.nodes(".match").removeClass("match"); });
    if (!query) return;
    var found = data.nodes.filter(function (n) {
      var words = n.kind === "source" ? [n.name].concat(n.aliases) : [n.text, n.id];
      return words.some(function (w) { return w.toLowerCase().indexOf(query) >= 0; });
    });
    found.sort(function (a, b) {
      return (a.kind === b.kind ? 0 : a.kind === "source" ? -1 : 1) || (byNode.get(b.id) || []).length - (byNode.get(a.id) || []).length;
    });
    cy.batch(function () { found.forEach(function (n) { cy.getElementById(n.id).addClass("match"); }); });
    if (!found.length) {
      results.appendChild(el("li", { class: "none", text: "Nothing matches." }));
      return;
    }
    found.slice(0, 40).forEach(function (n) {
      var button = el("button", { type: "button", class: "link", "data-node": n.id, text: (n.kind === "source" ? "source: " + n.name : "claim: " + n.label) });
      button.addEventListener("click", function () { select(n.id, true); });
      results.appendChild(el("li", {}, [button]));
    });
    if (found.length > 40) results.appendChild(el("li", { class: "none", text: "and " + (found.length - 40) + " more" }));
  }

  // --- the side panel -----------------------------------------------------------------
  function select(id, centre) {
    var node = cy.getElementById(id);
    cy.nodes(":selected").unselect();
    node.select();
    if (centre) cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
    var info = nodesById.get(id);
    if (info.kind === "claim") showClaim(info); else showSource(info);
  }

  function nodeButton(id, text) {
    var button = el("button", { type: "button", class: "link", "data-node": id, text: text });
    button.addEventListener("click", function () { select(id, true); });
    return button;
  }

  function evidence(a) {
    var quote = el("blockquote", { class: "evidence" });
    var at = 0;
    a.marks.forEach(function (m) {
      if (m[0] > at) quote.appendChild(document.createTextNode(a.evidence.slice(at, m[0])));
      quote.appendChild(el("mark", { class: "m-" + m[2], title: m[2], text: a.evidence.slice(m[0], m[1]) }));
      at = m[1];
    });
    quote.appendChild(document.createTextNode(a.evidence.slice(at)));
    return quote;
  }

  function articleLine(a) {
    var info = article(a.article);
    var parts = [info.title || a.article || "article not known"];
    var outlet = outletOf(a);
    if (outlet) parts.push(outlet);
    if (dateOf(a)) parts.push(dateOf(a));
    var line = el("p", { class: "article" }, [parts.join(" · ")]);
    if (info.url && /^https?:\/\//i.test(info.url)) {
      line.appendChild(document.createTextNode(" · "));
      line.appendChild(el("a", { href: info.url, target: "_blank", rel: "noopener noreferrer", text: "open the article" }));
    }
    return line;
  }

  function grouped(items) {
    var groups = new Map();
    stances.forEach(function (s) { groups.set(s, []); });
    items.forEach(function (i) { groups.get(data.attributions[i].stance).push(i); });
    return groups;
  }

  function showClaim(info) {
    var panel = document.getElementById("panel");
    panel.textContent = "";
    var items = byNode.get(info.id) || [];
    var articles = new Set(items.map(function (i) { return data.attributions[i].article; }));
    var heading = el("h2", {}, ["Claim "]);
    if (info.contested) heading.appendChild(el("span", { class: "tag contested", text: "contested" }));
    panel.appendChild(heading);
    panel.appendChild(el("p", { class: "claim-text", text: info.text }));
    panel.appendChild(el("p", { class: "meta", text: plural(items.length, "attribution") + " in " + plural(articles.size, "article") + " · " + info.id.replace(/^claim:/, "") }));
    grouped(items).forEach(function (list, stance) {
      if (!list.length) return;
      var style = stanceStyle(stance);
      var h = el("h3", { class: "stance-" + stance, text: (STANCE_HEADINGS[stance] || stance) + " (" + list.length + ")" });
      h.style.borderLeftColor = style.colour;
      panel.appendChild(h);
      var ol = el("ol");
      list.forEach(function (i) {
        var a = data.attributions[i];
        var who = nodesById.get(a.source);
        var li = el("li", { class: "attribution", "data-stance": stance }, [nodeButton(a.source, who.name), " ", el("span", { class: "dim", text: "“" + a.cue + "”" })]);
        if (!passes(a, false)) li.appendChild(el("span", { class: "tag", text: "filtered out" }));
        li.appendChild(evidence(a));
        li.appendChild(articleLine(a));
        ol.appendChild(li);
      });
      panel.appendChild(ol);
    });
  }

  function showSource(info) {
    var panel = document.getElementById("panel");
    panel.textContent = "";
    var heading = el("h2", { text: info.name });
    panel.appendChild(heading);
    var facts = [info.sourceKind];
    if (info.anonymous) facts.push("unnamed");
    if (info.aliases.length) facts.push("also: " + info.aliases.slice(0, 8).join("; "));
    panel.appendChild(el("p", { class: "meta", text: facts.join(" · ") }));
    grouped(byNode.get(info.id) || []).forEach(function (list, stance) {
      if (!list.length) return;
      var h = el("h3", { text: (stance === "declines" ? "declines to confirm" : stance) + " (" + list.length + ")" });
      h.style.borderLeftColor = stanceStyle(stance).colour;
      panel.appendChild(h);
      var perClaim = new Map();
      list.forEach(function (i) {
        var c = data.attributions[i].claim;
        perClaim.set(c, (perClaim.get(c) || 0) + 1);
      });
      var ol = el("ol");
      perClaim.forEach(function (n, claim) {
        var item = el("li", {}, [nodeButton(claim, nodesById.get(claim).label)]);
        if (n > 1) item.appendChild(el("span", { class: "tag", text: "×" + n }));
        if (nodesById.get(claim).contested) item.appendChild(el("span", { class: "tag contested", text: "contested" }));
        ol.appendChild(item);
      });
      panel.appendChild(ol);
    });
    [["cites", "source", "target"], ["cited by", "target", "source"]].forEach(function (way) {
      var others = new Set(data.cites.filter(function (c) { return c[way[1]] === info.id; }).map(function (c) { return c[way[2]]; }));
      if (!others.size) return;
      panel.appendChild(el("h3", { text: way[0] + " (" + others.size + ")" }));
      var ol = el("ol");
      others.forEach(function (o) { ol.appendChild(el("li", {}, [nodeButton(o, nodesById.get(o).name)])); });
      panel.appendChild(ol);
    });
  }

  cy.on("tap", "node", function (event) { select(event.target.id(), false); });

  // --- the timeline -------------------------------------------------------------------
  var days = Array.from(new Set(data.attributions.map(dateOf).filter(Boolean))).sort();
  var drag = null;

  function dayIndex(day) { return Math.round((Date.parse(day) - Date.parse(days[0])) / 86400000); }
  function dayAt(index) { return new Date(Date.parse(days[0]) + index * 86400000).toISOString().slice(0, 10); }

  function drawTimeline() {
    var box = document.getElementById("timeline");
    box.textContent = "";
    if (!days.length) {
      box.appendChild(el("p", { class: "empty", text: "No attribution has a date, so there is no timeline." }));
      return;
    }
    var span = dayIndex(days[days.length - 1]) + 1;
    var perDay = new Map();
    data.attributions.forEach(function (a) {
      var day = dateOf(a);
      if (!day || !passes(a, true)) return;
      if (!perDay.has(day)) perDay.set(day, {});
      perDay.get(day)[a.stance] = (perDay.get(day)[a.stance] || 0) + 1;
    });
    var most = 1;
    perDay.forEach(function (c) { most = Math.max(most, Object.values(c).reduce(function (x, y) { return x + y; }, 0)); });
    var width = box.clientWidth || 800, height = box.clientHeight || 96, left = 40, right = 12, top = 8, bottom = 20;
    var step = (width - left - right) / span;
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("aria-label", "Attributions per day by stance; drag to choose dates");
    function add(tag, attrs, text) {
      var node = document.createElementNS(ns, tag);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text) node.textContent = text;
      svg.appendChild(node);
      return node;
    }
    if (state.from || state.to) {
      var a = state.from ? Math.max(dayIndex(state.from), 0) : 0;
      var b = state.to ? Math.min(dayIndex(state.to), span - 1) : span - 1;
      if (b >= a) add("rect", { x: left + a * step, y: top, width: (b - a + 1) * step, height: height - top - bottom, fill: "#1F5FA8", opacity: 0.12, class: "selection" });
    }
    perDay.forEach(function (c, day) {
      var y = height - bottom;
      stances.forEach(function (s) {
        if (!c[s]) return;
        var h = c[s] / most * (height - top - bottom);
        y -= h;
        var bar = add("rect", { x: left + dayIndex(day) * step + step * 0.1, y: y, width: Math.max(step * 0.8, 3), height: h, fill: stanceStyle(s).colour, class: "bar" });
        bar.appendChild(document.createElementNS(ns, "title")).textContent = day + ": " + c[s] + " " + s;
      });
    });
    add("line", { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, stroke: "#999" });
    add("text", { x: left, y: height - 5, "font-size": 11, fill: "#555" }, days[0]);
    add("text", { x: width - right, y: height - 5, "font-size": 11, fill: "#555", "text-anchor": "end" }, days[days.length - 1]);
    add("text", { x: left - 6, y: top + 10, "font-size": 11, fill: "#555", "text-anchor": "end" }, String(most));
    function indexAt(event) {
      var rect = svg.getBoundingClientRect();
      return Math.min(Math.max(Math.floor((event.clientX - rect.left - left) / step), 0), span - 1);
    }
    svg.addEventListener("mousedown", function (event) { drag = indexAt(event); event.preventDefault(); });
    svg.addEventListener("mouseup", function (event) {
      if (drag === null) return;
      var end = indexAt(event);
      var first = Math.min(drag, end), last = Math.max(drag, end);
      drag = null;
      setDates(dayAt(first), dayAt(last));
    });
    box.appendChild(svg);
  }

  // --- start --------------------------------------------------------------------------
  buildControls();
  apply();
  timings.filtered = performance.now();
  if (data.focus) {
    select(data.focus, false);
    cy.fit(cy.getElementById(data.focus).closedNeighborhood(), 80);
    labelNodesInView();
  }
  window.addEventListener("resize", function () { drawTimeline(); });
  // For scripts driving the page (tests, benchmarks): the graph and a way to pick a node.
  timings.ready = performance.now();
  window.trackerExplorer = { cy: cy, select: select, timings: timings, ready: true };
})();
