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


def _key(token: str) -> str:
    # "[and]" matches "and": the editor restored or replaced a word the speaker said
    return token.strip("[]").lower().replace("’", "'") if token.startswith("[") else token.lower().replace("’", "'")


def _is_punctuation(parts: list[str]) -> bool:
    return all(not any(c.isalnum() for c in p) for p in parts)


def word_diff(canonical: str, variant: str) -> list[DiffOp]:
    """The steps that turn ``canonical`` into ``variant``, word by word."""
    a, b = tokens(canonical), tokens(variant)
    matcher = SequenceMatcher(a=[_key(t) for t in a], b=[_key(t) for t in b], autojunk=False)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        left, right = a[i1:i2], b[j1:j2]
        if tag == "equal":
            run_left: list[str] = []
            run_right: list[str] = []
            for l_token, r_token in zip(left, right):
                if r_token.startswith("[") != l_token.startswith("["):
                    if run_right:
                        ops.append(DiffOp(op="equal", canonical=" ".join(run_left), variant=" ".join(run_right)))
                        run_left, run_right = [], []
                    ops.append(DiffOp(op="editorial", canonical=l_token, variant=r_token))
                else:
                    run_left.append(l_token)
                    run_right.append(r_token)
            if run_right:
                ops.append(DiffOp(op="equal", canonical=" ".join(run_left), variant=" ".join(run_right)))
            continue
        # bracketed editorial words in the variant are their own kind of change
        editorial = [t for t in right if t.startswith("[")]
        plain = [t for t in right if not t.startswith("[")]
        if editorial and not left and not plain:
            ops.append(DiffOp(op="editorial", variant=" ".join(editorial)))
            continue
        if _is_punctuation(left) and _is_punctuation(right):
            ops.append(DiffOp(op="punctuation", canonical=" ".join(left), variant=" ".join(right)))
            continue
        if tag == "insert":
            ops.append(DiffOp(op="insert", variant=" ".join(right)))
        elif tag == "delete":
            ops.append(DiffOp(op="delete", canonical=" ".join(left)))
        else:
            ops.append(DiffOp(op="replace", canonical=" ".join(left), variant=" ".join(right)))
    return ops


def changed(ops: list[DiffOp]) -> bool:
    """Does the variant differ in words (not only punctuation) from the canonical wording?"""
    return any(op.op in {"insert", "delete", "replace", "editorial"} for op in ops)
