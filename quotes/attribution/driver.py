"""The attribution of one article, stage by stage:

    facts = read_article(document, spans)        # facts.py: names, roles, genders, once
    for each quote, in order:
        type it                                  # quotetypes.py
        try the rules of the sieve in order      # rules/: the first cue that resolves wins
        resolve the cue's mention                # resolvers.py: an ordered sieve of its own
        strip titles and names in quote marks    # quotetypes.py
    one speaker per multi-paragraph quotation
    confidence from the calibration table        # calibration.py: measured on PolNeAR train

Public surface: ``attribute_quotes(document, spans, title=None) -> (attributions, speakers)``.
"""

from __future__ import annotations

from quotes.attribution.calibration import calibrated
from quotes.attribution.context import Cue, QuoteContext, Strength
from quotes.attribution.facts import ArticleFacts, read_article
from quotes.attribution.lexicon import PERSONAL_PRONOUNS
from quotes.attribution.quotetypes import as_speech, looks_like_title, named_as_speech, names_something, quote_type, strip_speaker
from quotes.attribution.resolvers import Resolution, resolve
from quotes.attribution.rules import SIEVE
from quotes.attribution.syntax import DocIndex
from quotes.models import ArticleSpeaker, Attribution, Document, QuoteSpan, QuoteType, SpeakerType


def attribute_quotes(
    document: Document, spans: list[QuoteSpan], title: str | None = None
) -> tuple[list[Attribution], list[ArticleSpeaker]]:
    """Every quotation the finder found in ``document`` with its speaker, and the speakers."""
    facts = read_article(document, spans, title)
    index, book = facts.index, facts.book
    attributions: list[Attribution] = []
    spoken: list[Attribution] = []  # attributed so far, for continuation
    used_speakers: set[str] = set()
    for span in spans:
        if span.nested:
            continue  # a quotation inside a quotation is part of its speaker's words
        ctx = QuoteContext(index, span, index.sentences_overlapping(span.start, span.end), spoken)
        attribution, strength = _attribute_one(ctx, facts)
        if attribution.type != QuoteType.headline and (
            (looks_like_title(span.text) and not named_as_speech(ctx, attribution, strength)) or names_something(ctx)
        ):
            attribution = strip_speaker(attribution)
        attributions.append(attribution)
        if attribution.speaker is not None or attribution.mention is not None:
            spoken.append(attribution)
            used_speakers.add(attribution.speaker)
    _one_speaker_per_multi_paragraph_quote(index, [s for s in spans if not s.nested], attributions)
    attributions = [a.model_copy(update=dict(confidence=calibrated(a))) for a in attributions]
    speakers = [
        ArticleSpeaker(name=s.name, type=s.type, aliases=sorted(s.aliases), roles=list(s.roles), party=s.party)
        for name, s in book.speakers.items()
        if name in used_speakers
    ]
    return attributions, speakers


def _attribute_one(ctx: QuoteContext, facts: ArticleFacts) -> tuple[Attribution, Strength | None]:
    """The quote's attribution, with the strength of the cue it rests on."""
    span = ctx.quote
    index = ctx.index
    kind_of_quote = quote_type(ctx, facts.title)
    base = Attribution(
        text=span.text,
        start=span.start,
        end=span.end,
        type=kind_of_quote,
        context=_context(ctx),
        paragraph=span.paragraph,
    )
    unresolved: tuple[Attribution, Strength] | None = None
    for rule in SIEVE:
        cue = rule(ctx)
        if cue is None or (unresolved is not None and cue.strength < Strength.FAIR):
            continue  # after a clear cue with an unresolved subject, only another clear cue counts
        if cue.inherited is not None:
            previous = cue.inherited
            found = _spoken_by(base, previous, rule=cue.rule, evidence=f"continues the quote by {previous.speaker} just before")
            return as_speech(found), cue.strength
        resolved = resolve(facts, cue)
        if resolved is None:
            if cue.strength < Strength.CLEAR:
                continue
            # a clear cue whose mention resolves to nobody: "she said" with no woman named
            # nearby keeps the mention as the evidence, with the speaker unknown; a subject
            # that cannot speak ("the think tank told", as parsed) lets the later rules try
            # first, and stands only if none of them finds anyone
            unknown = Resolution(None, SpeakerType.unknown, f"mention not resolved to a name ({cue.rule})", "unresolved")
            if index.token(cue.mention).word.lower() in PERSONAL_PRONOUNS:
                return _found(facts, base, cue, unknown), cue.strength
            unresolved = unresolved or (_found(facts, base, cue, unknown), cue.strength)
            continue
        return _found(facts, base, cue, resolved), cue.strength
    if unresolved is not None:
        return unresolved
    if kind_of_quote == QuoteType.direct and span.close_mark is not None:
        return base.model_copy(update=dict(rule="unattributed")), None
    return base.model_copy(
        update=dict(type=QuoteType.non_speech if kind_of_quote != QuoteType.headline else kind_of_quote, rule="no_speaker")
    ), None


_SPEAKER_FIELDS = (
    "speaker",
    "speaker_type",
    "role",
    "mention",
    "mention_start",
    "mention_end",
    "cue",
    "cue_start",
    "cue_end",
    "resolver",
)


def _spoken_by(attribution: Attribution, other: Attribution, **update) -> Attribution:
    """The attribution with the speaker, mention, cue and resolver of another quote."""
    return attribution.model_copy(update={**{f: getattr(other, f) for f in _SPEAKER_FIELDS}, **update})


def _found(facts: ArticleFacts, base: Attribution, cue: Cue, resolved: Resolution) -> Attribution:
    """The attribution a cue gives, with its mention, cue word, rule and resolver."""
    index = facts.index
    mention_text, m_start, m_end = index.span_text(cue.mention.sentence, cue.mention_first, cue.mention_last)
    cue_token = index.token(cue.cue) if cue.cue is not None else None
    speaker = facts.book.speaker(resolved.name) if resolved.name else None
    found = base.model_copy(
        update=dict(
            speaker=resolved.name,
            speaker_type=resolved.type,
            role=speaker.roles[0] if speaker and speaker.roles else None,
            mention=mention_text,
            mention_start=m_start,
            mention_end=m_end,
            cue=cue_token.original_text if cue_token else None,
            cue_start=cue_token.start if cue_token else None,
            cue_end=cue_token.end if cue_token else None,
            rule=cue.rule,
            resolver=resolved.resolver,
            evidence=resolved.evidence,
        )
    )
    return as_speech(found)


_NO_CUE_OF_ITS_OWN = frozenset({"continues_previous_quote", "unattributed", "no_speaker", "subject_of_the_sentence_before"})


def _one_speaker_per_multi_paragraph_quote(index: DocIndex, spans: list[QuoteSpan], attributions: list[Attribution]) -> None:
    """A quotation that runs over paragraphs is one speaker's, wherever its cue stands:
    '"...," said Smith. ¶ "I have been suffering a lot of injuries. ¶ "If that's the last
    match here, I'll be in peace," Nadal added.' gives the first paragraph to Nadal, not to
    Smith whose quote came before. Parts with no cue of their own take the cue of the part
    that has one (the first such part in the quotation)."""
    text = index.text
    paragraph_starts = [p.start for p in index.doc.paragraphs]
    chain: list[int] = []
    for i, span in enumerate(spans):
        chain.append(i)
        if span.continued and i + 1 < len(spans) and spans[i + 1].continues:
            continue
        anchors = [j for j in chain if attributions[j].rule not in _NO_CUE_OF_ITS_OWN and attributions[j].speaker is not None]
        if len(chain) > 1 and anchors:
            anchor = attributions[anchors[0]]
            for j in chain:
                # a part that follows a cue in its own paragraph ('..., Moore said. "If indeed
                # ...') is that cue's, whatever comes after
                opens_paragraph = not text[paragraph_starts[spans[j].paragraph] : spans[j].outer_start].strip()
                if j < anchors[0] and attributions[j].rule in _NO_CUE_OF_ITS_OWN and opens_paragraph:
                    attributions[j] = _spoken_by(
                        attributions[j],
                        anchor,
                        rule="same_quotation_as_its_cue",
                        evidence=f"one quotation over several paragraphs with {anchor.speaker}'s cue",
                        type=QuoteType.direct,
                    )
        chain = []


def _context(ctx: QuoteContext) -> str:
    """The whole sentence or sentences holding the quote. CoreNLP ends a sentence at a full
    stop inside the quotation ('While the "Meth. We're on it." campaign ran, ...' is split
    after 'it."'), so a sentence that closes with the quote and is followed, in the same
    paragraph, by one that starts in lower case goes on into it."""
    sentences = ctx.sentences or [ctx.index.sentence_at(ctx.quote.start)] if ctx.index.sentences else []
    if not sentences:
        return ctx.quote.text
    text, all_sentences = ctx.index.text, ctx.index.sentences
    first = all_sentences[sentences[0]]
    last_index = sentences[-1]
    end = max(all_sentences[last_index].end, ctx.quote.outer_end)
    while last_index + 1 < len(all_sentences):
        following = all_sentences[last_index + 1]
        # the closing mark may open the next 'sentence' (CoreNLP put it there): read on from after it
        rest = text[max(end, following.start) : following.end]
        if all_sentences[last_index].end > ctx.quote.outer_end + 1 or "\n" in text[end : following.start] or not _goes_on(rest):
            break
        last_index += 1
        end = following.end
    return text[min(first.start, ctx.quote.outer_start) : end]


def _goes_on(sentence: str) -> bool:
    """Whether a 'sentence' is the rest of the one before: it opens in lower case or with
    punctuation that cannot start a sentence."""
    head = sentence.lstrip()[:1]
    return bool(head) and (head.islower() or head in ",;:)]–—-")
