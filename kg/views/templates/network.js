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

(function () {
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var details = data.details;
  var animate = !data.large;

  nodes = new vis.DataSet(data.nodes);
  edges = new vis.DataSet(data.edges);
  network = new vis.Network(
    document.getElementById("mynetwork"),
    { nodes: nodes, edges: edges },
    data.options
  );
  network.once("afterDrawing", function () {
    document.body.setAttribute("data-kg-ready", "1");
  });
  network.fit({ animation: false });

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

  function badge(id) {
    var item = nodes.get(id);
    var d = details[id];
    var b = el("span", "kg-badge", d.typeName);
    if (item && item.color) {
      b.style.background = item.color.background;
      b.style.borderColor = item.color.border;
      b.style.color = d.kind === "entity" ? "#fff" : "#1a202c";
    }
    return b;
  }

  // ---------------------------------------------------------------- side panel

  var panel = document.getElementById("kg-panel-body");

  function linksSection(id) {
    var connected = edges.get(network.getConnectedEdges(id));
    var frag = document.createDocumentFragment();
    if (!connected.length) return frag;
    frag.appendChild(el("h3", null, "Links (" + connected.length + ")"));
    var list = el("ul", "kg-links");
    connected.slice(0, 200).forEach(function (edge) {
      var outgoing = edge.from === id;
      var other = outgoing ? edge.to : edge.from;
      var li = el("li");
      li.appendChild(el("span", "kg-rel", outgoing ? edge.label + " \u2192 " : "\u2190 " + edge.label + " "));
      var button = el("button", null, nodeLabel(other));
      button.type = "button";
      button.addEventListener("click", function () {
        focusNode(other);
      });
      li.appendChild(button);
      list.appendChild(li);
    });
    frag.appendChild(list);
    if (connected.length > 200) frag.appendChild(el("p", "kg-hint", "\u2026and " + (connected.length - 200) + " more"));
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
    return frag;
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
    frag.appendChild(dl);
    return frag;
  }

  function showPanel(id) {
    var d = details[id];
    panel.replaceChildren();
    if (!d) return;
    panel.setAttribute("data-node", String(id));
    panel.appendChild(d.kind === "statement" ? statementPanel(id, d) : entityPanel(id, d));
    panel.appendChild(linksSection(id));
  }

  function focusNode(id) {
    if (!nodes.get(id)) return;
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
