"""How the library compresses a record's JSON and raw text (zlib with a preset dictionary).

A record's JSON and its PubMed XML are a few KB each and repeat the same keys and tags;
plain zlib spends much of each small blob re-learning them.  Blobs written now are
zlib streams with a preset dictionary (``DICTS``: one for the JSON, one for the XML /
MEDLINE text); the stream's header names its dictionary (zlib's DICTID, the Adler-32
of the dictionary), so older blobs (plain zlib, no dictionary) are read as before and
no migration is needed.  A dictionary, once used, must never change: add a new one
instead (``decompress`` finds it by its DICTID).
"""

from __future__ import annotations

import zlib
from typing import Any

__all__ = [
    "LEVEL",
    "RAW_WITH_RECORD",
    "compress_json",
    "compress_raw",
    "compress_raw_with",
    "decompress",
    "decompress_raw_with",
]

LEVEL = 4  # with the dictionaries: smaller than plain zlib at 6, and faster
# zlib's memLevel: 8 (zlib's default) sizes the hash table and the block buffer for the
# window; 9 doubles both (~380 KB of state a compressor instead of ~260 KB) for no gain
# on blobs of a few KB (the same sizes within 0.3%), and every blob allocates (and
# ``copy`` copies) that state: 9 cost 10-15 us a record more in an import and up to 3x
# more when each compressor's memory comes fresh from the system (a loop doing nothing
# else: the allocator returns the freed state and page-faults it in again).  The reader
# does not depend on it (inflate needs only the window size, in the stream's header).
MEM_LEVEL = 8

# The litcli.record/1 keys in the order json.dumps(sort_keys=True) writes them, with the
# most frequent values; zlib matches best against the dictionary's end.
JSON_DICT = " ".join(
    [
        '"Research Support, N.I.H., Extramural", "Research Support, Non-U.S. Gov\'t",',
        '"Comparative Study", "Review", "Randomized Controlled Trial", "Clinical Trial",',
        '"Meta-Analysis", "Systematic Review", "Case Reports", "English Abstract",',
        '"Adolescent", "Aged, 80 and over", "Middle Aged", "Young Adult", "Infant", "Child",',
        '"Child, Preschool", "Animals", "Mice", "Rats", "Treatment Outcome",',
        '"Retrospective Studies", "Prospective Studies", "Risk Factors", "Cohort Studies",',
        '"Cross-Sectional Studies", "Time Factors", "Follow-Up Studies", "therapy",',
        '"metabolism", "methods", "pharmacology", "drug therapy", "diagnosis",',
        '"epidemiology", "genetics", "physiology", "pathology", "surgery", "adverse effects",',
        '"chemistry", "etiology", "complications", "United States", "United Kingdom", "China",',
        '"Department of ", "University of ", "School of Medicine", "Hospital",',
        '"Electronic address: ", "publication_status": "epublish", "ppublish", "aheadofprint",',
        '"status": "MEDLINE", "PubMed-not-MEDLINE", "In-Data-Review", "In-Process",',
        '"ref_type": "ErratumIn", "CommentIn", "CommentOn", "RetractionIn", "Cites",',
        '"grants": [{"agency": "NIH HHS", "country": "United States", "grant_id": "',
        '"design": "other", "randomized controlled trial", "systematic review",',
        '"meta-analysis", "cohort", "case report", "review", "observational",',
        '{"abstract": [{"label": "BACKGROUND", "nlm_category": "BACKGROUND", "text": "',
        '{"label": "OBJECTIVE", "nlm_category": "OBJECTIVE", "text": "',
        '{"label": "METHODS", "nlm_category": "METHODS", "text": "',
        '{"label": "RESULTS", "nlm_category": "RESULTS", "text": "',
        '{"label": "CONCLUSIONS", "nlm_category": "CONCLUSIONS", "text": "',
        '{"label": null, "nlm_category": null, "text": "',
        '"abstract_text": "", "animals": false, "article_date": {"day": 1,',
        '"medline_date": null, "month": 1, "season": null, "year": 20},',
        '"authors": [{"affiliations": ["", "collective_name": null, "fore_name": "",',
        '"initials": "", "last_name": "", "orcid": null, "suffix": null},',
        '{"affiliations": [], "collective_name": null, "fore_name": "',
        '"book": null, "chemicals": [], "comments_corrections": [{"pmid": "',
        '", "ref_type": "", "source": "", "design": "other", "doi": "10.1',
        '", "evidence_rank": 9, "first_author": "',
        ' et al.", "flags": [], "grants": [], "humans": true, "journal": {"iso_abbreviation": "',
        '", "issn": "", "issue": "", "medline_ta": "", "pages": "", "title": "", "volume": "',
        '"}, "keywords": [], "kind": "article", "languages": ["eng"], "mesh": [{"descriptor": "',
        '", "major": false, "qualifiers": [{"major": false, "name": "',
        '"}], "ui": "D0", "pii": null, "pmcid": null, "pmid": "',
        '", "pub_date": {"day": null, "medline_date": null, "month": null, "season": null,',
        '"year": 20}, "publication_status": null, "publication_types": ["Journal Article",',
        '"schema": "litcli.record/1", "status": null, "title": "',
        '"Adult", "Aged", "Female", "Male", "Humans"',
        '", "url": "https://pubmed.ncbi.nlm.nih.gov/", "vernacular_title": null, "year": 20}',
    ]
).encode("utf-8")

# PubMed XML (PubmedArticle / MedlineCitation) tags and attributes, then MEDLINE tags.
RAW_DICT = (
    b"PMID- OWN - NLM\nSTAT- MEDLINE\nDCOM- LR  - IS  - VI  - IP  - DP  - TI  - PG  - LID - "
    b"AB  - FAU - AU  - AD  - LA  - eng\nGR  - PT  - Journal Article\nDEP - PL  - TA  - JT  - "
    b"JID - SB  - IM\nMH  - OT  - EDAT- MHDA- CRDT- PHST- AID - PST - ppublish\nSO  - "
    b'<CommentsCorrectionsList><CommentsCorrections RefType="ErratumIn"><RefSource>'
    b"</RefSource></CommentsCorrections></CommentsCorrectionsList>"
    b'<GrantList CompleteYN="Y"><Grant><GrantID></GrantID><Acronym></Acronym>'
    b"<Agency>NIH HHS</Agency><Country>United States</Country></Grant></GrantList>"
    b'<KeywordList Owner="NOTNLM"><Keyword MajorTopicYN="N"></Keyword></KeywordList>'
    b'<ChemicalList><Chemical><RegistryNumber>0</RegistryNumber><NameOfSubstance UI="D0">'
    b"</NameOfSubstance></Chemical></ChemicalList>"
    b'<PubmedData><History><PubMedPubDate PubStatus="received"><Year>20</Year><Month>'
    b'</Month><Day></Day></PubMedPubDate><PubMedPubDate PubStatus="accepted">'
    b'<PubMedPubDate PubStatus="pubmed"><PubMedPubDate PubStatus="medline">'
    b'<PubMedPubDate PubStatus="entrez"><Hour>0</Hour><Minute>0</Minute></History>'
    b"<PublicationStatus>ppublish</PublicationStatus><ArticleIdList>"
    b'<ArticleId IdType="pubmed"></ArticleId><ArticleId IdType="doi">10.'
    b'</ArticleId><ArticleId IdType="pii"></ArticleId><ArticleId IdType="pmc">PMC'
    b"</ArticleId></ArticleIdList></PubmedData></PubmedArticle>"
    b'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">'
    b"</PMID><DateCompleted><Year>20</Year><Month>0</Month><Day></Day></DateCompleted>"
    b'<DateRevised><Year>20</Year><Month></Month><Day></Day></DateRevised><Article PubModel="Print">'
    b'<Journal><ISSN IssnType="Print"></ISSN><JournalIssue CitedMedium="Print"><Volume>'
    b"</Volume><Issue></Issue><PubDate><Year>20</Year><Month></Month></PubDate></JournalIssue>"
    b"<Title></Title><ISOAbbreviation></ISOAbbreviation></Journal><ArticleTitle>"
    b"</ArticleTitle><Pagination><MedlinePgn></MedlinePgn></Pagination>"
    b'<ELocationID EIdType="doi" ValidYN="Y">10.</ELocationID><Abstract>'
    b'<AbstractText Label="BACKGROUND" NlmCategory="BACKGROUND">'
    b'<AbstractText Label="METHODS" NlmCategory="METHODS">'
    b'<AbstractText Label="RESULTS" NlmCategory="RESULTS">'
    b'<AbstractText Label="CONCLUSIONS" NlmCategory="CONCLUSIONS"></AbstractText>'
    b"<CopyrightInformation></CopyrightInformation></Abstract>"
    b'<AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName></LastName><ForeName>'
    b"</ForeName><Initials></Initials><AffiliationInfo><Affiliation>Department of "
    b", University of </Affiliation></AffiliationInfo></Author>"
    b"</AuthorList><Language>eng</Language><PublicationTypeList>"
    b'<PublicationType UI="D016428">Journal Article</PublicationType>'
    b'<PublicationType UI="D013485">Research Support, Non-U.S. Gov\'t</PublicationType>'
    b"</PublicationTypeList><ArticleDate DateType=\"Electronic\"><Year>20</Year><Month>"
    b"</Month><Day></Day></ArticleDate></Article><MedlineJournalInfo><Country>United States"
    b"</Country><MedlineTA></MedlineTA><NlmUniqueID></NlmUniqueID><ISSNLinking></ISSNLinking>"
    b'</MedlineJournalInfo><CitationSubset>IM</CitationSubset><MeshHeadingList><MeshHeading>'
    b'<DescriptorName UI="D006801" MajorTopicYN="N">Humans</DescriptorName></MeshHeading>'
    b'<MeshHeading><DescriptorName UI="D0" MajorTopicYN="N"></DescriptorName>'
    b'<QualifierName UI="Q000" MajorTopicYN="N"></QualifierName></MeshHeading>'
    b"</MeshHeadingList></MedlineCitation>"
)

# DICTID (the Adler-32 zlib writes into a stream's header) -> dictionary
DICTS: dict[int, bytes] = {zlib.adler32(d): d for d in (JSON_DICT, RAW_DICT)}


def _primed(zdict: bytes, level: int) -> Any:
    """A compressor that has already read ``zdict`` (copied per blob: setting a
    dictionary costs about as much as compressing it)."""
    key = (zdict, level)
    base = _PRIMED.get(key)
    if base is None:
        base = _PRIMED[key] = zlib.compressobj(
            level, zlib.DEFLATED, zlib.MAX_WBITS, MEM_LEVEL, zlib.Z_DEFAULT_STRATEGY, zdict
        )
    return base.copy()


_PRIMED: dict[tuple[bytes, int], Any] = {}


def compress_json(data: bytes, level: int = LEVEL) -> bytes:
    """A record's litcli.record/1 JSON, compressed with the JSON dictionary."""
    c = _primed(JSON_DICT, level)
    return bytes(c.compress(data) + c.flush())


def compress_raw(data: bytes, level: int = LEVEL) -> bytes:
    """A record's raw XML / MEDLINE text, compressed with the raw-text dictionary."""
    c = _primed(RAW_DICT, level)
    return bytes(c.compress(data) + c.flush())


def decompress(blob: bytes) -> bytes:
    """Any blob the library wrote: plain zlib (older libraries) or zlib with a preset
    dictionary named by its DICTID.  Raises zlib.error when it is neither."""
    if len(blob) >= 6 and blob[1] & 0x20:  # FDICT: a DICTID follows the 2-byte header
        zdict = DICTS.get(int.from_bytes(blob[2:6], "big"))
        if zdict is None:
            raise zlib.error("compressed with an unknown dictionary")
        d = zlib.decompressobj(zlib.MAX_WBITS, zdict)
        out = d.decompress(blob) + d.flush()
        if not d.eof:
            raise zlib.error("incomplete or truncated stream")
        return out
    return zlib.decompress(blob)


# ``raw_encoding`` of a raw text compressed against its own row's record: most of a raw
# text (title, abstract, authors, MeSH) is also in the record's JSON, so the preset
# dictionary is RAW_DICT followed by that JSON (uncompressed): 1,660 -> 710 bytes a
# record on the benchmark's records.  Reading it needs the row's record JSON; a row's
# JSON never changes without its raw text being written again (Library._store_batch).
RAW_WITH_RECORD = "zlib+record"


def compress_raw_with(data: bytes, record_json: bytes, level: int = LEVEL) -> bytes:
    """Raw text compressed with RAW_DICT + ``record_json`` as the preset dictionary."""
    c = zlib.compressobj(
        level, zlib.DEFLATED, zlib.MAX_WBITS, MEM_LEVEL, zlib.Z_DEFAULT_STRATEGY,
        RAW_DICT + record_json,
    )
    return bytes(c.compress(data) + c.flush())


def decompress_raw_with(blob: bytes, record_json: bytes) -> bytes:
    """The inverse of ``compress_raw_with`` (zlib.error when ``record_json`` is not the
    JSON it was written with: zlib checks the dictionary's Adler-32)."""
    d = zlib.decompressobj(zlib.MAX_WBITS, RAW_DICT + record_json)
    out = d.decompress(blob) + d.flush()
    if not d.eof:
        raise zlib.error("incomplete or truncated stream")
    return bytes(out)
