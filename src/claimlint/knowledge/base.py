"""Everything claimlint knows, gathered from the rule packs: rules, lexicons, the register.

Packs of the same kind merge, so a user pack named in config extends the built-in
lexicons (a brand's own ingredient names) or adds rules of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from claimlint.knowledge.amounts import AmountReader
from claimlint.knowledge.grammar import Grammar
from claimlint.knowledge.packs import DEFAULT_LANGUAGE, PackError, language_pack_paths, load_pack, rule_line


@dataclass
class RuleDef:
    code: str
    name: str
    severity: str
    message: str
    basis: str
    explanation: str
    examples: dict[str, list]
    patterns: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)  # wording a match inside of which is no finding
    asked: bool = False  # a match in a question that only asks still claims (fear appeals put to the reader)
    profiles: list[str] | None = None
    suggestion: str | None = None
    templates: dict[str, str] = field(default_factory=dict)  # named parts of the message, and notes
    source: str = ""
    builtin: bool = True  # defined by a pack shipped with claimlint

    @property
    def family(self) -> str:
        return self.code[:2]


@dataclass
class Substance:
    key: str
    label: str
    names: list[str]
    forms: dict[str, list[str]]
    members: list[str] = field(default_factory=list)  # for groups ("B vitamins")
    register: list[str] = field(default_factory=list)
    body_own: bool = False  # a protein the body makes (collagen): bare, it names the body's own


@dataclass
class Effect:
    key: str
    label: str
    register: bool
    means: tuple[str, ...]
    phrases: list[str]
    standalone: list[str]
    normal_optional: bool = False  # a process, where "normal" adds nothing
    perceivable: bool = False  # may be claimed as a sensory impression ("skin feels smoother")
    cosmetic: bool = False  # a cosmetic may claim to act on it (appearance, feel, care)
    near: tuple[str, ...] = ()  # register effects worth suggesting when it means none


@dataclass
class Knowledge:
    rules: dict[str, RuleDef] = field(default_factory=dict)
    word_classes: dict[str, list[str]] = field(default_factory=dict)  # named word lists rule patterns use as @name
    substances: dict[str, Substance] = field(default_factory=dict)
    effects: dict[str, Effect] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)  # verb classes, negations, hedges …
    diseases: dict[str, list[str]] = field(default_factory=dict)
    condition_nouns: dict[str, str] = field(default_factory=dict)  # "inflammatory" -> "inflammation"
    packs: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # other kinds, by kind
    pack_paths: list[str] = field(default_factory=list)
    profile_cues: dict[str, list[str]] = field(default_factory=dict)  # words that show the kind of product
    effect_parts: dict[str, Any] = field(default_factory=lambda: {"organs": {}, "aspects": [], "states": [], "good_states": [], "complaints": [], "complaint_gap": []})
    relation_classes: list[str] = field(default_factory=list)  # of the verbs packs, in pack order
    # Everyday words for effect classes another pack defines (the register's, generated),
    # by class key, until that class is added.
    effect_words: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    language: str = DEFAULT_LANGUAGE

    @cached_property
    def grammar(self) -> Grammar:
        return Grammar.from_packs(self.packs.get("grammar", []))

    @cached_property
    def amounts(self) -> AmountReader:
        return AmountReader.from_packs(self.packs.get("amounts", []))

    @classmethod
    def load(cls, extra_packs: list[str | Path] = (), language: str = DEFAULT_LANGUAGE) -> "Knowledge":
        """The built-in packs of ``language`` and ``extra_packs`` (files or folders)."""
        knowledge = cls(language=language)
        for path in language_pack_paths(language):
            knowledge.add(load_pack(path))
        for path in map(Path, extra_packs):
            for sub in sorted(path.glob("*.yaml")) if path.is_dir() else [path]:
                knowledge.add(load_pack(sub), builtin=False)
        knowledge.check()
        return knowledge

    def add(self, pack: dict[str, Any], builtin: bool = True) -> None:
        """Merge one pack in. A user pack (``builtin`` false) may replace a built-in rule
        only by saying ``override: true``: reusing a code by accident would silently
        replace a rule of claimlint's own."""
        kind = pack["kind"]
        self.pack_paths.append(pack["_path"])
        if kind == "rules":
            for name, words in pack.get("word_classes", {}).items():
                known = self.word_classes.setdefault(name, [])
                known += [w for w in words if w not in known]
            for rule in pack["rules"]:
                code = rule["code"]
                if not builtin and code in self.rules and self.rules[code].builtin and not rule.get("override"):
                    where = f"{pack['_path']}:{rule_line(pack['_path'], code)}: rule {code}"
                    raise PackError(f"{where}: reuses a built-in rule code; say 'override: true' to replace that rule")
                replaced = self.rules.get(code)
                # An override that rewords the message keeps the parts the judge fills it with.
                inherited = replaced.templates if replaced is not None else {}
                self.rules[code] = RuleDef(
                    code=code,
                    name=rule["name"],
                    severity=rule["severity"],
                    message=rule["message"],
                    basis=rule["basis"],
                    explanation=rule["explanation"].strip(),
                    examples=rule["examples"],
                    patterns=rule.get("patterns", []),
                    exceptions=rule.get("exceptions", []),
                    asked=rule.get("asked", False),
                    profiles=rule.get("profiles"),
                    suggestion=rule.get("suggestion"),
                    templates={**inherited, **rule.get("templates", {})},
                    source=pack["_path"],
                    builtin=builtin,
                )
        elif kind == "substances":
            for key, spec in pack.get("groups", {}).items():
                self.substances[key] = Substance(key, spec["label"], spec["names"], {}, spec["members"])
            for key, spec in pack.get("substances", {}).items():
                old = self.substances.get(key)
                if old is not None:  # a later pack adds to a substance: the hand-written one
                    # to the register's, a user pack to a built-in one
                    old.names += spec.get("names", [])
                    old.forms.update(spec.get("forms") or {})
                    old.register += [r for r in spec.get("register", []) if r not in old.register]
                    old.body_own = old.body_own or bool(spec.get("body_own", False))
                    continue
                self.substances[key] = Substance(
                    key, spec["label"], spec.get("names", []), dict(spec.get("forms") or {}),
                    register=spec.get("register", []), body_own=bool(spec.get("body_own", False)),
                )
        elif kind == "effects":
            self.words.setdefault("neutral", []).extend(pack.get("neutral", []))
            parts = pack.get("parts", {})
            self.effect_parts["organs"].update(parts.get("organs", {}))
            self.effect_parts["aspects"].extend(parts.get("aspects", []))
            self.effect_parts["states"].extend(parts.get("states", []))
            self.effect_parts["good_states"].extend(parts.get("good_states", []))
            self.effect_parts["complaints"].extend(parts.get("complaints", []))
            self.effect_parts["complaint_gap"].extend(parts.get("complaint_gap", []))
            for key, spec in pack.get("effects", {}).items():
                self.effects[key] = Effect(
                    key, spec["label"], bool(spec.get("register", False)),
                    tuple(spec.get("means", ())), list(spec.get("phrases", [])), list(spec.get("standalone", [])),
                    spec.get("normal") == "optional",
                    bool(spec.get("perceivable", False)),
                    near=tuple(spec.get("near", ())),
                    cosmetic=bool(spec.get("cosmetic", False)),
                )
            for key, spec in pack.get("words", {}).items():
                self.effect_words.setdefault(key, []).append(spec)
            for key in [k for k in self.effect_words if k in self.effects]:
                for spec in self.effect_words.pop(key):
                    self._attach_words(self.effects[key], spec)
        elif kind == "verbs":
            for name, words in pack["classes"].items():
                self.words.setdefault(name, []).extend(words)
                if name not in self.relation_classes:
                    self.relation_classes.append(name)
            for name, words in pack.get("modifiers", {}).items():
                self.words.setdefault("modifier:" + name, []).extend(words)
            for name, words in pack.items():
                if isinstance(words, list):
                    self.words.setdefault(name, []).extend(words)
        elif kind == "profiles":
            for name, words in pack["cues"].items():
                self.profile_cues.setdefault(name, []).extend(words)
        elif kind == "diseases":
            for name, words in pack.items():
                if isinstance(words, list):
                    self.diseases.setdefault(name, []).extend(words)
            self.condition_nouns.update(pack.get("nouns", {}))
        else:
            self.packs.setdefault(kind, []).append(pack)

    @staticmethod
    def _attach_words(effect: Effect, spec: dict[str, Any]) -> None:
        """Everyday words for a class: more phrases, and what the class is (a process where
        "normal" adds nothing, something a cosmetic may act on, something one perceives)."""
        effect.phrases += spec.get("phrases", [])
        effect.standalone += spec.get("standalone", [])
        effect.normal_optional = effect.normal_optional or spec.get("normal") == "optional"
        effect.perceivable = effect.perceivable or bool(spec.get("perceivable", False))
        effect.cosmetic = effect.cosmetic or bool(spec.get("cosmetic", False))

    def check(self) -> None:
        """Cross-pack references that a schema alone cannot check."""
        for sub in self.substances.values():
            for member in sub.members:
                if member not in self.substances:
                    raise PackError(f"substances: group {sub.key!r} names unknown substance {member!r}")
            for form, extras in sub.forms.items():
                for extra in extras:
                    if extra not in self.substances:
                        raise PackError(f"substances: form {form!r} of {sub.key!r} names unknown substance {extra!r}")
        for key in self.effect_words:
            raise PackError(f"effects: words are given for {key!r}, which is no effect class")
        for effect in self.effects.values():
            for meant in (*effect.means, *effect.near):
                target = self.effects.get(meant)
                if target is None or not target.register:
                    raise PackError(f"effects: {effect.key!r} means {meant!r}, which is not a register effect")
        for organ, key in self.effect_parts["organs"].items():
            if key not in self.effects:
                raise PackError(f"effects: organ {organ!r} names unknown effect {key!r}")
        if "grammar" not in self.packs:
            raise PackError(f"no grammar pack for language {self.language!r}")
        for letter, key in self.grammar.vitamin_letters.items():
            if key not in self.substances:
                raise PackError(f"grammar: vitamin letter {letter!r} names unknown substance {key!r}")
        terms = set(self.diseases.get("terms", []))
        for condition in self.diseases.get("cosmetic", []):
            if condition not in terms:
                raise PackError(f"diseases: cosmetic condition {condition!r} is not one of the disease terms")
