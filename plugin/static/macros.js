/* Macro page: start a lint run, follow its progress, read the report worst first. */
(function () {
  "use strict";

  var P = window.MacroPage;
  var W = window.MacroWrites;
  var el = P.el;
  var $ = function (id) { return document.getElementById(id); };
  var FINISHED = { done: 1, partial: 1, failed: 1 };
  var PAGE = 50; // macros drawn at a time: a big account has thousands
  var POLL_MS = 1000; // well inside the per-session API budget
  var state = { job: null, macros: [], shown: 0, facetsOf: null, written: {} };

  function alert(message) { W.alertIn($("mp-alert"), message); }

  function describe(job) {
    var parts = ["Report made " + P.when(job.finished_at || job.created_at),
      "with rule pack \u201c" + (job.pack_version || "?") + "\u201d"];
    if (job.started_by) { parts.push("started by " + job.started_by); }
    var line = parts.join(", ") + ". " + job.done + " macros";
    if (job.errors) { line += ", " + job.errors + " with errors"; }
    if (job.status === "partial" || job.status === "failed") { line += " (run " + job.status + ": " + job.error + ")"; }
    return line + ".";
  }

  function progress(job) {
    var box = $("mp-progress");
    var bar = $("mp-bar");
    box.hidden = false;
    if (job.status === "queued") {
      $("mp-progress-text").textContent = "Waiting for a worker…";
      bar.removeAttribute("value");
    } else if (job.phase === "linting" && job.total) {
      bar.max = job.total;
      bar.value = job.done;
      $("mp-progress-text").textContent = "Linting macros: " + job.done + " of " + job.total;
    } else {
      bar.removeAttribute("value");
      $("mp-progress-text").textContent = "Reading macros from Zendesk: " + job.done + " so far";
    }
  }

  function poll(jobId) {
    P.api("GET", "/lint/" + jobId).then(function (data) {
      state.job = data.job;
      if (FINISHED[data.job.status]) {
        $("mp-progress").hidden = true;
        $("mp-start").disabled = false;
        return loadReport();
      }
      progress(data.job);
      setTimeout(function () { poll(jobId); }, POLL_MS);
    }, function (err) {
      alert("Progress could not be read: " + err.message);
      setTimeout(function () { poll(jobId); }, POLL_MS * 4);
    });
  }

  function follow(job) {
    state.job = job;
    $("mp-start").disabled = true;
    progress(job);
    poll(job.job_id);
  }

  function start() {
    alert("");
    $("mp-start").disabled = true;
    P.api("POST", "/lint", { only_active: $("mp-only-active").checked }).then(function (data) {
      follow(data.job);
    }, function (err) {
      $("mp-start").disabled = false;
      alert("The lint could not start: " + err.message);
    });
  }

  function query(extra) {
    var q = [];
    [["tag", "mp-tag"], ["category", "mp-category"], ["group", "mp-group"]].forEach(function (f) {
      var v = $(f[1]).value;
      if (v) { q.push(f[0] + "=" + encodeURIComponent(v)); }
    });
    if (extra) { q.push(extra); }
    return q.length ? "?" + q.join("&") : "";
  }

  function fillFacet(id, counts, label) {
    var select = $(id);
    var keep = select.value;
    while (select.options.length > 1) { select.remove(1); }
    Object.keys(counts).forEach(function (key) {
      var opt = el("option", null, label(key) + " (" + counts[key] + ")");
      opt.value = key;
      select.appendChild(opt);
    });
    select.value = counts[keep] ? keep : "";
  }

  function loadReport() {
    var job = state.job;
    return P.api("GET", "/lint/" + job.job_id + "/report" + query()).then(function (data) {
      state.job = data.job;
      $("mp-made").textContent = describe(data.job);
      if (state.facetsOf !== data.job.job_id) {
        state.facetsOf = data.job.job_id;
        fillFacet("mp-tag", data.facets.tags, function (k) { return k; });
        fillFacet("mp-category", data.facets.categories, function (k) { return k; });
        fillFacet("mp-group", data.facets.groups, function (k) { return "Group " + k; });
      }
      $("mp-report").hidden = false;
      $("mp-count").textContent = data.count + (data.count === 1 ? " macro" : " macros") + ", worst first";
      state.macros = data.macros;
      state.shown = 0;
      $("mp-list").textContent = "";
      more();
    }, function (err) { alert("The report could not be read: " + err.message); });
  }

  function more() {
    var list = $("mp-list");
    var old = list.querySelector(".mp-more");
    if (old) { old.remove(); }
    state.macros.slice(state.shown, state.shown + PAGE).forEach(function (m) {
      list.appendChild(window.MacroView.item(m, state.written[m.macro_id], onWritten));
      W.titles[m.macro_id] = m.title;
    });
    state.shown = Math.min(state.macros.length, state.shown + PAGE);
    if (state.shown < state.macros.length) {
      var li = el("li", "mp-more");
      var btn = el("button", "rc-btn rc-btn-quiet", "Show " + Math.min(PAGE, state.macros.length - state.shown) + " more");
      btn.type = "button";
      btn.addEventListener("click", more);
      li.appendChild(btn);
      list.appendChild(li);
    }
  }

  function onWritten(macro) { state.written[macro.macro_id] = true; }

  function exportAs(fmt) {
    return function (event) {
      event.preventDefault();
      if (!state.job) { return; }
      var name = "macro-lint-" + state.job.job_id.slice(0, 8) + "." + fmt;
      var extra = fmt === "csv" ? "format=csv" : "download=1";
      P.download("/lint/" + state.job.job_id + "/report" + query(extra), name).catch(function (err) { alert(err.message); });
    };
  }

  $("mp-start").addEventListener("click", start);
  ["mp-tag", "mp-category", "mp-group"].forEach(function (id) { $(id).addEventListener("change", loadReport); });
  $("mp-csv").addEventListener("click", exportAs("csv"));
  $("mp-json").addEventListener("click", exportAs("json"));

  // The last run opens at once; one still running is followed.
  P.api("GET", "/lint/latest").then(function (data) {
    if (FINISHED[data.job.status]) { state.job = data.job; loadReport(); } else { follow(data.job); }
  }, function (err) {
    if (err.status !== 404) { alert("The last report could not be read: " + err.message); }
  });
  W.loadAudit();
  window.macroPage = state; // for the browser tests and the console
})();
