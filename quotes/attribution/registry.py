"""The two registries the attribution reads: rules (find a cue for a quote) and resolvers
(turn the cue's mention into a speaker). Each entry carries its name and the construction
it recognises, its docstring's example; ``rules.SIEVE`` and ``resolvers.RESOLVERS`` state
the order they are tried in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

RULES: dict[str, "Registered"] = {}
RESOLVERS: dict[str, "Registered"] = {}


@dataclass(frozen=True)
class Registered:
    name: str
    run: Callable
    example: str  # the docstring: the construction and its example sentence

    def __call__(self, *args, **kwargs):
        return self.run(*args, **kwargs)


def _register(table: dict[str, Registered], kind: str):
    def decorate(function: Callable) -> Callable:
        name = function.__name__
        if name in table:
            raise ValueError(f"two {kind}s named {name}")
        if not (function.__doc__ or "").strip():
            raise ValueError(f"{kind} {name} has no docstring naming its construction")
        table[name] = Registered(name, function, " ".join(function.__doc__.split()))
        return function

    return decorate


rule = _register(RULES, "rule")
resolver = _register(RESOLVERS, "resolver")


def in_order(table: dict[str, Registered], order: tuple[str, ...], kind: str) -> tuple[Registered, ...]:
    """The registered entries in the stated order; every entry must have its place."""
    missing = set(table) - set(order)
    unknown = set(order) - set(table)
    if missing or unknown:
        raise RuntimeError(f"{kind} order out of step with the registry: unplaced {sorted(missing)}, unknown {sorted(unknown)}")
    return tuple(table[name] for name in order)


# Reported speech (quotes/reported/): rules that find a cue, its source and its content clause.
REPORTED_RULES: dict[str, Registered] = {}
reported_rule = _register(REPORTED_RULES, "reported-speech rule")
