"""Configuration: ``[tool.claimlint]`` in pyproject.toml, or the top level of claimlint.toml.

Each file is governed by the nearest config file above it (claimlint.toml before
pyproject.toml in the same folder), so one repository can hold several sites with their
own settings; ``--config`` names one file for every input, and command-line flags
override whichever applies. Globs and relative paths in a config file are relative to
the folder it is in; those on the command line to the working directory. Globs are read
as the lines of a .gitignore are.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimlint.document import Document
from claimlint.knowledge.packs import DEFAULT_LANGUAGE
from claimlint.knowledge.profile import DEFAULT_PROFILE, PROFILES, Profile, ProfileCues, ProfileError
from claimlint.readers.feeds import PRESETS, FeedOptions
from claimlint.run.selection import Layer, resolve, unknown_selector

if TYPE_CHECKING:  # the engine (and spaCy) is imported only when a run needs it
    import pathspec

    from claimlint.engine import EngineOptions

CONFIG_NAMES = ("claimlint.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
DEFAULT_FAIL_ON = "warning"
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".bzr", ".direnv", ".eggs", ".mypy_cache", ".nox", ".pytest_cache",
    ".ruff_cache", ".tox", ".venv", "venv", "__pycache__", "_build", "build", "dist",
    "node_modules", "site-packages",
)


def absolute(path: str | Path) -> Path:
    """Absolute without resolving symlinks, so paths and config roots compare alike."""
    return Path(os.path.abspath(path))


class ConfigError(Exception):
    """A config file or option that cannot be used; the message is one line naming the key."""


@dataclass
class Config:
    """One layer of settings: a config file's, or the command line's (``path`` None)."""

    root: Path
    path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    fail_on: str | None = None
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rule_packs: tuple[str, ...] = ()
    products: dict[str, dict[str, Any]] = field(default_factory=dict)
    evidence: dict[str, Any] = field(default_factory=dict)  # the entries of evidence-file
    language: str | None = None
    nlp_model: str | None = None
    profile: str | None = None
    require_evidence: bool | None = None
    feed: FeedOptions | None = None

    def where(self, key: str) -> str:
        """How an error names ``key``: the config file and key, or the option."""
        return f"--{key}" if self.path is None else f"{self.path}: '{key}'"

    def selectors(self) -> Iterable[tuple[str, tuple[str, ...]]]:
        yield "select", self.select or ()
        yield "extend-select", self.extend_select
        yield "ignore", self.ignore
        for codes in self.per_file_ignores.values():
            yield "per-file-ignores", codes

    def layer(self) -> Layer:
        return Layer(self.select, self.extend_select, self.ignore)


# -- reading a config file ---------------------------------------------------------
# Each parser takes the value and the config file's folder, and raises ValueError saying
# what the value must be.

def _strings(value: Any, root: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("must be a list of strings")
    return tuple(value)


def _choice(options: tuple[str, ...]) -> Callable[[Any, Path], str]:
    def parse(value: Any, root: Path) -> str:
        if value not in options:
            raise ValueError(f"must be one of {', '.join(options)}")
        return value
    return parse


def _string(value: Any, root: Path) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError("must be a non-empty string")
    return value


def _bool(value: Any, root: Path) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _paths(value: Any, root: Path) -> tuple[str, ...]:
    return tuple(str(root / p) for p in _strings(value, root))


def _per_file_ignores(value: Any, root: Path) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ValueError("must be a table of glob = [codes]")
    return {glob: _strings(codes, root) for glob, codes in value.items()}


def _products(value: Any, root: Path) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ValueError("must be a table of glob = {profile, product, portion, nutrients, evidence}")
    for glob, mapping in value.items():
        try:
            Profile.from_mapping(mapping)
        except ProfileError as exc:
            raise ValueError(f"entry {glob!r}: {exc}") from None
    return value


def _profile_map(value: Any, root: Path) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not all(v in PROFILES for v in value.values()):
        raise ValueError(f"must be a table of product type = profile ({', '.join(PROFILES)})")
    return tuple(value.items())


def _evidence_file(value: Any, root: Path) -> dict[str, Any]:
    import yaml

    path = root / _string(value, root)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    except yaml.YAMLError as exc:
        raise ValueError(f"{path} is not valid YAML: {getattr(exc, 'problem', None) or exc}") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path} must be a mapping of key to evidence entry")
    return data


FEED_KEYS: dict[str, tuple[str, Callable[[Any, Path], Any]]] = {
    "id-field": ("id_field", _string),
    "text-fields": ("text_fields", _strings),
    "html-fields": ("html_fields", _strings),
    "title-fields": ("title_fields", _strings),
    "profile-fields": ("profile_fields", _strings),
    "profiles": ("profiles", _profile_map),
    "product-field": ("product_field", _string),
    "nutrients-field": ("nutrients_field", _string),
}


def _feed(value: Any, root: Path) -> FeedOptions:
    """The ``feed`` table: a ``preset`` and the fields that override it."""
    if not isinstance(value, dict):
        raise ValueError("must be a table (preset, id-field, text-fields, …)")
    given: dict[str, Any] = {}
    for key, item in value.items():
        if key == "preset":
            continue
        if key not in FEED_KEYS:
            raise ValueError(f"unknown key {key!r} (known keys: preset, {', '.join(FEED_KEYS)})")
        attribute, parse = FEED_KEYS[key]
        try:
            given[attribute] = parse(item, root)
        except ValueError as exc:
            raise ValueError(f"{key!r} {exc}") from None
    base = FeedOptions()
    if "preset" in value:
        try:
            base = PRESETS[_choice(tuple(sorted(PRESETS)))(value["preset"], root)]
        except ValueError as exc:
            raise ValueError(f"'preset' {exc}") from None
    return FeedOptions(**given).over(base)


KEYS: dict[str, tuple[str, Callable[[Any, Path], Any]]] = {
    "select": ("select", _strings),
    "ignore": ("ignore", _strings),
    "extend-select": ("extend_select", _strings),
    "fail-on": ("fail_on", _choice(FAIL_ON)),
    "exclude": ("exclude", _strings),
    "extend-exclude": ("extend_exclude", _strings),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "rule-packs": ("rule_packs", _paths),
    "products": ("products", _products),
    "evidence-file": ("evidence", _evidence_file),
    "language": ("language", _string),
    "nlp-model": ("nlp_model", _string),
    "profile": ("profile", _choice(PROFILES)),
    "require-evidence": ("require_evidence", _bool),
    "feed": ("feed", _feed),
}


def _read_table(path: Path) -> dict[str, Any] | None:
    """The claimlint settings in a config file; None for a pyproject.toml without any."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("claimlint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: 'tool.claimlint' must be a table")
    return table


def _parse(path: Path, table: dict[str, Any]) -> Config:
    config = Config(root=path.parent, path=path)
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key '{key}' (known keys: {', '.join(KEYS)})")
        attribute, parse = KEYS[key]
        try:
            setattr(config, attribute, parse(value, config.root))
        except ValueError as exc:
            raise ConfigError(f"{config.where(key)} {exc}") from None
    return config


def load_config(path: str | Path) -> Config:
    """Read one config file; raise :class:`ConfigError` naming the file and key."""
    path = absolute(path)
    return _parse(path, _read_table(path) or {})


def _config_in(directory: Path) -> Config | None:
    for name in CONFIG_NAMES:
        candidate = directory / name
        try:
            present = candidate.is_file()
        except OSError:  # a folder that cannot be read: its files are reported unreadable
            present = False
        if present:
            table = _read_table(candidate)
            if table is not None:
                return _parse(candidate, table)
    return None


# -- paths -------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _spec(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    """Patterns compiled once (every file of a walk is tried against them), read as
    .gitignore lines are: negation, anchoring by a slash, ``**``, directory patterns.
    (pathspec is imported here: a check of the files named on the command line needs no
    patterns.)"""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _relative(path: Path, root: Path, directory: bool) -> str:
    """How a pattern relative to ``root`` sees ``path``: its path below ``root`` (with a
    final "/" for a folder, which patterns like "drafts/" need), or its name alone when it
    is not below ``root``, so that only unanchored patterns can match it."""
    try:
        relative = path.relative_to(root).as_posix()
    except ValueError:
        relative = path.name
    return relative + "/" if directory else relative


def glob_matches(path: Path, root: Path, patterns: tuple[str, ...], directory: bool = False) -> bool:
    """Whether gitignore-style ``patterns``, relative to ``root``, match ``path``."""
    return bool(patterns) and _spec(patterns).match_file(_relative(path, root, directory))


def is_directory(path: Path) -> bool:
    """``path.is_dir()``, but False for a path that cannot be looked at (in a folder that
    cannot be read): the run then reports it as unreadable instead of stopping."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _agreed(configs: list[Config], key: str, attribute: str) -> Any:
    """The one value that the configs setting ``key`` give it (None if none does)."""
    setting = [c for c in configs if getattr(c, attribute) is not None]
    if len({getattr(c, attribute) for c in setting}) > 1:
        raise ConfigError(f"{setting[0].where(key)} and {setting[1].where(key)} differ; one run can use only one")
    return getattr(setting[0], attribute) if setting else None


# -- what applies to a file ----------------------------------------------------------

@dataclass
class FileSettings:
    """Everything the runner needs for one file; plain data so worker processes can take it."""

    selected: frozenset[str]
    product: dict[str, Any]  # product profile from config; the front-matter block wins
    default_profile: str
    fail_on: str
    profile_chosen: bool = False  # --profile or config named one: nothing is inferred

    def profile_for(self, document: Document, cues: ProfileCues) -> Profile:
        """The front matter over the config's product; with no profile named anywhere, the
        one the copy's words show (``cues``), else the default. The cues are required: every
        way into the linter (files, texts through the API, feed rows) infers alike."""
        front = document.profile
        data = {**self.product, **front}
        if isinstance(front.get("evidence"), dict) and self.product.get("evidence"):
            data["evidence"] = {**self.product["evidence"], **front["evidence"]}
        inferred = None
        if "profile" not in data and not self.profile_chosen:
            inferred = cues.infer(" ".join(block.text for block in document.blocks))
            if inferred is not None:
                data["profile"] = inferred[0]
        profile = Profile.from_mapping(data, default=self.default_profile)
        if inferred is not None:
            profile.inferred_from = inferred[1]
        return profile


class Settings:
    """Finds the config governing each path (cached per folder) and merges the command line over it."""

    def __init__(self, cli: Config, config_file: str | None = None) -> None:
        self.cli = cli
        self.forced = load_config(config_file) if config_file else None
        self.default = Config(root=cli.root)
        self._by_dir: dict[Path, Config] = {}
        self._selected: dict[tuple[int, tuple[str, ...]], frozenset[str]] = {}  # by config and per-file ignores

    def config_for(self, path: str | Path) -> Config:
        if self.forced is not None:
            return self.forced
        path = absolute(path)
        return self._nearest(path if is_directory(path) else path.parent)

    def _nearest(self, directory: Path) -> Config:
        found = self._by_dir.get(directory)
        if found is None:
            found = _config_in(directory)
            if found is None:
                found = self.default if directory.parent == directory else self._nearest(directory.parent)
            self._by_dir[directory] = found
        return found

    def excluded(self, path: str | Path, directory: bool = False) -> bool:
        """Whether the excludes in force for ``path`` skip it (``directory``: it is a folder)."""
        path = absolute(path)
        config = self.config_for(path)
        cli = self.cli
        if cli.exclude is not None:
            replaced = (cli.root, cli.exclude)
        elif config.exclude is not None:
            replaced = (config.root, config.exclude)
        else:
            replaced = (config.root, DEFAULT_EXCLUDE)
        # One list per folder the patterns are relative to, in order, so that a later
        # "!pattern" (in extend-exclude) takes back what an earlier one excluded.
        groups: dict[Path, tuple[str, ...]] = {}
        for root, patterns in (replaced, (config.root, config.extend_exclude), (cli.root, cli.extend_exclude)):
            groups[root] = groups.get(root, ()) + tuple(patterns)
        return any(glob_matches(path, root, patterns, directory) for root, patterns in groups.items())

    def configs(self, paths: Iterable[str]) -> list[Config]:
        """The distinct config layers that govern ``paths``, the command line last."""
        seen: dict[int, Config] = {}
        for path in paths:
            config = self.config_for(path)
            seen.setdefault(id(config), config)
        return [*seen.values(), self.cli]

    def rule_packs(self, paths: list[str]) -> tuple[str, ...]:
        """The rule packs of every config governing ``paths``, each once."""
        return tuple(dict.fromkeys(pack for config in self.configs(paths) for pack in config.rule_packs))

    def engine_options(self, paths: list[str]) -> EngineOptions:
        """Run-wide settings from every config governing ``paths``: rule packs and evidence
        entries add up; ``language``, ``nlp-model`` and ``require-evidence`` must agree."""
        from claimlint.engine import EngineOptions

        configs = self.configs(paths)
        evidence: dict[str, Any] = {}
        for config in configs:
            evidence.update(config.evidence)
        return EngineOptions(
            rule_packs=self.rule_packs(paths),
            language=_agreed(configs, "language", "language") or DEFAULT_LANGUAGE,
            nlp_model=_agreed(configs, "nlp-model", "nlp_model"),
            require_evidence=bool(_agreed(configs, "require-evidence", "require_evidence")),
            evidence=tuple(evidence.items()),
        )

    def feed_options(self, path: str, preset: str | None = None, given: FeedOptions = FeedOptions()) -> FeedOptions:
        """How to read the feed at ``path``: the command line's preset, else the governing
        config's ``feed`` table, with the fields named on the command line over it."""
        base = PRESETS[preset] if preset else self.config_for(path).feed or FeedOptions()
        return given.over(base)

    def check_codes(self, paths: list[str], known: Iterable[str]) -> None:
        known = list(known)
        for config in self.configs(paths):
            for key, selectors in config.selectors():
                bad = unknown_selector(selectors, known)
                if bad is not None:
                    raise ConfigError(f"{config.where(key)}: unknown rule code or prefix {bad!r}")

    def for_file(self, path: str, known: Iterable[str]) -> FileSettings:
        config = self.config_for(path)
        cli = self.cli
        where = absolute(path)
        ignores = tuple(
            code for glob, codes in config.per_file_ignores.items()
            if glob_matches(where, config.root, (glob,)) for code in codes
        )
        product: dict[str, Any] = {}
        for glob, mapping in config.products.items():
            if glob_matches(where, config.root, (glob,)):
                product.update(mapping)
        key = (id(config), ignores)
        if key not in self._selected:  # the same for most files of a run (one set of known rules per run)
            self._selected[key] = resolve(known, [config.layer(), cli.layer(), Layer(ignore=ignores)])
        return FileSettings(
            selected=self._selected[key],
            product=product,
            default_profile=cli.profile or config.profile or DEFAULT_PROFILE,
            profile_chosen=bool(cli.profile or config.profile),
            fail_on=cli.fail_on or config.fail_on or DEFAULT_FAIL_ON,
        )
