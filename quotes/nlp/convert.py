"""CoreNLP protobuf -> the project's Document, with offsets into the original text.

CoreNLP counts characters in UTF-16 code units (Java strings); Python counts code points.
They differ after any character outside the BMP (emoji, some CJK), so every offset goes
through ``Utf16Map``. A long text arrives as several chunks annotated separately; each
chunk's offsets, sentence indices and coref chain ids are shifted into the whole document.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Sequence

from quotes.models import (
    CoreNLPQuote,
    CorefChain,
    CorefMention,
    Dependency,
    Document,
    EntityMention,
    Paragraph,
    Sentence,
    Token,
)
from quotes.text import paragraph_spans


class Utf16Map:
    """Maps UTF-16 code-unit offsets in a string to Python string indices."""

    def __init__(self, text: str):
        self._astral: list[int] = []  # UTF-16 offsets just after each astral character
        units = 0
        for char in text:
            units += 2 if ord(char) > 0xFFFF else 1
            if ord(char) > 0xFFFF:
                self._astral.append(units)

    def __call__(self, utf16_offset: int) -> int:
        if not self._astral:
            return utf16_offset
        # each astral character before the offset took two units for one code point
        return utf16_offset - bisect_right(self._astral, utf16_offset)


def _dependencies(graph: Any) -> list[Dependency]:
    arcs = [Dependency(relation="root", governor=-1, dependent=root - 1) for root in graph.root]
    arcs += [Dependency(relation=edge.dep, governor=edge.source - 1, dependent=edge.target - 1) for edge in graph.edge]
    return arcs


def document_from_chunks(text: str, chunks: Sequence[tuple[int, int, Any]], pipeline_version: str) -> Document:
    """Build one Document from the protobuf documents of ``text[start:end]`` chunks."""
    sentences: list[Sentence] = []
    entities: list[EntityMention] = []
    chains: list[CorefChain] = []
    quotes: list[CoreNLPQuote] = []
    for chunk_start, chunk_end, proto in chunks:
        first_sentence = len(sentences)
        to_py = Utf16Map(text[chunk_start:chunk_end])
        # Global token list of this chunk, for CoreNLP's document-level token indices.
        doc_tokens: list[Token] = []
        for proto_sentence in proto.sentence:
            tokens = []
            for j, tok in enumerate(proto_sentence.token):
                start = chunk_start + to_py(tok.beginChar)
                end = chunk_start + to_py(tok.endChar)
                tokens.append(
                    Token(
                        index=j,
                        word=tok.word,
                        original_text=text[start:end],
                        start=start,
                        end=end,
                        lemma=tok.lemma,
                        pos=tok.pos,
                        ner=tok.ner or "O",
                    )
                )
            if not tokens:
                continue
            sentence = Sentence(
                index=len(sentences),
                paragraph=0,
                start=tokens[0].start,
                end=tokens[-1].end,
                tokens=tokens,
                basic_dependencies=_dependencies(proto_sentence.basicDependencies),
                enhanced_dependencies=_dependencies(proto_sentence.enhancedPlusPlusDependencies),
            )
            sentences.append(sentence)
            doc_tokens.extend(tokens)
            # NER mention token indices count from the chunk's first token, not the sentence's.
            offset = proto_sentence.tokenOffsetBegin
            for mention in proto_sentence.mentions:
                entities.append(_entity(mention, sentence, offset))
        for chain in proto.corefChain:
            mentions = []
            for m in chain.mention:
                sentence = sentences[first_sentence + m.sentenceIndex]
                toks = sentence.tokens[m.beginIndex : m.endIndex]
                if not toks:
                    continue
                mentions.append(
                    CorefMention(
                        sentence=sentence.index,
                        token_start=m.beginIndex,
                        token_end=m.endIndex,
                        head=m.headIndex,
                        start=toks[0].start,
                        end=toks[-1].end,
                        text=text[toks[0].start : toks[-1].end],
                        mention_type=m.mentionType,
                        gender=m.gender,
                        number=m.number,
                        animacy=m.animacy,
                    )
                )
            if mentions:
                rep = next((i for i, m in enumerate(chain.mention) if m.mentionID == chain.representative), 0)
                chains.append(CorefChain(id=len(chains), representative=min(rep, len(mentions) - 1), mentions=mentions))
        for q in proto.quote:
            quotes.append(_corenlp_quote(q, text, chunk_start, to_py, doc_tokens))
    _assign_paragraphs(text, sentences)
    return Document(
        text=text,
        pipeline_version=pipeline_version,
        paragraphs=_paragraphs(text, sentences),
        sentences=sentences,
        entities=entities,
        coref_chains=chains,
        corenlp_quotes=quotes,
    )


def _entity(mention: Any, sentence: Sentence, token_offset: int) -> EntityMention:
    token_start = mention.tokenStartInSentenceInclusive - token_offset
    token_end = mention.tokenEndInSentenceExclusive - token_offset
    toks = sentence.tokens[token_start:token_end]
    start, end = toks[0].start, toks[-1].end
    return EntityMention(
        sentence=sentence.index,
        token_start=token_start,
        token_end=token_end,
        start=start,
        end=end,
        text=_span_text(toks),
        ner=mention.ner or mention.entityType,
    )


def _span_text(toks: list[Token]) -> str:
    # Original spacing between the tokens, as printed.
    parts = [toks[0].original_text]
    for prev, tok in zip(toks, toks[1:]):
        parts.append(" " * (tok.start > prev.end) + tok.original_text)
    return "".join(parts)


def _corenlp_quote(q: Any, text: str, chunk_start: int, to_py: Utf16Map, doc_tokens: list[Token]) -> CoreNLPQuote:
    start, end = chunk_start + to_py(q.begin), chunk_start + to_py(q.end)
    mention_start = mention_end = None
    if q.HasField("mentionBegin") and q.HasField("mentionEnd") and 0 <= q.mentionBegin <= q.mentionEnd < len(doc_tokens):
        mention_start, mention_end = doc_tokens[q.mentionBegin].start, doc_tokens[q.mentionEnd].end
    return CoreNLPQuote(
        text=text[start:end],
        start=start,
        end=end,
        speaker=q.speaker if q.HasField("speaker") else None,
        canonical_speaker=q.canonicalMention if q.HasField("canonicalMention") else None,
        mention=q.mention if q.HasField("mention") else None,
        mention_start=mention_start,
        mention_end=mention_end,
        mention_type=q.mentionType if q.HasField("mentionType") else None,
        sieve=(q.speakerSieve or q.mentionSieve) or None,
    )


def _assign_paragraphs(text: str, sentences: list[Sentence]) -> None:
    starts = [start for start, _ in paragraph_spans(text)]
    for sentence in sentences:
        sentence.paragraph = max(0, bisect_right(starts, sentence.start) - 1)


def _paragraphs(text: str, sentences: list[Sentence]) -> list[Paragraph]:
    paragraphs = [
        Paragraph(index=i, start=start, end=end, first_sentence=-1, last_sentence=-2)
        for i, (start, end) in enumerate(paragraph_spans(text))
    ]
    for sentence in sentences:
        if not paragraphs:
            break
        para = paragraphs[sentence.paragraph]
        if para.first_sentence < 0:
            para.first_sentence = sentence.index
        para.last_sentence = sentence.index
    return paragraphs
