"""Support scenarios as phrase parts the corpus generator composes.

Every string is a template filled from the per-draft slots in ``bench.corpus``
(``{name}``, ``{order}``, ``{amount}`` ...). Several variants per part so two
drafts of the same scenario rarely share a sentence. All wording is written for
this benchmark; none is copied from real tickets.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    key: str
    problem: tuple[str, ...]  # customer voice, no final punctuation
    ask: tuple[str, ...]  # customer's question
    ack: tuple[str, ...]  # agent paraphrase of the problem
    sorry: tuple[str, ...]  # specific apology
    action: tuple[str, ...]  # what the agent did / will do (ownership)
    next: tuple[str, ...]  # next step with a time frame
    details: tuple[str, ...]  # filler that makes a long reply longer
    jargon: tuple[str, ...]  # internal terms an agent should not send
    blame: tuple[str, ...]  # cold / blaming lines
    calm_ok: bool = False  # a calm how-to question is plausible here


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        key="late_delivery",
        problem=(
            "my order {order} still hasn't arrived",
            "the package for order {order} was supposed to be here on {day} and it's not",
            "tracking for {order} hasn't moved in {days} days",
        ),
        ask=("Where is it?", "Can you tell me when it will arrive?", "What's going on with it?"),
        ack=(
            "So your order {order} still hasn't arrived and the tracking hasn't moved since {day}.",
            "I can see that order {order} was due on {day} and it's still showing as in transit.",
            "You're waiting on order {order}, and the carrier page hasn't updated for {days} days.",
        ),
        sorry=(
            "I'm sorry your order is late, especially after you planned around {day}.",
            "I'm really sorry the parcel hasn't shown up when we said it would.",
        ),
        action=(
            "I've opened a trace with the carrier myself and asked them to locate the parcel.",
            "I've asked our warehouse team to check whether the parcel left the depot.",
            "I'll contact the courier today and push for an update on the delivery.",
        ),
        next=(
            "You'll get an email from me within {hours} hours with the carrier's answer.",
            "If the trace doesn't find it by {day}, I'll send a replacement at no cost.",
            "I'll follow up by {day} either way, so you won't have to chase us.",
        ),
        details=(
            "Parcels sometimes sit at a sorting hub over the weekend, which is when tracking stops "
            "updating.",
            "The carrier confirmed they picked it up from our warehouse in {city}.",
            "Your shipping address on file is {street}, {city}, which matches the label.",
            "Express shipping fees are refunded automatically when a delivery misses its date.",
        ),
        jargon=(
            "The shipment is stuck in a WISMO loop and I've raised it with the 3PL as a P2.",
            "I've escalated to T2 and flagged the SLA breach on the last-mile leg.",
        ),
        blame=(
            "Delivery times are estimates and we are not responsible for carrier delays.",
            "You should have chosen express shipping if you needed it by {day}.",
        ),
    ),
    Scenario(
        key="damaged_item",
        problem=(
            "the {product} I ordered arrived broken",
            "my {product} came with a cracked screen",
            "the box for order {order} was crushed and the {product} inside is damaged",
        ),
        ask=("Can I get a replacement?", "What are my options?", "How do I return it?"),
        ack=(
            "So the {product} from order {order} arrived damaged, with the screen cracked.",
            "You received the {product} today and it was broken when you opened the box.",
        ),
        sorry=(
            "I'm sorry your {product} arrived damaged, that's not the first impression we want.",
            "I'm so sorry the {product} reached you broken.",
        ),
        action=(
            "I've already created a replacement order for a new {product}.",
            "I've arranged a free return label, so you don't pay anything to send it back.",
            "I'll ship a replacement today from our {city} warehouse.",
        ),
        next=(
            "The replacement should arrive within {days} business days and you'll get tracking "
            "by email.",
            "Once the courier scans the return, your refund of {amount} goes back to your card "
            "within {days} days.",
        ),
        details=(
            "There's no need to repack it in the original box; any sturdy packaging is fine.",
            "Photos of the damage help us claim it back from the carrier, but they're optional.",
            "You can keep the accessories that came with it.",
        ),
        jargon=(
            "I've logged an RMA and the DOA unit will go through RTV once it's back at the DC.",
            "This qualifies as a Tier-1 damage claim under the carrier SLA.",
        ),
        blame=(
            "You should have refused the delivery if the box looked damaged.",
            "You failed to report the damage within 48 hours.",
        ),
    ),
    Scenario(
        key="double_charge",
        problem=(
            "I was charged twice for the same order",
            "my card shows two payments of {amount} for order {order}",
            "you billed me {amount} twice this month",
        ),
        ask=("Please refund the extra charge.", "Why did this happen?", "When do I get it back?"),
        ack=(
            "So your card was charged {amount} twice for order {order}.",
            "I can see the duplicate payment of {amount} on your account from {day}.",
        ),
        sorry=(
            "I'm sorry you were charged twice, I know how worrying an unexpected payment is.",
            "I'm sorry about the duplicate charge of {amount}.",
        ),
        action=(
            "I've already refunded the second payment of {amount}.",
            "I've reversed the duplicate charge myself.",
            "I'll make sure the extra payment is refunded today.",
        ),
        next=(
            "Your bank usually shows the refund within {days} business days.",
            "You'll get a refund confirmation email within the hour.",
        ),
        details=(
            "The first charge may show as pending and disappear on its own; that one is an "
            "authorisation hold.",
            "Your card ending in {last4} is the only payment method on the account.",
            "If you don't see the refund by {day}, reply here and I'll send the bank reference.",
        ),
        jargon=(
            "The duplicate auth came from a gateway retry; I've voided the second capture in "
            "Stripe.",
            "It's a known idempotency bug in the billing service and it's been escalated to T2.",
        ),
        blame=(
            "You must have clicked the pay button twice.",
            "As I already said, the second charge is just a pending authorisation.",
        ),
    ),
    Scenario(
        key="login_2fa",
        problem=(
            "I can't log in because the 2FA code never arrives",
            "I lost my phone and can't get past two-factor authentication",
            "the verification code keeps saying it's invalid",
        ),
        ask=("How do I get back into my account?", "Can you reset it?", "Please help me log in."),
        ack=(
            "So you're locked out because the two-factor code isn't reaching your phone.",
            "You changed phones and now the authenticator app doesn't have your account.",
        ),
        sorry=(
            "I'm sorry you're locked out, especially when you need the account for work.",
            "I'm sorry the verification code isn't coming through.",
        ),
        action=(
            "I've reset two-factor authentication on your account after verifying your email.",
            "I've sent a one-time recovery link to {email}.",
            "I'll walk you through setting up the authenticator again.",
        ),
        next=(
            "The recovery link works for {hours} hours; after you log in you'll be asked to set "
            "up 2FA again.",
            "Once you're in, save the backup codes somewhere safe so this can't lock you out "
            "again.",
        ),
        details=(
            "Codes sent by text can take a few minutes when the network is busy.",
            "Make sure your phone's clock is set automatically, because codes depend on the time.",
            "You can find the setup steps here: {url}",
        ),
        jargon=(
            "Your TOTP seed was desynced, so I've purged the MFA factor and re-provisioned SSO.",
            "The SMS OTP is failing at the carrier level; I've filed a P1 with the IdP team.",
        ),
        blame=(
            "You should have saved your backup codes when you set up 2FA.",
            "Obviously you need your phone to log in.",
        ),
    ),
    Scenario(
        key="bug_report",
        problem=(
            "the export button in the {app} does nothing",
            "the {app} crashes every time I open a report",
            "I get error {error_code} when I try to save",
        ),
        ask=("Is this a known bug?", "When will it be fixed?", "Is there a workaround?"),
        ack=(
            "So the {app} crashes when you open a report, and it started after the last update.",
            "You see error {error_code} every time you save a document.",
        ),
        sorry=(
            "I'm sorry this bug is getting in the way of your work.",
            "I'm sorry the {app} keeps crashing on you.",
        ),
        action=(
            "I've reproduced the crash and sent the details to our engineers.",
            "I've added your report to the bug we're tracking, with your steps attached.",
            "I'll keep this ticket open until the fix ships.",
        ),
        next=(
            "The fix is planned for the next release, and I'll email you the day it's out.",
            "I'll update you by {day} with what the engineers find.",
        ),
        details=(
            "In the meantime, exporting from the web version at {url} works.",
            "Clearing the cache in {browser} often stops the error for now.",
            "It helps us if you send the version number from the About screen.",
        ),
        jargon=(
            "It's a regression from the last deploy; eng has a JIRA for it and the hotfix is "
            "in QA.",
            "Looks like a race condition in the API gateway throwing a 5xx upstream.",
        ),
        blame=(
            "This is user error; simply follow the documentation.",
            "You didn't read the release notes, which mention this.",
        ),
    ),
    Scenario(
        key="feature_request",
        problem=(
            "the {app} doesn't let me export to CSV",
            "there's no dark mode and my eyes hurt at night",
            "I need a way to schedule reports",
        ),
        ask=("Are you planning to add it?", "Can you add this?", "Is this on the roadmap?"),
        ack=(
            "So you'd like to schedule reports so they arrive without you running them by hand.",
            "You'd like a CSV export from the {app} so you can work with the data elsewhere.",
        ),
        sorry=("I'm sorry it's not there yet.",),
        action=(
            "I've passed your request to our product team with your use case.",
            "I've added your vote to the feature request.",
        ),
        next=(
            "I'll let you know if it gets scheduled for a release.",
            "Product reviews requests every month, and I'll update this ticket after the next "
            "review.",
        ),
        details=(
            "Until then, you can copy the table and paste it into a spreadsheet.",
            "Several customers have asked for the same thing, which helps it move up the list.",
            "Our public roadmap is at {url}",
        ),
        jargon=(
            "I've filed a FR in Productboard; PMs will triage it in the next grooming session.",
            "It's in the backlog as a P3 pending capacity.",
        ),
        blame=(
            "We can't add features for individual customers.",
            "There is nothing we can do about that.",
        ),
        calm_ok=True,
    ),
    Scenario(
        key="cancellation",
        problem=(
            "I want to cancel my subscription",
            "please cancel my {plan} before the next renewal",
            "I'm trying to cancel but the button is missing",
        ),
        ask=("How do I do it?", "Please confirm once it's done.", "Will I be charged again?"),
        ack=(
            "So you'd like to cancel your {plan} before it renews on {date}.",
            "You've been looking for the cancel button and couldn't find it.",
        ),
        sorry=("I'm sorry to see you go.", "I'm sorry the cancel option was hard to find."),
        action=(
            "I've cancelled your {plan}, effective at the end of this billing period.",
            "I've turned off auto-renewal on your account.",
        ),
        next=(
            "You'll keep access until {date} and you won't be charged again.",
            "A confirmation email is on its way to {email}.",
        ),
        details=(
            "Your data stays available for 30 days in case you change your mind.",
            "If anything about the product made you leave, I'd really like to hear it.",
        ),
        jargon=(
            "I've set the sub to churn at EOT in the billing system; MRR adjustments post "
            "overnight.",
        ),
        blame=(
            "Per our policy, cancellations must be made 30 days before renewal.",
            "It's company policy that we don't offer partial refunds.",
        ),
    ),
    Scenario(
        key="refund",
        problem=(
            "I returned the {product} two weeks ago and still haven't got my money back",
            "I'd like a refund for order {order}",
            "the refund of {amount} you promised never showed up",
        ),
        ask=("Where is my refund?", "When will I see it?", "Can you check?"),
        ack=(
            "So you sent the {product} back two weeks ago and the refund of {amount} hasn't "
            "arrived.",
            "You're still waiting on the {amount} refund for order {order}.",
        ),
        sorry=(
            "I'm sorry you've had to wait this long for your money.",
            "I'm sorry the refund didn't arrive when we said it would.",
        ),
        action=(
            "I've checked and the return was received on {day}; I've processed the refund now.",
            "I've issued the refund of {amount} to your original payment method.",
        ),
        next=(
            "It should appear on your statement within {days} business days.",
            "You'll receive the refund receipt by email today.",
        ),
        details=(
            "Refunds go back to the card used for the order, ending in {last4}.",
            "Some banks list refunds under a different merchant name.",
            "The return policy is at {url} if you want to read it.",
        ),
        jargon=(
            "The RMA was stuck in pending because the WMS didn't sync with the ERP.",
            "Refund is queued in the AR batch; it'll settle after T+3.",
        ),
        blame=(
            "Refunds take 14 days, as stated in our terms.",
            "You should have included the return form in the box.",
        ),
    ),
    Scenario(
        key="how_to",
        problem=(
            "I'm not sure how to add a second user to my account",
            "I'd like to change the email address on my account",
            "I want to set up automatic backups",
        ),
        ask=("How do I do that?", "Where is the setting?", "Is there a guide?"),
        ack=(
            "You'd like to add a teammate to your account.",
            "You want to change the email you log in with.",
        ),
        sorry=("Sorry it isn't easier to find.",),
        action=(
            "Go to Settings, then Users, and click Invite.",
            "Open Settings, choose Account, and edit the Email field.",
            "Turn on Backups under Settings > Data and pick a schedule.",
        ),
        next=(
            "The new user gets an invitation email right away.",
            "You'll get a confirmation at the new address before the change takes effect.",
        ),
        details=(
            "Our step-by-step guide with screenshots is at {url}",
            "Only account owners can see the Users page.",
            "Backups run at night in your local time zone.",
        ),
        jargon=(
            "You'll need the admin RBAC role; provisioning via SCIM is also supported.",
            "It's under the org-level config; just propagate the change and clear the CDN cache.",
        ),
        blame=(
            "Simply follow the guide, it's easy.",
            "This is explained in the FAQ.",
        ),
        calm_ok=True,
    ),
    Scenario(
        key="outage",
        problem=(
            "your site has been down all morning",
            "the dashboard won't load and my whole team is blocked",
            "nothing works since {day}",
        ),
        ask=("When will it be back?", "What is going on?", "Is it just me?"),
        ack=(
            "So the dashboard hasn't loaded for you or your team since this morning.",
            "You've been unable to use the service for several hours.",
        ),
        sorry=(
            "I'm sorry for the downtime, I know your team depends on us.",
            "I'm sorry the outage stopped your work this morning.",
        ),
        action=(
            "Our engineers found the cause and are rolling out a fix right now.",
            "I'm watching the incident and will update you as soon as it's resolved.",
        ),
        next=(
            "We expect service to be fully back within {hours} hours; live updates are at {url}",
            "I'll write to you once everything is back to normal.",
        ),
        details=(
            "No data was lost; everything saved before the outage is safe.",
            "We'll publish a full report on what happened and how we'll prevent it.",
            "Accounts on the {plan} get a service credit for the downtime.",
        ),
        jargon=(
            "A bad DNS change is still propagating; the NOC rolled back and the TTL should "
            "expire soon.",
            "We had a Sev1 in us-east-1; the RCA will follow once the postmortem is done.",
        ),
        blame=(
            "There is nothing we can do until the engineers fix it.",
            "Please calm down, the team is working on it.",
        ),
    ),
    Scenario(
        key="address_change",
        problem=(
            "I put the wrong shipping address on order {order}",
            "I moved and need the package sent to my new address",
        ),
        ask=("Can you change it?", "Is it too late?", "Please update it."),
        ack=(
            "So order {order} has your old address and needs to go to {street}, {city}.",
            "You'd like the parcel redirected to your new address.",
        ),
        sorry=("I'm sorry for the hassle.",),
        action=(
            "I've updated the address on order {order} to {street}, {city}.",
            "I've asked the carrier to redirect the parcel.",
        ),
        next=(
            "The order ships tomorrow to the new address.",
            "You'll get updated tracking by email within {hours} hours.",
        ),
        details=(
            "Address changes are possible until the parcel leaves the warehouse.",
            "You can update your default address under Account > Addresses.",
        ),
        jargon=("I've amended the ASN and the WMS will re-label before pick-pack.",),
        blame=(
            "We can't change an address once the order is placed.",
            "You should have double-checked the address at checkout.",
        ),
        calm_ok=True,
    ),
    Scenario(
        key="account_deletion",
        problem=(
            "I want my account and all my data deleted",
            "please remove my personal data under GDPR",
        ),
        ask=("How long does it take?", "Please confirm.", "Can you do it today?"),
        ack=(
            "You'd like your account and personal data deleted.",
            "So you're asking us to erase your data.",
        ),
        sorry=("I'm sorry to see you go.",),
        action=(
            "I've started the deletion of your account and the data linked to {email}.",
            "I've submitted the erasure request for you.",
        ),
        next=(
            "Deletion is completed within 30 days and you'll get a confirmation email.",
            "You'll receive a final confirmation at {email} once it's done.",
        ),
        details=(
            "Invoices must be kept for tax reasons, but they're no longer linked to a profile.",
            "If you change your mind in the next 7 days, reply here and I'll cancel the request.",
        ),
        jargon=("The DSAR is logged; PII will be purged from prod and backups per the DPA.",),
        blame=("Per our policy, deletion requests take 30 days.",),
    ),
    Scenario(
        key="wrong_item",
        problem=(
            "I ordered a {product} but received something else",
            "order {order} contained the wrong size",
        ),
        ask=("Can you send the right one?", "What do I do with this one?"),
        ack=(
            "So order {order} arrived with the wrong item instead of your {product}.",
            "You received the wrong size in order {order}.",
        ),
        sorry=("I'm sorry we sent the wrong item.", "I'm sorry about the mix-up with your order."),
        action=(
            "I've sent the correct {product} by express shipping at no cost.",
            "I've arranged a pickup for the wrong item.",
        ),
        next=(
            "The right one arrives by {day}, and the courier collects the other on the same day.",
            "Tracking will reach you by email within {hours} hours.",
        ),
        details=(
            "You don't need to pay anything for the return.",
            "Keep the wrong item in its packaging until the courier comes.",
        ),
        jargon=("It was a mis-pick at the DC; I've raised an NCR with the warehouse.",),
        blame=("You may have selected the wrong size at checkout.",),
    ),
    Scenario(
        key="password_reset",
        problem=(
            "the password reset email never arrives",
            "I forgot my password and the reset link has expired",
        ),
        ask=("Can you send it again?", "How do I reset it?"),
        ack=(
            "So the password reset email isn't reaching {email}.",
            "Your reset link expired before you could use it.",
        ),
        sorry=("I'm sorry you're stuck outside your account.",),
        action=(
            "I've sent a fresh reset link to {email}.",
            "I've checked and our emails to you were bouncing; I've cleared the block.",
        ),
        next=(
            "The link is valid for {hours} hours.",
            "It should arrive within a few minutes; check the spam folder too.",
        ),
        details=(
            "Emails come from no-reply@{domain}, so adding that to your contacts helps.",
            "You can also reset from the app under Settings > Security.",
        ),
        jargon=(
            "Your address was on the ESP suppression list after a hard bounce; I've whitelisted "
            "it.",
        ),
        blame=("You must have typed your email wrong.",),
        calm_ok=True,
    ),
    Scenario(
        key="invoice",
        problem=(
            "I need an invoice with our company VAT number",
            "the invoice for {date} has the wrong company name",
        ),
        ask=("Can you reissue it?", "Where can I download invoices?"),
        ack=(
            "You need the {date} invoice reissued with your VAT number.",
            "The invoice shows the wrong company name.",
        ),
        sorry=("I'm sorry the invoice was wrong.",),
        action=(
            "I've reissued the invoice with the correct details and attached it here.",
            "I've added your VAT number to the billing profile.",
        ),
        next=(
            "Future invoices will include it automatically.",
            "You'll find every invoice under Billing > History from now on.",
        ),
        details=(
            "The amount stays the same: {amount}.",
            "If your finance team needs a credit note for the old invoice, I can send one.",
        ),
        jargon=("I've regenerated the PDF from the AR ledger and re-synced the CRM record.",),
        blame=("You entered the company name yourself at signup.",),
        calm_ok=True,
    ),
)
