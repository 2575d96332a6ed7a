"""hkai: a compliance checker for AI use in Hong Kong film and television productions."""

__version__ = "0.1.0"
