"""An article's citations and references (issue 11; core, no Click).

* ``document``: the article read into paragraphs that keep what citations need
  (superscripts, link targets, footnote marks) with their locations;
* ``citations``: the citing sentences and what they cite (numbers, footnotes,
  author-year, PubMed/DOI/PMC links);
* ``parse``: the reference list (References/Sources/Bibliography; Vancouver/AMA,
  APA, free-form) split into entries and fields;
* ``resolve``: each reference resolved to a PubMed record (identifiers in the line,
  then one batched ECitMatch, then title searches), with mismatches and flags;
* ``report``: the ``litcli.refs/1`` JSON, Markdown and the terminal table.
"""

from __future__ import annotations

__all__ = ["SCHEMA"]

SCHEMA = "litcli.refs/1"
