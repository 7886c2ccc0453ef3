"""Claims across articles, pure (no spaCy, no store): which statements are one claim and
what a denial denies, from records written here as extraction would make them.

The tables are statement pairs that must and must not be one claim, and denial texts that
must and must not be linked, from several beats and countries. A false link is worse than
a missed one: a user reads `kg:denies` as "this denial rejects that finding".
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from kg.claims import ArticleClaims, Claims, compute_claims
from kg.claims.text import stem, words
from kg.model import Article, Entity, Extraction, Span, Statement
from kg.pipeline import corpus_graphs
from kg.rdf.iris import Minter
from kg.resolve import resolve_corpus
from kg.resolve.local import ArticleEntities

MINTER = Minter()

#: Entity types of the names used below (anything else is a Person).
TYPES = {
    "Human Rights Watch": "Organization",
    "Coastal Rights Monitor": "Organization",
    "Kremlin": "Organization",
    "Ministry of Health": "Organization",
    "Ministry of Fisheries": "Organization",
    "Andean Water Observatory": "Organization",
    "Nordvik Mining": "Organization",
    "Danube Shipping Union": "Organization",
    "Harbour Courier": "NewsOrganization",
    "Valley Gazette": "NewsOrganization",
    "Tallinn Post": "NewsOrganization",
    "Chechnya": "Place",
    "Lagos": "Place",
    "Peru": "Place",
}


@dataclass
class S:
    """A statement to put in a record: who, what, how."""

    speaker: str
    text: str
    kind: str = "Statement"
    cue: str = "said"
    direct: bool = False
    about: tuple[str, ...] = ()


@dataclass
class Rec:
    name: str
    statements: list[S]
    date: str | None = None
    publisher: str | None = None
    extra: list[str] = field(default_factory=list)


def record(rec: Rec) -> Extraction:
    """An extraction record as phase 1 would make it: one paragraph per statement, the
    speaker named in it, spans pointing at the words."""
    names = sorted(
        {s.speaker for s in rec.statements} | {a for s in rec.statements for a in s.about}
    )
    keys = {n: f"e{i}" for i, n in enumerate(names)}
    parts: list[str] = [f"{rec.name}\n\n"]
    mentions: dict[str, list[Span]] = {n: [] for n in names}
    statements = []
    for s in rec.statements:
        at = sum(len(p) for p in parts)
        line = f"{s.speaker} {s.cue} {s.text}.\n\n"
        mentions[s.speaker].append(Span(at, at + len(s.speaker)))
        start = at + len(s.speaker) + len(s.cue) + 2
        for a in s.about:
            i = line.find(a)
            if i >= 0:
                mentions[a].append(Span(at + i, at + i + len(a)))
        parts.append(line)
        statements.append(
            Statement(
                kind=s.kind,  # type: ignore[arg-type]
                speaker=keys[s.speaker],
                content=[Span(start, start + len(s.text))],
                text=s.text,
                cue=s.cue,
                direct=s.direct,
                about=[keys[a] for a in s.about],
            )
        )
    parts += [f"{x}\n\n" for x in rec.extra]
    entities = [
        Entity(
            key=keys[n], type=TYPES.get(n, "Person"), name=n, mentions=mentions[n] or [Span(0, 1)]
        )  # type: ignore[arg-type]
        for n in names
    ]
    article = Article(
        text="".join(parts),
        source_file=f"{rec.name}.txt",
        title=rec.name,
        date=rec.date,
        publisher=rec.publisher,
    )
    return Extraction(article, entities, statements)


def claims_of(*recs: Rec) -> tuple[Claims, list[Extraction]]:
    exs = [record(r) for r in recs]
    res = resolve_corpus([ArticleEntities.of(e) for e in exs], MINTER)
    return compute_claims([ArticleClaims.of(e) for e in exs], res, MINTER), exs


def iri(exs: list[Extraction], article: int, n: int) -> str:
    """The IRI of statement ``n`` (1-based) of the ``article``-th record."""
    return MINTER.statement(exs[article].article.short_hash, n)


def one_claim(claims: Claims, a: str, b: str) -> bool:
    return claims.claim_of[a] == claims.claim_of[b]


# --- the same claim -----------------------------------------------------------------------

QUOTE = (
    "There is not a single concrete fact, there are no surnames, and if there are facts "
    "then our answers will be concrete"
)

SAME = [
    pytest.param(
        S("Sergey Lavrov", QUOTE, direct=True),
        S("Sergey Lavrov", QUOTE, direct=True),
        False,
        id="the same quotation in two outlets",
    ),
    pytest.param(
        S("Sergey Lavrov", QUOTE, direct=True),
        S(
            "Sergey Lavrov",
            "There is not a single concrete fact, there are no surnames",
            direct=True,
        ),
        True,
        id="a trimmed quotation",
    ),
    pytest.param(
        S(
            "Amaka Obi",
            "The clinic will stay open until every child in Lagos has been seen by a nurse",
            direct=True,
        ),
        S(
            "Amaka Obi",
            "The clinic will remain open until every child in Lagos has been seen by a nurse",
            direct=True,
        ),
        True,
        id="a quotation with one word changed",
    ),
    pytest.param(
        S(
            "Jonas Berg",
            "“We have not signed anything, and we will not sign it this year.”",
            direct=True,
        ),
        S(
            "Jonas Berg",
            "We have not signed anything -- and we will NOT sign it this year",
            direct=True,
        ),
        False,
        id="quotation marks, case and punctuation are not words",
    ),
    pytest.param(
        S(
            "Sergey Lavrov",
            "[Emmanuel] Macron may take [Angela] Merkel with him and come to find out the truth",
            direct=True,
        ),
        S(
            "Sergey Lavrov",
            "Macron may take Merkel with him and come to find out the truth",
            direct=True,
        ),
        False,
        id="an editor's insertion in brackets",
    ),
    pytest.param(
        S(
            "Lucia Ferraro",
            "the port authority would close the northern terminal "
            "to container traffic for six weeks from March",
        ),
        S(
            "Lucia Ferraro",
            "the port authority will close the northern terminal "
            "to container traffic for six weeks from March",
        ),
        False,
        id="a reported statement carried by two outlets",
    ),
    pytest.param(
        S(
            "Andean Water Observatory",
            "groundwater under the Ica valley had fallen by "
            "nine metres in a decade as export farms expanded",
            kind="Finding",
            cue="found",
        ),
        S(
            "Andean Water Observatory",
            "groundwater under the Ica valley fell nine "
            "metres in a decade as export farms expanded",
            cue="According to a report by",
        ),
        False,
        id="a finding reported later by another outlet",
    ),
    pytest.param(
        S(
            "Hassan Idrissi",
            "Nobody in this government will ever sign a "
            "deal that sells our water to the highest bidder",
            direct=True,
        ),
        S(
            "Karim Bennani",
            "Nobody in this government will ever sign a "
            "deal that sells our water to the highest bidder",
            direct=True,
        ),
        False,
        id="the same long quotation attributed to two speakers",
    ),
]


@pytest.mark.parametrize(("first", "second", "variant"), SAME)
def test_statements_that_are_one_claim(first: S, second: S, variant: bool) -> None:
    claims, exs = claims_of(
        Rec("Outlet one", [first], date="2025-03-01"),
        Rec("Outlet two", [second], date="2025-03-02"),
    )
    a, b = iri(exs, 0, 1), iri(exs, 1, 1)
    assert one_claim(claims, a, b)
    claim = claims.claims[claims.claim_of[a]]
    assert claim.variant is variant
    assert len(claim.appearances) == 2
    # the earliest statement names it and is where it first appeared
    assert claim.statements[0] == a
    assert claim.first == MINTER.article(exs[0].article.short_hash)
    assert claim.label == first.text


NOT_SAME = [
    pytest.param(
        S("Hillary Clinton", "the trade deal would cost American jobs in the Midwest"),
        S("Hillary Clinton", "the trade deal would bring American jobs back to the Midwest"),
        id="one speaker, one topic, two assertions",
    ),
    pytest.param(
        S("Lucia Ferraro", "the port authority would close the northern terminal in March"),
        S("Lucia Ferraro", "the port authority would not close the northern terminal in March"),
        id="the same words, turned round by a not",
    ),
    pytest.param(
        S(
            "Ministry of Health",
            "at least 340 people had been treated for cholera in the district since June",
        ),
        S(
            "Ministry of Health",
            "at least 120 people had been treated for cholera in the district since June",
        ),
        id="the same sentence with other numbers",
    ),
    pytest.param(
        S("Tomas Lind", "We will win this", direct=True),
        S("Petra Holm", "We will win this", direct=True),
        id="a short slogan by two people",
    ),
    pytest.param(
        S("Amaka Obi", "the clinic in Lagos was short of nurses and vaccines"),
        S("Amaka Obi", "the school in Lagos was short of teachers and books"),
        id="a shared frame and a few words",
    ),
    pytest.param(
        S(
            "Jonas Berg",
            "Berg's opponents say Jonas Berg is finished, and Berg disagrees",
            direct=True,
        ),
        S(
            "Jonas Berg",
            "Jonas Berg will run again in the autumn and Berg expects to win",
            direct=True,
        ),
        id="sharing the speaker's own name",
    ),
    pytest.param(
        S("Sergey Lavrov", "we see no evidence", direct=True),
        S("Sergey Lavrov", "we see no evidence", direct=True),
        id="too few words to tell a quotation from a phrase",
    ),
]


@pytest.mark.parametrize(("first", "second"), NOT_SAME)
def test_statements_that_are_not_one_claim(first: S, second: S) -> None:
    claims, exs = claims_of(Rec("Outlet one", [first]), Rec("Outlet two", [second]))
    assert not one_claim(claims, iri(exs, 0, 1), iri(exs, 1, 1))


def test_a_short_quotation_inside_two_long_ones_does_not_join_them() -> None:
    short = "a small number of disgruntled voices in the capital"
    long1 = f"The port will bring jobs, and the report relied on {short} who never came here"
    long2 = f"We have listened to everybody, not only to {short} and their friends abroad"
    claims, exs = claims_of(
        Rec("One", [S("Ebo Mensah", long1, direct=True)]),
        Rec("Two", [S("Ebo Mensah", short, direct=True)]),
        Rec("Three", [S("Ebo Mensah", long2, direct=True)]),
    )
    assert not one_claim(claims, iri(exs, 0, 1), iri(exs, 2, 1))


def test_every_statement_has_exactly_one_claim() -> None:
    claims, exs = claims_of(
        Rec("One", [S("Amaka Obi", QUOTE, direct=True), S("Amaka Obi", "the clinic is open")]),
        Rec(
            "Two",
            [
                S("Amaka Obi", QUOTE, direct=True),
                S("Kremlin", "the report", kind="Denial", cue="denied"),
            ],
        ),
    )
    statements = {iri(exs, a, n) for a in range(2) for n in (1, 2)}
    assert set(claims.claim_of) == statements
    members = [s for c in claims.claims.values() for s in c.statements]
    assert sorted(members) == sorted(statements)
    assert len(claims.claims) == 3


def test_words_and_stems() -> None:
    assert words("“We don’t see [Angela] Merkel,” he said.") == (
        "we",
        "do",
        "not",
        "see",
        "merkel",
        "he",
        "said",
    )
    assert words("We've got to") == words("We have got to")
    assert stem("tortured") == stem("torture")
    assert stem("verified") == stem("verifying")
    assert stem("Watch's".lower()) == "watch"


# --- denials ------------------------------------------------------------------------------

HRW_FINDING = S(
    "Human Rights Watch",
    "the detention and torture of gay men in Chechen concentration camps",
    kind="Finding",
    cue="published a new report verifying",
)


def _denies(claims: Claims, denial: str, target: str) -> bool:
    return claims.claim_of[target] in claims.denies.get(denial, ())


LINKED = [
    pytest.param(
        [
            Rec(
                "Chechnya story",
                [
                    HRW_FINDING,
                    S(
                        "Kremlin",
                        "reports of the detention, torture, and murder of gay men in April",
                        kind="Denial",
                        cue="denied",
                    ),
                ],
            )
        ],
        (0, 2),
        (0, 1),
        id="reports of ... in the same article, by content words",
    ),
    pytest.param(
        [
            Rec("Report day", [HRW_FINDING], date="2017-04-10"),
            Rec(
                "Reaction",
                [
                    S(
                        "Sergey Lavrov",
                        "the report by Human Rights Watch that gay men were detained and tortured",
                        kind="Denial",
                        cue="denied",
                        about=("Human Rights Watch",),
                    )
                ],
                date="2017-04-12",
            ),
        ],
        (1, 1),
        (0, 1),
        id="the report by X that ..., in another article",
    ),
    pytest.param(
        [
            Rec(
                "Coast report",
                [
                    S(
                        "Coastal Rights Monitor",
                        "the eviction of at least 3,400 people from fishing settlements",
                        kind="Finding",
                        cue="published a report documenting",
                    ),
                    S(
                        "Coastal Rights Monitor",
                        "most families had received less than a third of the compensation promised",
                        kind="Finding",
                        cue="found",
                    ),
                ],
                date="2025-06-05",
            ),
            Rec(
                "Ministry answers",
                [
                    S(
                        "Ministry of Fisheries",
                        "the Coastal Rights Monitor's findings",
                        kind="Denial",
                        cue="rejected",
                        about=("Coastal Rights Monitor",),
                    )
                ],
                date="2025-06-07",
            ),
        ],
        (1, 1),
        (0, 2),
        id="X's findings, elsewhere: each claim of the report",
    ),
    pytest.param(
        [
            Rec(
                "Patrol talks",
                [
                    S(
                        "Tallinn Post",
                        "Helsinki had asked for a veto over patrol routes in the gulf",
                        cue="reported",
                    ),
                    S("Liisa Kask", "the report", kind="Denial", cue="denied"),
                ],
            )
        ],
        (0, 2),
        (0, 1),
        id="the report, just after an outlet reported",
    ),
    pytest.param(
        [
            Rec(
                "Dock strike",
                [
                    S(
                        "Dean Collins",
                        "the guarantee covered only about 60 percent of current positions",
                        cue="claimed",
                    ),
                    S("Nordvik Mining", "the claim", kind="Denial", cue="denied"),
                ],
            )
        ],
        (0, 2),
        (0, 1),
        id="the claim, after X claimed",
    ),
    pytest.param(
        [
            Rec(
                "Water study",
                [
                    S(
                        "Andean Water Observatory",
                        "groundwater under the Ica valley had fallen by nine metres in a decade",
                        kind="Finding",
                        cue="found",
                    ),
                    S(
                        "Ministry of Health",
                        "the study's conclusion that groundwater had fallen by nine metres",
                        kind="Denial",
                        cue="dismissed",
                    ),
                ],
            )
        ],
        (0, 2),
        (0, 1),
        id="the study's conclusion that ...",
    ),
    pytest.param(
        [
            Rec(
                "Protest",
                [
                    S("protesters", "officers had used tear gas on the crowd outside the court"),
                    S(
                        "Lagos police",
                        "claims by protesters that officers had used tear gas outside the court",
                        kind="Denial",
                        cue="rejected",
                        about=("protesters",),
                    ),
                ],
            )
        ],
        (0, 2),
        (0, 1),
        id="claims by X that ..., in the same article, in other words",
    ),
    pytest.param(
        [
            Rec(
                "Nephew",
                [
                    S(
                        "Harbour Courier",
                        "the mayor had hired his nephew to run the port authority",
                        cue="reported",
                    )
                ],
                date="2025-05-02",
                publisher="Harbour Courier",
            ),
            Rec(
                "Mayor answers",
                [
                    S(
                        "Ernst Maier",
                        "a report in the Harbour Courier that he had hired his nephew",
                        kind="Denial",
                        cue="denied",
                        about=("Harbour Courier",),
                    )
                ],
                date="2025-05-03",
            ),
        ],
        (1, 1),
        (0, 1),
        id="a report in X that ..., X the other article's outlet",
    ),
    pytest.param(
        [
            Rec(
                "Book rumour",
                [
                    S(
                        "Valley Gazette",
                        "the campaign manager was working on a book about the race",
                        cue="reported",
                    ),
                    S(
                        "Marta Quist",
                        "she was working on a book about the race",
                        kind="Denial",
                        cue="denied",
                    ),
                ],
            )
        ],
        (0, 2),
        (0, 1),
        id="denied that ..., with the same words",
    ),
]


@pytest.mark.parametrize(("recs", "denial", "target"), LINKED)
def test_denials_that_are_linked(
    recs: list[Rec], denial: tuple[int, int], target: tuple[int, int]
) -> None:
    claims, exs = claims_of(*recs)
    assert _denies(claims, iri(exs, *denial), iri(exs, *target))


def test_a_denial_of_x_findings_denies_every_finding_of_the_report() -> None:
    recs, denial, _ = LINKED[2].values
    claims, exs = claims_of(*recs)
    found = claims.denies[iri(exs, *denial)]
    assert found == sorted({claims.claim_of[iri(exs, 0, 1)], claims.claim_of[iri(exs, 0, 2)]})


NOT_LINKED = [
    pytest.param(
        [
            Rec(
                "No report",
                [
                    S("Amaka Obi", "the clinic had run out of vaccines"),
                    S("Ministry of Health", "the report", kind="Denial", cue="denied"),
                ],
            )
        ],
        id="the report, with no report in the article",
    ),
    pytest.param(
        [
            Rec(
                "Budget",
                [
                    S("Duarte Reis", "the budget counts money before it arrives", cue="argued"),
                    S("Rui Costa", "the criticism", kind="Denial", cue="rejected"),
                ],
            )
        ],
        id="the criticism, when nobody is said to criticise",
    ),
    pytest.param(
        [
            Rec(
                "Fraud case",
                [
                    S("Valley Gazette", "the mayor had hired his nephew", cue="reported"),
                    S("Ernst Maier", "any wrongdoing", kind="Denial", cue="denied"),
                ],
            )
        ],
        id="any wrongdoing",
    ),
    pytest.param(
        [
            Rec(
                "Old claim",
                [S("Dean Collins", "the guarantee covered only a few positions", cue="claimed")],
                date="2025-01-01",
            ),
            Rec(
                "New denial",
                [
                    S(
                        "Nordvik Mining",
                        "Dean Collins's claim",
                        kind="Denial",
                        cue="denied",
                        about=("Dean Collins",),
                    )
                ],
                date="2025-03-01",
            ),
        ],
        id="X's claim in another article: which one of the many things X claimed?",
    ),
    pytest.param(
        [
            Rec("Late report", [HRW_FINDING], date="2017-05-01"),
            Rec(
                "Early denial",
                [
                    S(
                        "Kremlin",
                        "reports of the detention and torture of gay men",
                        kind="Denial",
                        cue="denied",
                    )
                ],
                date="2017-04-01",
            ),
        ],
        id="a report published after the denial",
    ),
    pytest.param(
        [
            Rec(
                "Merger talk",
                [
                    S(
                        "Harbour Courier",
                        "the shipping union would merge with a rival in the spring",
                        cue="reported",
                    )
                ],
                date="2025-02-01",
            ),
            Rec(
                "Strike",
                [
                    S(
                        "Danube Shipping Union",
                        "reports of a strike at the river port this spring",
                        kind="Denial",
                        cue="dismissed",
                    )
                ],
                date="2025-02-03",
            ),
        ],
        id="reports of something else sharing a word",
    ),
    pytest.param(
        [
            Rec(
                "Own words",
                [
                    S("Jonas Berg", "the plant would close in March"),
                    S(
                        "Jonas Berg",
                        "reports that the plant would close in March",
                        kind="Denial",
                        cue="denied",
                    ),
                ],
            )
        ],
        id="a speaker's own statement",
    ),
    pytest.param(
        [
            Rec(
                "Two reports",
                [
                    S(
                        "Harbour Courier",
                        "the minister had met the contractor twice in May",
                        cue="reported",
                    ),
                    S(
                        "Valley Gazette",
                        "the minister had met the contractor in secret",
                        cue="reported",
                    ),
                    S(
                        "Petra Holm",
                        "reports that the minister had met the contractor",
                        kind="Denial",
                        cue="denied",
                    ),
                ],
            )
        ],
        id="two reports that fit the words equally well",
    ),
    pytest.param(
        [
            Rec(
                "Trade",
                [
                    S(
                        "Donald Trump",
                        "to trash bad trade deals and use tariffs as weapons of national defense",
                        cue="vows",
                    )
                ],
            ),
            Rec("Reply", [S("Hillary Clinton", "bad trade deals", kind="Denial", cue="reject")]),
        ],
        id="rejecting a policy, not a claim",
    ),
    pytest.param(
        [
            Rec(
                "Outsourcing",
                [
                    S("Nick Moreau", "she would not outsource the economy to her husband"),
                    S(
                        "Lena Moreau",
                        "any implication that she would outsource the economy to her husband",
                        kind="Denial",
                        cue="rejected",
                    ),
                ],
            )
        ],
        id="a statement that is itself a denial in substance",
    ),
    pytest.param(
        [
            Rec(
                "Far report",
                [
                    S(
                        "Tallinn Post",
                        "Helsinki had asked for a veto over patrol routes",
                        cue="reported",
                    ),
                    S("Liisa Kask", "the talks would go on", cue="said"),
                ],
                extra=["Paragraph three.", "Paragraph four.", "Paragraph five."],
            ),
            Rec("Other", [S("Ann Roos", "the report", kind="Denial", cue="denied")]),
        ],
        id="the report, in an article that has none",
    ),
]


NOT_LINKED += [
    pytest.param(
        [
            Rec(
                "Old report",
                [
                    S(
                        "Valley Gazette",
                        "the dam's spillway had cracked in two places",
                        cue="reported",
                    ),
                    S("Ines Duarte", "the reservoir was at half its capacity"),
                    S("Ines Duarte", "rationing would start in May"),
                    S("Ines Duarte", "farmers would be paid for fallow fields"),
                    S("Water Board", "the report", kind="Denial", cue="denied"),
                ],
            )
        ],
        id="the report, three paragraphs after the only one",
    ),
    pytest.param(
        [
            Rec(
                "Two accusers",
                [
                    S("Olga Berg", "the coach had bullied players", cue="alleged"),
                    S("Ana Ruiz", "the club had hidden injuries", cue="alleged"),
                    S("Nordvik Mining", "the allegations", kind="Denial", cue="rejected"),
                ],
            )
        ],
        id="the allegations, after two people alleged two things",
    ),
]


@pytest.mark.parametrize("recs", NOT_LINKED)
def test_denials_that_are_not_linked(recs: list[Rec]) -> None:
    claims, _ = claims_of(*recs)
    assert claims.denies == {}


def test_two_outlets_reporting_one_denial_make_one_claim() -> None:
    recs = [
        Rec("Report", [HRW_FINDING], date="2017-04-10"),
        Rec(
            "Outlet one",
            [
                S(
                    "Kremlin",
                    "reports of the detention, torture, and murder of gay men",
                    kind="Denial",
                    cue="denied",
                )
            ],
            date="2017-04-11",
        ),
        Rec(
            "Outlet two",
            [
                S(
                    "Kremlin",
                    "reports of torture and murder of gay men in detention",
                    kind="Denial",
                    cue="rejected",
                )
            ],
            date="2017-04-12",
        ),
    ]
    claims, exs = claims_of(*recs)
    assert one_claim(claims, iri(exs, 1, 1), iri(exs, 2, 1))
    assert claims.denies[iri(exs, 1, 1)] == [claims.claim_of[iri(exs, 0, 1)]]


# --- order-free ---------------------------------------------------------------------------


def _corpus() -> list[Extraction]:
    recs = [
        Rec("A", [HRW_FINDING, S("Sergey Lavrov", QUOTE, direct=True)], date="2017-04-10"),
        Rec(
            "B",
            [
                S("Sergey Lavrov", QUOTE, direct=True),
                S(
                    "Kremlin",
                    "reports of the detention, torture, and murder of gay men",
                    kind="Denial",
                    cue="denied",
                ),
            ],
            date="2017-04-11",
        ),
        Rec(
            "C",
            [
                S(
                    "Sergey Lavrov",
                    "There is not a single concrete fact, there are no surnames",
                    direct=True,
                )
            ],
        ),
        Rec(
            "D",
            [S("Amaka Obi", "the clinic will stay open until every child has been seen")],
            date="2017-04-09",
        ),
    ]
    return [record(r) for r in recs]


def test_the_claims_graph_is_the_same_in_any_order() -> None:
    exs = _corpus()
    claims = graph = None
    for order in (exs, exs[::-1], [exs[2], exs[0], exs[3], exs[1]]):
        g = corpus_graphs(order, MINTER)[f"{MINTER.base}graph/claims"]
        assert graph is None or g == graph
        graph = g
        res = resolve_corpus([ArticleEntities.of(e) for e in order], MINTER)
        c = compute_claims([ArticleClaims.of(e) for e in order], res, MINTER)
        assert claims is None or c == claims
        claims = c


def test_a_claim_keeps_its_iri_when_a_later_article_joins_it() -> None:
    exs = _corpus()
    first = MINTER.statement(exs[0].article.short_hash, 2)
    res = resolve_corpus([ArticleEntities.of(e) for e in exs[:1]], MINTER)
    alone = compute_claims([ArticleClaims.of(exs[0])], res, MINTER).claim_of[first]
    res = resolve_corpus([ArticleEntities.of(e) for e in exs], MINTER)
    joined = compute_claims([ArticleClaims.of(e) for e in exs], res, MINTER)
    assert joined.claim_of[first] == alone
    assert len(joined.claims[alone].statements) == 3


def test_the_compact_input_round_trips() -> None:
    for ex in _corpus():
        art = ArticleClaims.of(ex)
        assert ArticleClaims.from_json(art.article, art.to_json()) == art
    assert ArticleClaims.from_json("x", [0, None, [], []]) is None
