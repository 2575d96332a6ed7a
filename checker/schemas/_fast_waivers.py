"""Generated from waivers.schema.json by scripts/generate_validators.py: do not edit."""
# ruff: noqa
VERSION = "2.22.3"
from ._fast_support import Decimal, JsonSchemaValueException, JsonSchemaValuesException
import re


REGEX_PATTERNS = {
    '^\\d{4}-\\d{2}-\\d{2}(?!\\n)$': re.compile('^\\d{4}-\\d{2}-\\d{2}(?!\\n)\\Z')
}

NoneType = type(None)

def validate_https___hkai_example_schemas_waivers_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['waivers']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "issued_by" in data_keys:
            data_keys.remove("issued_by")
            data__issuedby = data["issued_by"]
            if not isinstance(data__issuedby, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".issued_by must be string")
            if isinstance(data__issuedby, str):
                data__issuedby_len = len(data__issuedby)
                if data__issuedby_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".issued_by must be longer than or equal to 1 characters")
        if "waivers" in data_keys:
            data_keys.remove("waivers")
            data__waivers = data["waivers"]
            if not isinstance(data__waivers, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".waivers must be array")
            data__waivers_is_list = isinstance(data__waivers, (list, tuple))
            if data__waivers_is_list:
                data__waivers_len = len(data__waivers)
                for data__waivers_x, data__waivers_item in enumerate(data__waivers):
                    validate_https___hkai_example_schemas_waivers_schema_json___defs_waiver(data__waivers_item, custom_formats, (name_prefix or "data") + ".waivers[{data__waivers_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_waivers_schema_json___defs_waiver(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['rule', 'production', 'target', 'reason', 'approved_by', 'approved_on']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "rule" in data_keys:
            data_keys.remove("rule")
            data__rule = data["rule"]
            if not isinstance(data__rule, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".rule must be string")
            if isinstance(data__rule, str):
                data__rule_len = len(data__rule)
                if data__rule_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".rule must be longer than or equal to 1 characters")
        if "production" in data_keys:
            data_keys.remove("production")
            data__production = data["production"]
            if not isinstance(data__production, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".production must be string")
            if isinstance(data__production, str):
                data__production_len = len(data__production)
                if data__production_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".production must be longer than or equal to 1 characters")
        if "target" in data_keys:
            data_keys.remove("target")
            data__target = data["target"]
            if not isinstance(data__target, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".target must be string")
            if isinstance(data__target, str):
                data__target_len = len(data__target)
                if data__target_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".target must be longer than or equal to 1 characters")
        if "reason" in data_keys:
            data_keys.remove("reason")
            data__reason = data["reason"]
            validate_https___hkai_example_schemas_waivers_schema_json___defs_text(data__reason, custom_formats, (name_prefix or "data") + ".reason")
        if "approved_by" in data_keys:
            data_keys.remove("approved_by")
            data__approvedby = data["approved_by"]
            if not isinstance(data__approvedby, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".approved_by must be string")
            if isinstance(data__approvedby, str):
                data__approvedby_len = len(data__approvedby)
                if data__approvedby_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".approved_by must be longer than or equal to 1 characters")
        if "approved_on" in data_keys:
            data_keys.remove("approved_on")
            data__approvedon = data["approved_on"]
            validate_https___hkai_example_schemas_waivers_schema_json___defs_date(data__approvedon, custom_formats, (name_prefix or "data") + ".approved_on")
        if "expires_on" in data_keys:
            data_keys.remove("expires_on")
            data__expireson = data["expires_on"]
            validate_https___hkai_example_schemas_waivers_schema_json___defs_date(data__expireson, custom_formats, (name_prefix or "data") + ".expires_on")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_waivers_schema_json___defs_date(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string")
    if isinstance(data, str):
        if not REGEX_PATTERNS['^\\d{4}-\\d{2}-\\d{2}(?!\\n)$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^\\d{4}-\\d{2}-\\d{2}(?!\\n)$")
        if not custom_formats["date"](data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be date")
    return data

def validate_https___hkai_example_schemas_waivers_schema_json___defs_text(data, custom_formats={}, name_prefix=None):
    data_any_of_count1 = 0
    if not data_any_of_count1:
        try:
            if not isinstance(data, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string")
            if isinstance(data, str):
                data_len = len(data)
                if data_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be longer than or equal to 1 characters")
            data_any_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count1:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data_len = len(data)
                if data_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain at least 1 properties")
                data_keys = set(data.keys())
                if "en" in data_keys:
                    data_keys.remove("en")
                    data__en = data["en"]
                    if not isinstance(data__en, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".en must be string")
                if "zh" in data_keys:
                    data_keys.remove("zh")
                    data__zh = data["zh"]
                    if not isinstance(data__zh, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".zh must be string")
                if data_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
            data_any_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " cannot be validated by any definition")
    return data

validate = validate_https___hkai_example_schemas_waivers_schema_json
