/* Macro page: one macro of the report, its findings highlighted in its text, its fixes. */
(function () {
  "use strict";

  var P = window.MacroPage;
  var W = window.MacroWrites;
  var el = P.el;
  var OPEN_FIRST = 10; // the worst ten open at once

  function band(score) {
    if (score === null || score === undefined) { return "none"; }
    return score >= 80 ? "good" : score >= 60 ? "ok" : "poor";
  }

  // Offsets count code points (the server is Python): index the text the same way.
  function highlighted(text, findings) {
    var chars = Array.from(text);
    var pre = el("pre", "mp-text");
    var spans = findings.map(function (f, i) { return { start: f.start, end: f.end, n: i + 1, f: f }; })
      .sort(function (a, b) { return a.start - b.start || a.end - b.end; });
    var at = 0;
    spans.forEach(function (s) {
      if (s.start < at) { return; } // overlaps one already marked: its number is in the list
      pre.appendChild(document.createTextNode(chars.slice(at, s.start).join("")));
      var mark = el("mark", "mp-mark mp-sev-" + s.f.severity + (s.end > s.start ? "" : " mp-insert"));
      mark.title = s.f.message;
      mark.appendChild(el("sup", "mp-mark-n", s.n));
      if (s.end > s.start) { mark.appendChild(document.createTextNode(chars.slice(s.start, s.end).join(""))); }
      pre.appendChild(mark);
      at = Math.max(at, s.end);
    });
    pre.appendChild(document.createTextNode(chars.slice(at).join("")));
    return pre;
  }

  function suggestion(s, text) {
    var label = el("label", "mp-suggestion");
    var box = el("input", "mp-pick");
    box.type = "checkbox";
    box.value = s.id;
    label.appendChild(box);
    label.appendChild(el("span", "mp-suggestion-label", " " + s.label));
    var chars = Array.from(text);
    s.edits.forEach(function (e) {
      var change = el("span", "mp-edit");
      var old = chars.slice(e.start, e.end).join("");
      if (old) { change.appendChild(el("del", null, old)); }
      // Line breaks around an added sentence are shown by the diff, not here.
      if (e.replacement.trim()) { change.appendChild(el("ins", null, e.replacement.trim())); }
      label.appendChild(change);
    });
    return label;
  }

  function finding(f, n, text) {
    var li = el("li", "mp-finding mp-sev-" + f.severity);
    var head = el("p", "mp-finding-head");
    head.appendChild(el("span", "mp-n", n));
    head.appendChild(el("strong", null, " " + f.message));
    li.appendChild(head);
    if (f.why) { li.appendChild(el("p", "rc-muted mp-why", f.why)); }
    if (f.suggestions.length) {
      var picks = el("div", "mp-suggestions");
      f.suggestions.forEach(function (s) { picks.appendChild(suggestion(s, text)); });
      li.appendChild(picks);
    }
    return li;
  }

  function body(b) {
    var box = el("section", "mp-body");
    box.appendChild(el("h3", "mp-body-title", (b.format === "html" ? "HTML reply" : "Plain text reply") + " · score " + b.score));
    box.appendChild(highlighted(b.text, b.findings));
    if (b.findings.length) {
      var list = el("ol", "mp-findings");
      b.findings.forEach(function (f, i) { list.appendChild(finding(f, i + 1, b.text)); });
      box.appendChild(list);
    } else {
      box.appendChild(el("p", "rc-muted", "Nothing to fix in this reply."));
    }
    return box;
  }

  function details(m, written, onWritten) {
    var box = el("div", "mp-details");
    if (m.status === "error") { box.appendChild(el("p", "rc-alert", "Could not lint this macro: " + m.error)); return box; }
    if (m.status === "no_reply") { box.appendChild(el("p", "rc-muted", "No reply text: this macro sets fields only.")); return box; }
    m.bodies.forEach(function (b) { box.appendChild(body(b)); });
    if (written) {
      box.appendChild(el("p", "mp-written", "Written to Zendesk: lint again before another fix."));
    } else if (box.querySelector("input.mp-pick")) {
      box.appendChild(W.panel(m, box, function (macro) { onWritten(macro); disablePicks(box); }));
    }
    return box;
  }

  function disablePicks(box) {
    Array.prototype.forEach.call(box.querySelectorAll("input.mp-pick, button.mp-preview"), function (i) { i.disabled = true; });
  }

  function item(m, written, onWritten) {
    var li = el("li", "mp-macro");
    li.setAttribute("data-macro-id", String(m.macro_id));
    var d = el("details", "mp-macro-details");
    var summary = el("summary", "mp-summary");
    var score = el("span", "mp-score mp-score-" + band(m.score), m.score === null ? "–" : m.score);
    score.title = m.score === null ? "not scored" : "score out of 100";
    summary.appendChild(score);
    var main = el("span", "mp-summary-main");
    main.appendChild(el("span", "mp-macro-title", m.title));
    var facts = [m.categories.length ? m.categories.join(" › ") : "No category", m.active ? "active" : "inactive",
      m.group_ids.length ? "groups " + m.group_ids.join(", ") : "shared"];
    main.appendChild(el("span", "rc-muted mp-facts", facts.join(" · ")));
    var tags = el("span", "mp-tags");
    m.tags.forEach(function (t) { tags.appendChild(el("span", "mp-tag-chip", t)); });
    if (m.status === "error") { tags.appendChild(el("span", "mp-tag-chip mp-tag-error", "error")); }
    if (m.status === "no_reply") { tags.appendChild(el("span", "mp-tag-chip", "no reply text")); }
    main.appendChild(tags);
    summary.appendChild(main);
    d.appendChild(summary);
    var filled = false;
    function fill() {
      if (filled || !d.open) { return; }
      filled = true;
      d.appendChild(details(m, written, onWritten));
    }
    d.addEventListener("toggle", fill);
    if (document.querySelectorAll("#mp-list > .mp-macro").length < OPEN_FIRST) { d.open = true; fill(); }
    li.appendChild(d);
    return li;
  }

  window.MacroView = { item: item };
})();
