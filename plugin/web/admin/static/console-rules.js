/* Reply Coach console: the Rules tab (browse, search, switch, edit, add, retire, try live). */
(function () {
  "use strict";

  var rc = window.replyCoachConsole;
  var el = rc.el;
  var UI_KEYS = ["enabled", "enabled_from", "from"];
  // Garden's neutral tag for the account, blue for a scope's own values.
  var LISTS = ["phrases", "patterns", "replacement"];
  var editing = null; // {rule, isNew}
  var tryTimer = null;

  function plain(rule) {
    var out = {};
    Object.keys(rule).forEach(function (k) { if (UI_KEYS.indexOf(k) < 0) { out[k] = rule[k]; } });
    return out;
  }

  function asList(v) { return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]; }
  function lines(text) { return text.split("\n").map(function (s) { return s.trim(); }).filter(Boolean); }

  function haystack(rule) {
    return [rule.id, rule.category, rule.kind, rule.move || "", rule.message || "", rule.why || "",
      asList(rule.phrases).join(" "), asList(rule.patterns).join(" ")].join(" ").toLowerCase();
  }

  function visible(rule) {
    var q = document.getElementById("rcc-search").value.trim().toLowerCase();
    var f = document.getElementById("rcc-filter").value;
    if (q && haystack(rule).indexOf(q) < 0) { return false; }
    var retired = rule.status === "retired";
    if (f === "active") { return rule.enabled && !retired; }
    if (f === "off") { return !rule.enabled && !retired; }
    if (f === "retired") { return retired; }
    if (f === "scope") {
      return rule.enabled_from === rc.scope || Object.keys(rule.from).some(function (k) { return rule.from[k] === rc.scope; });
    }
    return true;
  }

  function fromOf(rule) {
    var scopes = Object.keys(rule.from).map(function (k) { return rule.from[k]; });
    if (rule.enabled_from !== "account") { scopes.push(rule.enabled_from); }
    var own = scopes.filter(function (s) { return s !== "account"; });
    return own.length ? own[own.length - 1] : "account";
  }

  function toggle(rule) {
    var input = el("input", {
      "class": "rcc-switch", type: "checkbox", "aria-label": "Enabled: " + rule.id,
      "data-rule-switch": rule.id, disabled: !rc.canWrite() || rule.status === "retired"
    });
    input.checked = rule.enabled && rule.status !== "retired";
    input.addEventListener("click", function (e) { e.stopPropagation(); });
    input.addEventListener("change", function () {
      rc.write("/rules/" + encodeURIComponent(rule.id) + "/enabled", { enabled: input.checked })
        .catch(function () { input.checked = !input.checked; });
    });
    return input;
  }

  rc.renderRules = function () {
    document.getElementById("rcc-add-rule").disabled = !rc.canWrite();
    var body = rc.clear(document.querySelector("#rcc-rules tbody"));
    var rules = rc.state.effective.rules;
    var shown = 0;
    rules.forEach(function (rule) {
      if (!visible(rule)) { return; }
      shown += 1;
      var sev = rule.kind === "move" ? "move" : (rule.severity || "warning");
      var row = el("tr", {
        "class": "c-table__row rcc-row" + (editing && editing.rule.id === rule.id ? " is-selected" : "") +
          (rule.status === "retired" ? " rcc-row--retired" : ""),
        "data-rule": rule.id, tabindex: "0",
        onclick: function () { rc.openRule(rule, false); },
        onkeydown: function (e) { if (e.key === "Enter") { rc.openRule(rule, false); } }
      }, [
        el("td", { "class": "c-table__row__cell" }, [
          el("div", { "class": "rcc-row__id", text: rule.id }),
          el("div", { "class": "rcc-row__msg", text: rule.message || "" })
        ]),
        el("td", { "class": "c-table__row__cell rcc-col-wide", text: rule.category }),
        el("td", { "class": "c-table__row__cell rcc-col-wide", text: rule.kind + (rule.move ? " · " + rule.move : "") }),
        el("td", { "class": "c-table__row__cell" }, [el("span", { "class": "rcc-sev rcc-sev--" + sev, text: rule.status === "retired" ? "retired" : sev })]),
        el("td", { "class": "c-table__row__cell" }, [rc.scopeTag(fromOf(rule))]),
        el("td", { "class": "c-table__row__cell" }, [toggle(rule)])
      ]);
      body.appendChild(row);
    });
    document.getElementById("rcc-count").textContent = shown + " of " + rules.length + " rules in " + rc.scope;
    if (editing && !editing.isNew) {
      var fresh = rules.filter(function (r) { return r.id === editing.rule.id; })[0];
      if (fresh) { rc.openRule(fresh, false, true); }
    }
  };

  function field(label, name, input, from, hint) {
    return el("div", { "class": "c-field rcc-field" }, [
      el("label", { "class": "c-field__label", "for": "rcc-f-" + name }, [label, from ? " " : "", from ? rc.scopeTag(from) : null]),
      hint ? el("p", { "class": "c-field__hint", text: hint }) : null,
      input
    ]);
  }

  function input(name, value, attrs) {
    return el("input", Object.assign({ "class": "c-field__input", id: "rcc-f-" + name, "data-field": "rule." + name, value: value || "" }, attrs || {}));
  }

  function area(name, value, rows) {
    var t = el("textarea", { "class": "c-field__input c-field__input--area", id: "rcc-f-" + name, "data-field": "rule." + name, rows: String(rows || 3) });
    t.value = value || "";
    return t;
  }

  function select(name, value, options, blank) {
    var s = el("select", { "class": "c-field__input c-field__input--select", id: "rcc-f-" + name, "data-field": "rule." + name },
      (blank ? [el("option", { value: "", text: "—" })] : []).concat(options.map(function (o) { return el("option", { value: o, text: o }); })));
    s.value = value || "";
    return s;
  }

  /* The rule as the form says: the original's other keys kept, the form's fields replaced. */
  rc.formRule = function () {
    var base = plain(editing.rule);
    var v = function (n) { return document.getElementById("rcc-f-" + n).value.trim(); };
    var rule = Object.assign({}, base, {
      id: v("id"), category: v("category"), kind: v("kind"), severity: v("severity"),
      message: v("message"), why: v("why")
    });
    rule.move = v("move") || null;
    LISTS.forEach(function (n) {
      var got = lines(document.getElementById("rcc-f-" + n).value);
      rule[n] = got.length === 1 && typeof base[n] === "string" ? got[0] : got;
    });
    var bad = lines(document.getElementById("rcc-f-bad").value);
    var good = lines(document.getElementById("rcc-f-good").value);
    if (bad.length || good.length) {
      rule.examples = {};
      if (bad.length) { rule.examples.bad = bad; }
      if (good.length) { rule.examples.good = good; }
    } else { delete rule.examples; }
    Object.keys(rule).forEach(function (k) {
      var x = rule[k];
      if (x === null || x === "" || (Array.isArray(x) && !x.length)) { delete rule[k]; }
    });
    return rule;
  };

  rc.openRule = function (rule, isNew, keepSample) {
    var box = document.getElementById("rcc-editor");
    var sample = keepSample && document.getElementById("rcc-sample") ? document.getElementById("rcc-sample").value : "";
    editing = { rule: rule, isNew: isNew };
    var c = rc.state.choices;
    var from = rule.from || {};
    var ro = !rc.canWrite();
    rc.clear(box).hidden = false;
    box.appendChild(el("div", { "class": "rcc-editor__head" }, [
      el("h2", { text: isNew ? "New rule" : rule.id }),
      el("button", { "class": "c-btn c-btn--sm c-btn--basic", type: "button", text: "Close", onclick: function () { box.hidden = true; editing = null; rc.renderRules(); } })
    ]));
    if (!isNew && rc.scope !== "account") {
      box.appendChild(el("p", { "class": "c-field__hint", text: "Changes here apply to " + rc.scope + " only; fields tagged account are inherited." }));
    }
    var form = el("form", { "class": "rcc-form", id: "rcc-rule-form", novalidate: true });
    form.appendChild(el("div", { "class": "rcc-grid" }, [
      field("Id", "id", input("id", rule.id, { readonly: !isNew, pattern: "[a-z0-9][a-z0-9-]*" }), null, isNew ? "Lowercase letters, digits and dashes; never reused once retired." : null),
      field("Category", "category", select("category", rule.category, c.categories), from.category),
      field("Kind", "kind", select("kind", rule.kind, c.kinds), from.kind),
      field("Move", "move", select("move", rule.move, c.moves, true), from.move),
      field("Severity", "severity", select("severity", rule.severity || "warning", c.severities), from.severity)
    ]));
    form.appendChild(field("Phrases (one per line)", "phrases", area("phrases", asList(rule.phrases).join("\n"), 4), from.phrases));
    form.appendChild(field("Patterns (regular expressions, one per line)", "patterns", area("patterns", asList(rule.patterns).join("\n"), 2), from.patterns));
    form.appendChild(field("Message", "message", input("message", rule.message), from.message));
    form.appendChild(field("Why", "why", area("why", rule.why, 2), from.why));
    form.appendChild(field("Replacement (one alternative per line)", "replacement", area("replacement", asList(rule.replacement).join("\n"), 2), from.replacement));
    var ex = rule.examples || {};
    form.appendChild(el("div", { "class": "rcc-grid rcc-grid--2" }, [
      field("Examples it should flag", "bad", area("bad", asList(ex.bad).join("\n"), 3), from.examples),
      field("Examples it should pass", "good", area("good", asList(ex.good).join("\n"), 3), from.examples)
    ]));
    var actions = el("div", { "class": "rcc-actions" }, [
      el("button", { "class": "c-btn c-btn--primary", type: "submit", id: "rcc-save-rule", disabled: ro, text: isNew ? "Add rule" : "Save" }),
      !isNew && rule.status !== "retired" && rc.scope === "account" ? el("button", {
        "class": "c-btn c-btn--danger c-btn--basic", type: "button", id: "rcc-retire", disabled: ro, text: "Retire",
        onclick: function () {
          if (window.confirm("Retire " + rule.id + "? Its id is never used again.")) {
            rc.write("/rules/" + encodeURIComponent(rule.id) + "/retire", {}).catch(function () {});
          }
        }
      }) : null
    ]);
    form.appendChild(actions);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var body = { rule: rc.formRule(), "new": isNew };
      var label = rc.scopeLabel();
      if (label) { body.scope_label = label; }
      rc.write("/rules", body).then(function () {
        if (isNew) { editing = null; box.hidden = true; rc.renderRules(); }
      }).catch(function () {});
    });
    form.addEventListener("input", scheduleTry);
    box.appendChild(form);
    box.appendChild(el("h3", { "class": "rcc-subhead", text: "Try it (unsaved)" }));
    var sampleBox = area("sample", sample, 3);
    sampleBox.id = "rcc-sample";
    sampleBox.removeAttribute("data-field");
    sampleBox.setAttribute("placeholder", "Paste a sample reply: what this rule finds is highlighted as you edit.");
    sampleBox.setAttribute("aria-label", "Sample text");
    sampleBox.addEventListener("input", scheduleTry);
    box.appendChild(sampleBox);
    box.appendChild(el("div", { "class": "rcc-preview", id: "rcc-rule-preview", "aria-live": "polite" }));
    if (sample) { scheduleTry(); }
    rc.renderRulesSelection();
  };

  rc.renderRulesSelection = function () {
    document.querySelectorAll("#rcc-rules tr.rcc-row").forEach(function (row) {
      row.classList.toggle("is-selected", !!editing && row.getAttribute("data-rule") === editing.rule.id);
    });
  };

  function scheduleTry() {
    clearTimeout(tryTimer);
    tryTimer = setTimeout(runTry, 250);
  }

  function runTry() {
    var text = document.getElementById("rcc-sample");
    var out = document.getElementById("rcc-rule-preview");
    if (!text || !out || !text.value.trim()) { if (out) { rc.clear(out); } return; }
    var rule = rc.formRule();
    rc.post("/try", { scope: rc.scope, text: text.value, rule: rule }).then(function (res) {
      rc.renderPreview(out, text.value, res, rule.id);
    }, function (err) {
      rc.clear(out).appendChild(el("p", { "class": "rcc-preview__error", text: err.message }));
      out.setAttribute("data-state", "error");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.getElementById("rcc-search").addEventListener("input", rc.renderRules);
    document.getElementById("rcc-filter").addEventListener("change", rc.renderRules);
    document.getElementById("rcc-add-rule").addEventListener("click", function () {
      rc.openRule({ id: "", category: "tone", kind: "avoid", severity: "warning", from: {} }, true);
    });
  });
})();
