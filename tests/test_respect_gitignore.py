"""--respect-gitignore: off by default, so a submitter's .gitignore hides nothing from a
reviewer; on, a folder search skips what .gitignore files and .git/info/exclude ignore, as
git does, and names every manifest it skipped (issue 14, part 2)."""

import os

import pytest

from conftest import MINIMAL, TODAY, hkai, hkai_json


def _tree(tmp_path, *folders):
    """A tree with a passing manifest, of its own production, in each of ``folders`` (relative
    to ``tmp_path``)."""
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        text = MINIMAL.replace("id: demo", "id: " + folder.replace("/", "-"))
        (tmp_path / folder / "manifest.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _checked(report):
    return [entry["path"] for entry in report["manifests"]]


def test_off_by_default_a_manifest_a_gitignore_ignores_is_checked(tmp_path):
    tree = _tree(tmp_path, "a", "drafts")
    (tree / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    code, report = hkai_json(str(tree))
    assert code == 0
    assert _checked(report) == [str(tree / "a" / "manifest.yaml"), str(tree / "drafts" / "manifest.yaml")]
    assert report["summary"]["ignored_by_gitignore"] == []


def test_on_an_ignored_manifest_is_skipped_and_named_in_the_summary_and_json(tmp_path):
    tree = _tree(tmp_path / "tree", "a", "drafts", "b")
    (tree / ".gitignore").write_text("drafts/\n# a comment\n\nb/manifest.yaml\n", encoding="utf-8")
    code, report = hkai_json("--respect-gitignore", str(tree))
    assert code == 0
    assert _checked(report) == [str(tree / "a" / "manifest.yaml")]
    # in the order the search meets them: a folder's files before its subfolders
    assert report["summary"]["ignored_by_gitignore"] == [str(tree / "drafts" / "manifest.yaml"),
                                                         str(tree / "b" / "manifest.yaml")]
    # run beside the tree, named short: the terminal report wraps long paths
    result = hkai("check", "--today", TODAY, "--respect-gitignore", "tree", cwd=tmp_path)
    summary = " ".join(result.stdout.split())
    assert result.returncode == 0 and "Checked 1 manifest:" in summary
    assert ("skipped 2 manifests that a .gitignore ignores (--respect-gitignore; name them to check them): "
            "tree/drafts/manifest.yaml, tree/b/manifest.yaml") in summary


def test_one_ignored_manifest_is_said_in_the_singular_in_both_languages(tmp_path):
    tree = _tree(tmp_path / "tree", "a", "drafts")
    (tree / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    english = " ".join(hkai("check", "--today", TODAY, "--respect-gitignore", "tree", cwd=tmp_path).stdout.split())
    assert "skipped 1 manifest that a .gitignore ignores (--respect-gitignore; name it to check it): " \
           "tree/drafts/manifest.yaml" in english
    chinese = "".join(hkai("check", "--today", TODAY, "--respect-gitignore", "--lang", "zh", "tree",
                           cwd=tmp_path).stdout.split())
    assert "已略過1份被.gitignore忽略的清單（--respect-gitignore；要檢查請直接指明）：tree/drafts/manifest.yaml" in chinese


def test_no_respect_gitignore_turns_the_config_files_setting_off(tmp_path):
    tree = _tree(tmp_path / "tree", "a", "drafts")
    (tree / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (tmp_path / "hkai.toml").write_text("respect-gitignore = true\n", encoding="utf-8")
    code, report = hkai_json(str(tree), cwd=tmp_path)
    assert _checked(report) == [str(tree / "a" / "manifest.yaml")]
    code, report = hkai_json("--no-respect-gitignore", str(tree), cwd=tmp_path)
    assert len(_checked(report)) == 2 and report["summary"]["ignored_by_gitignore"] == []
    shown = hkai("check", "--show-config", cwd=tmp_path).stdout
    assert "respect-gitignore = True" in shown and str(tmp_path / "hkai.toml") in shown
    assert "respect-gitignore = False  (default)" in hkai("check", "--show-config").stdout


def test_a_bad_respect_gitignore_in_the_config_file_is_a_clear_error(tmp_path):
    (tmp_path / "hkai.toml").write_text('respect-gitignore = "yes"\n', encoding="utf-8")
    result = hkai("check", str(_tree(tmp_path / "tree", "a")), cwd=tmp_path)
    assert result.returncode == 2 and "respect-gitignore: must be true or false, not 'yes'" in result.stderr


def test_a_deeper_gitignore_overrides_a_shallower_one_and_negations_count(tmp_path):
    tree = _tree(tmp_path, "x/a", "x/b", "x/b/deep", "y")
    (tree / ".gitignore").write_text("manifest.yaml\n!y/manifest.yaml\n", encoding="utf-8")
    (tree / "x" / "b" / ".gitignore").write_text("!manifest.yaml\n", encoding="utf-8")
    code, report = hkai_json("--respect-gitignore", str(tree))
    assert _checked(report) == [str(tree / "x" / "b" / "manifest.yaml"),
                                str(tree / "x" / "b" / "deep" / "manifest.yaml"), str(tree / "y" / "manifest.yaml")]
    assert report["summary"]["ignored_by_gitignore"] == [str(tree / "x" / "a" / "manifest.yaml")]


def test_a_pattern_with_a_slash_is_relative_to_its_own_gitignore(tmp_path):
    tree = _tree(tmp_path, "x/drafts", "drafts")
    (tree / "x" / ".gitignore").write_text("/drafts/\n", encoding="utf-8")
    code, report = hkai_json("--respect-gitignore", str(tree))
    assert _checked(report) == [str(tree / "drafts" / "manifest.yaml")]
    assert report["summary"]["ignored_by_gitignore"] == [str(tree / "x" / "drafts" / "manifest.yaml")]


def test_gitignores_above_the_searched_folder_count_up_to_the_repository_root(tmp_path):
    (tmp_path / ".gitignore").write_text("manifest.yaml\n", encoding="utf-8")  # above the repository: not read
    repo = tmp_path / "repo"
    _tree(repo, "productions/a", "productions/drafts")
    (repo / ".git").mkdir()
    (repo / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    code, report = hkai_json("--respect-gitignore", str(repo / "productions"))
    assert _checked(report) == [str(repo / "productions" / "a" / "manifest.yaml")]
    assert report["summary"]["ignored_by_gitignore"] == [str(repo / "productions" / "drafts" / "manifest.yaml")]


def test_outside_a_repository_only_the_searched_folders_gitignores_count(tmp_path):
    (tmp_path / ".gitignore").write_text("manifest.yaml\n", encoding="utf-8")
    tree = _tree(tmp_path / "tree", "a", "b")
    (tree / "b" / ".gitignore").write_text("manifest.yaml\n", encoding="utf-8")
    code, report = hkai_json("--respect-gitignore", str(tree))
    assert _checked(report) == [str(tree / "a" / "manifest.yaml")]


def test_the_repositorys_info_exclude_counts_below_its_gitignores(tmp_path):
    repo = _tree(tmp_path, "a", "b")
    (repo / ".git" / "info").mkdir(parents=True)
    (repo / ".git" / "info" / "exclude").write_text("manifest.yaml\n", encoding="utf-8")
    (repo / "b" / ".gitignore").write_text("!manifest.yaml\n", encoding="utf-8")
    code, report = hkai_json("--respect-gitignore", str(repo / "a"), str(repo / "b"))
    assert code == 2  # a holds only an ignored manifest
    assert _checked(report) == [str(repo / "b" / "manifest.yaml")]
    assert report["summary"]["ignored_by_gitignore"] == [str(repo / "a" / "manifest.yaml")]


def test_a_path_named_on_the_command_line_is_checked_even_if_ignored(tmp_path):
    repo = _tree(tmp_path, "drafts/one")
    (repo / ".git").mkdir()
    (repo / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    code, report = hkai_json("--respect-gitignore", str(repo / "drafts" / "one" / "manifest.yaml"))
    assert code == 0 and _checked(report) == [str(repo / "drafts" / "one" / "manifest.yaml")]
    code, report = hkai_json("--respect-gitignore", str(repo / "drafts"))
    assert code == 0 and _checked(report) == [str(repo / "drafts" / "one" / "manifest.yaml")]


def test_a_folder_holding_only_ignored_manifests_says_so_and_exits_2(tmp_path):
    tree = _tree(tmp_path / "tree", "drafts")
    (tree / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    result = hkai("check", "--today", TODAY, "--respect-gitignore", "tree", cwd=tmp_path)
    assert result.returncode == 2
    assert "no manifest found in tree" in result.stderr
    assert ("skipped 1 manifest that a .gitignore ignores (--respect-gitignore; name it to check it): "
            "tree/drafts/manifest.yaml") in result.stderr


def _refused(tmp_path, make_gitignore):
    tree = _tree(tmp_path / "tree", "a")
    make_gitignore(tree / "a" / ".gitignore")
    result = hkai("check", "--today", TODAY, "--respect-gitignore", "tree", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("hkai: error: --respect-gitignore: tree/a/.gitignore")
    return result.stderr


def test_a_gitignore_too_large_is_refused(tmp_path):
    stderr = _refused(tmp_path, lambda path: path.write_bytes(b"a" * 1_000_001))
    assert "larger than 1000000 bytes; refused" in stderr


def test_a_gitignore_that_is_not_utf8_is_refused_with_its_line(tmp_path):
    stderr = _refused(tmp_path, lambda path: path.write_bytes(b"drafts/\n\xff\n"))
    assert "tree/a/.gitignore:2: not UTF-8 text" in stderr


def test_a_gitignore_pattern_that_cannot_be_compiled_is_refused_with_its_line(tmp_path):
    stderr = _refused(tmp_path, lambda path: path.write_text("drafts/\n# fine\n!\n", encoding="utf-8"))
    assert "tree/a/.gitignore:3: not a gitignore pattern: '!'" in stderr


def test_a_gitignore_that_is_a_symbolic_link_is_not_followed(tmp_path):
    (tmp_path / "elsewhere").write_text("manifest.yaml\n", encoding="utf-8")
    stderr = _refused(tmp_path, lambda path: path.symlink_to(tmp_path / "elsewhere"))
    assert "is a symbolic link; --respect-gitignore does not follow one" in stderr


def test_a_gitignore_that_is_a_folder_is_refused(tmp_path):
    stderr = _refused(tmp_path, lambda path: path.mkdir())
    assert "is a folder, not an ignore file" in stderr


def test_a_gitignore_that_is_a_pipe_is_refused_without_waiting(tmp_path):
    stderr = _refused(tmp_path, lambda path: os.mkfifo(path))
    assert "is not a regular file" in stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_gitignore_is_refused(tmp_path):
    def unreadable(path):
        path.write_text("drafts/\n", encoding="utf-8")
        path.chmod(0)
    assert "cannot be read" in _refused(tmp_path, unreadable)


def test_a_bad_gitignore_is_not_read_when_the_option_is_off(tmp_path):
    tree = _tree(tmp_path / "tree", "a")
    (tree / "a" / ".gitignore").mkdir()
    (tree / ".gitignore").write_bytes(b"\xff" * 10)
    code, report = hkai_json(str(tree))
    assert code == 0 and _checked(report) == [str(tree / "a" / "manifest.yaml")]
