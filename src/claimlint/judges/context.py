"""What judges see of one document: its sentences, claims, profile, and how to report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimlint.language.claims import Claim
from claimlint.document import Document
from claimlint.findings import ClaimRecord, Finding, Fix
from claimlint.language.mentions import Sentence
from claimlint.knowledge.profile import Profile

if TYPE_CHECKING:
    from claimlint.engine import Engine


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass
class DocContext:
    engine: "Engine"
    document: Document
    profile: Profile
    sentences: list[Sentence] = field(default_factory=list)
    references: list[Sentence] = field(default_factory=list)  # sentences of reference lists
    claims: dict[int, list[Claim]] = field(default_factory=dict)  # by sentence index
    accepted: list[Claim] = field(default_factory=list)  # claims judged authorised and faithful
    findings: list[Finding] = field(default_factory=list)
    evidence_levels: dict[int, str] = field(default_factory=dict)  # by sentence index

    def claim_record(self, sentence: Sentence) -> ClaimRecord:
        start, _ = sentence.char_range(sentence.start, sentence.end)
        line, column = self.document.position(sentence.block.source_offset(start))
        return ClaimRecord(self.document.path, line, column, sentence.text, self.evidence_levels.get(sentence.index))

    def finding(
        self,
        code: str,
        sentence: Sentence,
        start: int,
        end: int,
        suggestions: list[str] = (),
        references: list[str] = (),
        **fields: str,
    ) -> Finding:
        """Report ``code`` on tokens ``start:end`` of ``sentence`` and return the finding."""
        rule = self.engine.knowledge.rule(code)
        block = sentence.block
        char_start, char_end = sentence.char_range(start, end)
        src_start, src_end = block.source_range(char_start, char_end)
        line, column = self.document.position(src_start)
        end_line, end_column = self.document.position(src_end)
        sent_start, sent_end = sentence.char_range(sentence.start, sentence.end)
        message = rule.message.format_map(_Fields(fields))
        finding = Finding(
            code=code,
            name=rule.name,
            severity=self.engine.severity(code, rule.severity),
            message=message,
            path=self.document.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            excerpt=block.text[sent_start:sent_end],
            excerpt_span=(char_start - sent_start, char_end - sent_start),
            suggestions=list(dict.fromkeys(suggestions)),
            references=[rule.basis, *references],
            evidence=self.evidence_levels.get(sentence.index),
            source_start=src_start,
            source_end=src_end,
        )
        self.findings.append(finding)
        return finding

    def fix(self, finding: Finding, sentence: Sentence, start: int, end: int, replacement: str) -> None:
        """Offer ``replacement`` for tokens ``start:end`` of ``sentence`` on ``finding``, only
        where those words stand verbatim in the source: a range with markup inside
        ("**Vitamin C** boosts") cannot be replaced without breaking the markup."""
        char_start, char_end = sentence.char_range(start, end)
        src_start, src_end = sentence.block.source_range(char_start, char_end)
        if self.document.source[src_start:src_end] != sentence.block.text[char_start:char_end]:
            return
        line, column = self.document.position(src_start)
        end_line, end_column = self.document.position(src_end)
        finding.fix = Fix(line, column, end_line, end_column, replacement, src_start, src_end)
