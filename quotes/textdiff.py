"""Word-level differences between a variant wording and its group's canonical wording.

Ops keep the exact printed characters (curly quotes, "[and]", ellipses) so a viewer can
render the variant as printed. Kinds: equal, insert, delete, replace, editorial (a bracketed
insertion such as "[and]": an editor's words, not the speaker's) and punctuation (only
punctuation differs).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from quotes.models import DiffOp

_TOKEN = re.compile(r"\[[^\]]*\]|[\w][\w'’\-]*|[^\w\s]")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def _key(token: str) -> str:
    # "[and]" matches "and": the editor restored or replaced a word the speaker said
    return token.strip("[]").lower().replace("’", "'") if token.startswith("[") else token.lower().replace("’", "'")


def _is_punctuation(parts: list[str]) -> bool:
    return all(not any(c.isalnum() for c in p) for p in parts)


class _Side:
    """One wording cut into tokens that remember where they stand, so that a run of tokens
    is shown exactly as printed ("model, particularly", not "model , particularly")."""

    def __init__(self, text: str):
        self.text = text
        self.spans = _spans(text)
        self.tokens = [text[a:b] for a, b in self.spans]

    def run(self, i: int, j: int) -> str:
        return self.text[self.spans[i][0] : self.spans[j - 1][1]] if j > i else ""

    def space_before(self, i: int) -> bool:
        return i > 0 and i < len(self.spans) and self.spans[i - 1][1] < self.spans[i][0]


def word_diff(canonical: str, variant: str) -> list[DiffOp]:
    """The steps that turn ``canonical`` into ``variant``, word by word; each step's words
    exactly as printed, and whether a space stands before it."""
    a, b = _Side(canonical), _Side(variant)
    matcher = SequenceMatcher(a=[_key(t) for t in a.tokens], b=[_key(t) for t in b.tokens], autojunk=False)
    ops: list[DiffOp] = []

    def add(op: str, i1: int, i2: int, j1: int, j2: int) -> None:
        # the space before a step is read on the side it shows (the canonical's for a
        # deletion), and on the canonical side for the variant's first words when a
        # deletion came before them ("~~This is a~~ Wake-Up Call")
        space = b.space_before(j1) if j2 > j1 and j1 > 0 else a.space_before(i1)
        ops.append(DiffOp(op=op, canonical=a.run(i1, i2), variant=b.run(j1, j2), space_before=space))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        left, right = a.tokens[i1:i2], b.tokens[j1:j2]
        if tag == "equal":
            run_start = 0
            for k, (l_token, r_token) in enumerate(zip(left, right)):
                if r_token.startswith("[") != l_token.startswith("["):
                    if k > run_start:
                        add("equal", i1 + run_start, i1 + k, j1 + run_start, j1 + k)
                    add("editorial", i1 + k, i1 + k + 1, j1 + k, j1 + k + 1)
                    run_start = k + 1
            if len(left) > run_start:
                add("equal", i1 + run_start, i2, j1 + run_start, j2)
            continue
        if left == [] and right and all(t.startswith("[") for t in right):
            add("editorial", i1, i2, j1, j2)  # bracketed words an editor put in
            continue
        if _is_punctuation(left) and _is_punctuation(right):
            add("punctuation", i1, i2, j1, j2)
        elif tag == "insert":
            add("insert", i1, i2, j1, j2)
        elif tag == "delete":
            add("delete", i1, i2, j1, j2)
        else:
            add("replace", i1, i2, j1, j2)
    return ops


def spaced(ops: list[DiffOp], parts: list[str]) -> str:
    """Render a diff: each op's rendering (``parts``, in order) with the space the printed
    text has before it, and none where it has none ("model," not "model ,")."""
    out: list[str] = []
    for op, part in zip(ops, parts):
        if not part:
            continue
        if out and op.space_before:
            out.append(" ")
        out.append(part)
    return "".join(out)


def changed(ops: list[DiffOp]) -> bool:
    """Does the variant differ in words (not only punctuation) from the canonical wording?"""
    return any(op.op in {"insert", "delete", "replace", "editorial"} for op in ops)
