"""Command groups whose --help lists whole summaries, and whose unknown options name the nearest one."""

from __future__ import annotations

from typer.core import TyperGroup

from certplan.cli.options_hint import suggest_options


class FullSummaries(TyperGroup):
    """A group whose --help lists each command's whole summary sentence (Click cuts it with '...')."""

    def format_commands(self, ctx, formatter):
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is None or cmd.hidden:
                continue
            text = cmd.short_help or (cmd.help or "").split("\n\n")[0]
            rows.append((name, " ".join(text.split())))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def parse_args(self, ctx, args):
        with suggest_options():
            return super().parse_args(ctx, args)

    def invoke(self, ctx):
        with suggest_options():
            return super().invoke(ctx)
