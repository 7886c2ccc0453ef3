"""`kg claims`: what travelled between articles, and what was denied.

Why: a user's first questions are about links between statements: which quotation went
round the outlets (and who changed its words on the way), which finding someone denied.
This lists the claims seen in more than one article or denied, most widespread first,
each with every place it appeared (outlet, date, speaker, words, offsets).
"""

from __future__ import annotations

import csv
import io
import json

import click

from kg.cli.errors import UserFacingError
from kg.cli.options import format_option, opened_store, store_option

FLAT_COLUMNS = [
    "claim",
    "label",
    "articles",
    "statements",
    "variant_wording",
    "role",
    "date",
    "outlet",
    "speaker",
    "kind",
    "cue",
    "direct",
    "text",
    "source_file",
    "begin",
    "end",
    "diff",
]


@click.command()
@click.option("--denied", is_flag=True, help="Only claims that some denial denies.")
@click.option(
    "--altered",
    is_flag=True,
    help="Only claims whose quotations differ in their words (trimmed, altered), with the "
    "word-level difference of each version.",
)
@click.option(
    "--about",
    "about",
    metavar="ENTITY",
    default=None,
    help="Only claims that speak of, or are spoken by, this entity (a name, alias or IRI).",
)
@click.option("--all", "every", is_flag=True, help="Every claim, also those seen only once.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Show at most N claims.")
@format_option("table", "csv", "tsv", "json")
@store_option
def claims(
    denied: bool,
    altered: bool,
    about: str | None,
    every: bool,
    limit: int | None,
    fmt: str,
    store_path: str | None,
) -> None:
    """Claims that travelled between articles or were denied, most widespread first.

    A claim is what statements assert wherever it travels: the same quotation carried
    by several outlets (word for word, trimmed or with a word changed), a finding and the
    articles that report it later. Each claim is listed with every appearance (date,
    outlet, speaker, words and where they stand) and the denials that deny it.

    \b
    Examples:
      kg claims
      kg claims --denied
      kg claims --altered
      kg claims --about "Coastal Rights Monitor" --format json
    """
    import kg
    from kg.lookup import find_entities

    with opened_store(store_path, read_only=True) as store:
        if about is not None and not find_entities(store, about):
            raise UserFacingError(f"no entity named {about!r} in the store")
        rows = kg.find_claims(store, denied=denied, altered=altered, about=about, every=every)
    if limit is not None:
        rows = rows[:limit]
    fmt = fmt.lower()
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt in ("csv", "tsv"):
        click.echo(_delimited(rows, "," if fmt == "csv" else "\t"), nl=False)
    else:
        click.echo(_table(rows))


def _flat(rows: list[dict]) -> list[dict]:
    out = []
    for c in rows:
        diffs = {d["statement"]: d["diff"] for d in c.get("differences", [])}
        head = {k: c[k] for k in ("claim", "label", "articles", "statements", "variant_wording")}
        for role, items in (("appearance", c["appearances"]), ("denial", c["denials"])):
            for s in items:
                out.append(
                    {
                        **head,
                        "role": role,
                        **{k: s[k] for k in FLAT_COLUMNS if k in s},
                        "diff": diffs.get(s["statement"], ""),
                    }
                )
    return out


def _delimited(rows: list[dict], sep: str) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, FLAT_COLUMNS, delimiter=sep, lineterminator="\n")
    w.writeheader()
    for r in _flat(rows):
        w.writerow({k: str(v).lower() if isinstance(v, bool) else v for k, v in r.items()})
    return buf.getvalue()


def _where(s: dict) -> str:
    return f"({s['source_file']} chars {s['begin']}-{s['end']})"


def _line(s: dict) -> str:
    mark = "“”" if s["direct"] else "~"
    outlet = s["outlet"] or "(outlet unknown)"
    return (
        f"    {s['date'] or '(no date)':<10}  {outlet}: {s['speaker']}, '{s['cue']}' {mark}\n"
        f"      {s['text']}\n"
        f"      {_where(s)}"
    )


def _table(rows: list[dict]) -> str:
    if not rows:
        return "no claims (none seen in more than one article or denied)"
    blocks = []
    for c in rows:
        notes = [
            f"{c['articles']} article{'s' if c['articles'] != 1 else ''}",
            f"{c['statements']} statement{'s' if c['statements'] != 1 else ''}",
        ]
        if c["variant_wording"]:
            notes.append("wording varies")
        if c["denials"]:
            notes.append(f"denied {len(c['denials'])}×")
        lines = [f"{c['label']}", f"  [{'; '.join(notes)}]  {c['claim']}", "  appears:"]
        lines += [_line(s) for s in c["appearances"]]
        if c.get("differences"):
            lines.append("  wording:")
            for d in c["differences"]:
                lines.append(f"    {d['outlet']}: {d['diff']}")
        if c["denials"]:
            lines.append("  denied by:")
            lines += [_line(s) for s in c["denials"]]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + f"\n\n({len(rows)} claim{'s' if len(rows) != 1 else ''})"


COMMANDS = [claims]
