"""Generated from pack.schema.json by scripts/generate_validators.py: do not edit."""
# ruff: noqa
VERSION = "2.22.3"
from ._fast_support import Decimal, JsonSchemaValueException, JsonSchemaValuesException
import re


REGEX_PATTERNS = {
    '^[a-z0-9][a-z0-9._-]*(?!\\n)$': re.compile('^[a-z0-9][a-z0-9._-]*(?!\\n)\\Z'),
    '^[A-Z][A-Z0-9]*(-[0-9]{3})?(?!\\n)$': re.compile('^[A-Z][A-Z0-9]*(-[0-9]{3})?(?!\\n)\\Z')
}

NoneType = type(None)

def validate_https___hkai_example_schemas_pack_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name', 'version']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string")
            if isinstance(data__name, str):
                if not REGEX_PATTERNS['^[a-z0-9][a-z0-9._-]*(?!\\n)$'].search(data__name):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must match pattern ^[a-z0-9][a-z0-9._-]*(?!\\n)$")
        if "version" in data_keys:
            data_keys.remove("version")
            data__version = data["version"]
            if not isinstance(data__version, (str, int, float, Decimal)) or isinstance(data__version, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".version must be string or number")
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            if not isinstance(data__description, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".description must be string")
        if "extends" in data_keys:
            data_keys.remove("extends")
            data__extends = data["extends"]
            if not isinstance(data__extends, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".extends must be string")
            if isinstance(data__extends, str):
                data__extends_len = len(data__extends)
                if data__extends_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".extends must be longer than or equal to 1 characters")
        if "overrides" in data_keys:
            data_keys.remove("overrides")
            data__overrides = data["overrides"]
            if not isinstance(data__overrides, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".overrides must be object")
            data__overrides_is_dict = isinstance(data__overrides, dict)
            if data__overrides_is_dict:
                data__overrides_keys = set(data__overrides.keys())
                for data__overrides_key in data__overrides_keys:
                    if data__overrides_key not in []:
                        data__overrides_value = data__overrides.get(data__overrides_key)
                        if not isinstance(data__overrides_value, (dict)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".overrides.{data__overrides_key}".format(**locals()) + " must be object")
                        data__overrides_value_is_dict = isinstance(data__overrides_value, dict)
                        if data__overrides_value_is_dict:
                            data__overrides_value_len = len(data__overrides_value)
                            if data__overrides_value_len < 1:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".overrides.{data__overrides_key}".format(**locals()) + " must contain at least 1 properties")
                            data__overrides_value_keys = set(data__overrides_value.keys())
                            if "severity" in data__overrides_value_keys:
                                data__overrides_value_keys.remove("severity")
                                data__overrides_value__severity = data__overrides_value["severity"]
                                if not (isinstance(data__overrides_value__severity, str) and data__overrides_value__severity == 'error' or isinstance(data__overrides_value__severity, str) and data__overrides_value__severity == 'warning' or isinstance(data__overrides_value__severity, str) and data__overrides_value__severity == 'info'):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".overrides.{data__overrides_key}.severity".format(**locals()) + " must be one of ['error', 'warning', 'info']")
                            if "disabled" in data__overrides_value_keys:
                                data__overrides_value_keys.remove("disabled")
                                data__overrides_value__disabled = data__overrides_value["disabled"]
                                if not (isinstance(data__overrides_value__disabled, bool) and data__overrides_value__disabled is True):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".overrides.{data__overrides_key}.disabled".format(**locals()) + " must be one of [True]")
                            if data__overrides_value_keys:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".overrides.{data__overrides_key}".format(**locals()) + " must not contain "+str(data__overrides_value_keys)+" properties")
                data__overrides_len = len(data__overrides)
                if data__overrides_len != 0:
                    data__overrides_property_names = True
                    for data__overrides_key in data__overrides:
                        try:
                            if isinstance(data__overrides_key, str):
                                if not REGEX_PATTERNS['^[A-Z][A-Z0-9]*(-[0-9]{3})?(?!\\n)$'].search(data__overrides_key):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".overrides must match pattern ^[A-Z][A-Z0-9]*(-[0-9]{3})?(?!\\n)$")
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__overrides_property_names = False
                    if not data__overrides_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".overrides must be named by propertyName definition")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

validate = validate_https___hkai_example_schemas_pack_schema_json
