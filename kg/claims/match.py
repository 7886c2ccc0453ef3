"""Which statements assert the same thing: candidate pairs from an index, pair rules, and
clusters that never chain.

Why an index: comparing every pair of statements is quadratic (14,000 statements on
PolNeAR train are 98 million pairs). Every rule below needs two statements by one speaker
to share most of the content stems of the shorter one, so statements are indexed by
(speaker, stem) and each is probed with only its rarest stems: the ``1 - PROBE`` share of
its stems plus one, rarest first (prefix filtering). Any pair in which one side has at
least ``PROBE`` of its stems in the other shares one of the probed stems, so no pair a
rule could accept is missed, and common stems ("people", "clinton") are never walked;
a stem a speaker uses in more than :data:`MAX_POSTING` statements is not probed at all,
so a probe's cost stays bounded. Exact repeats are found by their words alone (by one
speaker, or for a long quotation by any).

The rules (precise before eager; two statements that merely share a topic, a speaker or
a few words are not one claim):

- the same words (at least :data:`MIN_EXACT` of them), any kinds;
- two direct quotations by one speaker, one the other trimmed or with words changed:
  the shorter (at least :data:`MIN_QUOTE` words) is nine tenths found in order in the
  longer, or eight tenths when it is long (:data:`LONG_QUOTE` words);
- the same long quotation, word for word (at least :data:`CROSS_SPEAKER` words),
  attributed to two speakers: one attribution is usually wrong, and the words are one;
  and a long quotation the text gives to an unnamed source (a "she" extraction could not
  resolve) nine tenths found in order in a named speaker's quotation (found through runs
  of :data:`SHINGLE` words);
- otherwise (a reported statement retold, a finding reported later), one speaker, the
  same polarity, no number the other lacks, and at least :data:`MIN_SHARED` content
  stems shared: all of the shorter's but one in eight (one changed verb turns "would cost
  jobs" into "would bring jobs back"), and half of both.

Clusters are grown from the best pairs down, and two clusters join only when the longest
statement of the union matches every other member (:func:`cluster`): a short quotation
found inside two different long ones does not make the long ones one claim.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from kg.claims.items import Item

PROBE = 0.75
MIN_EXACT = 5
MIN_QUOTE = 6
LONG_QUOTE = 12
CROSS_SPEAKER = 8
SHINGLE = 6
MIN_SHARED = 4
#: A (speaker, stem) that more statements than this share is too common to find a pair by:
#: probing stops at it (its statements are still found through rarer stems, and exact
#: repeats always). It keeps the cost of a probe bounded however prolific the speaker.
MAX_POSTING = 300
REPORTED_SHARE = 0.875

Pair = tuple[int, int]


def matched_words(a: Sequence[str], b: Sequence[str]) -> int:
    """How many words of ``a`` are found in order in ``b`` (runs of two or more, or the
    whole of a one-word text)."""
    sm = SequenceMatcher(None, a, b, autojunk=False)
    blocks = sm.get_matching_blocks()
    return sum(size for _, _, size in blocks if size >= 2 or size == len(a))


def score(a: Item, b: Item) -> float | None:
    """How surely ``a`` and ``b`` are one claim (0-1], or None when they are not."""
    if a.speaker != b.speaker:
        if not (a.direct and b.direct and min(len(a.tokens), len(b.tokens)) >= CROSS_SPEAKER):
            return None
        if a.tokens == b.tokens:
            return 1.0
        if "UnnamedSource" not in (a.speaker_type, b.speaker_type):
            return None
        # a quotation the text gives no name to, found in a named speaker's quotation
        short, long_ = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
        n = len(short.tokens)
        if len(short.stems - long_.stems) > 0.1 * n:
            return None
        found = matched_words(short.tokens, long_.tokens)
        return 0.85 if found >= 0.9 * n else None
    if a.tokens == b.tokens:
        return 1.0 if len(a.tokens) >= MIN_EXACT else None
    short, long_ = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
    if a.direct and b.direct:
        n = len(short.tokens)
        # each stem of the shorter missing from the longer is at least one word not found,
        # and at most a fifth may be missing: a cheap bound before aligning the words
        if n >= MIN_QUOTE and len(short.stems - long_.stems) <= 0.2 * n:
            found = matched_words(short.tokens, long_.tokens)
            if found >= 0.9 * n or (n >= LONG_QUOTE and found >= 0.8 * n):
                return 0.5 + 0.4 * found / n
    if not short.numbers <= long_.numbers or not _same_polarity(short, long_):
        return None
    shared = len(a.stems & b.stems)
    if shared < MIN_SHARED:
        return None
    smaller = min(len(a.stems), len(b.stems))
    union = len(a.stems | b.stems)
    if shared >= REPORTED_SHARE * smaller and shared >= 0.5 * union:
        return 0.4 * shared / union + 0.1
    return None


def _same_polarity(short: Item, long_: Item) -> bool:
    """A "not" in one and not the other turns it round; but a trimmed text may leave out
    a clause of the longer one that has its own "not" ("... and fenced off without
    notice", "... and that nobody was told")."""
    if short.negations == long_.negations:
        return True
    if short.negations > long_.negations:
        return False
    return len(short.tokens) < 0.75 * len(long_.tokens)


def candidate_pairs(items: Sequence[Item]) -> Iterable[Pair]:
    """Index positions of the pairs worth scoring (see the module docstring); each pair
    once, as (lower, higher)."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        for s in it.stems:
            postings[(it.speaker, s)].append(i)
    seen: set[Pair] = set()
    for i, it in enumerate(items):
        ranked = sorted(it.stems, key=lambda s, sp=it.speaker: (len(postings[(sp, s)]), s))
        keep = len(ranked) - math.ceil(PROBE * len(ranked)) + 1
        for s in ranked[:keep]:
            posting = postings[(it.speaker, s)]
            if len(posting) > MAX_POSTING:
                break  # the rest are commoner still (see MAX_POSTING)
            for j in posting:
                if j != i:
                    pair = (i, j) if i < j else (j, i)
                    if pair not in seen:
                        seen.add(pair)
                        yield pair
    # the same words by one speaker, whatever the stems; and under any speaker for a long
    # quotation (a wrong attribution must not split it)
    by_words: dict[tuple, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if len(it.tokens) >= MIN_EXACT:
            by_words[(it.speaker, it.tokens)].append(i)
        if it.direct and len(it.tokens) >= CROSS_SPEAKER:
            by_words[("", it.tokens)].append(i)
    for group in by_words.values():
        for x in range(len(group)):
            for y in range(x + 1, len(group)):
                pair = (group[x], group[y])
                if pair not in seen:
                    seen.add(pair)
                    yield pair
    # a long quotation given to an unnamed source ("she", unresolved) inside another one:
    # by runs of SHINGLE words, whoever the speaker
    shingles: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        if it.direct and len(it.tokens) >= CROSS_SPEAKER:
            for k in range(len(it.tokens) - SHINGLE + 1):
                shingles[it.tokens[k : k + SHINGLE]].append(i)
    for i, it in enumerate(items):
        if it.speaker_type != "UnnamedSource" or not it.direct or len(it.tokens) < CROSS_SPEAKER:
            continue
        for k in range(len(it.tokens) - SHINGLE + 1):
            posting = shingles[it.tokens[k : k + SHINGLE]]
            if len(posting) > MAX_POSTING:
                continue
            for j in posting:
                pair = (i, j) if i < j else (j, i)
                if j != i and pair not in seen:
                    seen.add(pair)
                    yield pair


def matches(items: Sequence[Item]) -> dict[Pair, float]:
    """Every pair the rules accept, with its score."""
    out: dict[Pair, float] = {}
    for i, j in candidate_pairs(items):
        s = score(items[i], items[j])
        if s is not None:
            out[(i, j)] = s
    return out


def cluster(items: Sequence[Item], pairs: dict[Pair, float]) -> list[list[int]]:
    """Groups of item positions, every item in exactly one (see the module docstring).
    A function of the items and pairs alone: pairs are taken best first, ties by the
    statements' IRIs."""
    root = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    def centre(group: list[int]) -> int:
        return min(group, key=lambda k: (-len(items[k].tokens), items[k].order))

    ordered = sorted(pairs, key=lambda p: (-pairs[p], items[p[0]].iri, items[p[1]].iri))
    for i, j in ordered:
        a, b = find(i), find(j)
        if a == b:
            continue
        union = members[a] + members[b]
        c = centre(union)
        if all(k == c or (min(k, c), max(k, c)) in pairs for k in union):
            root[b] = a
            members[a] = union
            del members[b]
    return [sorted(g, key=lambda k: items[k].order) for g in members.values()]


__all__ = ["candidate_pairs", "cluster", "matched_words", "matches", "score"]
