"""Sample texts shared by the Easy Read tests."""

from __future__ import annotations

GOOD = """You told us that waiting for help is hard.
We asked the council to answer you in 2 weeks.
The council said yes to this.
An advocate is someone who helps you speak up.
You can ask for an advocate at any time."""

GOOD_WITH_BULLETS = """What you told us
- You want more quiet places at school.
- You want to see a doctor quickly.
What we did
- We wrote to 20 schools about quiet rooms.
- We talked to doctors about waiting times."""

LONG_SENTENCE = (
    "We went to lots of schools and clubs in every part of the country to talk to children "
    "and young people about what they think and what they want now."
)  # 30 words

PASSIVE = "The rule was changed last week."

NUMBER_IN_WORDS = "We talked to twenty children."

UNEXPLAINED = "We have a new safeguarding plan."

ADULT_POLICY = (
    "The Commissioner recommends that local authorities implement comprehensive safeguarding "
    "arrangements, ensuring that statutory partners collaborate effectively to facilitate "
    "multi-agency information sharing, thereby improving outcomes for vulnerable children and young "
    "people across England. Consequently, commissioning organisations should prioritise investment in "
    "preventative early intervention services."
)
