"""Hand-built attributed articles for tests of the store, the exports, the CLI and the TUI,
which need data in the index but no NLP (attribution itself is tested on the real server)."""

from __future__ import annotations

from quotes.models import (Article, ArticleSpeaker, Attribution, AttributedArticle, CueClass, QuoteType,
                           ReportedStatement, SpeakerType)


def article(body: str, quotes: list[tuple[str, str | None]], speakers: list[tuple[str, str, list[str]]] = (),
            source: str = "test.txt", outlet: str | None = None, date: str | None = None,
            title: str | None = None) -> AttributedArticle:
    """``quotes``: (quoted words as they stand in ``body``, speaker name or None);
    ``speakers``: (name, "person"/"organisation", roles)."""
    art = Article.from_text(body, source=source, outlet=outlet, date=date, title=title)
    found = []
    cursor = 0
    for words, speaker in quotes:
        start = art.text.index(words, cursor)
        cursor = start + len(words)
        found.append(Attribution(
            text=words, start=start, end=start + len(words),
            type=QuoteType.direct if words[:1].isupper() else QuoteType.partial,
            speaker=speaker, speaker_type=SpeakerType.person if speaker else SpeakerType.unknown,
            mention=speaker.split()[-1] if speaker else None, rule="test", confidence=0.9,
            context=art.text[max(0, start - 40) : cursor + 40],
        ))
    people = [ArticleSpeaker(name=n, type=SpeakerType(t), aliases=[n, n.split()[-1]], roles=list(r)) for n, t, r in speakers]
    return AttributedArticle(article=art, quotes=found, speakers=people)


def with_statements(attributed: AttributedArticle, statements: list[tuple[str, str | None, str, CueClass]]) -> AttributedArticle:
    """``statements``: (content as it stands in the text, speaker, cue word before it, cue
    class); partial quotes inside a content are linked to it."""
    text = attributed.article.text
    found = []
    for content, speaker, cue, cue_class in statements:
        start = text.index(content)
        cue_start = text.rindex(cue, 0, start)
        inside = [i for i, q in enumerate(attributed.quotes) if start <= q.start and q.end <= start + len(content)]
        found.append(ReportedStatement(
            text=content, start=start, end=start + len(content), cue_class=cue_class, speaker=speaker,
            speaker_type=SpeakerType.person if speaker else SpeakerType.unknown,
            mention=speaker.split()[-1] if speaker else None, cue=cue, cue_start=cue_start, cue_end=cue_start + len(cue),
            rule="test", confidence=0.8, context=text[max(0, start - 40) : start + len(content) + 40], quotes=inside,
        ))
    return attributed.model_copy(update=dict(statements=found))


def trump_articles() -> list[AttributedArticle]:
    """Three outlets printing one quote three ways, plus other quotes: enough to exercise
    groups, diffs, speakers and search."""
    return [
        article('President Donald Trump said "If you could do it cheaper, for less, and still achieve the same effect, '
                'that\'s a good thing for us." He called it "a wake-up call". Jane Roe said "We disagree."',
                [("If you could do it cheaper, for less, and still achieve the same effect, that's a good thing for us.", "Donald Trump"),
                 ("a wake-up call", "Donald Trump"), ("We disagree.", "Jane Roe")],
                [("Donald Trump", "person", ["US President"]), ("Jane Roe", "person", ["mayor of Springfield"])],
                source="https://daily.example/a", outlet="Daily Example", date="2025-01-28", title="Trump on DeepSeek"),
        article('Trump said: "If you could do it cheaper [and] reach the same result, that’s a good thing for us." '
                'He added: "This is a wake-up call for our tech industry."',
                [("If you could do it cheaper [and] reach the same result, that’s a good thing for us.", "Trump"),
                 ("This is a wake-up call for our tech industry.", "Trump")],
                [("Trump", "person", ["President"])],
                source="https://weekly.example/b", outlet="Weekly Example", date="2025-01-29"),
        article('"=HYPERLINK(\\"http://evil\\")" wrote someone. \x1b[31mRed\x1b[0m text <script>alert(1)</script> said '
                'Ann Lee: "Costs [for] less — ‘really’ … 😀."',
                [('=HYPERLINK(\\"http://evil\\")', None), ("Costs [for] less — ‘really’ … 😀.", "Ann Lee")],
                [("Ann Lee", "person", ["<b>analyst</b>"])],
                source="nasty.txt", outlet=None, date=None),
    ]


def build_index(path, articles) -> str:
    """An index at ``path`` holding the given attributed articles (no CoreNLP)."""
    from quotes.store import Store

    with Store(path) as store:
        for article in articles:
            store.ingest(article)
    return str(path)


def run_cli(capsys, *argv):
    """(exit code, stdout, stderr) of the command line with ``argv``."""
    from quotes.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
