"""The structure rules, in the order they are tried at each line.

The first rule that claims a line wins; ``paragraph`` comes last and claims
anything, so no text is ever left untyped.
"""

from __future__ import annotations

from edition.segment.context import Rule
from edition.segment.rules import closing, figures, headings, lists, prose, signatories

RULES: tuple[Rule, ...] = (
    # Only at the top of the file, before anything can claim its first line.
    Rule("opening-title", "The first line, short and not closed like a sentence, is the "
         "title; a short line just above it, ending in a colon or in capitals over a title "
         "that is not, is a kicker.", headings.opening_title),
    Rule("salutation", "A short line ending in a comma that opens a text is a salutation.",
         headings.salutation),
    Rule("separator", "A line of one mark repeated (\"- - - -\", \"#####\", \"* * *\") is a "
         "section break.", headings.separator),
    # Credits before anything else: "Photos: AUCPB" is also shaped like a title.
    Rule("photo-credit", "A line that only credits a photo (\"Photo: Name\").",
         figures.photo_credit),
    Rule("caption-with-credit", "A paragraph with a photo credit at the end of one of its lines "
         "(after a label word, a separator, in parentheses with an agency or slashes, or as "
         "AGENCY/Name) is a caption and its credit.", figures.caption_with_credit),
    # Thanks and datelines are short like titles: claim them first.
    Rule("acknowledgement", "A line of thanks or provenance (\"Thanks to\", \"Reposted from\").",
         closing.acknowledgement),
    Rule("source-line", "A short line of its own saying where the text was taken from: in "
         "parentheses (\"(From …)\"), or a source word, a name and a date.", closing.source_line),
    # Before datelines and lists: "31. JAN | Place: …" opens like an event's date and like a numbered item.
    Rule("dated-caption", "A block opening with a day and month, a bar and a place, then a "
         "description (\"20 NOV | Indonesia – Rebels …\") is a gallery photo's caption.",
         figures.dated_caption),
    Rule("dateline", "A line that is only a date, maybe after a place.", closing.dateline),
    Rule("labelled-date", "A line of its own giving one date and what labels it: a byline, an issue "
         "(\"Issue 12 \u2014 March 2021\"), a label word (\"Updated\", \"Published:\"); maybe a time "
         "of day or a place after it.", closing.labelled_date),
    Rule("event-dateline", "A line of its own giving a day and month with no year, then hours or a "
         "place after a bar (\"12 OCT | Bruselas\"), or a date and a time of day alone.",
         closing.event_dateline),
    Rule("posting-line", "A line of its own saying when and by whom the text was posted "
         "(\"** Written 7:23 pm Jan 29, 1991 by name **\") is its dateline.", closing.posting_line),
    Rule("byline-and-date", "Two or three short lines together, each a byline (\"By Name\") or a "
         "date, maybe with a time: a news post's byline block.", closing.byline_and_date),
    Rule("mail-signature", "An e-mail's signature line (\"-- \") and the lines under it: the "
         "sender's signature block.", closing.mail_signature),
    Rule("sign-off", "A name alone on its line after a dash (\"--Name\") closing a note is "
         "its signatory.", closing.sign_off),
    Rule("mail-header", "An e-mail header (Name: value lines with a Date: among them): the Date line "
         "is the dateline, the others bylines.", closing.mail_header),
    Rule("contact-block", "A lead naming contact details (\"Media contact:\") over short lines "
         "with telephone numbers, e-mail or web addresses, and the further groups of such lines "
         "after it.", closing.contact_block),
    Rule("signatories", "A lead-in naming the act of signing, then one name per line, or names "
         "separated by commas on the lead's line or below it; a parenthesised line joins the name above.",
         signatories.signatories),
    Rule("valediction", "Where a text closes, a short formula ending in a comma (\"In solidarity,\") "
         "over a name and maybe a role: the formula closes the text, the lines below are its "
         "signatories.", signatories.valediction),
    Rule("signatory-groups", "A group label ending in a colon over two or more names, with "
         "further groups after it.", signatories.signatory_groups),
    Rule("run-under-lead", "Where a text closes, a lead-in ending in a colon, whatever its words "
         "(\"launched by the following organisations:\"), over a run of five or more names separated "
         "by commas or semicolons.", signatories.run_under_lead),
    # After the closers above, so a text's last lines are not read as a title.
    Rule("title-after-separator", "A lone short line just after a section break is the title "
         "of the text that begins there.", headings.title_after_separator),
    Rule("late-title", "A lone short line after no more than a note or two at the top of a file "
         "with no title yet, a full paragraph after it, is the title.", headings.late_title),
    Rule("byline-under-title", "Right under a title, one or two short lines giving the author's "
         "name and an address.", headings.byline_under_title),
    Rule("section-title", "A lone short line after a text's close and before a full paragraph "
         "starts the next text.", headings.section_title),
    Rule("bullet-list", "Lines opening with a bullet, with their continuation lines; after the "
         "place where a text closes, a list of three or more names is signatories.",
         lists.bullet_list),
    Rule("picture-caption", "A short block opening by pointing into a picture (\"From left to "
         "right: …\") is a caption.", figures.picture_caption),
    Rule("slogan", "Where a rallying call stands (in a run, in capitals, where the text closes), "
         "a line that is one short exclamation; a lone one over a section of prose is its heading.",
         prose.slogan),
    Rule("signatory-run", "Three or more short capitalized lines in a row after the body has "
         "begun are names.", signatories.signatory_run),
    Rule("name-run", "Where a text closes (less prose after than text before), a run of name-like "
         "lines: three or more in a row, or five or more each between blank lines; mostly "
         "capitalized words, no sentence, no contact details; maybe under a short line that "
         "introduces them.", signatories.name_run),
    Rule("comma-run", "Where a text closes, a paragraph that is a run of five or more names "
         "separated by commas and a last \"and\", maybe after a few words introducing them.",
         signatories.comma_run),
    Rule("closing-name", "A name alone under the text's last paragraph or slogan at the end of "
         "the file or before a section break (an organization, or a person of two to four capitalized words), maybe over a "
         "place and date or contact details, signs the text.", signatories.closing_name),
    Rule("section-heading", "A lone short line inside the body, not closed like a sentence and "
         "not a name, over a paragraph of running text, is a section's heading.",
         headings.section_heading),
    Rule("paragraph", "Anything else: the lines up to a blank line form a paragraph.",
         prose.paragraph),
)
