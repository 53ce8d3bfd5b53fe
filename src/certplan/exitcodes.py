"""Exit codes, in one place (documented in --help and the README)."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # unexpected error
    USAGE = 2  # usage error or bad input
    CATALOG = 3  # catalog missing or invalid
    SOME_ROWS_FAILED = 4  # --profiles: some rows answered, others not (each named)
    INTERRUPTED = 130  # Ctrl-C


EXIT_CODES_HELP = "Exit codes: 0 ok, 1 unexpected error, 2 usage or bad input, 3 invalid catalog, 4 some --profiles rows not answered, 130 interrupted."
