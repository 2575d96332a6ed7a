"""Fixed words of the human-readable reports, in English and Traditional Chinese."""

LABELS = {
    "en": {
        "consent": "Consent", "disclosure": "Disclosure", "credit": "Credit",
        "compensation": "Compensation", "data": "Data & oversight", "integrity": "Integrity",
        "error": "error", "warning": "warning", "info": "info",
        "principle": "Principle", "level": "AI-use level", "declared": "declared", "derived": "derived",
        "fix": "Fix", "waived": "Waived findings (they do not fail the run)", "reason": "reason",
        "approved_by": "approved by", "expires": "expires", "pass": "PASS", "fail": "FAIL", "error_status": "ERROR",
        "schema_skipped": "The manifest does not match the manifest format; its rules were not evaluated.",
        "cannot_check": "could not be checked",
        "no_findings": "No findings.",
        "summary": "Checked {manifests} manifests: {passed} passed, {failed} failed, {errors} could not be read",
        "tally": "{error} errors, {warning} warnings, {info} info",
        "waived_tally": "{waived} waived",
        "rules": "rule pack {name} {version}, {count} rules",
    },
    "zh": {
        "consent": "同意", "disclosure": "披露", "credit": "署名",
        "compensation": "報酬", "data": "資料保障及監督", "integrity": "完整性",
        "error": "錯誤", "warning": "警告", "info": "提示",
        "principle": "原則", "level": "人工智能應用程度", "declared": "申報", "derived": "推算",
        "fix": "修正方法", "waived": "已豁免的結果(不影響檢查結果)", "reason": "理由",
        "approved_by": "批准者", "expires": "屆滿", "pass": "通過", "fail": "不通過", "error_status": "錯誤",
        "schema_skipped": "清單不符合格式,未有評估規則。",
        "cannot_check": "無法檢查",
        "no_findings": "沒有發現問題。",
        "summary": "已檢查 {manifests} 份清單:{passed} 份通過,{failed} 份不通過,{errors} 份無法讀取",
        "tally": "{error} 項錯誤,{warning} 項警告,{info} 項提示",
        "waived_tally": "{waived} 項已豁免",
        "rules": "規則集 {name} {version},共 {count} 條規則",
    },
}
