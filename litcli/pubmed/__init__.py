"""Streaming parser for PubMed XML (``PubmedArticleSet``) -> :class:`Record`.

Built on ``lxml.etree.iterparse``: each ``PubmedArticle`` / ``PubmedBookArticle``
(or top-level ``MedlineCitation`` in legacy ``MedlineCitationSet`` baseline
files) is turned into a record as soon as it is complete (when the next record
starts, or the document ends) and is then cleared from the tree, so memory
stays bounded however large the input is.

Security: entities are never resolved, no DTD is loaded, no network access,
and libxml2's huge-tree mode stays off; a billion-laughs or external-entity
document therefore cannot expand (the reference is kept as literal text).

The package, by job (each module reads on its own):

- ``source``: opening the input (paths, bytes, pipes, gzip by content), sniffing its format;
- ``stream``: the streaming parser (``iter_parse``) and its items (``Parsed``, ``Deleted``,
  ``Failed``);
- ``record``: one record element -> ``Record`` (the hot path);
- ``text``: element text (inline markup, entities, whitespace), dates, ORCIDs;
- ``mathml``: MathML -> linear text;
- ``recovery``: what a parse error leaves (the records closed before it) and says.

Every public name is importable from ``litcli.pubmed``.
"""

from __future__ import annotations

from litcli.pubmed.source import Source, open_binary, peek_format, sniff_format
from litcli.pubmed.stream import Deleted, Failed, Parsed, iter_parse, parse_records
from litcli.pubmed.text import MONTHS, normalize_orcid, parse_month

__all__ = [
    "Deleted",
    "Failed",
    "Parsed",
    "Source",
    "iter_parse",
    "parse_records",
    "sniff_format",
    "peek_format",
    "open_binary",
    "MONTHS",
    "parse_month",
    "normalize_orcid",
]
