"""What the attribution knows about an article before it looks at the first quote, built
once by ``read_article`` and read by every rule and resolver: the token and entity index,
the name book (one canonical name per person or body), the roles the article gives them,
their genders, the names used only as channels ("according to the BBC") and how often each
is named.

Only one thing grows afterwards: speakers the text describes without a name ("a council
spokesperson") join the name book as the resolvers meet them, because a later "the
spokesperson" means that one.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotes.attribution.names import NameBook
from quotes.attribution.roles import collect_roles
from quotes.attribution.salience import genders_of, mention_counts, relays_of
from quotes.attribution.syntax import DocIndex
from quotes.models import Document, QuoteSpan


@dataclass(frozen=True)
class ArticleFacts:
    index: DocIndex
    book: NameBook
    genders: dict[str, str]  # canonical name -> MALE / FEMALE, where the article makes it clear
    title: str | None


def read_article(document: Document, spans: list[QuoteSpan], title: str | None = None) -> ArticleFacts:
    index = DocIndex(document, spans)
    book = NameBook(index)
    # the order matters: channels are read off the bare names, roles before genders (a
    # title says "Ms"), and names are counted once genders settle shared surnames
    index.relays = relays_of(index, book)
    collect_roles(index, book)
    genders = genders_of(index, book)
    book.genders = genders  # "Ms Taylor" then means the Taylor who is a woman
    index.mention_counts = mention_counts(index, book)  # once: every pronoun looks at them
    return ArticleFacts(index=index, book=book, genders=genders, title=title)
