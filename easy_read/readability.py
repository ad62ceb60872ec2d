"""Reading age of any child-facing text or HTML page.

Formula (documented so that editors can check a number by hand):

    grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59
    reading age = grade + 5, never below 5

``grade`` is the Flesch–Kincaid grade level, a US school year. A US grade 1 child is
6 to 7, so adding 5 gives roughly the youngest age that reads the text comfortably at the
end of that school year (the usual conversion, also used by textstat's docs and most UK
readability tools). Below age 5 the formula stops meaning anything, so we stop there.

Counting: sentences and words come from ``easy_read.text`` (a new line ends a sentence,
because Easy Read lines often have no full stop). Syllables per word are the larger of
two counts: Pyphen's hyphenation points + 1 (the counter textstat falls back to) and the
number of vowel groups less a silent final "e" or "-ed". Pyphen alone misses vowels
that meet at a word's edge ("idea", "video"). A number written in digits counts as 1
syllable: Easy Read asks for digits, so they must not make a text look harder.

Why not ``textstat.flesch_kincaid_grade``: textstat 0.7.13 counts syllables with NLTK's
CMU dictionary and, when that is not on disk, downloads it from the internet on first
use. That fails offline (and here) and would make a page view wait on the network. The
formula above is the same one textstat uses; only the syllable counter differs.

HTML is accepted: only the text a reader sees is measured (no script, style, head,
template, svg or ``hidden`` elements); block tags and ``<br>`` end a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

import pyphen

from easy_read.text import Sentence, split_sentences, words

MIN_READING_AGE = 5.0
_LOOKS_LIKE_HTML = re.compile(r"<(?:[a-zA-Z][\w-]*|/[a-zA-Z][\w-]*|!--|!doctype)[\s>/]", re.IGNORECASE)
_SKIP_TAGS = frozenset({"script", "style", "head", "template", "svg", "noscript", "title"})
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# Tags after which a reader sees a new line: a heading without a full stop must not run
# into the paragraph under it.
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "label", "legend", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "td", "th", "tr", "ul", "button", "option",
    }
)  # fmt: skip


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        # Open elements and whether each hides its content; a stack (not a counter) so
        # that unclosed <p> or <li>, common in real HTML, do not break hiding.
        self._open: list[tuple[str, bool]] = []

    @property
    def _hidden(self) -> bool:
        return any(hidden for _, hidden in self._open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag in _VOID_TAGS:
            return
        names = {name for name, _ in attrs}
        hidden = tag in _SKIP_TAGS or "hidden" in names
        self._open.append((tag, hidden))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                break

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The words a reader sees on an HTML page, one block (paragraph, item, heading) a line."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _plain(text: str) -> str:
    return visible_text(text) if _LOOKS_LIKE_HTML.search(text) else text


_HYPHENATOR = pyphen.Pyphen(lang="en_US")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def _vowel_groups(part: str) -> int:
    count = len(_VOWEL_GROUP.findall(part))
    if count > 1 and part.endswith("e") and not part.endswith(("le", "ee", "ye")):
        count -= 1  # make, because
    if count > 1 and part.endswith("ed") and len(part) > 3 and part[-3] not in "td":
        count -= 1  # changed, listened
    return count


@lru_cache(maxsize=8192)
def syllables(word: str) -> int:
    """Syllables in one word (see the module notes)."""
    if any(c.isdigit() for c in word):
        return 1
    total = 0
    for part in re.split(r"[-.]", word.lower().replace("’", "").replace("'", "")):
        letters = "".join(c for c in part if c.isalpha())
        if letters:
            total += max(1, len(_HYPHENATOR.positions(letters)) + 1, _vowel_groups(letters))
    return max(1, total)


def _grade(sentences: list[Sentence]) -> float | None:
    word_list = [w for s in sentences for w in words(s.text)]
    if not word_list:
        return None
    syllable_total = sum(syllables(w) for w in word_list)
    return 0.39 * len(word_list) / len(sentences) + 11.8 * syllable_total / len(word_list) - 15.59


def flesch_kincaid_grade(text: str) -> float:
    """Flesch–Kincaid grade of plain text or HTML; 0.0 when there are no words."""
    grade = _grade(split_sentences(_plain(text)))
    return 0.0 if grade is None else grade


def reading_age_of_sentences(sentences: list[Sentence]) -> float:
    """Reading age of text already split by ``easy_read.text.split_sentences``."""
    grade = _grade(sentences)
    return 0.0 if grade is None else round(max(MIN_READING_AGE, grade + 5.0), 1)


def reading_age(text: str) -> float:
    """Reading age in years (one decimal) of plain text or HTML; 0.0 when there are no words."""
    return reading_age_of_sentences(split_sentences(_plain(text)))
