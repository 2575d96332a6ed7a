"""Which files ``hkai check`` reads, and what its summary says about them (issue 14, part 2)."""

import html
import json
import re

import pytest

from conftest import EXAMPLES, TODAY, hkai, hkai_json

ONE_EXAMPLE = sorted(EXAMPLES.glob("*/manifest.yaml"))[0]


def test_a_folder_without_a_manifest_says_so_and_exits_2(tmp_path):
    (tmp_path / "empty").mkdir()
    result = hkai("check", "--today", TODAY, str(tmp_path / "empty"))
    assert result.returncode == 2
    assert f"no manifest found in {tmp_path / 'empty'}" in result.stderr
    assert "could not be read" not in result.stdout + result.stderr


def test_an_empty_folder_beside_a_manifest_is_named_in_the_json_summary_and_exits_2(tmp_path):
    (tmp_path / "empty").mkdir()
    code, report = hkai_json(str(tmp_path / "empty"), str(ONE_EXAMPLE))
    assert code == 2
    assert report["summary"]["manifests"] == 1 and report["summary"]["errors"] == 0
    assert report["summary"]["no_manifest_in"] == [str(tmp_path / "empty")]


def test_the_summary_says_one_manifest_in_the_singular_in_both_languages():
    english = hkai("check", "--today", TODAY, str(ONE_EXAMPLE)).stdout
    assert "Checked 1 manifest:" in english and "1 manifests" not in english
    chinese = hkai("check", "--today", TODAY, "--lang", "zh", str(ONE_EXAMPLE)).stdout
    assert "已檢查 1 份清單：" in chinese


def test_the_summary_says_manifests_in_the_plural():
    assert "Checked 7 manifests:" in hkai("check", "--today", TODAY, str(EXAMPLES)).stdout


def _tree_with_skipped_folders(tmp_path):
    for folder in ("checked", "node_modules/pkg", ".hidden", ".venv/lib"):
        (tmp_path / folder).mkdir(parents=True)
    for folder in ("checked", "node_modules/pkg", ".hidden"):
        (tmp_path / folder / "manifest.yaml").write_text(ONE_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def test_hidden_folders_and_node_modules_are_skipped_and_named_in_the_summary(tmp_path):
    tree = _tree_with_skipped_folders(tmp_path)
    # run beside the tree, named short: the terminal report wraps long paths
    result = hkai("check", "--today", TODAY, tree.name, cwd=tree.parent)
    assert result.returncode == 1
    assert "Checked 1 manifest:" in result.stdout
    summary = " ".join(result.stdout.split())
    assert f"skipped 2 folders that hold a manifest (excluded" in summary
    assert f"{tree.name}/.hidden, {tree.name}/node_modules" in summary
    assert ".venv" not in summary.split("manifest (")[1].split("):")[1]  # it holds none: not named
    code, report = hkai_json(str(tree))
    assert report["summary"]["skipped_folders"] == [str(tree / ".hidden"), str(tree / "node_modules")]
    assert [entry["path"] for entry in report["manifests"]] == [str(tree / "checked" / "manifest.yaml")]


def test_a_skipped_folder_named_on_the_command_line_is_checked(tmp_path):
    tree = _tree_with_skipped_folders(tmp_path)
    code, report = hkai_json(str(tree / "node_modules"), str(tree / ".hidden"))
    assert report["summary"]["manifests"] == 2 and report["summary"]["skipped_folders"] == []


def test_a_folder_whose_only_manifest_is_skipped_says_where_it_is(tmp_path):
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "manifest.yaml").write_text(ONE_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = hkai("check", "--today", TODAY, str(tmp_path))
    assert result.returncode == 2
    assert f"no manifest found in {tmp_path}" in result.stderr
    assert f"skipped 1 folder that holds a manifest" in result.stderr


def _folder_with_other_yaml(tmp_path):
    text = ONE_EXAMPLE.read_text(encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "release.manifest.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "notes.yml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "waivers.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "readme.txt").write_text("not yaml\n", encoding="utf-8")
    return tmp_path


def test_other_yaml_files_are_named_once_in_the_summary(tmp_path):
    tree = _folder_with_other_yaml(tmp_path)
    # run beside the tree, named short: the terminal report wraps long paths
    result = hkai("check", "--today", TODAY, tree.name, cwd=tree.parent)
    summary = " ".join(result.stdout.split())
    assert "skipped 3 YAML files that are not named manifest.yaml" in summary
    assert summary.count(f"{tree.name}/notes.yml") == 1 and f"{tree.name}/sub/release.manifest.yaml" in summary
    assert "readme.txt" not in summary
    code, report = hkai_json(str(tree))
    assert report["summary"]["skipped_yaml_files"] == [str(tree / "notes.yml"), str(tree / "waivers.yaml"),
                                                       str(tree / "sub" / "release.manifest.yaml")]


def test_manifest_glob_widens_the_names_checked(tmp_path):
    tree = _folder_with_other_yaml(tmp_path)
    code, report = hkai_json("--manifest-glob", "*.manifest.yaml", str(tree))
    assert [entry["path"] for entry in report["manifests"]] == [
        str(tree / "manifest.yaml"), str(tree / "sub" / "release.manifest.yaml")]
    assert report["summary"]["skipped_yaml_files"] == [str(tree / "notes.yml"), str(tree / "waivers.yaml")]


def test_a_reviewers_waivers_file_is_not_listed_as_a_skipped_yaml_file(tmp_path):
    tree = _folder_with_other_yaml(tmp_path)
    (tree / "waivers.yaml").write_text("issued_by: Panel\nwaivers:\n  - {rule: INT-006, production: demo, target: demo,"
                                       " reason: known, approved_by: Panel, approved_on: 2026-01-01}\n",
                                       encoding="utf-8")
    result = hkai("check", "--today", TODAY, "--waivers", str(tree / "waivers.yaml"), "--format", "json", str(tree))
    assert json.loads(result.stdout)["summary"]["skipped_yaml_files"] == [
        str(tree / "notes.yml"), str(tree / "sub" / "release.manifest.yaml")], result.stderr


def test_one_skipped_yaml_file_is_said_in_the_singular(tmp_path):
    (tmp_path / "manifest.yaml").write_text(ONE_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "other.yaml").write_text("a: 1\n", encoding="utf-8")
    summary = " ".join(hkai("check", "--today", TODAY, str(tmp_path)).stdout.split())
    assert f"skipped 1 YAML file that is not named manifest.yaml" in summary
    assert "已略過 1 個不是名為 manifest.yaml 的 YAML 檔案" in "".join(
        hkai("check", "--today", TODAY, "--lang", "zh", str(tmp_path)).stdout.split("\n"))


def test_exclude_replaces_the_default_folders_to_skip(tmp_path):
    tree = _tree_with_skipped_folders(tmp_path)
    code, report = hkai_json("--exclude", "checked/", str(tree))
    assert sorted(entry["path"] for entry in report["manifests"]) == [
        str(tree / ".hidden" / "manifest.yaml"), str(tree / "node_modules" / "pkg" / "manifest.yaml")]
    assert report["summary"]["skipped_folders"] == [str(tree / "checked")]


def test_extend_exclude_adds_to_the_default_folders_to_skip(tmp_path):
    tree = _tree_with_skipped_folders(tmp_path)
    result = hkai("check", "--today", TODAY, "--extend-exclude", "check*/", str(tree))
    assert result.returncode == 2 and f"no manifest found in {tree}" in result.stderr
    assert f"skipped 3 folders that hold a manifest" in result.stderr
    assert "\\u000a" not in result.stderr


def test_exclude_in_the_config_file_uses_gitignore_patterns(tmp_path):
    tree = _tree_with_skipped_folders(tmp_path)
    (tree / "checked" / "drafts").mkdir()
    (tree / "checked" / "drafts" / "manifest.yaml").write_text(ONE_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "hkai.toml").write_text('extend-exclude = ["**/drafts/"]\n', encoding="utf-8")
    code, report = hkai_json(str(tree), cwd=tmp_path)
    assert [entry["path"] for entry in report["manifests"]] == [str(tree / "checked" / "manifest.yaml")]
    assert str(tree / "checked" / "drafts") in report["summary"]["skipped_folders"]
    shown = hkai("check", "--show-config", cwd=tmp_path).stdout
    assert "extend-exclude = ['**/drafts/']" in shown and str(tmp_path / "hkai.toml") in shown


def test_a_bad_exclude_in_the_config_file_is_a_clear_error(tmp_path):
    (tmp_path / "hkai.toml").write_text("exclude = 3\n", encoding="utf-8")
    result = hkai("check", str(ONE_EXAMPLE), cwd=tmp_path)
    assert result.returncode == 2 and "exclude: must be a list of gitignore-style patterns" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("format", ["markdown", "html"])
def test_the_shared_reports_name_what_was_skipped_and_the_waivers_file(tmp_path, format):
    tree = _tree_with_skipped_folders(tmp_path)
    (tree / "notes.yml").write_text("a: 1\n", encoding="utf-8")
    (tree / "waivers.yaml").write_text("issued_by: Panel\nwaivers:\n  - {rule: INT-006, production: demo, target: demo,"
                                       " reason: known, approved_by: Panel, approved_on: 2026-01-01}\n",
                                       encoding="utf-8")
    (tree / "drafts").mkdir()
    (tree / "drafts" / "manifest.yaml").write_text("not: checked\n", encoding="utf-8")
    (tree / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    result = hkai("check", "--today", TODAY, "--format", format, "--waivers", "waivers.yaml", "--respect-gitignore",
                  ".", cwd=tree)
    # the words a reader sees: HTML without its tags, Markdown without its escapes (node\\_modules)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", result.stdout)).split()) if format == "html" \
        else " ".join(result.stdout.replace("\\", "").split())
    assert "Checked 1 manifest:" in text
    assert "skipped 2 folders that hold a manifest" in text and "./.hidden, ./node_modules" in text
    assert "skipped 1 YAML file that is not named manifest.yaml" in text and "./notes.yml" in text
    assert "skipped 1 manifest that a .gitignore ignores" in text and "./drafts/manifest.yaml" in text
    assert re.search(r"reviewer waivers file \[?waivers\.yaml(\]\(waivers\.yaml\))?: 1 waiver \(0 used in this run\)"
                     r" · PASS 0 errors, 0 warnings, 1 info", text), text[:3000]
