/* Reply Coach console: Glossary & thresholds, Try it, Import / export, Versions & audit. */
(function () {
  "use strict";

  var rc = window.replyCoachConsole;
  var el = rc.el;

  /* Sample text with the spans highlighted; the edited rule's own hits stand out. */
  rc.renderPreview = function (out, text, res, focus) {
    rc.clear(out);
    out.setAttribute("data-state", "ready");
    var spans = res.spans.filter(function (s) { return s.end > s.start; });
    var para = el("p", { "class": "rcc-preview__text" });
    var at = 0;
    var chars = Array.from(text); // offsets are code points
    spans.forEach(function (s) {
      if (s.start < at) { return; } // nested spans: the outer one is shown
      para.appendChild(document.createTextNode(chars.slice(at, s.start).join("")));
      para.appendChild(el("mark", {
        "class": "rcc-mark rcc-mark--" + s.severity + (focus && s.rule_id === focus ? " rcc-mark--focus" : ""),
        title: s.rule_id + ": " + s.message, "data-rule": s.rule_id, text: chars.slice(s.start, s.end).join("")
      }));
      at = s.end;
    });
    para.appendChild(document.createTextNode(chars.slice(at).join("")));
    out.appendChild(para);
    var hits = focus ? res.focus_hits.length : spans.length;
    out.appendChild(el("p", { "class": "c-field__hint rcc-preview__sum", "data-hits": String(hits),
      text: focus ? (hits ? focus + " finds " + hits + " span(s) here." : focus + " finds nothing here.") :
        spans.length + " span(s) found; score " + res.score + "." }));
    out.appendChild(el("ul", { "class": "rcc-preview__list" }, res.findings.slice(0, 12).map(function (f) {
      return el("li", {}, [el("code", { text: f.rule_id }), " ", f.message]);
    })));
  };

  function row(cells, attrs) {
    return el("tr", Object.assign({ "class": "c-table__row" }, attrs || {}), cells.map(function (c) {
      return el("td", { "class": "c-table__row__cell" }, [c]);
    }));
  }

  function table(head, rows, id) {
    return el("table", { "class": "c-table rcc-table", id: id }, [
      el("thead", {}, [el("tr", { "class": "c-table__row c-table__row--header" }, head.map(function (h) {
        return el("th", { "class": "c-table__row__cell", text: h });
      }))]),
      el("tbody", {}, rows)
    ]);
  }

  rc.renderVocabulary = function () {
    var box = rc.clear(document.getElementById("tab-vocabulary"));
    var eff = rc.state.effective;
    var own = rc.state.own;
    var ro = !rc.canWrite();
    box.appendChild(el("p", { "class": "c-field__hint", text: rc.scope === "account" ?
      "The account's glossary, product names, thresholds and coaching settings: every scope inherits them." :
      "What " + rc.scope + " adds or changes over the account; the effective set is listed below." }));
    var settings = el("div", { "class": "rcc-grid" }, Object.keys(eff.settings).map(function (name) {
      var s = eff.settings[name];
      var ownValue = (own.settings || {})[name];
      return el("div", { "class": "c-field rcc-field" }, [
        el("label", { "class": "c-field__label", "for": "rcc-s-" + name }, [s.label, " ", rc.scopeTag(s.from)]),
        el("p", { "class": "c-field__hint", text: "From " + s.min + " to " + s.max + "; effective " + s.value + ". Empty inherits." }),
        el("input", { "class": "c-field__input", id: "rcc-s-" + name, "data-field": "settings." + name, type: "number",
          step: s.integer ? "1" : "0.1", min: String(s.min), max: String(s.max), value: ownValue === undefined ? "" : String(ownValue) })
      ]);
    }));
    var gloss = el("textarea", { "class": "c-field__input c-field__input--area", id: "rcc-glossary", "data-field": "glossary", rows: "8" });
    gloss.value = (own.glossary || []).map(function (e) { return e.term + " = " + e.plain; }).join("\n");
    var allow = el("textarea", { "class": "c-field__input c-field__input--area", id: "rcc-allowlist", "data-field": "allowlist", rows: "8" });
    allow.value = (own.allowlist || []).join("\n");
    function thresholds() {
      var values = {};
      Object.keys(eff.settings).forEach(function (n) {
        var raw = document.getElementById("rcc-s-" + n).value.trim();
        values[n] = raw === "" ? null : Number(raw);
      });
      return values;
    }
    var moods = rc.renderMoodSettings(eff, ro, thresholds);
    var form = el("form", { "class": "rcc-form", id: "rcc-vocab-form" }, [
      el("h2", { "class": "rcc-subhead", text: "Thresholds" }), settings, moods,
      el("div", { "class": "rcc-grid rcc-grid--2" }, [
        el("div", { "class": "c-field rcc-field" }, [el("label", { "class": "c-field__label", "for": "rcc-glossary", text: "Glossary: term = plain alternative (one per line)" }), gloss]),
        el("div", { "class": "c-field rcc-field" }, [el("label", { "class": "c-field__label", "for": "rcc-allowlist", text: "Allowlist: product names never flagged (one per line)" }), allow])
      ]),
      el("div", { "class": "rcc-actions" }, [el("button", { "class": "c-btn c-btn--primary", type: "submit", id: "rcc-save-vocab", disabled: ro, text: "Save" })])
    ]);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var values = Object.assign(thresholds(), rc.collectSettings(moods));
      var glossary = gloss.value.split("\n").filter(function (l) { return l.trim(); }).map(function (l) {
        var i = l.indexOf("=");
        return i < 0 ? { term: l.trim(), plain: "" } : { term: l.slice(0, i).trim(), plain: l.slice(i + 1).trim() };
      });
      var allowlist = allow.value.split("\n").map(function (w) { return w.trim(); }).filter(Boolean);
      var body = { settings: values, glossary: glossary, allowlist: allowlist };
      var label = rc.scopeLabel();
      if (label) { body.scope_label = label; }
      rc.write("/vocabulary", body).catch(function () {});
    });
    box.appendChild(form);
    box.appendChild(el("h2", { "class": "rcc-subhead", text: "Effective glossary in " + rc.scope + " (" + eff.glossary.length + ")" }));
    box.appendChild(table(["Term", "Plain alternative", "From"], eff.glossary.map(function (g) {
      return row([g.term, g.plain, rc.scopeTag(g.from)]);
    }), "rcc-eff-glossary"));
  };

  rc.renderTry = function () {
    var box = rc.clear(document.getElementById("tab-try"));
    box.appendChild(el("p", { "class": "c-field__hint", text: "Paste a reply: the pack of " + rc.scope +
      " (as saved, or the YAML below if you paste a candidate pack) coaches it, exactly as a check would." }));
    var text = el("textarea", { "class": "c-field__input c-field__input--area", id: "rcc-try-text", rows: "6", "aria-label": "Sample reply" });
    var customer = el("textarea", { "class": "c-field__input c-field__input--area", id: "rcc-try-customer", rows: "3", "aria-label": "Customer's message (optional)", placeholder: "Optional: the customer's message (its mood decides which moves are needed)" });
    var yaml = el("textarea", { "class": "c-field__input c-field__input--area rcc-code", id: "rcc-try-yaml", rows: "6", "aria-label": "Candidate pack YAML (optional)", placeholder: "Optional: a whole candidate pack in YAML (unsaved)" });
    var out = el("div", { "class": "rcc-preview", id: "rcc-try-preview", "aria-live": "polite" });
    var timer = null;
    function go() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (!text.value.trim()) { rc.clear(out); return; }
        var body = { scope: rc.scope, text: text.value, customer_message: customer.value };
        if (yaml.value.trim()) { body.pack_yaml = yaml.value; }
        rc.post("/try", body).then(function (res) { rc.renderPreview(out, text.value, res, null); },
          function (err) { rc.showError(err); });
      }, 250);
    }
    text.addEventListener("input", go);
    customer.addEventListener("input", go);
    yaml.addEventListener("input", go);
    box.appendChild(el("div", { "class": "rcc-grid rcc-grid--2" }, [
      el("div", { "class": "c-field rcc-field" }, [el("label", { "class": "c-field__label", "for": "rcc-try-text", text: "Sample reply" }), text,
        el("label", { "class": "c-field__label rcc-label-gap", "for": "rcc-try-customer", text: "Customer's message" }), customer]),
      el("div", { "class": "c-field rcc-field" }, [el("label", { "class": "c-field__label", "for": "rcc-try-yaml", text: "Candidate pack (optional)" }), yaml])
    ]));
    box.appendChild(out);
  };

  rc.renderTransfer = function () {
    var box = rc.clear(document.getElementById("tab-transfer"));
    var v = rc.state.version;
    box.appendChild(el("h2", { "class": "rcc-subhead", text: "Export" }));
    box.appendChild(el("p", { "class": "c-field__hint", text: "The account pack of version " + v + " in the schema `coach check --rules` reads; importing it back gives the same pack." }));
    var pre = el("pre", { "class": "rcc-code rcc-yaml", id: "rcc-export" });
    box.appendChild(el("div", { "class": "rcc-actions" }, [
      el("button", { "class": "c-btn c-btn--sm", type: "button", id: "rcc-show-export", text: "Show YAML",
        onclick: function () { rc.get("/export").then(function (t) { pre.textContent = t; }); } }),
      el("button", { "class": "c-btn c-btn--sm c-btn--basic", type: "button", text: "Download",
        onclick: function () { rc.get("/export").then(function (t) { download(t, "reply-coach-v" + v + ".yaml"); }); } }),
      rc.scope !== "account" ? el("button", { "class": "c-btn c-btn--sm c-btn--basic", type: "button", id: "rcc-export-scope",
        text: "Download what " + rc.scope + " gets",
        onclick: function () {
          rc.get("/export?scope=" + encodeURIComponent(rc.scope)).then(function (t) {
            download(t, "reply-coach-v" + v + "-" + rc.scope.replace(":", "-") + ".yaml");
          });
        } }) : null
    ]));
    box.appendChild(pre);
    box.appendChild(el("h2", { "class": "rcc-subhead", text: "Import" }));
    box.appendChild(el("p", { "class": "c-field__hint", text: "Replaces the account pack. An invalid pack is refused whole, with every problem by rule, field and line." }));
    var file = el("input", { type: "file", accept: ".yaml,.yml,text/yaml", id: "rcc-import-file", "aria-label": "Pack file" });
    var text = el("textarea", { "class": "c-field__input c-field__input--area rcc-code", id: "rcc-import-text", "data-field": "yaml", rows: "10", "aria-label": "Pack YAML" });
    file.addEventListener("change", function () { if (file.files[0]) { file.files[0].text().then(function (t) { text.value = t; }); } });
    box.appendChild(el("div", { "class": "c-field rcc-field" }, [file, text]));
    box.appendChild(el("div", { "class": "rcc-actions" }, [
      el("button", { "class": "c-btn c-btn--primary", type: "button", id: "rcc-import", disabled: !rc.canWrite(), text: "Import as a new version",
        onclick: function () { rc.write("/import", { yaml: text.value }).catch(function () {}); } })
    ]));
  };

  function download(text, name) {
    var a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "application/yaml" })), download: name });
    document.body.appendChild(a); a.click(); a.remove();
  }

  rc.renderVersions = function () {
    var box = rc.clear(document.getElementById("tab-versions"));
    var view = el("div", { "class": "rcc-version-view", id: "rcc-version-view" });
    Promise.all([rc.get("/versions"), rc.get("/audit?limit=30")]).then(function (got) {
      box.appendChild(table(["Version", "When", "Who", "Action", "What changed", ""], got[0].versions.map(function (v) {
        var who = v.author.name + (v.author.id ? " (#" + v.author.id + ")" : "");
        var when = new Date(v.created_at).toLocaleString();
        var actions = el("span", { "class": "rcc-actions rcc-actions--inline" }, [
          el("button", { "class": "c-btn c-btn--sm c-btn--basic", type: "button", text: "View", onclick: function () { showVersion(view, v.number); } }),
          v.number !== rc.state.version ? el("button", { "class": "c-btn c-btn--sm", type: "button", "data-rollback": String(v.number),
            disabled: !rc.canWrite(), text: "Roll back to v" + v.number,
            onclick: function () { rc.write("/rollback", { to: v.number }).catch(function () {}); } }) : el("span", { "class": "c-tag c-tag--sm c-tag--green", text: "active" })
        ]);
        var what = v.action === "rollback" ? "Rollback to v" + v.restored_from + ": " + v.text : v.text;
        return row(["v" + v.number, when, who, v.action, what, actions], { "data-version": String(v.number) });
      }), "rcc-versions"));
      box.appendChild(view);
      box.appendChild(el("h2", { "class": "rcc-subhead", text: "Audit log" }));
      box.appendChild(table(["When", "Who", "Action", "Version"], got[1].entries.map(function (e) {
        return row([new Date(e.at).toLocaleString(), e.actor.name, e.action, e.version ? "v" + e.version : ""]);
      }), "rcc-audit"));
    }, rc.showError);
  };

  function showVersion(view, number) {
    rc.get("/versions/" + number).then(function (v) {
      rc.clear(view).appendChild(el("h3", { "class": "rcc-subhead", text: "Version " + number + " — " + v.version.text }));
      view.appendChild(el("pre", { "class": "rcc-code rcc-yaml rcc-diff", id: "rcc-diff", text: v.diff || "No change." }));
      var layers = Object.keys(v.layers);
      if (layers.length) { view.appendChild(el("pre", { "class": "rcc-code rcc-yaml", text: "Scope overrides:\n" + JSON.stringify(v.layers, null, 2) })); }
      view.appendChild(el("details", {}, [el("summary", { text: "The whole pack of version " + number }),
        el("pre", { "class": "rcc-code rcc-yaml", text: v.yaml })]));
    }, rc.showError);
  }
})();
