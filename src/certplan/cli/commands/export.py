"""export: the catalog in another format (CTDL JSON-LD, the exchange format of US workforce systems)."""

from pathlib import Path
from typing import Annotated, Optional

import typer

from certplan.cli import common
from certplan.cli.common import load


def register(app: typer.Typer) -> None:
    app.command("export")(export_cmd)


def export_cmd(
    ctx: typer.Context,
    ctdl: Annotated[
        bool,
        typer.Option(
            "--ctdl", help="Write CTDL JSON-LD (Credential Engine's Credential Transparency Description Language)."
        ),
    ] = False,
    out: Annotated[
        Optional[str],
        typer.Option("--out", "-o", help="Write to FILE (default, or '-': stdout).", metavar="FILE"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Export the catalog: current and retired credentials with their bodies, pathways, fees, renewal, occupations.

    --ctdl writes one JSON-LD document (@context: Credential Engine's CTDL context; each credential a
    ceterms:Certification owned by a ceterms:CredentialOrganization). Fees and pathways are those in force
    today. No CTID is given (none is known). The file is written whole or not at all.

    \b
    Examples:
      certplan export --ctdl > catalog.jsonld
      certplan export --ctdl --out catalog.jsonld --force
    """
    if not ctdl:
        common.fail_usage("choose an export format: --ctdl (e.g. certplan export --ctdl --out catalog.jsonld)")
    target = None if out in (None, "-") else Path(out)
    if target is not None:
        if target.is_dir():
            common.fail_usage(f"--out: {out} is a folder; give a file name")
        if target.exists() and not force:
            common.fail_usage(f"--out: {out} exists; add --force to replace it")
        if not target.parent.is_dir():
            common.fail_usage(f"--out: the folder {str(target.parent)!r} does not exist")
    cat = load(ctx)
    import json

    from certplan.output import ctdl as writer

    text = json.dumps(writer.ctdl_document(cat), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    n = writer.summary(cat)
    if target is None:
        common.out().stdout.write(text)
        return
    from certplan.fsutil import atomic_write

    try:
        atomic_write(target, lambda fh: fh.write(text.encode("utf-8")))
    except OSError as exc:
        common.fail_usage(f"--out: cannot write {out}: {exc.strerror or exc}")
    common.err(
        f"certplan: wrote {n['current']} current and {n['retired']} retired credentials of {n['bodies']} bodies "
        f"to {out} (CTDL JSON-LD; {n['left_out']} records left out: unverified, aliases and pairings)"
    )
