"""Words an agent can send without reading twice.

Every suggestion the coach offers passes through here before the agent sees it:

- ``register``: the situation the customer is in (bereavement, illness, money
  trouble or fraud, safety, worry, an upset or a plain message) picks the
  register of fitted wording;
- ``fitting``: the customer's problem goes into a template slot only when it
  reads right in that frame;
- ``promise``: whether the draft leaves something open, so a timed promise is
  offered only then;
- ``placement``: where the reply's body ends (before any sign-off, signature,
  placeholder or quoted text) and where HTML inserts land in the source;
- ``checks``: each edit read in its sentence (doubled words, determiner and
  article clashes, broken splits, a deletion that changes the meaning...);
- ``slots``: ``{time}``-style slots the agent must fill, and the finding that
  says one is still open;
- ``vet``: the gate that drops a suggestion failing any check (logging only
  its rule id).
"""
