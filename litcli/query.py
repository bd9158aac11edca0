"""Validate PubMed queries and add litcli's filters to them.

PubMed's own syntax passes through untouched; litcli only refuses queries
that PubMed would misread (empty, unbalanced quotes, brackets or
parentheses) and appends filters with ``AND``.  Everything here runs before
any request, so bad input never reaches NCBI.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from litcli.errors import InvalidInputError
from litcli.tables import TYPE_BY_NAME, TYPE_FILTERS, TYPE_NAMES

# --type names, their PubMed publication types and aliases: litcli.tables.TYPE_FILTERS.
TYPE_ALIASES: dict[str, str] = {alias: t.name for t in TYPE_FILTERS for alias in t.aliases}

# --sort NAME -> esearch sort value
SORTS: dict[str, str] = {
    "relevance": "relevance",
    "date": "pub_date",
    "author": "Author",
    "journal": "JournalName",
}

HUMANS = '"humans"[MeSH Terms]'
ENGLISH = "english[lang]"
MIN_YEAR = 1800
# E-utilities hand out only the first 9,999 records of a search (esearch refuses
# retstart >= 9999, also through the history server), so no search can fetch more.
MAX_RESULTS = 9_999
SPLIT_HINT = "`litcli search` splits a bigger search by publication date: --max N above 9,999, or --all"


def _shown(query: str) -> str:
    query = " ".join(query.split())
    return query if len(query) <= 80 else query[:77] + "..."


# C0 controls except tab/newline/CR (whitespace to PubMed), DEL and C1 controls.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def validate_query(query: str) -> str:
    """Return the query stripped, or raise InvalidInputError naming the problem."""
    q = query.strip()
    if not q:
        raise InvalidInputError(
            "the query is empty",
            hint='give search terms, e.g. litcli search "ketamine AND OCD", or --topic NAME',
        )
    control = _CONTROL_CHARS.search(q)
    if control:  # pasted terminal escapes and the like: never sent to NCBI nor echoed
        raise InvalidInputError(
            f"the query contains a control character (U+{ord(control.group()):04X}), "
            "e.g. a terminal escape sequence",
            hint="retype the query",
        )
    if q.count('"') % 2:
        raise InvalidInputError(f"the query has an unclosed quote: {_shown(q)}")
    stack: list[str] = []
    pairs = {")": "(", "]": "["}
    names = {"(": "parenthesis", "[": "bracket"}
    in_quote = False
    for ch in q:
        if ch == '"':
            in_quote = not in_quote
        elif in_quote:
            continue
        elif ch in "([":
            stack.append(ch)
        elif ch in ")]":
            if not stack or stack[-1] != pairs[ch]:
                kind = "parenthesis" if ch == ")" else "bracket"
                raise InvalidInputError(
                    f"the query has an unmatched closing {kind} '{ch}': {_shown(q)}"
                )
            stack.pop()
    if stack:
        raise InvalidInputError(f"the query has an unclosed {names[stack[-1]]}: {_shown(q)}")
    from litcli.ftsquery import check_syntax

    check_syntax(q)  # the library's parser: 'AND', '[mh] [ab]', '#1', 'pain OR' are usage errors
    return q


def normalise_types(types: Iterable[str]) -> list[str]:
    """Canonical --type names, de-duplicated; unknown names raise InvalidInputError."""
    out: list[str] = []
    for raw in types:
        if not raw.replace(",", "").strip():
            raise InvalidInputError(
                f"--type needs a name, got {raw!r}; choose from: {', '.join(TYPE_NAMES)}"
            )
        for part in raw.split(","):
            name = part.strip().lower().replace("_", "-").replace(" ", "-")
            if not name:
                continue
            name = TYPE_ALIASES.get(name, name)
            if name not in TYPE_BY_NAME:
                raise InvalidInputError(
                    f"unknown --type {part.strip()!r}; choose from: {', '.join(TYPE_NAMES)}"
                )
            if name not in out:
                out.append(name)
    return out


def check_years(since: int | None, until: int | None) -> None:
    if since is not None and until is not None and since > until:
        raise InvalidInputError(f"--since {since} is after --until {until}; swap them")
    this_year = datetime.date.today().year
    for flag, year in (("--since", since), ("--until", until)):
        if year is not None and not MIN_YEAR <= year <= this_year + 1:
            raise InvalidInputError(
                f"{flag} {year} is not a plausible publication year ({MIN_YEAR}-{this_year + 1})"
            )


def check_max(max_results: int) -> None:
    if max_results < 1:
        raise InvalidInputError(f"--max must be at least 1 (got {max_results})")
    if max_results > MAX_RESULTS:
        raise InvalidInputError(
            f"--max is limited to {MAX_RESULTS:,} (got {max_results:,}): PubMed hands out "
            f"only the first {MAX_RESULTS:,} records of a search",
            hint=SPLIT_HINT,
        )


def check_sort(sort: str) -> str:
    if sort not in SORTS:
        raise InvalidInputError(f"unknown --sort {sort!r}; choose from: {', '.join(SORTS)}")
    return SORTS[sort]


@dataclass(frozen=True)
class Filters:
    types: Sequence[str] = field(default_factory=tuple)
    humans: bool = False
    english: bool = False
    since: int | None = None
    until: int | None = None

    def clauses(self) -> list[str]:
        out: list[str] = []
        tags = [tag for name in normalise_types(self.types) for tag in TYPE_BY_NAME[name].pt_tags]
        if tags:
            out.append(tags[0] if len(tags) == 1 else "(" + " OR ".join(tags) + ")")
        if self.humans:
            out.append(HUMANS)
        if self.english:
            out.append(ENGLISH)
        if self.since is not None or self.until is not None:
            start = self.since if self.since is not None else MIN_YEAR
            end = self.until if self.until is not None else 3000
            out.append(f"{start}:{end}[dp]")
        return out


def combine(*parts: str) -> str:
    """AND together non-empty query parts, parenthesising any that contain operators."""
    parts = tuple(p.strip() for p in parts if p and p.strip())
    if len(parts) == 1:
        return parts[0]
    return " AND ".join(p if _atomic(p) else f"({p})" for p in parts)


def _atomic(part: str) -> bool:
    if part.startswith("(") and part.endswith(")") and _outer_parens_match(part):
        return True
    depth, in_quote = 0, False
    for ch in part:
        if ch == '"':
            in_quote = not in_quote
        elif in_quote:
            continue
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch.isspace() and depth == 0:
            return False
    return True


def _outer_parens_match(part: str) -> bool:
    depth, in_quote = 0, False
    for i, ch in enumerate(part):
        if ch == '"':
            in_quote = not in_quote
        elif in_quote:
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and i != len(part) - 1:
                return False
    return True


def build_query(base: str, filters: Filters | None = None) -> str:
    """The validated query with filters appended: what esearch receives."""
    q = validate_query(base)
    if filters is None:
        return q
    check_years(filters.since, filters.until)
    return combine(q, *filters.clauses())
