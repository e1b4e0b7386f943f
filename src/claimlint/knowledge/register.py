"""The EU Register of health claims as the judges and ``claimlint claims`` see it.

Built from the generated register packs. The non-authorised pack is six times the size of the
authorised one and most documents never need it, so it is read only when first asked for; the
whole register is read at most once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from claimlint.knowledge.packs import DEFAULT_LANGUAGE, builtin_rules_dir, load_pack

AUTHORISED_PACK = "eu-register-authorised.yaml"
REJECTED_PACK = "eu-register-non-authorised.yaml"


@dataclass(frozen=True)
class RegisterEntry:
    id: str
    claim_type: str
    status: str  # authorised, non-authorised or revoked
    substance: str
    claim: str
    conditions: str = ""
    restrictions: str = ""
    relationship: str = ""
    efsa: str = ""
    regulation: str = ""
    url: str = ""
    reasons: str = ""  # reason text, or the reason codes where the register gives no text
    conditions_parsed: dict[str, Any] = field(default_factory=dict, hash=False)

    @classmethod
    def from_pack(cls, item: dict[str, Any]) -> RegisterEntry:
        return cls(
            id=item["id"],
            claim_type=item["type"],
            status=item["status"],
            substance=item["substance"],
            claim=item["claim"],
            conditions=item.get("conditions", ""),
            restrictions=item.get("restrictions", ""),
            relationship=item.get("relationship", ""),
            efsa=", ".join(item.get("efsa", [])),
            regulation=item.get("regulation", ""),
            url=item.get("url", ""),
            reasons=item.get("reasons") or ", ".join(item.get("reason_codes", [])),
            conditions_parsed=item.get("conditions_parsed", {}),
        )


_LIST_MARK = re.compile(r"(?:^|(?<=[;/.]))\s*[-–•*]\s*")
_ITEM_MARK = re.compile(r"\s+[-–•*]\s*(?=[A-Z])")  # "… joints -Glucosamine helps …": a new item
_SEPARATOR = re.compile(r"\s*;\s*|\s+/\s+(?=[A-Z])")


@lru_cache(maxsize=4096)  # the register's wordings and reasons: a few thousand, quoted again and again
def clean_wording(text: str, openers: frozenset[str] = frozenset()) -> str:
    """A register wording as one reads it aloud: no list dashes, one space between
    words, list items and run-together sentences ended with a full stop.

    The register's free-text fields were pasted from applications: "- Helps …; - helps
    …", "properties It prolongs". A capitalised word after a lowercase one starts a new
    sentence when it is one of ``openers`` (pronouns, relation verbs) or the entry's own
    first word, so a substance's proper name inside a sentence stays where it is."""
    text = " ".join(_LIST_MARK.sub(" ", _ITEM_MARK.sub("; ", text)).split())
    first = text.split(" ", 1)[0].lower()
    sentences: list[str] = []
    for part in _SEPARATOR.split(text):
        words: list[str] = []
        for word in part.split():
            bare = word.strip("\"'“”‘’(").lower()
            run_on = words and word[:1].isupper() and words[-1][-1:].islower() and (bare in openers or bare == first)
            if run_on:
                words[-1] += "."
            words.append(word)
        if words:
            sentence = " ".join(words)
            sentences.append(sentence[:1].upper() + sentence[1:] + ("" if sentence[-1] in ".!?" else "."))
    return " ".join(sentences)


def _entries(path: Path) -> list[RegisterEntry]:
    return [RegisterEntry.from_pack(item) for item in load_pack(path)["entries"]]


class Register:
    """Authorised entries up front; non-authorised and revoked ones (``rejected``) on first use."""

    def __init__(self, authorised: list[RegisterEntry], rejected_path: Path) -> None:
        self.authorised = authorised
        self._rejected_path = rejected_path

    @cached_property
    def rejected(self) -> list[RegisterEntry]:
        return _entries(self._rejected_path)

    @cached_property
    def _authorised_index(self) -> dict[str, RegisterEntry]:
        return {entry.id: entry for entry in self.authorised}

    @cached_property
    def _rejected_index(self) -> dict[str, RegisterEntry]:
        return {entry.id: entry for entry in self.rejected}

    def by_id(self, entry_id: str) -> RegisterEntry | None:
        """Look the authorised entries up first so a known authorised id never loads the large pack."""
        return self._authorised_index.get(entry_id) or self._rejected_index.get(entry_id)

    @classmethod
    def load(cls, rules_dir: Path | str | None = None, language: str = DEFAULT_LANGUAGE) -> Register:
        """The register in ``rules_dir`` (default: the built-in packs), read once per process.

        The built-in register is the EU's English text in ``rules/``; a language whose
        folder holds its own translation of the register packs reads that instead."""
        if rules_dir is None:
            translated = builtin_rules_dir() / language
            rules_dir = translated if (translated / AUTHORISED_PACK).is_file() else builtin_rules_dir()
        return _load(Path(rules_dir).resolve())


@lru_cache(maxsize=None)
def _load(directory: Path) -> Register:
    return Register(_entries(directory / AUTHORISED_PACK), directory / REJECTED_PACK)
