"""Photo credits, alone on a line or at the end of a caption.

Which paragraphs before a lone credit form its caption is decided after all
blocks are typed (``segment.units``), since it needs to look back.
"""

from __future__ import annotations

import re

from edition.model import Block, Mark, Span
from edition.segment.context import Context, Match, evidenced
from edition.segment.cues import shipped
from edition.segment.dates import is_day_and_month
from edition.segment.rules.marks import place_and_dates
from edition.segment.shapes import capitalized_share, is_bullet, words

_CUE = shipped().photo
"""The label words of a credit, from every language's cue table."""
_BY = rf"(?:{shipped().credit_by})"
"""Between a credit's label and the name: "Photo by", "Foto por", "Fotografía de", "Photo courtesy of"."""
_CREDIT_LINE = re.compile(rf"^[(\[]?{_CUE}(?:\s+by)?\s*(?:[:：]|/(?=\S))\s*(?P<name>\S.*?)[)\]]?\.?$"
                          rf"|^[(\[]?{_CUE}\s+{_BY}\s+(?P<by>[^\W\d_]\S*(?:\s\S+)*?)[)\]]?\.?$"
                          rf"|^(?:{_CUE}\s*)?(?:©|\(c\))\s*(?P<copy>\S.*?)\.?$", re.IGNORECASE)
_CREDIT_TAIL = re.compile(rf"(?<=[.!?\u2026\"\u201d\u2019)])\s+(?P<credit>{_CUE}(?:\s*:\s*|/(?=\S)|\s+{_BY}\s+)"
                          rf"(?P<name>[^.:]{{1,80}})\.?)$", re.IGNORECASE)
_CREDIT_BRACKETED = re.compile(rf"\s+(?P<credit>[(\[]{_CUE}(?:\s*:\s*|\s+{_BY}\s+)(?P<name>[^()\[\].:]{{1,80}})[)\]])\.?$",
                               re.IGNORECASE)
"""A credit in parentheses or brackets with its label word, at the end of a
caption whether or not a stop comes before it: "... the rain (Photo: Name)"."""


AGENCIES = shipped().agencies
"""News and photo agencies, whose name alone in parentheses after a caption is
its credit (the language-neutral cue table)."""
_AGENCY = "|".join(re.escape(a) for a in AGENCIES)
_END = r"(?<=[.!?\u2026\"\u201d\u2019)])"
_SEPARATOR = r"\s+(?P<sep>[\u25a0\u25aa\u2022|\u2013\u2014/])"
_CREDIT_AFTER_SEPARATOR = re.compile(rf"{_SEPARATOR}\s+(?P<credit>{_CUE}(?:\s*[:：]\s*|\s+{_BY}\s+)"
                                     rf"(?P<name>[^.:]{{1,80}})\.?)$", re.IGNORECASE)
_COPYRIGHT_TAIL = re.compile(rf"(?:{_END}|{_SEPARATOR})\s+(?P<credit>©\s*(?P<name>[^.:©]{{1,80}})\.?)$")
"""A copyright sign and a name after a caption's sentence or a separator ("... Monday. © Name")."""
_CREDIT_IN_PARENTHESES = re.compile(
    rf"{_END}\s+(?P<credit>\((?P<name>[^()/]{{1,60}}(?:/[^()/]{{1,60}}){{1,4}}|(?:{_AGENCY}))\))$")
_AGENCY_TAIL = re.compile(rf"{_END}\s+(?P<credit>(?P<name>(?:{_AGENCY}|[A-Z]{{2,}})/[^\s/][^/]{{0,40}}))$",
                          re.IGNORECASE)
_NAME_AGENCY_TAIL = re.compile(rf"{_END}\s+(?P<credit>(?P<name>[A-ZÀ-Þ][\w.'’-]*(?: [A-ZÀ-Þ][\w.'’-]*){{0,3}}"
                               rf"\s?/\s?(?:{_AGENCY})(?: via (?:{_AGENCY}))?))$")
"""A photographer and the agency, after the caption: "Name/AFP via Getty Images"."""
_AGENCY_LINE = re.compile(rf"^\(?(?P<agency>[A-ZÀ-Þ][\w.'’-]*(?: [A-ZÀ-Þ][\w.'’-]*){{0,3}}\s?/\s?(?:{_AGENCY})"
                          rf"(?: via (?:{_AGENCY}))?)\)?\.?$"
                          rf"|^\(?(?P<first>(?:{_AGENCY}|[A-Z]{{2,}})/[^\s/()][^/()]{{0,40}})\)?\.?$"
                          rf"|^\((?P<slashed>[^()/]{{1,60}}(?:/[^()/]{{1,60}}){{1,4}}|(?:{_AGENCY}))\)\.?$")
"""A credit alone on a line, by its shape: a photographer and the agency,
maybe in parentheses ("(Name/AP)"), the agency first ("REUTERS/Name"), or
in parentheses with slashes or an agency alone ("(Name/AFP/Getty Images)",
"(Reuters)") — the shapes that end a caption, on a line of their own."""


def credit_marks(text: str) -> tuple[Mark, ...]:
    """The name a credit line gives ("Photo: Name"), as a ``name`` mark."""
    m = _CREDIT_LINE.match(text)
    if not m:
        agency = _AGENCY_LINE.match(text)
        if agency is None:
            return ()
        group = next(g for g in ("agency", "first", "slashed") if agency.group(g))
        return (Mark("name", agency.start(group), agency.end(group)),)
    group = next(g for g in ("name", "by", "copy") if m.group(g))
    return (Mark("name", m.start(group), m.end(group)),)


def is_credit_line(text: str) -> bool:
    m = _CREDIT_LINE.match(text.strip())
    if m is None:
        return _AGENCY_LINE.match(text.strip()) is not None
    return words(m.group("name") or m.group("by") or m.group("copy")) <= 8 and not described(text)


_PLACEHOLDER = re.compile(rf"^\[{_CUE}\s*[:：]\s*(?P<what>[^\]]+?)\]\.?$", re.IGNORECASE)
"""Where a picture was, in square brackets: its label and maybe what it shows."""
_COURTESY = re.compile(rf"{_BY}\b", re.IGNORECASE)
"""What a credit's label may be followed by before the name ("Credit: courtesy of …")."""
DESCRIPTION_WORDS = 4
"""The fewest words of what a picture shows, after its label."""
DESCRIPTION_CAPITALS = 0.5
"""Below this share of capitalized words, what follows a label describes the
picture rather than naming who took it."""


def described(text: str) -> bool:
    """A picture's place in square brackets with what it shows, not who
    made it ("[Image: readers on the square at noon]"): several words, most
    in lower case (in a script with case), no "courtesy of"."""
    m = _PLACEHOLDER.match(text.strip())
    if m is None or words(m.group("what")) < DESCRIPTION_WORDS or _COURTESY.match(m.group("what")):
        return False
    share = capitalized_share(m.group("what"))
    return share is not None and share < DESCRIPTION_CAPITALS


def photo_credit(ctx: Context, i: int) -> Match | None:
    """A line that only credits a photo: "Photos: AUCPB".  It may run
    straight into the next text's title, so only this line is taken."""
    if not is_credit_line(ctx.lines[i]):
        return None
    return Match((ctx.block("photo-credit", [ctx.span(i)], "photo-credit", credit_marks),), i + 1)


_LABELLED_TAILS = (_CREDIT_TAIL, _CREDIT_BRACKETED, _CREDIT_AFTER_SEPARATOR)
"""A credit's shapes at the end of a caption with a label word, tried in
order: after a sentence ("... Photo: Name"), in brackets, after a separator
("■ FOTO: Name")."""
_SLASHED_TAILS = (_CREDIT_IN_PARENTHESES, _AGENCY_TAIL, _NAME_AGENCY_TAIL)
"""Its shapes with no label word: in parentheses with slashes or an agency's
name ("(Name/AFP/Getty Images)", "(Reuters)"), an agency and a name
("REUTERS/Name"), a photographer and the agency."""
_CUE_WORDS = re.compile("|".join(re.escape(w) for w in shipped().photo_words))
"""Any label word of a credit, to look for cheaply before the tail patterns run."""


def _credit_tail(line: str) -> re.Match[str] | None:
    """The credit ending ``line``, if any; the tails that need a label word
    are only tried on a line that has one, the others on one with a
    parenthesis or a slash, the copyright tail on one with "©" (most lines
    of prose have none of them)."""
    line = line.rstrip()
    low = line.lower()
    tails = (*(_LABELLED_TAILS if _CUE_WORDS.search(low) else ()),
             *(_SLASHED_TAILS if line.endswith(")") or "/" in line else ()),
             *((_COPYRIGHT_TAIL,) if "©" in line else ()))
    m = next((m for tail in tails if (m := tail.search(line))), None)
    return m if m and words(m.group("name")) <= 8 else None


def caption_with_credit(ctx: Context, i: int) -> Match | None:
    """A paragraph whose last sentence is followed by a credit on the same
    line: the paragraph is a caption, the tail its credit.  The credit may
    end any line of the group: the lines after it (a caption glued to the
    next paragraph) are left to the next rule.  A bulleted line opens a
    list, whose items are no caption."""
    if is_bullet(ctx.lines[i]):
        return None
    end = ctx.group_end(i)
    found = next(((k, m) for k in range(i, end) if (m := _credit_tail(ctx.lines[k]))), None)
    if found is None:
        return None
    k, m = found
    return Match(_caption_and_credit(ctx, i, k, m, "caption-with-credit"), k + 1)


def _caption_and_credit(ctx: Context, i: int, k: int, m: re.Match[str], rule: str) -> tuple[Block, Block]:
    """Lines ``i`` to ``k`` as a caption, less the credit ``m`` ending line ``k``."""
    cut = m.start("sep") if "sep" in m.groupdict() and m.group("sep") else m.start()
    spans = [ctx.span(j) for j in range(i, k)] + [ctx.span(k, 0, cut)]
    caption = ctx.block("caption", spans, rule, place_and_dates)
    credit = ctx.block("photo-credit", [ctx.span(k, m.start("credit"))], rule, credit_marks)
    if cut != m.start():  # the separator is the source's, not the edition's: a marker
        credit = Block(credit.type, credit.text, credit.spans, credit.rule, credit.marks,
                       (Span(k + 1, m.start("sep"), m.end("sep")),))
    return caption, credit


_LABEL_AT_END = re.compile(rf"\s+(?P<credit>{_CUE}\s*[:：]\s*(?P<name>[^.:]{{1,80}}?))\.?$", re.IGNORECASE)
"""A labelled credit ending a line with no stop before it ("… verhaftet
Foto: Name/AP"): taken only where the block is already known to be a caption."""


def _known_caption(ctx: Context, i: int, end: int, rule: str, evidence: str) -> Match:
    """Lines ``i`` to ``end`` known by their shape to be a caption, with the
    credit that may end the last of them split off."""
    last = ctx.lines[end - 1].rstrip()
    m = _credit_tail(last) or _LABEL_AT_END.search(last)
    if m is not None and words(m.group("name")) <= 8 and m.start() > 0:
        return Match(evidenced(_caption_and_credit(ctx, i, end - 1, m, rule), evidence), end)
    caption = ctx.block("caption", [ctx.span(k) for k in range(i, end)], rule, place_and_dates)
    return Match(evidenced((caption,), evidence), end)


_PICTURE = shipped().picture
"""How a caption points into its picture ("From left to right"), from every
language's cue table."""
_NUMBERED = re.compile(rf"^(?:{shipped().figure})\.?\s*\d{{1,3}}[a-z]?\s*[.:)\u2013\u2014-]\s*\S", re.IGNORECASE)
"""A numbered caption's opening: "Figure 2: …", "Abb. 3 – …", "Foto 1. …"."""
CAPTION_WORDS = 80
"""The most words of a caption known by its opening alone."""
_DATED_CAPTION = re.compile(r"^(?P<date>[^|]{2,24}?)\s*\|\s*(?P<place>[^|:\u2013\u2014]{2,40}?)"
                            r"(?::|\s+[-\u2013\u2014])\s+\S")
"""A day and month, a bar and a place, then the description: "4 FEB | UK: Rebels …"."""


def picture_caption(ctx: Context, i: int) -> Match | None:
    """A short block that opens by pointing into a picture ("From left to
    right: …", "Clockwise from top left: …"), by a label ("Caption: …") or
    by a picture's number ("Figure 2: …") is a caption."""
    end = ctx.group_end(i)
    text = " ".join(ctx.lines[k].strip() for k in range(i, end))
    if words(text) > CAPTION_WORDS:
        return None
    if _PICTURE.match(text):
        return _known_caption(ctx, i, end, "picture-caption", "opens by pointing into the picture")
    if _NUMBERED.match(text):
        return _known_caption(ctx, i, end, "picture-caption", "opens with a picture's number")
    if end == i + 1 and described(text):
        return _known_caption(ctx, i, end, "picture-caption", "a picture's label over what it shows")
    return None


def dated_caption(ctx: Context, i: int) -> Match | None:
    """A block opening with a day and month, a bar and a place, then a
    description ("20 NOV | Indonesia – Rebels blocked …"): in a bulletin's
    gallery, the caption of an event's photo.  (The date and place alone
    on their line are a dateline: see ``closing.event_dateline``.)"""
    m = _DATED_CAPTION.match(ctx.lines[i].strip())
    if m is None or not is_day_and_month(m.group("date")):
        return None
    end = ctx.group_end(i)
    text = " ".join(ctx.lines[k].strip() for k in range(i, end))
    if words(text) > CAPTION_WORDS or words(text[m.end() - 1:]) < DATED_CAPTION_WORDS:
        return None
    return _known_caption(ctx, i, end, "dated-caption", "a date, a bar and a place, then a description")


DATED_CAPTION_WORDS = 5
"""The fewest words of description after the date and place of a dated caption."""
