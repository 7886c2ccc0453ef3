"""What a denial denies: the claim its words point to, or nothing.

A denial's text is the object of its verb ("the report", "the findings of the Coastal
Rights Monitor", "reports of the detention, torture, and murder of gay men in April", "the
study's conclusion that bed shortages were the main cause"), with what the denier called
it when the sentence says ("the accusation as cynical and untrue": that verdict is not
read, :func:`_verdict_at`). Three things in it tell which claim it rejects, and the rules
use nothing else:

- the **head**: a report-like noun (report, findings, study ...) points to findings; a
  claim-like noun (claim, allegation, accusation ...) to what someone claimed, alleged or
  accused; no such noun (a denial "that ...") to any statement;
- the **source**, when the text names it in a source's place ("X's report", "the report by
  X", "the findings of X", "a report in X"): only X's statements, or those published by X;
- the **content words** after the head.

With content words, the target is the statement whose words share the most of them (at
least :data:`MIN_SHARED` and :data:`MIN_SHARE` of them; more across articles without a
named source), among findings first for a report-like head and what was claimed first
for a claim-like one; any other statement must say nearly what the denial names (most of
both texts' words and of the rare ones, the same polarity). And only when no other claim
shares as many: a tie is not a reading, it is a guess. Without content words ("the
report", "the claim"), the target is named by its source, or is one spoken of in the
denial's own paragraph or the one before, and of one source only: the findings of that
source's report (all of its claims), or the one statement whose cue matches a claim-like
head ("denied the claim" after "X claimed"). A denial never denies its own speaker, nor
anything published after it.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.claims.items import Item
from kg.claims.text import content_stems, negated, stem, wordlist

if TYPE_CHECKING:
    from kg.resolve import Resolution

#: Nouns that name a report and what it found (the target is a finding).
REPORT_HEADS = wordlist(
    """
    report reports reporting finding findings study studies investigation investigations
    survey surveys audit audits analysis analyses research paper papers review inquiry
    probe conclusion conclusions data figures statistics numbers dossier article articles
    story stories
    """
)
#: Nouns that name what someone claimed, and the cue words that make one.
CLAIM_HEADS: dict[str, tuple[str, ...]] = {
    "claim": ("claim",),
    "claims": ("claim",),
    "allegation": ("alleg",),
    "allegations": ("alleg",),
    "accusation": ("accus",),
    "accusations": ("accus",),
    "charge": ("charg", "accus"),
    "charges": ("charg", "accus"),
    "suggestion": ("suggest",),
    "suggestions": ("suggest",),
    "assertion": ("assert",),
    "assertions": ("assert",),
    "criticism": ("critic",),
    "criticisms": ("critic",),
    "characterization": ("characteri", "call"),
    "characterisation": ("characteri", "call"),
    "account": ("describ", "recount", "recall"),
    "accounts": ("describ", "recount", "recall"),
    "rumour": ("rumour",),
    "rumours": ("rumour",),
    "rumor": ("rumor",),
    "rumors": ("rumor",),
}
_PLURAL_CLAIMS = frozenset(k for k in CLAIM_HEADS if k.endswith("s") and k != "claims") | {"claims"}
#: Words around a head that say nothing of what was reported.
_FILLER = wordlist(
    """
    least latest new recent earlier previous initial first second several some media press
    published released posted given made widely
    """
)
#: Cue words that name no act of their own ("said", "told"): left out of a target's words.
_PLAIN_CUES = wordlist("said says say saying told tell tells added according")

MIN_SHARED = 2
MIN_SHARE = 0.3
#: Across articles, with no source named, the bar is higher.
MIN_SHARED_FAR = 3
MIN_SHARE_FAR = 0.5
#: A stem in more statements than this is too common to look for a denial's target by in
#: other articles (a target is found through its rarer words): it bounds each search.
MAX_POSTING = 2000
#: "The report" with no name refers to one spoken of in its own paragraph or the one
#: before: how many paragraphs back its source may be last heard.
NEAR_PARAGRAPHS = 1
#: A statement that is neither a finding under "the report" nor what someone claimed
#: under "the claim" must say nearly what the denial names: this much of the denial's
#: words (all but one in five: "any involvement in the attacks" is not "the attacks"), this
#: much of its own, and this much of the denial's rare words (by inverse document
#: frequency).
STRICT_SHARE = 0.8
STRICT_TARGET_SHARE = 0.6
STRICT_RARE = 0.5

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_BEFORE = re.compile(r"^(?:['’]s?)?\s+(?:[\w-]+\s+){0,3}$")
_AFTER = re.compile(
    r"^\s+(?:(?:published|released|issued|commissioned|compiled|carried|written|led)\s+)?"
    r"(?:by|from|of|in)\s+(?:[\w’'-]+\s+){0,3}$"
)
_TOPIC = re.compile(r"^\s+(?:on|about|into|over|regarding|concerning)\s")
_CLOSED = re.compile(
    r"^(?:\s*$|['’]s?\b|\s*[,;:()—–-]|\s+(?:that|which|published|released|on|about|last|"
    r"this|earlier|in|saying|as)\b)"
)


@dataclass(frozen=True)
class Reading:
    """What a denial's words say of its object."""

    head: str | None  # the head noun as written (lower case), or None
    kind: str  # "report", "claim" or "any"
    sources: frozenset[str]  # IRIs named as the source of the denied thing
    content: frozenset[str]  # content stems after the head
    about: frozenset[str]  # entities named in it that are not its source
    negated: bool = False  # the denied thing is itself put in the negative
    topic: bool = False  # the words after the head name a topic ("findings on evictions")

    @property
    def plural(self) -> bool:
        return self.head in _PLURAL_CLAIMS or self.kind == "report"


def read_denial(item: Item, names: dict[str, Sequence[str]], speakers: set[str]) -> Reading:
    """Read a denial's text (``names``: the names of the entities it mentions, by IRI;
    ``speakers``: the IRIs that stand as a source anywhere in the corpus)."""
    text = item.text.replace("’", "'")
    low = text.lower()
    tokens = [(m.group(0).lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
    head, kind, at = None, "any", None
    for word, start, end in tokens:
        base = word[:-2] if word.endswith("'s") else word
        if base in REPORT_HEADS:
            head, kind, at = base, "report", (start, end)
            break
        if base in CLAIM_HEADS:
            head, kind, at = base, "claim", (start, end)
            break
    sources: set[str] = set()
    named_spans: list[tuple[int, int]] = []
    for iri, forms in sorted(names.items()):
        for form in forms:
            f = form.replace("’", "'").lower()
            if not f:
                continue
            for start, end in _whole_words(f, low):
                named_spans.append((start, end))
                if at is None or iri not in speakers or iri == item.speaker:
                    continue
                before = end <= at[0] and _BEFORE.match(text[end : at[0]] + " ")
                after = (
                    start >= at[1]
                    and _AFTER.match(text[at[1] : start])
                    and _CLOSED.match(text[end:])
                )
                if before or after:
                    sources.add(iri)
    after = at[1] if at is not None else 0
    verdict = _verdict_at(tokens, after)
    rest = [
        w
        for w, s, e in tokens
        if after <= s < verdict and not any(a < e and s < b for a, b in named_spans)
    ]
    content = content_stems(tuple(rest)) - {stem(h) for h in REPORT_HEADS | set(CLAIM_HEADS)}
    content -= {stem(w) for w in _FILLER}
    topic = at is not None and bool(_TOPIC.match(text[at[1] :]))
    return Reading(
        head,
        kind,
        frozenset(sources),
        frozenset(content),
        item.about - sources,
        negated(tuple(rest)),
        topic,
    )


def _verdict_at(tokens: list[tuple[str, int, int]], after: int) -> float:
    """Where what the denier called the thing denied begins ("dismissed the accusation as
    cynical and untrue": at "as"), so that only the thing itself is read; an "as" inside
    a clause of what was claimed ("the claim that he acted as a broker") is the claim's.
    Infinity when the text has no verdict."""
    for word, start, _ in tokens:
        if start < after:
            continue
        if word in ("that", "which", "who", "whether"):
            break
        if word == "as":
            return start
    return math.inf


def _whole_words(phrase: str, text: str) -> list[tuple[int, int]]:
    """Where ``phrase`` stands in ``text`` as whole words (no word character either
    side), left to right and not overlapping: what ``re.finditer`` finds for
    ``(?<!\\w)phrase(?!\\w)``, without compiling a pattern per name."""
    out = []
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not _word_char(text[at - 1])) and (
            end == len(text) or not _word_char(text[end])
        ):
            out.append((at, end))
            at = text.find(phrase, end)
        else:
            at = text.find(phrase, at + 1)
    return out


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _has_capital(name: str) -> bool:
    """Whether a name has a capital letter (an ASCII name told without walking it: this
    runs over every name of every source in the corpus at every build)."""
    if name.isascii():
        return name != name.lower()
    return any(c.isupper() for c in name)


class SourceNames:
    """The names of every entity that is a source somewhere in the corpus, to find them in
    a denial's words even where extraction did not list them as mentioned ("rejected the
    Coastal Rights Monitor's findings"). Only names with a capital letter, and only those
    that name one entity: "the ministry" or a surname two people share is no name here."""

    def __init__(self, resolution: Resolution, speakers: set[str]):
        owners: dict[str, set[str]] = defaultdict(set)
        for iri in speakers:
            ent = resolution.entities.get(iri)
            if ent is None:
                continue
            for name in ent.names | {ent.label}:
                if len(name) >= 3 and _has_capital(name):
                    owners[name.replace("’", "'").casefold()].add(iri)
        self.names: dict[str, tuple[str, str]] = {}  # folded name -> (IRI, name)
        for folded, iris in owners.items():
            if len(iris) == 1:
                self.names[folded] = (next(iter(iris)), folded)
        self.longest = max((len(n.split()) for n in self.names), default=0)

    def found_in(self, text: str) -> dict[str, tuple[str, ...]]:
        """Entity IRI -> the names of it that stand in ``text`` (as whole words)."""
        words = re.findall(r"[^\W_]+(?:[.'’&-][^\W_]+)*\.?", text.replace("’", "'"))
        folded = [w.casefold() for w in words]
        out: dict[str, set[str]] = defaultdict(set)
        for i in range(len(folded)):
            for n in range(min(self.longest, len(folded) - i), 0, -1):
                phrase = " ".join(folded[i : i + n])
                if n == 1 and not words[i][:1].isupper():
                    continue  # a one-word name stands capitalised ("Watch", not "watch")
                for form in (phrase, phrase.removesuffix("'s")):
                    hit = self.names.get(form)
                    if hit is not None:
                        out[hit[0]].add(hit[1])
        return {iri: tuple(sorted(ns)) for iri, ns in sorted(out.items())}


class Targets:
    """The statements a denial may deny, indexed by speaker, publisher, article and stem."""

    def __init__(self, items: Sequence[Item], claim_of: Mapping[Any, str]):
        """``items``: the statements (denials are left out); ``claim_of``: the claim of
        each, by its position in ``items``. :mod:`kg.claims.state` fills the same fields
        from the build cache instead, keyed by statement IRI."""
        self.items: Any = items
        self.claim_of: Any = claim_of
        self.by_source: Any = defaultdict(list)
        self.by_article: Any = defaultdict(list)
        self.by_stem: Any = defaultdict(list)
        self.words: Any = {}
        self.reports: Any = {}  # a report though not typed a finding (_reports)
        self.size = 0
        self.read_size = False
        self.probed: list[str] | None = None  # the stems a denial's search walked
        for i, it in enumerate(items):
            if it.kind == "Denial":
                continue
            self.by_source[it.speaker].append(i)
            if it.publisher and it.publisher != it.speaker:
                self.by_source[it.publisher].append(i)
            self.by_article[it.article].append(i)
            self.size += 1
            self.reports[i] = _reports(it)
            self.words[i] = target_words(it)
            for s in self.words[i]:
                self.by_stem[s].append(i)

    @property
    def speakers(self) -> set[str]:
        """Every IRI that stands as a source (a speaker, or the outlet that published)."""
        return set(self.by_source)

    def link(self, d: Item, reading: Reading) -> list[int]:
        """The claims (their numbers in ``claim_of``) the denial ``d`` denies, or none."""
        if reading.content and len(reading.content) >= MIN_SHARED:
            found = self._by_content(d, reading)
            if found or not (reading.sources and reading.topic):
                return found
            # "X's findings on evictions": the topic names no claim, the source a report
            return self._by_reference(d, reading, topic_only=True)
        return self._by_reference(d, reading)

    # --- with content words ------------------------------------------------------------

    @staticmethod
    def near_least(r: Reading) -> int:
        """How much a statement must share with the denial's reading to be a candidate
        target (:meth:`shared`); the claims state checks its kept links by the same rule."""
        return max(MIN_SHARED, math.ceil(MIN_SHARE * len(r.content)))

    @staticmethod
    def shared(r: Reading, words: set[str], it: Item) -> int:
        """How many of the denial's content stems and named entities a statement shares."""
        return len(r.content & words) + len(r.about & it.about)

    def _by_content(self, d: Item, r: Reading) -> list[int]:
        near_least = self.near_least(r)
        if r.sources:
            pool = {i for s in sorted(r.sources) for i in self.by_source[s]}
        else:
            self.probed = self.probe(r)
            pool = {i for s in self.probed for i in self.by_stem.get(s, ())}
            pool.update(self.by_article.get(d.article, ()))
        shared_of: dict[int, int] = {}
        for i, shared in self._shared(r, pool, near_least).items():
            if shared >= near_least and self._allowed(d, self.items[i]):
                shared_of[i] = shared
        for tier, strict in self._tiers(r, set(shared_of)):
            scored: dict[int, int] = {}
            for i in tier:
                it = self.items[i]
                shared = shared_of[i]
                near = bool(r.sources) or it.article == d.article
                if not self._enough(r, it, shared, near, strict):
                    continue
                c = self.claim_of[i]
                scored[c] = max(scored.get(c, 0), shared)
            if scored:
                ranked = sorted(scored.items(), key=lambda kv: kv[1], reverse=True)
                if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
                    return []  # two claims read equally well: no telling which
                return [ranked[0][0]]
        return []

    def probe(self, r: Reading) -> list[str]:
        """The stems whose statements a denial naming no source looks through: elsewhere
        a target shares at least ``least`` of the content stems, so it holds one of the
        rarest len - least + 1 of them (common stems are never walked)."""
        size = len(r.content)
        least = max(MIN_SHARED_FAR, math.ceil(MIN_SHARE_FAR * size))
        rare = sorted(r.content, key=lambda s: (len(self.by_stem.get(s, ())), s))
        return [
            s
            for s in rare[: max(1, size - least + 1)]
            if len(self.by_stem.get(s, ())) <= MAX_POSTING
        ]

    def _shared(self, r: Reading, pool: set[Any], least: int = 0) -> dict[Any, int]:
        """For each statement of ``pool``: how many of the denial's content stems and
        named entities it shares (those that share fewer than ``least`` may be left out)."""
        return {i: self.shared(r, self.words[i], self.items[i]) for i in pool}

    def _enough(self, r: Reading, it: Item, shared: int, near: bool, strict: bool) -> bool:
        """Whether a target shares enough of the denial's words. A finding under "the
        report", or what someone claimed under "the claim", needs a share of the words;
        any other statement must say nearly the same thing: most of its own words, most
        of the rare ones, the same polarity."""
        size = len(r.content)
        if not strict:
            if near:
                return shared >= max(MIN_SHARED, MIN_SHARE * size)
            return shared >= max(MIN_SHARED_FAR, MIN_SHARE_FAR * size)
        own = len(r.content & it.stems)  # words only: a shared name is no shared claim
        if own < max(MIN_SHARED if near else MIN_SHARED_FAR, STRICT_SHARE * size):
            return False
        if own < STRICT_TARGET_SHARE * len(it.stems):
            return False
        if r.negated != it.negated:
            return False
        weight = {s: self._idf(s) for s in r.content}
        found = sum(weight[s] for s in r.content & it.stems)
        return found >= STRICT_RARE * sum(weight.values())

    def _idf(self, s: str) -> float:
        self.read_size = True  # what was found depends on the corpus's size
        return math.log((self.size + 1) / (len(self.by_stem.get(s, ())) + 1)) + 1.0

    def _tiers(self, r: Reading, pool: set[int]) -> list[tuple[list[int], bool]]:
        """Where to look, in turn, and whether the strict test applies there."""
        ordered = sorted(pool, key=lambda i: self.items[i].order)
        if r.kind == "report":
            found = [i for i in ordered if self.items[i].kind == "Finding"]
            taken = set(found)
            news = [i for i in ordered if i not in taken and self.reports[i]]
            taken |= set(news)
            return [(found, False), (news, False), ([i for i in ordered if i not in taken], True)]
        if r.kind == "claim":
            made = [i for i in ordered if _cue_matches(self.items[i].cue, r.head)]
            taken = set(made)
            return [(made, False), ([i for i in ordered if i not in taken], True)]
        return [(ordered, True)]

    # --- by reference alone ("the report", "the claim") --------------------------------

    def _by_reference(self, d: Item, r: Reading, topic_only: bool = False) -> list[int]:
        if r.head is None:
            return []
        if r.sources:
            pool = [i for s in sorted(r.sources) for i in self.by_source[s]]
        else:
            pool = list(self.by_article.get(d.article, ()))
        pool = sorted(
            {i for i in pool if self._allowed(d, self.items[i])}, key=lambda i: self.items[i].order
        )
        if r.kind == "report":
            # what a report found, or an outlet reported; a report nobody is named for is
            # an organisation's or an outlet's, not a person's
            found = [
                i
                for i in pool
                if _reports(self.items[i])
                or (
                    self.items[i].kind == "Finding"
                    and _report_cue(self.items[i].cue)
                    and (r.sources or self.items[i].speaker_type != "Person")
                )
            ]
        else:
            # what someone claimed is read in the denial's own article only: a person
            # claims many things, and "denied X's claim" elsewhere does not say which
            found = [
                i
                for i in pool
                if _cue_matches(self.items[i].cue, r.head) and self.items[i].article == d.article
            ]
        if (r.content or r.about) and not topic_only:
            # a word the denial gives must be in what it denies
            found = [i for i in found if r.content & self.words[i] or r.about & self.items[i].about]
        found = self._one_document(d, found)
        if not r.sources:
            if r.kind == "claim":
                # "the allegations" after two people alleged, a few paragraphs apart: whose?
                close = {
                    self.items[i].speaker
                    for i in found
                    if 0 <= d.para - self.items[i].para <= NEAR_PARAGRAPHS + 2
                }
                if len(close) > 1:
                    return []
            # with no name, the source is the one spoken of just before (or in the same
            # paragraph): its report is all it found there
            near = [i for i in found if 0 <= d.para - self.items[i].para <= NEAR_PARAGRAPHS]
            if len({self.items[i].speaker for i in near}) > 1:
                before = [i for i in near if self.items[i].n < d.n]
                if not before:
                    return []
                last = max(before, key=lambda i: self.items[i].n)
                near = [last]
            speakers = {self.items[i].speaker for i in near}
            found = [i for i in found if self.items[i].speaker in speakers]
        if not found or len({self.items[i].speaker for i in found}) > 1:
            return []
        claims = sorted({self.claim_of[i] for i in found})
        if len(claims) > 1 and not r.plural:
            return []
        return claims

    def _one_document(self, d: Item, found: list[int]) -> list[int]:
        """The candidates of one article: the denial's own, else the latest dated one
        before it, else the only one."""
        arts = {self.items[i].article for i in found}
        if len(arts) <= 1:
            return found
        if d.article in arts:
            return [i for i in found if self.items[i].article == d.article]
        dated = {self.items[i].article: self.items[i].date for i in found}
        if any(v is None for v in dated.values()):
            return []
        latest = max(dated.values())
        pick = [a for a, v in dated.items() if v == latest]
        if len(pick) != 1:
            return []
        return [i for i in found if self.items[i].article == pick[0]]

    @staticmethod
    def _allowed(d: Item, it: Item) -> bool:
        if it.speaker == d.speaker or it.kind == "Denial":
            return False
        return not (d.date and it.date and it.date > d.date)


def target_words(it: Item) -> frozenset[str]:
    """The words a denial's object is compared with: the statement's content stems and
    those of its cue ("alleged", "accused": what made it a claim)."""
    cue = content_stems(tuple(w for w in _cue_words(it.cue) if w not in _PLAIN_CUES))
    return it.stems | frozenset(cue)


def _cue_words(cue: str) -> list[str]:
    return [m.group(0).lower() for m in _WORD.finditer(cue.replace("’", "'"))]


def _cue_matches(cue: str, head: str | None) -> bool:
    prefixes = CLAIM_HEADS.get(head or "", ())
    return any(w.startswith(p) for w in _cue_words(cue) for p in prefixes)


#: Cue words of a report's results ("found", "said in its report", "documented").
_REPORT_CUES = (
    "report",
    "found",
    "find",
    "document",
    "conclud",
    "publish",
    "reveal",
    "verif",
    "investigat",
    "study",
    "survey",
    "audit",
    "uncover",
    "determin",
)


def _report_cue(cue: str) -> bool:
    return any(w.startswith(_REPORT_CUES) for w in _cue_words(cue))


def _reports(it: Item) -> bool:
    """A statement that is a report though not typed a finding: a news organisation's,
    or an organisation's whose cue is "reported" (a person who "said in a report" is
    quoted in one, not its author)."""
    if it.speaker_type == "NewsOrganization":
        return True
    cue = _cue_words(it.cue)
    return it.speaker_type != "Person" and bool(cue) and cue[0].startswith("report")


__all__ = ["Reading", "SourceNames", "Targets", "read_denial", "target_words"]
