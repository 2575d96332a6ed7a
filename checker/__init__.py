"""hkai: a compliance checker for AI use in Hong Kong film and television productions.

As a library::

    import checker
    report = checker.check(["productions/"], checker.resolve_settings({"lang": "zh"}))
    for result in report.results:
        print(result.path, result.status(report.fail_on))
    raise SystemExit(report.exit_code())
"""

__version__ = "0.1.0"
# Where the project lives: reports link to it (SARIF's informationUri and rules' helpUri).
PROJECT_URL = "https://example.invalid/hkai"

# Loaded on first use, so that `hkai --version` and the other commands stay quick.
_EXPORTS = {"check": ("app", "check"), "Settings": ("settings", "Settings"),
            "resolve_settings": ("settings", "resolve"), "SettingsError": ("settings", "SettingsError"),
            "Report": ("report.model", "Report")}


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    module, attribute = _EXPORTS[name]
    return getattr(import_module(f"{__name__}.{module}"), attribute)


__all__ = ["__version__", *_EXPORTS]
