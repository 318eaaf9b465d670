"""HTML to text and metadata: trafilatura for the main text, lxml as the safe fallback.

The page is parsed once, by lxml with libxml2's default safety limits (no network, no entity
expansion, at most 256 levels of nesting, no text run over 10 MB); a page that trips a limit is
refused with :class:`~sanctionwatch.exc.UnsafeInput` rather than read in part. Scripts, styles
and templates are dropped from the tree before anything reads it.

trafilatura then finds the main text (precision over recall, no comments) and the metadata.
Its cost grows faster than the page, so a page with more than :data:`MAX_EXTRACT_ELEMENTS`
elements, a page where trafilatura finds nothing, and a page where it fails all get the
fallback: the text of the ``<body>`` after ``lxml_html_clean`` has removed active content.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import lxml.etree
import lxml.html
import trafilatura
from lxml_html_clean import Cleaner

from sanctionwatch.exc import EmptyInput, InputError, UnsafeInput
from sanctionwatch.ingest._normalise import normalise_date, normalise_line, normalise_text

__all__ = ["MAX_EXTRACT_ELEMENTS", "HtmlContent", "html_to_text"]

log = logging.getLogger(__name__)

#: Pages with more elements than this skip trafilatura (about 3 s at this size) for the fallback.
MAX_EXTRACT_ELEMENTS = 50_000

#: Elements that start a new line in the fallback text.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
        "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    }
)  # fmt: skip
#: Elements whose text is separated from the next by a tab in the fallback text.
CELL_TAGS = frozenset({"td", "th"})

_ACTIVE_CONTENT = "//script[not(contains(@type, 'ld+json'))]|//style|//template"
_UNSAFE_MESSAGES = {
    "depth": "HTML is nested too deeply (over 256 levels) to read safely",
    "size": "HTML has a single text, attribute or comment over 10 MB; too large to read safely",
}


@dataclass(frozen=True)
class HtmlContent:
    """What a page yields: its text (not yet normalised) and its metadata.

    :param text: the main text.
    :param title: the page title, if found.
    :param url: the canonical URL the page declares, if any.
    :param published: the publication date ``YYYY-MM-DD``, if found in the markup.
    :param language: the ``lang`` of the ``<html>`` element, if any.
    :param publisher: the site's name (``og:site_name`` and the like), if declared.
    """

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    publisher: str | None = None


def html_to_text(html: str, *, source: str, url: str | None = None) -> HtmlContent:
    """Extract the main text and metadata of an HTML page.

    :param html: the decoded page.
    :param source: the path or URL, for error messages.
    :param url: the page's URL, if known (helps trafilatura resolve links and dates).
    :raises EmptyInput: the page has no text.
    :raises UnsafeInput: the page exceeds the parser's safety limits.
    """
    tree = _parse(html, source=source)
    for element in tree.xpath(_ACTIVE_CONTENT):
        element.drop_tree()
    large = sum(1 for _ in tree.iter()) > MAX_EXTRACT_ELEMENTS
    content = _metadata(tree, url=url, large=large)
    text = None if large else _extract_text(tree, url=url)
    if not text or not normalise_text(text):
        text = _fallback_text(tree)
    if not normalise_text(text):
        raise EmptyInput("no text found in the HTML", path=source)
    return HtmlContent(
        text=text,
        title=content.title,
        url=content.url,
        published=content.published,
        language=content.language,
        publisher=content.publisher,
    )


def _parse(html: str, *, source: str) -> lxml.html.HtmlElement:
    """Parse with libxml2's safety limits on; refuse a page that trips one."""
    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        collect_ids=False,
        default_doctype=False,
        huge_tree=False,
    )
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except lxml.etree.ParserError as e:  # "Document is empty"
        raise EmptyInput("no text found in the HTML", path=source) from e
    except (lxml.etree.LxmlError, ValueError) as e:
        raise InputError(f"cannot parse the HTML: {e}", path=source) from e
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT":
            kind = "depth" if "depth" in error.message.lower() else "size"
            raise UnsafeInput(_UNSAFE_MESSAGES[kind], path=source)
    return tree


def _metadata(tree: lxml.html.HtmlElement, *, url: str | None, large: bool) -> HtmlContent:
    """Title, canonical URL, publication date and language; cheap ones only for large pages."""
    language = normalise_line(tree.get("lang") or tree.get("xml:lang"))
    title = normalise_line(tree.findtext(".//title"))
    if large:
        return HtmlContent(text="", title=title, language=language)
    try:
        found = trafilatura.extract_metadata(tree, default_url=url, date_config=_date_config())
    except Exception as e:  # hostile markup can trip anything inside trafilatura
        log.warning("trafilatura could not read the metadata: %r", e)
        return HtmlContent(text="", title=title, language=language)
    page_url = normalise_line(found.url)
    if page_url and not page_url.startswith(("http://", "https://")):
        page_url = None
    return HtmlContent(
        text="",
        title=normalise_line(found.title) or title,
        url=page_url,
        published=normalise_date(found.date),
        language=language,
        publisher=normalise_line(found.sitename),
    )


def _date_config() -> dict[str, Any]:
    """htmldate settings: dates from the markup and URL only, never guessed from the prose."""
    return {"extensive_search": False, "original_date": True}


def _extract_text(tree: lxml.html.HtmlElement, *, url: str | None) -> str | None:
    """trafilatura's main text, or ``None`` when it finds nothing or fails."""
    try:
        return trafilatura.extract(
            tree,
            url=url,
            output_format="txt",
            include_comments=False,
            favor_precision=True,
            with_metadata=False,
        )
    except Exception as e:  # hostile markup can trip anything inside trafilatura
        log.warning("trafilatura could not extract the text, using the fallback: %r", e)
        return None


def _fallback_text(tree: lxml.html.HtmlElement) -> str:
    """The text of the body once scripts, styles, forms and embedded content are removed."""
    cleaner = Cleaner(
        scripts=True,
        javascript=True,
        comments=True,
        style=True,
        links=True,
        meta=True,
        page_structure=False,
        processing_instructions=True,
        embedded=True,
        frames=True,
        forms=False,
        annoying_tags=True,
        kill_tags={"noscript", "template", "svg", "math", "button", "select", "textarea"},
        remove_unknown_tags=False,
    )
    cleaner(tree)
    body = tree.find("body")
    return _block_text(body if body is not None else tree)


def _block_text(root: lxml.html.HtmlElement) -> str:
    """The text under ``root``, one line per block element (iterative: no recursion limit)."""
    parts: list[str] = []
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in BLOCK_TAGS:
                parts.append("\n")
            if tag and element.text:
                parts.append(element.text)
            continue
        if tag in BLOCK_TAGS:
            parts.append("\n")
        elif tag in CELL_TAGS:
            parts.append("\t")
        if element.tail and element is not root:
            parts.append(element.tail)
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
