/* Reply Coach UI: one module shared by the playground and the Zendesk sidebar.
 *
 * ReplyCoach.create(options) returns a controller that checks the draft (debounced),
 * shows only the latest result, renders it with DOM nodes (never innerHTML), fetches
 * grammar in a second call and applies a suggestion's edits to the exact text checked.
 *
 * options:
 *   panel        Element the review renders into
 *   read()       -> Promise<{draft, format}>: the draft as it is now in the host
 *   write(text)  -> Promise: put the new draft into the host (textarea / comment.text)
 *   extra()      -> object merged into the request (customer_message, ticket_id, ...)
 *   token        session token for the Authorization header ("" in dev)
 *   mirror       optional {layer, textarea}: highlight findings behind the textarea
 *   afterRender  optional callback after each render (sidebar: resize the iframe)
 */
(function () {
  "use strict";

  var DEBOUNCE_MS = 90;
  var CONTEXT_CHARS = 48;
  var FIRST_FINDINGS = 5; // more sit behind "Show more" so the sidebar stays scannable
  // Display order and names; the review also sends each category's label (AutoQA's names
  // where the meaning is the same), which wins when present.
  var CATEGORY_NAMES = {
    greeting: "Greeting", empathy: "Empathy", comprehension: "Comprehension", tone: "Tone",
    solution_offered: "Solution offered", next_steps: "Next steps", readability: "Readability",
    jargon: "Jargon", spelling_grammar: "Spelling & grammar", closing: "Closing",
    personalization: "Personalization"
  };
  var GRAMMAR_CATEGORY = "spelling_grammar"; // the slow lane's findings land here
  var REGISTER_NAMES = { email: "Email", chat: "Chat", social: "Social" };
  var STATUS_NAMES = { pass: "OK", warn: "Check", fail: "Fix", "n/a": "n/a", pending: "…" };
  var SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
  var STATUS_RANK = { "n/a": 0, pass: 1, warn: 2, fail: 3 };

  // ---- small DOM helpers: text only, so server strings can never become markup ----
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) { return; }
        if (key === "text") { node.textContent = String(value); }
        else if (key === "className") { node.className = value; }
        else if (key.slice(0, 2) === "on") { node.addEventListener(key.slice(2), value); }
        else { node.setAttribute(key, value === true ? "" : String(value)); }
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) { return; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function humanize(name) {
    var s = String(name || "").replace(/[_-]+/g, " ").trim();
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function categoryName(name) { return CATEGORY_NAMES[name] || humanize(name); }

  function now() { return performance.now(); }

  // Text of an HTML fragment (for quoting rich-text drafts); DOMParser runs no scripts.
  function htmlToText(html) {
    var doc = new DOMParser().parseFromString(String(html), "text/html");
    return (doc.body && doc.body.textContent) || "";
  }

  /* The API counts offsets in code points (Python); a JS string counts UTF-16 units, one
   * more for every emoji or other astral character before a span. Without converting, an
   * edit after an emoji lands one unit early: mid-word, or inside a tag. */
  function unitIndex(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) { return null; } // no astral character: same numbers
    var units = [];
    for (var i = 0; i < text.length; i++) {
      units.push(i);
      var c = text.charCodeAt(i);
      var d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c >= 0xD800 && c <= 0xDBFF && d >= 0xDC00 && d <= 0xDFFF) { i++; } // a pair: one code point
    }
    units.push(text.length);
    return units;
  }

  function toUnits(spans, units) {
    (spans || []).forEach(function (s) {
      if (!s) { return; }
      s.start = units[s.start] === undefined ? -1 : units[s.start]; // out of range: never applied
      s.end = units[s.end] === undefined ? -1 : units[s.end];
      (s.suggestions || []).forEach(function (g) { toUnits(g.edits, units); });
      if (s.suggestion) { toUnits(s.suggestion.edits, units); }
    });
  }

  /* Offsets of an answer (review or grammar lane) as indices into the draft sent. */
  function inUnits(answer, draft) {
    var units = unitIndex(draft);
    if (units && answer) {
      toUnits(answer.findings, units);
      toUnits(answer.move_spans, units);
      toUnits(answer.objections, units); // grammar lane: suggestions LanguageTool objects to
      (answer.hints || []).forEach(function (h) { if (h && h.suggestion) { toUnits(h.suggestion.edits, units); } });
    }
    return answer;
  }

  function applyEdits(text, edits) {
    var ordered = edits.slice().sort(function (a, b) { return b.start - a.start || b.end - a.end; });
    var limit = text.length;
    for (var i = 0; i < ordered.length; i++) {
      var e = ordered[i];
      if (!(e.start >= 0 && e.start <= e.end && e.end <= limit)) { return null; } // stale / overlapping
      limit = e.start;
    }
    var out = text;
    ordered.forEach(function (e) { out = out.slice(0, e.start) + e.replacement + out.slice(e.end); });
    return out;
  }

  // ---- controller ----
  function Coach(options) {
    this.opts = options;
    this.panel = options.panel;
    this.seq = 0;            // id of the newest check started
    this.shownSeq = 0;       // id of the check on screen
    this.timer = null;
    this.inputAt = null;     // performance.now() of the last change not yet on screen
    this.controller = null;  // AbortController of the fast lane in flight
    this.grammarController = null;
    this.checked = null;     // {body, review, grammar}: what is on screen and the exact text checked
    this.metrics = [];
    this.expanded = false;   // "Show more" findings, kept across re-checks
    this.changed = this.changed.bind(this);
    if (options.mirror) { this._setupMirror(options.mirror); }
  }

  /* An edit happened in the host: check after a short pause in typing. */
  Coach.prototype.changed = function () {
    var self = this;
    this.inputAt = now();
    if (this.timer) { clearTimeout(this.timer); }
    this.timer = setTimeout(function () { self.timer = null; self.check(false); }, DEBOUNCE_MS);
    this._syncMirror();
  };

  /* Check now. force=false skips a check of exactly what is already on screen. */
  Coach.prototype.check = function (force) {
    var self = this;
    var seq = ++this.seq;
    var startedFrom = this.inputAt === null ? now() : this.inputAt;
    return Promise.resolve(this.opts.read()).then(function (input) {
      if (seq !== self.seq) { return; }
      var body = Object.assign({}, self.opts.extra ? self.opts.extra() : {}, {
        draft: input.draft || "", format: input.format === "html" ? "html" : "text"
      });
      if (!force && self.checked && sameBody(self.checked.body, body)) {
        self.inputAt = null;
        return;
      }
      if (!body.draft.trim()) { self._showEmpty(seq); return; }
      if (self.controller) { self.controller.abort(); }
      if (self.grammarController) { self.grammarController.abort(); self.grammarController = null; }
      self.controller = new AbortController();
      self._setBusy(true);
      return self._post("/api/v1/check", body, self.controller.signal).then(function (review) {
        if (seq !== self.seq) { return; } // a newer check started: drop this one
        self.controller = null;
        inUnits(review, body.draft);
        self.checked = { body: body, review: review, grammar: review.grammar || null, seq: seq };
        self.shownSeq = seq;
        self._render();
        self._measure(seq, startedFrom);
        if (review.grammar && review.grammar.status === "pending") { self._grammar(seq, body); }
      });
    }).catch(function (err) { self._fail(seq, err); });
  };

  function sameBody(a, b) {
    var keys = Object.keys(a).concat(Object.keys(b));
    for (var i = 0; i < keys.length; i++) { if (a[keys[i]] !== b[keys[i]]) { return false; } }
    return true;
  }

  Coach.prototype._post = function (url, body, signal) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    if (this.opts.token) { headers.Authorization = "Bearer " + this.opts.token; }
    return fetch(url, {
      method: "POST", headers: headers, body: JSON.stringify(body), signal: signal,
      credentials: "omit", cache: "no-store"
    }).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (data) {
        if (!resp.ok) {
          var e = new Error((data.error && data.error.message) || ("HTTP " + resp.status));
          e.status = resp.status;
          throw e;
        }
        return data;
      });
    });
  };

  Coach.prototype._grammar = function (seq, body) {
    var self = this;
    this.grammarController = new AbortController();
    this._post("/api/v1/grammar", body, this.grammarController.signal).then(function (result) {
      if (seq !== self.seq || !self.checked || self.checked.seq !== seq) { return; }
      self.grammarController = null;
      self.checked.grammar = inUnits(result, body.draft);
      self._render();
    }).catch(function (err) {
      if (err && err.name === "AbortError") { return; }
      if (seq !== self.seq || !self.checked || self.checked.seq !== seq) { return; }
      self.checked.grammar = { status: "n/a", reason: "Grammar check unavailable: " + err.message, findings: [] };
      self._render();
    });
  };

  /* Time from the last change to the findings on screen (next frame after the DOM update). */
  Coach.prototype._measure = function (seq, startedFrom) {
    var self = this;
    this.inputAt = null;
    requestAnimationFrame(function () {
      var latency = now() - startedFrom;
      self.metrics.push({ seq: seq, latency: latency, at: performance.timeOrigin + now() });
      if (self.metrics.length > 100) { self.metrics.shift(); }
      self.panel.setAttribute("data-latency-ms", latency.toFixed(1));
      self.panel.setAttribute("data-seq", String(seq));
    });
  };

  Coach.prototype._setBusy = function (busy) {
    this.panel.setAttribute("aria-busy", busy ? "true" : "false");
    if (busy) { this.panel.classList.add("rc-busy"); } else { this.panel.classList.remove("rc-busy"); }
  };

  Coach.prototype._fail = function (seq, err) {
    if (err && err.name === "AbortError") { return; }
    if (seq !== this.seq) { return; }
    this._setBusy(false);
    var message = err && err.status === 401
      ? "Your Reply Coach session has expired. Reload the app to continue."
      : "Could not check the draft: " + ((err && err.message) || "unknown error");
    this.panel.replaceChildren(el("p", { className: "rc-alert", role: "alert", text: message }));
    this.panel.setAttribute("data-state", "error");
    this._after();
  };

  Coach.prototype._showEmpty = function (seq) {
    this.checked = null;
    this.shownSeq = seq;
    this.inputAt = null;
    this._setBusy(false);
    this.panel.replaceChildren(el("p", { className: "rc-empty", text: "Start typing your reply: coaching appears here." }));
    this.panel.setAttribute("data-state", "idle");
    this._syncMirror();
    this._after();
  };

  Coach.prototype._after = function () {
    if (this.opts.afterRender) { this.opts.afterRender(); }
  };

  /* One click: apply the suggestion to the exact text checked, write it back, re-check. */
  Coach.prototype.apply = function (suggestion) {
    var self = this;
    var checked = this.checked;
    if (!checked) { return Promise.resolve(); }
    return Promise.resolve(this.opts.read()).then(function (input) {
      if ((input.draft || "") !== checked.body.draft) {
        self._notice("The draft changed since it was checked: checking again.");
        return self.check(true);
      }
      var text = applyEdits(checked.body.draft, suggestion.edits || []);
      if (text === null) {
        self._notice("That suggestion no longer fits the draft: checking again.");
        return self.check(true);
      }
      self.inputAt = now();
      var slot = firstSlot(text, suggestion.edits || []);
      return Promise.resolve(self.opts.write(text)).then(function () {
        return self.check(true);
      }).then(function () {
        // A slot the agent must fill ("{time}"): put the selection on it where the editor
        // allows (the playground); the sidebar shows the "Fill in" finding instead.
        if (slot && self.opts.select) { self.opts.select(slot.start, slot.end); return; }
        var heading = self.panel.querySelector(".rc-summary");
        if (heading) { heading.focus({ preventScroll: true }); }
      });
    }).catch(function (err) { self._fail(self.seq, err); });
  };

  Coach.prototype._notice = function (text) {
    var box = this.panel.querySelector(".rc-notice");
    if (box) { box.textContent = text; box.hidden = false; }
  };

  // ---- rendering ----
  Coach.prototype._render = function () {
    var c = this.checked;
    var review = c.review;
    var grammar = c.grammar || { status: "n/a", reason: "" };
    var findings = (review.findings || []).concat(grammar.findings || []);
    findings.sort(function (a, b) {
      return (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]) || (a.start - b.start);
    });
    this._setBusy(false);
    var parts = [
      this._summary(review, findings),
      el("p", { className: "rc-notice", role: "status", hidden: true }),
      this._findings(findings, c.body),
      this._moves(review),
      this._mood(review.customer_mood),
      this._hints(review.hints || []),
      this._categories(review.categories || {}, grammar),
      this._readability(review.readability || {}),
      this._notes(review.notes || [])
    ].filter(Boolean);
    this.panel.replaceChildren.apply(this.panel, parts);
    this.panel.setAttribute("data-state", "ready");
    this.panel.setAttribute("data-grammar", grammar.status || "n/a");
    this._findingsShown = findings;
    this._syncMirror();
    this._after();
  };

  function scoreBand(score) {
    if (score >= 80) { return { cls: "good", text: "Reads well" }; }
    if (score >= 60) { return { cls: "ok", text: "Could be warmer" }; }
    return { cls: "poor", text: "Needs work" };
  }

  Coach.prototype._summary = function (review, findings) {
    var band = scoreBand(review.score);
    var moves = review.moves || [];
    var missing = review.missing_moves || [];
    var detail = findings.length + (findings.length === 1 ? " suggestion" : " suggestions") +
      " · " + moves.length + (moves.length === 1 ? " move" : " moves") +
      (missing.length ? ", " + missing.length + " missing" : "");
    var mood = review.customer_mood;
    return el("div", { className: "rc-summary", tabindex: "-1", "aria-live": "polite" }, [
      el("div", { className: "rc-score rc-score-" + band.cls, role: "img", "aria-label": "Score " + review.score + " out of 100" }, [
        el("span", { className: "rc-score-num", text: review.score }),
        el("span", { className: "rc-score-max", text: "of 100" })
      ]),
      el("div", { className: "rc-summary-text" }, [
        el("p", { className: "rc-band", text: band.text }),
        el("p", { className: "rc-muted", text: detail }),
        mood ? el("p", { className: "rc-mood-chip rc-mood-" + mood.label, text: "Customer: " + mood.label }) : null,
        channelChip(review)
      ])
    ]);
  };

  // What the reply is coached as: the register (from Zendesk's channel, or guessed).
  function channelChip(review) {
    if (review.comment_type === "internal") {
      return el("p", { className: "rc-mood-chip rc-channel", "data-register": "internal", text: "Internal note" });
    }
    var ch = review.channel;
    if (!ch || !ch.register) { return null; }
    var text = (REGISTER_NAMES[ch.register] || humanize(ch.register)) + " reply" +
      (ch.inferred ? " (guessed)" : "");
    return el("p", {
      className: "rc-mood-chip rc-channel", "data-register": ch.register,
      title: ch.name ? "Zendesk channel: " + ch.name : "No channel given: read from the draft", text: text
    });
  }

  function section(title, count, children, extraClass) {
    return el("section", { className: "rc-section " + (extraClass || "") }, [
      el("h2", { className: "rc-h" }, [title, count === null ? null : el("span", { className: "rc-count", text: count })])
    ].concat(children));
  }

  Coach.prototype._findings = function (findings, body) {
    var self = this;
    if (!findings.length) {
      return section("Suggestions", 0, [el("p", { className: "rc-muted", text: "Nothing to fix. Nice reply." })], "rc-findings");
    }
    var items = findings.map(function (f, i) {
      var item = self._finding(f, body);
      if (i >= FIRST_FINDINGS && !self.expanded) { item.hidden = true; }
      return item;
    });
    var extra = findings.length - FIRST_FINDINGS;
    var toggle = extra > 0 ? el("button", {
      type: "button", className: "rc-btn rc-btn-quiet rc-more", "aria-expanded": self.expanded ? "true" : "false",
      onclick: function () {
        self.expanded = !self.expanded;
        items.slice(FIRST_FINDINGS).forEach(function (item) { item.hidden = !self.expanded; });
        toggle.setAttribute("aria-expanded", self.expanded ? "true" : "false");
        toggle.textContent = self.expanded ? "Show fewer" : "Show " + extra + " more";
        self._after();
      }
    }, [self.expanded ? "Show fewer" : "Show " + extra + " more"]) : null;
    return section("Suggestions", findings.length, [el("ol", { className: "rc-list" }, items), toggle], "rc-findings");
  };

  Coach.prototype._finding = function (f, body) {
    var self = this;
    var grammar = this.checked && this.checked.grammar;
    var buttons = (f.suggestions || []).filter(function (s) { return !objected(grammar, f, s); }).map(function (s) {
      return el("button", {
        type: "button", className: "rc-btn rc-apply",
        title: s.edits && s.edits.length ? previewOf(s, body) : null,
        onclick: function () { self.apply(s); }
      }, labelWithSlots(s.label));
    });
    var item = el("li", {
      className: "rc-finding rc-sev-" + f.severity, "data-rule": f.rule_id,
      "data-finding": f.id, "data-start": f.start, "data-end": f.end
    }, [
      el("p", { className: "rc-finding-head" }, [
        el("span", { className: "rc-sev", text: f.severity === "info" ? "Tip" : f.severity === "error" ? "Fix" : "Check" }),
        el("span", { className: "rc-cat", text: categoryName(f.category) })
      ]),
      el("p", { className: "rc-msg", text: f.message }),
      f.end > f.start ? quote(f, body) : null,
      f.why ? el("details", { className: "rc-why" }, [el("summary", { text: "Why?" }), el("p", { text: f.why })]) : null,
      buttons.length ? el("div", { className: "rc-suggestions" }, buttons) : null
    ]);
    item.addEventListener("mouseenter", function () { self._highlight(f.id, true); });
    item.addEventListener("mouseleave", function () { self._highlight(f.id, false); });
    item.addEventListener("focusin", function () { self._highlight(f.id, true); });
    item.addEventListener("focusout", function () { self._highlight(f.id, false); });
    return item;
  };

  // Slots left for the agent: "{time}", "{reason}", "{alternative}" (never "{{placeholders}}").
  var SLOT = /(^|[^{])(\{(?:time|reason|alternative|next_step|date|day)\})(?!\})/g;

  /* Where the first slot an applied suggestion added sits in the new text. */
  function firstSlot(text, edits) {
    var shift = 0, found = null;
    edits.slice().sort(function (a, b) { return a.start - b.start; }).forEach(function (e) {
      var m = new RegExp(SLOT.source).exec(e.replacement);
      if (!found && m) {
        var start = e.start + shift + m.index + m[1].length;
        found = { start: start, end: start + m[2].length };
      }
      shift += e.replacement.length - (e.end - e.start);
    });
    return found && text.slice(found.start, found.end).charAt(0) === "{" ? found : null;
  }

  /* A label with its slots marked, so the agent sees what they must fill. */
  function labelWithSlots(label) {
    var parts = [], last = 0, m;
    var re = new RegExp(SLOT.source, "g");
    while ((m = re.exec(label)) !== null) {
      var at = m.index + m[1].length;
      parts.push(label.slice(last, at));
      parts.push(el("mark", { className: "rc-slot", text: m[2] }));
      last = at + m[2].length;
    }
    parts.push(label.slice(last));
    return parts;
  }

  function objected(grammar, f, s) {
    return (grammar && grammar.objections || []).some(function (o) {
      return o.rule_id === f.rule_id && o.start === f.start && o.end === f.end && o.label === s.label;
    });
  }

  function previewOf(s, body) {
    // HTML edits hold escaped text ("&#x27;", "<br>"): preview what the agent will read.
    var read = body.format === "html" ? htmlToText : function (t) { return t; };
    return s.edits.map(function (e) {
      var before = read(body.draft.slice(e.start, e.end));
      var after = read(e.replacement);
      return before ? "“" + before + "” → “" + after + "”" : "Add “" + after.trim() + "”";
    }).join("; ");
  }

  /* The finding in its sentence: before + <mark>text</mark> + after, all as text nodes. */
  function quote(f, body) {
    var src = body.draft;
    var start = Math.max(0, f.start - CONTEXT_CHARS);
    var end = Math.min(src.length, f.end + CONTEXT_CHARS);
    // Cut the context at word boundaries so it never starts or ends mid-word.
    if (start > 0) { var sp = src.slice(start, f.start).search(/\s/); start = sp < 0 ? f.start : start + sp + 1; }
    if (end < src.length) { var ep = src.slice(f.end, end).search(/\s\S*$/); end = ep < 0 ? f.end : f.end + ep; }
    var before = src.slice(start, f.start);
    var hit = src.slice(f.start, f.end);
    var after = src.slice(f.end, end);
    if (body.format === "html") {
      before = htmlToText(before.replace(/^[^<]*>/, ""));
      after = htmlToText(after.replace(/<[^>]*$/, ""));
      hit = htmlToText(hit);
    }
    before = before.replace(/\s+/g, " ");
    after = after.replace(/\s+/g, " ");
    return el("p", { className: "rc-quote" }, [
      start > 0 ? "…" : "", before, el("mark", { className: "rc-mark rc-sev-" + f.severity, text: hit }), after,
      end < src.length ? "…" : ""
    ]);
  }

  Coach.prototype._moves = function (review) {
    var present = (review.moves || []).map(function (m) {
      return el("li", { className: "rc-chip rc-chip-yes" }, [el("span", { "aria-hidden": "true", text: "✓ " }), humanize(m)]);
    });
    var missing = (review.missing_moves || []).map(function (m) {
      return el("li", { className: "rc-chip rc-chip-no" }, [el("span", { "aria-hidden": "true", text: "+ " }), humanize(m)]);
    });
    return section("Empathy moves", null, [
      present.length ? el("ul", { className: "rc-chips", "aria-label": "Moves present" }, present)
        : el("p", { className: "rc-muted", text: "No empathy moves found yet." }),
      missing.length ? el("p", { className: "rc-sub", text: "Missing" }) : null,
      missing.length ? el("ul", { className: "rc-chips", "aria-label": "Moves missing" }, missing) : null
    ], "rc-moves");
  };

  Coach.prototype._mood = function (mood) {
    if (!mood) { return null; }
    var cues = (mood.cues || []).map(function (cue) {
      return el("li", { className: "rc-cue" }, [el("span", { className: "rc-cue-kind", text: humanize(cue.kind) }), " “" + cue.text + "”"]);
    });
    return section("Customer", null, [
      el("p", {}, [
        el("span", { className: "rc-mood-chip rc-mood-" + mood.label, text: humanize(mood.label) }),
        el("span", { className: "rc-muted", text: " sentiment " + Number(mood.compound).toFixed(2) })
      ]),
      mood.topic ? el("p", { className: "rc-muted", text: "Topic: " + mood.topic }) : null,
      cues.length ? el("ul", { className: "rc-cues" }, cues) : null
    ], "rc-mood");
  };

  Coach.prototype._hints = function (hints) {
    if (!hints.length) { return null; }
    var self = this;
    return section("Personal touches", hints.length, [el("ul", { className: "rc-list" }, hints.map(function (h) {
      var add = h.suggestion ? el("div", { className: "rc-suggestions" }, [
        el("button", {
          type: "button", className: "rc-btn rc-apply",
          onclick: function () { self.apply(h.suggestion); }
        }, ["Add this"])
      ]) : null;
      return el("li", { className: "rc-hint", "data-hint": h.id }, [
        el("p", { className: "rc-msg", text: h.message }),
        h.wording ? el("p", { className: "rc-wording", text: "“" + h.wording + "”" }) : null,
        h.why ? el("details", { className: "rc-why" }, [el("summary", { text: "Why?" }), el("p", { text: h.why })]) : null,
        add
      ]);
    }))], "rc-hints");
  };

  Coach.prototype._categories = function (categories, grammar) {
    var known = Object.keys(CATEGORY_NAMES);
    var names = Object.keys(categories).sort(function (a, b) {
      var ia = known.indexOf(a), ib = known.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || (a < b ? -1 : 1);
    });
    var rows = names.map(function (name) {
      var cat = categories[name];
      if (name === GRAMMAR_CATEGORY && grammar && grammar.status === "n/a") {
        // No grammar server: the local spell check still ran, so its status stands.
        cat = { status: cat.status, label: cat.label, points_lost: cat.points_lost,
          reason: cat.reason + " Grammar: " + (grammar.reason || "not checked.") };
      } else if (name === GRAMMAR_CATEGORY && grammar && grammar.status && grammar.status !== "pending" &&
                 (STATUS_RANK[grammar.status] || 0) > (STATUS_RANK[cat.status] || 0)) {
        // Grammar found worse than the spell check: the worse of the two is shown.
        cat = { status: grammar.status, label: cat.label, reason: grammar.reason || cat.reason, points_lost: cat.points_lost };
      } else if (name === GRAMMAR_CATEGORY && grammar && grammar.status === "pending") {
        cat = { status: "pending", label: cat.label, reason: grammar.reason || "Checking grammar…" };
      }
      return el("li", { className: "rc-cat-row", "data-category": name, "data-status": cat.status }, [
        el("span", { className: "rc-status rc-status-" + cat.status.replace("/", ""), text: STATUS_NAMES[cat.status] || cat.status }),
        el("span", { className: "rc-cat-name" }, [
          cat.label || categoryName(name),
          cat.points_lost >= 0.5 ? el("span", {
            className: "rc-cat-lost", title: "Points this category took off the score",
            text: "−" + Math.round(cat.points_lost)
          }) : null
        ]),
        cat.reason ? el("span", { className: "rc-cat-reason", text: cat.reason }) : null
      ]);
    });
    return section("Categories", null, [el("ul", { className: "rc-cats" }, rows)], "rc-categories");
  };

  Coach.prototype._readability = function (stats) {
    var keys = Object.keys(stats).filter(function (k) {
      var v = stats[k];
      return typeof v === "number" || typeof v === "string";
    }).slice(0, 8);
    if (!keys.length) { return null; }
    return section("Readability", null, [el("dl", { className: "rc-stats" }, keys.reduce(function (acc, k) {
      var v = stats[k];
      acc.push(el("dt", { text: humanize(k) }), el("dd", { text: typeof v === "number" ? String(Math.round(v * 10) / 10) : v }));
      return acc;
    }, []))], "rc-readability");
  };

  Coach.prototype._notes = function (notes) {
    if (!notes.length) { return null; }
    return el("ul", { className: "rc-notes" }, notes.map(function (n) { return el("li", { text: n }); }));
  };

  // ---- playground mirror: the same text behind the textarea with findings marked ----
  Coach.prototype._setupMirror = function (mirror) {
    var self = this;
    this.mirror = mirror;
    mirror.textarea.addEventListener("scroll", function () { self._placeMirror(); });
    if (window.ResizeObserver) {
      new ResizeObserver(function () { self._placeMirror(); }).observe(mirror.textarea);
    }
  };

  Coach.prototype._placeMirror = function () {
    var m = this.mirror;
    if (!m) { return; }
    var ta = m.textarea;
    m.layer.style.top = ta.clientTop + "px";
    m.layer.style.left = ta.clientLeft + "px";
    m.layer.style.width = ta.clientWidth + "px";
    m.layer.style.height = ta.clientHeight + "px";
    m.layer.scrollTop = ta.scrollTop;
  };

  Coach.prototype._syncMirror = function () {
    var m = this.mirror;
    if (!m) { return; }
    var text = m.textarea.value;
    var c = this.checked;
    var nodes = [];
    if (c && c.body.draft === text && c.body.format === "text") {
      var spans = (this._findingsShown || []).filter(function (f) { return f.end > f.start; })
        .slice().sort(function (a, b) { return a.start - b.start || b.end - a.end; });
      var pos = 0;
      spans.forEach(function (f) {
        if (f.start < pos) { return; } // overlapping: the first one wins the highlight
        nodes.push(text.slice(pos, f.start));
        nodes.push(el("mark", { className: "rc-mark rc-sev-" + f.severity, "data-finding": f.id, text: text.slice(f.start, f.end) }));
        pos = f.end;
      });
      nodes.push(text.slice(pos));
    } else {
      nodes.push(text);
    }
    nodes.push("\n"); // a trailing newline in the textarea still takes a line
    m.layer.replaceChildren.apply(m.layer, nodes.map(function (n) { return typeof n === "string" ? document.createTextNode(n) : n; }));
    this._placeMirror();
  };

  Coach.prototype._highlight = function (id, on) {
    if (!this.mirror) { return; }
    var marks = this.mirror.layer.querySelectorAll("mark");
    for (var i = 0; i < marks.length; i++) {
      if (marks[i].getAttribute("data-finding") === id) { marks[i].classList.toggle("rc-active", on); }
    }
  };

  window.ReplyCoach = {
    create: function (options) { return new Coach(options); },
    applyEdits: applyEdits,
    firstSlot: firstSlot,
    htmlToText: htmlToText,
    inUnits: inUnits,
    DEBOUNCE_MS: DEBOUNCE_MS
  };
})();
