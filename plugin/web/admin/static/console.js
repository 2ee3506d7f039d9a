/* Reply Coach console: start-up, tabs, the scope picker and the signed-in user. */
(function () {
  "use strict";

  var rc = window.replyCoachConsole;
  var el = rc.el;
  var TABS = ["rules", "vocabulary", "try", "preview", "transfer", "versions"];
  var labels = {}; // scope key -> name typed when it was opened

  rc.tab = "rules";

  // The macro report is its own page: it takes this console's session in the URL's
  // fragment, which never reaches a server.
  document.getElementById("rcc-macros-link").addEventListener("click", function (ev) {
    var token = document.querySelector('meta[name="coach-session"]');
    if (token && token.content) {
      ev.preventDefault();
      window.location.href = "/admin/macros#session=" + encodeURIComponent(token.content);
    }
  });

  rc.scopeLabel = function () { return labels[rc.scope] || ""; };

  function showTab(name) {
    rc.tab = TABS.indexOf(name) >= 0 ? name : "rules";
    document.querySelectorAll(".c-tab__list__item").forEach(function (t) {
      var on = t.getAttribute("data-tab") === rc.tab;
      t.classList.toggle("is-selected", on);
      t.setAttribute("aria-selected", on ? "true" : "false");
    });
    document.querySelectorAll(".rcc-panel").forEach(function (p) { p.hidden = p.getAttribute("data-panel") !== rc.tab; });
    if (location.hash !== "#" + rc.tab) { history.replaceState(null, "", "#" + rc.tab); }
    rc.hideCallouts();
    renderTab();
  }

  function renderTab() {
    if (!rc.state) { return; }
    ({ rules: rc.renderRules, vocabulary: rc.renderVocabulary, "try": rc.renderTry,
      preview: rc.renderPreviewTab, transfer: rc.renderTransfer, versions: rc.renderVersions })[rc.tab]();
  }

  function renderHeader() {
    var s = rc.state;
    document.getElementById("rcc-version").textContent = "version " + s.version;
    var who = rc.clear(document.getElementById("rcc-who"));
    var a = s.actor;
    who.appendChild(el("span", { "class": "rcc-who__name", text: a.name || "Unverified user" }));
    who.appendChild(el("span", { "class": "c-tag c-tag--sm " + (a.can_write ? "c-tag--green" : "c-tag--grey"), id: "rcc-role",
      text: a.can_write ? "admin · can edit" : (a.role === "unknown" ? "read-only" : a.role + " · read-only") }));
    var ro = document.getElementById("rcc-readonly");
    ro.hidden = a.can_write;
    rc.clear(ro).appendChild(el("p", { "class": "c-callout__paragraph", text: a.reason || "" }));
    var pick = rc.clear(document.getElementById("rcc-scope"));
    var known = s.scopes.map(function (x) { return x.key; });
    if (known.indexOf(rc.scope) < 0) { s.scopes.push({ key: rc.scope, label: labels[rc.scope] || "" }); }
    s.scopes.forEach(function (x) {
      if (x.label) { labels[x.key] = labels[x.key] || x.label; }
      var name = x.key === "account" ? "Account default" : x.key + (x.label ? " — " + x.label : "");
      pick.appendChild(el("option", { value: x.key, text: name }));
    });
    pick.value = rc.scope;
    document.getElementById("rcc-scope-hint").textContent = rc.scope === "account" ?
      "Every ticket starts from the account default; a brand, group or channel can override it (channel beats group beats brand)." :
      "Showing what a ticket of " + rc.scope + " gets: the account default plus this scope's overrides. Tags say where each value comes from.";
  }

  rc.render = function () { renderHeader(); renderTab(); };

  function openScope(key) {
    return rc.load(key).then(rc.render, rc.showError);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".c-tab__list__item").forEach(function (t) {
      t.addEventListener("click", function () { showTab(t.getAttribute("data-tab")); });
      t.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); showTab(t.getAttribute("data-tab")); } });
    });
    document.getElementById("rcc-scope").addEventListener("change", function (e) { openScope(e.target.value); });
    document.getElementById("rcc-scope-add").addEventListener("submit", function (e) {
      e.preventDefault();
      var kind = document.getElementById("rcc-scope-kind").value;
      var ref = document.getElementById("rcc-scope-ref").value.trim();
      var label = document.getElementById("rcc-scope-label").value.trim();
      if (!ref) { document.getElementById("rcc-scope-ref").focus(); return; }
      var key = kind + ":" + ref;
      if (label) { labels[key] = label; }
      openScope(key);
    });
    rc.load().then(function () {
      rc.ready = true;
      renderHeader();
      showTab(location.hash.slice(1));
    }, rc.showError);
  });
})();
