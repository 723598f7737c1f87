"""``pagedump inspect``: one self-contained HTML page showing what went where.

The left pane lists the dump line by line, numbered and coloured by kind; the right
pane shows the parsed page. Each part of the page is linked to the lines it was read
from, so hovering either side highlights the other, and clicking scrolls to it.

:func:`render_html` is a pure function of the tokens and the page. The HTML it
returns has inline CSS and JavaScript only (no external assets, so it works offline),
and every piece of dump text is escaped: a dump is arbitrary text, ``<script>``
included. The script holds no data; it reads the links from ``data-`` attributes.
"""

from __future__ import annotations

import collections
import html
import re
from collections.abc import Iterable, Sequence
from datetime import datetime

import attrs

from pagedump._records import Article, Page, Published, RelatedItem
from pagedump._tokens import Line, LineKind

__all__ = ["KIND_COLOURS", "render_html"]

KIND_COLOURS: dict[LineKind, tuple[str, str]] = {
    LineKind.BLANK: ("#f4f4f5", "#d4d4d8"),
    LineKind.BOILERPLATE: ("#ececee", "#9ca3af"),
    LineKind.HEADLINE: ("#fff3bf", "#e8a400"),
    LineKind.DATELINE: ("#d9f5f7", "#0e9aa7"),
    LineKind.BODY: ("#ffffff", "#3f8f3f"),
    LineKind.HEADING: ("#dde8ff", "#2f5bd3"),
    LineKind.RELATED: ("#f2e3ff", "#8e44c9"),
}
"""Each kind's background and accent colour, as CSS colours."""

_KIND_NOTES = {
    LineKind.BLANK: "empty line",
    LineKind.BOILERPLATE: "site chrome and debris",
    LineKind.HEADLINE: "the story's headline",
    LineKind.DATELINE: "outlet, time, byline",
    LineKind.BODY: "the story's paragraphs",
    LineKind.HEADING: "a sub-heading",
    LineKind.RELATED: "teasers for other stories",
}

# C0 controls and DEL as Unicode control pictures (tabs stay), lone surrogates as
# U+FFFD: a dump may hold both, and neither belongs in an HTML page.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(32) if code != 9} | {127: 0x2421}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: str) -> str:
    """``value`` as HTML text: controls made visible, then escaped."""
    shown = _SURROGATE.sub("\ufffd", value.translate(_CONTROL_PICTURES))
    return html.escape(shown, quote=True)


def _key(value: str) -> str:
    """What a line and a page field are compared by: their words."""
    return " ".join(value.split())


@attrs.define
class _Linker:
    """Finds the dump lines each part of the page came from.

    Each line is claimed at most once, first come first served, so a paragraph
    printed twice links each printing to one paragraph.
    """

    lines: Sequence[Line]
    claimed: set[int] = attrs.field(factory=set)
    by_text: dict[str, list[Line]] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.by_text = collections.defaultdict(list)
        for line in self.lines:
            if line.kind is not LineKind.BLANK:
                self.by_text[_key(line.text)].append(line)

    def equal(self, value: str | None, kinds: Iterable[LineKind], *,
              every: bool = False) -> list[int]:
        """Claim the first (or ``every``) unclaimed line of ``kinds`` reading ``value``."""
        if value is None:
            return []
        wanted = frozenset(kinds)
        found: list[int] = []
        for line in self.by_text.get(_key(value), ()):
            if line.kind in wanted and line.lineno not in self.claimed:
                self.claimed.add(line.lineno)
                found.append(line.lineno)
                if not every:
                    break
        return found

    def near(self, value: str | None, anchor: int, *, kind: LineKind,
             reach: int = 12) -> list[int]:
        """Claim the unclaimed line of ``kind`` nearest ``anchor`` that ends with ``value``."""
        if not value:
            return []
        wanted = _key(value)
        first = max(anchor - reach, 1)
        candidates = [line for line in self.lines[first - 1:anchor + reach]
                      if line.kind is kind and line.lineno not in self.claimed
                      and _key(line.text).endswith(wanted)]
        if not candidates:
            return []
        best = min(candidates, key=lambda line: abs(line.lineno - anchor))
        self.claimed.add(best.lineno)
        return [best.lineno]


# -- the page pane ---------------------------------------------------------------------


def _linked(tag: str, content: str, numbers: Sequence[int], *, css: str = "") -> str:
    classes = f"part {css}".strip()
    lines = " ".join(str(n) for n in numbers)
    return f'<{tag} class="{classes}" data-lines="{lines}">{content}</{tag}>'


def _field(label: str, value: str) -> str:
    return f'<div class="field"><span class="label">{label}</span>{value}</div>'


def _maybe(value: str | None) -> str:
    return '<span class="none">none</span>' if value is None else _text(value)


def _published(published: Published | None) -> str:
    if published is None:
        return _maybe(None)
    value = "unresolved" if published.value is None else published.value.isoformat()
    relative = " (relative)" if published.relative else ""
    return f'{_text(published.text)} <span class="arrow">→</span> <code>{value}</code>{relative}'


def _article_html(article: Article, link: _Linker) -> str:
    parts = ['<section class="card"><h2>Article</h2>']
    headline = link.equal(article.headline, [LineKind.HEADLINE], every=True)
    parts.append(_linked("h3", _maybe(article.headline), headline, css="headline"))
    datelines = [link.equal(line, [LineKind.DATELINE]) for line in article.datelines]
    first_dateline = datelines[0] if datelines else []
    parts.append(_linked("div", _field("source", _maybe(article.source)), first_dateline))
    parts.append(_linked("div", _field("published", _published(article.published)),
                         first_dateline))
    parts.append(_field("location", _maybe(article.location)))
    parts.append(_field("agency", _maybe(article.agency)))
    parts.append(_field("byline", _maybe(article.byline)))
    for text, numbers in zip(article.datelines, datelines, strict=True):
        parts.append(_linked("div", _field("dateline", _text(text)), numbers))
    for number, section in enumerate(article.sections, start=1):
        parts.append(f'<div class="section"><div class="label">section {number}</div>')
        if section.heading is not None:
            heading = link.equal(section.heading, [LineKind.HEADING])
            parts.append(_linked("h4", _text(section.heading), heading))
        for paragraph in section.paragraphs:
            numbers = link.equal(paragraph, [LineKind.BODY])
            parts.append(_linked("p", _text(paragraph), numbers))
        parts.append("</div>")
    parts.append("</section>")
    return "".join(parts)


def _item_html(number: int, item: RelatedItem, link: _Linker) -> str:
    related = LineKind.RELATED
    title = link.equal(item.title, [related], every=True)
    teaser = link.equal(item.teaser, [related])
    source: list[int] = []
    published: list[int] = []
    categories: list[int] = []
    anchors = title or teaser
    if anchors:
        anchor = anchors[0]
        # The outlet may be printed twice: on its own line and as a bullet.
        source = link.near(item.source, anchor, kind=related)
        source += link.near(item.source, anchor, kind=related)
        if item.published is not None:
            published = link.near(item.published.text, anchor, kind=related)
        categories = [n for c in item.categories for n in link.near(c, anchor, kind=related)]
    labels = ", ".join(_text(c) for c in item.categories) or _maybe(None)
    return "".join([
        '<div class="item">',
        f'<div class="label">related {number}</div>',
        _linked("h4", _text(item.title), title),
        _linked("div", _field("source", _maybe(item.source)), source),
        _linked("div", _field("published", _published(item.published)), published),
        _linked("div", _field("categories", labels), categories),
        _linked("p", _maybe(item.teaser), teaser, css="teaser clamp"),
        "</div>",
    ])


def _list_html(title: str, values: Sequence[str], kind: LineKind, link: _Linker, *,
               open_: bool = False) -> str:
    rows = "".join(_linked("li", _text(value), link.equal(value, [kind])) for value in values)
    opened = " open" if open_ else ""
    return (f'<section class="card"><details{opened}><summary><h2>{title}: '
            f'{len(values)} line{"s" if len(values) != 1 else ""}</h2></summary>'
            f'<ol class="plain">{rows}</ol></details></section>')


def _page_html(page: Page, lines: Sequence[Line]) -> str:
    link = _Linker(lines)
    parts = ['<section class="card"><h2>Page</h2>',
             _field("site", _maybe(page.site)), _field("kind", _text(page.kind.value))]
    if page.title is not None:
        title = link.equal(page.title, [LineKind.HEADLINE], every=True)
        parts.append(_linked("div", _field("title", _text(page.title)), title))
    parts.append("</section>")
    if page.article is not None:
        parts.append(_article_html(page.article, link))
    items = "".join(_item_html(n, item, link) for n, item in enumerate(page.related, 1))
    parts.append(f'<section class="card"><h2>Related: {len(page.related)}</h2>{items}</section>')
    parts.append(_list_html("Boilerplate", page.boilerplate, LineKind.BOILERPLATE, link))
    parts.append(_list_html("Orphans", page.orphans, LineKind.RELATED, link,
                            open_=bool(page.orphans)))
    return "".join(parts)


# -- the dump pane, the legend and the page around them --------------------------------


def _dump_html(lines: Sequence[Line]) -> str:
    rows = []
    for line in lines:
        kind = line.kind.value
        rows.append(
            f'<div class="line k-{kind}" id="L{line.lineno}" data-line="{line.lineno}" '
            f'data-kind="{kind}"><span class="no">{line.lineno}</span>'
            f'<span class="kind">{kind}</span>'
            f'<span class="text clamp">{_text(line.text)}</span></div>')
    return "".join(rows)


def _legend_html(lines: Sequence[Line]) -> str:
    counts = collections.Counter(line.kind for line in lines)
    items = "".join(
        f'<li class="k-{kind.value}" title="{_text(_KIND_NOTES[kind])}">'
        f'<span class="swatch"></span>'
        f'{kind.value} <span class="count">{counts[kind]}</span></li>'
        for kind in LineKind)
    return f'<ul class="legend" aria-label="line kinds">{items}</ul>'


def _kind_css() -> str:
    return "".join(
        f".k-{kind.value}{{--bg:{bg};--accent:{accent}}}"
        for kind, (bg, accent) in KIND_COLOURS.items())


_CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;
background:#f6f7f9;display:flex;flex-direction:column}
header{padding:10px 16px;background:#fff;border-bottom:1px solid #d0d7de}
h1{font-size:18px;margin:0 0 4px}
.meta{margin:0 0 6px;color:#57606a}
.legend{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
.legend li{background:var(--bg);border:1px solid var(--accent);border-radius:12px;
padding:1px 10px 1px 6px;display:flex;align-items:center;gap:6px}
.swatch{width:12px;height:12px;border-radius:3px;background:var(--accent)}
.count{color:#57606a;font-variant-numeric:tabular-nums}
main{flex:1;display:grid;grid-template-columns:minmax(0,55fr) minmax(0,45fr);min-height:0}
.pane{overflow:auto;padding:8px 12px}
.pane>h2{font-size:13px;text-transform:uppercase;letter-spacing:.05em;color:#57606a;
margin:4px 0 8px}
.dump{border-right:1px solid #d0d7de;font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,
Consolas,monospace}
.line{display:grid;grid-template-columns:3.5em 7.5em minmax(0,1fr);background:var(--bg);
border-left:4px solid var(--accent);cursor:pointer}
.line+.line{border-top:1px solid #fff}
.no{color:#8c959f;text-align:right;padding-right:8px;user-select:none}
.kind{color:var(--accent);font-weight:600}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.k-boilerplate .text{color:#6e7781}
.k-headline .text,.k-heading .text{font-weight:600}
.clamp{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden}
.open .clamp,.clamp.open{-webkit-line-clamp:unset;display:block}
.card{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;
margin-bottom:10px}
.card h2{font-size:15px;margin:0 0 6px;display:inline}
.card>h2{display:block}
summary{cursor:pointer}
h3.headline{font-size:18px;margin:4px 0 8px}
h4{margin:8px 0 4px;font-size:14px}
.field{margin:2px 0}
.label{display:inline-block;min-width:8.5em;color:#57606a;font-size:12px;
text-transform:uppercase;letter-spacing:.03em}
.section{border-left:3px solid #2f5bd3;padding-left:8px;margin:10px 0}
.section p{margin:4px 0}
.item{border-left:3px solid #8e44c9;padding-left:8px;margin:10px 0}
.none{color:#8c959f;font-style:italic}
.plain{margin:6px 0;padding-left:2.5em;color:#57606a}
.part{border-radius:3px;cursor:pointer}
.hl{outline:2px solid #fb8500;background-color:#ffe8cc!important}
.line.hl{background:#ffe8cc}
code{font-size:12px}
.js-error{position:fixed;bottom:0;left:0;right:0;background:#b42318;color:#fff;padding:6px}
"""

# The first script runs before anything else: any error after it becomes an element,
# so that a broken page shows it (and a headless test can see it in the DOM).
_ERROR_SCRIPT = """
window.onerror=function(message,source,line){var e=document.createElement("div");
e.className="js-error";e.textContent="script error: "+message+" (line "+line+")";
document.documentElement.appendChild(e);};
"""

_SCRIPT = """
(function(){
var byLine={};
document.querySelectorAll(".part[data-lines]").forEach(function(part){
  part.dataset.lines.split(" ").forEach(function(n){
    if(n){(byLine[n]=byLine[n]||[]).push(part);}
  });
});
function linesOf(part){
  return part.dataset.lines.split(" ").filter(Boolean).map(function(n){
    return document.getElementById("L"+n);}).filter(Boolean);
}
var lit=[];
function light(nodes){
  lit.forEach(function(n){n.classList.remove("hl");});
  lit=nodes;lit.forEach(function(n){n.classList.add("hl");});
}
function openAround(node){var d=node.closest("details");if(d){d.open=true;}}
document.querySelectorAll(".line").forEach(function(line){
  var parts=byLine[line.dataset.line]||[];
  line.addEventListener("mouseenter",function(){light([line].concat(parts));});
  line.addEventListener("click",function(){
    line.classList.toggle("open");
    if(parts.length){openAround(parts[0]);parts[0].scrollIntoView({block:"center"});}
  });
});
document.querySelectorAll(".part[data-lines]").forEach(function(part){
  var lines=linesOf(part);
  part.addEventListener("mouseenter",function(e){
    e.stopPropagation();light([part].concat(lines));});
  part.addEventListener("click",function(e){
    e.stopPropagation();part.classList.toggle("open");
    if(lines.length){lines[0].scrollIntoView({block:"center"});}
  });
});
document.body.dataset.ready="yes";
})();
"""


def render_html(lines: Sequence[Line], page: Page, *, name: str = "dump",
                fetched_at: datetime | None = None) -> str:
    """Render an inspection page: the dump's lines beside the page parsed from them.

    Args:
        lines: The dump's lines, as :func:`pagedump.tokenize` classified them.
        page: The page :func:`pagedump.parse` read from the same dump (with the same
            dialect).
        name: What to call the dump in the page's title (its file name).
        fetched_at: The fetch time the page was parsed with, shown in the header.

    Returns:
        A complete HTML document with inline CSS and JavaScript only. Every piece of
        dump text is escaped, control characters are shown as control pictures and
        lone surrogates as U+FFFD, so the result always encodes as UTF-8.
    """
    fetched = "none" if fetched_at is None else fetched_at.isoformat()
    meta = (f"<strong>{_text(name)}</strong> · {len(lines)} lines · dialect "
            f"{_maybe(page.site)} · {_text(page.kind.value)} page · fetched_at {fetched}")
    return "".join([
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        f"<title>pagedump inspect: {_text(name)}</title>",
        f"<script>{_ERROR_SCRIPT}</script>",
        f"<style>{_CSS}{_kind_css()}</style></head>\n<body>",
        f'<header><h1>pagedump inspect</h1><p class="meta">{meta}</p>',
        f"{_legend_html(lines)}</header>\n<main>",
        '<section class="pane dump" aria-label="dump"><h2>Dump, line by line</h2>',
        f"{_dump_html(lines)}</section>\n",
        '<section class="pane page" aria-label="parsed page"><h2>Parsed page</h2>',
        f"{_page_html(page, lines)}</section>",
        f"</main>\n<script>{_SCRIPT}</script>\n</body></html>\n",
    ])
