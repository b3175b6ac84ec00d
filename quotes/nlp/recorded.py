"""Recorded real CoreNLP answers, for fast unit tests of the conversion code.

Regenerate them from the real server (about a minute) with:

    python -m quotes.nlp.recorded tests/fixtures/corenlp seeds/*.txt

and the answers for the made-up sentences of the construction tests with:

    QUOTES_RECORD=1 python -m pytest -m constructions

Each text becomes ``<name>.pb.gz``: its protobuf answers, one length-prefixed message per
chunk, plus ``<name>.chunks.json`` with the chunk offsets and the pipeline version.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
import sys
from pathlib import Path

from quotes.models import Article, Document
from quotes.nlp.convert import document_from_chunks
from quotes.nlp.server import PIPELINE_VERSION, CoreNLP


def record(out_dir: Path, paths: list[Path]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with CoreNLP() as nlp:
        for path in paths:
            article = Article.from_text(path.read_text(encoding="utf-8"), source=str(path))
            answers = record_text(nlp, article.text, out_dir, path.stem)
            print(f"recorded {path} ({len(answers)} chunk(s))")


def record_text(nlp: CoreNLP, text: str, out_dir: Path, stem: str) -> list:
    """Annotates ``text`` on the real server and writes its answers as ``<stem>.*``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    answers = nlp.annotate_raw(text, name=stem)
    with gzip.open(out_dir / f"{stem}.pb.gz", "wb") as out:
        for _, _, proto in answers:
            blob = proto.SerializeToString()
            out.write(struct.pack(">I", len(blob)) + blob)
    meta = {"pipeline_version": PIPELINE_VERSION, "chunks": [[s, e] for s, e, _ in answers]}
    (out_dir / f"{stem}.chunks.json").write_text(json.dumps(meta), encoding="utf-8")
    return answers


def text_stem(text: str) -> str:
    """The file stem a text's recorded answers are kept under."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def load(text: str, out_dir: Path, stem: str) -> Document:
    """The Document the recorded answers convert to, for ``text`` as recorded."""
    from stanza.protobuf import Document as ProtoDocument

    meta = json.loads((out_dir / f"{stem}.chunks.json").read_text(encoding="utf-8"))
    protos = []
    with gzip.open(out_dir / f"{stem}.pb.gz", "rb") as data:
        while header := data.read(4):
            (size,) = struct.unpack(">I", header)
            proto = ProtoDocument()
            proto.ParseFromString(data.read(size))
            protos.append(proto)
    chunks = [(s, e, p) for (s, e), p in zip(meta["chunks"], protos)]
    return document_from_chunks(text, chunks, meta["pipeline_version"])


if __name__ == "__main__":
    record(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
