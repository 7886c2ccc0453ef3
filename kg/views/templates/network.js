/* newskg network page: draws the graph, the search box and the side panel.
 *
 * Every string in the data is untrusted article text. It only ever reaches the DOM through
 * textContent, setAttribute on elements created here, or vis-network's plain-string
 * tooltips (rendered with innerText). Never use innerHTML or insertAdjacentHTML here.
 *
 * `network`, `nodes` and `edges` are globals on purpose, as on pages pyvis writes, so users'
 * scripts and tests can reach window.network.
 */
"use strict";
var network = null;
var nodes = null;
var edges = null;
var nodesView = null;

(function () {
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var details = data.details;
  var animate = !data.large;

  // Types (entity types and statement kinds) unticked in the legend. The network draws a
  // DataView of `nodes` that leaves them out; vis-network does not draw an edge whose end
  // is missing, so their links go too.
  var hiddenTypes = {};
  function shown(item) {
    var d = details[item.id];
    return !(d && hiddenTypes[d.type]);
  }
  // Links between statements through their claims ("denies", "same claim"), which the
  // legend's "Claim links" box shows or hides.
  var CLAIM_RELS = { denies: true, "same claim": true };
  var claimLinksShown = true;
  function edgeShown(item) {
    return claimLinksShown || !CLAIM_RELS[item.rel];
  }

  // A big page hands its nodes and edges to vis-network a chunk per task: building the
  // network in one go blocked the main thread for ~2 s at 10,000 nodes (measured), during
  // which the tab could not even scroll. Chunks keep every task well under a second.
  var CHUNK = 2500;
  var chunked = data.nodes.length + data.edges.length > 2 * CHUNK;
  nodes = new vis.DataSet(chunked ? [] : data.nodes);
  edges = new vis.DataSet(chunked ? [] : data.edges);
  nodesView = new vis.DataView(nodes, { filter: shown });
  var edgesView = new vis.DataView(edges, { filter: edgeShown });
  network = new vis.Network(
    document.getElementById("mynetwork"),
    { nodes: nodesView, edges: edgesView },
    data.options
  );

  // The statements of each claim in this view, and the denials of each claim: the panel
  // lists a statement's other appearances and what denies it or what it denies.
  var claimMembers = {};
  var deniedBy = {};
  Object.keys(details).forEach(function (id) {
    var d = details[id];
    if (d.kind !== "statement") return;
    if (d.claim) (claimMembers[d.claim] = claimMembers[d.claim] || []).push(id);
    (d.denies || []).forEach(function (c) {
      (deniedBy[c] = deniedBy[c] || []).push(id);
    });
  });

  // Every node's links, from the data rather than from the network: the side panel lists
  // them whether or not a filter hides the other end.
  var linksOf = {};
  data.edges.forEach(function (edge) {
    (linksOf[edge.from] = linksOf[edge.from] || []).push(edge);
    (linksOf[edge.to] = linksOf[edge.to] || []).push(edge);
  });

  // Frame the whole graph. Not network.fit(): it measures every node's label to find the
  // bounds (~1 s at 10,000 nodes, in one task), while Python, which placed the nodes and
  // sized their labels, already wrote the bounds down.
  function fitAll() {
    var b = data.bounds;
    var box = document.getElementById("mynetwork");
    if (!b || !box.clientWidth || !box.clientHeight) return;
    var scale = Math.min(box.clientWidth / (b[2] - b[0] + 40), box.clientHeight / (b[3] - b[1] + 40));
    network.moveTo({
      position: { x: (b[0] + b[2]) / 2, y: (b[1] + b[3]) / 2 },
      scale: Math.min(scale, 1.5),
      animation: false,
    });
  }
  window.kgFitAll = fitAll;

  function drawn() {
    network.once("afterDrawing", function () {
      // milliseconds since navigation started: what benchmarks/viz.py reports as draw time
      window.kgDrawnAt = performance.now();
      document.body.setAttribute("data-kg-ready", "1");
    });
    fitAll();
  }

  if (!chunked) {
    drawn();
  } else {
    var measurer = {
      add: function (items) {
        try {
          var ctx = network.canvas.getContext();
          items.forEach(function (item) {
            var node = network.body.nodes[item.id];
            if (node) {
              node.resize(ctx);
              node.updateBoundingBox(ctx);
            }
          });
        } catch (err) {
          // vis-network internals changed: the first drawing will measure them instead
        }
      },
    };
    var steps = [];
    for (var i = 0; i < data.nodes.length; i += CHUNK) steps.push([nodes, data.nodes.slice(i, i + CHUNK)]);
    for (var j = 0; j < data.edges.length; j += CHUNK) steps.push([edges, data.edges.slice(j, j + CHUNK)]);
    // measuring labels is most of a first drawing's cost (~1.2 s at 10,000 nodes); measure
    // them a chunk at a time too, so the drawing itself finds them cached
    for (var k = 0; k < data.nodes.length; k += CHUNK) steps.push([measurer, data.nodes.slice(k, k + CHUNK)]);
    // no drawing of half-built networks in between (vis-network's own physics
    // stabilisation blocks redraws the same way); the last chunk draws the whole
    network.body.emitter.emit("_blockRedraw");
    var next = function () {
      var step = steps.shift();
      step[0].add(step[1]);
      if (steps.length) {
        setTimeout(next, 0);
      } else {
        network.body.emitter.emit("_allowRedraw");
        drawn();
      }
    };
    setTimeout(next, 0);
  }

  // ---------------------------------------------------------------- DOM helpers

  function el(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  function httpUrl(raw) {
    if (!raw) return null;
    try {
      var url = new URL(raw);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (err) {
      return null;
    }
  }

  function addField(dl, name, value) {
    if (value === undefined || value === null || value === "") return;
    if (Array.isArray(value) && value.length === 0) return;
    dl.appendChild(el("dt", null, name));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value);
    else dd.textContent = Array.isArray(value) ? value.join("; ") : String(value);
    dl.appendChild(dd);
  }

  function nodeLabel(id) {
    var d = details[id];
    if (!d) return String(id);
    return d.kind === "statement" ? (d.speaker ? d.speaker + ": " : "") + d.text : d.label;
  }

  // A node's colours: its own, or (usually) its group's, where the page keeps styles.
  function colorOf(id) {
    var item = nodes.get(id);
    if (!item) return null;
    var group = (data.options.groups || {})[item.group] || {};
    return item.color || group.color || null;
  }

  function badge(id) {
    var d = details[id];
    var b = el("span", "kg-badge", d.typeName);
    var color = colorOf(id);
    if (color) {
      b.style.background = color.background;
      b.style.borderColor = color.border;
      b.style.color = d.kind === "entity" ? "#fff" : "#1a202c";
    }
    return b;
  }

  // ---------------------------------------------------------------- side panel

  var panel = document.getElementById("kg-panel-body");

  var ACTS = { said: true, reported: true, denied: true };

  function nodeButton(other, text) {
    var button = el("button", null, text);
    button.type = "button";
    button.setAttribute("data-node", other);
    button.addEventListener("click", function () {
      focusNode(other);
    });
    return button;
  }

  function linksSection(id, edgesToList, heading) {
    var frag = document.createDocumentFragment();
    if (!edgesToList.length) return frag;
    frag.appendChild(el("h3", null, heading + " (" + edgesToList.length + ")"));
    var list = el("ul", "kg-links");
    edgesToList.slice(0, 200).forEach(function (edge) {
      var outgoing = edge.from === id;
      var other = outgoing ? edge.to : edge.from;
      var li = el("li");
      li.appendChild(el("span", "kg-rel", outgoing ? edge.rel + " \u2192 " : "\u2190 " + edge.rel + " "));
      li.appendChild(nodeButton(other, nodeLabel(other)));
      list.appendChild(li);
    });
    frag.appendChild(list);
    if (edgesToList.length > 200) frag.appendChild(el("p", "kg-hint", "\u2026and " + (edgesToList.length - 200) + " more"));
    return frag;
  }

  // A list of statements, each a button that selects it: the way from a person to their words.
  function statementList(edgesToList, end, heading, total) {
    var frag = document.createDocumentFragment();
    if (!edgesToList.length && !total) return frag;
    frag.appendChild(el("h3", null, heading + " (" + (total || edgesToList.length) + ")"));
    var list = el("ul", "kg-stmts");
    edgesToList.slice(0, 300).forEach(function (edge) {
      var sid = edge[end];
      var d = details[sid];
      if (!d) return;
      var li = el("li");
      var button = nodeButton(sid, d.text);
      var color = colorOf(sid);
      if (color) button.style.borderLeftColor = color.border;
      var sub = d.typeName + " \u00b7 " + (d.cue ? "\u201c" + d.cue + "\u201d \u00b7 " : "") + (d.articleTitle || d.sourceFile || "");
      if (end === "from" && d.speaker) sub = d.speaker + " \u00b7 " + sub;
      if (d.articleDate) sub += " \u00b7 " + d.articleDate;
      button.appendChild(el("span", "kg-sub", sub));
      li.appendChild(button);
      list.appendChild(li);
    });
    frag.appendChild(list);
    if (total && total > edgesToList.length) {
      frag.appendChild(
        el("p", "kg-hint", (total - edgesToList.length) + " more not in this view: focus on this entity (kg viz --focus) to see all.")
      );
    }
    return frag;
  }

  function statementPanel(id, d) {
    var frag = document.createDocumentFragment();
    frag.appendChild(badge(id));
    frag.appendChild(el("blockquote", "kg-quote", d.text));
    var dl = el("dl");
    addField(dl, "Speaker", d.speaker);
    addField(dl, "Cue", d.cue);
    addField(dl, "Form", d.direct ? "direct quotation" : "reported speech");
    addField(dl, "Article", d.articleTitle);
    addField(dl, "Date", d.articleDate);
    var href = httpUrl(d.articleUrl);
    if (href) {
      var a = el("a", null, d.articleUrl);
      a.setAttribute("href", href);
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener noreferrer");
      addField(dl, "Source", a);
    } else {
      addField(dl, "Source", d.articleUrl);
    }
    addField(dl, "File", d.sourceFile);
    frag.appendChild(dl);
    if (d.context) {
      frag.appendChild(el("h3", null, "Context"));
      frag.appendChild(el("p", "kg-context", d.context));
    }
    frag.appendChild(claimSection(id, d));
    return frag;
  }

  // A list of statements by id, each a button that selects it.
  function statementButtons(ids, heading, className) {
    var frag = document.createDocumentFragment();
    if (!ids.length) return frag;
    frag.appendChild(el("h3", null, heading + " (" + ids.length + ")"));
    var list = el("ul", "kg-stmts " + className);
    ids.forEach(function (sid) {
      var o = details[sid];
      var li = el("li");
      var button = nodeButton(sid, o.text);
      var color = colorOf(sid);
      if (color) button.style.borderLeftColor = color.border;
      var sub = (o.speaker ? o.speaker + " \u00b7 " : "") + (o.articleTitle || o.sourceFile || "");
      if (o.articleDate) sub += " \u00b7 " + o.articleDate;
      button.appendChild(el("span", "kg-sub", sub));
      li.appendChild(button);
      list.appendChild(li);
    });
    frag.appendChild(list);
    return frag;
  }

  // Where else the claim of a statement appears, who denies it, and what a denial denies.
  function claimSection(id, d) {
    var section = el("section", "kg-claim");
    if (!d.claim) return section;
    var others = (claimMembers[d.claim] || []).filter(function (o) {
      return o !== id;
    });
    if (d.claimArticles && d.claimArticles > 1) {
      section.appendChild(el("p", "kg-claim-note", "Its claim appears in " + d.claimArticles + " articles."));
    }
    section.appendChild(statementButtons(others, "Other appearances", "kg-appearances"));
    section.appendChild(statementButtons(deniedBy[d.claim] || [], "Denied by", "kg-denied-by"));
    var denied = [];
    (d.denies || []).forEach(function (c) {
      (claimMembers[c] || []).forEach(function (o) {
        if (details[o].type !== "Denial" && denied.indexOf(o) < 0) denied.push(o);
      });
    });
    section.appendChild(statementButtons(denied, "Denies", "kg-denies"));
    return section;
  }

  function entityPanel(id, d) {
    var frag = document.createDocumentFragment();
    frag.appendChild(el("h2", null, d.label));
    frag.appendChild(badge(id));
    var dl = el("dl");
    addField(dl, "Type", d.type);
    addField(dl, "Aliases", d.aliases);
    addField(dl, "Titles", d.titles);
    addField(dl, "Articles", d.mentions);
    addField(dl, "Community", d.community);
    frag.appendChild(dl);
    var links = linksOf[id] || [];
    var spoke = [], about = [], other = [];
    links.forEach(function (edge) {
      var isStatement = function (n) {
        return details[n] && details[n].kind === "statement";
      };
      if (edge.from === id && ACTS[edge.rel] && isStatement(edge.to)) spoke.push(edge);
      else if (edge.to === id && isStatement(edge.from)) about.push(edge);
      else other.push(edge);
    });
    var section = el("section", "kg-statements");
    section.appendChild(statementList(spoke, "to", "Statements", Math.max(d.statementsTotal || 0, spoke.length)));
    section.appendChild(statementList(about, "from", "Statements about or via"));
    frag.appendChild(section);
    frag.appendChild(linksSection(id, other, "Other links"));
    return frag;
  }

  function showPanel(id) {
    var d = details[id];
    panel.replaceChildren();
    if (!d) return;
    panel.setAttribute("data-node", String(id));
    if (d.kind === "statement") {
      panel.appendChild(statementPanel(id, d));
      panel.appendChild(linksSection(id, linksOf[id] || [], "Links"));
    } else {
      panel.appendChild(entityPanel(id, d));
    }
    panel.scrollTop = 0;
  }

  // ---------------------------------------------------------------- filters

  var filterBoxes = Array.prototype.slice.call(document.querySelectorAll("#kg-legend input[data-filter]"));

  function applyFilters() {
    hiddenTypes = {};
    filterBoxes.forEach(function (box) {
      if (!box.checked) hiddenTypes[box.value] = true;
      box.closest("li").classList.toggle("kg-off", !box.checked);
    });
    nodesView.refresh();
  }

  filterBoxes.forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });

  var claimBox = document.getElementById("kg-claim-links");
  if (claimBox) {
    claimBox.addEventListener("change", function () {
      claimLinksShown = claimBox.checked;
      claimBox.closest("li").classList.toggle("kg-off", !claimBox.checked);
      edgesView.refresh();
    });
  }

  // A node asked for by search or the panel is shown even if its type was unticked.
  function reveal(id) {
    var d = details[id];
    if (!d || !hiddenTypes[d.type]) return;
    filterBoxes.forEach(function (box) {
      if (box.value === d.type) box.checked = true;
    });
    applyFilters();
  }

  function focusNode(id) {
    if (!nodes.get(id)) return;
    reveal(id);
    network.selectNodes([id]);
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.0),
      animation: animate ? { duration: 450, easingFunction: "easeInOutQuad" } : false,
    });
    showPanel(id);
  }

  network.on("click", function (params) {
    if (params.nodes.length) showPanel(params.nodes[0]);
  });

  // ---------------------------------------------------------------- search

  var index = [];
  Object.keys(details).forEach(function (id) {
    var d = details[id];
    if (d.kind !== "entity") return;
    var names = [d.label].concat(d.aliases || []);
    index.push({
      id: id,
      label: d.label,
      typeName: d.typeName,
      names: names,
      keys: names.map(function (n) {
        return n.toLowerCase();
      }),
      degree: d.degree || 0,
    });
  });

  var input = document.getElementById("kg-search-input");
  var results = document.getElementById("kg-search-results");
  var matches = [];
  var active = -1;

  function search(query) {
    var q = query.trim().toLowerCase();
    if (!q) return [];
    var found = [];
    index.forEach(function (entry) {
      // rank 0: exact name, 1: a name starts with the query, 2: contains it
      var bestRank = 3;
      var bestName = 0;
      for (var i = 0; i < entry.keys.length; i++) {
        var at = entry.keys[i].indexOf(q);
        if (at < 0) continue;
        var rank = entry.keys[i] === q ? 0 : at === 0 ? 1 : 2;
        if (rank < bestRank) {
          bestRank = rank;
          bestName = i;
        }
      }
      if (bestRank < 3) {
        found.push({ entry: entry, rank: bestRank, via: bestName === 0 ? null : entry.names[bestName] });
      }
    });
    found.sort(function (a, b) {
      return a.rank - b.rank || b.entry.degree - a.entry.degree || a.entry.label.localeCompare(b.entry.label);
    });
    return found.slice(0, 30);
  }

  function closeResults() {
    results.hidden = true;
    results.replaceChildren();
    active = -1;
  }

  function pick(match) {
    input.value = match.entry.label;
    closeResults();
    focusNode(match.entry.id);
  }

  function renderResults() {
    results.replaceChildren();
    active = -1;
    if (!input.value.trim()) {
      results.hidden = true;
      return;
    }
    if (!matches.length) {
      results.appendChild(el("li", "kg-empty", "No name or alias matches"));
    }
    matches.forEach(function (match, i) {
      var li = el("li");
      li.setAttribute("role", "option");
      var button = el("button", null, match.entry.label);
      button.type = "button";
      button.setAttribute("data-node", match.entry.id);
      var sub = " \u00b7 " + match.entry.typeName + (match.via ? " \u00b7 alias \u201c" + match.via + "\u201d" : "");
      button.appendChild(el("span", "kg-sub", sub));
      button.addEventListener("mousedown", function (event) {
        event.preventDefault(); // keep focus in the input until the pick is done
      });
      button.addEventListener("click", function () {
        pick(match);
      });
      li.appendChild(button);
      results.appendChild(li);
      if (i === active) button.classList.add("kg-active");
    });
    results.hidden = false;
  }

  function setActive(i) {
    var buttons = results.querySelectorAll("button");
    if (!buttons.length) return;
    active = (i + buttons.length) % buttons.length;
    buttons.forEach(function (b, j) {
      b.classList.toggle("kg-active", j === active);
    });
    buttons[active].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("input", function () {
    matches = search(input.value);
    renderResults();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive(active + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      matches = search(input.value);
      if (matches.length) pick(matches[active >= 0 && active < matches.length ? active : 0]);
    } else if (event.key === "Escape") {
      closeResults();
    }
  });
  input.addEventListener("blur", function () {
    setTimeout(closeResults, 150);
  });

  // For scripts and tests: focus a node the way a search pick does.
  window.kgFocusNode = focusNode;
})();
