/* Zendesk's side of the ZAF v2 postMessage protocol (zendesk_app_framework_sdk lib/client.js):
 * handshake -> zaf.app.registered; get/set/invoke requests -> {id, result|error};
 * iframe.on:<event> subscriptions; events fired as {key: "zaf.<event>", message}.
 * Messages are JSON strings; we answer only our iframe, with its exact origin as target.
 *
 * Query: ?app=<sidebar URL>[&brand=<id>&group=<id>]  The ticket comes from ./fixture.json (built by the test server).
 */
(function () {
  "use strict";

  var params = new URLSearchParams(location.search);
  var appUrl = new URL(params.get("app"));
  var appOrigin = appUrl.origin;
  var appGuid = "3b0b2b9e-1c1a-4f6c-9a59-7a1e5f1e0c11";
  var frame = document.getElementById("frame");

  var state = {
    ready: false,          // zaf.app.registered sent
    handshakes: [],
    requests: [],          // every {request, params}
    sets: [],              // every set of a path: {path, value}
    invokes: [],           // every invoke: {name, args}
    subscriptions: {},     // event -> subscriberCount
    fired: [],             // {event, at} with at = absolute ms (timeOrigin + now)
    errors: [],
    fireOnSet: true        // Zendesk's editor reports the change after an app sets the text
  };
  var ticket = null;       // set from fixture.json
  var comment = { text: "", useRichText: false, type: "publicReply" };

  function send(msg) {
    frame.contentWindow.postMessage(JSON.stringify(msg), appOrigin);
  }

  function absNow() { return performance.timeOrigin + performance.now(); }

  function valueOf(path) {
    switch (path) {
      case "comment.text": return { ok: true, value: comment.text };
      case "comment.useRichText": return { ok: true, value: comment.useRichText };
      case "comment.type": return { ok: true, value: comment.type };
      case "ticket.id": return { ok: true, value: ticket.id };
      case "ticket.subject": return { ok: true, value: ticket.subject };
      case "ticket.requester": return { ok: true, value: ticket.requester };
      case "ticket.requester.id": return { ok: true, value: ticket.requester.id };
      case "ticket.via": return { ok: true, value: ticket.via };
      case "ticket.comments": return { ok: true, value: ticket.comments };
      case "currentUser": return { ok: true, value: ticket.currentUser };
      case "ticket.brand": return ticket.brand ? { ok: true, value: ticket.brand } : { ok: false };
      case "ticket.assignee.group": return ticket.group ? { ok: true, value: ticket.group } : { ok: false };
      default: return { ok: false };
    }
  }

  function answer(data) {
    state.requests.push({ request: data.request, params: data.params });
    var result = { errors: {} };
    if (data.request === "get") {
      data.params.forEach(function (path) {
        var v = valueOf(path);
        if (v.ok) { result[path] = v.value; }
        else { result.errors[path] = { name: "ApiError", message: "is not a valid path", path: path }; }
      });
    } else if (data.request === "set") {
      Object.keys(data.params).forEach(function (path) {
        var value = data.params[path];
        state.sets.push({ path: path, value: value });
        if (path === "comment.text") { comment.text = String(value); result[path] = value; }
        else { result.errors[path] = { name: "ApiError", message: "cannot be set", path: path }; }
      });
      if (state.fireOnSet && Object.prototype.hasOwnProperty.call(data.params, "comment.text")) {
        setTimeout(function () { fire("comment.text.changed", comment.text); }, 0);
      }
    } else if (data.request === "invoke") {
      Object.keys(data.params).forEach(function (name) {
        state.invokes.push({ name: name, args: data.params[name] });
        if (name === "resize" && data.params[name][0] && data.params[name][0].height) {
          frame.style.height = data.params[name][0].height;
        }
        result[name] = null;
      });
    } else {
      send({ id: data.id, error: { name: "ApiError", message: "unknown request " + data.request } });
      return;
    }
    send({ id: data.id, result: result });
  }

  function fire(event, payload) {
    state.fired.push({ event: event, at: absNow() });
    send({ key: "zaf." + event, message: payload });
  }

  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || event.origin !== appOrigin) { return; }
    var data;
    try { data = typeof event.data === "string" ? JSON.parse(event.data) : event.data; }
    catch (e) { state.errors.push("bad json"); return; }
    if (data.appGuid !== appGuid) { state.errors.push("wrong appGuid " + data.appGuid); return; }
    if (data.key === "iframe.handshake") {
      state.handshakes.push(data.message);
      send({
        key: "zaf.app.registered",
        message: {
          context: {
            product: "support", location: "ticket_sidebar", ticketId: ticket.id,
            account: { subdomain: "testing23" }, instanceGuid: data.instanceGuid
          },
          metadata: {
            appId: 0, installationId: 1, name: "Reply Coach", version: "1.0", settings: { title: "Reply Coach" }
          }
        }
      });
      state.ready = true;
    } else if (typeof data.key === "string" && data.key.indexOf("iframe.on:") === 0) {
      state.subscriptions[data.key.slice(10)] = data.message && data.message.subscriberCount;
    } else if (typeof data.key === "string" && data.key.indexOf("iframe.off:") === 0) {
      state.subscriptions[data.key.slice(11)] = data.message && data.message.subscriberCount;
    } else if (data.request) {
      answer(data);
    }
  });

  window.harness = {
    state: state,
    comment: comment,
    /* The agent edits the draft: Zendesk fires comment.text.changed with the new text. */
    typeDraft: function (text) { comment.text = text; fire("comment.text.changed", text); },
    setRichText: function (on) { comment.useRichText = !!on; },
    /* The agent switches the editor between "publicReply" and "internalNote". */
    setCommentType: function (type) { comment.type = type; fire("comment.type.changed", type); },
    fire: fire,
    get ticket() { return ticket; }
  };

  fetch("fixture.json").then(function (r) { return r.json(); }).then(function (fixture) {
    ticket = fixture.ticket;
    // ?brand=<id>&group=<id>: the ticket's brand and group (ZAF ticket.brand, ticket.assignee.group).
    if (params.get("brand")) { ticket.brand = { id: Number(params.get("brand")), name: "Brand " + params.get("brand") }; }
    if (params.get("group")) { ticket.group = { id: Number(params.get("group")), name: "Group " + params.get("group") }; }
    comment.text = fixture.draft || "";
    var src = new URL(appUrl.href);
    src.searchParams.set("origin", location.origin);
    src.searchParams.set("app_guid", appGuid);
    frame.src = src.href;
  });
})();
