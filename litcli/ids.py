"""Recognise the identifiers users type: PMIDs, DOIs, PMCIDs and PubMed URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from litcli.errors import InvalidInputError


@dataclass(frozen=True)
class Identifier:
    kind: str  # "pmid" | "doi" | "pmcid"
    value: str  # normalised: digits for PMIDs, "10.x/y" for DOIs, "PMC123" for PMCIDs
    original: str

    def __str__(self) -> str:
        return self.original


# Identifiers are ASCII: re.ASCII keeps "\d" from matching fullwidth or other Unicode digits
# ("２６７０２１６０" is not PMID 26702160) and str.isdigit() is never used (it accepts "²³").
_DIGITS = re.compile(r"[0-9]+", re.ASCII)
_PMID = re.compile(r"^(?:pmid:?\s*)?(\d{1,9})$", re.IGNORECASE | re.ASCII)
_PUBMED_URL = re.compile(
    r"^(?:https?://)?(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/)(\d{1,9})/?(?:[?#].*)?$",
    re.IGNORECASE | re.ASCII,
)
_PMC = re.compile(
    r"^(?:pmcid:?\s*)?(?:(?:https?://)?(?:www\.)?(?:ncbi\.nlm\.nih\.gov/pmc/articles/|pmc\.ncbi\.nlm\.nih\.gov/articles/))?(PMC\d{1,10})/?(?:[?#].*)?$",
    re.IGNORECASE | re.ASCII,
)
_DOI = re.compile(r"^(?:doi:\s*|(?:https?://)?(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.IGNORECASE | re.ASCII)


# C0/C1 controls (tabs and line breaks inside an identifier too), DEL, bidi embedding /
# override / isolate controls, zero-width and other invisible format characters.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def is_ascii_digits(text: str) -> bool:
    """True for a non-empty run of ASCII digits 0-9 only (never "²³" or "２３")."""
    return _DIGITS.fullmatch(text) is not None


def parse_id(text: str) -> Identifier:
    """Parse one identifier; raise InvalidInputError naming it when unrecognised."""
    raw = text.strip()
    if not raw:
        raise InvalidInputError("empty identifier", hint="give a PMID, DOI, PMCID or PubMed URL")
    control = _CONTROL.search(raw)
    if control:  # a pasted terminal escape or an invisible character: never sent to NCBI
        shown = raw if len(raw) <= 60 else raw[:57] + "..."
        raise InvalidInputError(
            f"identifier {shown!r} contains a control character (U+{ord(control.group()):04X})",
            hint="retype the identifier",
        )
    if m := _PMID.match(raw):
        pmid = m.group(1).lstrip("0")
        if pmid:
            return Identifier("pmid", pmid, raw)
    if m := _PUBMED_URL.match(raw):
        return Identifier("pmid", m.group(1), raw)
    if m := _PMC.match(raw):
        return Identifier("pmcid", m.group(1).upper(), raw)
    if m := _DOI.match(unquote(raw)):
        return Identifier("doi", m.group(1).rstrip(".,;").lower(), raw)
    shown = raw if len(raw) <= 60 else raw[:57] + "..."
    raise InvalidInputError(
        f"not a PMID, DOI, PMCID or PubMed URL: {shown!r}",
        hint="examples: 23392687, PMID:23392687, 10.1038/npp.2013.22, PMC3668120",
    )


def parse_ids(texts: list[str]) -> list[Identifier]:
    """Parse many identifiers, de-duplicated, order kept."""
    seen: set[tuple[str, str]] = set()
    out: list[Identifier] = []
    for t in texts:
        ident = parse_id(t)
        key = (ident.kind, ident.value)
        if key not in seen:
            seen.add(key)
            out.append(ident)
    return out
