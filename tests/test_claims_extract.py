"""Claim extraction: sentence splitting, text / Markdown / HTML / URL / stdin input, skipping."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from litcli.claims.extract import Skipped, extract_claims, parse_article, read_article
from litcli.claims.sentences import split_sentences
from litcli.errors import InputFileError
from tests.fixtures.claims import fakes

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "ketamine-article.txt"

# --- sentence splitting ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ketamine 0.5 mg/kg was infused over 40 min. Response followed.",
            ["Ketamine 0.5 mg/kg was infused over 40 min.", "Response followed."],
        ),
        (
            "Ketamine (0.5 mg/kg) was infused. Response rates were 64% vs. 28% at 24 h. Remission was rare.",
            ["Ketamine (0.5 mg/kg) was infused.", "Response rates were 64% vs. 28% at 24 h.", "Remission was rare."],
        ),
        (
            "As Zarate et al. (2006) showed, ketamine acts fast. Murrough et al. Replicated it.",
            ["As Zarate et al. (2006) showed, ketamine acts fast.", "Murrough et al.", "Replicated it."],
        ),
        (
            "Several drugs, e.g. esketamine, i.e. the S-enantiomer, were tested by Dr. Smith. It worked!",
            ["Several drugs, e.g. esketamine, i.e. the S-enantiomer, were tested by Dr. Smith.", "It worked!"],
        ),
        ("Does it work? Yes. Mostly.", ["Does it work?", "Yes.", "Mostly."]),
        ("A trial by J. Smith found a benefit. Another did not.", ["A trial by J. Smith found a benefit.", "Another did not."]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


# --- the seed article -------------------------------------------------------------------------

# (claim number, start of the claim text, paragraph, line) for the seed article.
SEED_EXPECTED = [
    "The development of Ketamine therapy has brought new hope",
    "People who have OCD and mood disorders including depression and anxiety have lacked",
    "The combination of medication with psychotherapy and cognitive-behavioral therapy",
    "The medical community now recognizes Ketamine therapy as a leading treatment",
    "The fast symptom improvement of Ketamine treatment has revolutionized",
    "People commonly view OCD as a simple preoccupation",
    "The condition produces intrusive thoughts",
    "Mood disorders including depression and bipolar disorder",
    "The majority of patients experience only minimal benefits from taking SSRIs",
    "Many patients face extended periods",
    "The treatment-resistant population receives exceptional benefits",
    "The brain responds to Ketamine therapy through its ability to modify neuroplasticity",
    "The brain responds to Ketamine through its action on glutamate",
    "The activation of NMDA receptors by Ketamine leads to increased production",
    "The treatment method enables patients to experience relief",
    "Research indicates that Ketamine therapy breaks down the fixed neural circuits",
    "The majority of patients achieve significant improvements",
    "The combination of Ketamine therapy with traditional approaches",
    "The treatment of Ketamine therapy provides benefits",
    "The initial medical use of Ketamine as an anesthetic has evolved into a treatment for multiple psychiatric conditions including: Obsessive-compulsive disorder (OCD)",
    "The initial medical use of Ketamine as an anesthetic has evolved into a treatment for multiple psychiatric conditions including: Generalized anxiety disorder",
    "The initial medical use of Ketamine as an anesthetic has evolved into a treatment for multiple psychiatric conditions including: Post-traumatic stress disorder (PTSD)",
    "The initial medical use of Ketamine as an anesthetic has evolved into a treatment for multiple psychiatric conditions including: Bipolar depression",
    "The initial medical use of Ketamine as an anesthetic has evolved into a treatment for multiple psychiatric conditions including: Chronic suicidality or emotional numbness",
    "The treatment of Ketamine therapy serves patients who have failed",
    "The treatment process takes place under medical supervision",
    "The fast-acting nature of Ketamine treatment provides immediate symptom relief",
    "The fast onset of treatment benefits enables patients",
    "The brain structure of patients with OCD and other mental health conditions can experience permanent changes",
    "The combination of psychotherapy with lifestyle changes and mindfulness practices and Ketamine therapy",
    "The success of long-term treatment requires",
    "Medical facilities that treat obsessive-compulsive disorder through innovative methods",
    "The treatment approach aims to develop brain resilience",
    "The increasing public understanding of Ketamine treatment",
    "The scientific evidence about brain plasticity and regeneration",
    "Medical staff with experience will administer Ketamine treatments",
    "The development of Ketamine therapy continues through two main delivery methods",
    "The increasing availability of Ketamine therapy",
    "Medical staff now use intranasal and oral formulations",
    "The new delivery methods enable better patient comfort",
    "Digital platforms enable healthcare providers",
    "The combination of technology enables healthcare providers",
    "The future development of Ketamine therapy will focus",
    "The growing understanding of Ketamine treatment protocols",
    "The treatment method enables brain plasticity stimulation",
    "Ketamine provides patients with OCD and mood disorders a scientific path",
]


@pytest.fixture(scope="module")
def seed_claims() -> tuple[list, list[Skipped]]:
    if not SEED.exists():
        pytest.skip(f"seed article not available: {SEED}")
    skipped: list[Skipped] = []
    return extract_claims(read_article(str(SEED)), skipped=skipped), skipped


def test_seed_article_claims(seed_claims: tuple[list, list[Skipped]]) -> None:
    claims, _ = seed_claims
    assert len(claims) == len(SEED_EXPECTED)
    for claim, start in zip(claims, SEED_EXPECTED, strict=True):
        assert claim.text.startswith(start), (claim.number, claim.text)
    assert [c.number for c in claims] == list(range(1, len(claims) + 1))


def test_seed_article_bulleted_list_is_one_claim_per_item(seed_claims: tuple[list, list[Skipped]]) -> None:
    claims, skipped = seed_claims
    items = [c for c in claims if c.kind == "list item"]
    assert [c.original for c in items] == [
        "Obsessive-compulsive disorder (OCD)",
        "Generalized anxiety disorder",
        "Post-traumatic stress disorder (PTSD)",
        "Bipolar depression",
        "Chronic suicidality or emotional numbness",
    ]
    assert all(c.lead_in and c.lead_in.endswith("including:") for c in items)
    assert [c.line for c in items] == [33, 34, 35, 36, 37]
    assert {m.concept.id for m in items[0].matches} >= {"ketamine", "ocd"}
    assert any(s.reason.startswith("introduces a list") for s in skipped)


def test_seed_article_skips_headings_calls_to_action_and_furniture(
    seed_claims: tuple[list, list[Skipped]],
) -> None:
    claims, skipped = seed_claims
    reasons = {s.text: s.reason for s in skipped}
    assert reasons["How Ketamine Therapy Is Transforming Treatment for OCD and Mood Disorders"] == "heading"
    assert reasons["Your Path to Healing Starts Here"] == "heading"
    assert reasons["Subscribe"] == "page furniture"
    assert reasons["0 0 votes"] == "page furniture"
    assert reasons["Notify of"] == "page furniture"
    assert any("please comment" in t and r == "page furniture" for t, r in reasons.items())
    assert reasons[next(t for t in reasons if t.startswith("Clinics like Neuroplasticity MD"))] == (
        "call to action or promotion"
    )
    assert reasons[next(t for t in reasons if t.startswith("People who want to learn"))] == (
        "call to action or promotion"
    )
    texts = " ".join(c.text for c in claims)
    for furniture in ("Comments", "Subscribe", "Inline Feedbacks", "Article Rating", "guest"):
        assert furniture not in texts


def test_seed_article_locations_and_inherited_intervention(seed_claims: tuple[list, list[Skipped]]) -> None:
    claims, _ = seed_claims
    nmda = next(c for c in claims if c.text.startswith("The activation of NMDA"))
    assert (nmda.paragraph, nmda.line) == (11, 21)
    relief = next(c for c in claims if c.text.startswith("The treatment method enables patients"))
    inherited = [m for m in relief.matches if m.inherited]
    assert [m.concept.id for m in inherited] == ["ketamine"]  # "the treatment" = the article's drug
    ssri = next(c for c in claims if "SSRIs" in c.text)
    assert not any(m.concept.id == "ketamine" for m in ssri.matches)  # about other drugs


# --- short claims ---------------------------------------------------------------------------------


SHORT_ARTICLE = """Ketamine Facts

Ketamine cures depression.

Esketamine prevents suicide. Results were mixed. Depression cures ketamine. Ketamine improves outcomes.

- Ketamine treats PTSD.
- Fast
- Ketamine.

Ketamine blocks NMDA. Read more.
"""


def test_three_word_claims_with_subject_verb_and_object_are_claims() -> None:
    skipped: list[Skipped] = []
    claims = extract_claims(parse_article(SHORT_ARTICLE, kind="text", source="short.txt"), skipped=skipped)
    assert [c.text for c in claims] == [
        "Ketamine cures depression.",
        "Esketamine prevents suicide.",
        "Ketamine treats PTSD.",
        "Ketamine blocks NMDA.",
    ]
    assert {m.concept.id for m in claims[0].matches} == {"ketamine", "depression"}
    assert {m.concept.id for m in claims[1].matches} == {"esketamine", "suicidal"}
    reasons = {s.text: s.reason for s in skipped}
    assert reasons["Ketamine Facts"] == "heading"
    for fragment in ("Results were mixed.", "Depression cures ketamine.", "Ketamine improves outcomes.",
                     "Fast", "Ketamine."):
        assert reasons[fragment] == "too short to be a claim", fragment


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("Ketamine cures depression.", True),
        ("Esketamine prevents suicide.", True),
        ("Spravato reduces anxiety!", True),
        ("S-ketamine prevents suicide.", True),
        ("Ketamine causes addiction.", True),
        ("Ketamine beats ECT.", True),
        ("Ketamine works wonders.", False),  # no claim verb from the vocabulary
        ("Ketamine improves efficacy.", False),  # object too vague to check
        ("It cures depression.", False),  # no subject the vocabulary knows
        ("Ketamine cures.", False),
        ("Ketamine.", False),
    ],
)
def test_short_sentences(sentence: str, claim: bool) -> None:
    from litcli.claims.extract import skip_reason

    assert (skip_reason(sentence) is None) is claim


# --- other inputs -----------------------------------------------------------------------------


def test_html_article_drops_navigation_widgets_and_comments() -> None:
    skipped: list[Skipped] = []
    art = read_article(str(fakes.HTML_ARTICLE))
    claims = extract_claims(art, skipped=skipped)
    assert art.kind == "html"
    assert art.title == "Ketamine for Depression | Example Clinic"
    assert [c.text for c in claims] == [
        "Intravenous ketamine produces rapid antidepressant effects in treatment-resistant depression.",
        "It works within hours, e.g. after a 0.5 mg/kg infusion.",
        "Ketamine has been studied in several conditions, including: Post-traumatic stress disorder (PTSD)",
        "Ketamine has been studied in several conditions, including: Bipolar depression",
        "Esketamine nasal spray reduces depressive symptoms compared with placebo (Smith et al. 2019).",
    ]
    assert claims[0].line == 18  # source line of the <p>
    everything = " ".join(b.text for b in art.blocks)
    for widget_text in ("every clinic", "cookies", "permanently cures", "newsletter", "cured my OCD",
                        "most patients", "our specialty", "every patient", "Share on Facebook"):
        assert widget_text not in everything
    assert ("Is ketamine right for you?", "question") in [(s.text, s.reason) for s in skipped]


def test_markdown_article() -> None:
    md = (
        "---\ntitle: front matter\n---\n# Ketamine and OCD\n\n"
        "**Ketamine** reduces [obsessive-compulsive](https://example.org) symptoms within hours.\n"
        "It was tested in a\nhard-wrapped paragraph about placebo-controlled trials of ketamine.\n\n"
        "* Esketamine for major depression\n\n## Subscribe\n"
    )
    art = parse_article(md.encode(), kind="markdown", source="a.md")
    claims = extract_claims(art)
    assert art.title == "Ketamine and OCD"
    assert [c.text for c in claims] == [
        "Ketamine reduces obsessive-compulsive symptoms within hours.",
        "It was tested in a hard-wrapped paragraph about placebo-controlled trials of ketamine.",
        "Esketamine for major depression",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"%PDF-1.7\n%binary", "is a PDF"),
        (b"PK\x03\x04docx", "ZIP/Office"),
        (b"text\x00with\x00nuls", "is binary"),
        (b"\x81\x8d\x8f\x90\x9d" * 100, "not readable text"),
    ],
)
def test_unreadable_input_is_one_line_error(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(InputFileError) as exc:
        read_article(str(path))
    assert message in exc.value.message
    assert "\n" not in exc.value.message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="not found"):
        read_article(str(tmp_path / "nope.txt"))
    with pytest.raises(InputFileError, match="directory"):
        read_article(str(tmp_path))


def test_stdin_input() -> None:
    art = read_article("-", stdin=io.BytesIO(b"Ketamine reduces suicidal ideation within hours.\n"))
    assert art.source == "-"
    assert [c.text for c in extract_claims(art)] == ["Ketamine reduces suicidal ideation within hours."]


FRAGMENT = (
    b"<div><h1>Ketamine news</h1>\n<p>Ketamine <b>cures</b> OCD permanently in every patient.</p>\n"
    b"<p>Esketamine reduces suicidal ideation within 24 hours in adults with depression.</p></div>\n"
)


@pytest.mark.parametrize(
    "data",
    [
        FRAGMENT,
        b"\xef\xbb\xbf  <!-- copied from the CMS -->\n" + FRAGMENT,  # BOM, comment first
        b"<P CLASS=lead>Ketamine cures OCD permanently in every patient.</P>\n"
        b"<ul><li>Esketamine reduces suicidal ideation within 24 hours in adults with depression.</li></ul>",
        b"<section>\n<h2>Ketamine news</h2>\n<p>Ketamine cures OCD permanently in every patient.</p>\n"
        b"<p>Esketamine reduces suicidal ideation within 24 hours in adults with depression.</p>\n</section>",
        # text first, then mostly block tags
        b"Ketamine news\n<p>Ketamine cures OCD permanently in every patient.</p>\n"
        b"<p>Esketamine reduces suicidal ideation within 24 hours in adults with depression.</p>\n",
    ],
    ids=["div", "bom-comment", "uppercase-p-ul", "section", "mostly-tags"],
)
def test_stdin_html_fragments_are_read_as_html(data: bytes) -> None:
    art = read_article("-", stdin=io.BytesIO(data))
    assert art.kind == "html"
    assert [c.text for c in extract_claims(art)] == [
        "Ketamine cures OCD permanently in every patient.",
        "Esketamine reduces suicidal ideation within 24 hours in adults with depression.",
    ]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"Ketamine reduced scores at doses < 0.5 mg/kg.\nResponse <3 weeks was rare.\n", "text"),
        (b"<3 ketamine reduces suicidal ideation within hours.\n", "text"),
        (b"Ketamine <b>reduces</b> suicidal ideation.<br>\nIt acts <i>within hours</i>.\n", "text"),
        (b"<ultra> rapid ketamine reduces suicidal ideation.\n", "text"),
        (b"# Ketamine\n\nKetamine reduces suicidal ideation.<br>\n\n<div>Esketamine is approved.</div>\n", "markdown"),
        (b'<div align="center"><img src="logo.png"></div>\n\n# Ketamine\n\n- Ketamine reduces suicidal ideation.\n'
         b"- Esketamine is approved.\n- It acts within hours.\n", "markdown"),
    ],
    ids=["less-than", "heart", "inline-tags", "not-a-tag", "markdown-with-html", "markdown-starting-with-div"],
)
def test_stdin_text_and_markdown_with_a_less_than_sign_stay_text(data: bytes, kind: str) -> None:
    assert read_article("-", stdin=io.BytesIO(data)).kind == kind


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Ketamine reduces anxiety in caf\xe9 workers with PTSD.".encode("cp1252"))
    assert extract_claims(read_article(str(path)))[0].text.endswith("caf\xe9 workers with PTSD.")


# --- URL input (a real HTTP server on 127.0.0.1) -------------------------------------------------


@pytest.fixture
def page_server() -> Iterator[str]:
    html = fakes.HTML_ARTICLE.read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            if self.path == "/article":
                body, ctype, status = html, "text/html; charset=utf-8", 200
            elif self.path == "/paper.pdf":
                body, ctype, status = b"%PDF-1.4 ...", "application/pdf", 200
            else:
                body, ctype, status = b"not here", "text/plain", 404
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_url_input_is_fetched_and_cleaned(page_server: str) -> None:
    art = read_article(f"{page_server}/article")
    assert art.kind == "html"
    claims = extract_claims(art)
    assert len(claims) == 5
    assert claims[0].text.startswith("Intravenous ketamine produces rapid")


def test_url_errors(page_server: str) -> None:
    with pytest.raises(InputFileError, match="HTTP 404"):
        read_article(f"{page_server}/missing")
    with pytest.raises(InputFileError, match="PDF|application/pdf"):
        read_article(f"{page_server}/paper.pdf")
    with pytest.raises(InputFileError, match="cannot fetch article"):
        read_article("http://127.0.0.1:9/unreachable", timeout=2)
