"""Which register a reply is written in, from Zendesk's via channel.

Zendesk names a ticket's channel with a via type (``ticket.via.channel``: "email",
"web", "api", "chat", "native_messaging", "whatsapp", "twitter", "facebook",
"voice", ...). What a good reply looks like depends on the register, not on the
exact channel:

- ``email``: a letter. Greeting, body and an open door at the end are expected.
  Web forms, the API, the help center and voice follow-ups all reach the customer
  as an email, so they are written as one.
- ``chat``: a live or asynchronous conversation (chat, Zendesk messaging,
  WhatsApp, SMS, Messenger, LINE, ...). The widget already greeted; the next
  message is a turn in a conversation, so no greeting or closing is asked for,
  and a one- or two-sentence turn is not asked to make every move.
- ``social``: a public post or reply (Twitter/X, Facebook and Instagram posts).
  Short, public, addressed by @handle; expectations as for chat.

Without a channel the coach infers what the text shows (a reply that starts with
an @handle is social) and otherwise assumes email.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from plugin.coach import handles

Register = Literal["email", "chat", "social"]
REGISTERS: tuple[Register, ...] = ("email", "chat", "social")

_EMAIL = (
    "email mail web web_form web_service web_widget api mobile mobile_sdk help_center "
    "voice phone_call_inbound phone_call_outbound voicemail rule closed_ticket "
    "ticket_sharing sample_ticket batch merge linked_problem side_conversation "
    "any_channel"
)
_CHAT = (
    "chat chat_transcript chat_offline_message native_messaging messaging whatsapp sms "
    "text messagebird_sms twilio_sms line wechat telegram viber kakaotalk instagram_dm "
    "facebook_messenger facebook_message facebook_private_message messenger "
    "apple_business_chat apple_messages_for_business google_business_messages google_rcs "
    "slack twitter_dm twitter_direct_message sunshine_conversations_api "
    "sunshine_conversations_facebook_messenger sunshine_conversations_twitter_dm"
)
_SOCIAL = (
    "twitter twitter_reply twitter_favorite x facebook facebook_post facebook_wall_post "
    "facebook_wall_reply instagram instagram_comment youtube"
)
CHANNELS: dict[str, Register] = {
    **{name: "email" for name in _EMAIL.split()},
    **{name: "chat" for name in _CHAT.split()},
    **{name: "social" for name in _SOCIAL.split()},
}


@dataclass(frozen=True, slots=True)
class Channel:
    name: str  # the via channel as given ("whatsapp"), or "" when none was given
    register: Register
    inferred: bool  # the register was read from the text, not from a known channel


def resolve(name: str | None, text: str) -> Channel:
    """The register for ``name`` (a Zendesk via type, any case); inferred when unknown."""
    key = (name or "").strip().lower().replace("-", "_").replace(" ", "_")
    register = CHANNELS.get(key)
    if register is not None:
        return Channel(key, register, inferred=False)
    guess: Register = "social" if handles.starts_with_handle(text) else "email"
    return Channel(key, guess, inferred=True)
