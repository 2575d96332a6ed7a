"""Reviewer-issued waivers (--waivers, --trusted-waivers-only) and evidence (--verify-evidence)."""

import hashlib
import json
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from checker.evaluation import evidence
from conftest import MINIMAL, TODAY, hkai, hkai_json, unwrapped

# Two English-only public disclosures: two DIS-003 warnings, on targets d-1 and d-2.
MANIFEST = MINIMAL + """\
disclosures:
  - {id: d-1, audience: public, channel: end_credits, covers: [], languages: [en], text: Made with AI}
  - {id: d-2, audience: public, channel: press_release, covers: [], languages: [en], text: Made with AI}
waivers:
  - {rule: DIS-003, target: d-1, reason: We think English is enough, approved_by: The producer}
"""

WAIVERS = """\
issued_by: Example Film Association review panel
waivers:
  - rule: DIS-003
    production: demo
    target: d-2
    reason: Press release for an overseas festival only.
    approved_by: Review panel
    approved_on: 2026-10-01
    expires_on: 2027-10-01
  - rule: DIS-003
    production: demo
    target: d-1
    reason: Old exception.
    approved_by: Review panel
    approved_on: 2025-01-01
    expires_on: 2025-12-31
  - {rule: NOPE-001, production: demo, target: d-1, reason: Typo, approved_by: Review panel, approved_on: 2026-10-01}
  - {rule: DIS-003, production: demo, target: d-9, reason: Wrong id, approved_by: Review panel, approved_on: 2026-10-01}
  - {rule: CON-001, production: demo, target: "*", reason: Nothing to waive, approved_by: Review panel,
     approved_on: 2026-10-01}
"""


def findings_by_target(report):
    return {f["target"]: f for f in report["manifests"][0]["findings"] if f["rule"] == "DIS-003"}


def test_reviewer_waivers_and_manifest_waivers_together(write_manifest, tmp_path):
    path = write_manifest(MANIFEST)
    (tmp_path / "waivers.yaml").write_text(WAIVERS)
    code, report = hkai_json(str(path), "--waivers", str(tmp_path / "waivers.yaml"), "--fail-on", "warning")
    dis = findings_by_target(report)
    assert dis["d-2"]["waived"] and dis["d-2"]["waiver"]["source"] == "reviewer"
    assert dis["d-1"]["waived"] and dis["d-1"]["waiver"]["source"] == "manifest"
    # The waivers file is reported on as a document of its own, located line by line.
    (review,) = report["waivers_files"]
    problems = {(f["rule"], f["line"], f["severity"]) for f in review["findings"]}
    assert problems == {("INT-004", 10, "warning"), ("INT-003", 17, "error"), ("INT-003", 18, "error"),
                        ("INT-008", 19, "info")}
    assert any("expired on 2025-12-31" in f["message"] for f in review["findings"])
    assert any("record d-9, which is not in production demo" in f["message"] for f in review["findings"])
    assert code == 1  # the waivers file has errors


def test_a_waivers_file_has_its_own_summary_line_and_is_not_counted_as_a_manifest(write_manifest, tmp_path):
    write_manifest(MANIFEST, "submissions/demo/manifest.yaml")
    (tmp_path / "submissions" / "waivers.yaml").write_text(WAIVERS)
    args = ("submissions", "--waivers", "submissions/waivers.yaml", "--today", TODAY)
    rich = hkai("check", *args, cwd=tmp_path)
    summary = unwrapped(rich.stdout.split("Production ")[-1])
    # The manifest passes at --fail-on error; the waivers file's own errors (INT-003) fail the run.
    assert "Checked 1 manifest: 1 passed, 0 failed, 0 could not be read" in summary
    assert ("reviewer waivers file submissions/waivers.yaml: 5 waivers (1 used in this run) · "
            "FAIL 2 errors, 1 warning, 1 info") in summary
    assert "YAML file" not in rich.stdout  # the waivers file is not "skipped": it is reported on
    assert rich.returncode == 1
    code, report = hkai_json(*args, cwd=tmp_path)
    assert [m["path"] for m in report["manifests"]] == ["submissions/demo/manifest.yaml"]
    assert [w["path"] for w in report["waivers_files"]] == ["submissions/waivers.yaml"]
    assert report["summary"]["manifests"] == 1 and report["summary"]["passed"] == 1
    assert report["summary"]["waivers_files"] == [{"path": "submissions/waivers.yaml", "status": "fail", "waivers": 5,
                                                   "used": 1, "findings": {"error": 2, "warning": 1, "info": 1}}]
    assert code == 1
    chinese = hkai("check", *args, "--lang", "zh", cwd=tmp_path)
    assert ("審閱者豁免檔案 submissions/waivers.yaml：5 項豁免（此次檢查用上 1 項）· 不通過 2 項錯誤，1 項警告，1 項提示"
            in unwrapped(chinese.stdout))


def test_a_waivers_file_named_as_a_path_too_is_not_checked_as_a_manifest(write_manifest, tmp_path):
    write_manifest(MANIFEST)
    (tmp_path / "waivers.yaml").write_text(WAIVERS)
    code, report = hkai_json("manifest.yaml", "waivers.yaml", "--waivers", "waivers.yaml", cwd=tmp_path)
    assert [m["path"] for m in report["manifests"]] == ["manifest.yaml"]
    assert [w["path"] for w in report["waivers_files"]] == ["waivers.yaml"]
    alone = hkai("check", "waivers.yaml", "--waivers", "waivers.yaml", cwd=tmp_path)
    assert (alone.returncode, alone.stdout) == (2, "")
    assert alone.stderr == ("hkai: error: nothing to check: waivers.yaml is given with --waivers as a reviewer "
                            "waivers file, not a manifest\n")


def test_trusted_mode_shows_manifest_waivers_as_claimed(write_manifest, tmp_path):
    path = write_manifest(MANIFEST)
    (tmp_path / "waivers.yaml").write_text(WAIVERS.split("  - rule: DIS-003\n    production: demo\n    target: d-1")[0])
    args = (str(path), "--waivers", str(tmp_path / "waivers.yaml"), "--trusted-waivers-only", "--fail-on", "warning")
    code, report = hkai_json(*args)
    dis = findings_by_target(report)
    assert code == 1
    assert dis["d-2"]["waived"] is True
    assert dis["d-1"]["waived"] is False and dis["d-1"]["claimed_waiver"]["reason"] == "We think English is enough"
    rich = hkai("check", *args, "--today", TODAY)
    assert "Waiver claimed by the manifest, not accepted: We think English is enough" in rich.stdout
    assert "Waived by a reviewer. reason: Press release for an overseas festival" in rich.stdout


def test_a_broken_waivers_file_is_exit_2_with_its_line(write_manifest, tmp_path):
    (tmp_path / "waivers.yaml").write_text("waivers:\n  - {rule: DIS-003, production: demo, target: d-1}\n")
    result = hkai("check", str(write_manifest(MANIFEST)), "--waivers", str(tmp_path / "waivers.yaml"))
    assert result.returncode == 2
    assert f"{tmp_path / 'waivers.yaml'}:2:5: invalid waivers file: 'reason' is required here" in result.stderr


def evidence_manifest(ref: str, sha256: str | None = None) -> str:
    document = f"{{ref: {ref!r}" + (f", sha256: {sha256!r}}}" if sha256 else "}")
    return MINIMAL + f"""\
people: [{{id: p-a, name: Chan}}]
consents:
  - {{id: c-a, person: p-a, given_by: self, signed_on: 2026-01-05, covers: [voice_clone],
     document: {document}}}
"""


def evidence_findings(path):
    code, report = hkai_json(str(path), "--verify-evidence")
    return [(f["path"], f["message"]) for f in report["manifests"][0]["findings"] if f["rule"] == "INT-009"]


def test_matching_evidence_passes_and_a_changed_file_is_caught(tmp_path, write_manifest):
    (tmp_path / "contracts").mkdir()
    contract = tmp_path / "contracts" / "c-a.pdf"
    contract.write_bytes(b"%PDF signed consent")
    digest = hashlib.sha256(contract.read_bytes()).hexdigest()
    path = write_manifest(evidence_manifest("contracts/c-a.pdf", digest.upper()))
    assert evidence_findings(path) == []
    contract.write_bytes(b"%PDF a different document")
    ((pointer, message),) = evidence_findings(path)
    assert pointer == "/consents/0/document/sha256" and "does not match its recorded SHA-256" in message


def test_missing_evidence_is_a_finding(write_manifest):
    ((pointer, message),) = evidence_findings(write_manifest(evidence_manifest("contracts/nope.pdf")))
    assert pointer == "/consents/0/document/ref" and "is missing" in message


def test_evidence_outside_the_manifest_folder_is_never_opened(tmp_path, write_manifest):
    secret = tmp_path.parent / f"{tmp_path.name}-secret.txt"
    secret.write_text("not yours")
    os.symlink(secret, tmp_path / "link.pdf")
    for ref in (f"../{secret.name}", str(secret), "link.pdf", "C:\\contracts\\c-a.pdf"):
        ((pointer, message),) = evidence_findings(write_manifest(evidence_manifest(ref)))
        assert "outside the manifest's folder; it was not opened" in message, ref


def test_without_the_flag_evidence_is_not_checked(write_manifest):
    code, report = hkai_json(str(write_manifest(evidence_manifest("../../etc/passwd"))))
    assert not [f for f in report["manifests"][0]["findings"] if f["rule"] == "INT-009"]


def test_evidence_that_is_not_a_regular_file_is_not_opened(tmp_path, write_manifest):
    (tmp_path / "contracts").mkdir()
    os.mkfifo(tmp_path / "contracts" / "pipe.pdf")  # opening it would block the run for ever
    ((pointer, message),) = evidence_findings(write_manifest(evidence_manifest("contracts/pipe.pdf")))
    assert "is unreadable" in message
    ((pointer, message),) = evidence_findings(write_manifest(evidence_manifest("scan\\0.pdf")))
    assert "is missing" in message


def test_a_symlinked_folder_or_file_on_the_way_is_refused_unread(tmp_path, write_manifest):
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "c-a.pdf").write_bytes(b"someone else's file")
    digest = hashlib.sha256(b"someone else's file").hexdigest()
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "c-a.pdf").write_bytes(b"someone else's file")
    os.symlink(outside, tmp_path / "contracts")           # a folder leading out
    os.symlink(tmp_path / "real", tmp_path / "inside")     # a folder that stays inside: refused too
    os.symlink(tmp_path / "real" / "c-a.pdf", tmp_path / "real" / "link.pdf")  # a file that stays inside
    for ref in ("contracts/c-a.pdf", "inside/c-a.pdf", "real/link.pdf"):
        result = hkai("check", "--format", "json", "--today", TODAY, "--verify-evidence",
                      str(write_manifest(evidence_manifest(ref, digest))))
        findings = [f["message"] for f in json.loads(result.stdout)["manifests"][0]["findings"]
                    if f["rule"] == "INT-009"]
        assert result.returncode == 1 and "Traceback" not in result.stderr, ref
        assert len(findings) == 1 and "outside the manifest's folder; it was not opened" in findings[0], ref
    assert evidence_findings(write_manifest(evidence_manifest("real/c-a.pdf", digest))) == []


def test_swapping_a_folder_for_a_link_while_verifying_never_reads_outside(tmp_path):
    """A thread keeps swapping contracts/ for a link to an outside folder holding a file of the
    same name, whose digest every consent records: no consent may ever match that digest."""
    submission, outside = tmp_path / "submission", tmp_path / "outside"
    (submission / "contracts").mkdir(parents=True)
    outside.mkdir()
    (submission / "contracts" / "c.pdf").write_bytes(b"the production's own document")
    (outside / "c.pdf").write_bytes(b"a file outside the submission")
    digest = hashlib.sha256(b"a file outside the submission").hexdigest()
    consents = "".join(f"  - {{id: c-{n}, person: p-a, given_by: self, signed_on: 2026-01-05, covers: [voice_clone],"
                       f" document: {{ref: contracts/c.pdf, sha256: {digest}}}}}\n" for n in range(500))
    manifest = submission / "manifest.yaml"
    manifest.write_text(MINIMAL + "people: [{id: p-a, name: Chan}]\nconsents:\n" + consents)
    stop = threading.Event()

    def swap() -> None:
        contracts, parked = submission / "contracts", submission / "parked"
        while not stop.is_set():
            contracts.rename(parked)
            os.symlink(outside, contracts)
            contracts.unlink()
            parked.rename(contracts)

    swapper = threading.Thread(target=swap)
    swapper.start()
    runs, deadline = 0, time.monotonic() + 4
    try:
        with ThreadPoolExecutor(4) as pool:  # four checks at once, to meet the swap more often
            while time.monotonic() < deadline:
                for code, report in pool.map(lambda _: hkai_json(str(manifest), "--verify-evidence"), range(4)):
                    findings = [f for f in report["manifests"][0]["findings"] if f["rule"] == "INT-009"]
                    assert len(findings) == 500, f"a consent matched the outside file's digest in run {runs}"
                    runs += 1
    finally:
        stop.set()
        swapper.join()
    assert runs >= 4


def test_an_unused_reviewer_waiver_is_found_even_on_a_shared_line(write_manifest, tmp_path):
    path = write_manifest(MANIFEST)
    (tmp_path / "waivers.yaml").write_text(
        "waivers: [{rule: DIS-003, production: demo, target: d-2, reason: R, approved_by: P, approved_on: 2026-10-01},"
        " {rule: DIS-001, production: demo, target: d-2, reason: R, approved_by: P, approved_on: 2026-10-01}]\n")
    code, report = hkai_json(str(path), "--waivers", str(tmp_path / "waivers.yaml"))
    (review,) = report["waivers_files"]
    assert [(f["rule"], f["path"]) for f in review["findings"]] == [("INT-008", "/waivers/1")]


@pytest.mark.parametrize("by_handles", [True, False], ids=["dir_fd", "identity-fallback"])
def test_both_ways_of_opening_evidence_give_the_same_statuses(tmp_path, monkeypatch, by_handles):
    """Platforms without dir_fd/O_NOFOLLOW compare (st_dev, st_ino) before and after opening."""
    if by_handles and not evidence.HANDLES_SUPPORTED:
        pytest.skip("this platform has no dir_fd/O_NOFOLLOW")
    monkeypatch.setattr(evidence, "HANDLES_SUPPORTED", by_handles)
    outside = tmp_path / "outside"
    (tmp_path / "in" / "contracts").mkdir(parents=True)
    outside.mkdir()
    (tmp_path / "in" / "contracts" / "c.pdf").write_bytes(b"signed")
    os.symlink(outside, tmp_path / "in" / "linked")
    os.symlink(tmp_path / "in" / "contracts" / "c.pdf", tmp_path / "in" / "c-link.pdf")
    os.mkfifo(tmp_path / "in" / "contracts" / "pipe.pdf")
    expected = {"contracts/c.pdf": "ok", "./contracts//c.pdf": "ok", "linked/c.pdf": "outside",
                "c-link.pdf": "outside", "contracts/nope.pdf": "missing", "contracts/c.pdf/x": "missing",
                "contracts/pipe.pdf": "unreadable", "contracts": "unreadable", ".": "unreadable"}
    consents = [{"id": ref, "document": {"ref": ref}} for ref in expected]
    annotated = evidence.annotate({"consents": consents}, tmp_path / "in")["consents"]
    assert {c["id"]: c["document"]["status"] for c in annotated} == expected
    assert annotated[0]["document"]["actual_sha256"] == hashlib.sha256(b"signed").hexdigest()
