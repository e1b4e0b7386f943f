"""Rule packs: locating, loading and validating the YAML files in ``rules/``.

Every pack names its ``kind`` and is validated against ``rules/schema/<kind>.schema.json``
when loaded, so a broken pack fails with the file, line and field instead of a confusing
error deep inside a judge.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimlint import cache

# PyYAML and jsonschema are imported only where a pack is parsed: a pack whose bytes were
# validated before comes from the cache, and importing them was a tenth of a start.


def _loader():
    """PyYAML's C loader, several times faster on the large register packs."""
    try:
        from yaml import CSafeLoader as loader
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        from yaml import SafeLoader as loader
    return loader


class PackError(Exception):
    """A rule pack that cannot be used; the message is one line naming file and field."""


def builtin_rules_dir() -> Path:
    """The packs shipped with claimlint: inside the wheel, or ``rules/`` in a source checkout."""
    packaged = Path(__file__).resolve().parents[1] / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def _yaml_line(text: str, path: list) -> int | None:
    """1-based line of the node at ``path`` in the YAML text, for error messages."""
    import yaml

    try:
        node = yaml.compose(text, Loader=_loader())
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in path:
        if node is None:
            break
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for key, value in node.value:
                if key.value == str(part):
                    nxt = value
                    line = key.start_mark.line + 1
                    break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


@lru_cache(maxsize=None)
def _schema(kind: str) -> dict:
    path = builtin_rules_dir() / "schema" / f"{kind}.schema.json"
    if not path.is_file():
        raise FileNotFoundError(path)
    return json.loads(path.read_text(encoding="utf-8"))


def load_pack(path: Path | str) -> dict[str, Any]:
    """Load and validate one pack; raise :class:`PackError` with a one-line message.

    A pack whose bytes (and schemas) were validated before comes from the cache."""
    path = Path(path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read rule pack: {exc.__class__.__name__}: {exc}") from None
    digest = cache.key(raw, str(path), *_schema_bytes())
    return cache.cached("packs", digest, lambda: _parse(path, text))


@lru_cache(maxsize=None)
def _schema_bytes() -> tuple[bytes, ...]:
    return tuple(p.read_bytes() for p in sorted((builtin_rules_dir() / "schema").glob("*.json")))


def _parse(path: Path, text: str) -> dict[str, Any]:
    import jsonschema
    import yaml

    try:
        data = yaml.load(text, Loader=_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise PackError(f"{path}{where}: invalid YAML: {problem}") from None
    if not isinstance(data, dict) or not isinstance(data.get("kind"), str):
        raise PackError(f"{path}:1: field 'kind': a rule pack must be a mapping with a 'kind'")
    kind = data["kind"]
    try:
        schema = _schema(kind)
    except FileNotFoundError:
        raise PackError(f"{path}: field 'kind': unknown pack kind {kind!r}") from None
    validator = jsonschema.Draft202012Validator(schema)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = list(error.absolute_path)
        field = ".".join(str(p) for p in where) or "(top level)"
        line = _yaml_line(text, where)
        loc = f":{line}" if line else ""
        raise PackError(f"{path}{loc}: field '{field}': {error.message}")
    data["_path"] = str(path)
    return data


def rule_line(path: str | Path, code: str) -> int | str:
    """The line of the rule ``code`` in the rules pack at ``path``, for an error message
    about a rule that loaded but cannot be used ("?" if the file cannot be read again)."""
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
        rules = yaml.load(text, Loader=_loader())["rules"]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError):
        return "?"
    index = next((i for i, rule in enumerate(rules) if rule.get("code") == code), None)
    line = _yaml_line(text, ["rules", index, "code"]) if index is not None else None
    return line or "?"


def builtin_pack_paths() -> list[Path]:
    return sorted(builtin_rules_dir().rglob("*.yaml"))


DEFAULT_LANGUAGE = "en"


def language_pack_paths(language: str) -> list[Path]:
    """The built-in packs a run in ``language`` reads, besides the register: the
    language-neutral packs directly in ``rules/`` and every pack in ``rules/<language>/``."""
    rules = builtin_rules_dir()
    folder = rules / language
    if not language or not folder.is_dir() or folder.name == "schema":
        raise PackError(f"{folder}: no rule packs for language {language!r}")
    paths = [*sorted(rules.glob("*.yaml")), *sorted(folder.rglob("*.yaml"))]
    return [p for p in paths if not p.name.startswith("eu-register")]
