"""Exit codes, in one place (documented in --help and the README)."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # unexpected error (a bug)
    USAGE = 2  # usage error or bad input
    CATALOG = 3  # catalog missing, invalid, unreadable or over the size limit
    OUTPUT = 4  # output could not be written: stdout closed or full, a file or config dir not writable
    INTERRUPTED = 130  # Ctrl-C
    BROKEN_PIPE = 141  # the reader of stdout went away (`| head`): 128 + SIGPIPE, as shells report it; silent


EXIT_CODES_HELP = (
    "Exit codes: 0 ok, 1 unexpected error, 2 usage or bad input, 3 catalog missing or invalid, "
    "4 output not written, 130 interrupted, 141 broken pipe."
)
