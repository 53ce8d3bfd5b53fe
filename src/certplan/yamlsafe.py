"""Plain YAML for every file certplan reads that is not the catalog (profiles, rosters, imports).

One parse with the C loader where available; anchors and aliases are refused before anything is
constructed (an alias "bomb" of a few lines would otherwise grow to gigabytes), as are tags other
than YAML's own.  Raises :class:`PlainYamlError` with the line, for a one-line message.
"""

from __future__ import annotations

from typing import Any

SAFE_PREFIX = "tag:yaml.org,2002:"
SAFE_TAGS = frozenset(
    SAFE_PREFIX + t
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary", "omap", "pairs", "set")
)


class PlainYamlError(ValueError):
    def __init__(self, line: int | None, problem: str):
        self.line = line
        self.problem = problem
        super().__init__(f"line {line}: {problem}" if line else problem)


def load_plain_yaml(text: str) -> Any:
    """The data of a YAML text that uses no anchors, aliases or custom tags."""
    import gc

    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    paused = gc.isenabled()
    gc.disable()
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise PlainYamlError(mark.line + 1 if mark else None, "not valid YAML") from None
        except yaml.YAMLError:
            raise PlainYamlError(None, "not valid YAML") from None
        if root is None:
            return None
        seen: set[int] = set()
        stack = [root]
        while stack:
            node = stack.pop()
            if id(node) in seen:
                raise PlainYamlError(node.start_mark.line + 1, "anchors and aliases are not allowed")
            seen.add(id(node))
            if node.tag not in SAFE_TAGS:
                raise PlainYamlError(node.start_mark.line + 1, "only plain YAML is allowed (no tags)")
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    stack.append(k)
                    stack.append(v)
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(node.value)
        try:
            return loader.construct_document(root)
        except (yaml.YAMLError, ValueError, OverflowError, TypeError):
            raise PlainYamlError(root.start_mark.line + 1, "not valid YAML") from None
    finally:
        loader.dispose()
        if paused:
            gc.enable()
