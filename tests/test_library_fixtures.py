"""Synthetic PubMed XML for the library tests (fake PMIDs 99000001+; no tests here)."""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.sax.saxutils import escape

FIRST_PMID = 99000001

_TOPICS = [
    ("Ketamine for treatment-resistant depression", "ketamine NMDA antagonist depression"),
    ("Esketamine nasal spray in obsessive-compulsive disorder", "esketamine OCD obsessions"),
    ("Exercise and low back pain", "exercise physiotherapy back pain"),
    ("Statins and cardiovascular outcomes", "statin cholesterol myocardial infarction"),
    ("Sleep deprivation and memory", "sleep hippocampus memory consolidation"),
]


def article_xml(
    pmid: int,
    *,
    title: str | None = None,
    abstract: str | None = None,
    year: int = 2015,
    pubtypes: tuple[str, ...] = ("Journal Article",),
    mesh: tuple[str, ...] = ("Humans",),
    keywords: tuple[str, ...] = (),
    doi: str | None = None,
    pmcid: str | None = None,
    retraction_in: str | None = None,
    last_name: str = "Rivera",
) -> str:
    """One <PubmedArticle> with the given fields."""
    topic_title, topic_words = _TOPICS[pmid % len(_TOPICS)]
    title = title if title is not None else f"{topic_title} (study {pmid})"
    abstract = (
        abstract
        if abstract is not None
        else f"We studied {topic_words} in a cohort of {pmid % 500 + 20} patients."
    )
    pts = "".join(f"<PublicationType>{escape(p)}</PublicationType>" for p in pubtypes)
    mh = "".join(
        f'<MeshHeading><DescriptorName MajorTopicYN="N">{escape(m)}</DescriptorName></MeshHeading>'
        for m in mesh
    )
    kw = "".join(f"<Keyword>{escape(k)}</Keyword>" for k in keywords)
    ids = f'<ArticleId IdType="pubmed">{pmid}</ArticleId>'
    if doi:
        ids += f'<ArticleId IdType="doi">{escape(doi)}</ArticleId>'
    if pmcid:
        ids += f'<ArticleId IdType="pmc">{escape(pmcid)}</ArticleId>'
    cc = ""
    if retraction_in:
        cc = (
            '<CommentsCorrectionsList><CommentsCorrections RefType="RetractionIn">'
            f"<RefSource>Retraction notice</RefSource><PMID>{retraction_in}</PMID>"
            "</CommentsCorrections></CommentsCorrectionsList>"
        )
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}</PMID>'
        '<Article PubModel="Print"><Journal><ISSN IssnType="Print">0000-0000</ISSN>'
        f"<JournalIssue><Volume>1</Volume><Issue>2</Issue><PubDate><Year>{year}</Year><Month>Mar</Month></PubDate></JournalIssue>"
        "<Title>Journal of Synthetic Tests</Title><ISOAbbreviation>J Synth Tests</ISOAbbreviation></Journal>"
        f"<ArticleTitle>{escape(title)}</ArticleTitle><Pagination><MedlinePgn>1-10</MedlinePgn></Pagination>"
        f"<Abstract><AbstractText>{escape(abstract)}</AbstractText></Abstract>"
        f'<AuthorList CompleteYN="Y"><Author ValidYN="Y"><LastName>{escape(last_name)}</LastName><ForeName>Carla</ForeName><Initials>C</Initials></Author>'
        '<Author ValidYN="Y"><LastName>Bloom</LastName><ForeName>Max</ForeName><Initials>M</Initials></Author></AuthorList>'
        f"<Language>eng</Language><PublicationTypeList>{pts}</PublicationTypeList></Article>"
        "<MedlineJournalInfo><MedlineTA>J Synth Tests</MedlineTA></MedlineJournalInfo>"
        f"{cc}<MeshHeadingList>{mh}</MeshHeadingList>"
        + (f"<KeywordList>{kw}</KeywordList>" if kw else "")
        + "</MedlineCitation><PubmedData><PublicationStatus>ppublish</PublicationStatus>"
        f"<ArticleIdList>{ids}</ArticleIdList></PubmedData></PubmedArticle>"
    )


def article_set(articles: list[str], deleted: list[int] | None = None) -> str:
    body = "\n".join(articles)
    if deleted:
        body += "<DeleteCitation>" + "".join(f"<PMID>{p}</PMID>" for p in deleted) + "</DeleteCitation>"
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n{body}\n</PubmedArticleSet>\n'


def write_articles(path: Path, n: int, *, start: int = FIRST_PMID, gz: bool = False) -> Path:
    """Write n synthetic articles (PMIDs start..start+n-1) to path, streaming."""
    opener = gzip.open if gz else open
    with opener(path, "wt", encoding="utf-8") as f:  # type: ignore[operator]
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n')
        for pmid in range(start, start + n):
            f.write(article_xml(pmid))
            f.write("\n")
        f.write("</PubmedArticleSet>\n")
    return path


def parsed(xml: str) -> list:
    """Parser output (Parsed / Deleted) for an XML string, with raw XML kept."""
    from litcli.pubmed import iter_parse

    return list(iter_parse(xml.encode("utf-8"), keep_raw=True))
