"""Every statement extracted from examples/articles and the seed article, exactly: rule id,
kind, direct or not, the source's words, the cue's words and the content offsets (entity
keys and IRIs are left out: they are not attribution's to decide). Any change in behaviour
shows here as a diff of tests/snapshots/statements.jsonl, one statement a line.

A change made on purpose updates the snapshot, to be reviewed and committed with it:

    python -m tests.test_rules_snapshot

(the seed's lines are kept as they are when ../shared is absent).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLES, ROOT, SEED, need_shared

SNAPSHOT = Path(__file__).parent / "snapshots" / "statements.jsonl"


def _records(paths: list[Path]) -> list[dict]:
    """One record per statement of every article in ``paths``, in reading order."""
    from kg.model import Article
    from kg.pipeline import extract_articles
    from kg.readers import read_paths

    articles = [a for a in read_paths([str(p) for p in paths]) if isinstance(a, Article)]
    out = []
    seen: dict[str, int] = {}
    for ex in extract_articles(articles):
        text = ex.article.text
        path = Path(ex.article.source_file).resolve()
        name = "seed" if path == SEED.resolve() else str(path.relative_to(ROOT))
        n = seen[name] = seen.get(name, 0) + 1  # several articles in one JSON Lines file
        for st in ex.statements:
            # every span slices the article to its words
            assert " ".join(p.slice(text) for p in st.content) == st.text
            assert st.cue_span is None or st.cue_span.slice(text) == st.cue
            out.append(
                {
                    "article": f"{name}#{n}",
                    "rule": st.rule,
                    "kind": st.kind,
                    "direct": st.direct,
                    "source": st.source_span.slice(text) if st.source_span else None,
                    "cue": st.cue,
                    "content": [[p.start, p.end] for p in st.content],
                }
            )
    return out


def _lines(records: list[dict]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


def _stored(seed: bool) -> list[str]:
    lines = SNAPSHOT.read_text(encoding="utf-8").splitlines()
    return [ln for ln in lines if json.loads(ln)["article"].startswith("seed#") == seed]


def test_examples_statements_match_the_snapshot(nlp):
    now = _lines(_records([EXAMPLES]))
    assert now == _stored(seed=False), "statements changed: see the module docstring"


def test_seed_statements_match_the_snapshot(nlp):
    now = _lines(_records([need_shared(SEED)]))
    assert now == _stored(seed=True), "statements changed: see the module docstring"


def test_every_statement_names_a_registered_rule():
    from kg.extract.attribution import RULES

    rules = {json.loads(ln)["rule"] for ln in SNAPSHOT.read_text(encoding="utf-8").splitlines()}
    assert rules <= set(RULES), rules - set(RULES)
    assert len(rules) >= 10


def update() -> None:
    """Rewrite the snapshot from the current code."""
    lines = _lines(_records([EXAMPLES]))
    if SEED.exists():
        lines += _lines(_records([SEED]))
    elif SNAPSHOT.exists():
        lines += _stored(seed=True)
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    SNAPSHOT.write_text("".join(ln + "\n" for ln in lines), encoding="utf-8")
    print(f"wrote {len(lines)} statements to {SNAPSHOT.relative_to(ROOT)}")


if __name__ == "__main__":
    update()
