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
