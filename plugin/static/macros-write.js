/* Macro page: chosen suggestions → dry-run diff → explicit confirmation → audit and undo. */
(function () {
  "use strict";

  var P = window.MacroPage;
  var el = P.el;
  var titles = {}; // macro id -> title, for the audit list

  function alertIn(box, message) {
    box.textContent = message;
    box.hidden = !message;
  }

  function diffBlock(field, diff) {
    var wrap = el("div", "mp-diff");
    wrap.appendChild(el("h4", "mp-diff-title", field === "comment_value_html" ? "HTML reply" : "Plain text reply"));
    var pre = el("pre", "mp-diff-text");
    var lines = diff.split("\n").filter(function (l) { return l; });
    var kinds = lines.map(function (line) {
      return line.indexOf("+++") === 0 || line.indexOf("---") === 0 ? "file"
        : line.charAt(0) === "+" ? "add" : line.charAt(0) === "-" ? "del"
        : line.charAt(0) === "@" ? "hunk" : "same";
    });
    lines.forEach(function (line, i) {
      var span = el("span", "mp-line mp-line-" + kinds[i]);
      var pair = kinds[i] === "del" && kinds[i + 1] === "add" ? lines[i + 1]
        : kinds[i] === "add" && kinds[i - 1] === "del" ? lines[i - 1] : null;
      appendMarked(span, line, pair);
      pre.appendChild(span);
    });
    wrap.appendChild(pre);
    return wrap;
  }

  // A changed line beside its counterpart: the words that differ are emphasised
  // (a longest common subsequence of words; very long lines are shown whole).
  function appendMarked(span, line, other) {
    var a = line.slice(1).split(/(\s+)/);
    var b = other === null ? [] : other.slice(1).split(/(\s+)/);
    if (other === null || a.length * b.length > 250000) { span.textContent = line; return; }
    var n = a.length, m = b.length, i, j;
    var lcs = [];
    for (i = 0; i <= n; i++) { lcs.push(new Array(m + 1).fill(0)); }
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    span.appendChild(document.createTextNode(line.charAt(0)));
    var run = "", changed = false;
    function flush() {
      if (run) { span.appendChild(changed ? el("strong", "mp-changed-part", run) : document.createTextNode(run)); }
      run = "";
    }
    for (i = 0, j = 0; i < n;) {
      var same = j < m && a[i] === b[j];
      if (same || (j < m && lcs[i][j + 1] >= lcs[i + 1][j])) {
        if (same) {
          if (changed) { flush(); changed = false; }
          run += a[i]; i++;
        }
        j++;
      } else {
        if (!changed) { flush(); changed = true; }
        run += a[i]; i++;
      }
    }
    flush();
  }

  function actionsSummary(plan) {
    var list = el("ul", "mp-actions-list");
    plan.before_actions.forEach(function (action, i) {
      var same = JSON.stringify(action) === JSON.stringify(plan.after_actions[i]);
      var item = el("li", same ? "mp-kept" : "mp-changed");
      item.appendChild(el("code", null, action.field));
      item.appendChild(document.createTextNode(same ? " unchanged" : " changes as shown above"));
      list.appendChild(item);
    });
    return list;
  }

  function chosen(root) {
    return Array.prototype.map.call(root.querySelectorAll("input.mp-pick:checked"), function (i) { return i.value; });
  }

  // The write controls under one macro's findings.
  function panel(macro, root, onWritten) {
    titles[macro.macro_id] = macro.title;
    var box = el("div", "mp-write");
    var preview = el("button", "rc-btn", "Preview changes");
    preview.type = "button";
    preview.className = "rc-btn mp-preview";
    var hint = el("span", "rc-muted", " Pick the suggestions to apply, then preview: nothing is written yet.");
    var alert = el("p", "rc-alert mp-write-alert");
    alert.setAttribute("role", "alert");
    alert.hidden = true;
    var result = el("div", "mp-plan");
    box.appendChild(preview);
    box.appendChild(hint);
    box.appendChild(alert);
    box.appendChild(result);

    preview.addEventListener("click", function () {
      var picks = chosen(root);
      alertIn(alert, "");
      result.textContent = "";
      if (!picks.length) { alertIn(alert, "Pick at least one suggestion first."); return; }
      preview.disabled = true;
      P.api("POST", "/" + macro.macro_id + "/preview", { suggestions: picks }).then(function (data) {
        showPlan(macro, data.plan, picks, result, alert, onWritten);
      }, function (err) {
        alertIn(alert, "Preview refused: " + err.message);
      }).then(function () { preview.disabled = false; });
    });
    return box;
  }

  function showPlan(macro, plan, picks, result, alert, onWritten) {
    result.appendChild(el("h4", "mp-plan-title", "Dry run: what Zendesk would get (nothing written yet)"));
    Object.keys(plan.diffs).forEach(function (field) { result.appendChild(diffBlock(field, plan.diffs[field])); });
    result.appendChild(el("p", "rc-muted", "The macro's actions:"));
    result.appendChild(actionsSummary(plan));
    var confirm = el("button", "rc-btn rc-btn-primary mp-confirm", "Confirm: write to Zendesk");
    confirm.type = "button";
    var cancel = el("button", "rc-btn rc-btn-quiet mp-cancel", "Cancel");
    cancel.type = "button";
    var row = el("p", "mp-confirm-row");
    row.appendChild(confirm);
    row.appendChild(cancel);
    result.appendChild(row);
    cancel.addEventListener("click", function () { result.textContent = ""; });
    confirm.addEventListener("click", function () {
      confirm.disabled = true;
      var body = { suggestions: picks, before_sha256: plan.before_sha256, confirm: true };
      P.api("POST", "/" + macro.macro_id + "/write", body).then(function (data) {
        result.textContent = "";
        result.appendChild(el("p", "mp-written", "Written to Zendesk (audit entry #" + data.audit.id +
          "). Lint again to see this macro's new score."));
        onWritten(macro);
        loadAudit();
      }, function (err) {
        confirm.disabled = false;
        alertIn(alert, "Not written: " + err.message);
      });
    });
  }

  function short(hash) { return (hash || "").slice(0, 10); }

  function auditItem(w, alert) {
    var item = el("li", "mp-audit-item");
    item.setAttribute("data-write-id", String(w.id));
    var head = el("p", "mp-audit-head");
    head.appendChild(el("strong", null, "#" + w.id + " "));
    head.appendChild(document.createTextNode((titles[w.macro_id] || "Macro") + " (" + w.macro_id + ")"));
    item.appendChild(head);
    var what = w.undo_of ? "undid write #" + w.undo_of : (w.suggestions || []).length + " suggestion(s) applied";
    item.appendChild(el("p", "rc-muted", P.when(w.at) + " · " + w.actor_name + " · " + what +
      " · rule pack \u201c" + w.pack_version + "\u201d · " + short(w.before_sha256) + " → " + short(w.after_sha256)));
    if (w.undone_by) {
      item.appendChild(el("p", "mp-undone", "Undone by write #" + w.undone_by));
    } else if (!w.undo_of) {
      var undo = el("button", "rc-btn rc-btn-quiet mp-undo", "Undo");
      undo.type = "button";
      var armed = false;
      undo.addEventListener("click", function () {
        if (!armed) { armed = true; undo.textContent = "Confirm undo: put the macro back"; return; }
        undo.disabled = true;
        P.api("POST", "/writes/" + w.id + "/undo", { confirm: true }).then(loadAudit, function (err) {
          undo.disabled = false;
          alertIn(alert, "Undo refused: " + err.message);
        });
      });
      item.appendChild(undo);
    }
    return item;
  }

  function loadAudit() {
    var list = document.getElementById("mp-audit");
    var empty = document.getElementById("mp-audit-empty");
    var alert = document.getElementById("mp-alert");
    return P.api("GET", "/writes").then(function (data) {
      list.textContent = "";
      empty.hidden = data.writes.length > 0;
      document.getElementById("mp-audit-count").textContent = data.writes.length ? "(" + data.writes.length + ")" : "";
      data.writes.forEach(function (w) { list.appendChild(auditItem(w, alert)); });
    }, function (err) { alertIn(alert, "The audit list could not be read: " + err.message); });
  }

  window.MacroWrites = { panel: panel, loadAudit: loadAudit, titles: titles, alertIn: alertIn };
})();
