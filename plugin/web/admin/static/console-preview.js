/* Reply Coach console: a ticket's combined scope (brand + group + channel), as a check resolves it. */
(function () {
  "use strict";

  var rc = window.replyCoachConsole;
  var el = rc.el;
  var KINDS = ["brand", "group", "channel"];
  var picked = { brand: "", group: "", channel: "" }; // kept across renders

  function known(kind) {
    return rc.state.scopes.filter(function (s) { return s.key.indexOf(kind + ":") === 0; }).map(function (s) {
      return { ref: s.key.slice(kind.length + 1), label: s.label };
    });
  }

  function cell(c) { return el("td", { "class": "c-table__row__cell" }, [c]); }

  function table(id, head, rows, empty) {
    if (!rows.length && empty) { return el("p", { "class": "c-field__hint rcc-empty", id: id, text: empty }); }
    return el("table", { "class": "c-table rcc-table", id: id }, [
      el("thead", {}, [el("tr", { "class": "c-table__row c-table__row--header" }, head.map(function (h) {
        return el("th", { "class": "c-table__row__cell", text: h });
      }))]),
      el("tbody", {}, rows.map(function (r) { return el("tr", { "class": "c-table__row" }, r.map(cell)); }))
    ]);
  }

  rc.renderPreviewTab = function () {
    var box = rc.clear(document.getElementById("tab-preview"));
    box.appendChild(el("p", { "class": "c-field__hint", text: "A check combines the account default with the ticket's brand, group and channel " +
      "(channel beats group beats brand). Pick them together to see what such a ticket gets, and where each value comes from." }));
    var inputs = {};
    var fields = KINDS.map(function (kind) {
      var list = el("datalist", { id: "rcc-pv-" + kind + "-list" }, known(kind).map(function (k) {
        return el("option", { value: k.ref, text: k.label || k.ref });
      }));
      inputs[kind] = el("input", { "class": "c-field__input", id: "rcc-pv-" + kind, list: "rcc-pv-" + kind + "-list",
        value: picked[kind], placeholder: kind === "channel" ? "email, chat, web…" : "Zendesk id", "data-field": kind });
      return el("div", { "class": "c-field rcc-field" }, [
        el("label", { "class": "c-field__label", "for": "rcc-pv-" + kind, text: kind.charAt(0).toUpperCase() + kind.slice(1) }), inputs[kind], list
      ]);
    });
    var out = el("div", { id: "rcc-pv-out", "aria-live": "polite" });
    var form = el("form", { "class": "rcc-pv-form", id: "rcc-pv-form" }, fields.concat([
      el("div", { "class": "rcc-actions" }, [el("button", { "class": "c-btn c-btn--primary", type: "submit", id: "rcc-pv-run", text: "Preview" })])
    ]));
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var q = [];
      KINDS.forEach(function (k) {
        picked[k] = inputs[k].value.trim();
        if (picked[k]) { q.push(k + "=" + encodeURIComponent(picked[k])); }
      });
      rc.get("/preview?" + q.join("&")).then(function (res) { show(out, res); }, rc.showError);
    });
    box.appendChild(form);
    box.appendChild(out);
    if (picked.brand || picked.group || picked.channel) { form.requestSubmit(); }
  };

  function show(out, res) {
    rc.clear(out);
    var eff = res.effective;
    out.appendChild(el("p", { "class": "rcc-pv-chain", id: "rcc-pv-applied" }, ["Layers applied, least specific first: "].concat(
      res.applied.map(function (k, i) { return el("span", {}, [i ? " → " : "", rc.scopeTag(k)]); }))));
    if (res.note) {
      out.appendChild(el("div", { "class": "c-callout c-callout--warning rcc-pv-note", id: "rcc-pv-note" }, [
        el("p", { "class": "c-callout__paragraph", text: res.note + "." })]));
    }
    var ignored = KINDS.filter(function (k) { return res.where[k] && res.applied.indexOf(k + ":" + res.where[k]) < 0; });
    if (ignored.length) {
      out.appendChild(el("p", { "class": "c-field__hint", id: "rcc-pv-ignored", text: ignored.map(function (k) { return k + ":" + res.where[k]; }).join(", ") +
        (ignored.length > 1 ? " have no overrides" : " has no overrides") + ": what the other layers say applies." }));
    }
    out.appendChild(el("h2", { "class": "rcc-subhead", text: "Thresholds" }));
    out.appendChild(table("rcc-pv-thresholds", ["Setting", "Value", "From"], Object.keys(eff.settings).map(function (n) {
      var s = eff.settings[n];
      return [s.label, String(s.value), rc.scopeTag(s.from)];
    })));
    out.appendChild(el("h2", { "class": "rcc-subhead", text: "Moves each customer mood needs" }));
    out.appendChild(el("div", { "class": "rcc-scroll" }, [rc.moodGrid(eff, "marks", "rcc-pv-mm-")]));
    out.appendChild(el("h2", { "class": "rcc-subhead", text: "Severity per category" }));
    out.appendChild(table("rcc-pv-severities", ["Category", "Severity", "From"], Object.keys(eff.category_severity).map(function (c) {
      var s = eff.category_severity[c];
      return [s.label, el("span", { "class": "rcc-sev rcc-sev--" + s.value, "data-category": c, text: rc.severityLabel(s.value) }), rc.scopeTag(s.from)];
    })));
    var changed = eff.rules.filter(function (r) {
      return r.enabled_from !== "account" || Object.keys(r.from).some(function (f) { return r.from[f] !== "account"; });
    });
    out.appendChild(el("h2", { "class": "rcc-subhead", text: "Rules changed for this ticket (" + changed.length + " of " + eff.rules.length + ")" }));
    out.appendChild(table("rcc-pv-rules", ["Rule", "Severity", "On", "Changed fields"], changed.map(function (r) {
      var fields = Object.keys(r.from).filter(function (f) { return r.from[f] !== "account"; }).map(function (f) {
        return el("span", { "class": "rcc-pv-field" }, [f + " ", rc.scopeTag(r.from[f])]);
      });
      if (r.enabled_from !== "account") { fields.push(el("span", { "class": "rcc-pv-field" }, ["on/off ", rc.scopeTag(r.enabled_from)])); }
      return [el("code", { text: r.id }), el("span", { "class": "rcc-sev rcc-sev--" + (r.severity || "move"), text: r.severity || "move" }),
        r.enabled ? "yes" : "off", el("span", {}, fields)];
    }), "Every rule is as the account has it."));
    var own = eff.glossary.filter(function (g) { return g.from !== "account"; });
    out.appendChild(el("h2", { "class": "rcc-subhead", text: "Glossary (" + eff.glossary.length + " terms; " + own.length + " from the ticket's scopes)" }));
    out.appendChild(table("rcc-pv-glossary", ["Term", "Plain alternative", "From"], own.map(function (g) {
      return [g.term, g.plain, rc.scopeTag(g.from)];
    }), "The account's glossary, unchanged."));
    out.appendChild(tryUnder(res.where));
  }

  function tryUnder(where) {
    var customer = el("textarea", { "class": "c-field__input c-field__input--area", id: "rcc-pv-customer", rows: "3", placeholder: "The customer's message (optional)" });
    var reply = el("textarea", { "class": "c-field__input c-field__input--area", id: "rcc-pv-text", rows: "3", placeholder: "A sample reply" });
    var result = el("div", { "class": "rcc-preview", id: "rcc-pv-preview", "aria-live": "polite" });
    function run() {
      if (!reply.value.trim()) { reply.focus(); return; }
      rc.post("/try", { where: where, text: reply.value, customer_message: customer.value })
        .then(function (res) { rc.renderPreview(result, reply.value, res, null); }, rc.showError);
    }
    return el("div", { "class": "rcc-pv-try" }, [
      el("h2", { "class": "rcc-subhead", text: "Try it as this ticket" }),
      el("div", { "class": "rcc-grid rcc-grid--2" }, [
        el("div", { "class": "c-field rcc-field" }, [el("label", { "class": "c-field__label", "for": "rcc-pv-customer", text: "Customer's message" }), customer]),
        el("div", { "class": "c-field rcc-field" }, [el("label", { "class": "c-field__label", "for": "rcc-pv-text", text: "Sample reply" }), reply])
      ]),
      el("div", { "class": "rcc-actions" }, [el("button", { "class": "c-btn c-btn--sm", type: "button", id: "rcc-pv-try", text: "Try it", onclick: run })]),
      result
    ]);
  }
})();
