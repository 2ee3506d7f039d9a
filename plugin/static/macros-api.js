/* Macro page: the session, the JSON API and safe DOM building (text only, never HTML). */
(function () {
  "use strict";

  function meta(name) {
    var node = document.querySelector('meta[name="' + name + '"]');
    return node ? node.getAttribute("content") || "" : "";
  }

  // The console hands its session over in the fragment (never sent to a server); keep it
  // for this tab and take it out of the address bar.
  function sessionToken() {
    var fromPage = meta("coach-session");
    var match = /(?:^#|&)session=([^&]+)/.exec(window.location.hash);
    if (match) { // never leave a token in the address bar, whichever session wins
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    if (fromPage) { return fromPage; }
    if (match) {
      var token = decodeURIComponent(match[1]);
      try { window.sessionStorage.setItem("rc-macros-session", token); } catch (e) { /* private mode */ }
      return token;
    }
    try { return window.sessionStorage.getItem("rc-macros-session") || ""; } catch (e) { return ""; }
  }

  var token = sessionToken();

  function headers(json) {
    var h = { "Accept": "application/json" };
    if (json) { h["Content-Type"] = "application/json"; }
    if (token) { h.Authorization = "Bearer " + token; }
    return h;
  }

  function ApiError(status, code, message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  function call(method, path, body) {
    var init = { method: method, headers: headers(body !== undefined), credentials: "omit" };
    if (body !== undefined) { init.body = JSON.stringify(body); }
    return fetch("/api/v1/macros" + path, init).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (res.ok) { return data; }
        var err = (data && data.error) || {};
        throw new ApiError(res.status, err.code || "error", err.message || ("the server answered " + res.status));
      });
    }, function () {
      throw new ApiError(0, "offline", "the server could not be reached; try again");
    });
  }

  // A download that carries the session header: fetched, then saved from a blob.
  function download(path, filename) {
    return fetch("/api/v1/macros" + path, { headers: headers(false), credentials: "omit" }).then(function (res) {
      if (!res.ok) { throw new ApiError(res.status, "download", "the export failed (" + res.status + ")"); }
      return res.blob();
    }).then(function (blob) {
      var url = URL.createObjectURL(blob);
      var a = document.createElement("a");
      a.href = url;
      a.download = filename;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function when(iso) {
    if (!iso) { return "—"; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? iso : d.toLocaleString();
  }

  window.MacroPage = { api: call, download: download, el: el, when: when, ApiError: ApiError };
})();
