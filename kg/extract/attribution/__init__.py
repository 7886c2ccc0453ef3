"""Who said what: statements from direct quotations and from reported speech.

Direct quotes are found on characters (kg.extract.quotes) and attributed from the words
around them ("...," Lavrov said; Doe told reporters: "..."), because parsers often get the
structure around quotation marks wrong. Reported speech ("X said that ...", "according to
X", "X denied reports of ...") comes from the dependency parse. Sources are resolved to
entities: names directly, pronouns to the most recent fitting subject, and people the text
does not name ("one gay man", "a senior official") to an unnamed source of the article.

Every construction is a named rule; :mod:`kg.extract.attribution.rules` registers them and
holds the order they run in and the policies that combine their statements. The rules live
in submodules, each importing only those before it: context (shared state and small
helpers), sources, content (where reported content ends), unsourced, reported, direct, and
rules last.
"""

from __future__ import annotations

from kg.extract.attribution.rules import RULES, TRIGGERS, Rule, find_statements

__all__ = ["RULES", "TRIGGERS", "Rule", "find_statements"]
