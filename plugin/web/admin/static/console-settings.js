/* Reply Coach console: which moves each customer mood needs, and a severity per category. */
(function () {
  "use strict";

  var rc = window.replyCoachConsole;
  var el = rc.el;

  var MOVE_LABELS = {
    greeting: "Greeting", thanks: "Thanks", acknowledge: "Restate", validate: "Validate",
    apologize: "Apologize", ownership: "Ownership", next_steps: "Next step", reassure: "Reassure",
    closing: "Closing", personalization: "Name"
  };
  var SEVERITY_LABELS = {
    "default": "As each rule says", off: "Off (not coached)", info: "Idea (info)",
    warning: "Warning", error: "Error"
  };

  function cap(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
  rc.moveLabel = function (m) { return MOVE_LABELS[m] || m; };
  rc.severityLabel = function (s) { return SEVERITY_LABELS[s] || s; };

  /* The mood x move grid: checkboxes, or in a preview (``ro`` === "marks") ticks as text. */
  rc.moodGrid = function (eff, ro, idPrefix) {
    var head = el("tr", { "class": "c-table__row c-table__row--header" }, [
      el("th", { "class": "c-table__row__cell", scope: "col", text: "Customer mood" })
    ].concat(eff.moves.map(function (m) {
      return el("th", { "class": "c-table__row__cell rcc-grid-move", scope: "col", text: rc.moveLabel(m), title: m });
    })).concat([el("th", { "class": "c-table__row__cell", scope: "col", text: "From" })]));
    var rows = eff.moods.map(function (mood) {
      var row = eff.mood_moves[mood];
      var cells = [el("th", { "class": "c-table__row__cell rcc-grid-mood", scope: "row", text: cap(mood) })];
      eff.moves.forEach(function (m) {
        var on = row.moves.indexOf(m) >= 0;
        var label = cap(mood) + " customer: " + rc.moveLabel(m) + (on ? " needed" : " not needed");
        if (ro === "marks") {
          cells.push(el("td", { "class": "c-table__row__cell rcc-grid-cell" }, [el("span", {
            "class": on ? "rcc-tick rcc-tick--on" : "rcc-tick", "data-mood": mood, "data-move": m, "data-on": on ? "1" : "0",
            "aria-label": label, title: label, text: on ? "✓" : "·" })]));
          return;
        }
        var box = el("input", { type: "checkbox", "class": "rcc-switch", id: idPrefix + mood + "-" + m,
          "data-mood": mood, "data-move": m, checked: on, disabled: ro,
          "aria-label": cap(mood) + " customer: " + rc.moveLabel(m) + " needed" });
        cells.push(el("td", { "class": "c-table__row__cell rcc-grid-cell" }, [box]));
      });
      cells.push(el("td", { "class": "c-table__row__cell rcc-grid-from" }, [rc.scopeTag(row.from), resetMood(mood, row, ro, idPrefix)]));
      return el("tr", { "class": "c-table__row", "data-mood": mood }, cells);
    });
    return el("table", { "class": "c-table rcc-table rcc-moodgrid", id: idPrefix + "grid" },
      [el("thead", {}, [head]), el("tbody", {}, rows)]);
  };

  /* Set here: a link that puts back what the scope inherits (saved with the form). */
  function resetMood(mood, row, ro, idPrefix) {
    var inherited = rc.state.inherited;
    if (ro || !inherited || row.from !== rc.scope) { return null; }
    return el("button", { "class": "c-btn c-btn--sm c-btn--basic rcc-reset", type: "button", "data-reset-mood": mood,
      title: "Tick what " + mood + " customers get without this scope's change", text: "Reset",
      onclick: function () {
        var want = inherited.mood_moves[mood].moves;
        document.querySelectorAll('input[id^="' + idPrefix + mood + '-"]').forEach(function (b) {
          b.checked = want.indexOf(b.getAttribute("data-move")) >= 0;
        });
      } });
  }

  function resetSeverity(c, s, ro, select) {
    var inherited = rc.state.inherited;
    if (ro || !inherited || s.from !== rc.scope) { return null; }
    var back = inherited.category_severity[c];
    return el("button", { "class": "c-btn c-btn--sm c-btn--basic rcc-reset", type: "button", "data-reset-category": c,
      title: "Back to " + rc.severityLabel(back.value) + " (" + (back.from === "default" ? "built-in" : back.from) + ")", text: "Reset",
      onclick: function () { select.value = back.value; } });
  }

  /* One select per category (or, read-only, the value as text). */
  rc.severityFields = function (eff, ro, idPrefix) {
    return el("div", { "class": "rcc-grid rcc-severities", id: idPrefix + "severities" }, Object.keys(eff.category_severity).map(function (c) {
      var s = eff.category_severity[c];
      var id = idPrefix + "sev-" + c;
      var control = ro ? el("p", { "class": "rcc-sev rcc-sev--" + s.value, id: id, text: rc.severityLabel(s.value) }) :
        el("select", { "class": "c-field__input c-field__input--select", id: id, "data-field": "settings.category_severity." + c,
          "data-category": c }, eff.severity_choices.map(function (v) {
          return el("option", { value: v, text: rc.severityLabel(v), selected: v === s.value });
        }));
      return el("div", { "class": "c-field rcc-field" }, [
        el("label", { "class": "c-field__label", "for": id }, [s.label, " ", rc.scopeTag(s.from), resetSeverity(c, s, ro, control)]), control
      ]);
    }));
  };

  /* What the grid and the selects say now (saved or not). */
  rc.collectSettings = function (box) {
    var moods = {};
    rc.state.effective.moods.forEach(function (mood) { moods[mood] = []; });
    box.querySelectorAll("input[data-mood]").forEach(function (b) {
      if (b.checked) { moods[b.getAttribute("data-mood")].push(b.getAttribute("data-move")); }
    });
    var severities = {};
    box.querySelectorAll("select[data-category]").forEach(function (s) { severities[s.getAttribute("data-category")] = s.value; });
    return { mood_moves: moods, category_severity: severities };
  };

  /* The settings part of the Glossary & thresholds form, with a Try it on the unsaved values. */
  rc.renderMoodSettings = function (eff, ro, thresholds) {
    var wrap = el("div", { "class": "rcc-settings", id: "rcc-settings" });
    wrap.appendChild(el("h2", { "class": "rcc-subhead", text: "Moves each customer mood needs" }));
    wrap.appendChild(el("p", { "class": "c-field__hint", text: "Ticked: a reply that lacks the move gets a warning for a customer in that mood. " +
      "Unticked: at most an idea. A restatement is asked only by email and when the customer names a problem; " +
      "a next step only when the reply offers no other way forward (and, from a calm or neutral customer, only for a reported problem); " +
      "greeting, closing and name only by email. At most three missing moves are warnings per reply, the most needed first." }));
    wrap.appendChild(el("div", { "class": "rcc-scroll" }, [rc.moodGrid(eff, ro, "rcc-mm-")]));
    wrap.appendChild(el("h2", { "class": "rcc-subhead", text: "Severity per category" }));
    wrap.appendChild(el("p", { "class": "c-field__hint", text: "Every finding in the category gets this severity, and the score follows " +
      "(an idea costs nothing, a warning part of the category's points, an error all of them). Off: the category is not coached." }));
    wrap.appendChild(rc.severityFields(eff, ro, "rcc-"));
    wrap.appendChild(trySettings(wrap, thresholds));
    return wrap;
  };

  function trySettings(wrap, thresholds) {
    var customer = el("textarea", { "class": "c-field__input c-field__input--area", id: "rcc-ts-customer", rows: "3",
      placeholder: "The customer's message (its mood decides which moves are needed)" });
    var reply = el("textarea", { "class": "c-field__input c-field__input--area", id: "rcc-ts-text", rows: "3", placeholder: "A sample reply" });
    var out = el("div", { "class": "rcc-preview", id: "rcc-ts-preview", "aria-live": "polite" });
    function run() {
      if (!reply.value.trim()) { reply.focus(); return; }
      var settings = Object.assign(thresholds(), rc.collectSettings(wrap));
      rc.post("/try", { scope: rc.scope, text: reply.value, customer_message: customer.value, settings: settings })
        .then(function (res) {
          rc.lastTry = res; // what the unsaved settings found (tests read it too)
          rc.renderPreview(out, reply.value, res, null);
          var mood = res.mood ? "Customer mood: " + res.mood + ". " : "";
          out.insertBefore(el("p", { "class": "c-field__hint", id: "rcc-ts-mood", text: mood + "With the settings above, not saved yet." }), out.firstChild);
        }, rc.showError);
    }
    return el("details", { "class": "rcc-try-settings", open: true }, [
      el("summary", { "class": "rcc-subhead", text: "Try these settings before saving" }),
      el("div", { "class": "rcc-grid rcc-grid--2" }, [
        el("div", { "class": "c-field rcc-field" }, [el("label", { "class": "c-field__label", "for": "rcc-ts-customer", text: "Customer's message" }), customer]),
        el("div", { "class": "c-field rcc-field" }, [el("label", { "class": "c-field__label", "for": "rcc-ts-text", text: "Sample reply" }), reply])
      ]),
      el("div", { "class": "rcc-actions" }, [el("button", { "class": "c-btn c-btn--sm", type: "button", id: "rcc-ts-run", text: "Try it", onclick: run })]),
      out
    ]);
  }
})();
