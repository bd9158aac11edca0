"""Reading an article precisely: boilerplate by whole class names, <br> and code blocks,
list items and lead-ins, headline claims, first person and predictions, UTF-16 input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from litcli.claims.extract import (
    Article,
    Claim,
    Skipped,
    extract_claims,
    is_prediction,
    no_claims_reason,
    parse_article,
    read_article,
    skip_reason,
)
from litcli.claims.query import build_plan as plan_claim


def claims_of(data: str, kind: str) -> tuple[list[Claim], dict[str, str], Article]:
    skipped: list[Skipped] = []
    art = parse_article(data, kind=kind, source=f"a.{kind}")
    claims = extract_claims(art, skipped=skipped)
    return claims, {s.text: s.reason for s in skipped}, art


POST = (
    "<h1>Ketamine for depression</h1>"
    "<p>Intravenous ketamine produces rapid antidepressant effects in treatment-resistant depression. "
    "Esketamine nasal spray reduces depressive symptoms compared with placebo in adults.</p>"
)
POST_CLAIMS = [
    "Intravenous ketamine produces rapid antidepressant effects in treatment-resistant depression.",
    "Esketamine nasal spray reduces depressive symptoms compared with placebo in adults.",
]

# --- 1. boilerplate: whole class names, never most of the page -----------------------------------


@pytest.mark.parametrize(
    "attrs",
    [
        'id="page" class="site-content has-sidebar"',
        'class="post tags-ketamine"',
        'class="ads-enabled"',
        'class="author-bio-free-content"',
        'class="entry-content navigable"',
    ],
)
def test_a_wrapper_whose_class_merely_contains_a_boilerplate_word_is_kept(attrs: str) -> None:
    html = f"<html><body><div {attrs}>{POST}</div></body></html>"
    claims, _, _ = claims_of(html, "html")
    assert [c.text for c in claims] == POST_CLAIMS


@pytest.mark.parametrize(
    "attrs",
    ['class="sidebar"', 'class="widget-area sidebar"', 'id="comments"', 'class="comments-area"',
     'class="site-footer"', 'class="cookie-banner"', 'class="share-buttons"', 'class="related-posts"',
     'class="advert"', 'class="main-nav"', 'class="author-bio"'],
)
def test_boilerplate_class_names_are_still_dropped(attrs: str) -> None:
    furniture = "<p>Ketamine therapy permanently cures anxiety in every patient we treat.</p>"
    html = f"<html><body><article>{POST}</article><div {attrs}>{furniture}</div></body></html>"
    claims, _, _ = claims_of(html, "html")
    assert [c.text for c in claims] == POST_CLAIMS


def test_a_boilerplate_named_element_holding_most_of_the_page_is_kept() -> None:
    # a theme that (wrongly) calls its content column "sidebar": dropping it would drop the article
    html = f'<html><body><div class="sidebar">{POST}</div><div class="footer">© 2026</div></body></html>'
    claims, _, _ = claims_of(html, "html")
    assert [c.text for c in claims] == POST_CLAIMS


def test_no_claims_reason_names_a_javascript_page() -> None:
    html = '<html><head><title>Ketamine</title></head><body><div id="root"></div><script>app()</script></body></html>'
    skipped: list[Skipped] = []
    art = parse_article(html, kind="html", source="app.html")
    assert extract_claims(art, skipped=skipped) == []
    assert no_claims_reason(art, skipped).startswith("no readable text in the page body: is it rendered by JavaScript?")
    text = parse_article("Benefits\n\nIs ketamine safe?\n", kind="text", source="a.txt")
    skipped = []
    extract_claims(text, skipped=skipped)
    assert no_claims_reason(text, skipped) == (
        "none of its 2 sentences or headings is a checkable claim (heading: 1, question: 1); "
        "--claims-only lists them with the reasons"
    )


# --- 3. code blocks --------------------------------------------------------------------------------


def test_markdown_fenced_and_indented_code_is_not_prose() -> None:
    md = (
        "# Ketamine notes\n\nKetamine reduces suicidal ideation within hours in adults.\n\n"
        "```sh\ncurl https://example.org/ketamine-reduces-anxiety\n# ketamine cures anxiety forever\n```\n\n"
        "~~~\nEsketamine reduces depression in every patient.\n\nKetamine cures PTSD.\n~~~\n\n"
        "    ketamine_reduces_ocd = True  # Ketamine reduces OCD symptoms.\n\n"
        "Esketamine nasal spray reduces depressive symptoms in adults.\n"
    )
    claims, reasons, art = claims_of(md, "markdown")
    assert [c.text for c in claims] == [
        "Ketamine reduces suicidal ideation within hours in adults.",
        "Esketamine nasal spray reduces depressive symptoms in adults.",
    ]
    assert not any(b.kind == "heading" and "cures" in b.text for b in art.blocks)
    code = [t for t, r in reasons.items() if r == "code block"]
    assert len(code) == 3 and code[0].startswith("curl https://example.org/ketamine-reduces-anxiety")


def test_indented_paragraphs_of_a_list_item_are_not_code() -> None:
    md = (
        "- Ketamine reduces suicidal ideation in adults.\n\n"
        "    Esketamine nasal spray reduces depressive symptoms.\n\n"
        "    Ketamine is an NMDA receptor antagonist.\n\n"
        "Back to the text about ketamine and depression in adults.\n\n"
        "    ketamine --dose 0.5  # Ketamine reduces depression.\n"
    )
    claims, reasons, _ = claims_of(md, "markdown")
    assert [c.text for c in claims] == [
        "Ketamine reduces suicidal ideation in adults.",
        "Esketamine nasal spray reduces depressive symptoms.",
        "Ketamine is an NMDA receptor antagonist.",
        "Back to the text about ketamine and depression in adults.",
    ]
    assert list(reasons.values()) == ["code block"]


def test_a_fence_makes_stdin_markdown_and_html_pre_is_code() -> None:
    art = read_article("-", stdin=io.BytesIO(b"Some text.\n```\nketamine reduces anxiety\n```\n"))
    assert art.kind == "markdown"
    claims, reasons, _ = claims_of(
        "<div><p>Ketamine reduces suicidal ideation in adults.</p><pre><code>curl https://x.org/ketamine-cures-ocd "
        "# Ketamine cures OCD.</code></pre></div>", "html",
    )
    assert [c.text for c in claims] == ["Ketamine reduces suicidal ideation in adults."]
    assert "code block" in reasons.values()


# --- 4. <br> and block elements are breaks -------------------------------------------------------


def test_br_inside_a_paragraph_separates_sentences() -> None:
    html = (
        "<div><p>Ketamine reduces suicidal ideation within 24 hours.<br>Esketamine nasal spray improves "
        "depressive symptoms in adults.</p><p><span>Ketamine is an NMDA receptor antagonist.<br/></span>"
        "<span>Esketamine was approved for depression.</span></p></div>"
    )
    claims, _, _ = claims_of(html, "html")
    assert [c.text for c in claims] == [
        "Ketamine reduces suicidal ideation within 24 hours.",
        "Esketamine nasal spray improves depressive symptoms in adults.",
        "Ketamine is an NMDA receptor antagonist.",
        "Esketamine was approved for depression.",
    ]


# --- 5. list items ---------------------------------------------------------------------------------


def test_list_items_under_a_lead_in_go_through_the_skip_rules() -> None:
    text = (
        "Benefits of ketamine:\n"
        "- Is it safe for teenagers?\n"
        "- Book your consultation today\n"
        "- Contact us for ketamine prices\n"
        "- Rapid relief of suicidal ideation\n"
    )
    claims, reasons, _ = claims_of(text, "text")
    assert [c.text for c in claims] == ["Benefits of ketamine: Rapid relief of suicidal ideation"]
    assert reasons["Is it safe for teenagers?"] == "question"
    assert reasons["Book your consultation today"] == "call to action or promotion"
    assert reasons["Contact us for ketamine prices"] == "call to action or promotion"


def test_a_lead_in_covers_only_the_list_after_it() -> None:
    text = (
        "Ketamine has been studied in several conditions, including:\n\n"
        "- Bipolar depression\n- Post-traumatic stress disorder\n\n"
        "* Esketamine nasal spray reduces depressive symptoms in adults\n"
    )
    claims, _, _ = claims_of(text, "text")
    assert [(c.text, c.lead_in is not None) for c in claims] == [
        ("Ketamine has been studied in several conditions, including: Bipolar depression", True),
        ("Ketamine has been studied in several conditions, including: Post-traumatic stress disorder", True),
        ("Esketamine nasal spray reduces depressive symptoms in adults", False),
    ]
    html = (
        "<div><p>Ketamine has been studied in several conditions, including:</p>"
        "<ul><li>Bipolar depression</li></ul><ul><li>Esketamine reduces suicidal ideation in adults</li></ul></div>"
    )
    claims, _, _ = claims_of(html, "html")
    assert [c.text for c in claims] == [
        "Ketamine has been studied in several conditions, including: Bipolar depression",
        "Esketamine reduces suicidal ideation in adults",
    ]


def test_a_loose_markdown_list_keeps_its_lead_in() -> None:
    md = "Ketamine has been studied in:\n\n- Bipolar depression\n\n- Post-traumatic stress disorder\n"
    claims, _, _ = claims_of(md, "markdown")
    assert all(c.lead_in == "Ketamine has been studied in:" for c in claims) and len(claims) == 2


# --- 6. headlines and pull-quotes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ("**Ketamine permanently cures depression**\n\nIt was tested in adults.\n", "markdown"),
        ("Ketamine permanently cures depression\n", "text"),
        ("# Ketamine permanently cures depression\n\nSome words about the clinic here.\n", "markdown"),
        ("<h1>Ketamine permanently cures depression</h1><p>Some words about the clinic here.</p>", "html"),
    ],
    ids=["bold", "title-only", "md-title", "html-h1"],
)
def test_a_headline_that_is_a_claim_is_checked(data: str, kind: str) -> None:
    claims, _, _ = claims_of(data, kind)
    assert claims[0].text == "Ketamine permanently cures depression"
    assert claims[0].kind == "heading"
    assert {m.concept.id for m in claims[0].matches} >= {"ketamine", "depression"}


@pytest.mark.parametrize(
    "heading",
    ["Benefits", "Side effects", "Ketamine for Depression", "How Ketamine Therapy Is Transforming OCD Care",
     "Ketamine NMDA Receptor Blockade", "Does ketamine cure depression", "Ketamine Inhibitors and Depression"],
)
def test_navigation_like_headings_stay_headings(heading: str) -> None:
    claims, reasons, _ = claims_of(f"# {heading}\n\nKetamine reduces suicidal ideation in adults.\n", "markdown")
    assert [c.text for c in claims] == ["Ketamine reduces suicidal ideation in adults."]
    assert heading in reasons


# --- 2. first person, "US" and predictions -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Esketamine nasal spray was approved in the US for TRD in 2019.",
        "Esketamine nasal spray was approved in the U.S. for depression in 2019.",
        "A trial of 60 adults showed ketamine reduces depression; we are excited.",
        "We found that ketamine reduces suicidal ideation within 24 hours.",
        "We treated 40 adults with ketamine and saw depression scores fall.",
        "We see that ketamine reduces depression in most trials.",
        "Our understanding of how ketamine reduces depression has grown.",
    ],
)
def test_first_person_and_us_are_not_promotion_by_themselves(sentence: str) -> None:
    assert skip_reason(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "We offer ketamine infusions for depression.",
        "Our clinic provides ketamine therapy for depression.",
        "Contact us about ketamine for depression.",
        "Book a ketamine consultation for depression today.",
        "We're proud to treat depression with ketamine.",
    ],
)
def test_first_person_promotion_is_still_skipped(sentence: str) -> None:
    assert skip_reason(sentence) == "call to action or promotion"


@pytest.mark.parametrize(
    ("sentence", "prediction"),
    [
        ("Ketamine will cure depression.", True),
        ("Experts say esketamine is going to replace ECT for depression.", True),
        ("If approved, ketamine will transform depression care.", True),
        ("Ketamine won't cure depression.", True),
        ("Medical staff with experience will administer Ketamine treatments.", True),
        ("Researchers who will continue the trial found that ketamine reduces depression.", False),
        ("Ketamine reduces depression, said Will Smith.", False),
        ("Ketamine reduces depression, but the effect will fade within weeks.", False),
        ("Although the effect will fade, ketamine reduces depression quickly.", False),
        ("Ketamine reduces depression in adults.", False),
    ],
)
def test_a_prediction_is_a_future_main_verb(sentence: str, prediction: bool) -> None:
    assert is_prediction(sentence) is prediction
    (claim,) = extract_claims(parse_article(sentence, kind="text", source="a.txt"))
    plan = plan_claim(claim)
    assert (plan.reason == "it is a prediction or a promise, not a finding") is prediction
    if not prediction:
        assert plan.checkable, plan.reason


@pytest.mark.parametrize(
    "text",
    ['He asked: "Does ketamine cure OCD?"', "Does ketamine cure OCD?)", "‘Does esketamine prevent suicide?’"],
)
def test_a_question_ending_in_a_quote_is_a_question(text: str) -> None:
    assert skip_reason(text) == "question"


# --- 7. UTF-16 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_text_with_a_utf16_or_utf32_bom_is_decoded(tmp_path: Path, codec: str) -> None:
    text = "Ketamine reduces suicidal ideation in café workers with depression.\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    art = read_article(str(path))
    assert [c.text for c in extract_claims(art)] == [text.strip()]
    html = "<html><head><meta charset='utf-16'></head><body><p>" + text + "</p></body></html>"
    art = read_article("-", stdin=io.BytesIO(html.encode(codec) if codec != "utf-16-be" else b"\xfe\xff" + html.encode(codec)))
    assert art.kind == "html"
    assert [c.text for c in extract_claims(art)] == [text.strip()]
