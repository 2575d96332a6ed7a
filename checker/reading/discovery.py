"""Find the manifests named on the command line."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator

from .regular_file import NotRegularFile, read_regular_file

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

MANIFEST_NAMES = ("manifest.yaml", "manifest.yml")
# Folders a search does not enter (gitignore-style patterns, matched against a folder's path
# below the searched one): hidden ones, and the tools' own trees, which hold copies of other
# people's files. A path named on the command line is always searched.
DEFAULT_EXCLUDE = (".*/", "node_modules/", ".venv/")


@dataclass
class Discovery:
    """What a search found: the manifests to check, (path, problem) for what cannot be
    checked, and the folders named on the command line that hold no manifest."""

    manifests: list[Path] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    no_manifest_in: list[str] = field(default_factory=list)
    skipped_folders: list[str] = field(default_factory=list)  # skipped folders that hold a manifest
    other_yaml: list[str] = field(default_factory=list)  # YAML files in a searched folder not named as a manifest
    ignored_by_gitignore: list[str] = field(default_factory=list)  # manifests a .gitignore ignores (--respect-gitignore)


def discover(arguments: list[str], exclude: tuple[str, ...] | list[str] = DEFAULT_EXCLUDE,
             manifest_globs: tuple[str, ...] = (), respect_gitignore: bool = False) -> Discovery:
    """Manifest files to check, in a stable order, and what else the search has to say.

    A file argument is checked whatever its name; a folder is searched recursively for
    ``manifest.yaml`` / ``manifest.yml``, skipping the folders whose path below it matches
    an ``exclude`` pattern (gitignore syntax) (each one that holds a manifest is named, so none is skipped
    silently); ``manifest_globs`` widen the file names checked, and the other YAML files
    met are listed, for the same reason. Symbolic links inside
    the folder are followed while they stay in it; one that leads out of it (to ``/``, say)
    is reported and not followed, and so is one that leads back to a folder the walk is
    already inside (a loop). With ``respect_gitignore``, the manifests the ``.gitignore`` files
    ignore (see ``GitIgnores``) are not checked but listed; a bad ``.gitignore`` raises
    ``GitIgnoreError``.
    """
    result = Discovery()
    found, problems = result.manifests, result.problems
    excluded: GitIgnoreSpec | None = None  # compiled for the first folder, once for all
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            before = len(found), len(problems)
            ignores = GitIgnores.above(path) if respect_gitignore else None
            excluded = excluded or _spec(exclude)
            _walk(path, result, excluded, (*MANIFEST_NAMES, *manifest_globs), ignores)
            if (len(found), len(problems)) == before:
                result.no_manifest_in.append(argument)
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            problems.append((argument, "no such file or folder"))
    result.manifests = list(dict.fromkeys(found))
    return result


def _walk(top: Path, result: Discovery, exclude: GitIgnoreSpec, names: tuple[str, ...],
          ignores: GitIgnores | None) -> None:
    """Search ``top`` depth first, in name order, with a stack of folders to visit (not
    recursion: a tree may be any depth). Each entry is a folder, the (device, inode)
    of the folders it is inside and the .gitignore rules that apply in it (None: not respected)."""
    found, problems = result.manifests, result.problems
    inside = os.path.realpath(top)
    seen: set[tuple[int, int]] = set()
    pending: list[tuple[Path, frozenset[tuple[int, int]], GitIgnores | None]] = [(top, frozenset(), ignores)]
    while pending:
        folder, ancestors, ignores = pending.pop()
        try:
            status = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            problems.append((str(folder), f"cannot read folder: {error.strerror or error}"))
            continue
        identity = (status.st_dev, status.st_ino)
        if identity in ancestors:
            problems.append((str(folder), "symbolic link loop: this link leads back to a folder that contains it"))
            continue
        if identity in seen:  # reached again through another link: already searched
            continue
        seen.add(identity)
        ignores = ignores.within(str(folder)) if ignores is not None else None
        subfolders = []
        for entry in entries:
            if not (_is_dir(entry) or _matches(entry.name, names)):
                if entry.name.endswith((".yaml", ".yml")):
                    result.other_yaml.append(entry.path)
                continue
            if _is_dir(entry) and exclude.match_file(os.path.relpath(entry.path, top) + "/"):
                if next(_manifests_below(entry.path, MANIFEST_NAMES), None) is not None:
                    result.skipped_folders.append(entry.path)
                continue
            if ignores is not None and ignores.ignore(entry.path, _is_dir(entry)):
                result.ignored_by_gitignore += _ignored_manifests(entry.path, names) if _is_dir(entry) else [entry.path]
                continue
            if entry.is_symlink() and not _leads_into(entry.path, inside):
                problems.append((entry.path, "symbolic link leads outside the checked folder; not followed"))
            elif not _is_dir(entry):
                found.append(Path(entry.path))
            elif _matches(entry.name, names):
                problems.append((entry.path, "is a directory, not a manifest file"))
            else:
                subfolders.append(Path(entry.path))
        pending.extend((subfolder, ancestors | {identity}, ignores) for subfolder in reversed(subfolders))


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _manifests_below(folder: str, names: tuple[str, ...]) -> Iterator[str]:
    """The files named as manifests anywhere below ``folder``, in name order, found as they
    are needed (links to folders below it not followed)."""
    for parent, folders, files in os.walk(folder):
        folders.sort()
        yield from (os.path.join(parent, name) for name in sorted(files) if _matches(name, names))


def _ignored_manifests(folder: str, names: tuple[str, ...]) -> list[str]:
    """Every manifest below a folder a .gitignore ignores; none if the folder is itself a
    link (Git does not follow links)."""
    return [] if os.path.islink(folder) else list(_manifests_below(folder, names))


def _leads_into(link: str, folder: str) -> bool:
    """Whether the symbolic link ``link`` ends in ``folder`` (a resolved path) or below it."""
    target = os.path.realpath(link)
    return target == folder or target.startswith(folder.rstrip(os.sep) + os.sep)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _spec(lines: Iterable[str]) -> GitIgnoreSpec:
    """Gitignore-style patterns, compiled (pathspec is loaded only by a run that needs it)."""
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(lines)


def pattern_problem(patterns: object) -> str | None:
    """Why ``patterns`` cannot be used as exclude patterns (None: they can)."""
    if not isinstance(patterns, (list, tuple)) or not all(isinstance(item, str) and item for item in patterns):
        return f"must be a list of gitignore-style patterns, not {patterns!r}"
    if not patterns or tuple(patterns) == DEFAULT_EXCLUDE:
        return None  # nothing to compile (a run that searches no folder never loads pathspec)
    try:
        _spec(patterns)
    except (ValueError, TypeError) as error:
        return f"not a gitignore-style pattern: {error}"
    return None


def repository_root(start: Path) -> Path | None:
    """The nearest folder from ``start`` (absolute) upward that holds ``.git`` (a folder, or a
    worktree's file), found by looking, not by running git; None outside a repository."""
    return next((folder for folder in (start, *start.parents) if (folder / ".git").exists()), None)


GITIGNORE_MAX_BYTES = 1_000_000  # a .gitignore is a submitter's file: larger ones are refused


class GitIgnoreError(Exception):
    """A .gitignore (or .git/info/exclude) that cannot be used; the message names it."""


@dataclass(frozen=True)
class GitIgnores:
    """The .gitignore rules that apply in one folder, as Git reads them: (folder, rules) from
    the repository's ``.git/info/exclude`` (lowest) to the deepest ``.gitignore`` (highest),
    each file's patterns matched against paths relative to its own folder. The user's
    global excludes file is not read (that would need git's configuration)."""

    layers: tuple[tuple[str, GitIgnoreSpec], ...] = ()

    @classmethod
    def above(cls, top: Path) -> GitIgnores:
        """The rules from the folders above ``top`` up to its repository's root (the nearest
        folder, ``top`` included, holding ``.git``; none outside a repository). A folder named
        on the command line is searched even if those rules ignore it, as a named file is
        checked: then only the rules inside it apply."""
        here = Path(os.path.abspath(top))
        root = repository_root(here)
        if root is None:
            return cls()
        rules = cls()
        exclude = root / ".git" / "info" / "exclude"
        if (root / ".git").is_dir() and (exclude.exists() or exclude.is_symlink()):
            rules = GitIgnores(((str(root), _read_gitignore(exclude)),))
        for folder in reversed(here.parents[:len(here.parents) - len(root.parents)]):
            rules = rules.within(str(folder))
        return cls() if here != root and rules.ignore(str(here), True) else rules

    def within(self, folder: str) -> GitIgnores:
        """These rules and those of ``folder``'s own .gitignore, if it has one."""
        path = Path(folder) / ".gitignore"
        if not (path.exists() or path.is_symlink()):
            return self
        return GitIgnores((*self.layers, (folder, _read_gitignore(path))))

    def ignore(self, path: str, is_dir: bool) -> bool:
        """Whether the deepest rule that decides about ``path`` ignores it."""
        for folder, spec in reversed(self.layers):
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            decided = spec.check_file(relative + "/" if is_dir else relative).include
            if decided is not None:
                return decided
        return False


def _read_gitignore(path: Path) -> GitIgnoreSpec:
    """A submitter's ignore file, read as hostile: a regular file (no symbolic link, folder or
    pipe), at most GITIGNORE_MAX_BYTES, UTF-8, every pattern one that compiles. (The file is
    opened without following a link, so a link put in its place after the first look is
    refused too.)"""
    if path.is_symlink():
        raise GitIgnoreError(f"{path}: is a symbolic link; --respect-gitignore does not follow one")
    try:
        data = read_regular_file(path, GITIGNORE_MAX_BYTES, follow_links=False)
    except NotRegularFile as error:
        kind = "a folder, not an ignore file" if error.kind == "a directory" else "not a regular file"
        raise GitIgnoreError(f"{path}: is {kind}") from None
    except OSError as error:
        raise GitIgnoreError(f"{path}: cannot be read: {error.strerror or error}") from None
    if len(data) > GITIGNORE_MAX_BYTES:
        raise GitIgnoreError(f"{path}: larger than {GITIGNORE_MAX_BYTES} bytes; refused")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise GitIgnoreError(f"{path}:{line}: not UTF-8 text (byte {error.start + 1})") from None
    lines = text.splitlines()
    try:
        return _spec(lines)
    except ValueError:  # find the line at fault
        for number, line in enumerate(lines, start=1):
            try:
                _spec([line])
            except ValueError:
                raise GitIgnoreError(f"{path}:{number}: not a gitignore pattern: {line[:80]!r}") from None
        raise GitIgnoreError(f"{path}: not a gitignore file") from None
