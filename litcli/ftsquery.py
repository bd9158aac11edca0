"""PubMed query syntax -> SQLite FTS5, for searching the local library offline.

``fts_query`` translates what a clinician types into PubMed (words, "phrases",
AND/OR/NOT applied left to right as PubMed does, parentheses, trailing * and the
field tags the library can search) into an FTS5 MATCH expression, or refuses with
a one-line usage error when it cannot translate faithfully. It never changes a
query's meaning silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from litcli.errors import InvalidInputError
from litcli.textsafe import strip_control

__all__ = ["FtsQuery", "MAX_QUERY_DEPTH", "SUPPORTED_TAGS", "check_syntax", "fts_query"]


@dataclass
class FtsQuery:
    """A user query translated to FTS5 syntax, plus the parts that were ignored."""

    expression: str
    ignored: list[str] = field(default_factory=list)


# PubMed field tags -> FTS5 columns ("" = all columns).  A tag not listed here cannot be
# searched offline (see fts_query).
_FIELD_COLUMNS: dict[str, str] = {
    "ti": "title",
    "title": "title",
    "tiab": "{title abstract}",
    "title/abstract": "{title abstract}",
    "ab": "abstract",
    "abstract": "abstract",
    "mh": "mesh",
    "mesh": "mesh",
    "mesh terms": "mesh",
    "majr": "mesh",
    "mesh major topic": "mesh",
    "sh": "mesh",
    "subheading": "mesh",
    "nm": "mesh",
    "ot": "keywords",
    "kw": "keywords",
    "keyword": "keywords",
    "other term": "keywords",
    "au": "authors",
    "author": "authors",
    "1au": "authors",
    "lastau": "authors",
    "fau": "authors",
    "full author name": "authors",
    "cn": "authors",
    "tw": "",
    "text word": "",
    "all": "",
    "all fields": "",
}
_MESH_TAGS = {"mh", "mesh", "mesh terms", "majr", "mesh major topic", "sh", "subheading"}
SUPPORTED_TAGS = "[ti], [tiab], [ab], [mh], [majr], [sh], [nm], [ot], [au], [cn], [tw], [all]"
# what to use instead of a tag that cannot be searched offline
_TAG_HINTS = {
    "dp": "filter years with --since / --until",
    "pdat": "filter years with --since / --until",
    "pt": "filter publication types with --type",
    "publication type": "filter publication types with --type",
}
MAX_QUERY_DEPTH = 30  # nested groups; FTS5's parser stack holds a little more than this

_TOKEN = re.compile(
    r"""
    (?P<phrase>"[^"]*"?)            # "a phrase" (an unclosed quote runs to the end)
    | (?P<lpar>\()
    | (?P<rpar>\))
    | (?P<tag>\[[^\]]*\]?)          # [ti] (an unclosed [ runs to the end)
    | (?P<word>[^\s()"\[]+)
    """,
    re.VERBOSE,
)
_OPERATORS = {"AND", "OR", "NOT"}
_HISTORY = re.compile(r"#\d+", re.ASCII)  # PubMed's search-history references: #1, #12
_EXAMPLE = {
    "AND": "'pain AND back'",
    "OR": "'pain OR back'",
    "NOT": "'pain NOT back' (pain without back)",
}


@dataclass
class _Term:
    text: str
    prefix: bool = False
    column: str = ""
    tag: str = ""  # the field tag as written, e.g. "[ti]"
    drop: bool = False  # its tag cannot be searched offline
    original: str = ""


def _usage(message: str, hint: str) -> InvalidInputError:
    return InvalidInputError(message, hint=hint)


def _clip(text: str, size: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 3] + "..."


def _tag_column(tag: str) -> str | None:
    """The FTS5 column(s) of a field tag such as ``[TIAB]``; None when not searchable."""
    name = " ".join(tag[1:-1].split()).lower()
    if name.endswith(":noexp") and name[: -len(":noexp")] in _MESH_TAGS:
        name = name[: -len(":noexp")]
    return _FIELD_COLUMNS.get(name)


def _is_plain_word(token: Any) -> bool:
    return isinstance(token, _Term) and not token.tag and not token.original.startswith('"')


def _tokenize(text: str, *, online: bool = False) -> list[Any]:
    """Terms (_Term), operators ("AND" / "OR" / "NOT") and parentheses ("(" / ")").

    Raises InvalidInputError for what cannot be read faithfully: an unclosed quote or
    field tag, a tag without a term, two tags on one term, a word starting with '-', a
    search-history reference (#1), parentheses nested deeper than MAX_QUERY_DEPTH (offline
    only: FTS5's limit).  ``online``: every field tag is PubMed's to judge (none is left out)."""
    tokens: list[Any] = []
    depth = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        value = m.group()
        if kind == "lpar":
            depth += 1
            if depth > MAX_QUERY_DEPTH and not online:
                raise _depth_error()
            tokens.append("(")
        elif kind == "rpar":
            depth = max(depth - 1, 0)
            tokens.append(")")
        elif kind == "tag":
            if not value.endswith("]"):
                raise _usage(
                    f"the query has an unclosed field tag: {_clip(value)!r} has no ']'",
                    hint="close the tag right after its term, e.g. back[ti] pain",
                )
            prev = tokens[-1] if tokens else None
            if not isinstance(prev, _Term):
                raise _usage(
                    f'the field tag {_clip(value)} has no word or "phrase" before it',
                    hint="write the tag right after the term it applies to; "
                    "tag each term of a group: (pain[ti] OR back[ti])",
                )
            if prev.tag:
                raise _usage(
                    f"{_clip(prev.original + value)!r} has two field tags",
                    hint="give each term one tag, e.g. pain[tiab]",
                )
            # PubMed tags the words written before the tag as one phrase:
            # kidney allograft[tw] is "kidney allograft"[tw]
            start = len(tokens) - 1
            while start > 0 and _is_plain_word(tokens[start]) and _is_plain_word(tokens[start - 1]):
                start -= 1
            if start < len(tokens) - 1:
                words: list[_Term] = tokens[start:]
                if any(w.prefix for w in words[:-1]):
                    shown = _clip(" ".join(w.original for w in words) + value)
                    raise _usage(
                        f"{shown!r}: only the last word of a tagged phrase can end in *",
                        hint="move the * to the last word, or tag each word: canc*[ti] breast[ti]",
                    )
                prev = _Term(
                    " ".join(w.text for w in words),
                    prefix=words[-1].prefix,
                    original=" ".join(w.original for w in words),
                )
                tokens[start:] = [prev]
            prev.tag = value
            prev.original += value
            column = _tag_column(value)
            if column is None and not online:
                prev.drop = True
            else:
                prev.column = column or ""
        elif kind == "phrase":
            if len(value) < 2 or not value.endswith('"'):
                raise _usage(
                    f"the query has an unclosed quote: {_clip(value)!r}",
                    hint='close the phrase, e.g. "back pain"',
                )
            tokens.append(_Term(value[1:-1], original=value))
        elif value in _OPERATORS:
            tokens.append(value)
        elif _HISTORY.fullmatch(value.rstrip("*")):
            raise _usage(
                f"{_clip(value)!r} refers to PubMed's search history, which litcli cannot use",
                hint="write that search's terms out instead, e.g. '(ketamine OR esketamine) AND OCD'",
            )
        else:
            if value.startswith("-") and re.search(r"\w", value):
                word = value.lstrip("-")
                raise _usage(
                    f"{_clip(value)!r}: a leading '-' does not exclude a term in PubMed syntax",
                    hint=f"exclude it with NOT, e.g. 'pain NOT {_clip(word, 20)}', "
                    "or drop the '-' to search the word",
                )
            prefix = value.endswith("*")
            tokens.append(_Term(value.rstrip("*"), prefix=prefix, original=value))
    return tokens


def _depth_error() -> InvalidInputError:
    return _usage(
        f"the query nests groups more than {MAX_QUERY_DEPTH} deep",
        hint="use fewer parentheses: 'a OR b OR c' needs none, and neither does '(a OR b) AND c'",
    )


def _unsupported_tag(term: _Term, suffix: str = "") -> InvalidInputError:
    name = " ".join(term.tag[1:-1].split()).lower()
    hint = _TAG_HINTS.get(name, "search the words without the tag or with a supported one")
    return _usage(
        f"the tag {_clip(term.tag, 30)} cannot be searched offline{suffix} "
        f"(supported: {SUPPORTED_TAGS})",
        hint=hint,
    )


class _Node:
    """A translated (sub)query: a phrase, or an n-ary AND / OR, or ``first NOT (rest)``."""

    __slots__ = ("op", "parts", "text", "depth", "inner")

    def __init__(self, op: str, parts: list[_Node] | None = None, text: str = "") -> None:
        self.op = op  # "TERM" | "AND" | "OR" | "NOT"
        self.parts: list[_Node] = parts or []
        self.text = text
        self.depth = 0  # parentheses around the deepest phrase when rendered
        self.inner = 0  # NOT: the deepest excluded part

    def render(self) -> str:
        if self.op == "TERM":
            return self.text
        if self.op == "NOT":
            rest = self.parts[1:]
            right = (
                rest[0].render()
                if len(rest) == 1
                else "(" + " OR ".join(p.render() for p in rest) + ")"
            )
            return f"({self.parts[0].render()} NOT {right})"
        if len(self.parts) == 1:
            return self.parts[0].render()
        return "(" + f" {self.op} ".join(p.render() for p in self.parts) + ")"


def _term_node(term: _Term) -> _Node | None:
    if term.drop or not re.search(r"\w", term.text):
        return None
    quoted = '"' + term.text.replace('"', '""') + '"' + ("*" if term.prefix else "")
    return _Node("TERM", text=f"{term.column} : {quoted}" if term.column else quoted)


def _combine(left: _Node, op: str, right: _Node, max_depth: int | None = MAX_QUERY_DEPTH) -> _Node:
    """``left op right``, flattened: (a OR b) OR c -> (a OR b OR c), (a NOT b) NOT c ->
    (a NOT (b OR c)).  Raises InvalidInputError when the result nests deeper than
    ``max_depth`` (None: no limit)."""
    if op == "NOT":
        if left.op != "NOT":
            left = _Node("NOT", [left])
            left.depth = 1 + left.parts[0].depth
        left.parts.append(right)
        left.inner = max(left.inner, right.depth)
        rest = left.inner + (1 if len(left.parts) > 2 else 0)
        left.depth = max(left.depth, 1 + rest)
    else:
        if left.op != op:
            left = _Node(op, [left])
            left.depth = 1 + left.parts[0].depth
        if right.op == op:
            left.parts.extend(right.parts)
            left.depth = max(left.depth, right.depth)
        else:
            left.parts.append(right)
            left.depth = max(left.depth, 1 + right.depth)
    if max_depth is not None and left.depth > max_depth:
        raise _depth_error()
    return left


class _Parser:
    """PubMed's boolean syntax, read left to right (see fts_query)."""

    def __init__(self, tokens: list[Any], *, online: bool = False) -> None:
        self.tokens = tokens
        self.max_depth = None if online else MAX_QUERY_DEPTH
        self.pos = 0
        self.level = 0  # open parentheses
        self.dropped: list[_Term] = []  # terms whose tag cannot be searched, in order

    def peek(self) -> Any:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def parse(self) -> _Node | None:
        node = self.chain()
        if self.peek() == ")":
            raise _usage(
                "the query has a ')' without a matching '('",
                hint="remove the ')' or add the '(' where the group starts",
            )
        return node

    def chain(self) -> _Node | None:
        """unit (operator unit)*: AND, OR and NOT applied left to right, as PubMed does."""
        self.expect_operand(None)
        acc = self.unit()
        while self.peek() in _OPERATORS:
            op = self.peek()
            self.pos += 1
            if op == "AND" and self.peek() == "NOT":  # 'pain AND NOT back' = 'pain NOT back'
                op = "NOT"
                self.pos += 1
            self.expect_operand(op)
            right = self.unit()
            if right is None:  # only unsearchable tags: left out (FtsQuery.ignored)
                continue
            if acc is None:
                if op == "NOT":
                    raise _unsupported_tag(self.dropped[0], ", so NOT has nothing to exclude from")
                acc = right
            else:
                acc = _combine(acc, op, right, self.max_depth)
        return acc

    def expect_operand(self, op: str | None) -> None:
        tok = self.peek()
        if isinstance(tok, _Term) or tok == "(":
            return
        if tok in _OPERATORS:
            if op is None:
                if tok == "NOT":
                    raise _usage(
                        "NOT needs a term before it: it excludes from what comes before",
                        hint=f"put what to find first, e.g. {_EXAMPLE['NOT']}",
                    )
                raise _usage(
                    f"{tok} needs a term before it", hint=f"e.g. {_EXAMPLE[tok]}, or remove the {tok}"
                )
            if op == "OR" and tok == "NOT":
                raise _usage(
                    "'OR NOT' cannot be searched: NOT excludes from the terms before it",
                    hint=f"use {_EXAMPLE['NOT']} or 'pain OR back'",
                )
            raise _usage(
                f"'{op} {tok}' has no term between the operators",
                hint=f"remove one of them, e.g. {_EXAMPLE[op]}",
            )
        if op is not None:
            raise _usage(f"{op} needs a term after it", hint=f"e.g. {_EXAMPLE[op]}, or remove the {op}")
        if tok == ")":
            if self.level:
                raise _usage("the query has empty parentheses '()'", hint="remove them or put terms inside")
            raise _usage(
                "the query has a ')' without a matching '('",
                hint="remove the ')' or add the '(' where the group starts",
            )
        if self.level:
            raise self.unclosed()

    def unclosed(self) -> InvalidInputError:
        return _usage(
            "the query has an unclosed parenthesis",
            hint="close the group, e.g. '(back OR pain) AND exercise'",
        )

    def unit(self) -> _Node | None:
        """Terms and groups written next to each other: ANDed, and bound before the
        operators around them (PubMed reads 'back pain OR neck' as (back pain) OR neck)."""
        acc: _Node | None = None
        while True:
            tok = self.peek()
            if isinstance(tok, _Term):
                self.pos += 1
                node = _term_node(tok)
                if tok.drop:
                    self.dropped.append(tok)
            elif tok == "(":
                self.pos += 1
                self.level += 1
                node = self.chain()
                if self.peek() != ")":
                    raise self.unclosed()
                self.pos += 1
                self.level -= 1
            else:
                return acc
            if node is not None:
                acc = node if acc is None else _combine(acc, "AND", node, self.max_depth)


def _has_words(text: str) -> bool:
    """Whether a query has a word outside field tags that is not an operator."""
    text = re.sub(r"\[[^\]]*\]?", " ", text)
    return any(
        re.search(r"\w", w) for w in re.split(r"[\s()\"]+", text) if w not in _OPERATORS
    )


def fts_query(text: str) -> FtsQuery:
    """Translate a user's query into a safe FTS5 expression.

    The query is PubMed syntax and means what it means in PubMed:

    * words and "quoted phrases"; a trailing ``*`` searches a prefix (``ketam*``);
    * ``AND``, ``OR`` and ``NOT`` (upper case) apply left to right with equal
      precedence, as in PubMed: ``a OR b AND c`` is ``(a OR b) AND c``; parentheses
      group.  Terms written next to each other are ANDed and bind first
      (``back pain OR neck`` is ``(back AND pain) OR neck``);
    * ``a AND NOT b`` (not accepted by PubMed) is read as ``a NOT b``;
    * field tags right after a term: [ti], [tiab], [ab], [mh] (and [majr], [sh],
      [nm]: the MeSH column), [ot]/[kw], [au]/[cn], [tw]/[all]; as in PubMed, a tag
      after several words tags them as one phrase (``kidney allograft[tw]``,
      ``randomized controlled trial[pt]``).  A term whose tag
      cannot be searched offline (``2015[dp]``, ``review[pt]``, ``pain[tiab:~2]``)
      is left out and listed in ``FtsQuery.ignored`` so callers can say so; when
      nothing else is left, the query is refused naming the tag.

    Anything that cannot be translated faithfully is an InvalidInputError (a usage
    error) naming the problem, never a silent change of meaning: a leading
    operator (``NOT pain``: FTS5, like PubMed's logic, needs something to exclude
    from), a missing term after an operator, two operators in a row (``OR NOT``),
    unclosed or unmatched parentheses, quotes or field tags, a tag without a term
    or a term with two tags, a word starting with ``-`` (not an operator in PubMed:
    use NOT), and groups nested more than MAX_QUERY_DEPTH deep.  AND and OR
    chains are emitted flat, so a query of hundreds of ORed terms works.  Every
    phrase is quoted, so FTS5 syntax errors cannot happen.
    """
    node, tokens = _parse(text, online=False)
    ignored = [t.original for t in tokens if isinstance(t, _Term) and t.drop]
    return FtsQuery(node.render(), ignored)


def check_syntax(text: str) -> None:
    """The query validator ``litcli search`` shares with the library (one parser, the
    same messages): raise InvalidInputError for a query PubMed would misread or refuse
    ('AND', '[mh] [ab]', '#1', 'pain AND', a tag without a term, ...).  Online every
    field tag is PubMed's to judge and there is no nesting limit; the query itself is
    sent unchanged."""
    _parse(text, online=True)


def _parse(text: str, *, online: bool) -> tuple[_Node, list[Any]]:
    clean = strip_control(text)
    no_words = InvalidInputError(
        f"the query has no words to search for: {text.strip()[:60]!r}",
        hint='give words or "phrases", e.g. "ketamine depression"',
    )
    try:
        tokens = _tokenize(clean, online=online)
        parser = _Parser(tokens, online=online)
        node = parser.parse()
    except InvalidInputError:
        if not _has_words(clean):  # 'AND', '[ti]', '(': say that first
            raise no_words from None
        raise
    if node is None:
        if parser.dropped:
            raise _unsupported_tag(parser.dropped[0])
        raise no_words
    return node, tokens
