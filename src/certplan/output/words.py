"""Words made from numbers: counts, articles, acronyms (the output's grammar, in one place)."""

from __future__ import annotations

ACRONYMS = {"him": "HIM", "cdi": "CDI", "hcc": "HCC", "cms": "CMS", "ehr": "EHR", "icd": "ICD", "cpt": "CPT"}
_IRREGULAR = {"body": "bodies", "category": "categories", "entry": "entries", "summary": "summaries"}


def plural(n: float, word: str, many: str | None = None) -> str:
    """``word`` or its plural for ``n`` (no number): plural(1, 'domain') -> 'domain'."""
    if n == 1:
        return word
    return many or _IRREGULAR.get(word) or (word + "es" if word.endswith(("s", "x", "ch", "sh")) else word + "s")


def count(n: float, word: str, many: str | None = None) -> str:
    """'1 credential', '2 credentials', '0 bodies', '1.5 years'."""
    num = f"{int(n):,}" if float(n).is_integer() else f"{n:g}"
    return f"{num} {plural(n, word, many)}"


def article(word: str) -> str:
    """'a' or 'an' before ``word``, by its sound: an entry, a specialty, an HIM, a CPC, an RHIT."""
    w = word.strip()
    if not w:
        return "a"
    first = w.split()[0].strip("'\"(")
    if first.isupper() and len(first) > 1:  # an acronym read letter by letter: an RHIT, a CPC, an HIM
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    if first.lower().startswith(("uni", "use", "usu", "one", "eu")):
        return "a"
    if first.lower().startswith(("hour", "honest", "heir")):
        return "an"
    return "an" if first[0].lower() in "aeiou" else "a"


def with_article(word: str) -> str:
    return f"{article(word)} {word}"


def acronym(word: str) -> str:
    """Kinds written as people write them: him -> HIM, cdi -> CDI."""
    return ACRONYMS.get(word.lower(), word)
