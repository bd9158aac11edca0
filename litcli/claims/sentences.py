"""Sentence splitting that survives abbreviations, decimals, initials and "et al."."""

from __future__ import annotations

from litcli.claims import regexcache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Tokens that end with a period but do not end a sentence (compared lower-case,
# without the final period).
ABBREVIATIONS: frozenset[str] = _words(
    """
    e.g i.e vs v etc cf al approx ca dr mr mrs ms prof st jr sr inc ltd co corp fig figs ref refs
    vol no nos pp p min max mo wk wks yr yrs hr hrs dept univ est incl avg mean sd resp
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k i.v i.m s.c p.o b.i.d t.i.d q.d
    """
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets,
# whitespace, then something that can start a sentence.
_BOUNDARY = regexcache.compile(r"([.!?…]+)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9•])")
_TOKEN_BEFORE = regexcache.compile(r"(\S+)$")


_UNITS = _words("min h hr hrs wk wks mo yr yrs d s ms mg kg ml g")


def _is_abbreviation(before: str) -> bool:
    m = _TOKEN_BEFORE.search(before)
    if not m:
        return False
    raw = m.group(1).lstrip("([\"'“‘")
    token = raw.lower()
    if token in _UNITS and regexcache.search(r"\d\s+\S+$", before):
        return False  # "over 40 min. Response ...": a unit ends the sentence
    if token in ABBREVIATIONS:
        return True
    # initials: "J." in "Smith J. Results"; "A.B."
    return bool(regexcache.fullmatch(r"(?:[A-Z]\.)*[A-Z]", raw))


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences.

    Periods inside numbers ("0.5 mg/kg") never split because a boundary needs
    whitespace after the punctuation; abbreviations ("vs.", "e.g.", "Dr.") and
    initials do not split; "et al." splits only before a capitalised word that
    is not a year or a bracket.
    """
    text = " ".join(text.split())
    if not text:
        return []
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        punct = m.group(1)
        before = text[start : m.start(1)]
        nxt = text[m.end() :]
        if punct == ".":
            et_al_end = before.lower().endswith(" et al") and regexcache.match(r"[A-Z][a-z]", nxt)
            if _is_abbreviation(before) and not et_al_end:
                continue
            # "approximately 3. 5" style OCR noise: a bare digit before and after
            if regexcache.search(r"\d$", before) and regexcache.match(r"\d", nxt) and len(before) < 3:
                continue
        sentence = text[start : m.end(2)].strip()
        if sentence:
            out.append(sentence)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out
