"""Vocabulary of the catalog (stdlib only, so fast paths can use it without pydantic)."""

EDUCATION_LEVELS = ("none", "high-school", "associate", "bachelor", "master", "doctorate")
PROGRAM_LEVELS = ("associate", "bachelor", "master", "post-baccalaureate")
LEVELS = ("entry", "advanced", "specialty", "management", "degree-based")
STATUSES = ("current", "retired", "unverified", "alias", "pairing")
SETTINGS = (
    "physician-office",
    "hospital-inpatient",
    "hospital-outpatient",
    "ambulatory-surgery-center",
    "emergency-department",
    "payer",
    "telehealth",
    "remote",
    "long-term-care",
    "home-health",
    "risk-adjustment",
    "consulting",
    "education",
    "billing-company",
)
EXPERIENCE_KINDS = (
    "coding",
    "billing",
    "auditing",
    "compliance",
    "management",
    "cdi",
    "data-analytics",
    "privacy-security",
    "clinical",
    "scribe",
    "healthcare",
    "him",
)
FOCUS = ("coding", "billing", "auditing", "compliance", "documentation", "management", "scribe", "data", "privacy")

# Query parameters that only track a click (ads, mail campaigns, analytics): a canonical URL has none.
TRACKING_PARAMS = (
    "gclid",
    "gclsrc",
    "gbraid",
    "wbraid",
    "dclid",
    "fbclid",
    "msclkid",
    "yclid",
    "twclid",
    "ttclid",
    "li_fat_id",
    "mc_cid",
    "mc_eid",
    "igshid",
    "srsltid",
    "_ga",
    "_gl",
)
TRACKING_PREFIXES = ("utm_", "hsa_", "_hs", "pk_", "mtm_", "vero_")


def default_port(url: str) -> str | None:
    """':443' in an https URL (':80' in http): the same page, written two ways."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        return None
    if (parts.scheme, port) in (("https", 443), ("http", 80)):
        return f":{port}"
    return None


def tracking_params(url: str) -> list[str]:
    """The tracking parameters in ``url``'s query, in order (empty for a canonical URL)."""
    from urllib.parse import parse_qsl, urlsplit

    query = urlsplit(url).query
    names = [k for k, _ in parse_qsl(query, keep_blank_values=True)]
    out = []
    for k in names:
        low = k.lower()
        if (low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)) and k not in out:
            out.append(k)
    return out


# --------------------------------------------------------------------------- what people type


def words_key(text: str) -> str:
    """Lower case, no dots or apostrophes, hyphens and underscores as spaces: ``Associate's`` -> ``associates``."""
    t = text.strip().lower().replace("\u2019", "'").replace("\u2018", "'")
    for ch in ".'":
        t = t.replace(ch, "")
    for ch in "-_/":
        t = t.replace(ch, " ")
    return " ".join(t.split())


# The ways people name their highest education, by level (keys pass through words_key).
EDUCATION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "none": ("none", "no", "no diploma", "no degree", "nothing", "less than high school", "some high school"),
    "high-school": (
        "high school",
        "highschool",
        "hs",
        "hsd",
        "ged",
        "hse",
        "hiset",
        "tasc",
        "diploma",
        "high school diploma",
        "high school graduate",
        "high school equivalency",
        "secondary",
        "secondary school",
        "12th grade",
        "some college",
    ),
    "associate": (
        "associate",
        "associates",
        "associate degree",
        "associates degree",
        "aa",
        "as",
        "aas",
        "aab",
        "two year degree",
        "2 year degree",
    ),
    "bachelor": (
        "bachelor",
        "bachelors",
        "bachelor degree",
        "bachelors degree",
        "ba",
        "bs",
        "bsc",
        "bba",
        "bsn",
        "four year degree",
        "4 year degree",
        "undergraduate degree",
    ),
    "master": (
        "master",
        "masters",
        "master degree",
        "masters degree",
        "ma",
        "ms",
        "msc",
        "mba",
        "mha",
        "mhi",
        "mph",
        "msn",
        "graduate degree",
    ),
    "doctorate": (
        "doctorate",
        "doctoral",
        "doctoral degree",
        "doctorate degree",
        "doctor",
        "phd",
        "md",
        "dnp",
        "edd",
        "dha",
    ),
}
EDUCATION_WORDS: dict[str, str] = {
    words_key(w): level for level, ws in EDUCATION_SYNONYMS.items() for w in (level, *ws)
}

# Words people put between codes: `compare cpc vs ccs`, `compare CPC, CCS and CIC`.
FILLER_WORDS = ("vs", "v", "versus", "and", "or", "&", "with", "to", "against", "+")

# Misspellings seen in credential names, fixed before a name is looked up.
NAME_MISSPELLINGS = {
    "certifed": "certified",
    "cerified": "certified",
    "certfied": "certified",
    "certifide": "certified",
    "certificed": "certified",
    "profesional": "professional",
    "proffesional": "professional",
    "proffessional": "professional",
    "professionnal": "professional",
    "coading": "coding",
    "codeing": "coding",
    "codding": "coding",
    "codder": "coder",
    "coader": "coder",
    "biling": "billing",
    "billng": "billing",
    "billingg": "billing",
    "specalist": "specialist",
    "specilist": "specialist",
    "specialst": "specialist",
    "assosiate": "associate",
    "asociate": "associate",
    "medcial": "medical",
    "medicle": "medical",
    "administator": "administrator",
    "techician": "technician",
    "technican": "technician",
    "outpatinet": "outpatient",
    "inpatinet": "inpatient",
    "complience": "compliance",
    "auditer": "auditor",
    "health care": "healthcare",
}
# Words that say what kind of thing was named, not which one: `cpc certification`, `the CCS exam`.
NAME_FILLERS = ("the", "a", "an", "certification", "credential", "exam", "certificate", "test")
