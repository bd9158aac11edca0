"""``litcli verify``: one claim against given records, a pasted abstract, or a file of pairs.

The orchestration around the stance reader (``litcli.claims.stance.judge``), free of Click:

* input checks: a claim must be a statement (not empty, not a question, not a heading
  without a verb, English, at most ``MAX_CLAIM_CHARS``); an abstract must be text (not empty,
  no NUL bytes, UTF-8, English, at most ``MAX_ABSTRACT_CHARS``);
* ``split_abstract``: a pasted abstract as (sentence, section) pairs, with labels such as
  "RESULTS:" or "Conclusions:" recognised;
* ``verify_records``: records fetched through ``service.get_records`` (library first, then
  PubMed), each judged, graded (design, n, human/animal) and flagged, plus the overall line;
* ``PairsRun``: the batch mode, one output object per input line, in input order
  (schema ``litcli.verify/1``, docs/CHECK.md).

Every judgement is serialised through ``Judgement.to_dict()``: the reader owns its keys.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import IO, TYPE_CHECKING, Any

from litcli.claims import regexcache
from litcli.claims import vocabulary as vocab
from litcli.claims.stance import CONTRADICTS, NEUTRAL, SUPPORTS, Judgement, judge, record_sentences
from litcli.errors import InputFileError, InvalidInputError, LitcliError
from litcli.textsafe import json_inert, one_line

if TYPE_CHECKING:
    from litcli.models import Record

SCHEMA = "litcli.verify/1"
MAX_CLAIM_CHARS = 1_000
MAX_ABSTRACT_CHARS = 100_000
MAX_LINE_CHARS = 1_000_000  # one --pairs line (JSON text); longer lines are refused unread
_READ_CHUNK = 1 << 16

Sentence = tuple[str, "str | None"]

__all__ = [
    "MAX_ABSTRACT_CHARS",
    "MAX_CLAIM_CHARS",
    "MAX_LINE_CHARS",
    "SCHEMA",
    "Overall",
    "PairsRun",
    "RecordResult",
    "VerifyReport",
    "abstract_problem",
    "check_abstract",
    "check_claim",
    "claim_problem",
    "claim_statement",
    "dumps_line",
    "judge_abstract",
    "looks_english",
    "overall",
    "read_abstract",
    "split_abstract",
    "verify_records",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- language --------------------------------------------------------------------------------

# Common English function words (and two words of every abstract: patients, study).
_EN_WORDS = _words(
    """the of and in to with was were is are for that this by on from as at be been not or than
    which these those their there it its we our after before between during into compared
    versus who whom has have had no but also may can did does do more less most both each
    such other only all any patients study group groups"""
)
# Function words of the other languages PubMed abstracts come in (Spanish, French, German,
# Italian, Portuguese, Dutch) that are not English words.
_FOREIGN_WORDS = _words(
    """el la los las del y en con para por una un es se que lo como más entre sin sobre
    le les des du une est dans pour sur avec par pas qui ne au aux ces sont été
    der die das und ist mit von den dem zu bei nicht ein eine auf für sich auch oder wurde
    wurden il di che gli delle della nel sono è dei da
    os dos em um uma não foi são ao pelo pela com
    het een zijn niet met voor op aan bij werd werden"""
)
_WORD_RE = regexcache.compile(r"[^\W\d_]+")
_ENGLISH_SAMPLE = 4_000  # characters read by looks_english (the start of a long text)
_NON_LATIN = regexcache.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")


def looks_english(text: str) -> bool:
    """A simple, documented heuristic (docs/CHECK.md):

    * at least half of the letters are Latin (A-Z with accents; Greek or other letters in
      formulas are allowed as long as they are the minority), and
    * the text does not have more (and at least two) Spanish / French / German / Italian /
      Portuguese / Dutch function words (written in lower case, so that acronyms such as
      "ET" or "SE" do not count) than English ones.

    Tables of numbers and lists of outcome names pass: only text that is recognisably in
    another language or another script is refused.  Only the first 4,000 characters are read.
    """
    text = text[:_ENGLISH_SAMPLE]
    words = _WORD_RE.findall(text)
    letters = sum(map(len, words))
    if letters == 0:
        return True  # nothing to judge by (the claim/abstract checks name the real problem)
    if len(_NON_LATIN.findall(text)) * 2 > letters:
        return False
    if sum(map(_FOREIGN_WORDS.__contains__, words)) < 2:
        return True  # (fewer than two foreign function words, whatever follows a slash)
    en = sum(map(_EN_WORDS.__contains__, map(str.lower, words)))
    # (a unit after a slash is no word: "2.13%/y" is per year, not Spanish "y")
    foreign = sum(1 for m in _WORD_RE.finditer(text) if m.group(0) in _FOREIGN_WORDS and text[m.start() - 1 : m.start()] != "/")
    return not (foreign >= 2 and foreign > en)


# --- the claim ---------------------------------------------------------------------------------

_CLAIM_WORD = regexcache.compile(r"[A-Za-z][A-Za-z'-]*")


@cache
def _claim_verbs() -> re.Pattern[str]:
    from litcli.claims.vocabulary import CLAIM_VERBS

    return regexcache.compile(rf"\b{CLAIM_VERBS}\b", re.IGNORECASE)


def _has_verb(claim: str) -> bool:
    """Could the claim contain a finite verb?  Lenient on purpose (no part-of-speech tagger):
    a claim of more than 12 words, an auxiliary or a known verb in any form, a word in -ed,
    or a word in -s that does not start the claim or follow a preposition or article
    ("Benefits of ketamine", "Ketamine for depression" have none)."""
    words = _CLAIM_WORD.findall(claim)
    if len(words) > 12 or len(words) >= 7 and claim.rstrip().endswith("."):
        return True  # headings are short and seldom end in a full stop: a sentence gets the benefit of the doubt
    prev = ""
    for i, word in enumerate(words):
        w = word.lower()
        if w in vocab.FINITE_VERB_WORDS:
            return True
        if len(w) > 3 and w.endswith("ed"):
            return True
        if prev in vocab.VERB_ADVERBS and w not in vocab.NOUN_BEFORE_WORDS:
            return True  # "Children rarely transmit COVID": a word after "rarely", "often", "never" is a verb
        if w.endswith("s") and len(w) > 3 and i > 0:  # "Benefits of ...": a noun
            stem = w[:-2] if w.endswith("es") and w[:-2] in vocab.FINITE_VERB_WORDS else w[:-1]
            if stem in vocab.FINITE_VERB_WORDS:
                return True
            if prev not in vocab.NOUN_BEFORE_WORDS and not w.endswith(("ss", "us", "is")):
                return True
        prev = w
    return bool(_claim_verbs().search(claim)) or bool(_HEADLINE_COMPARISON.search(claim))


# a headline's comparison states a claim without a verb: "New study: ketamine no better than placebo for anxiety"
_HEADLINE_COMPARISON = regexcache.compile(
    r"\b(?:no|not|far|much|slightly)?\s*(?:better|worse|more effective|less effective|safer|superior|inferior)\s+(?:than|to)\s+\w"
    r"|\bas\s+(?:good|effective|safe|well)\s+as\s+\w",
    re.IGNORECASE,
)


# a question added after a statement, as forum posts do: "X cured my Y - anyone else had the same?",
# "Ketamine works for OCD. Has anyone tried it?"
_QUESTION_TAIL = regexcache.compile(r"^(?P<head>.*\w.*?)(?:\s+[-–—]+\s+|[.!]\s+)(?P<tail>[^.!?]*\?[\"'”’»)\]]*)\s*$", re.DOTALL)


def claim_statement(claim: str) -> str:
    """The claim on one line, without a question added after its statement (the statement is
    what is judged); a claim that is only a question stays one."""
    from litcli.claims.extract import is_question

    text = one_line(claim)
    tail = _QUESTION_TAIL.match(text) if is_question(text) else None
    head = tail.group("head") if tail is not None else ""
    if tail is not None and not is_question(head) and not _ASKS.match(head) and _has_verb(head):
        return head.strip()
    return text


# a question asked without its mark: "Is ketamine safe - what do you think?"
_ASKS = regexcache.compile(
    r"^\W*(?:is|are|was|were|does|do|did|can|could|should|would|will|has|have|may|might|why|how|what|when|who|which|where)\b", re.IGNORECASE
)


def claim_problem(claim: str) -> str | None:
    """Why ``claim`` cannot be verified, or None."""
    from litcli.claims.extract import is_question
    from litcli.claims.frame import claim_core

    if "\x00" in claim:
        return "the claim contains NUL bytes (binary data?)"
    text = claim_statement(claim)
    if not text:
        return "the claim is empty"
    if len(text) > MAX_CLAIM_CHARS:
        return f"the claim is too long ({len(text):,} characters; at most {MAX_CLAIM_CHARS:,})"
    if not _WORD_RE.search(text):
        return "the claim has no words"
    if is_question(text):
        return 'the claim is a question; state it as a sentence (e.g. "Ketamine reduces depressive symptoms.")'
    if not looks_english(text):
        return "the claim does not look like English (litcli reads English claims and abstracts)"
    if not _has_verb(text) and not _has_verb(claim_core(text)):
        # (clinicians' shorthand reads as a sentence: "HCL > SAP for HbA1c" is "HCL is superior to SAP ...")
        return (
            "the claim looks like a heading (no verb); state what is claimed "
            '(e.g. "Ketamine reduces depressive symptoms.")'
        )
    return None


def check_claim(claim: str) -> str:
    """The claim on one line, or InvalidInputError (exit 2) saying what is wrong with it."""
    problem = claim_problem(claim)
    if problem:
        raise InvalidInputError(problem)
    return claim_statement(claim)


# --- the abstract ------------------------------------------------------------------------------


def abstract_problem(text: str) -> str | None:
    """Why a pasted abstract cannot be judged, or None."""
    if "\x00" in text:
        return "the abstract contains NUL bytes (binary data?)"
    if len(text) > MAX_ABSTRACT_CHARS:
        return (
            f"the abstract is too long ({len(text):,} characters; at most {MAX_ABSTRACT_CHARS:,}): "
            "give the abstract, not the whole article"
        )
    if not text.strip():
        return "the abstract is empty"
    if not _WORD_RE.search(text):
        return "the abstract has no words"
    if not looks_english(text):
        return "the abstract does not look like English (litcli reads English claims and abstracts)"
    return None


def check_abstract(text: str) -> None:
    problem = abstract_problem(text)
    if problem:
        raise InputFileError(problem)


def read_abstract(source: str, stdin: IO[bytes] | None = None) -> str:
    """The text of an abstract file (``-``: ``stdin``), read in bounded memory and checked.

    UTF-8 (a BOM is allowed) or UTF-16 with a BOM; anything else, NUL bytes, an empty file or
    more than ``MAX_ABSTRACT_CHARS`` characters is an InputFileError (exit 6).
    """
    import sys

    limit = MAX_ABSTRACT_CHARS * 4 + 4  # bytes: 4 per character at most in UTF-8
    name = "stdin" if source == "-" else source
    try:
        if source == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(limit + 1)
        else:
            with open(source, "rb") as fh:
                data = fh.read(limit + 1)
    except OSError as exc:
        raise InputFileError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputFileError(
            f"{name}: the abstract is too long (more than {MAX_ABSTRACT_CHARS:,} characters): "
            "give the abstract, not the whole article"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputFileError(f"{name} is not text (invalid UTF-16)") from None
    else:
        if b"\x00" in data:
            raise InputFileError(f"{name} is not text (it contains NUL bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputFileError(
                f"{name} is not UTF-8 text (undecodable byte at offset {exc.start})"
            ) from None
    problem = abstract_problem(text)
    if problem:
        raise InputFileError(f"{name}: {problem}")
    return text


# Section labels of structured abstracts, as NLM files them (its NlmCategory).
_SECTION_CATEGORIES = {
    "BACKGROUND": "BACKGROUND", "INTRODUCTION": "BACKGROUND", "CONTEXT": "BACKGROUND",
    "IMPORTANCE": "BACKGROUND", "RATIONALE": "BACKGROUND",
    "OBJECTIVE": "OBJECTIVE", "OBJECTIVES": "OBJECTIVE", "AIM": "OBJECTIVE", "AIMS": "OBJECTIVE",
    "PURPOSE": "OBJECTIVE", "GOAL": "OBJECTIVE", "GOALS": "OBJECTIVE",
    "METHODS": "METHODS", "METHOD": "METHODS", "DESIGN": "METHODS", "SETTING": "METHODS",
    "PARTICIPANTS": "METHODS", "PATIENTS": "METHODS", "INTERVENTION": "METHODS",
    "INTERVENTIONS": "METHODS", "MEASUREMENTS": "METHODS", "MAIN OUTCOME MEASURES": "METHODS",
    "MATERIALS AND METHODS": "METHODS", "PATIENTS AND METHODS": "METHODS", "STUDY DESIGN": "METHODS",
    "DESIGN, SETTING, AND PARTICIPANTS": "METHODS", "EXPOSURE": "METHODS", "EXPOSURES": "METHODS",
    "RESULTS": "RESULTS", "RESULT": "RESULTS", "FINDINGS": "RESULTS", "METHODS AND RESULTS": "RESULTS",
    "CONCLUSIONS": "CONCLUSIONS", "CONCLUSION": "CONCLUSIONS", "INTERPRETATION": "CONCLUSIONS",
    "CONCLUSIONS AND RELEVANCE": "CONCLUSIONS", "DISCUSSION": "CONCLUSIONS",
    "SIGNIFICANCE": "CONCLUSIONS", "IMPLICATIONS": "CONCLUSIONS", "CLINICAL RELEVANCE": "CONCLUSIONS",
    "LIMITATIONS": "CONCLUSIONS", "TRIAL REGISTRATION": "UNASSIGNED", "FUNDING": "UNASSIGNED",
}
# A label at the start of the text, of a line, or of a sentence: a known one in any case, or
# any run of capitals ("PRIMARY OUTCOME:"), followed by a colon.
_KNOWN = "|".join(sorted((re.escape(k) for k in _SECTION_CATEGORIES), key=len, reverse=True))
_LABEL = regexcache.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?]\s))[ \t]*((?i:{_KNOWN})|[A-Z][A-Z ,&/-]{{2,40}}[A-Z])\s*:[ \t]*(?=\S)",
)


def split_abstract(text: str) -> list[Sentence]:
    """A pasted abstract as (sentence, section label) pairs, in order.

    Section labels such as "RESULTS:", "Conclusions:" or "MAIN OUTCOME MEASURES:" at the
    start of the text, of a line or of a sentence start a section; known labels are given
    NLM's category (BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS), others are kept
    in capitals.  Sentences before any label have no section (None).
    """
    from litcli.claims.sentences import split_sentences

    out: list[Sentence] = []
    pos = 0
    section: str | None = None
    for m in _LABEL.finditer(text):
        for s in split_sentences(text[pos : m.start()]):
            out.append((s, section))
        raw = " ".join(m.group(1).split()).upper()
        section = _SECTION_CATEGORIES.get(raw, raw)
        pos = m.end()
    for s in split_sentences(text[pos:]):
        out.append((s, section))
    return out


def judge_abstract(claim: str, text: str, *, title: str | None = None) -> Judgement:
    """The stance of a pasted abstract toward ``claim`` (both checked first)."""
    claim = check_claim(claim)
    check_abstract(text)
    return judge(claim, split_abstract(text), title=title)


# --- records -------------------------------------------------------------------------------------


@dataclass
class RecordResult:
    """One record (or pasted abstract, ``record`` None) judged against the claim."""

    id: Any  # the identifier as typed (or the pair's id, any JSON value)
    judgement: Judgement
    record: Record | None = None
    design: str | None = None
    model: str | None = None
    n: int | None = None

    @property
    def flags(self) -> list[str]:
        return self.record.flags if self.record is not None else []

    @property
    def counted(self) -> bool:
        """Counts toward the overall line: not retracted and not a retraction notice."""
        from litcli.models import FLAG_RETRACTED, FLAG_RETRACTION_NOTICE

        return not ({FLAG_RETRACTED, FLAG_RETRACTION_NOTICE} & set(self.flags))

    @property
    def stance(self) -> str:
        return self.judgement.stance

    def record_dict(self) -> dict[str, Any] | None:
        r = self.record
        if r is None:
            return None
        return {
            "pmid": r.pmid,
            "title": r.title,
            "first_author": r.first_author,
            "year": r.year,
            "journal": r.journal.abbreviation or r.journal.title,
            "doi": r.doi,
            "url": r.pubmed_url,
            "design": self.design,
            "model": self.model,
            "n": self.n,
            "flags": self.flags,
            "counted": self.counted,
        }

    def to_dict(self) -> dict[str, Any]:
        """``{"id", **judgement.to_dict(), "record"?}`` (the ``litcli.verify/1`` line)."""
        out: dict[str, Any] = {"id": self.id, **self.judgement.to_dict()}
        rec = self.record_dict()
        if rec is not None:
            out["record"] = rec
        return out


def result_for_record(ident: Any, claim: str, record: Record) -> RecordResult:
    from litcli.claims.evidence import grade, sample_size, study_model

    return RecordResult(
        id=ident,
        judgement=judge(claim, record_sentences(record), title=record.title or None),
        record=record,
        design=grade(record),
        model=study_model(record),
        n=sample_size(record.abstract_text),
    )


@dataclass
class Overall:
    """The overall line: what the counted records say, together."""

    stance: str  # supports | contradicts | mixed | no stance | no records
    counts: dict[str, int]
    not_counted: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "stance": self.stance,
            "counts": dict(self.counts),
            "not_counted": self.not_counted,
            "records": self.total,
        }

    def line(self) -> str:
        """'Overall: mixed (the records disagree) — 2 supporting, 1 contradicting, 1 neutral
        (1 retracted record not counted)'."""
        c = self.counts
        if self.total == 0:
            return "Overall: no records to judge"
        parts = [f"{c[SUPPORTS]} supporting", f"{c[CONTRADICTS]} contradicting", f"{c[NEUTRAL]} neutral"]
        what = {
            SUPPORTS: "supports",
            CONTRADICTS: "contradicts",
            "mixed": "mixed (the records disagree)",
            "no stance": "no stance (no record supports or contradicts the claim)",
            "no records": "no counted records",
        }[self.stance]
        line = f"Overall: {what} — {', '.join(parts)}"
        if self.not_counted:
            noun = "record" if self.not_counted == 1 else "records"
            line += f" ({self.not_counted} retracted {noun} not counted)"
        return line


def overall(results: Sequence[RecordResult]) -> Overall:
    counts = {SUPPORTS: 0, CONTRADICTS: 0, NEUTRAL: 0}
    not_counted = 0
    for r in results:
        if not r.counted:
            not_counted += 1
            continue
        counts[r.stance if r.stance in counts else NEUTRAL] += 1
    if not any(counts.values()):
        stance = "no records"
    elif counts[SUPPORTS] and counts[CONTRADICTS]:
        stance = "mixed"
    elif counts[SUPPORTS]:
        stance = SUPPORTS
    elif counts[CONTRADICTS]:
        stance = CONTRADICTS
    else:
        stance = "no stance"
    return Overall(stance, counts, not_counted, len(results))


@dataclass
class VerifyReport:
    claim: str
    mode: str  # "ids" | "abstract"
    results: list[RecordResult] = field(default_factory=list)
    not_found: list[tuple[str, str]] = field(default_factory=list)  # (ID as typed, reason)
    source: str | None = None  # the abstract file ("-": stdin)

    @property
    def overall(self) -> Overall:
        return overall(self.results)

    def to_dict(self) -> dict[str, Any]:
        from litcli import __version__

        doc: dict[str, Any] = {
            "schema": SCHEMA,
            "generator": f"litcli {__version__}",
            "claim": self.claim,
            "mode": self.mode,
        }
        if self.source is not None:
            doc["source"] = self.source
        doc["results"] = [r.to_dict() for r in self.results]
        doc["overall"] = self.overall.to_dict()
        doc["not_found"] = [{"id": i, "reason": why} for i, why in self.not_found]
        return doc


def verify_abstract(claim: str, text: str, *, source: str = "-", title: str | None = None) -> VerifyReport:
    claim = check_claim(claim)
    check_abstract(text)
    j = judge(claim, split_abstract(text), title=title)
    return VerifyReport(claim, "abstract", [RecordResult(source, j)], source=source)


def verify_records(
    claim: str,
    identifiers: Sequence[Any],
    *,
    offline: bool = False,
    max_age: float | None = None,
    warn: Callable[[str], None] | None = None,
    fetch: Callable[..., tuple[list[Record], list[tuple[str, str]]]] | None = None,
) -> VerifyReport:
    """Judge ``claim`` against the records of ``identifiers`` (``Identifier`` or text),
    fetched in one ``service.get_records`` call.  Each record appears once, under the first
    identifier that named it; the unknown ones are in ``not_found``."""
    from litcli import service
    from litcli.ids import Identifier, parse_id

    claim = check_claim(claim)
    get = fetch or service.get_records
    kwargs: dict[str, Any] = {"offline": offline, "warn": warn}
    if max_age is not None:
        kwargs["max_age"] = max_age
    records, failures = get(list(identifiers), **kwargs)
    idents: list[Identifier] = []
    for i in identifiers:
        try:
            idents.append(i if isinstance(i, Identifier) else parse_id(str(i)))
        except InvalidInputError:
            continue  # get_records names it in its failures
    report = VerifyReport(claim, "ids", not_found=[(str(i), why) for i, why in failures])
    for record in records:
        report.results.append(result_for_record(_typed_id(record, idents), claim, record))
    return report


def _typed_id(record: Record, idents: Sequence[Any]) -> str:
    for ident in idents:
        if (
            (ident.kind == "pmid" and ident.value == record.pmid)
            or (ident.kind == "doi" and record.doi and record.doi.lower() == ident.value)
            or (ident.kind == "pmcid" and record.pmcid and record.pmcid.upper() == ident.value)
        ):
            return str(ident.original)
    return record.pmid


# --- batch: --pairs ----------------------------------------------------------------------------


def dumps_line(obj: dict[str, Any]) -> str:
    """One JSON line (UTF-8 text, no raw C1 or bidi controls), without the newline."""
    return json_inert(json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")))


class _LineError(Exception):
    def __init__(self, message: str, ident: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.ident = ident


_ID_PREFIX = regexcache.compile(r'\s*\{\s*"id"\s*:\s*')


def _id_from_prefix(text: str) -> Any:
    """The id of a line too long to parse, when it comes first (``{"id": ...``)."""
    m = _ID_PREFIX.match(text)
    if not m:
        return None
    try:
        value, _ = json.JSONDecoder().raw_decode(text, m.end())
    except ValueError:
        return None
    return value


@dataclass
class _Pair:
    number: int  # 1-based line number
    ident: Any
    claim: str
    sentences: list[Any] | None  # None: judge the record of ``pmid``
    title: str | None
    pmid: str | None


def _read_lines(stream: IO[bytes]) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, text, problem) for each line, read lazily; a line longer than
    ``MAX_LINE_CHARS`` is refused (its first part kept to find the id) and skipped unread."""
    number = 0
    limit = MAX_LINE_CHARS * 4  # bytes
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            head = raw[:_READ_CHUNK].decode("utf-8", "replace")
            while True:  # skip the rest of the line in bounded memory
                rest = stream.readline(_READ_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, head, f"the line is too long (more than {MAX_LINE_CHARS:,} characters)"
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, None, f"the line is not UTF-8 text (undecodable byte at column {exc.start + 1})"
            continue
        if number == 1 and text.startswith("\ufeff"):
            text = text[1:]
        if len(text) > MAX_LINE_CHARS + 2:
            yield number, text[:_READ_CHUNK], f"the line is too long (more than {MAX_LINE_CHARS:,} characters)"
            continue
        yield number, text, None


def _parse_pair(number: int, text: str) -> _Pair:
    if not text.strip():
        raise _LineError("blank line (each line must be one JSON object)")
    try:
        obj = json.loads(text)
    except ValueError as exc:
        raise _LineError(f"not valid JSON: {getattr(exc, 'msg', str(exc))} (column {getattr(exc, 'colno', '?')})") from None
    if not isinstance(obj, dict):
        raise _LineError(f"not a JSON object (a {type(obj).__name__}); expected {{\"id\", \"claim\", \"abstract\"}}")
    ident = obj.get("id")
    claim = obj.get("claim")
    if claim is None:
        raise _LineError('missing "claim"', ident)
    if not isinstance(claim, str):
        raise _LineError(f'"claim" must be a string, not {_json_type(claim)}', ident)
    problem = claim_problem(claim)
    if problem:
        raise _LineError(problem, ident)
    title = obj.get("title")
    if title is not None and not isinstance(title, str):
        raise _LineError(f'"title" must be a string, not {_json_type(title)}', ident)
    abstract = obj.get("abstract")
    pmid_value = obj.get("pmid")
    if abstract is not None and pmid_value is not None:
        raise _LineError('give either "abstract" or "pmid", not both', ident)
    if pmid_value is not None:
        return _Pair(number, ident, claim_statement(claim), None, title, _pmid(pmid_value, ident))
    if abstract is None:
        raise _LineError('missing "abstract" (text or a list of sentences) or "pmid"', ident)
    sentences: list[Any]
    if isinstance(abstract, str):
        problem = abstract_problem(abstract)
        if problem:
            raise _LineError(problem, ident)
        sentences = split_abstract(abstract)
    elif isinstance(abstract, list):
        if not all(isinstance(s, str) for s in abstract):
            bad = next(s for s in abstract if not isinstance(s, str))
            raise _LineError(f'"abstract" must be a string or a list of strings (found {_json_type(bad)})', ident)
        problem = abstract_problem("\n".join(abstract))
        if problem:
            raise _LineError(problem, ident)
        sentences = abstract  # one item, one sentence: never re-split (index = list position)
    else:
        raise _LineError(f'"abstract" must be a string or a list of strings, not {_json_type(abstract)}', ident)
    return _Pair(number, ident, claim_statement(claim), sentences, title, None)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string",
            list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def _pmid(value: Any, ident: Any) -> str:
    from litcli.ids import parse_id

    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise _LineError(f'"pmid" must be a PMID (text or a number), not {_json_type(value)}', ident)
    try:
        parsed = parse_id(str(value))
    except InvalidInputError as exc:
        raise _LineError(f'"pmid": {exc.message}', ident) from None
    if parsed.kind != "pmid":
        raise _LineError(f'"pmid" must be a PMID, not a {parsed.kind.upper()}: {one_line(str(value))[:60]!r}', ident)
    return parsed.value


class PairsRun:
    """Judge a JSONL file of pairs; iterate for the output objects, one per input line, in order.

    Each input line is ``{"id", "claim", "abstract": text | [sentences], "title"?}`` or
    ``{"id", "claim", "pmid"}``; each output is ``{"id", **judgement.to_dict()}`` (plus
    ``"record"`` for a pmid line) or ``{"id", "error"}``.  Input is read lazily and each
    result is yielded as soon as it is known, until the first pmid line: from there on the
    results are held back (as small dicts) so that every PMID of the file is fetched in one
    ``get_records`` call at the end of the input, then everything held is yielded in order.
    After iterating, ``lines``, ``failed`` and ``fetch_error`` (a network or NCBI error that
    stopped the pmid lines; their lines carry its message) say how it went.
    """

    def __init__(
        self,
        stream: IO[bytes],
        *,
        offline: bool = False,
        warn: Callable[[str], None] | None = None,
        fetch: Callable[..., tuple[list[Record], list[tuple[str, str]]]] | None = None,
    ) -> None:
        self.stream = stream
        self.offline = offline
        self.warn = warn
        self.fetch = fetch
        self.lines = 0
        self.failed = 0
        self.fetch_error: LitcliError | None = None

    def _error(self, ident: Any, number: int, message: str) -> dict[str, Any]:
        self.failed += 1
        return {"id": ident, "error": f"line {number}: {one_line(message)}"}

    def _judge(self, pair: _Pair) -> dict[str, Any]:
        try:
            j = judge(pair.claim, pair.sentences or [], title=pair.title)
        except LitcliError as exc:
            return self._error(pair.ident, pair.number, exc.message)
        return {"id": pair.ident, **j.to_dict()}

    def __iter__(self) -> Iterator[dict[str, Any]]:
        held: list[dict[str, Any] | _Pair] | None = None  # from the first pmid line on
        for number, text, problem in _read_lines(self.stream):
            self.lines += 1
            out: dict[str, Any] | _Pair
            if problem is not None:
                out = self._error(_id_from_prefix(text) if text else None, number, problem)
            else:
                assert text is not None
                try:
                    pair = _parse_pair(number, text)
                except _LineError as exc:
                    out = self._error(exc.ident, number, exc.message)
                else:
                    out = pair if pair.pmid is not None else self._judge(pair)
            if isinstance(out, _Pair) and held is None:
                held = []
            if held is None:
                assert isinstance(out, dict)
                yield out
            else:
                held.append(out)
        if held:
            yield from self._resolve(held)

    def _resolve(self, held: list[dict[str, Any] | _Pair]) -> Iterator[dict[str, Any]]:
        from litcli import service

        pairs = [p for p in held if isinstance(p, _Pair)]
        pmids = list(dict.fromkeys(p.pmid for p in pairs if p.pmid))
        records: dict[str, Record] = {}
        reasons: dict[str, str] = {}
        get = self.fetch or service.get_records
        try:
            found, failures = get(pmids, offline=self.offline, warn=self.warn)
        except LitcliError as exc:
            self.fetch_error = exc
            found, failures = [], []
        records = {r.pmid: r for r in found}
        reasons = {str(i): why for i, why in failures}
        for item in held:
            if not isinstance(item, _Pair):
                yield item
                continue
            pmid = item.pmid or ""
            record = records.get(pmid)
            if record is None:
                if self.fetch_error is not None:
                    why = f"PMID {pmid} could not be fetched: {self.fetch_error.message}"
                else:
                    why = f"PMID {pmid}: {reasons.get(pmid, 'not found')}"
                yield self._error(item.ident, item.number, why)
                continue
            try:
                result = result_for_record(item.ident, item.claim, record)
            except LitcliError as exc:
                yield self._error(item.ident, item.number, exc.message)
                continue
            yield result.to_dict()
