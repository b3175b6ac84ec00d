"""Authors and outlet of a web page, as a reader names them, by general rules only (nothing
here knows an outlet or a person).

trafilatura reads the byline and the site name; on real pages they come back as bylines
rather than names ("Phil Helsel is a reporter", "CBS News February", "Updated Oct 9",
"By Josh Haskell", "ERIC TUCKER Associated Press") and site names as a word from the page
("Hosted") or the domain ("Timesofisrael"). The library's own cleaning runs first (its
author normalisation, and its author blacklist given the page's outlet names: an outlet is
never an author); ``authors`` then keeps the name at the head of each byline and
``outlet`` picks the readable form of the site's name.

    authors("ERIC TUCKER Associated Press", ["AP News"])   -> ["Eric Tucker"]
    outlet("Timesofisrael", "https://www.timesofisrael.com/x", page_words) -> "Times of Israel"
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable
from urllib.parse import urlsplit

# Words that end a name in a byline: what follows is a date, a role or the outlet.
_DATE_WORDS = {
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
    "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "sat", "sun", "updated", "published", "posted", "modified", "am", "pm", "gmt", "utc", "edt", "est", "bst", "ist",
    "today", "yesterday",
}  # fmt: skip
_ROLE_WORDS = {
    "news", "press", "staff", "reporter", "reporters", "correspondent", "editor", "editors", "writer", "writers",
    "contributor", "contributors", "columnist", "agency", "agencies", "wire", "wires", "service", "desk", "team",
    "newsroom", "media", "online", "digital", "network", "bureau", "photographer", "producer", "journalist",
    "journalists", "analyst", "chief", "senior", "deputy", "associate", "political", "international", "national",
    "reporting", "report", "reports", "contributing", "additional", "and", "with", "for", "of",
}  # fmt: skip
_PREFIX = re.compile(r"^\s*(?:(?:written|reported|words|story|text|posted|published)\s+)?(?:by|from)\s*[:\-]?\s+", re.I)
# Lower-case words that belong inside names (Ursula von der Leyen, Vincent van Gogh).
_PARTICLES = {"de", "del", "della", "der", "den", "di", "da", "das", "dos", "du", "la", "le", "van", "von", "ter", "ten",
              "bin", "ibn", "al", "el", "y", "st"}  # fmt: skip
_TOKEN = re.compile(r"[^\W\d_][\w.'’\-]*", re.U)
_MAX_NAME_WORDS = 5


def _fold(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _all_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _restore_case(word: str) -> str:
    """A shouted word in the case a name is printed in: O'BRIEN -> O'Brien, JEAN-PAUL -> Jean-Paul."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word.lower())


def _name(byline: str, outlets: list[str]) -> str | None:
    """The person's name at the head of one byline, or None when it holds none."""
    text = _PREFIX.sub("", byline.strip())
    if text.islower():  # "jane doe": a name typed in lower case
        text = _restore_case(text)
    for name in outlets:  # the outlet printed after the name: "Jane Roe, CBS News"
        if name:
            text = re.split(rf"\b{re.escape(name)}\b", text, flags=re.I)[0]
    words = _TOKEN.findall(text)
    shouting = len(words) > 1 and _all_caps(words[0]) and _all_caps(words[1])
    kept: list[str] = []
    for word in words:
        bare = word.strip(".'’-")
        key = bare.lower()
        if key in _ROLE_WORDS and not kept:
            continue  # "Senior Correspondent Jane Doe": the role before the name
        if key in _DATE_WORDS or key in _ROLE_WORDS:
            break
        if shouting and not _all_caps(word):
            break  # "ERIC TUCKER Associated Press": the shouted words are the name
        if not shouting and kept and _all_caps(bare) and len(bare) > 1:
            break  # "Jane Roe CNN": an acronym after a name is the outlet
        if bare[:1].islower() and key not in _PARTICLES:
            break  # "Phil Helsel is a reporter"
        kept.append(word)
    while kept and kept[-1].lower().strip(".") in _PARTICLES:
        kept.pop()
    if len(kept) < 2 or len(kept) > _MAX_NAME_WORDS:
        return None  # one word is a site, a desk or a first name alone, not a byline's name
    if shouting or all(w.islower() for w in kept):
        kept = [w if w.lower() in _PARTICLES else _restore_case(w) for w in kept]
    return " ".join(kept)


def authors(raw: str | Iterable[str] | None, outlets: Iterable[str | None] = ()) -> list[str]:
    """The names in a page's author field (trafilatura's "a; b", or a list), each once, in
    order; ``outlets``: the page's names for its outlet, never an author."""
    if not raw:
        return []
    parts = raw.split(";") if isinstance(raw, str) else list(raw)
    names = sorted({o.strip() for o in outlets if o and o.strip()}, key=len, reverse=True)
    found: list[str] = []
    for part in parts:
        name = _name(str(part), names)
        if name and name.lower() not in (f.lower() for f in found) and _fold(name) not in {_fold(n) for n in names}:
            found.append(name)
    return found


# ----------------------------------------------------------------------------- outlets

# Second-level labels under which a country's sites register (news.co.uk, abc.net.au).
_GENERIC_SLD = {"co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go", "gv", "nic", "info", "biz"}
_HOST_PREFIX = {"www", "www1", "www2", "m", "mobile", "amp", "edition", "eu", "uk", "us", "en", "beta"}
_SMALL = {"of", "and", "the", "for", "in", "on", "at", "de", "la", "le", "y"}


def site_label(url: str | None) -> str | None:
    """The name part of a site's domain: "timesofisrael" for https://www.timesofisrael.com/x,
    "smh" for smh.com.au; None without a host."""
    host = (urlsplit(url).hostname or "") if url and "//" in url else (url or "")
    labels = [part for part in host.lower().split(".") if part]
    if len(labels) < 2:
        return None
    labels = labels[:-1]  # the top-level domain
    if len(labels) > 1 and labels[-1] in _GENERIC_SLD:
        labels = labels[:-1]
    return labels[-1] if labels and labels[-1] not in _HOST_PREFIX else None


def _relates(name: str, label: str) -> bool:
    """Whether a site name is plausibly the name behind a domain label (its letters, or its
    initials)."""
    folded = _fold(name)
    if not folded:
        return False
    initials = "".join(w[0] for w in re.findall(r"\w+", name.lower()))
    return label in folded or folded in label or initials == label


def _readable(name: str, label: str) -> bool:
    """A site name a reader would write: not a domain, not a domain run together in one
    title-cased word ("Timesofisrael")."""
    if "." in name or "/" in name:
        return False
    if " " in name.strip() or _all_caps(name) or any(c.isupper() for c in name[1:]):
        return True
    return _fold(name) != label


def _run_in_page(label: str, words: list[str]) -> str | None:
    """The most frequent run of capitalised page words (small words allowed inside) that
    spells the domain label, or has it for initials: "Times of Israel" for timesofisrael,
    "AP News" for apnews, "Sydney Morning Herald" for smh."""
    found: Counter[str] = Counter()
    starts = (label[:1], "t")  # the label's first letter, or "the"
    for i, first in enumerate(words):
        if not first[:1].isupper() or first[:1].lower() not in starts:
            continue
        joined = initials = ""
        for j in range(i, min(i + 8, len(words))):
            word = words[j]
            if j > i and not (word[:1].isupper() or word.lower() in _SMALL):
                break
            joined += _fold(word)
            if word.lower() not in _SMALL:
                initials += word[0].lower()
            if joined == label or (joined == "the" + label and j > i) or (initials == label and len(initials) > 2 and j > i):
                found[" ".join(words[i : j + 1])] += 1
                break
            if not (label.startswith(joined) or ("the" + label).startswith(joined) or label.startswith(initials)):
                break
    return found.most_common(1)[0][0] if found else None


def _split_by_page_words(label: str, words: list[str]) -> str | None:
    """The label cut into words the page itself uses, fewest words first ("timesofisrael"
    -> "Times of Israel"); None when it cannot be cut into two or more."""
    # each word as the page prints it most often; two-letter words only as acronyms (AP)
    printed: dict[str, Counter[str]] = {}
    for w in words:
        if w.lower() in label and w.isalpha() and (len(w) > 2 or w.lower() in _SMALL or (len(w) == 2 and w.isupper())):
            printed.setdefault(w.lower(), Counter())[w] += 1
    vocabulary = set(printed)
    best: list[list[str] | None] = [None] * (len(label) + 1)
    best[0] = []
    for end in range(1, len(label) + 1):
        for start in range(end):
            head = best[start]
            if head is not None and label[start:end] in vocabulary:
                candidate = head + [label[start:end]]
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
    parts = best[len(label)]
    if not parts or len(parts) < 2:
        return None

    def shown(k: int, part: str) -> str:
        if k and part in _SMALL:
            return part
        form = printed[part].most_common(1)[0][0]
        return form if form.isupper() else part.capitalize()

    return " ".join(shown(k, p) for k, p in enumerate(parts))


def outlet(sitename: str | None, url: str | None, page_words: Iterable[str] = ()) -> str | None:
    """The outlet's name as a reader writes it: the page's site name when it reads as a name
    of this site, else the domain's name as the page spells it, else the domain cut into the
    page's own words, else the host name. ``page_words``: the words of the page's text."""
    name = (sitename or "").strip().lstrip("@") or None
    if not url and name and re.fullmatch(r"[\w-]+(\.[\w-]+)+", name):
        url = name  # the site name is a domain ("nytimes.com" from a title), the only address known
    label = site_label(url)
    if label is None:
        return name
    if name and _relates(name, label) and _readable(name, label):
        return name
    if name and not _relates(name, label) and len(name.split()) > 1 and _readable(name, label):
        return name  # a brand of several words its domain does not spell
    words = list(page_words)
    found = _run_in_page(label, words) or _split_by_page_words(label, words)
    if found:
        return found
    if name and _relates(name, label) and "." not in name:
        return name  # one word the page cannot cut into its own words: a name (Reuters), not a run-together domain
    host = (urlsplit(url).hostname or "") if url and "//" in url else (url or "")
    return re.sub(r"^www\d?\.", "", host) or name


def page_words(text: str) -> list[str]:
    """The words of a page's text, as ``outlet`` reads them."""
    return re.findall(r"[^\W_][\w'’&]*", text)
