"""Read an article (text, Markdown, HTML, URL or stdin) and extract its claims.

A claim is a sentence that asserts something about an intervention, condition,
outcome, mechanism, formulation or population (it names at least one
vocabulary concept).  Headings, questions, calls to action, page furniture and
promotion are skipped; a lead-in followed by a bulleted list becomes one claim
per item.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from litcli.claims import regexcache
from litcli.claims import vocabulary as vocab
from litcli.claims.sentences import split_sentences
from litcli.errors import InputFileError
from litcli.textsafe import strip_control

MAX_ARTICLE_BYTES = 5 * 1024 * 1024


@dataclass
class Block:
    """A paragraph, heading or list item of the article, with its location."""

    kind: str  # "heading" | "paragraph" | "item" | "line" | "code"
    text: str
    paragraph: int  # 1-based index of the block's paragraph (list items share their list's)
    line: int | None = None  # 1-based source line (text files and HTML)
    lead_in: str | None = None  # for list items: the sentence introducing the list
    list_id: int | None = None  # for list items: which list (a lead-in covers one list only)


@dataclass
class Article:
    source: str  # path, URL or "-" (stdin; shown as "stdin", see ``label``)
    kind: str  # "text" | "markdown" | "html"
    title: str | None
    blocks: list[Block] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The source as a reader should see it: "stdin" for "-"."""
        return "stdin" if self.source == "-" else self.source


@dataclass
class Claim:
    number: int
    text: str  # the claim as checked (lead-in + item for list items)
    original: str  # exactly as written in the article
    paragraph: int
    line: int | None
    kind: str = "sentence"  # "sentence" | "list item" | "heading"
    lead_in: str | None = None
    matches: list[vocab.Match] = field(default_factory=list)

    @property
    def location(self) -> str:
        loc = f"paragraph {self.paragraph}"
        return f"{loc}, line {self.line}" if self.line else loc

    def to_dict(self) -> dict[str, object]:
        return {
            "number": self.number,
            "text": self.text,
            "original": self.original,
            "kind": self.kind,
            "lead_in": self.lead_in,
            "location": {"paragraph": self.paragraph, "line": self.line},
            "concepts": [
                {
                    "id": m.concept.id,
                    "group": m.concept.group,
                    "label": m.concept.label,
                    "matched": m.text,
                    "inherited": m.inherited,
                }
                for m in self.matches
            ],
        }


@dataclass
class Skipped:
    text: str
    reason: str
    paragraph: int
    line: int | None


# --- reading ---------------------------------------------------------------------------


def read_article(source: str, *, stdin: BinaryIO | None = None, timeout: float = 20.0) -> Article:
    """Load ``source``: a file path, an http(s) URL, or "-" for stdin."""
    data, kind = read_source(source, stdin=stdin, timeout=timeout)
    return parse_article(data, kind=kind, source=source)


def read_source(source: str, *, stdin: BinaryIO | None = None, timeout: float = 20.0) -> tuple[bytes, str]:
    """The raw bytes of ``source`` (as ``read_article`` reads them) and their kind
    (text, markdown or html), for readers that need more than the blocks (``litcli.refs``)."""
    if regexcache.match(r"https?://", source, re.IGNORECASE):
        data, content_type = _fetch_url(source, timeout=timeout)
        data = _from_bom(data, source)
        kind = _sniff(data, content_type=content_type, name=source)
    elif source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _from_bom(stream.read(MAX_ARTICLE_BYTES + 1), "from stdin")
        kind = _sniff(data, name="stdin")
    else:
        path = Path(source)
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_ARTICLE_BYTES + 1)
        except FileNotFoundError:
            raise InputFileError(f"article not found: {source}") from None
        except IsADirectoryError:
            raise InputFileError(f"article is a directory, not a file: {source}") from None
        except OSError as exc:
            raise InputFileError(f"cannot read article {source}: {exc.strerror or exc}") from None
        data = _from_bom(data, source)
        kind = _sniff(data, name=source)
    label = "stdin" if source == "-" else source
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputFileError(f"article {label} is larger than 5 MB; save the article text alone and check that")
    return data, kind


# Byte-order marks of the UTF-16/32 encodings (longest first: UTF-32-LE starts like UTF-16-LE).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def _from_bom(data: bytes, label: str) -> bytes:
    """UTF-16/32 text with a byte-order mark (what Windows' Notepad saves as "Unicode"),
    re-encoded as UTF-8; anything else unchanged."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise InputFileError(
                    f"article {label} starts like {codec.upper()} text but cannot be decoded; save it as UTF-8 text"
                ) from None
            return _UTF8_BOM + text.encode("utf-8")  # the BOM tells the HTML parser too
    return data


_UTF8_BOM = b"\xef\xbb\xbf"


def parse_article(data: bytes | str, *, kind: str, source: str = "-") -> Article:
    """Turn raw article content into blocks (``kind``: text, markdown or html)."""
    if kind == "html":
        return _parse_html(data, source)
    text = data if isinstance(data, str) else _decode_text(data, source)
    text = strip_control(text, keep_newlines=True)
    if not text.strip():
        raise InputFileError(f"article {_label(source)} is empty; give a file with the article's text")
    return _parse_text(text, source, markdown=(kind == "markdown"))


def _label(source: str) -> str:
    return "from stdin" if source == "-" else source


def _fetch_url(url: str, *, timeout: float) -> tuple[bytes, str]:
    import requests

    from litcli import __version__

    headers = {"User-Agent": f"litcli/{__version__} (claim checker)", "Accept": "text/html,text/plain;q=0.9,*/*;q=0.1"}
    try:
        with requests.get(url, headers=headers, timeout=(min(timeout, 10.0), timeout), stream=True) as resp:
            if resp.status_code >= 400:
                raise InputFileError(f"cannot fetch article {url}: HTTP {resp.status_code} {resp.reason or ''}".strip())
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_content(65536):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_ARTICLE_BYTES:
                    break
            return b"".join(chunks), resp.headers.get("Content-Type", "")
    except requests.exceptions.Timeout:
        raise InputFileError(f"fetching article {url} timed out after {timeout:g} s; save the page and check the file") from None
    except requests.exceptions.RequestException as exc:
        reason = type(exc).__name__
        raise InputFileError(f"cannot fetch article {url} ({reason}); check the URL, or save the page and check the file") from None


_BINARY_MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP/Office document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "gzip-compressed data",
}


def _sniff(data: bytes, *, content_type: str = "", name: str = "") -> str:
    """Decide text / markdown / html, or raise for binary and empty input."""
    label = "from stdin" if name == "stdin" else name
    if not data.strip():
        raise InputFileError(f"article {label} is empty; give a file with the article's text")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputFileError(f"article {label} is {what}, not text; save it as text, Markdown or HTML first")
    head = data[:8192].removeprefix(_UTF8_BOM)
    if b"\x00" in head:
        raise InputFileError(f"article {label} is binary, not text; save it as text, Markdown or HTML first")
    ctype = content_type.split(";")[0].strip().lower()
    if ctype and not (ctype.startswith("text/") or ctype in ("application/xhtml+xml", "application/xml")):
        raise InputFileError(f"article {label} has content type {ctype}, not text or HTML")
    lower = name.lower()
    if ctype in ("text/html", "application/xhtml+xml") or lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if re.match(rb"\s*(<!doctype html|<html|<\?xml[^>]*>\s*<html)", head, re.IGNORECASE):
        return "html"
    if lower.endswith((".md", ".markdown")) or ctype == "text/markdown":
        return "markdown"
    if ctype in ("", "text/html") and looks_like_html_fragment(head):
        return "html"
    if re.search(rb"(?m)^#{1,6} \S|^\s{0,3}(```|~~~)", head) or re.search(rb"\[[^\]]+\]\([^)]+\)", head):
        return "markdown"
    return "text"


# Block-level tags that start an HTML fragment (a pasted <div>, a CMS export); inline
# tags (<b>, <a>, <br>) and "<" in prose ("doses < 1 mg/kg", "<3") do not count.
_FRAGMENT_TAG = (
    rb"</?(?:div|p|h[1-6]|article|section|main|header|footer|nav|aside|ul|ol|li|dl|dt|dd|table|"
    rb"thead|tbody|tr|td|th|blockquote|pre|figure|figcaption|form|body|head|title|meta|link|style)"
    rb"(?=[\s/>])"
)
_FRAGMENT_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*" + _FRAGMENT_TAG, re.IGNORECASE | re.DOTALL)
_FRAGMENT_LINE = re.compile(rb"\s*" + _FRAGMENT_TAG, re.IGNORECASE)
_MARKDOWN_SIGNS = re.compile(rb"(?m)^\s{0,3}(?:#{1,6} \S|[-*+] \S|```)|\[[^\]]+\]\([^)]+\)")


def looks_like_html_fragment(head: bytes) -> bool:
    """True for HTML without a doctype or <html> (what a CMS or a browser copy gives):
    it starts with a block-level tag, or most of its lines start with one.

    Markdown that merely holds some HTML, and text with a "<" in it, stay text: a
    start tag counts only when the input shows no Markdown syntax, and "most lines"
    means at least two lines and at least half of the non-blank ones.
    """
    head = head.removeprefix(b"\xef\xbb\xbf")
    lines = [line for line in head.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _FRAGMENT_LINE.match(line))
    if tagged >= 2 and 2 * tagged >= len(lines):
        return True
    return bool(_FRAGMENT_START.match(head)) and not _MARKDOWN_SIGNS.search(head)


def _decode_text(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    bad = sum(1 for ch in text[:8192] if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\n\r"))
    if bad > len(text[:8192]) * 0.01:
        raise InputFileError(f"article {_label(source)} is not readable text (not UTF-8); save it as UTF-8 text")
    return text


# --- text and Markdown -------------------------------------------------------------------

_BULLET = regexcache.compile(r"^\s*(?:[•\u2022\u25cf\u25aa\u25e6\u2023\u2043\u2013\u2014*+-]|\d{1,2}[.)])\s+(.*)$")
_MD_HEADING = regexcache.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_TERMINAL = regexcache.compile(r"[.!?:;\"”’)\]]\s*$")


def _clean_markdown(line: str) -> str:
    line = regexcache.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)  # images
    line = regexcache.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # links
    line = regexcache.sub(r"<[^>]+>", "", line)  # inline HTML
    line = regexcache.sub(r"(\*\*|__|`)", "", line)
    line = regexcache.sub(r"(?<![\w*])\*(\S[^*]*?)\*(?![\w*])", r"\1", line)
    line = regexcache.sub(r"^\s*>\s?", "", line)
    return line


def _looks_like_heading(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 14 and not _TERMINAL.search(text)


_FENCE = regexcache.compile(r"^\s{0,3}(`{3,}|~{3,})")
_INDENTED = regexcache.compile(r"^(?: {4}|\t)")


def _fence_end(lines: list[str], i: int) -> int:
    """Index just past the fenced code block opening at ``lines[i]`` (a fence left
    open runs to the end of the document, as in CommonMark)."""
    m = _FENCE.match(lines[i])
    assert m is not None
    fence = m.group(1)
    close = re.compile(rf"^\s{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}\s*$")
    j = i + 1
    while j < len(lines) and not close.match(lines[j]):
        j += 1
    return min(j + 1, len(lines))


def _bullet_marker(line: str) -> str:
    """The kind of list marker ("-", "*", "•", "." for "1.", ")" for "1)"): a list
    continues only with the same kind."""
    mark = line.strip().split(None, 1)[0]
    return mark[-1] if mark[0].isdigit() else mark


def _parse_text(text: str, source: str, *, markdown: bool) -> Article:
    lines = text.split("\n")
    blocks: list[Block] = []
    title: str | None = None
    para = 0
    lists = 0
    last_marker: str | None = None  # marker of the list the previous block belongs to
    in_list = False  # indented paragraphs after a list item continue the item, they are not code
    i = 0
    in_front_matter = markdown and lines and lines[0].strip() == "---"

    def code_block(start: int, end: int) -> None:
        nonlocal para, last_marker
        body = " ".join(x.strip() for x in lines[start:end] if x.strip() and not _FENCE.match(x))
        para += 1
        blocks.append(Block("code", body or lines[start].strip(), para, start + 1))
        last_marker = None

    while i < len(lines):
        raw = lines[i]
        if in_front_matter:
            if i > 0 and raw.strip() == "---":
                in_front_matter = False
            i += 1
            continue
        if not raw.strip():
            i += 1
            continue
        if _FENCE.match(raw):  # ``` / ~~~ code: commands, URLs and comments are not prose
            end = _fence_end(lines, i)
            code_block(i, end)
            i = end
            continue
        if not _INDENTED.match(raw):
            in_list = False
        elif markdown and not in_list:
            # an indented code block (after a blank line; not a list item's continuation)
            end = i
            while end < len(lines) and (_INDENTED.match(lines[end]) or not lines[end].strip()):
                end += 1
            while end > i and not lines[end - 1].strip():
                end -= 1
            code_block(i, end)
            i = end
            continue
        # one raw paragraph: consecutive non-blank lines (a fence interrupts it)
        group: list[tuple[int, str]] = []
        while i < len(lines) and lines[i].strip() and not (group and _FENCE.match(lines[i])):
            line = _clean_markdown(lines[i]) if markdown else lines[i]
            group.append((i + 1, line))
            i += 1
        para += 1
        pending: list[tuple[int, str]] = []

        def flush(pending: list[tuple[int, str]], para: int = para) -> None:
            nonlocal last_marker
            if not pending:
                return
            last_marker = None
            if len(pending) > 1 and all(_looks_like_heading(t.strip()) for _, t in pending):
                for ln, t in pending:  # short label lines (widgets, menus): keep separate
                    blocks.append(Block("line", t.strip(), para, ln))
            else:
                joined = " ".join(t.strip() for _, t in pending)
                kind = "heading" if _looks_like_heading(joined) and len(pending) == 1 else "paragraph"
                blocks.append(Block(kind, joined, para, pending[0][0]))
            pending.clear()

        for ln, line in group:
            mh = _MD_HEADING.match(line) if markdown else None
            mb = _BULLET.match(line)
            if mh:
                flush(pending)
                blocks.append(Block("heading", mh.group(1).strip(), para, ln))
                last_marker = None
            elif mb and mb.group(1).strip():
                flush(pending)
                marker = _bullet_marker(line)
                if marker != last_marker or not blocks or blocks[-1].kind != "item":
                    lists += 1  # a new list: after other text, or with another kind of marker
                last_marker = marker
                in_list = True
                blocks.append(Block("item", mb.group(1).strip(), para, ln, list_id=lists))
            else:
                pending.append((ln, line))
        flush(pending)
    for b in blocks:
        if b.kind == "heading":
            title = b.text
            break
    _attach_lead_ins(blocks)
    return Article(source=source, kind="markdown" if markdown else "text", title=title, blocks=blocks)


def _attach_lead_ins(blocks: list[Block]) -> None:
    """Give each list item the sentence that introduces its list ("...including:").

    A lead-in covers the list right after it and ends with that list: a later,
    separate list does not inherit it."""
    lead: str | None = None
    lead_list: int | None = None
    for b in blocks:
        if b.kind == "item":
            if lead is not None and lead_list is None:
                lead_list = b.list_id  # the list the lead-in introduces
            if lead is not None and b.list_id != lead_list:
                lead, lead_list = None, None  # another list: the lead-in was for the previous one
            b.lead_in = lead
        elif b.kind == "paragraph":
            sents = split_sentences(b.text)
            last = sents[-1] if sents else ""
            lead = last if last.rstrip().endswith(":") else None
            lead_list = None
        else:
            lead, lead_list = None, None


# --- HTML -------------------------------------------------------------------------------

_DROP_TAGS = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "button", "template", "select", "input", "textarea", "label", "canvas", "video", "audio",
    "object", "embed", "menu", "dialog", "figure",
}
# Never article text, whatever their size (the others are kept when they hold most of the page).
_NEVER_CONTENT = {
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "select", "input",
    "textarea", "button", "object", "embed", "video", "audio",
}
_KEEP_CONTAINERS = {"html", "body", "main", "article"}
# A class or id names boilerplate when it IS one of these names ("sidebar", "comments"),
# alone or with qualifiers ("site-footer", "cookie-banner", "share-buttons", "comments-area");
# "has-sidebar", "tags-ketamine", "ads-enabled" and "author-bio-free-content" are not.
_BOILERPLATE_NAMES = {
    "nav", "navbar", "navigation", "menu", "header", "footer", "sidebar", "aside", "share",
    "sharing", "sharedaddy", "social", "comment", "comments", "respond", "reply", "replies",
    "subscribe", "subscription", "newsletter", "related", "breadcrumb", "breadcrumbs", "cookie",
    "cookies", "banner", "advert", "advertisement", "ads", "ad", "promo", "popup", "modal",
    "widget", "widgets", "rating", "ratings", "wpdiscuz", "disqus", "byline", "tags", "skip",
    "toolbar", "masthead", "signup", "cta", "pagination", "author", "meta",
}
_BOILERPLATE_QUALIFIERS = {
    "site", "main", "page", "post", "entry", "article", "global", "top", "bottom", "primary",
    "secondary", "mobile", "sticky", "area", "bar", "box", "buttons", "button", "btn", "links",
    "link", "list", "container", "wrapper", "wrap", "inner", "outer", "section", "block", "module",
    "panel", "form", "notice", "consent", "icons", "items", "holder", "region", "zone", "left",
    "right", "info", "bio", "card", "strip", "overlay", "count", "posts", "articles", "to",
}
_BOILERPLATE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"}
_MOST_OF_THE_PAGE = 0.5  # an element holding this share of the page's text is never boilerplate
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_PARA_TAGS = {"p", "blockquote", "figcaption", "dd", "dt", "pre", "td", "th", "caption", "summary"}
_BLOCK_TAGS = _HEADINGS | _PARA_TAGS | {
    "div", "section", "article", "main", "ul", "ol", "li", "table", "tbody", "thead", "tr", "dl",
    "details", "body", "html", "hr", "br", "header", "footer", "aside", "nav", "figure", "form",
    "address", "fieldset", "tfoot",
}


def _boilerplate_name(value: str) -> bool:
    """True when a class or id token is a boilerplate name (see ``_BOILERPLATE_NAMES``)."""
    parts = [p for p in regexcache.split(r"[_\-:.]+", value.lower()) if p]
    return (
        bool(parts)
        and any(p in _BOILERPLATE_NAMES for p in parts)
        and all(p in _BOILERPLATE_NAMES or p in _BOILERPLATE_QUALIFIERS for p in parts)
    )


def _is_boilerplate(el: object) -> bool:
    tag = el.tag  # type: ignore[attr-defined]
    if tag in _DROP_TAGS:
        return True
    get = el.get  # type: ignore[attr-defined]
    if (get("role") or "").lower() in _BOILERPLATE_ROLES:
        return True
    if get("aria-hidden") == "true" or get("hidden") is not None:
        return True
    if tag in _KEEP_CONTAINERS:
        return False
    tokens = (get("class") or "").split() + (get("id") or "").split()
    return any(_boilerplate_name(t) for t in tokens)


def _text_size(el: object) -> int:
    words: list[str] = el.text_content().split()  # type: ignore[attr-defined]
    return sum(len(x) for x in words)


def _parse_html(data: bytes | str, source: str) -> Article:
    import lxml.etree
    import lxml.html

    try:
        if isinstance(data, bytes) and data.startswith(_UTF8_BOM):
            parser = lxml.html.HTMLParser(encoding="utf-8")
            root = lxml.html.document_fromstring(data[len(_UTF8_BOM):], parser=parser)
        else:
            root = lxml.html.document_fromstring(data)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputFileError(f"article {_label(source)} is not readable HTML ({exc})") from None
    title_el = root.find(".//title")
    title = " ".join(title_el.text_content().split()) if title_el is not None else None
    for el in list(root.iter()):
        if el.getparent() is None:
            continue
        if not isinstance(el.tag, str) or el.tag in _NEVER_CONTENT:
            el.drop_tree()  # comments, processing instructions, scripts, styles, ...
    body = root.find(".//body")
    page = _text_size(body if body is not None else root)
    for el in list(root.iter()):
        if el.getparent() is None or not _is_boilerplate(el):
            continue
        # never drop the article itself: a wrapper like <div id="page" class="site has-sidebar">
        # or an ASP.NET <form> around the whole page holds most of its text
        if page and _text_size(el) >= _MOST_OF_THE_PAGE * page:
            continue
        el.drop_tree()
    container = _main_container(root)
    blocks: list[Block] = []
    state = {"para": 0, "lists": 0}
    _walk(container, blocks, state)
    _attach_lead_ins(blocks)
    if not any(b.text for b in blocks) and not title:
        raise InputFileError(f"article {_label(source)} has no readable text")
    if not title:
        title = next((b.text for b in blocks if b.kind == "heading"), None)
    return Article(source=source, kind="html", title=title, blocks=blocks)


def _main_container(root: object) -> object:
    candidates = root.findall(".//main") + root.findall(".//article")  # type: ignore[attr-defined]
    candidates += root.xpath('.//*[@role="main"]')  # type: ignore[attr-defined]
    if candidates:
        return max(candidates, key=lambda el: len(el.text_content()))
    body = root.find(".//body")  # type: ignore[attr-defined]
    return body if body is not None else root


def _text(s: str | None) -> str:
    return " ".join(strip_control(s or "").split())


def _inner_text(el: object) -> str:
    """The element's text with <br> and block elements as line breaks
    ("24 hours.<br>Esketamine" is two sentences, not "hours.Esketamine")."""
    parts: list[str] = []

    def visit(node: object, top: bool = False) -> None:
        tag = node.tag  # type: ignore[attr-defined]
        if isinstance(tag, str):
            if tag == "br":
                parts.append("\n")
            else:
                block = tag in _BLOCK_TAGS
                if block:
                    parts.append("\n")
                parts.append(node.text or "")  # type: ignore[attr-defined]
                for child in node:  # type: ignore[attr-defined]
                    visit(child)
                if block:
                    parts.append("\n")
        if not top:
            parts.append(node.tail or "")  # type: ignore[attr-defined]

    visit(el, top=True)
    return "".join(parts)


def _walk(el: object, blocks: list[Block], state: dict[str, int]) -> None:
    tag = el.tag  # type: ignore[attr-defined]
    line = el.sourceline  # type: ignore[attr-defined]
    if tag in _HEADINGS:
        text = _text(_inner_text(el))
        if text:
            state["para"] += 1
            blocks.append(Block("heading", text, state["para"], line))
        return
    if tag in ("ul", "ol"):
        state["para"] += 1
        state["lists"] += 1
        for li in el:  # type: ignore[attr-defined]
            if isinstance(li.tag, str) and li.tag == "li":
                text = _text(_inner_text(li))
                if text:
                    blocks.append(Block("item", text, state["para"], li.sourceline, list_id=state["lists"]))
        return
    if tag == "pre":  # preformatted: code, commands, output; not prose
        text = _text(_inner_text(el))
        if text:
            state["para"] += 1
            blocks.append(Block("code", text, state["para"], line))
        return
    if tag in _PARA_TAGS:
        text = _text(_inner_text(el))
        if text:
            state["para"] += 1
            blocks.append(Block("paragraph", text, state["para"], line))
        return
    # container: inline runs between block children become paragraphs
    buffer: list[str] = [el.text or ""]  # type: ignore[attr-defined]
    buffer_line = line

    def flush() -> None:
        text = _text(" ".join(buffer))
        if text:
            state["para"] += 1
            blocks.append(Block("paragraph", text, state["para"], buffer_line))
        buffer.clear()

    for child in el:  # type: ignore[attr-defined]
        if not isinstance(child.tag, str):
            buffer.append(child.tail or "")
            continue
        if child.tag in _BLOCK_TAGS:
            flush()
            if child.tag not in ("br", "hr"):
                _walk(child, blocks, state)
            buffer_line = child.sourceline
        else:
            buffer.append(_inner_text(child))
        buffer.append(child.tail or "")
    flush()


# --- claims -----------------------------------------------------------------------------

_FURNITURE = [regexcache.compile(p, re.IGNORECASE) for p in vocab.FURNITURE_PATTERNS]
_PROMOTION = [regexcache.compile(p, re.IGNORECASE) for p in vocab.PROMOTION_PATTERNS]
_SECOND_PERSON = regexcache.compile(r"\b(you|your|yours|yourself)\b", re.IGNORECASE)
_TREATMENT_REF = regexcache.compile(vocab.TREATMENT_REFERENCE, re.IGNORECASE)
_QUESTION = regexcache.compile(r"\?[\"'”’»)\]]*\s*$")  # 'He asked: "Does ketamine cure OCD?"' too

# A bare first-person word ("we", "our", "US") is not promotion by itself: "approved in the
# US", "we are excited". First person is promotion when the sentence is about the writer's
# business: "we offer", "our clinic", "contact us", "book a consultation".
_FIRST_PERSON_WORDS = {"we", "our", "us", "ours", "ourselves"}
_FIRST_PERSON_PROMOTION = regexcache.compile(
    r"\b[Ww]e(?:'re|'ll|'ve)?\s+(?:(?:also|now|proudly|currently|still|can|could|would|will|are|have|do|"
    r"gladly|happily|only)\s+)*"
    r"(?:offer|provide|specialize|specialise|deliver|welcome|accept|invite|treat|help|serve|administer|"
    r"guide|support|work with|here|proud|happy|pleased|committed|dedicated|look forward)\b"  # "we treated 40 …": a report
    r"|\b[Oo]ur\s+(?:[\w-]+\s+){0,2}?(?:clinics?|team|practice|cent(?:er|re)s?|offices?|staff|doctors?|"
    r"physicians?|providers?|specialists?|experts?|services?|programm?e?s?|patients|clients|locations?|"
    r"facilit(?:y|ies)|website|specialty|speciality|therapists?|nurses?|psychiatrists?|treatments?|"
    r"protocols?|infusions?|sessions?|appointments?|consultations?|packages?|prices?|fees?)\b"
    r"|\b(?i:contact|call|e-?mail|visit|join|message|reach|text|ask|with|to|about)\s+us\b"  # "us", not "US"
    r"|\b(?i:book)\s+(?:a|an|your|now|online|today|with)\b"
)


def is_promotion(sentence: str) -> bool:
    """A call to action or promotion (``vocabulary.PROMOTION_PATTERNS``, with first
    person counted only when the sentence is about the writer's business)."""
    for p in _PROMOTION:
        for m in p.finditer(sentence):
            if m.group(0).lower() not in _FIRST_PERSON_WORDS:
                return True
    return bool(_FIRST_PERSON_PROMOTION.search(sentence))


def is_question(sentence: str) -> bool:
    return bool(_QUESTION.search(sentence.strip()))


# A prediction or promise: the claim's main verb is future ("Ketamine will cure OCD",
# "Experts say esketamine is going to replace ECT").  Not: "will" in a relative clause
# ("Researchers who will continue the trial found ..."), a name ("said Will Smith"), or a
# clause after the finding ("Ketamine reduces depression, but the effect will fade").
# lower-case only: a capitalised "Will" is a name ("said Will Smith") or starts a question
_FUTURE = regexcache.compile(r"\b(?:will|shall|won't|shan't|going to)\b(?!\s*[,.;:!?)]|$)")
_RELATIVE_BEFORE = regexcache.compile(
    r"\b(?:who|which|that|whom|whose|where|when)\s+(?:(?:also|still|soon|not|probably|likely)\s+)*$", re.IGNORECASE
)
_CLAUSE_BREAK = regexcache.compile(
    r"(?:[,;]\s*|\s)(?:but|yet|although|though|while|whereas|and|so|however|even if|even though)\s+|;\s*|\s[–—]\s",
    re.IGNORECASE,
)
_FINITE_VERB = regexcache.compile(
    rf"\b(?:{vocab.CLAIM_VERBS}|is|are|was|were|has|have|had|does|did|found|showed|shows|shown|"
    r"demonstrated|demonstrates|works|worked|acts|acted|helps|helped|produces|produced|leads|led|provides|"
    r"provided|remains|remained|offers|offered|reported|reports|suggests|suggested|lasts|lasted|"
    r"achieved|achieves|improved|improves|reduced|reduces)\b",
    re.IGNORECASE,
)
_SUBORDINATOR_START = regexcache.compile(r"^\W*(?:although|though|while|whereas|even if|even though|if|when|once|as|until)\b",
                                 re.IGNORECASE)


def is_prediction(sentence: str) -> bool:
    """True when the claim's main verb is future (see ``_FUTURE``)."""
    for m in _FUTURE.finditer(sentence):
        before = sentence[: m.start()]
        if not before.strip():
            continue  # "Will ketamine ...": a question, or a name
        if _RELATIVE_BEFORE.search(before):
            continue  # "who will continue": describes a subject, not the claim's verb
        breaks = list(_CLAUSE_BREAK.finditer(before))
        if breaks and _FINITE_VERB.search(before[: breaks[-1].start()]):
            continue  # a finding first, then a future side clause
        if _SUBORDINATOR_START.match(sentence):
            comma = sentence.find(",", m.end())
            if comma != -1 and _FINITE_VERB.search(sentence[comma:]) and not _FUTURE.search(sentence[comma:]):
                continue  # "Although the effect will fade, ketamine reduces depression."
        return True
    return False


def skip_reason(sentence: str, *, list_item: bool = False) -> str | None:
    """Why a sentence is not a claim, or None when it is one.

    ``list_item``: an item under a lead-in ("…including:"); its length and
    concepts are judged with the lead-in, so only furniture, questions,
    promotion and sentences addressed to the reader are skipped here."""
    s = sentence.strip()
    if any(p.search(s) for p in _FURNITURE):
        return "page furniture"
    if is_question(s):
        return "question"
    if is_promotion(s):
        return "call to action or promotion"
    matches = vocab.find_concepts(s)
    if _SECOND_PERSON.search(s) and not any(m.concept.group == "intervention" for m in matches):
        return "addressed to the reader"
    if list_item:
        return None
    words = regexcache.findall(r"[A-Za-z]{2,}", s)
    if len(words) < 3 or (len(words) == 3 and not is_short_claim(s)):
        return "too short to be a claim"
    if not matches and not _TREATMENT_REF.search(s):
        return "names no intervention, condition, outcome or mechanism"
    return None


_SHORT_CLAIM = regexcache.compile(
    r"^\W*(?P<subject>\S+)\s+(?P<verb>\S+)\s+(?P<object>\S+?)\W*$"
)
_CLAIM_VERB = regexcache.compile(rf"^{vocab.CLAIM_VERBS}$", re.IGNORECASE)
_CLAIM_VERB_IN = regexcache.compile(rf"\b{vocab.CLAIM_VERBS}\b", re.IGNORECASE)
_NOT_A_VERB = regexcache.compile(r"(ors|ers|ions|ments|ness|ss|ing|ade)$")  # "inhibitors", "blockade"
_SUBJECT_GROUPS = ("intervention", "comparator")  # what a treatment claim is about


def is_short_claim(sentence: str) -> bool:
    """A three-word sentence that is still a claim: a treatment (intervention or
    comparator) as subject, a claim verb (``vocabulary.CLAIM_VERBS``) and a
    vocabulary concept as object that is not a weak one ("Ketamine cures
    depression.", "Esketamine prevents suicide.").  "Results were mixed.",
    "Ketamine improves outcomes." and "Depression cures ketamine." are not."""
    m = _SHORT_CLAIM.match(sentence.strip())
    if m is None or not _CLAIM_VERB.match(m["verb"]):
        return False
    subject = [x for x in vocab.find_concepts(m["subject"]) if x.concept.group in _SUBJECT_GROUPS]
    obj = [x for x in vocab.find_concepts(m["object"]) if not x.concept.weak]
    return bool(subject) and bool(obj)


def is_headline_claim(text: str) -> bool:
    """A heading, title or pull-quote that is itself a claim: a treatment, then a
    claim verb, then something the vocabulary knows ("Ketamine Permanently Cures
    Depression", "# Esketamine reduces suicidal ideation in adults").  Navigation-like
    headings ("Benefits", "Side effects", "Ketamine for Depression") are not."""
    s = text.strip().rstrip(".!")
    if skip_reason(s) is not None:
        return False
    for verb in _CLAIM_VERB_IN.finditer(s):
        word = verb.group(0).lower()
        if not word.endswith(("s", "ed")) or _NOT_A_VERB.search(word):
            continue  # a noun ("inhibitors", "blockade"), not the headline's verb
        before = vocab.find_concepts(s[: verb.start()])
        after = vocab.find_concepts(s[verb.end():])
        if any(m.concept.group in _SUBJECT_GROUPS for m in before) and any(not m.concept.weak for m in after):
            return True
    return False


def main_intervention(article: Article) -> vocab.Concept | None:
    """The intervention the article is about (the most mentioned one)."""
    counts: Counter[str] = Counter()
    for b in article.blocks:
        if b.kind == "code":
            continue
        for m in vocab.find_concepts(b.text):
            if m.concept.group == "intervention":
                counts[m.concept.id] += 1
    if article.title:
        for m in vocab.find_concepts(article.title):
            if m.concept.group == "intervention":
                counts[m.concept.id] += 2
    if not counts:
        return None
    return vocab.CONCEPTS_BY_ID[counts.most_common(1)[0][0]]


def _claim_matches(text: str, intervention: vocab.Concept | None) -> list[vocab.Match]:
    matches = vocab.find_concepts(text)
    groups = {m.concept.group for m in matches}
    if intervention is not None and "intervention" not in groups:
        # "The treatment method ...", "intranasal and oral formulations": the article's drug
        inherit = bool(_TREATMENT_REF.search(text)) or "route" in groups
        if inherit:
            matches.insert(0, vocab.Match(intervention, intervention.label, -1, inherited=True))
    return matches


def extract_claims(article: Article, *, skipped: list[Skipped] | None = None) -> list[Claim]:
    """The article's claims in reading order, numbered from 1.

    Pass a list as ``skipped`` to collect the sentences that were not claims
    and why.
    """
    intervention = main_intervention(article)
    claims: list[Claim] = []

    def skip(text: str, reason: str, b: Block) -> None:
        if skipped is not None:
            skipped.append(Skipped(text, reason, b.paragraph, b.line))

    reason: str | None
    for b in article.blocks:
        if b.kind == "code":
            skip(b.text, "code block", b)
            continue
        if b.kind in ("heading", "line"):
            if is_headline_claim(b.text):  # "**Ketamine permanently cures depression**"
                claims.append(
                    Claim(len(claims) + 1, b.text, b.text, b.paragraph, b.line, "heading", None,
                          _claim_matches(b.text, intervention))
                )
                continue
            reason = "heading" if b.kind == "heading" else (skip_reason(b.text) or "heading")
            skip(b.text, reason, b)
            continue
        if b.kind == "item":
            # the same rules as sentences ("Is it safe for teenagers?" is a question under
            # any lead-in); an item's length and concepts count together with its lead-in
            reason = skip_reason(b.text, list_item=bool(b.lead_in))
            if reason:
                skip(b.text, reason, b)
                continue
            text = f"{b.lead_in.rstrip(': ')}: {b.text}" if b.lead_in else b.text
            matches = _claim_matches(text, intervention)
            if not matches:
                skip(b.text, "names no intervention, condition, outcome or mechanism", b)
                continue
            claims.append(
                Claim(len(claims) + 1, text, b.text, b.paragraph, b.line, "list item", b.lead_in, matches)
            )
            continue
        for sentence in split_sentences(b.text):
            if sentence.rstrip().endswith(":"):
                skip(sentence, "introduces a list (each item is a claim)", b)
                continue
            reason = skip_reason(sentence)
            if reason:
                skip(sentence, reason, b)
                continue
            claims.append(
                Claim(
                    len(claims) + 1, sentence, sentence, b.paragraph, b.line, "sentence", None,
                    _claim_matches(sentence, intervention),
                )
            )
    return claims


_JS_PAGE_WORDS = 40  # fewer words of prose than this in an HTML page: probably rendered by JavaScript


def no_claims_reason(article: Article, skipped: list[Skipped], *, hint: bool = True) -> str:
    """Why ``article`` gave no claims, for a one-line note on stderr (``hint``: point
    to ``--claims-only``, which lists what was skipped)."""
    prose = [b for b in article.blocks if b.kind in ("paragraph", "item")]
    words = sum(len(b.text.split()) for b in prose)
    if article.kind == "html" and words < _JS_PAGE_WORDS:
        return (
            "no readable text in the page body: is it rendered by JavaScript? "
            "save the page's text and check that file"
        )
    if not skipped:
        return "it has no sentences"
    reasons = Counter(s.reason for s in skipped)
    listed = ", ".join(f"{r}: {n}" for r, n in reasons.most_common(4))
    more = ", …" if len(reasons) > 4 else ""
    n = len(skipped)
    text = (
        f"none of its {n} sentences or headings is a checkable claim" if n != 1
        else "its only sentence is not a checkable claim"
    )
    return f"{text} ({listed}{more})" + ("; --claims-only lists them with the reasons" if hint else "")
