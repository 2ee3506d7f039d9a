/* Zendesk ticket sidebar: reads the draft through the ZAF SDK and writes rewrites back. */
(function () {
  "use strict";

  var panel = document.getElementById("rc-panel");
  var client = window.ZAFClient ? window.ZAFClient.init() : false;
  if (!client) { // opened outside Zendesk: nothing to coach
    document.getElementById("rc-standalone").hidden = false;
    panel.hidden = true;
    return;
  }

  function meta(name) {
    var node = document.querySelector('meta[name="' + name + '"]');
    return node ? node.getAttribute("content") || "" : "";
  }

  var ticket = {
    ticket_id: null, requester_id: null, customer_name: null, locale: null, channel: null,
    customer_message: "", brand_id: null, group_id: null
  };
  var commentType = "public"; // ZAF comment.type: "internalNote" is coached as a note
  var lastHeight = 0;

  function toId(value) {
    var n = Number(value);
    return Number.isInteger(n) && n > 0 ? n : null;
  }

  // The API coaches at most the last MAX_CUSTOMER_CHARS (10,000) of a customer's message;
  // the sidebar sends a shorter tail, so a long message never makes a check too large.
  var CUSTOMER_TAIL = 8000;

  function tailOf(text, limit) {
    if (text.length <= limit) { return text; }
    var cut = text.length - limit;
    if (!/\s/.test(text.charAt(cut - 1))) { // start on a whole word when one is near
      var space = text.slice(cut, cut + 200).search(/\s/);
      cut = space < 0 ? cut : cut + space + 1;
    }
    var code = text.charCodeAt(cut);
    if (code >= 0xDC00 && code <= 0xDFFF) { cut += 1; } // never half of a surrogate pair
    return text.slice(cut);
  }

  function blankToNull(value) {
    // Spaces, tabs, U+00A0 (String.prototype.trim knows them all): no name.
    var text = typeof value === "string" ? value.trim() : "";
    return text || null;
  }

  function latestCustomerMessage(comments, requesterId) {
    if (!Array.isArray(comments)) { return ""; }
    for (var i = comments.length - 1; i >= 0; i--) {
      var c = comments[i] || {};
      var author = c.author || {};
      if (requesterId && toId(author.id) === requesterId) {
        return tailOf(window.ReplyCoach.htmlToText(c.value || c.body || "").trim(), CUSTOMER_TAIL);
      }
    }
    return "";
  }

  // ZAF's ticket.via is a via object ({channel: "email", source: {...}}); older hosts
  // may hand the channel name itself.
  function viaChannel(via) {
    var name = via && typeof via === "object" ? via.channel : via;
    return typeof name === "string" && name ? name.slice(0, 40) : null;
  }

  function toCommentType(type) { return type === "internalNote" ? "internal" : "public"; }

  function loadCommentType() {
    return client.get("comment.type").then(function (data) {
      commentType = toCommentType(data["comment.type"]);
    }, function () { commentType = "public"; });
  }

  function loadTicket() {
    return client.get(["ticket.id", "ticket.requester", "currentUser"]).then(function (data) {
      var requester = data["ticket.requester"] || {};
      var user = data["currentUser"] || {};
      ticket.ticket_id = toId(data["ticket.id"]);
      ticket.requester_id = toId(requester.id);
      ticket.customer_name = blankToNull(requester.name);
      ticket.locale = requester.locale || user.locale || null;
      // The channel and the comment type are optional: a host that does not answer them
      // leaves the server to infer the channel and coach a public reply.
      var via = client.get("ticket.via").then(function (v) {
        ticket.channel = viaChannel(v["ticket.via"]);
      }, function () { ticket.channel = null; });
      // The customer's latest message is optional: older hosts may not answer ticket.comments.
      var comments = client.get("ticket.comments").then(function (c) {
        ticket.customer_message = latestCustomerMessage(c["ticket.comments"], ticket.requester_id);
      }, function () { ticket.customer_message = ""; });
      return Promise.all([via, comments, loadCommentType(), loadScope()]);
    });
  }

  function idOf(data, path) {
    var value = data && data[path];
    return toId(value && typeof value === "object" ? value.id : value);
  }

  // The ticket's brand and group pick the admin's overrides for them (optional paths).
  function loadScope() {
    var brand = client.get("ticket.brand").then(function (d) { ticket.brand_id = idOf(d, "ticket.brand"); },
      function () { ticket.brand_id = null; });
    var group = client.get("ticket.assignee.group").then(function (d) { ticket.group_id = idOf(d, "ticket.assignee.group"); },
      function () { ticket.group_id = null; });
    return Promise.all([brand, group]);
  }

  function resize() {
    var app = document.getElementById("rc-app");
    var height = Math.ceil(app.getBoundingClientRect().height) + 16;
    if (Math.abs(height - lastHeight) < 2) { return; }
    lastHeight = height;
    client.invoke("resize", { width: "100%", height: height + "px" });
  }

  var coach = window.ReplyCoach.create({
    panel: panel,
    token: meta("coach-session"),
    read: function () {
      return client.get(["comment.text", "comment.useRichText"]).then(function (data) {
        return { draft: data["comment.text"] || "", format: data["comment.useRichText"] ? "html" : "text" };
      });
    },
    write: function (text) { return client.set("comment.text", text); },
    extra: function () {
      var body = { customer_message: ticket.customer_message, comment_type: commentType };
      ["ticket_id", "requester_id", "customer_name", "locale", "channel", "brand_id", "group_id"].forEach(function (key) {
        if (ticket[key] !== null) { body[key] = ticket[key]; }
      });
      return body;
    },
    afterRender: function () { requestAnimationFrame(resize); }
  });

  client.on("comment.text.changed", coach.changed);
  // The agent switches between public reply and internal note.
  client.on("comment.type.changed", function (type) {
    commentType = typeof type === "string" ? toCommentType(type) : commentType;
    loadCommentType().then(function () { coach.check(true); });
  });
  client.on("ticket.requester.id.changed", function () { loadTicket().then(function () { coach.check(true); }); });
  ["ticket.brand.changed", "ticket.assignee.group.changed"].forEach(function (name) {
    client.on(name, function () { loadScope().then(function () { coach.check(true); }); });
  });
  window.replyCoach = coach; // for the browser tests
  loadTicket().then(function () { return coach.check(true); }, function () { return coach.check(true); });
})();
