"""Generated from manifest-v1.schema.json by scripts/generate_validators.py: do not edit."""
# ruff: noqa
VERSION = "2.22.3"
from ._fast_support import Decimal, JsonSchemaValueException, JsonSchemaValuesException
import re


REGEX_PATTERNS = {
    '^x-': re.compile('^x-'),
    '^\\d{4}-\\d{2}-\\d{2}(?!\\n)$': re.compile('^\\d{4}-\\d{2}-\\d{2}(?!\\n)\\Z'),
    '^[a-z0-9][a-z0-9._-]*(?!\\n)$': re.compile('^[a-z0-9][a-z0-9._-]*(?!\\n)\\Z'),
    '^[0-9a-fA-F]{64}(?!\\n)$': re.compile('^[0-9a-fA-F]{64}(?!\\n)\\Z'),
    '^([A-Z]{2}|EU)(?!\\n)$': re.compile('^([A-Z]{2}|EU)(?!\\n)\\Z')
}

NoneType = type(None)

def validate_https___hkai_example_schemas_manifest_v1_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['manifest_version', 'production']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "manifest_version" in data_keys:
            data_keys.remove("manifest_version")
            data__manifestversion = data["manifest_version"]
            if not (isinstance(data__manifestversion, (int, float)) and not isinstance(data__manifestversion, bool) and data__manifestversion == 1):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".manifest_version must be one of [1]")
        if "production" in data_keys:
            data_keys.remove("production")
            data__production = data["production"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_production(data__production, custom_formats, (name_prefix or "data") + ".production")
        if "people" in data_keys:
            data_keys.remove("people")
            data__people = data["people"]
            if not isinstance(data__people, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".people must be array")
            data__people_is_list = isinstance(data__people, (list, tuple))
            if data__people_is_list:
                data__people_len = len(data__people)
                for data__people_x, data__people_item in enumerate(data__people):
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_person(data__people_item, custom_formats, (name_prefix or "data") + ".people[{data__people_x}]".format(**locals()))
        if "ai_uses" in data_keys:
            data_keys.remove("ai_uses")
            data__aiuses = data["ai_uses"]
            if not isinstance(data__aiuses, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ai_uses must be array")
            data__aiuses_is_list = isinstance(data__aiuses, (list, tuple))
            if data__aiuses_is_list:
                data__aiuses_len = len(data__aiuses)
                for data__aiuses_x, data__aiuses_item in enumerate(data__aiuses):
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_aiuse(data__aiuses_item, custom_formats, (name_prefix or "data") + ".ai_uses[{data__aiuses_x}]".format(**locals()))
        if "consents" in data_keys:
            data_keys.remove("consents")
            data__consents = data["consents"]
            if not isinstance(data__consents, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".consents must be array")
            data__consents_is_list = isinstance(data__consents, (list, tuple))
            if data__consents_is_list:
                data__consents_len = len(data__consents)
                for data__consents_x, data__consents_item in enumerate(data__consents):
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_consent(data__consents_item, custom_formats, (name_prefix or "data") + ".consents[{data__consents_x}]".format(**locals()))
        if "compensation" in data_keys:
            data_keys.remove("compensation")
            data__compensation = data["compensation"]
            if not isinstance(data__compensation, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".compensation must be array")
            data__compensation_is_list = isinstance(data__compensation, (list, tuple))
            if data__compensation_is_list:
                data__compensation_len = len(data__compensation)
                for data__compensation_x, data__compensation_item in enumerate(data__compensation):
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_compensation(data__compensation_item, custom_formats, (name_prefix or "data") + ".compensation[{data__compensation_x}]".format(**locals()))
        if "credits" in data_keys:
            data_keys.remove("credits")
            data__credits = data["credits"]
            if not isinstance(data__credits, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".credits must be array")
            data__credits_is_list = isinstance(data__credits, (list, tuple))
            if data__credits_is_list:
                data__credits_len = len(data__credits)
                for data__credits_x, data__credits_item in enumerate(data__credits):
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_credit(data__credits_item, custom_formats, (name_prefix or "data") + ".credits[{data__credits_x}]".format(**locals()))
        if "disclosures" in data_keys:
            data_keys.remove("disclosures")
            data__disclosures = data["disclosures"]
            if not isinstance(data__disclosures, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".disclosures must be array")
            data__disclosures_is_list = isinstance(data__disclosures, (list, tuple))
            if data__disclosures_is_list:
                data__disclosures_len = len(data__disclosures)
                for data__disclosures_x, data__disclosures_item in enumerate(data__disclosures):
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_disclosure(data__disclosures_item, custom_formats, (name_prefix or "data") + ".disclosures[{data__disclosures_x}]".format(**locals()))
        if "training_data" in data_keys:
            data_keys.remove("training_data")
            data__trainingdata = data["training_data"]
            if not isinstance(data__trainingdata, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".training_data must be array")
            data__trainingdata_is_list = isinstance(data__trainingdata, (list, tuple))
            if data__trainingdata_is_list:
                data__trainingdata_len = len(data__trainingdata)
                for data__trainingdata_x, data__trainingdata_item in enumerate(data__trainingdata):
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_trainingdata(data__trainingdata_item, custom_formats, (name_prefix or "data") + ".training_data[{data__trainingdata_x}]".format(**locals()))
        if "writers_room" in data_keys:
            data_keys.remove("writers_room")
            data__writersroom = data["writers_room"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_writersroom(data__writersroom, custom_formats, (name_prefix or "data") + ".writers_room")
        if "waivers" in data_keys:
            data_keys.remove("waivers")
            data__waivers = data["waivers"]
            if not isinstance(data__waivers, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".waivers must be array")
            data__waivers_is_list = isinstance(data__waivers, (list, tuple))
            if data__waivers_is_list:
                data__waivers_len = len(data__waivers)
                for data__waivers_x, data__waivers_item in enumerate(data__waivers):
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_waiver(data__waivers_item, custom_formats, (name_prefix or "data") + ".waivers[{data__waivers_x}]".format(**locals()))
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_waiver(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['rule', 'target', 'reason']) - data.keys()
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
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_text(data__reason, custom_formats, (name_prefix or "data") + ".reason")
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
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_date(data__approvedon, custom_formats, (name_prefix or "data") + ".approved_on")
        if "expires_on" in data_keys:
            data_keys.remove("expires_on")
            data__expireson = data["expires_on"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_date(data__expireson, custom_formats, (name_prefix or "data") + ".expires_on")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_date(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string")
    if isinstance(data, str):
        if not REGEX_PATTERNS['^\\d{4}-\\d{2}-\\d{2}(?!\\n)$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^\\d{4}-\\d{2}-\\d{2}(?!\\n)$")
        if not custom_formats["date"](data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be date")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_text(data, custom_formats={}, name_prefix=None):
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

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_writersroom(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "ai_material_given_to_writers" in data_keys:
            data_keys.remove("ai_material_given_to_writers")
            data__aimaterialgiventowriters = data["ai_material_given_to_writers"]
            if not isinstance(data__aimaterialgiventowriters, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ai_material_given_to_writers must be boolean")
        if "disclosed_to_writers" in data_keys:
            data_keys.remove("disclosed_to_writers")
            data__disclosedtowriters = data["disclosed_to_writers"]
            data__disclosedtowriters_any_of_count2 = 0
            if not data__disclosedtowriters_any_of_count2:
                try:
                    if not isinstance(data__disclosedtowriters, (bool)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".disclosed_to_writers must be boolean")
                    data__disclosedtowriters_any_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__disclosedtowriters_any_of_count2:
                try:
                    if not isinstance(data__disclosedtowriters, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".disclosed_to_writers must be null")
                    data__disclosedtowriters_any_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__disclosedtowriters_any_of_count2:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".disclosed_to_writers cannot be validated by any definition")
        if "writers_required_to_use_ai" in data_keys:
            data_keys.remove("writers_required_to_use_ai")
            data__writersrequiredtouseai = data["writers_required_to_use_ai"]
            if not isinstance(data__writersrequiredtouseai, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".writers_required_to_use_ai must be boolean")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_trainingdata(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'source']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_text(data__description, custom_formats, (name_prefix or "data") + ".description")
        if "source" in data_keys:
            data_keys.remove("source")
            data__source = data["source"]
            if not (isinstance(data__source, str) and data__source == 'own_footage' or isinstance(data__source, str) and data__source == 'licensed' or isinstance(data__source, str) and data__source == 'public_domain' or isinstance(data__source, str) and data__source == 'vendor_model' or isinstance(data__source, str) and data__source == 'scraped' or isinstance(data__source, str) and data__source == 'unknown'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must be one of ['own_footage', 'licensed', 'public_domain', 'vendor_model', 'scraped', 'unknown']")
        if "license" in data_keys:
            data_keys.remove("license")
            data__license = data["license"]
            data__license_any_of_count3 = 0
            if not data__license_any_of_count3:
                try:
                    if not isinstance(data__license, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".license must be string")
                    if isinstance(data__license, str):
                        data__license_len = len(data__license)
                        if data__license_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".license must be longer than or equal to 1 characters")
                    data__license_any_of_count3 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__license_any_of_count3:
                try:
                    if not isinstance(data__license, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".license must be null")
                    data__license_any_of_count3 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__license_any_of_count3:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".license cannot be validated by any definition")
        if "contains_personal_data" in data_keys:
            data_keys.remove("contains_personal_data")
            data__containspersonaldata = data["contains_personal_data"]
            if not isinstance(data__containspersonaldata, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".contains_personal_data must be boolean")
        if "subjects" in data_keys:
            data_keys.remove("subjects")
            data__subjects = data["subjects"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_refs(data__subjects, custom_formats, (name_prefix or "data") + ".subjects")
        if "consent_refs" in data_keys:
            data_keys.remove("consent_refs")
            data__consentrefs = data["consent_refs"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_refs(data__consentrefs, custom_formats, (name_prefix or "data") + ".consent_refs")
        if "retention" in data_keys:
            data_keys.remove("retention")
            data__retention = data["retention"]
            if not isinstance(data__retention, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".retention must be object")
            data__retention_is_dict = isinstance(data__retention, dict)
            if data__retention_is_dict:
                data__retention_keys = set(data__retention.keys())
                if "delete_by" in data__retention_keys:
                    data__retention_keys.remove("delete_by")
                    data__retention__deleteby = data__retention["delete_by"]
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_date(data__retention__deleteby, custom_formats, (name_prefix or "data") + ".retention.delete_by")
                for data__retention_key, data__retention_val in data__retention.items():
                    if REGEX_PATTERNS['^x-'].search(data__retention_key):
                        if data__retention_key in data__retention_keys:
                            data__retention_keys.remove(data__retention_key)
                if data__retention_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".retention must not contain "+str(data__retention_keys)+" properties")
        if "paid_engagement" in data_keys:
            data_keys.remove("paid_engagement")
            data__paidengagement = data["paid_engagement"]
            if not isinstance(data__paidengagement, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".paid_engagement must be boolean")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_refs(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array")
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_ref(data_item, custom_formats, (name_prefix or "data") + "[{data_x}]".format(**locals()))
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_ref(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string")
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be longer than or equal to 1 characters")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_id(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string")
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 200:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be shorter than or equal to 200 characters")
        if not REGEX_PATTERNS['^[a-z0-9][a-z0-9._-]*(?!\\n)$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[a-z0-9][a-z0-9._-]*(?!\\n)$")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_disclosure(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'audience', 'channel', 'covers']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "audience" in data_keys:
            data_keys.remove("audience")
            data__audience = data["audience"]
            if not (isinstance(data__audience, str) and data__audience == 'public' or isinstance(data__audience, str) and data__audience == 'performers' or isinstance(data__audience, str) and data__audience == 'writers' or isinstance(data__audience, str) and data__audience == 'distributor' or isinstance(data__audience, str) and data__audience == 'regulator'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".audience must be one of ['public', 'performers', 'writers', 'distributor', 'regulator']")
        if "channel" in data_keys:
            data_keys.remove("channel")
            data__channel = data["channel"]
            if not (isinstance(data__channel, str) and data__channel == 'on_screen_label' or isinstance(data__channel, str) and data__channel == 'opening_card' or isinstance(data__channel, str) and data__channel == 'end_credits' or isinstance(data__channel, str) and data__channel == 'promo_materials' or isinstance(data__channel, str) and data__channel == 'platform_metadata' or isinstance(data__channel, str) and data__channel == 'content_credentials' or isinstance(data__channel, str) and data__channel == 'press_release' or isinstance(data__channel, str) and data__channel == 'contract_notice'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".channel must be one of ['on_screen_label', 'opening_card', 'end_credits', 'promo_materials', 'platform_metadata', 'content_credentials', 'press_release', 'contract_notice']")
        if "languages" in data_keys:
            data_keys.remove("languages")
            data__languages = data["languages"]
            if not isinstance(data__languages, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".languages must be array")
            data__languages_is_list = isinstance(data__languages, (list, tuple))
            if data__languages_is_list:
                data__languages_len = len(data__languages)
                for data__languages_x, data__languages_item in enumerate(data__languages):
                    if not isinstance(data__languages_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".languages[{data__languages_x}]".format(**locals()) + " must be string")
                    if isinstance(data__languages_item, str):
                        data__languages_item_len = len(data__languages_item)
                        if data__languages_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".languages[{data__languages_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_text(data__text, custom_formats, (name_prefix or "data") + ".text")
        if "covers" in data_keys:
            data_keys.remove("covers")
            data__covers = data["covers"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_refs(data__covers, custom_formats, (name_prefix or "data") + ".covers")
        if "digital_source_type" in data_keys:
            data_keys.remove("digital_source_type")
            data__digitalsourcetype = data["digital_source_type"]
            if not isinstance(data__digitalsourcetype, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".digital_source_type must be string")
            if isinstance(data__digitalsourcetype, str):
                data__digitalsourcetype_len = len(data__digitalsourcetype)
                if data__digitalsourcetype_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".digital_source_type must be longer than or equal to 1 characters")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_credit(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['role']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "role" in data_keys:
            data_keys.remove("role")
            data__role = data["role"]
            if not (isinstance(data__role, str) and data__role == 'screenplay' or isinstance(data__role, str) and data__role == 'story' or isinstance(data__role, str) and data__role == 'director' or isinstance(data__role, str) and data__role == 'performer' or isinstance(data__role, str) and data__role == 'voice' or isinstance(data__role, str) and data__role == 'mocap' or isinstance(data__role, str) and data__role == 'animation' or isinstance(data__role, str) and data__role == 'vfx' or isinstance(data__role, str) and data__role == 'music' or isinstance(data__role, str) and data__role == 'ai_tools' or isinstance(data__role, str) and data__role == 'synthetic_performer' or isinstance(data__role, str) and data__role == 'other'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".role must be one of ['screenplay', 'story', 'director', 'performer', 'voice', 'mocap', 'animation', 'vfx', 'music', 'ai_tools', 'synthetic_performer', 'other']")
        if "people" in data_keys:
            data_keys.remove("people")
            data__people = data["people"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_refs(data__people, custom_formats, (name_prefix or "data") + ".people")
        if "tools" in data_keys:
            data_keys.remove("tools")
            data__tools = data["tools"]
            if not isinstance(data__tools, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".tools must be array")
            data__tools_is_list = isinstance(data__tools, (list, tuple))
            if data__tools_is_list:
                data__tools_len = len(data__tools)
                for data__tools_x, data__tools_item in enumerate(data__tools):
                    if not isinstance(data__tools_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".tools[{data__tools_x}]".format(**locals()) + " must be string")
                    if isinstance(data__tools_item, str):
                        data__tools_item_len = len(data__tools_item)
                        if data__tools_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".tools[{data__tools_x}]".format(**locals()) + " must be longer than or equal to 1 characters")
        if "names" in data_keys:
            data_keys.remove("names")
            data__names = data["names"]
            if not isinstance(data__names, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".names must be array")
            data__names_is_list = isinstance(data__names, (list, tuple))
            if data__names_is_list:
                data__names_len = len(data__names)
                for data__names_x, data__names_item in enumerate(data__names):
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_text(data__names_item, custom_formats, (name_prefix or "data") + ".names[{data__names_x}]".format(**locals()))
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_compensation(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'person', 'for', 'basis']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "person" in data_keys:
            data_keys.remove("person")
            data__person = data["person"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_ref(data__person, custom_formats, (name_prefix or "data") + ".person")
        if "for" in data_keys:
            data_keys.remove("for")
            data__for = data["for"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_refs(data__for, custom_formats, (name_prefix or "data") + ".for")
        if "basis" in data_keys:
            data_keys.remove("basis")
            data__basis = data["basis"]
            if not (isinstance(data__basis, str) and data__basis == 'per_use' or isinstance(data__basis, str) and data__basis == 'session_fee' or isinstance(data__basis, str) and data__basis == 'royalty' or isinstance(data__basis, str) and data__basis == 'buyout' or isinstance(data__basis, str) and data__basis == 'none'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".basis must be one of ['per_use', 'session_fee', 'royalty', 'buyout', 'none']")
        if "amount" in data_keys:
            data_keys.remove("amount")
            data__amount = data["amount"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_money(data__amount, custom_formats, (name_prefix or "data") + ".amount")
        if "agreed_on" in data_keys:
            data_keys.remove("agreed_on")
            data__agreedon = data["agreed_on"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_date(data__agreedon, custom_formats, (name_prefix or "data") + ".agreed_on")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_money(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['value']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "value" in data_keys:
            data_keys.remove("value")
            data__value = data["value"]
            if not isinstance(data__value, (int, float, Decimal)) or isinstance(data__value, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".value must be number")
            if isinstance(data__value, (int, float, Decimal)) and not isinstance(data__value, bool):
                if data__value < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".value must be bigger than or equal to 0")
        if "currency" in data_keys:
            data_keys.remove("currency")
            data__currency = data["currency"]
            if not isinstance(data__currency, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".currency must be string")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_consent(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'person', 'given_by', 'signed_on', 'covers']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "person" in data_keys:
            data_keys.remove("person")
            data__person = data["person"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_ref(data__person, custom_formats, (name_prefix or "data") + ".person")
        if "given_by" in data_keys:
            data_keys.remove("given_by")
            data__givenby = data["given_by"]
            if not (isinstance(data__givenby, str) and data__givenby == 'self' or isinstance(data__givenby, str) and data__givenby == 'guardian' or isinstance(data__givenby, str) and data__givenby == 'estate'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".given_by must be one of ['self', 'guardian', 'estate']")
        if "signed_on" in data_keys:
            data_keys.remove("signed_on")
            data__signedon = data["signed_on"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_date(data__signedon, custom_formats, (name_prefix or "data") + ".signed_on")
        if "expires_on" in data_keys:
            data_keys.remove("expires_on")
            data__expireson = data["expires_on"]
            data__expireson_any_of_count4 = 0
            if not data__expireson_any_of_count4:
                try:
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_date(data__expireson, custom_formats, (name_prefix or "data") + ".expires_on")
                    data__expireson_any_of_count4 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__expireson_any_of_count4:
                try:
                    if not isinstance(data__expireson, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".expires_on must be null")
                    data__expireson_any_of_count4 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__expireson_any_of_count4:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".expires_on cannot be validated by any definition")
        if "covers" in data_keys:
            data_keys.remove("covers")
            data__covers = data["covers"]
            if not isinstance(data__covers, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".covers must be array")
            data__covers_is_list = isinstance(data__covers, (list, tuple))
            if data__covers_is_list:
                data__covers_len = len(data__covers)
                for data__covers_x, data__covers_item in enumerate(data__covers):
                    if not (isinstance(data__covers_item, str) and data__covers_item == 'accent_correction' or isinstance(data__covers_item, str) and data__covers_item == 'voice_enhancement' or isinstance(data__covers_item, str) and data__covers_item == 'restoration' or isinstance(data__covers_item, str) and data__covers_item == 'colour_grading' or isinstance(data__covers_item, str) and data__covers_item == 'cleanup' or isinstance(data__covers_item, str) and data__covers_item == 'translation_subtitles' or isinstance(data__covers_item, str) and data__covers_item == 'de_ageing' or isinstance(data__covers_item, str) and data__covers_item == 'face_replacement' or isinstance(data__covers_item, str) and data__covers_item == 'voice_clone' or isinstance(data__covers_item, str) and data__covers_item == 'digital_replica' or isinstance(data__covers_item, str) and data__covers_item == 'performance_generation' or isinstance(data__covers_item, str) and data__covers_item == 'dubbing_voice_synthesis' or isinstance(data__covers_item, str) and data__covers_item == 'likeness_alteration' or isinstance(data__covers_item, str) and data__covers_item == 'synthetic_performer' or isinstance(data__covers_item, str) and data__covers_item == 'generated_footage' or isinstance(data__covers_item, str) and data__covers_item == 'generated_music' or isinstance(data__covers_item, str) and data__covers_item == 'generated_script' or isinstance(data__covers_item, str) and data__covers_item == 'virtual_idol' or isinstance(data__covers_item, str) and data__covers_item == 'other' or isinstance(data__covers_item, str) and data__covers_item == 'training' or isinstance(data__covers_item, str) and data__covers_item == 'intimate_content'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".covers[{data__covers_x}]".format(**locals()) + " must be one of ['accent_correction', 'voice_enhancement', 'restoration', 'colour_grading', 'cleanup', 'translation_subtitles', 'de_ageing', 'face_replacement', 'voice_clone', 'digital_replica', 'performance_generation', 'dubbing_voice_synthesis', 'likeness_alteration', 'synthetic_performer', 'generated_footage', 'generated_music', 'generated_script', 'virtual_idol', 'other', 'training', 'intimate_content']")
        if "intended_use" in data_keys:
            data_keys.remove("intended_use")
            data__intendeduse = data["intended_use"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_text(data__intendeduse, custom_formats, (name_prefix or "data") + ".intended_use")
        if "separate_from_other_terms" in data_keys:
            data_keys.remove("separate_from_other_terms")
            data__separatefromotherterms = data["separate_from_other_terms"]
            if not isinstance(data__separatefromotherterms, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".separate_from_other_terms must be boolean")
        if "informed" in data_keys:
            data_keys.remove("informed")
            data__informed = data["informed"]
            if not isinstance(data__informed, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".informed must be boolean")
        if "revoked_on" in data_keys:
            data_keys.remove("revoked_on")
            data__revokedon = data["revoked_on"]
            data__revokedon_any_of_count5 = 0
            if not data__revokedon_any_of_count5:
                try:
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_date(data__revokedon, custom_formats, (name_prefix or "data") + ".revoked_on")
                    data__revokedon_any_of_count5 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__revokedon_any_of_count5:
                try:
                    if not isinstance(data__revokedon, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".revoked_on must be null")
                    data__revokedon_any_of_count5 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__revokedon_any_of_count5:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".revoked_on cannot be validated by any definition")
        if "document" in data_keys:
            data_keys.remove("document")
            data__document = data["document"]
            if not isinstance(data__document, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".document must be object")
            data__document_is_dict = isinstance(data__document, dict)
            if data__document_is_dict:
                data__document__missing_keys = set(['ref']) - data__document.keys()
                if data__document__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".document must contain ")
                data__document_keys = set(data__document.keys())
                if "ref" in data__document_keys:
                    data__document_keys.remove("ref")
                    data__document__ref = data__document["ref"]
                    if not isinstance(data__document__ref, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".document.ref must be string")
                    if isinstance(data__document__ref, str):
                        data__document__ref_len = len(data__document__ref)
                        if data__document__ref_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".document.ref must be longer than or equal to 1 characters")
                if "sha256" in data__document_keys:
                    data__document_keys.remove("sha256")
                    data__document__sha256 = data__document["sha256"]
                    data__document__sha256_any_of_count6 = 0
                    if not data__document__sha256_any_of_count6:
                        try:
                            if not isinstance(data__document__sha256, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".document.sha256 must be string")
                            if isinstance(data__document__sha256, str):
                                if not REGEX_PATTERNS['^[0-9a-fA-F]{64}(?!\\n)$'].search(data__document__sha256):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".document.sha256 must match pattern ^[0-9a-fA-F]{64}(?!\\n)$")
                            data__document__sha256_any_of_count6 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__document__sha256_any_of_count6:
                        try:
                            if not isinstance(data__document__sha256, (NoneType)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".document.sha256 must be null")
                            data__document__sha256_any_of_count6 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__document__sha256_any_of_count6:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".document.sha256 cannot be validated by any definition")
                for data__document_key, data__document_val in data__document.items():
                    if REGEX_PATTERNS['^x-'].search(data__document_key):
                        if data__document_key in data__document_keys:
                            data__document_keys.remove(data__document_key)
                if data__document_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".document must not contain "+str(data__document_keys)+" properties")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_aiuse(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'kind']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_kind(data__kind, custom_formats, (name_prefix or "data") + ".kind")
        if "level" in data_keys:
            data_keys.remove("level")
            data__level = data["level"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_level(data__level, custom_formats, (name_prefix or "data") + ".level")
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_text(data__description, custom_formats, (name_prefix or "data") + ".description")
        if "tools" in data_keys:
            data_keys.remove("tools")
            data__tools = data["tools"]
            if not isinstance(data__tools, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".tools must be array")
            data__tools_is_list = isinstance(data__tools, (list, tuple))
            if data__tools_is_list:
                data__tools_len = len(data__tools)
                for data__tools_x, data__tools_item in enumerate(data__tools):
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_tool(data__tools_item, custom_formats, (name_prefix or "data") + ".tools[{data__tools_x}]".format(**locals()))
        if "subjects" in data_keys:
            data_keys.remove("subjects")
            data__subjects = data["subjects"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_refs(data__subjects, custom_formats, (name_prefix or "data") + ".subjects")
        if "scope" in data_keys:
            data_keys.remove("scope")
            data__scope = data["scope"]
            if not isinstance(data__scope, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".scope must be object")
        if "consent_refs" in data_keys:
            data_keys.remove("consent_refs")
            data__consentrefs = data["consent_refs"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_refs(data__consentrefs, custom_formats, (name_prefix or "data") + ".consent_refs")
        if "compensation_refs" in data_keys:
            data_keys.remove("compensation_refs")
            data__compensationrefs = data["compensation_refs"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_refs(data__compensationrefs, custom_formats, (name_prefix or "data") + ".compensation_refs")
        if "training_data_refs" in data_keys:
            data_keys.remove("training_data_refs")
            data__trainingdatarefs = data["training_data_refs"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_refs(data__trainingdatarefs, custom_formats, (name_prefix or "data") + ".training_data_refs")
        if "disclosure_refs" in data_keys:
            data_keys.remove("disclosure_refs")
            data__disclosurerefs = data["disclosure_refs"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_refs(data__disclosurerefs, custom_formats, (name_prefix or "data") + ".disclosure_refs")
        if "human_oversight" in data_keys:
            data_keys.remove("human_oversight")
            data__humanoversight = data["human_oversight"]
            if not isinstance(data__humanoversight, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".human_oversight must be object")
            data__humanoversight_is_dict = isinstance(data__humanoversight, dict)
            if data__humanoversight_is_dict:
                data__humanoversight__missing_keys = set(['reviewer']) - data__humanoversight.keys()
                if data__humanoversight__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".human_oversight must contain ")
                data__humanoversight_keys = set(data__humanoversight.keys())
                if "reviewer" in data__humanoversight_keys:
                    data__humanoversight_keys.remove("reviewer")
                    data__humanoversight__reviewer = data__humanoversight["reviewer"]
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_ref(data__humanoversight__reviewer, custom_formats, (name_prefix or "data") + ".human_oversight.reviewer")
                if "reviewed_on" in data__humanoversight_keys:
                    data__humanoversight_keys.remove("reviewed_on")
                    data__humanoversight__reviewedon = data__humanoversight["reviewed_on"]
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_date(data__humanoversight__reviewedon, custom_formats, (name_prefix or "data") + ".human_oversight.reviewed_on")
                for data__humanoversight_key, data__humanoversight_val in data__humanoversight.items():
                    if REGEX_PATTERNS['^x-'].search(data__humanoversight_key):
                        if data__humanoversight_key in data__humanoversight_keys:
                            data__humanoversight_keys.remove(data__humanoversight_key)
                if data__humanoversight_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".human_oversight must not contain "+str(data__humanoversight_keys)+" properties")
        if "within_script" in data_keys:
            data_keys.remove("within_script")
            data__withinscript = data["within_script"]
            if not isinstance(data__withinscript, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".within_script must be boolean")
        if "resembles" in data_keys:
            data_keys.remove("resembles")
            data__resembles = data["resembles"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_refs(data__resembles, custom_formats, (name_prefix or "data") + ".resembles")
        if "intimate_content" in data_keys:
            data_keys.remove("intimate_content")
            data__intimatecontent = data["intimate_content"]
            if not isinstance(data__intimatecontent, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".intimate_content must be boolean")
        if "character" in data_keys:
            data_keys.remove("character")
            data__character = data["character"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_text(data__character, custom_formats, (name_prefix or "data") + ".character")
        if "union_notice_on" in data_keys:
            data_keys.remove("union_notice_on")
            data__unionnoticeon = data["union_notice_on"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_date(data__unionnoticeon, custom_formats, (name_prefix or "data") + ".union_notice_on")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['kind']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
            data_keys = set(data.keys())
            if "kind" in data_keys:
                data_keys.remove("kind")
                data__kind = data["kind"]
                if not (isinstance(data__kind, str) and data__kind == 'other'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['other']")
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['level']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_tool(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name']) - data.keys()
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
        if "vendor" in data_keys:
            data_keys.remove("vendor")
            data__vendor = data["vendor"]
            if not isinstance(data__vendor, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".vendor must be string")
        if "version" in data_keys:
            data_keys.remove("version")
            data__version = data["version"]
            if not isinstance(data__version, (str, int, float, Decimal)) or isinstance(data__version, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".version must be string or number")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_level(data, custom_formats={}, name_prefix=None):
    if not (isinstance(data, str) and data == 'low' or isinstance(data, str) and data == 'medium' or isinstance(data, str) and data == 'high'):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['low', 'medium', 'high']")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_kind(data, custom_formats={}, name_prefix=None):
    if not (isinstance(data, str) and data == 'accent_correction' or isinstance(data, str) and data == 'voice_enhancement' or isinstance(data, str) and data == 'restoration' or isinstance(data, str) and data == 'colour_grading' or isinstance(data, str) and data == 'cleanup' or isinstance(data, str) and data == 'translation_subtitles' or isinstance(data, str) and data == 'de_ageing' or isinstance(data, str) and data == 'face_replacement' or isinstance(data, str) and data == 'voice_clone' or isinstance(data, str) and data == 'digital_replica' or isinstance(data, str) and data == 'performance_generation' or isinstance(data, str) and data == 'dubbing_voice_synthesis' or isinstance(data, str) and data == 'likeness_alteration' or isinstance(data, str) and data == 'synthetic_performer' or isinstance(data, str) and data == 'generated_footage' or isinstance(data, str) and data == 'generated_music' or isinstance(data, str) and data == 'generated_script' or isinstance(data, str) and data == 'virtual_idol' or isinstance(data, str) and data == 'other'):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['accent_correction', 'voice_enhancement', 'restoration', 'colour_grading', 'cleanup', 'translation_subtitles', 'de_ageing', 'face_replacement', 'voice_clone', 'digital_replica', 'performance_generation', 'dubbing_voice_synthesis', 'likeness_alteration', 'synthetic_performer', 'generated_footage', 'generated_music', 'generated_script', 'virtual_idol', 'other']")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_person(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_text(data__name, custom_formats, (name_prefix or "data") + ".name")
        if "roles" in data_keys:
            data_keys.remove("roles")
            data__roles = data["roles"]
            if not isinstance(data__roles, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".roles must be array")
            data__roles_is_list = isinstance(data__roles, (list, tuple))
            if data__roles_is_list:
                data__roles_len = len(data__roles)
                for data__roles_x, data__roles_item in enumerate(data__roles):
                    if not (isinstance(data__roles_item, str) and data__roles_item == 'performer' or isinstance(data__roles_item, str) and data__roles_item == 'voice_actor' or isinstance(data__roles_item, str) and data__roles_item == 'mocap_performer' or isinstance(data__roles_item, str) and data__roles_item == 'writer' or isinstance(data__roles_item, str) and data__roles_item == 'director' or isinstance(data__roles_item, str) and data__roles_item == 'producer' or isinstance(data__roles_item, str) and data__roles_item == 'animator' or isinstance(data__roles_item, str) and data__roles_item == 'vfx_artist' or isinstance(data__roles_item, str) and data__roles_item == 'composer' or isinstance(data__roles_item, str) and data__roles_item == 'crew' or isinstance(data__roles_item, str) and data__roles_item == 'data_subject' or isinstance(data__roles_item, str) and data__roles_item == 'other'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".roles[{data__roles_x}]".format(**locals()) + " must be one of ['performer', 'voice_actor', 'mocap_performer', 'writer', 'director', 'producer', 'animator', 'vfx_artist', 'composer', 'crew', 'data_subject', 'other']")
        if "union_member" in data_keys:
            data_keys.remove("union_member")
            data__unionmember = data["union_member"]
            if not isinstance(data__unionmember, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".union_member must be boolean")
        if "minor" in data_keys:
            data_keys.remove("minor")
            data__minor = data["minor"]
            if not isinstance(data__minor, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".minor must be boolean")
        if "deceased" in data_keys:
            data_keys.remove("deceased")
            data__deceased = data["deceased"]
            if not isinstance(data__deceased, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".deceased must be boolean")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

def validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_production(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'type', 'release_date', 'ai_use_level']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain ")
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_text(data__title, custom_formats, (name_prefix or "data") + ".title")
        if "type" in data_keys:
            data_keys.remove("type")
            data__type = data["type"]
            if not (isinstance(data__type, str) and data__type == 'feature_film' or isinstance(data__type, str) and data__type == 'tv_series' or isinstance(data__type, str) and data__type == 'short_drama' or isinstance(data__type, str) and data__type == 'animation' or isinstance(data__type, str) and data__type == 'commercial' or isinstance(data__type, str) and data__type == 'music_video' or isinstance(data__type, str) and data__type == 'documentary' or isinstance(data__type, str) and data__type == 'game_cinematic' or isinstance(data__type, str) and data__type == 'other'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".type must be one of ['feature_film', 'tv_series', 'short_drama', 'animation', 'commercial', 'music_video', 'documentary', 'game_cinematic', 'other']")
        if "company" in data_keys:
            data_keys.remove("company")
            data__company = data["company"]
            if not isinstance(data__company, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".company must be string")
            if isinstance(data__company, str):
                data__company_len = len(data__company)
                if data__company_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".company must be longer than or equal to 1 characters")
        if "jurisdictions" in data_keys:
            data_keys.remove("jurisdictions")
            data__jurisdictions = data["jurisdictions"]
            if not isinstance(data__jurisdictions, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".jurisdictions must be array")
            data__jurisdictions_is_list = isinstance(data__jurisdictions, (list, tuple))
            if data__jurisdictions_is_list:
                data__jurisdictions_len = len(data__jurisdictions)
                for data__jurisdictions_x, data__jurisdictions_item in enumerate(data__jurisdictions):
                    if not isinstance(data__jurisdictions_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".jurisdictions[{data__jurisdictions_x}]".format(**locals()) + " must be string")
                    if isinstance(data__jurisdictions_item, str):
                        if not REGEX_PATTERNS['^([A-Z]{2}|EU)(?!\\n)$'].search(data__jurisdictions_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".jurisdictions[{data__jurisdictions_x}]".format(**locals()) + " must match pattern ^([A-Z]{2}|EU)(?!\\n)$")
        if "release_date" in data_keys:
            data_keys.remove("release_date")
            data__releasedate = data["release_date"]
            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_date(data__releasedate, custom_formats, (name_prefix or "data") + ".release_date")
        if "distribution" in data_keys:
            data_keys.remove("distribution")
            data__distribution = data["distribution"]
            if not isinstance(data__distribution, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".distribution must be array")
            data__distribution_is_list = isinstance(data__distribution, (list, tuple))
            if data__distribution_is_list:
                data__distribution_len = len(data__distribution)
                for data__distribution_x, data__distribution_item in enumerate(data__distribution):
                    if not (isinstance(data__distribution_item, str) and data__distribution_item == 'cinema' or isinstance(data__distribution_item, str) and data__distribution_item == 'broadcast' or isinstance(data__distribution_item, str) and data__distribution_item == 'streaming' or isinstance(data__distribution_item, str) and data__distribution_item == 'social_media' or isinstance(data__distribution_item, str) and data__distribution_item == 'festival' or isinstance(data__distribution_item, str) and data__distribution_item == 'other'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".distribution[{data__distribution_x}]".format(**locals()) + " must be one of ['cinema', 'broadcast', 'streaming', 'social_media', 'festival', 'other']")
        if "ai_use_level" in data_keys:
            data_keys.remove("ai_use_level")
            data__aiuselevel = data["ai_use_level"]
            if not (isinstance(data__aiuselevel, str) and data__aiuselevel == 'none' or isinstance(data__aiuselevel, str) and data__aiuselevel == 'low' or isinstance(data__aiuselevel, str) and data__aiuselevel == 'medium' or isinstance(data__aiuselevel, str) and data__aiuselevel == 'high'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".ai_use_level must be one of ['none', 'low', 'medium', 'high']")
        if "compliance_contact" in data_keys:
            data_keys.remove("compliance_contact")
            data__compliancecontact = data["compliance_contact"]
            if not isinstance(data__compliancecontact, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".compliance_contact must be object")
            data__compliancecontact_is_dict = isinstance(data__compliancecontact, dict)
            if data__compliancecontact_is_dict:
                data__compliancecontact_keys = set(data__compliancecontact.keys())
                if "name" in data__compliancecontact_keys:
                    data__compliancecontact_keys.remove("name")
                    data__compliancecontact__name = data__compliancecontact["name"]
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_text(data__compliancecontact__name, custom_formats, (name_prefix or "data") + ".compliance_contact.name")
                if "email" in data__compliancecontact_keys:
                    data__compliancecontact_keys.remove("email")
                    data__compliancecontact__email = data__compliancecontact["email"]
                    if not isinstance(data__compliancecontact__email, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".compliance_contact.email must be string")
                    if isinstance(data__compliancecontact__email, str):
                        if not custom_formats["email"](data__compliancecontact__email):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".compliance_contact.email must be email")
                for data__compliancecontact_key, data__compliancecontact_val in data__compliancecontact.items():
                    if REGEX_PATTERNS['^x-'].search(data__compliancecontact_key):
                        if data__compliancecontact_key in data__compliancecontact_keys:
                            data__compliancecontact_keys.remove(data__compliancecontact_key)
                if data__compliancecontact_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".compliance_contact must not contain "+str(data__compliancecontact_keys)+" properties")
        if "privacy_impact_assessment" in data_keys:
            data_keys.remove("privacy_impact_assessment")
            data__privacyimpactassessment = data["privacy_impact_assessment"]
            if not isinstance(data__privacyimpactassessment, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".privacy_impact_assessment must be object")
            data__privacyimpactassessment_is_dict = isinstance(data__privacyimpactassessment, dict)
            if data__privacyimpactassessment_is_dict:
                data__privacyimpactassessment__missing_keys = set(['done_on']) - data__privacyimpactassessment.keys()
                if data__privacyimpactassessment__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".privacy_impact_assessment must contain ")
                data__privacyimpactassessment_keys = set(data__privacyimpactassessment.keys())
                if "done_on" in data__privacyimpactassessment_keys:
                    data__privacyimpactassessment_keys.remove("done_on")
                    data__privacyimpactassessment__doneon = data__privacyimpactassessment["done_on"]
                    validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_date(data__privacyimpactassessment__doneon, custom_formats, (name_prefix or "data") + ".privacy_impact_assessment.done_on")
                for data__privacyimpactassessment_key, data__privacyimpactassessment_val in data__privacyimpactassessment.items():
                    if REGEX_PATTERNS['^x-'].search(data__privacyimpactassessment_key):
                        if data__privacyimpactassessment_key in data__privacyimpactassessment_keys:
                            data__privacyimpactassessment_keys.remove(data__privacyimpactassessment_key)
                if data__privacyimpactassessment_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".privacy_impact_assessment must not contain "+str(data__privacyimpactassessment_keys)+" properties")
        if "funding" in data_keys:
            data_keys.remove("funding")
            data__funding = data["funding"]
            if not isinstance(data__funding, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".funding must be array")
            data__funding_is_list = isinstance(data__funding, (list, tuple))
            if data__funding_is_list:
                data__funding_len = len(data__funding)
                for data__funding_x, data__funding_item in enumerate(data__funding):
                    if not isinstance(data__funding_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".funding[{data__funding_x}]".format(**locals()) + " must be object")
                    data__funding_item_is_dict = isinstance(data__funding_item, dict)
                    if data__funding_item_is_dict:
                        data__funding_item_keys = set(data__funding_item.keys())
                        if "programme" in data__funding_item_keys:
                            data__funding_item_keys.remove("programme")
                            data__funding_item__programme = data__funding_item["programme"]
                            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_text(data__funding_item__programme, custom_formats, (name_prefix or "data") + ".funding[{data__funding_x}].programme".format(**locals()))
                        if "amount" in data__funding_item_keys:
                            data__funding_item_keys.remove("amount")
                            data__funding_item__amount = data__funding_item["amount"]
                            validate_https___hkai_example_schemas_manifest_v1_schema_json___defs_money(data__funding_item__amount, custom_formats, (name_prefix or "data") + ".funding[{data__funding_x}].amount".format(**locals()))
                        for data__funding_item_key, data__funding_item_val in data__funding_item.items():
                            if REGEX_PATTERNS['^x-'].search(data__funding_item_key):
                                if data__funding_item_key in data__funding_item_keys:
                                    data__funding_item_keys.remove(data__funding_item_key)
                        if data__funding_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".funding[{data__funding_x}]".format(**locals()) + " must not contain "+str(data__funding_item_keys)+" properties")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties")
    return data

validate = validate_https___hkai_example_schemas_manifest_v1_schema_json
