/* Playground: paste a draft and a customer message; no Zendesk, no ZAF SDK. */
(function () {
  "use strict";

  var EXAMPLE_CUSTOMER = "This is the THIRD time I'm writing about order #4411!!! " +
    "It still hasn't arrived and nobody answers. I want a refund now.";
  var EXAMPLE_DRAFT = "Dear customer,\n\nWe apologize for any inconvenience. As per our policy, " +
    "you should have contacted the carrier first. The ticket was escalated to T2 per the SLA.\n\nRegards";

  var draft = document.getElementById("rc-draft");
  var customer = document.getElementById("rc-customer");
  var name = document.getElementById("rc-name");
  var format = document.getElementById("rc-format");
  var channel = document.getElementById("rc-channel");
  var internal = document.getElementById("rc-internal");

  var coach = window.ReplyCoach.create({
    panel: document.getElementById("rc-panel"),
    mirror: { layer: document.getElementById("rc-mirror"), textarea: draft },
    token: "",
    read: function () { return { draft: draft.value, format: format.value }; },
    write: function (text) { draft.value = text; },
    select: function (start, end) { draft.focus(); draft.setSelectionRange(start, end); },
    extra: function () {
      var body = { customer_message: customer.value };
      if (name.value.trim()) { body.customer_name = name.value.trim(); }
      if (channel.value) { body.channel = channel.value; }
      if (internal.checked) { body.comment_type = "internal"; }
      return body;
    }
  });

  [draft, customer, name].forEach(function (field) { field.addEventListener("input", coach.changed); });
  [format, channel, internal].forEach(function (field) { field.addEventListener("change", coach.changed); });
  document.getElementById("rc-example").addEventListener("click", function () {
    customer.value = EXAMPLE_CUSTOMER;
    draft.value = EXAMPLE_DRAFT;
    coach.changed();
    draft.focus();
  });
  window.replyCoach = coach; // for the browser tests and the console
  if (draft.value.trim()) { coach.changed(); }
})();
