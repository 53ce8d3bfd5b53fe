"""certplan: an offline career planner for medical billing and coding credentials."""

__version__ = "0.1.0"
