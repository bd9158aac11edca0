"""The article as paragraphs that keep what citations need.

``litcli.claims.extract`` reads an article for its prose and drops link targets and
``<sup>``; here they are kept as inline marks so that a sentence knows what it cites:

* a superscript (``<sup>2,3</sup>`` in HTML or Markdown, ``^2^``) becomes
  ``SUP_OPEN + "2,3" + SUP_CLOSE``;
* a link (``<a href>`` in HTML, ``[text](url)`` in Markdown) keeps its text, followed by
  ``LINK_OPEN + index + LINK_CLOSE`` (the index into ``Para.links``).

The marks are private-use characters, so they can never come from the article itself
(they are removed from the input first) and ``visible`` takes them out for display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from litcli.errors import InputFileError
from litcli.textsafe import strip_control

SUP_OPEN, SUP_CLOSE = "\ue000", "\ue001"
LINK_OPEN, LINK_CLOSE = "\ue002", "\ue003"
_PRIVATE = re.compile("[\ue000-\ue003]")
_LINK_MARK = re.compile(f"{LINK_OPEN}(\\d+){LINK_CLOSE}")
_SUP_MARK = re.compile(f"{SUP_OPEN}([^{SUP_CLOSE}]*){SUP_CLOSE}")
_TO_SUPERSCRIPT = str.maketrans("0123456789-–", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻")


@dataclass
class Para:
    """A heading, paragraph or list item, with its location and the links it holds."""

    kind: str  # "heading" | "paragraph" | "item"
    text: str  # with inline marks (see the module docstring)
    paragraph: int  # 1-based
    line: int | None  # 1-based source line of its start
    links: list[str] = field(default_factory=list)
    level: int = 0  # headings: 1-6 (0: a heading-like line of plain text)
    number: int | None = None  # items of an HTML ordered list: their number
    lines: list[tuple[int, str]] = field(default_factory=list)  # text: the raw lines (with marks)


@dataclass
class Document:
    source: str
    kind: str  # "text" | "markdown" | "html"
    title: str | None
    paras: list[Para]

    @property
    def label(self) -> str:
        return "stdin" if self.source == "-" else self.source


def visible(text: str) -> str:
    """The text as a reader sees it: superscripts as plain characters, link marks gone."""
    text = _LINK_MARK.sub("", text)
    text = _SUP_MARK.sub(lambda m: m.group(1).translate(_TO_SUPERSCRIPT), text)
    return " ".join(_PRIVATE.sub("", text).split())


def link_indexes(text: str) -> list[int]:
    return [int(m.group(1)) for m in _LINK_MARK.finditer(text)]


def superscripts(text: str) -> list[str]:
    return [m.group(1) for m in _SUP_MARK.finditer(text)]


def read_document(source: str) -> Document:
    """Read ``source`` (path, URL or "-") as ``check`` does, keeping citation marks."""
    from litcli.claims.extract import read_source

    data, kind = read_source(source)
    return parse_document(data, kind=kind, source=source)


def parse_document(data: bytes | str, *, kind: str, source: str = "-") -> Document:
    if kind == "html":
        return _parse_html(data, source)
    if isinstance(data, bytes):
        from litcli.claims.extract import _decode_text

        text = _decode_text(data, source)
    else:
        text = data
    text = _PRIVATE.sub("", strip_control(text, keep_newlines=True))
    if not text.strip():
        label = "from stdin" if source == "-" else source
        raise InputFileError(f"article {label} is empty; give a file with the article's text")
    return _parse_text(text, source, markdown=kind == "markdown")


# --- text and Markdown --------------------------------------------------------------------

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
# a line that starts a new entry: bullets, "1." "1)" "[1]" "(1)", Markdown footnote definitions
ITEM_START = re.compile(
    r"^\s*(?:[-*+•\u2022\u25cf\u2013]\s+|\[\^[^\]\s]{1,20}\]:\s*|\[\d{1,4}\]\s*|\(?\d{1,4}[.)]\s+)"
)
# "References", "Sources:", "## Bibliography", "**Works cited**"
REF_HEADING = re.compile(
    r"^\s*(?:#{1,6}\s*)?[*_]{0,2}\s*(?:\d+\.?\s+)?(references?(?: list)?|sources?|bibliography|works cited|"
    r"literature(?: cited)?|cited literature|citations|notes(?: and references)?|footnotes|endnotes|"
    r"further reading)\s*:?\s*[*_]{0,2}\s*:?\s*$",
    re.IGNORECASE,
)


def _md_inline(line: str, links: list[str]) -> str:
    """Markdown (and inline HTML in it) to text with marks."""

    def link(m: re.Match[str]) -> str:
        links.append(m.group(2).strip().strip("<>"))
        return f"{m.group(1)}{LINK_OPEN}{len(links) - 1}{LINK_CLOSE}"

    def a_tag(m: re.Match[str]) -> str:
        links.append(m.group(1))
        return f"{m.group(2)}{LINK_OPEN}{len(links) - 1}{LINK_CLOSE}"

    line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)  # images
    line = re.sub(r"<sup>(.*?)</sup>", lambda m: SUP_OPEN + re.sub(r"<[^>]+>", "", m.group(1)) + SUP_CLOSE,
                  line, flags=re.IGNORECASE)
    line = re.sub(r"(?<=\S)\^([0-9][0-9,\-–]*)\^", lambda m: SUP_OPEN + m.group(1) + SUP_CLOSE, line)
    line = re.sub(r"<a\s[^>]*?href\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", a_tag, line, flags=re.IGNORECASE)
    line = re.sub(r"(?<!\^)\[([^\]]*)\]\(([^)\s]+(?:\s+\"[^\"]*\")?)\)", link, line)
    line = re.sub(r"<(https?://[^>\s]+)>", r"\1", line)  # autolinks
    line = re.sub(r"</?[A-Za-z][^>]*>", "", line)  # other inline HTML
    line = re.sub(r"(\*\*|__|`)", "", line)
    line = re.sub(r"(?<![\w*])\*(\S[^*]*?)\*(?![\w*])", r"\1", line)
    return re.sub(r"^\s*>\s?", "", line)


def _looks_like_heading(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 12 and not re.search(r"[.!?,;\"”’)\]]\s*$", text)


def _parse_text(text: str, source: str, *, markdown: bool) -> Document:
    raw_lines = text.split("\n")
    paras: list[Para] = []
    para_no = 0
    current: Para | None = None
    in_fence: str | None = None
    front = markdown and raw_lines and raw_lines[0].strip() == "---"

    group_open = False  # inside a run of non-blank lines (one paragraph number)

    def close(*, group: bool = True) -> None:
        nonlocal current, group_open
        if current is not None and len(current.lines) > 1:  # joined once (no quadratic concatenation)
            current.text = " ".join(line.strip() for _, line in current.lines)
        if current is not None and current.kind == "paragraph" and len(current.lines) == 1:
            only = visible(current.text)
            if _looks_like_heading(only) and not ITEM_START.match(only):
                current.kind = "heading"
        current = None
        if group:
            group_open = False

    for i, raw in enumerate(raw_lines, start=1):
        if front:
            if i > 1 and raw.strip() == "---":
                front = False
            continue
        fence = _FENCE.match(raw)
        if in_fence is not None:
            if fence and fence.group(1)[0] == in_fence:
                in_fence = None
            continue
        if fence and markdown:
            close()
            in_fence = fence.group(1)[0]
            continue
        if not raw.strip():
            close()
            continue
        heading = _MD_HEADING.match(raw) if markdown else None
        if heading or REF_HEADING.match(raw):
            close()
            para_no += 1
            hl: list[str] = []
            if heading:
                text, level = _md_inline(heading.group(2), hl), len(heading.group(1))
            else:
                text, level = raw.strip().strip("#*_: ").strip(), 0
            paras.append(Para("heading", text, para_no, i, hl, level=level, lines=[(i, text)]))
            continue
        starts_item = bool(ITEM_START.match(raw))
        if current is None or starts_item:
            close(group=False)
            if not group_open:
                para_no += 1
                group_open = True
            links: list[str] = []
            line = _md_inline(raw, links) if markdown else raw
            current = Para("item" if starts_item else "paragraph", line.strip(), para_no, i, links,
                           lines=[(i, line)])
            paras.append(current)
        else:
            line = _md_inline(raw, current.links) if markdown else raw
            current.lines.append((i, line))
    close()
    title = next((visible(p.text) for p in paras if p.kind == "heading"), None)
    return Document(source, "markdown" if markdown else "text", title, paras)


# --- HTML ------------------------------------------------------------------------------------

_DROP = {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "select", "input",
         "textarea", "button", "object", "embed", "video", "audio", "nav", "form"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_PARAS = {"p", "blockquote", "figcaption", "dd", "dt", "td", "th", "caption", "summary", "cite"}
_BLOCKS = _HEADINGS | _PARAS | {
    "div", "section", "article", "main", "ul", "ol", "li", "table", "tbody", "thead", "tr", "dl",
    "details", "body", "html", "hr", "br", "header", "footer", "aside", "figure", "address",
    "fieldset", "tfoot", "pre",
}


def _parse_html(data: bytes | str, source: str) -> Document:
    import lxml.etree
    import lxml.html

    label = "from stdin" if source == "-" else source
    try:
        if isinstance(data, bytes) and data.startswith(b"\xef\xbb\xbf"):
            root = lxml.html.document_fromstring(data[3:], parser=lxml.html.HTMLParser(encoding="utf-8"))
        else:
            root = lxml.html.document_fromstring(data)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputFileError(f"article {label} is not readable HTML ({exc})") from None
    title_el = root.find(".//title")
    title = " ".join(title_el.text_content().split()) if title_el is not None else None
    for el in list(root.iter()):
        if el.getparent() is not None and (not isinstance(el.tag, str) or el.tag in _DROP):
            el.drop_tree()
    body = root.find(".//body")
    paras: list[Para] = []
    _walk(body if body is not None else root, paras, {"para": 0})
    if not paras and not title:
        raise InputFileError(f"article {label} has no readable text")
    if not title:
        title = next((visible(p.text) for p in paras if p.kind == "heading"), None)
    return Document(source, "html", title, paras)


def _clean(text: str) -> str:
    return " ".join(_PRIVATE.sub("", strip_control(text)).split())


def _inline(el: object, links: list[str]) -> str:
    """An element's text with marks for <sup> and <a href> (block children as spaces)."""
    parts: list[str] = []

    def visit(node: object, top: bool = False) -> None:
        tag = node.tag  # type: ignore[attr-defined]
        if isinstance(tag, str):
            if tag == "sup":
                inner = _clean(node.text_content()).strip("[]() ")  # type: ignore[attr-defined]
                parts.append(f"{SUP_OPEN}{inner}{SUP_CLOSE}")
                for a in node.iter("a"):  # type: ignore[attr-defined]
                    href = (a.get("href") or "").strip()
                    if href and not href.startswith("#"):
                        links.append(href)
                        parts.append(f"{LINK_OPEN}{len(links) - 1}{LINK_CLOSE}")
            elif tag == "a" and _internal_number(node):
                # <a href="#ref3">3</a> / <a href="#cite_note-3">[3]</a>: a numbered citation
                parts.append(f"{SUP_OPEN}{_clean(node.text_content()).strip('[]() ')}{SUP_CLOSE}")  # type: ignore[attr-defined]
            elif tag == "a":
                parts.append(_clean(node.text or ""))  # type: ignore[attr-defined]
                for child in node:  # type: ignore[attr-defined]
                    visit(child)
                href = (node.get("href") or "").strip()  # type: ignore[attr-defined]
                if href and not href.startswith("#"):
                    links.append(href)
                    parts.append(f"{LINK_OPEN}{len(links) - 1}{LINK_CLOSE}")
            else:
                block = tag in _BLOCKS
                if block or tag == "br":
                    parts.append(" ")
                parts.append(_clean_keep(node.text))  # type: ignore[attr-defined]
                for child in node:  # type: ignore[attr-defined]
                    visit(child)
                if block:
                    parts.append(" ")
        if not top:
            parts.append(_clean_keep(node.tail))  # type: ignore[attr-defined]

    visit(el, top=True)
    return " ".join("".join(parts).split())


def _internal_number(node: object) -> bool:
    """An in-page link whose text is citation numbers ("3", "[3]", "2-4")."""
    href = (node.get("href") or "").strip()  # type: ignore[attr-defined]
    text = _clean(node.text_content())  # type: ignore[attr-defined]
    return href.startswith("#") and re.fullmatch(r"[\[(]?\d{1,4}(?:\s*[-–,]\s*\d{1,4})*[\])]?", text) is not None


def _clean_keep(text: str | None) -> str:
    """Untrusted text without controls or marks; spaces at the ends kept (words stay apart)."""
    return _PRIVATE.sub("", strip_control(text or ""))


def _has_blocks(el: object) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _BLOCKS and c.tag != "br" for c in el.iter())  # type: ignore[attr-defined]


def _walk(el: object, paras: list[Para], state: dict[str, int]) -> None:
    tag = el.tag  # type: ignore[attr-defined]
    line = el.sourceline  # type: ignore[attr-defined]

    def add(kind: str, node: object, *, level: int = 0, number: int | None = None) -> None:
        links: list[str] = []
        text = _inline(node, links)
        if visible(text):
            if kind != "item" or not paras or paras[-1].kind != "item":
                state["para"] += 1
            paras.append(Para(kind, text, state["para"], node.sourceline, links, level=level,  # type: ignore[attr-defined]
                              number=number))

    if tag in _HEADINGS:
        add("heading", el, level=int(tag[1]))
        return
    if tag in ("ul", "ol"):
        start = el.get("start")  # type: ignore[attr-defined]
        number = int(start) if start and start.strip().isdigit() else 1
        state["para"] += 1
        for li in el:  # type: ignore[attr-defined]
            if isinstance(li.tag, str) and li.tag == "li":
                value = li.get("value")
                if value and value.strip().isdigit():
                    number = int(value)
                links: list[str] = []
                text = _inline(li, links)
                if visible(text):
                    paras.append(Para("item", text, state["para"], li.sourceline, links,
                                      number=number if tag == "ol" else None))
                number += 1
        return
    if tag == "pre":
        return
    if tag in _PARAS and not _has_blocks(el):
        add("paragraph", el)
        return
    # a container: inline runs between block children are paragraphs
    buffer: list[object] = []
    buffer_line = line

    def flush() -> None:
        if not buffer:
            return
        links: list[str] = []
        text = " ".join(_inline_run(buffer, links).split())
        if visible(text):
            state["para"] += 1
            paras.append(Para("paragraph", text, state["para"], buffer_line, links))
        buffer.clear()

    if (el.text or "").strip():  # type: ignore[attr-defined]
        buffer.append(el.text)  # type: ignore[attr-defined]
    for child in el:  # type: ignore[attr-defined]
        if isinstance(child.tag, str) and child.tag in _BLOCKS:
            flush()
            if child.tag not in ("br", "hr"):
                _walk(child, paras, state)
            buffer_line = child.sourceline
            if (child.tail or "").strip():
                buffer.append(child.tail)
        else:
            buffer.append(child)
    flush()


def _inline_run(items: list[object], links: list[str]) -> str:
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.append(_clean_keep(item))
        else:
            out.append(_inline(item, links))
            out.append(_clean_keep(item.tail))  # type: ignore[attr-defined]
    return "".join(out)
