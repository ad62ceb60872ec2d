"""Turn an Easy Read text into points with a pictogram each, ready for a template.

Easy Read puts one idea on each line (or paragraph), with a picture beside it. The
pictures are OpenMoji SVGs vendored in ``static/pictograms/`` (see ATTRIBUTION.md there).
A point whose words match no pictogram gets ``None``: a wrong picture confuses a reader
more than no picture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from easy_read.glossary import GlossaryEntry, find_entries

_LIST_MARKER = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
_TOKEN = re.compile(r"£|[a-z0-9]+(?:['’][a-z]+)?")


@dataclass(frozen=True)
class Pictogram:
    key: str
    file: str
    label: str
    keywords: frozenset[str]

    def to_dict(self) -> dict[str, str]:
        return {"key": self.key, "file": self.file, "label": self.label}


def _p(key: str, code: str, label: str, words: str) -> Pictogram:
    return Pictogram(key, f"{code}.svg", label, frozenset(words.split()))


# In order of priority: when two pictograms match a point equally well, the first wins,
# so a topic (school, doctor) beats a feeling, and a feeling beats an everyday action
# (talk, ask, done) that fits almost any "you said, we did" sentence.
PICTOGRAMS: tuple[Pictogram, ...] = (
    _p("school", "1F3EB", "School", "school teacher teachers class classroom lesson lessons pupil pupils "
       "homework college exam exams uniform headteacher playground curriculum"),
    _p("health", "1F9D1-200D-2695-FE0F", "Doctor", "doctor doctors gp nurse nurses hospital health ill "
       "sick medicine camhs dentist therapist counsellor counselling mental"),
    _p("police", "1F46E", "Police", "police officer officers crime court courts justice arrested"),
    _p("money", "1F4B7", "Money", "money pound pounds £ cost costs pay paid cash budget afford price"),
    _p("phone", "1F4F1", "Phone", "phone phones call calls text texts mobile ring childline helpline"),
    _p("computer", "1F4BB", "Computer", "online internet computer computers website websites app apps "
       "email laptop screen screens game games gaming"),
    _p("family", "1F46A", "Family", "family families mum mums dad dads parent parents brother brothers "
       "sister sisters grandparent grandparents gran nan grandma grandad carer carers foster"),
    _p("home", "1F3E0", "Home", "home homes house houses housing bedroom flat placement placements"),
    _p("work", "1F4BC", "Work", "work job jobs apprenticeship employer career careers training"),
    _p("world", "1F30D", "World", "world country countries england uk global refugee refugees asylum abroad"),
    _p("law", "2696", "Law", "law laws right rights legislation government parliament fair unfair"),
    _p("safety", "1F6E1", "Safe", "safe safety danger dangerous harm protect protected safeguarding risk"),
    _p("friends", "1F9D1-200D-1F91D-200D-1F9D1", "Friends", "friend friends together club clubs team"),
    _p("sad", "1F622", "Sad", "sad upset worried worry worries scared lonely unhappy cry crying angry "
       "bullied bullying hurt"),
    _p("happy", "1F600", "Happy", "happy glad great fun enjoy enjoyed proud smile pleased thank thanks"),
    _p("calendar", "1F4C5", "Date", "date dates day days week weeks month months year years calendar soon "
       "january february march april may june july august september october november december "
       "monday tuesday wednesday thursday friday saturday sunday summer autumn winter spring"),
    _p("idea", "1F4A1", "Idea", "idea ideas think thought plan plans suggest suggested imagine"),
    _p("listen", "1F442", "Listen", "listen listened listening hear heard"),
    _p("talk", "1F5E3", "Talk", "talk talked talking say said tell telling told speak spoke voice views "
       "chat"),
    _p("question", "2753", "Question", "question questions ask asked asking why"),
    _p("postbox", "1F4EE", "Post-box", "postbox post-box post letter letters wrote write writing sent send"),
    _p("message", "1F4AC", "Message", "message messages comment comments feedback survey surveys"),
    _p("read", "1F4D6", "Read", "read reading book books report reports leaflet"),
    _p("done", "2705", "Done", "done did changed change changes finished agreed yes fixed made"),
    _p("child", "1F9D2", "Child", "child children kids young"),
)  # fmt: skip


@dataclass(frozen=True)
class Point:
    text: str
    pictogram: Pictogram | None

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "pictogram": self.pictogram.to_dict() if self.pictogram else None}


def _tokens(text: str) -> list[str]:
    tokens = _TOKEN.findall(text.lower().replace("post-box", "postbox"))
    # "schools" -> also try "school": cheaper and more predictable than a stemmer.
    return tokens + [t[:-1] for t in tokens if t.endswith("s") and len(t) > 3]


def pick_pictogram(text: str) -> Pictogram | None:
    """The pictogram whose keywords appear most in ``text``; ties go to the earlier one
    in ``PICTOGRAMS``. A point ending in "?" gets the question mark unless a topic wins."""
    tokens = _tokens(text)
    best: Pictogram | None = None
    best_hits = 0
    for pictogram in PICTOGRAMS:
        hits = sum(1 for t in tokens if t in pictogram.keywords)
        if pictogram.key == "question" and text.rstrip().endswith("?"):
            hits += 1
        if hits > best_hits:
            best, best_hits = pictogram, hits
    return best


def points(text: str) -> list[Point]:
    """One point per non-empty line or paragraph of ``text``, list markers removed."""
    result = []
    for line in text.splitlines():
        line = _LIST_MARKER.sub("", line).strip()
        if line:
            result.append(Point(line, pick_pictogram(line)))
    return result


def points_for_template(text: str) -> list[dict[str, object]]:
    """``points`` as plain dicts: ``{"text", "pictogram": {"key", "file", "label"} | None}``;
    a template links the picture with ``url_for('static', path='/pictograms/' ~ file)``."""
    return [p.to_dict() for p in points(text)]


def glossary_box(text: str) -> list[GlossaryEntry]:
    """The glossary entries used in ``text``, once each, in the order they first appear."""
    seen: dict[str, GlossaryEntry] = {}
    for _, _, entry in find_entries(text):
        seen.setdefault(entry.term, entry)
    return list(seen.values())
