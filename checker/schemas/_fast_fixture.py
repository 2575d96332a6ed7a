"""Generated from fixture.schema.json by scripts/generate_validators.py: do not edit."""
# ruff: noqa
VERSION = "2.22.3"
from ._fast_support import Decimal, JsonSchemaValueException, JsonSchemaValuesException
import re


REGEX_PATTERNS = {
    '^/': re.compile('^/'),
    '^\\d{4}-\\d{2}-\\d{2}(?!\\n)$': re.compile('^\\d{4}-\\d{2}-\\d{2}(?!\\n)\\Z')
}

NoneType = type(None)

def validate_https___hkai_example_schemas_fixture_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['rule', 'cases']) - data.keys()
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
        if "cases" in data_keys:
            data_keys.remove("cases")
            data__cases = data["cases"]
            if not isinstance(data__cases, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".cases must be array")
            data__cases_is_list = isinstance(data__cases, (list, tuple))
            if data__cases_is_list:
                data__cases_len = len(data__cases)
                for data__cases_x, data__cases_item in enumerate(data__cases):
                    validate_https___hkai_example_schemas_fixture_schema_json___defs_case(data__cases_item, custom_formats, (name_prefix or "data") + ".cases[{data__cases_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_fixture_schema_json___defs_case(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name', 'triggers', 'manifest']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string")
            if isinstance(data__name, str):
                data__name_len = len(data__name)
                if data__name_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be longer than or equal to 1 characters")
        if "triggers" in data_keys:
            data_keys.remove("triggers")
            data__triggers = data["triggers"]
            if not isinstance(data__triggers, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".triggers must be boolean")
        if "manifest" in data_keys:
            data_keys.remove("manifest")
            data__manifest = data["manifest"]
            if not isinstance(data__manifest, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".manifest must be object")
        if "fixed" in data_keys:
            data_keys.remove("fixed")
            data__fixed = data["fixed"]
            if not isinstance(data__fixed, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".fixed must be object")
        if "paths" in data_keys:
            data_keys.remove("paths")
            data__paths = data["paths"]
            if not isinstance(data__paths, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".paths must be array")
            data__paths_is_list = isinstance(data__paths, (list, tuple))
            if data__paths_is_list:
                data__paths_len = len(data__paths)
                for data__paths_x, data__paths_item in enumerate(data__paths):
                    if not isinstance(data__paths_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".paths[{data__paths_x}]".format(**locals()) + " must be string")
                    if isinstance(data__paths_item, str):
                        if not REGEX_PATTERNS['^/'].search(data__paths_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".paths[{data__paths_x}]".format(**locals()) + " must match pattern ^/")
        if "today" in data_keys:
            data_keys.remove("today")
            data__today = data["today"]
            if not isinstance(data__today, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".today must be string")
            if isinstance(data__today, str):
                if not REGEX_PATTERNS['^\\d{4}-\\d{2}-\\d{2}(?!\\n)$'].search(data__today):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".today must match pattern ^\\d{4}-\\d{2}-\\d{2}(?!\\n)$")
                if not custom_formats["date"](data__today):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".today must be date")
        if "verify_evidence" in data_keys:
            data_keys.remove("verify_evidence")
            data__verifyevidence = data["verify_evidence"]
            if not isinstance(data__verifyevidence, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".verify_evidence must be boolean")
        if "waivers_file" in data_keys:
            data_keys.remove("waivers_file")
            data__waiversfile = data["waivers_file"]
            if not isinstance(data__waiversfile, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".waivers_file must be object")
        if "fixed_waivers_file" in data_keys:
            data_keys.remove("fixed_waivers_file")
            data__fixedwaiversfile = data["fixed_waivers_file"]
            if not isinstance(data__fixedwaiversfile, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".fixed_waivers_file must be object")
        if "trusted_waivers_only" in data_keys:
            data_keys.remove("trusted_waivers_only")
            data__trustedwaiversonly = data["trusted_waivers_only"]
            if not isinstance(data__trustedwaiversonly, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".trusted_waivers_only must be boolean")
        if "same_production_in" in data_keys:
            data_keys.remove("same_production_in")
            data__sameproductionin = data["same_production_in"]
            if not isinstance(data__sameproductionin, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".same_production_in must be array")
            data__sameproductionin_is_list = isinstance(data__sameproductionin, (list, tuple))
            if data__sameproductionin_is_list:
                data__sameproductionin_len = len(data__sameproductionin)
                for data__sameproductionin_x, data__sameproductionin_item in enumerate(data__sameproductionin):
                    if not isinstance(data__sameproductionin_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".same_production_in[{data__sameproductionin_x}]".format(**locals()) + " must be string")
                    if isinstance(data__sameproductionin_item, str):
                        data__sameproductionin_item_len = len(data__sameproductionin_item)
                        if data__sameproductionin_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".same_production_in[{data__sameproductionin_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

validate = validate_https___hkai_example_schemas_fixture_schema_json
