"""Typed data that crosses stage boundaries.

source files -> Article -> annotate -> Document -> find quotes -> attribute -> resolve -> group -> store

Every character offset in these models is a Python ``str`` index into the text the stage
received (``Article.text`` for everything after ingest), end exclusive.
"""

from __future__ import annotations

import hashlib
import unicodedata
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(frozen=False, extra="forbid")


# --------------------------------------------------------------------------- articles


def normalise_text(text: str) -> str:
    """The canonical form of an article's text: what is stored, annotated and hashed.

    A leading BOM is dropped, CRLF/CR become LF and surrounding whitespace goes. Characters
    are left as printed (no Unicode normalisation), so offsets stay meaningful to a reader.
    """
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip()


def article_id(text: str) -> str:
    """SHA-256 of the normalised text in NFC: the same text under another name, or saved by
    a tool that composes accents differently, is the same article."""
    return hashlib.sha256(unicodedata.normalize("NFC", normalise_text(text)).encode("utf-8")).hexdigest()


class Article(Model):
    """One news article as read from a source file, before any NLP."""

    id: str
    text: str  # normalised (see normalise_text)
    source: str  # file path or URL the article came from
    title: str | None = None
    outlet: str | None = None
    date: str | None = None  # ISO 8601 date or datetime when known
    url: str | None = None
    authors: list[str] = Field(default_factory=list)
    previous_id: str | None = None  # in the index: the version before this one (same URL, other text)

    @classmethod
    def from_text(cls, text: str, source: str, **meta) -> "Article":
        clean = normalise_text(text)
        return cls(id=article_id(clean), text=clean, source=source, **meta)


# --------------------------------------------------------------------------- NLP document


class Token(Model):
    index: int  # 0-based within its sentence
    word: str
    original_text: str
    start: int
    end: int
    lemma: str
    pos: str
    ner: str  # "O" when none


class Dependency(Model):
    """A dependency arc, token indices 0-based within the sentence; governor -1 is ROOT."""

    relation: str
    governor: int
    dependent: int


class Sentence(Model):
    index: int  # 0-based within the document
    paragraph: int
    start: int
    end: int
    tokens: list[Token]
    basic_dependencies: list[Dependency] = Field(default_factory=list)
    enhanced_dependencies: list[Dependency] = Field(default_factory=list)


class Paragraph(Model):
    index: int
    start: int
    end: int
    first_sentence: int
    last_sentence: int  # inclusive; -1 < first_sentence when the paragraph has none


class EntityMention(Model):
    sentence: int
    token_start: int  # within the sentence, end exclusive
    token_end: int
    start: int
    end: int
    text: str
    ner: str  # PERSON, ORGANIZATION, LOCATION, ...


class CorefMention(Model):
    sentence: int
    token_start: int
    token_end: int  # exclusive
    head: int  # token index within the sentence
    start: int
    end: int
    text: str
    mention_type: str  # PRONOMINAL, NOMINAL, PROPER, LIST
    gender: str  # MALE, FEMALE, NEUTRAL, UNKNOWN
    number: str  # SINGULAR, PLURAL, UNKNOWN
    animacy: str  # ANIMATE, INANIMATE, UNKNOWN


class CorefChain(Model):
    id: int
    representative: int  # index into mentions
    mentions: list[CorefMention]


class CoreNLPQuote(Model):
    """CoreNLP's own quote annotation: kept as the baseline our attributor is measured against."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    canonical_speaker: str | None = None
    mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    mention_type: str | None = None
    sieve: str | None = None


class Document(Model):
    """An annotated text: what the NLP backend hands to the attributor."""

    text: str
    pipeline_version: str
    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    entities: list[EntityMention] = Field(default_factory=list)
    coref_chains: list[CorefChain] = Field(default_factory=list)
    corenlp_quotes: list[CoreNLPQuote] = Field(default_factory=list)


# --------------------------------------------------------------------------- quotes


class QuoteType(str, Enum):
    direct = "direct"  # a sentence or more of speech
    partial = "partial"  # a fragment inside reported speech: dubbed it "a wake-up call"
    headline = "headline"  # in the article's title line
    non_speech = "non_speech"  # titles, names, scare quotes: nobody is speaking


class SpeakerType(str, Enum):
    person = "person"
    organisation = "organisation"
    unknown = "unknown"


class QuoteSpan(Model):
    """A quotation found in the raw text by the quote finder, before attribution.

    ``start``/``end`` cover the quoted words without the marks; ``outer_start``/``outer_end``
    include the marks that were found (a quote that never closes has no closing mark).
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    text: str
    open_mark: str
    close_mark: str | None  # None when the quote was never closed
    paragraph: int  # 0-based paragraph index (paragraphs are separated by newlines)
    continues: bool = False  # reopened across a paragraph break: part of the previous quote
    continued: bool = False  # left open and reopened in the next paragraph: goes on there
    nested: bool = False  # inside another quotation


class OccasionKind(str, Enum):
    """What a phrase of the saying's own clause tells about the occasion."""

    time = "time"  # on Tuesday, in 2008, last week
    event = "event"  # at a rally, during the debate, in a speech
    venue = "venue"  # in Raleigh, N.C.
    medium = "medium"  # told the Post, in an interview with CNN


class Occasion(Model):
    """One phrase saying when or where words were said, as written, with its char span in
    the article; a time has the dates it can mean (ISO days, inclusive), worked out from the
    article's date; an event, venue or medium a folded key ("rally", "raleigh", "post")."""

    kind: OccasionKind
    phrase: str
    start: int
    end: int
    date_from: str | None = None
    date_to: str | None = None
    key: str | None = None


class Tense(str, Enum):
    """The tense of the cue verb: what an occurrence that states no time implies."""

    past = "past"  # "she said": the article's news, said in the days before it
    present = "present"  # "she says", "she often speaks of": said these days
    perfect = "perfect"  # "she has said": any time before; implies nothing


class Setting(Model):
    """When and where one occurrence's words were said, as far as its article tells."""

    occasions: list[Occasion] = Field(default_factory=list)
    tense: Tense | None = None


class Attribution(Model):
    """One quotation with its speaker: the attributor's output for a quote."""

    text: str  # as printed, without the marks
    start: int
    end: int
    type: QuoteType
    speaker: str | None = None  # canonical name within the article
    speaker_type: SpeakerType = SpeakerType.unknown
    role: str | None = None
    mention: str | None = None  # the speaker mention as written nearest the cue ("he")
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    rule: str | None = None  # name of the sieve rule that fired
    resolver: str | None = None  # name of the resolver that turned the mention into the speaker
    evidence: str | None = None  # human-readable: how the speaker was found
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)  # measured precision of rule + resolver on train
    context: str = ""  # the sentence(s) around the quote
    paragraph: int = 0
    setting: Setting | None = None  # when and where it was said (quotes/occasions.py)


class ArticleSpeaker(Model):
    """A speaker as one article knows them: canonical name, surface forms, roles."""

    name: str
    type: SpeakerType
    aliases: list[str] = Field(default_factory=list)  # surface forms as written ("Mr Liang", "he")
    roles: list[str] = Field(default_factory=list)  # "OpenAI CEO", "US President"
    party: str | None = None  # "Democratic" from "(D-Mo.)": a party label is not a role


class CueClass(str, Enum):
    """What kind of word reports a statement: kept apart because researchers count speech
    and thought differently."""

    speech_verb = "speech_verb"  # said, told, argued, announced
    speech_noun = "speech_noun"  # his claim that ..., the statement that ...
    according_to = "according_to"  # according to officials, ...
    attitude = "attitude"  # believes, thinks, wants, hopes, fears
    finding = "finding"  # a study found, the poll shows


class ReportedStatement(Model):
    """Who said what without (or beyond) quotation marks: "Trump said the wall would be
    paid for by Mexico". ``start``/``end`` cover the whole content clause; partial quotes
    inside it are listed by their index in ``AttributedArticle.quotes``."""

    text: str  # the content clause as printed
    start: int
    end: int
    cue_class: CueClass
    speaker: str | None = None
    speaker_type: SpeakerType = SpeakerType.unknown
    role: str | None = None
    mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    rule: str | None = None
    resolver: str | None = None
    evidence: str | None = None
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    context: str = ""
    paragraph: int = 0
    quotes: list[int] = Field(default_factory=list)  # partial quotes inside the content


class AttributedArticle(Model):
    """An article with every quotation attributed: what the store ingests."""

    article: Article
    quotes: list[Attribution]
    speakers: list[ArticleSpeaker]
    statements: list[ReportedStatement] = Field(default_factory=list)


# --------------------------------------------------------------------------- the index (read side)
# What the store's query functions return; the CLI, the TUI and the exporters read only these.


class DiffOp(Model):
    """One step of a word-level diff of a wording against its group's canonical wording."""

    op: str  # "equal", "insert", "delete", "replace", "editorial" ([and]), "punctuation"
    canonical: str = ""  # the words on the canonical side
    variant: str = ""  # the words on the variant side
    space_before: bool = True  # whether the printed text has a space before this step


class RoleSummary(Model):
    """One role of a speaker, once per meaning (quotes.text.role_key), across articles."""

    role: str  # the spelling shown: the most printed one, the first seen of equals
    articles: list[str] = Field(default_factory=list)  # ids of every article that gives it
    sources: list[str] = Field(default_factory=list)  # their outlets (or sources)
    first_date: str | None = None  # the earliest and latest dated article giving it (ISO day)
    last_date: str | None = None
    recent: int = 0  # how many of the speaker's latest role-giving articles give it


class SpeakerSummary(Model):
    id: int
    name: str
    type: SpeakerType
    roles: list[str] = Field(default_factory=list)  # one per meaning, the most frequent recent one first
    role_sources: dict[str, list[str]] = Field(default_factory=dict)  # role -> outlets (or sources) it came from
    role_details: list[RoleSummary] = Field(default_factory=list)  # in the order of ``roles``
    party: str | None = None  # "Democratic" from "(D-Mo.)", as the latest article giving one says
    aliases: list[str] = Field(default_factory=list)
    quotes: int = 0  # occurrences
    groups: int = 0
    outlets: list[str] = Field(default_factory=list)
    statements: int = 0  # reported statements, counted apart from the quotes


class GroupSummary(Model):
    id: int
    speaker_id: int | None
    speaker: str | None
    canonical: str
    wordings: int  # distinct wordings
    occurrences: int
    outlets: int
    first_seen: str | None = None
    last_seen: str | None = None


class Occurrence(Model):
    """One quotation as printed in one article, with where it appeared and how it differs."""

    id: int
    group_id: int | None
    article_id: str
    text: str
    start: int
    end: int
    type: QuoteType
    speaker_id: int | None
    speaker: str | None
    role: str | None = None
    mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    rule: str | None = None
    resolver: str | None = None
    confidence: float = 0.0
    context: str = ""
    source: str = ""
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    diff: list[DiffOp] = Field(default_factory=list)  # against the group's canonical wording
    # the speaker across articles (quotes/consensus.py): how ``speaker`` was decided
    attributed_speaker_id: int | None = None  # the speaker its own article gives it
    attributed_speaker: str | None = None
    speaker_basis: str = "article"  # article | agreed (from the other occurrences) | correction
    speaker_evidence: str | None = None  # "3 other articles attribute these words to X"
    speaker_confidence: float | None = None
    conflict: bool = False  # a confident attribution contradicting the agreed speaker
    setting: Setting | None = None  # when and where its article says it was said
    occasion: str | None = None  # the same, in words ("on Wednesday (2016-06-22), in Raleigh, N.C.")
    open_mark: str = ""  # the marks the page printed around it, straight or curly ("" for none)
    close_mark: str = ""

    def printed(self) -> str:
        """The wording with the page's own quote marks, as printed."""
        return f"{self.open_mark}{self.text}{self.close_mark}"

    def speaker_note(self) -> str | None:
        """One line on a speaker taken from, or contradicting, the other articles (None
        when its own article's attribution stands unopposed)."""
        if self.conflict:
            return f"conflict: this article says {self.speaker or '?'}; {self.speaker_evidence or 'other articles disagree'}"
        if self.speaker_basis == "agreed":
            own = self.attributed_speaker or "no speaker"
            confidence = f" (confidence {self.speaker_confidence:.2f})" if self.speaker_confidence is not None else ""
            return f"speaker agreed: {self.speaker_evidence}{confidence}; this article: {own}"
        return None


class Statement(Model):
    """One reported statement as stored: who said what without quote marks, where, and the
    variant group of the verbatim quote it paraphrases ("also reported as"), if any."""

    id: int
    article_id: str
    text: str
    start: int
    end: int
    cue_class: CueClass
    speaker_id: int | None
    speaker: str | None
    role: str | None = None
    mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    rule: str | None = None
    resolver: str | None = None
    confidence: float = 0.0
    context: str = ""
    source: str = ""
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    paraphrase_group_id: int | None = None  # the quote group it paraphrases
    paraphrase_score: float | None = None  # the score that linked them
    paraphrase_canonical: str | None = None
    quote_ids: list[int] = Field(default_factory=list)  # partial quotes inside its content


class RepeatedLine(Model):
    """Another group of the same words said on a clearly different occasion: the same line
    repeated ("also said on ...")."""

    group_id: int
    canonical: str
    said: str  # when and where the other group's words were said, in words
    first_seen: str | None = None
    evidence: str  # why the occasions differ (occasions.clearly_different)

    def line(self) -> str:
        return f"also said {self.said} (group {self.group_id}; {self.evidence})"


class GroupDetail(Model):
    group: GroupSummary
    role: str | None = None
    occurrences: list[Occurrence]
    reported: list[Statement] = Field(default_factory=list)  # statements that paraphrase it ("also reported as")
    repeated: list[RepeatedLine] = Field(default_factory=list)  # the same line said on other occasions


class SearchHit(Model):
    kind: str  # "quote", "reported" or "speaker"
    group_id: int | None = None
    quote_id: int | None = None
    statement_id: int | None = None
    speaker_id: int | None = None
    speaker: str | None = None
    text: str
    snippet: str = ""  # the matching part of the text, plain (no markers)
    highlights: list[tuple[int, int]] = Field(default_factory=list)  # matched words: [start, end) offsets into snippet


class IngestOutcome(Model):
    article_id: str
    source: str
    status: str  # "added", "present", "failed"
    quotes: int = 0
    statements: int = 0
    previous_id: str | None = None  # added as a new version of this article (same URL, changed text)
    error: str | None = None
