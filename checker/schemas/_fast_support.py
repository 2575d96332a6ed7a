"""What the generated validators (``_fast_*.py``) need when they run.

fastjsonschema writes them to import its exception classes and ``decimal.Decimal``;
importing those costs about 4 ms of every run's start-up, so the generator points the
imports here instead. fastjsonschema is then needed only to regenerate the validators.
"""


class Decimal:
    """Stands in for ``decimal.Decimal`` in the generated number tests: loaded YAML never
    holds one, so nothing is an instance of either."""


class JsonSchemaValueException(ValueError):
    """The data does not match the schema (the generated validators only say that much)."""

    def __init__(self, message, value=None, name=None, definition=None, rule=None):
        super().__init__(message)


class JsonSchemaValuesException(JsonSchemaValueException):
    """Raised by validators generated to collect several errors (these are not)."""
