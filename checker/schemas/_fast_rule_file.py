"""Generated from rule-file.schema.json by scripts/generate_validators.py: do not edit."""
# ruff: noqa
VERSION = "2.22.3"
from ._fast_support import Decimal, JsonSchemaValueException, JsonSchemaValuesException
import re


REGEX_PATTERNS = {
    '^[a-z_][a-z0-9_]*(?!\\n)$': re.compile('^[a-z_][a-z0-9_]*(?!\\n)\\Z'),
    '^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$': re.compile('^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)\\Z'),
    '^\\$': re.compile('^\\$'),
    '^[A-Z][A-Z0-9]*(-[0-9]{3})?(?!\\n)$': re.compile('^[A-Z][A-Z0-9]*(-[0-9]{3})?(?!\\n)\\Z'),
    '^https?://': re.compile('^https?://')
}

NoneType = type(None)

def validate_https___hkai_example_schemas_rule_file_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_any_of_count1 = 0
    if not data_any_of_count1:
        try:
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['rules']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
            data_any_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count1:
        try:
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['selections']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
            data_any_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count1:
        try:
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['values']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
            data_any_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " cannot be validated by any definition")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "rules" in data_keys:
            data_keys.remove("rules")
            data__rules = data["rules"]
            if not isinstance(data__rules, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".rules must be array")
            data__rules_is_list = isinstance(data__rules, (list, tuple))
            if data__rules_is_list:
                data__rules_len = len(data__rules)
                if data__rules_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".rules must contain at least 1 items")
                for data__rules_x, data__rules_item in enumerate(data__rules):
                    validate_https___hkai_example_schemas_rule_file_schema_json___defs_rule(data__rules_item, custom_formats, (name_prefix or "data") + ".rules[{data__rules_x}]".format(**locals()))
        if "selections" in data_keys:
            data_keys.remove("selections")
            data__selections = data["selections"]
            if not isinstance(data__selections, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".selections must be object")
            data__selections_is_dict = isinstance(data__selections, dict)
            if data__selections_is_dict:
                data__selections_keys = set(data__selections.keys())
                for data__selections_key in data__selections_keys:
                    if data__selections_key not in []:
                        data__selections_value = data__selections.get(data__selections_key)
                        validate_https___hkai_example_schemas_rule_file_schema_json___defs_named_selection(data__selections_value, custom_formats, (name_prefix or "data") + ".selections.{data__selections_key}".format(**locals()))
                data__selections_len = len(data__selections)
                if data__selections_len != 0:
                    data__selections_property_names = True
                    for data__selections_key in data__selections:
                        try:
                            if isinstance(data__selections_key, str):
                                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(?!\\n)$'].search(data__selections_key):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".selections must match pattern ^[a-z_][a-z0-9_]*(?!\\n)$")
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__selections_property_names = False
                    if not data__selections_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".selections must be named by propertyName definition")
        if "values" in data_keys:
            data_keys.remove("values")
            data__values = data["values"]
            if not isinstance(data__values, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".values must be object")
            data__values_is_dict = isinstance(data__values, dict)
            if data__values_is_dict:
                data__values_keys = set(data__values.keys())
                for data__values_key in data__values_keys:
                    if data__values_key not in []:
                        data__values_value = data__values.get(data__values_key)
                        if not isinstance(data__values_value, (dict)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".values.{data__values_key}".format(**locals()) + " must be object")
                        data__values_value_is_dict = isinstance(data__values_value, dict)
                        if data__values_value_is_dict:
                            data__values_value__missing_keys = set(['source', 'value']) - data__values_value.keys()
                            if data__values_value__missing_keys:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".values.{data__values_key}".format(**locals()) + " must contain ")
                            data__values_value_keys = set(data__values_value.keys())
                            if "source" in data__values_value_keys:
                                data__values_value_keys.remove("source")
                                data__values_value__source = data__values_value["source"]
                                if not isinstance(data__values_value__source, (str)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".values.{data__values_key}.source".format(**locals()) + " must be string")
                                if isinstance(data__values_value__source, str):
                                    data__values_value__source_len = len(data__values_value__source)
                                    if data__values_value__source_len < 1:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".values.{data__values_key}.source".format(**locals()) + " must be longer than or equal to 1 characters")
                            if "value" in data__values_value_keys:
                                data__values_value_keys.remove("value")
                                data__values_value__value = data__values_value["value"]
                            if data__values_value_keys:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".values.{data__values_key}".format(**locals()) + " must not contain "+str(data__values_value_keys)+" properties")
                data__values_len = len(data__values)
                if data__values_len != 0:
                    data__values_property_names = True
                    for data__values_key in data__values:
                        try:
                            if isinstance(data__values_key, str):
                                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(?!\\n)$'].search(data__values_key):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".values must match pattern ^[a-z_][a-z0-9_]*(?!\\n)$")
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__values_property_names = False
                    if not data__values_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".values must be named by propertyName definition")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_rule_file_schema_json___defs_named_selection(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['from', 'as']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "where" in data_keys:
            data_keys.remove("where")
            data__where = data["where"]
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_condition(data__where, custom_formats, (name_prefix or "data") + ".where")
        if "from" in data_keys:
            data_keys.remove("from")
            data__from = data["from"]
            if not isinstance(data__from, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".from must be string")
            if isinstance(data__from, str):
                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data__from):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".from must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
        if "listed_in" in data_keys:
            data_keys.remove("listed_in")
            data__listedin = data["listed_in"]
            data__listedin_any_of_count2 = 0
            if not data__listedin_any_of_count2:
                try:
                    if not isinstance(data__listedin, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in must be string")
                    if isinstance(data__listedin, str):
                        if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data__listedin):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
                    data__listedin_any_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__listedin_any_of_count2:
                try:
                    if not isinstance(data__listedin, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in must be array")
                    data__listedin_is_list = isinstance(data__listedin, (list, tuple))
                    if data__listedin_is_list:
                        data__listedin_len = len(data__listedin)
                        if data__listedin_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in must contain at least 1 items")
                        for data__listedin_x, data__listedin_item in enumerate(data__listedin):
                            if not isinstance(data__listedin_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in[{data__listedin_x}]".format(**locals()) + " must be string")
                            if isinstance(data__listedin_item, str):
                                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data__listedin_item):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in[{data__listedin_x}]".format(**locals()) + " must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
                    data__listedin_any_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__listedin_any_of_count2:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in cannot be validated by any definition")
        if "every_text" in data_keys:
            data_keys.remove("every_text")
            data__everytext = data["every_text"]
            if not isinstance(data__everytext, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".every_text must be boolean")
        if "as" in data_keys:
            data_keys.remove("as")
            data__as = data["as"]
            if not isinstance(data__as, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".as must be string")
            if isinstance(data__as, str):
                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(?!\\n)$'].search(data__as):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".as must match pattern ^[a-z_][a-z0-9_]*(?!\\n)$")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_rule_file_schema_json___defs_condition(data, custom_formats={}, name_prefix=None):
    data_any_of_count3 = 0
    if not data_any_of_count3:
        try:
            if not isinstance(data, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array")
            data_is_list = isinstance(data, (list, tuple))
            if data_is_list:
                data_len = len(data)
                if data_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain at least 1 items")
                for data_x, data_item in enumerate(data):
                    validate_https___hkai_example_schemas_rule_file_schema_json___defs_condition(data_item, custom_formats, (name_prefix or "data") + "[{data_x}]".format(**locals()))
            data_any_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count3:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['all']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
                data_keys = set(data.keys())
                if "all" in data_keys:
                    data_keys.remove("all")
                    data__all = data["all"]
                    if not isinstance(data__all, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".all must be array")
                    data__all_is_list = isinstance(data__all, (list, tuple))
                    if data__all_is_list:
                        data__all_len = len(data__all)
                        if data__all_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".all must contain at least 1 items")
                        for data__all_x, data__all_item in enumerate(data__all):
                            validate_https___hkai_example_schemas_rule_file_schema_json___defs_condition(data__all_item, custom_formats, (name_prefix or "data") + ".all[{data__all_x}]".format(**locals()))
                if data_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
            data_any_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count3:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['any']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
                data_keys = set(data.keys())
                if "any" in data_keys:
                    data_keys.remove("any")
                    data__any = data["any"]
                    if not isinstance(data__any, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".any must be array")
                    data__any_is_list = isinstance(data__any, (list, tuple))
                    if data__any_is_list:
                        data__any_len = len(data__any)
                        if data__any_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".any must contain at least 1 items")
                        for data__any_x, data__any_item in enumerate(data__any):
                            validate_https___hkai_example_schemas_rule_file_schema_json___defs_condition(data__any_item, custom_formats, (name_prefix or "data") + ".any[{data__any_x}]".format(**locals()))
                if data_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
            data_any_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count3:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['not']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
                data_keys = set(data.keys())
                if "not" in data_keys:
                    data_keys.remove("not")
                    data__not = data["not"]
                    validate_https___hkai_example_schemas_rule_file_schema_json___defs_condition(data__not, custom_formats, (name_prefix or "data") + ".not")
                if data_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
            data_any_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count3:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['exists']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
                data_keys = set(data.keys())
                if "exists" in data_keys:
                    data_keys.remove("exists")
                    data__exists = data["exists"]
                    validate_https___hkai_example_schemas_rule_file_schema_json___defs_quantifier(data__exists, custom_formats, (name_prefix or "data") + ".exists")
                if data_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
            data_any_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count3:
        try:
            if not isinstance(data, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['count']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
                data_keys = set(data.keys())
                if "count" in data_keys:
                    data_keys.remove("count")
                    data__count = data["count"]
                    validate_https___hkai_example_schemas_rule_file_schema_json___defs_quantifier(data__count, custom_formats, (name_prefix or "data") + ".count")
                if data_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
            data_any_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count3:
        try:
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_comparison(data, custom_formats, (name_prefix or "data") + "")
            data_any_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count3:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " cannot be validated by any definition")
    return data

def validate_https___hkai_example_schemas_rule_file_schema_json___defs_comparison(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain at least 1 properties")
        if data_len > 1:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain less than or equal to 1 properties")
        data_keys = set(data.keys())
        for data_key in data_keys:
            if data_key not in []:
                data_value = data.get(data_key)
                if not isinstance(data_value, (dict)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}".format(**locals()) + " must be object")
                data_value_is_dict = isinstance(data_value, dict)
                if data_value_is_dict:
                    data_value_len = len(data_value)
                    if data_value_len < 1:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}".format(**locals()) + " must contain at least 1 properties")
                    data_value_keys = set(data_value.keys())
                    if "present" in data_value_keys:
                        data_value_keys.remove("present")
                        data_value__present = data_value["present"]
                        if not isinstance(data_value__present, (bool)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.present".format(**locals()) + " must be boolean")
                    if "equals" in data_value_keys:
                        data_value_keys.remove("equals")
                        data_value__equals = data_value["equals"]
                    if "not_equals" in data_value_keys:
                        data_value_keys.remove("not_equals")
                        data_value__notequals = data_value["not_equals"]
                    if "in" in data_value_keys:
                        data_value_keys.remove("in")
                        data_value__in = data_value["in"]
                        data_value__in_any_of_count4 = 0
                        if not data_value__in_any_of_count4:
                            try:
                                if not isinstance(data_value__in, (list, tuple)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in".format(**locals()) + " must be array")
                                data_value__in_any_of_count4 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data_value__in_any_of_count4:
                            try:
                                if not isinstance(data_value__in, (str)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in".format(**locals()) + " must be string")
                                if isinstance(data_value__in, str):
                                    if not REGEX_PATTERNS['^\\$'].search(data_value__in):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in".format(**locals()) + " must match pattern ^\\$")
                                data_value__in_any_of_count4 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data_value__in_any_of_count4:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in".format(**locals()) + " cannot be validated by any definition")
                    if "not_in" in data_value_keys:
                        data_value_keys.remove("not_in")
                        data_value__notin = data_value["not_in"]
                        data_value__notin_any_of_count5 = 0
                        if not data_value__notin_any_of_count5:
                            try:
                                if not isinstance(data_value__notin, (list, tuple)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.not_in".format(**locals()) + " must be array")
                                data_value__notin_any_of_count5 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data_value__notin_any_of_count5:
                            try:
                                if not isinstance(data_value__notin, (str)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.not_in".format(**locals()) + " must be string")
                                if isinstance(data_value__notin, str):
                                    if not REGEX_PATTERNS['^\\$'].search(data_value__notin):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.not_in".format(**locals()) + " must match pattern ^\\$")
                                data_value__notin_any_of_count5 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data_value__notin_any_of_count5:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.not_in".format(**locals()) + " cannot be validated by any definition")
                    if "contains" in data_value_keys:
                        data_value_keys.remove("contains")
                        data_value__contains = data_value["contains"]
                    if "contains_any" in data_value_keys:
                        data_value_keys.remove("contains_any")
                        data_value__containsany = data_value["contains_any"]
                        data_value__containsany_any_of_count6 = 0
                        if not data_value__containsany_any_of_count6:
                            try:
                                if not isinstance(data_value__containsany, (list, tuple)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_any".format(**locals()) + " must be array")
                                data_value__containsany_any_of_count6 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data_value__containsany_any_of_count6:
                            try:
                                if not isinstance(data_value__containsany, (str)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_any".format(**locals()) + " must be string")
                                if isinstance(data_value__containsany, str):
                                    if not REGEX_PATTERNS['^\\$'].search(data_value__containsany):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_any".format(**locals()) + " must match pattern ^\\$")
                                data_value__containsany_any_of_count6 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data_value__containsany_any_of_count6:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_any".format(**locals()) + " cannot be validated by any definition")
                    if "contains_all" in data_value_keys:
                        data_value_keys.remove("contains_all")
                        data_value__containsall = data_value["contains_all"]
                        data_value__containsall_any_of_count7 = 0
                        if not data_value__containsall_any_of_count7:
                            try:
                                if not isinstance(data_value__containsall, (list, tuple)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_all".format(**locals()) + " must be array")
                                data_value__containsall_any_of_count7 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data_value__containsall_any_of_count7:
                            try:
                                if not isinstance(data_value__containsall, (str)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_all".format(**locals()) + " must be string")
                                if isinstance(data_value__containsall, str):
                                    if not REGEX_PATTERNS['^\\$'].search(data_value__containsall):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_all".format(**locals()) + " must match pattern ^\\$")
                                data_value__containsall_any_of_count7 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data_value__containsall_any_of_count7:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_all".format(**locals()) + " cannot be validated by any definition")
                    if "matches" in data_value_keys:
                        data_value_keys.remove("matches")
                        data_value__matches = data_value["matches"]
                        if not isinstance(data_value__matches, (str)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.matches".format(**locals()) + " must be string")
                    if "mentions" in data_value_keys:
                        data_value_keys.remove("mentions")
                        data_value__mentions = data_value["mentions"]
                    if "min_words" in data_value_keys:
                        data_value_keys.remove("min_words")
                        data_value__minwords = data_value["min_words"]
                        if not isinstance(data_value__minwords, (int)) and not (isinstance(data_value__minwords, float) and data_value__minwords.is_integer()) or isinstance(data_value__minwords, bool):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.min_words".format(**locals()) + " must be integer")
                        if isinstance(data_value__minwords, (int, float, Decimal)) and not isinstance(data_value__minwords, bool):
                            if data_value__minwords < 0:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.min_words".format(**locals()) + " must be bigger than or equal to 0")
                    if "min_length" in data_value_keys:
                        data_value_keys.remove("min_length")
                        data_value__minlength = data_value["min_length"]
                        if not isinstance(data_value__minlength, (int)) and not (isinstance(data_value__minlength, float) and data_value__minlength.is_integer()) or isinstance(data_value__minlength, bool):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.min_length".format(**locals()) + " must be integer")
                        if isinstance(data_value__minlength, (int, float, Decimal)) and not isinstance(data_value__minlength, bool):
                            if data_value__minlength < 0:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.min_length".format(**locals()) + " must be bigger than or equal to 0")
                    if "max_length" in data_value_keys:
                        data_value_keys.remove("max_length")
                        data_value__maxlength = data_value["max_length"]
                        if not isinstance(data_value__maxlength, (int)) and not (isinstance(data_value__maxlength, float) and data_value__maxlength.is_integer()) or isinstance(data_value__maxlength, bool):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.max_length".format(**locals()) + " must be integer")
                        if isinstance(data_value__maxlength, (int, float, Decimal)) and not isinstance(data_value__maxlength, bool):
                            if data_value__maxlength < 0:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.max_length".format(**locals()) + " must be bigger than or equal to 0")
                    if "at_least" in data_value_keys:
                        data_value_keys.remove("at_least")
                        data_value__atleast = data_value["at_least"]
                    if "at_most" in data_value_keys:
                        data_value_keys.remove("at_most")
                        data_value__atmost = data_value["at_most"]
                    if "greater_than" in data_value_keys:
                        data_value_keys.remove("greater_than")
                        data_value__greaterthan = data_value["greater_than"]
                    if "less_than" in data_value_keys:
                        data_value_keys.remove("less_than")
                        data_value__lessthan = data_value["less_than"]
                    if "before" in data_value_keys:
                        data_value_keys.remove("before")
                        data_value__before = data_value["before"]
                    if "on_or_before" in data_value_keys:
                        data_value_keys.remove("on_or_before")
                        data_value__onorbefore = data_value["on_or_before"]
                    if "after" in data_value_keys:
                        data_value_keys.remove("after")
                        data_value__after = data_value["after"]
                    if "on_or_after" in data_value_keys:
                        data_value_keys.remove("on_or_after")
                        data_value__onorafter = data_value["on_or_after"]
                    if "language_tag" in data_value_keys:
                        data_value_keys.remove("language_tag")
                        data_value__languagetag = data_value["language_tag"]
                        if not isinstance(data_value__languagetag, (bool)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.language_tag".format(**locals()) + " must be boolean")
                    if "in_language" in data_value_keys:
                        data_value_keys.remove("in_language")
                        data_value__inlanguage = data_value["in_language"]
                        data_value__inlanguage_any_of_count8 = 0
                        if not data_value__inlanguage_any_of_count8:
                            try:
                                if not isinstance(data_value__inlanguage, (dict)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language".format(**locals()) + " must be object")
                                data_value__inlanguage_is_dict = isinstance(data_value__inlanguage, dict)
                                if data_value__inlanguage_is_dict:
                                    data_value__inlanguage__missing_keys = set(['language']) - data_value__inlanguage.keys()
                                    if data_value__inlanguage__missing_keys:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language".format(**locals()) + " must contain ")
                                    data_value__inlanguage_keys = set(data_value__inlanguage.keys())
                                    if "language" in data_value__inlanguage_keys:
                                        data_value__inlanguage_keys.remove("language")
                                        data_value__inlanguage__language = data_value__inlanguage["language"]
                                        data_value__inlanguage__language_any_of_count9 = 0
                                        if not data_value__inlanguage__language_any_of_count9:
                                            try:
                                                if not isinstance(data_value__inlanguage__language, (str)):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language.language".format(**locals()) + " must be string")
                                                data_value__inlanguage__language_any_of_count9 += 1
                                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                                        if not data_value__inlanguage__language_any_of_count9:
                                            try:
                                                if not isinstance(data_value__inlanguage__language, (list, tuple)):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language.language".format(**locals()) + " must be array")
                                                data_value__inlanguage__language_is_list = isinstance(data_value__inlanguage__language, (list, tuple))
                                                if data_value__inlanguage__language_is_list:
                                                    data_value__inlanguage__language_len = len(data_value__inlanguage__language)
                                                    if data_value__inlanguage__language_len < 1:
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language.language".format(**locals()) + " must contain at least 1 items")
                                                    for data_value__inlanguage__language_x, data_value__inlanguage__language_item in enumerate(data_value__inlanguage__language):
                                                        if not isinstance(data_value__inlanguage__language_item, (str)):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language.language[{data_value__inlanguage__language_x}]".format(**locals()) + " must be string")
                                                data_value__inlanguage__language_any_of_count9 += 1
                                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                                        if not data_value__inlanguage__language_any_of_count9:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language.language".format(**locals()) + " cannot be validated by any definition")
                                    if "script" in data_value__inlanguage_keys:
                                        data_value__inlanguage_keys.remove("script")
                                        data_value__inlanguage__script = data_value__inlanguage["script"]
                                        if not isinstance(data_value__inlanguage__script, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language.script".format(**locals()) + " must be string")
                                    if "implied" in data_value__inlanguage_keys:
                                        data_value__inlanguage_keys.remove("implied")
                                        data_value__inlanguage__implied = data_value__inlanguage["implied"]
                                        if not isinstance(data_value__inlanguage__implied, (dict)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language.implied".format(**locals()) + " must be object")
                                        data_value__inlanguage__implied_is_dict = isinstance(data_value__inlanguage__implied, dict)
                                        if data_value__inlanguage__implied_is_dict:
                                            data_value__inlanguage__implied_keys = set(data_value__inlanguage__implied.keys())
                                            for data_value__inlanguage__implied_key in data_value__inlanguage__implied_keys:
                                                if data_value__inlanguage__implied_key not in []:
                                                    data_value__inlanguage__implied_value = data_value__inlanguage__implied.get(data_value__inlanguage__implied_key)
                                                    if not isinstance(data_value__inlanguage__implied_value, (str)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language.implied.{data_value__inlanguage__implied_key}".format(**locals()) + " must be string")
                                    if data_value__inlanguage_keys:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language".format(**locals()) + " must not contain "+str(data_value__inlanguage_keys)+" properties")
                                data_value__inlanguage_any_of_count8 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data_value__inlanguage_any_of_count8:
                            try:
                                if not isinstance(data_value__inlanguage, (str)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language".format(**locals()) + " must be string")
                                if isinstance(data_value__inlanguage, str):
                                    if not REGEX_PATTERNS['^\\$'].search(data_value__inlanguage):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language".format(**locals()) + " must match pattern ^\\$")
                                data_value__inlanguage_any_of_count8 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data_value__inlanguage_any_of_count8:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.in_language".format(**locals()) + " cannot be validated by any definition")
                    if "contains_language" in data_value_keys:
                        data_value_keys.remove("contains_language")
                        data_value__containslanguage = data_value["contains_language"]
                        data_value__containslanguage_any_of_count10 = 0
                        if not data_value__containslanguage_any_of_count10:
                            try:
                                if not isinstance(data_value__containslanguage, (dict)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language".format(**locals()) + " must be object")
                                data_value__containslanguage_is_dict = isinstance(data_value__containslanguage, dict)
                                if data_value__containslanguage_is_dict:
                                    data_value__containslanguage__missing_keys = set(['language']) - data_value__containslanguage.keys()
                                    if data_value__containslanguage__missing_keys:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language".format(**locals()) + " must contain ")
                                    data_value__containslanguage_keys = set(data_value__containslanguage.keys())
                                    if "language" in data_value__containslanguage_keys:
                                        data_value__containslanguage_keys.remove("language")
                                        data_value__containslanguage__language = data_value__containslanguage["language"]
                                        data_value__containslanguage__language_any_of_count11 = 0
                                        if not data_value__containslanguage__language_any_of_count11:
                                            try:
                                                if not isinstance(data_value__containslanguage__language, (str)):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language.language".format(**locals()) + " must be string")
                                                data_value__containslanguage__language_any_of_count11 += 1
                                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                                        if not data_value__containslanguage__language_any_of_count11:
                                            try:
                                                if not isinstance(data_value__containslanguage__language, (list, tuple)):
                                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language.language".format(**locals()) + " must be array")
                                                data_value__containslanguage__language_is_list = isinstance(data_value__containslanguage__language, (list, tuple))
                                                if data_value__containslanguage__language_is_list:
                                                    data_value__containslanguage__language_len = len(data_value__containslanguage__language)
                                                    if data_value__containslanguage__language_len < 1:
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language.language".format(**locals()) + " must contain at least 1 items")
                                                    for data_value__containslanguage__language_x, data_value__containslanguage__language_item in enumerate(data_value__containslanguage__language):
                                                        if not isinstance(data_value__containslanguage__language_item, (str)):
                                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language.language[{data_value__containslanguage__language_x}]".format(**locals()) + " must be string")
                                                data_value__containslanguage__language_any_of_count11 += 1
                                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                                        if not data_value__containslanguage__language_any_of_count11:
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language.language".format(**locals()) + " cannot be validated by any definition")
                                    if "script" in data_value__containslanguage_keys:
                                        data_value__containslanguage_keys.remove("script")
                                        data_value__containslanguage__script = data_value__containslanguage["script"]
                                        if not isinstance(data_value__containslanguage__script, (str)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language.script".format(**locals()) + " must be string")
                                    if "implied" in data_value__containslanguage_keys:
                                        data_value__containslanguage_keys.remove("implied")
                                        data_value__containslanguage__implied = data_value__containslanguage["implied"]
                                        if not isinstance(data_value__containslanguage__implied, (dict)):
                                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language.implied".format(**locals()) + " must be object")
                                        data_value__containslanguage__implied_is_dict = isinstance(data_value__containslanguage__implied, dict)
                                        if data_value__containslanguage__implied_is_dict:
                                            data_value__containslanguage__implied_keys = set(data_value__containslanguage__implied.keys())
                                            for data_value__containslanguage__implied_key in data_value__containslanguage__implied_keys:
                                                if data_value__containslanguage__implied_key not in []:
                                                    data_value__containslanguage__implied_value = data_value__containslanguage__implied.get(data_value__containslanguage__implied_key)
                                                    if not isinstance(data_value__containslanguage__implied_value, (str)):
                                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language.implied.{data_value__containslanguage__implied_key}".format(**locals()) + " must be string")
                                    if data_value__containslanguage_keys:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language".format(**locals()) + " must not contain "+str(data_value__containslanguage_keys)+" properties")
                                data_value__containslanguage_any_of_count10 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data_value__containslanguage_any_of_count10:
                            try:
                                if not isinstance(data_value__containslanguage, (str)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language".format(**locals()) + " must be string")
                                if isinstance(data_value__containslanguage, str):
                                    if not REGEX_PATTERNS['^\\$'].search(data_value__containslanguage):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language".format(**locals()) + " must match pattern ^\\$")
                                data_value__containslanguage_any_of_count10 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data_value__containslanguage_any_of_count10:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}.contains_language".format(**locals()) + " cannot be validated by any definition")
                    if data_value_keys:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}".format(**locals()) + " must not contain "+str(data_value_keys)+" properties")
        if data_len != 0:
            data_property_names = True
            for data_key in data:
                try:
                    try:
                        if not (isinstance(data_key, str) and data_key == 'all' or isinstance(data_key, str) and data_key == 'any' or isinstance(data_key, str) and data_key == 'not' or isinstance(data_key, str) and data_key == 'exists' or isinstance(data_key, str) and data_key == 'count'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['all', 'any', 'not', 'exists', 'count']")
                    except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    else:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + " must NOT match a disallowed definition")
                    if isinstance(data_key, str):
                        if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data_key):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    data_property_names = False
            if not data_property_names:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be named by propertyName definition")
    return data

def validate_https___hkai_example_schemas_rule_file_schema_json___defs_quantifier(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "where" in data_keys:
            data_keys.remove("where")
            data__where = data["where"]
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_condition(data__where, custom_formats, (name_prefix or "data") + ".where")
        if "from" in data_keys:
            data_keys.remove("from")
            data__from = data["from"]
            if not isinstance(data__from, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".from must be string")
            if isinstance(data__from, str):
                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data__from):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".from must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
        if "listed_in" in data_keys:
            data_keys.remove("listed_in")
            data__listedin = data["listed_in"]
            data__listedin_any_of_count12 = 0
            if not data__listedin_any_of_count12:
                try:
                    if not isinstance(data__listedin, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in must be string")
                    if isinstance(data__listedin, str):
                        if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data__listedin):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
                    data__listedin_any_of_count12 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__listedin_any_of_count12:
                try:
                    if not isinstance(data__listedin, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in must be array")
                    data__listedin_is_list = isinstance(data__listedin, (list, tuple))
                    if data__listedin_is_list:
                        data__listedin_len = len(data__listedin)
                        if data__listedin_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in must contain at least 1 items")
                        for data__listedin_x, data__listedin_item in enumerate(data__listedin):
                            if not isinstance(data__listedin_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in[{data__listedin_x}]".format(**locals()) + " must be string")
                            if isinstance(data__listedin_item, str):
                                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data__listedin_item):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in[{data__listedin_x}]".format(**locals()) + " must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
                    data__listedin_any_of_count12 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__listedin_any_of_count12:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in cannot be validated by any definition")
        if "every_text" in data_keys:
            data_keys.remove("every_text")
            data__everytext = data["every_text"]
            if not isinstance(data__everytext, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".every_text must be boolean")
        if "selection" in data_keys:
            data_keys.remove("selection")
            data__selection = data["selection"]
            if not isinstance(data__selection, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".selection must be string")
            if isinstance(data__selection, str):
                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(?!\\n)$'].search(data__selection):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".selection must match pattern ^[a-z_][a-z0-9_]*(?!\\n)$")
        if "as" in data_keys:
            data_keys.remove("as")
            data__as = data["as"]
            if not isinstance(data__as, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".as must be string")
            if isinstance(data__as, str):
                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(?!\\n)$'].search(data__as):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".as must match pattern ^[a-z_][a-z0-9_]*(?!\\n)$")
        if "at_least" in data_keys:
            data_keys.remove("at_least")
            data__atleast = data["at_least"]
            if not isinstance(data__atleast, (int)) and not (isinstance(data__atleast, float) and data__atleast.is_integer()) or isinstance(data__atleast, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".at_least must be integer")
            if isinstance(data__atleast, (int, float, Decimal)) and not isinstance(data__atleast, bool):
                if data__atleast < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".at_least must be bigger than or equal to 0")
        if "at_most" in data_keys:
            data_keys.remove("at_most")
            data__atmost = data["at_most"]
            if not isinstance(data__atmost, (int)) and not (isinstance(data__atmost, float) and data__atmost.is_integer()) or isinstance(data__atmost, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".at_most must be integer")
            if isinstance(data__atmost, (int, float, Decimal)) and not isinstance(data__atmost, bool):
                if data__atmost < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".at_most must be bigger than or equal to 0")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['selection']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
    except (JsonSchemaValueException, JsonSchemaValuesException):
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['from', 'as']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_len = len(data)
            if data_len != 0:
                data_property_names = True
                for data_key in data:
                    try:
                        if not (isinstance(data_key, str) and data_key == 'selection' or isinstance(data_key, str) and data_key == 'where' or isinstance(data_key, str) and data_key == 'at_least' or isinstance(data_key, str) and data_key == 'at_most'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['selection', 'where', 'at_least', 'at_most']")
                    except (JsonSchemaValueException, JsonSchemaValuesException):
                        data_property_names = False
                if not data_property_names:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be named by propertyName definition")
    return data

def validate_https___hkai_example_schemas_rule_file_schema_json___defs_rule(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'principle', 'severity', 'levels', 'title', 'rationale', 'message', 'fix', 'source', 'check']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string")
            if isinstance(data__id, str):
                if not REGEX_PATTERNS['^[A-Z][A-Z0-9]*(-[0-9]{3})?(?!\\n)$'].search(data__id):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must match pattern ^[A-Z][A-Z0-9]*(-[0-9]{3})?(?!\\n)$")
        if "principle" in data_keys:
            data_keys.remove("principle")
            data__principle = data["principle"]
            if not (isinstance(data__principle, str) and data__principle == 'consent' or isinstance(data__principle, str) and data__principle == 'disclosure' or isinstance(data__principle, str) and data__principle == 'credit' or isinstance(data__principle, str) and data__principle == 'compensation' or isinstance(data__principle, str) and data__principle == 'data' or isinstance(data__principle, str) and data__principle == 'integrity'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".principle must be one of ['consent', 'disclosure', 'credit', 'compensation', 'data', 'integrity']")
        if "severity" in data_keys:
            data_keys.remove("severity")
            data__severity = data["severity"]
            if not (isinstance(data__severity, str) and data__severity == 'error' or isinstance(data__severity, str) and data__severity == 'warning' or isinstance(data__severity, str) and data__severity == 'info'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".severity must be one of ['error', 'warning', 'info']")
        if "levels" in data_keys:
            data_keys.remove("levels")
            data__levels = data["levels"]
            data__levels_any_of_count13 = 0
            if not data__levels_any_of_count13:
                try:
                    if not (isinstance(data__levels, str) and data__levels == 'all'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".levels must be one of ['all']")
                    data__levels_any_of_count13 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__levels_any_of_count13:
                try:
                    if not isinstance(data__levels, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".levels must be array")
                    data__levels_is_list = isinstance(data__levels, (list, tuple))
                    if data__levels_is_list:
                        data__levels_len = len(data__levels)
                        if data__levels_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".levels must contain at least 1 items")
                        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        if data__levels_len > len(set(fn(data__levels_x) for data__levels_x in data__levels)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".levels must contain unique items")
                        for data__levels_x, data__levels_item in enumerate(data__levels):
                            if not (isinstance(data__levels_item, str) and data__levels_item == 'low' or isinstance(data__levels_item, str) and data__levels_item == 'medium' or isinstance(data__levels_item, str) and data__levels_item == 'high'):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".levels[{data__levels_x}]".format(**locals()) + " must be one of ['low', 'medium', 'high']")
                    data__levels_any_of_count13 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__levels_any_of_count13:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".levels cannot be validated by any definition")
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_bilingual(data__title, custom_formats, (name_prefix or "data") + ".title")
        if "rationale" in data_keys:
            data_keys.remove("rationale")
            data__rationale = data["rationale"]
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_bilingual(data__rationale, custom_formats, (name_prefix or "data") + ".rationale")
        if "message" in data_keys:
            data_keys.remove("message")
            data__message = data["message"]
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_bilingual(data__message, custom_formats, (name_prefix or "data") + ".message")
        if "fix" in data_keys:
            data_keys.remove("fix")
            data__fix = data["fix"]
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_bilingual(data__fix, custom_formats, (name_prefix or "data") + ".fix")
        if "source" in data_keys:
            data_keys.remove("source")
            data__source = data["source"]
            if not isinstance(data__source, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must be string")
            if isinstance(data__source, str):
                data__source_len = len(data__source)
                if data__source_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must be longer than or equal to 1 characters")
        if "help_uri" in data_keys:
            data_keys.remove("help_uri")
            data__helpuri = data["help_uri"]
            if not isinstance(data__helpuri, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".help_uri must be string")
            if isinstance(data__helpuri, str):
                if not REGEX_PATTERNS['^https?://'].search(data__helpuri):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".help_uri must match pattern ^https?://")
        if "mandatory" in data_keys:
            data_keys.remove("mandatory")
            data__mandatory = data["mandatory"]
            if not isinstance(data__mandatory, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".mandatory must be boolean")
        if "waivable" in data_keys:
            data_keys.remove("waivable")
            data__waivable = data["waivable"]
            if not (isinstance(data__waivable, str) and data__waivable == 'any' or isinstance(data__waivable, str) and data__waivable == 'reviewer'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".waivable must be one of ['any', 'reviewer']")
        if "draft_severity" in data_keys:
            data_keys.remove("draft_severity")
            data__draftseverity = data["draft_severity"]
            if not (isinstance(data__draftseverity, str) and data__draftseverity == 'error' or isinstance(data__draftseverity, str) and data__draftseverity == 'warning' or isinstance(data__draftseverity, str) and data__draftseverity == 'info'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".draft_severity must be one of ['error', 'warning', 'info']")
        if "supersedes_within" in data_keys:
            data_keys.remove("supersedes_within")
            data__supersedeswithin = data["supersedes_within"]
            if not isinstance(data__supersedeswithin, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".supersedes_within must be boolean")
        if "check" in data_keys:
            data_keys.remove("check")
            data__check = data["check"]
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_checks(data__check, custom_formats, (name_prefix or "data") + ".check")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_rule_file_schema_json___defs_checks(data, custom_formats={}, name_prefix=None):
    data_any_of_count14 = 0
    if not data_any_of_count14:
        try:
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_check(data, custom_formats, (name_prefix or "data") + "")
            data_any_of_count14 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count14:
        try:
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_table(data, custom_formats, (name_prefix or "data") + "")
            data_any_of_count14 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count14:
        try:
            if not isinstance(data, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array")
            data_is_list = isinstance(data, (list, tuple))
            if data_is_list:
                data_len = len(data)
                if data_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain at least 1 items")
                for data_x, data_item in enumerate(data):
                    data_item_any_of_count15 = 0
                    if not data_item_any_of_count15:
                        try:
                            validate_https___hkai_example_schemas_rule_file_schema_json___defs_check(data_item, custom_formats, (name_prefix or "data") + "[{data_x}]".format(**locals()))
                            data_item_any_of_count15 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data_item_any_of_count15:
                        try:
                            validate_https___hkai_example_schemas_rule_file_schema_json___defs_table(data_item, custom_formats, (name_prefix or "data") + "[{data_x}]".format(**locals()))
                            data_item_any_of_count15 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data_item_any_of_count15:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + "[{data_x}]".format(**locals()) + " cannot be validated by any definition")
            data_any_of_count14 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if not data_any_of_count14:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " cannot be validated by any definition")
    return data

def validate_https___hkai_example_schemas_rule_file_schema_json___defs_table(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['table', 'check']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "table" in data_keys:
            data_keys.remove("table")
            data__table = data["table"]
            if not isinstance(data__table, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".table must be object")
            data__table_is_dict = isinstance(data__table, dict)
            if data__table_is_dict:
                data__table__missing_keys = set(['columns', 'rows']) - data__table.keys()
                if data__table__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".table must contain ")
                data__table_keys = set(data__table.keys())
                if "columns" in data__table_keys:
                    data__table_keys.remove("columns")
                    data__table__columns = data__table["columns"]
                    if not isinstance(data__table__columns, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".table.columns must be array")
                    data__table__columns_is_list = isinstance(data__table__columns, (list, tuple))
                    if data__table__columns_is_list:
                        data__table__columns_len = len(data__table__columns)
                        if data__table__columns_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".table.columns must contain at least 1 items")
                        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        if data__table__columns_len > len(set(fn(data__table__columns_x) for data__table__columns_x in data__table__columns)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".table.columns must contain unique items")
                        for data__table__columns_x, data__table__columns_item in enumerate(data__table__columns):
                            if not isinstance(data__table__columns_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".table.columns[{data__table__columns_x}]".format(**locals()) + " must be string")
                            if isinstance(data__table__columns_item, str):
                                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(?!\\n)$'].search(data__table__columns_item):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".table.columns[{data__table__columns_x}]".format(**locals()) + " must match pattern ^[a-z_][a-z0-9_]*(?!\\n)$")
                if "rows" in data__table_keys:
                    data__table_keys.remove("rows")
                    data__table__rows = data__table["rows"]
                    if not isinstance(data__table__rows, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".table.rows must be array")
                    data__table__rows_is_list = isinstance(data__table__rows, (list, tuple))
                    if data__table__rows_is_list:
                        data__table__rows_len = len(data__table__rows)
                        if data__table__rows_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".table.rows must contain at least 1 items")
                        for data__table__rows_x, data__table__rows_item in enumerate(data__table__rows):
                            if not isinstance(data__table__rows_item, (list, tuple)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".table.rows[{data__table__rows_x}]".format(**locals()) + " must be array")
                            data__table__rows_item_is_list = isinstance(data__table__rows_item, (list, tuple))
                            if data__table__rows_item_is_list:
                                data__table__rows_item_len = len(data__table__rows_item)
                                if data__table__rows_item_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".table.rows[{data__table__rows_x}]".format(**locals()) + " must contain at least 1 items")
                                for data__table__rows_item_x, data__table__rows_item_item in enumerate(data__table__rows_item):
                                    data__table__rows_item_item_any_of_count16 = 0
                                    if not data__table__rows_item_item_any_of_count16:
                                        try:
                                            if not isinstance(data__table__rows_item_item, (str, int, float, Decimal, bool)):
                                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".table.rows[{data__table__rows_x}][{data__table__rows_item_x}]".format(**locals()) + " must be string or number or boolean")
                                            data__table__rows_item_item_any_of_count16 += 1
                                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                                    if not data__table__rows_item_item_any_of_count16:
                                        try:
                                            validate_https___hkai_example_schemas_rule_file_schema_json___defs_bilingual(data__table__rows_item_item, custom_formats, (name_prefix or "data") + ".table.rows[{data__table__rows_x}][{data__table__rows_item_x}]".format(**locals()))
                                            data__table__rows_item_item_any_of_count16 += 1
                                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                                    if not data__table__rows_item_item_any_of_count16:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".table.rows[{data__table__rows_x}][{data__table__rows_item_x}]".format(**locals()) + " cannot be validated by any definition")
                if data__table_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".table must not contain "+str(data__table_keys)+" properties")
        if "check" in data_keys:
            data_keys.remove("check")
            data__check = data["check"]
            if not isinstance(data__check, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".check must be object")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_rule_file_schema_json___defs_check(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['require']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "for_each" in data_keys:
            data_keys.remove("for_each")
            data__foreach = data["for_each"]
            if not isinstance(data__foreach, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".for_each must be object")
            data__foreach_is_dict = isinstance(data__foreach, dict)
            if data__foreach_is_dict:
                data__foreach_keys = set(data__foreach.keys())
                for data__foreach_key in data__foreach_keys:
                    if data__foreach_key not in []:
                        data__foreach_value = data__foreach.get(data__foreach_key)
                        data__foreach_value_any_of_count17 = 0
                        if not data__foreach_value_any_of_count17:
                            try:
                                if not isinstance(data__foreach_value, (str)):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".for_each.{data__foreach_key}".format(**locals()) + " must be string")
                                if isinstance(data__foreach_value, str):
                                    if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data__foreach_value):
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".for_each.{data__foreach_key}".format(**locals()) + " must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
                                data__foreach_value_any_of_count17 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data__foreach_value_any_of_count17:
                            try:
                                validate_https___hkai_example_schemas_rule_file_schema_json___defs_source(data__foreach_value, custom_formats, (name_prefix or "data") + ".for_each.{data__foreach_key}".format(**locals()))
                                data__foreach_value_any_of_count17 += 1
                            except (JsonSchemaValueException, JsonSchemaValuesException): pass
                        if not data__foreach_value_any_of_count17:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".for_each.{data__foreach_key}".format(**locals()) + " cannot be validated by any definition")
                data__foreach_len = len(data__foreach)
                if data__foreach_len != 0:
                    data__foreach_property_names = True
                    for data__foreach_key in data__foreach:
                        try:
                            if isinstance(data__foreach_key, str):
                                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(?!\\n)$'].search(data__foreach_key):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".for_each must match pattern ^[a-z_][a-z0-9_]*(?!\\n)$")
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__foreach_property_names = False
                    if not data__foreach_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".for_each must be named by propertyName definition")
        if "where" in data_keys:
            data_keys.remove("where")
            data__where = data["where"]
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_condition(data__where, custom_formats, (name_prefix or "data") + ".where")
        if "require" in data_keys:
            data_keys.remove("require")
            data__require = data["require"]
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_condition(data__require, custom_formats, (name_prefix or "data") + ".require")
        if "target" in data_keys:
            data_keys.remove("target")
            data__target = data["target"]
            if not isinstance(data__target, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".target must be string")
            if isinstance(data__target, str):
                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data__target):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".target must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
        if "at" in data_keys:
            data_keys.remove("at")
            data__at = data["at"]
            if not isinstance(data__at, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".at must be string")
            if isinstance(data__at, str):
                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data__at):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".at must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
        if "at_pointer" in data_keys:
            data_keys.remove("at_pointer")
            data__atpointer = data["at_pointer"]
            if not isinstance(data__atpointer, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".at_pointer must be string")
            if isinstance(data__atpointer, str):
                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data__atpointer):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".at_pointer must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
        if "document" in data_keys:
            data_keys.remove("document")
            data__document = data["document"]
            if not (isinstance(data__document, str) and data__document == 'manifest' or isinstance(data__document, str) and data__document == 'waivers_file'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".document must be one of ['manifest', 'waivers_file']")
        if "message" in data_keys:
            data_keys.remove("message")
            data__message = data["message"]
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_bilingual(data__message, custom_formats, (name_prefix or "data") + ".message")
        if "fix" in data_keys:
            data_keys.remove("fix")
            data__fix = data["fix"]
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_bilingual(data__fix, custom_formats, (name_prefix or "data") + ".fix")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_rule_file_schema_json___defs_source(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "where" in data_keys:
            data_keys.remove("where")
            data__where = data["where"]
            validate_https___hkai_example_schemas_rule_file_schema_json___defs_condition(data__where, custom_formats, (name_prefix or "data") + ".where")
        if "from" in data_keys:
            data_keys.remove("from")
            data__from = data["from"]
            if not isinstance(data__from, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".from must be string")
            if isinstance(data__from, str):
                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data__from):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".from must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
        if "listed_in" in data_keys:
            data_keys.remove("listed_in")
            data__listedin = data["listed_in"]
            data__listedin_any_of_count18 = 0
            if not data__listedin_any_of_count18:
                try:
                    if not isinstance(data__listedin, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in must be string")
                    if isinstance(data__listedin, str):
                        if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data__listedin):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
                    data__listedin_any_of_count18 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__listedin_any_of_count18:
                try:
                    if not isinstance(data__listedin, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in must be array")
                    data__listedin_is_list = isinstance(data__listedin, (list, tuple))
                    if data__listedin_is_list:
                        data__listedin_len = len(data__listedin)
                        if data__listedin_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in must contain at least 1 items")
                        for data__listedin_x, data__listedin_item in enumerate(data__listedin):
                            if not isinstance(data__listedin_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in[{data__listedin_x}]".format(**locals()) + " must be string")
                            if isinstance(data__listedin_item, str):
                                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$'].search(data__listedin_item):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in[{data__listedin_x}]".format(**locals()) + " must match pattern ^[a-z_][a-z0-9_]*(\\.[a-z0-9_]+)*(?!\\n)$")
                    data__listedin_any_of_count18 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__listedin_any_of_count18:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".listed_in cannot be validated by any definition")
        if "every_text" in data_keys:
            data_keys.remove("every_text")
            data__everytext = data["every_text"]
            if not isinstance(data__everytext, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".every_text must be boolean")
        if "selection" in data_keys:
            data_keys.remove("selection")
            data__selection = data["selection"]
            if not isinstance(data__selection, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".selection must be string")
            if isinstance(data__selection, str):
                if not REGEX_PATTERNS['^[a-z_][a-z0-9_]*(?!\\n)$'].search(data__selection):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".selection must match pattern ^[a-z_][a-z0-9_]*(?!\\n)$")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['selection']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
    except (JsonSchemaValueException, JsonSchemaValuesException):
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['from']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_len = len(data)
            if data_len != 0:
                data_property_names = True
                for data_key in data:
                    try:
                        if not (isinstance(data_key, str) and data_key == 'selection' or isinstance(data_key, str) and data_key == 'where'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['selection', 'where']")
                    except (JsonSchemaValueException, JsonSchemaValuesException):
                        data_property_names = False
                if not data_property_names:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must be named by propertyName definition")
    return data

def validate_https___hkai_example_schemas_rule_file_schema_json___defs_bilingual(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['en', 'zh']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "en" in data_keys:
            data_keys.remove("en")
            data__en = data["en"]
            if not isinstance(data__en, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".en must be string")
            if isinstance(data__en, str):
                data__en_len = len(data__en)
                if data__en_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".en must be longer than or equal to 1 characters")
        if "zh" in data_keys:
            data_keys.remove("zh")
            data__zh = data["zh"]
            if not isinstance(data__zh, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".zh must be string")
            if isinstance(data__zh, str):
                data__zh_len = len(data__zh)
                if data__zh_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".zh must be longer than or equal to 1 characters")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

validate = validate_https___hkai_example_schemas_rule_file_schema_json
