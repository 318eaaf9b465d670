"""Markdown to plain text, by stripping markup line by line.

Not a Markdown parser: it keeps the words a reader sees and drops the marks. Headings lose
their ``#``, emphasis and code spans their delimiters, links become their text, images and
link reference definitions go, list bullets and quote markers go (ordered list numbers stay),
fenced code is kept as text, tables become tab-separated cells, inline HTML tags are removed
(``<script>`` and ``<style>`` blocks with their content).
"""

from __future__ import annotations

import html
import re

from sanctionwatch.ingest._normalise import normalise_line

__all__ = ["markdown_title", "markdown_to_text"]

#: HTML tags removed from Markdown (only these: ``a <b> c`` in prose is left alone).
HTML_TAGS = (
    "a|abbr|article|aside|b|big|blockquote|br|center|cite|code|dd|del|details|div|dl|dt|em|"
    "figcaption|figure|font|footer|h[1-6]|header|hr|i|img|ins|kbd|li|mark|nav|ol|p|picture|pre|"
    "q|s|section|small|source|span|strike|strong|sub|summary|sup|table|tbody|td|tfoot|th|thead|"
    "tr|tt|u|ul|var|wbr"
)

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_RULE_RE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE_RE = re.compile(r"^ {0,3}>[ \t]?")
_BULLET_RE = re.compile(r"^([ \t]*)[-*+][ \t]+(?:\[[ xX]\][ \t]+)?")
_REFERENCE_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S")
_TABLE_RULE_RE = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$")
_HTML_BLOCK_OPEN_RE = re.compile(r"<(script|style)\b|<!--", re.IGNORECASE)
_HTML_BLOCK_CLOSE_RE = {
    "script": re.compile(r"</script", re.IGNORECASE),
    "style": re.compile(r"</style", re.IGNORECASE),
    None: re.compile(r"-->"),
}
_TAG_RE = re.compile(rf"</?(?:{HTML_TAGS})(?:\s[^<>]*)?/?>", re.IGNORECASE)
# Every inline pattern below excludes its closing delimiter from what it spans, so a failed
# match stops at the next delimiter: linear time even on hostile input.
_URL = r"\([^()\[\]\n]*(?:\([^()\[\]\n]*\)[^()\[\]\n]*)*\)"
_IMAGE_RE = re.compile(rf"!\[[^\[\]\n]*\](?:{_URL}|\[[^\[\]\n]*\])")
_LINK_RE = re.compile(rf"\[([^\[\]\n]*)\](?:{_URL}|\[[^\[\]\n]*\])")
_AUTOLINK_RE = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
_CODE_RE = re.compile(r"(`+)([^`]+)\1")
_STRONG_RE = re.compile(r"\*\*(?=[^\s*])([^*]+)(?<=\S)\*\*|__(?=[^\s_])([^_]+)(?<=\S)__")
_EM_STAR_RE = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*]+)(?<=\S)\*(?![*\w])")
_EM_UNDERSCORE_RE = re.compile(r"(?<![_\w])_(?=[^\s_])([^_]+)(?<=\S)_(?![_\w])")
_STRIKE_RE = re.compile(r"~~(?=[^\s~])([^~]+)(?<=\S)~~")
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Escaped punctuation is parked in Supplementary Private Use Area-A while markup is stripped.
_ESCAPED = 0xF0000
_ESCAPED_RE = re.compile("[\U000f0021-\U000f007e]")
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def markdown_to_text(markdown: str) -> str:
    """Strip Markdown markup from ``markdown``, keeping the text a reader sees.

    The result still needs :func:`~sanctionwatch.ingest.normalise_text`.

    :param markdown: Markdown source with ``\\n`` line ends and no front matter.
    """
    markdown = _drop_html_blocks(markdown)
    out: list[str] = []
    fence: str | None = None
    for line in markdown.split("\n"):
        opening = _FENCE_RE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
                out.append("")
            else:
                out.append(line)
            continue
        if opening:
            fence = opening.group(1)
            out.append("")
            continue
        out.append(_block_line(line, out))
    return "\n".join(out)


def markdown_title(markdown: str) -> str | None:
    """The text of the first level-1 heading (``# Title`` or ``Title`` over ``===``), if any.

    :param markdown: Markdown source with ``\\n`` line ends and no front matter.
    """
    previous = ""
    fence: str | None = None
    for line in markdown.split("\n"):
        opening = _FENCE_RE.match(line)
        if opening:
            fence = None if fence else opening.group(1)
        elif fence is None:
            atx = _ATX_RE.match(line)
            if atx and len(atx.group(1)) == 1:
                return normalise_line(_inline(_heading_text(line[atx.end() :])))
            setext = _SETEXT_RE.match(line)
            if setext and setext.group(1)[0] == "=" and previous.strip():
                return normalise_line(_inline(previous))
        previous = line
    return None


def _block_line(line: str, out: list[str]) -> str:
    """One line outside code fences, without its block markup; may blank the line before."""
    while _QUOTE_RE.match(line):
        line = _QUOTE_RE.sub("", line, count=1)
    if _REFERENCE_RE.match(line):
        return ""
    atx = _ATX_RE.match(line)
    if atx:
        return _inline(_heading_text(line[atx.end() :]))
    if _SETEXT_RE.match(line) and out and out[-1].strip():
        return ""  # the underline of the heading on the line before
    stripped = line.strip()
    if _RULE_RE.match(line) or ("|" in stripped and _TABLE_RULE_RE.match(stripped)):
        return ""
    if stripped.startswith("|") or (stripped.count("|") >= 2 and stripped.endswith("|")):
        cells = [cell.strip() for cell in stripped.strip("|").split("|")]
        return "\t".join(_inline(cell) for cell in cells)
    return _inline(_BULLET_RE.sub(r"\1", line))


def _heading_text(rest: str) -> str:
    """An ATX heading's text: ``rest`` without its optional closing run of ``#``."""
    rest = rest.strip()
    closed = rest.rstrip("#")
    if closed != rest and (not closed or closed[-1] in " \t"):
        rest = closed.rstrip()
    return rest


def _drop_html_blocks(markdown: str) -> str:
    """Remove ``<script>`` and ``<style>`` elements and HTML comments, with their content.

    An element or comment left open runs to the end of the text, as in a browser.
    """
    parts: list[str] = []
    pos = 0
    while (opening := _HTML_BLOCK_OPEN_RE.search(markdown, pos)) is not None:
        parts.append(markdown[pos : opening.start()])
        tag = opening.group(1)
        closing = _HTML_BLOCK_CLOSE_RE[tag.lower() if tag else None].search(markdown, opening.end())
        if closing is None:
            return "".join(parts)
        pos = markdown.find(">", closing.end() - 1) + 1
        if pos == 0:
            return "".join(parts)
    parts.append(markdown[pos:])
    return "".join(parts)


def _inline(text: str) -> str:
    """Inline markup stripped: images, links, code spans, emphasis, tags, escapes, entities."""
    text = _ESCAPE_RE.sub(lambda m: chr(_ESCAPED + ord(m.group(1))), text)
    text = _IMAGE_RE.sub("", text)
    text = _AUTOLINK_RE.sub(r"\1", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _TAG_RE.sub("", text)
    text = _CODE_RE.sub(lambda m: m.group(2).strip(), text)
    text = _STRONG_RE.sub(lambda m: m.group(1) or m.group(2), text)
    text = _EM_STAR_RE.sub(r"\1", text)
    text = _EM_UNDERSCORE_RE.sub(r"\1", text)
    text = _STRIKE_RE.sub(r"\1", text)
    text = _ESCAPED_RE.sub(lambda m: chr(ord(m.group(0)) - _ESCAPED), text)
    return _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)
