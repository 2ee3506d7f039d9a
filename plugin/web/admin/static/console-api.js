/* Reply Coach console: the JSON API client, the shared state and small DOM helpers. */
(function () {
  "use strict";

  function meta(name) {
    var node = document.querySelector('meta[name="' + name + '"]');
    return node ? node.getAttribute("content") || "" : "";
  }

  var session = meta("coach-session");
  var rc = {
    state: null,       // the last /state answer
    scope: "account",
    csrf: "",
    busy: 0,
    saves: []          // {status, body} of every write, for tests and the status line
  };

  function headers(json) {
    var h = { "Accept": "application/json" };
    if (session) { h["Authorization"] = "Bearer " + session; }
    if (json) { h["Content-Type"] = "application/json"; h["X-CSRF-Token"] = rc.csrf; }
    return h;
  }

  function request(method, path, body) {
    rc.busy += 1;
    var init = { method: method, headers: headers(body !== undefined), credentials: "omit" };
    if (body !== undefined) { init.body = JSON.stringify(body); }
    return fetch("/admin/api/v1" + path, init).then(function (resp) {
      var type = resp.headers.get("Content-Type") || "";
      var read = type.indexOf("json") >= 0 ? resp.json() : resp.text();
      return read.then(function (data) {
        rc.busy -= 1;
        if (!resp.ok) {
          var err = new Error((data && data.error && data.error.message) || ("HTTP " + resp.status));
          err.status = resp.status;
          err.detail = (data && data.error) || {};
          throw err;
        }
        return data;
      });
    }, function (e) { rc.busy -= 1; throw e; });
  }

  rc.get = function (path) { return request("GET", path); };
  rc.post = function (path, body) { return request("POST", path, body); };

  rc.load = function (scope) {
    if (scope !== undefined) { rc.scope = scope; }
    return rc.get("/state?scope=" + encodeURIComponent(rc.scope)).then(function (s) {
      rc.state = s;
      rc.csrf = s.csrf;
      return s;
    });
  };

  /* A write on the version on screen; on success the console reloads that scope. */
  rc.write = function (path, body) {
    body = Object.assign({ base: rc.state.version, scope: rc.scope }, body);
    return rc.post(path, body).then(function (out) {
      rc.saves.push({ status: 200, body: out });
      rc.flash("Saved as version " + out.version + ".");
      return rc.load().then(function () { rc.render(); return out; });
    }, function (err) {
      rc.saves.push({ status: err.status, body: err.detail });
      rc.showError(err);
      throw err;
    });
  };

  rc.el = function (tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) { return; }
      if (k === "text") { node.textContent = v; }
      else if (k === "class") { node.className = v; }
      else if (k.slice(0, 2) === "on") { node.addEventListener(k.slice(2), v); }
      else { node.setAttribute(k, v === true ? "" : v); }
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  };

  rc.clear = function (node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; };

  rc.scopeTag = function (key) {
    var cls = key === "account" || key === "default" ? "" : "c-tag--blue";
    return rc.el("span", { "class": "c-tag c-tag--sm " + cls, "data-from": key, text: key === "default" ? "built-in" : key });
  };

  rc.hideCallouts = hideCallouts;

  function hideCallouts() {
    ["rcc-error", "rcc-ok"].forEach(function (id) { document.getElementById(id).hidden = true; });
  }

  rc.flash = function (text) {
    hideCallouts();
    var ok = document.getElementById("rcc-ok");
    rc.clear(ok).appendChild(rc.el("p", { "class": "c-callout__paragraph", text: text }));
    ok.hidden = false;
  };

  /* 4xx answers: the message, each problem (rule, field, line), or what changed meanwhile. */
  rc.showError = function (err) {
    hideCallouts();
    var box = rc.clear(document.getElementById("rcc-error"));
    var d = err.detail || {};
    var title = err.status === 409 ? "Someone saved first" : err.status === 403 ? "Not allowed" : "Not saved";
    box.appendChild(rc.el("strong", { "class": "c-callout__title", text: title }));
    var many = d.problems && d.problems.length;
    box.appendChild(rc.el("p", { "class": "c-callout__paragraph", text: many ?
      "Nothing was saved: " + d.problems.length + " problem(s) to fix." : err.message }));
    if (many) {
      box.appendChild(rc.el("ul", { "class": "rcc-problems" }, d.problems.map(function (p) {
        var where = [p.line ? "line " + p.line : "", p.scope ? "scope " + p.scope : "",
          p.rule ? "rule " + p.rule : "", p.field ? "field " + p.field : ""].filter(Boolean).join(", ");
        return rc.el("li", { text: (where ? where + ": " : "") + p.message });
      })));
    }
    if (d.changes && d.changes.length) {
      box.appendChild(rc.el("ul", { "class": "rcc-changes" }, d.changes.map(function (c) {
        return rc.el("li", { text: "v" + c.number + " by " + c.author_name + " (" + c.action + "): " + (c.summary.text || "") });
      })));
      box.appendChild(rc.el("button", {
        "class": "c-btn c-btn--sm", type: "button", id: "rcc-reload", text: "Reload the newest version",
        onclick: function () { rc.load().then(function () { rc.render(); hideCallouts(); }); }
      }));
    }
    document.querySelectorAll(".c-field--error").forEach(function (n) { n.classList.remove("c-field--error"); });
    if (d.field) {
      var name = d.field.replace(/^rules\.[^.]+\./, "rule.");
      var input = document.querySelector('[data-field="' + name + '"]');
      if (input && input.closest(".c-field")) { input.closest(".c-field").classList.add("c-field--error"); }
    }
    box.hidden = false;
    box.scrollIntoView({ block: "nearest" });
  };

  rc.canWrite = function () { return !!(rc.state && rc.state.actor.can_write); };

  window.replyCoachConsole = rc;
})();
