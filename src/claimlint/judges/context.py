"""What judges see of one document, how they report, and what they pass on to each other.

A judge reads the document as the language stage left it (sentences, claims, profile) and
reports through :meth:`DocContext.finding`. What one judge tells a later one is not left
on the context for it to find: it is a typed value the earlier judge returns, which the
registry (``judges/registry.py``) names and hands to the judges that declare they read it.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field

from claimlint.document import Document
from claimlint.findings import Finding, Fix
from claimlint.knowledge.profile import Profile
from claimlint.knowledge.rulebook import RuleBook, Where
from claimlint.language.claims import Claim
from claimlint.language.mentions import Sentence


@dataclass
class DocContext:
    """One document as judges read it; the engine fills in the sentences as they are parsed."""

    document: Document
    profile: Profile
    rulebook: RuleBook
    sentences: list[Sentence] = field(default_factory=list)
    references: list[Sentence] = field(default_factory=list)  # sentences of reference lists
    candidates: list[Sentence] = field(default_factory=list)  # the sentences that can hold a claim (language/candidates.py)
    claims: dict[int, list[Claim]] = field(default_factory=dict)  # by sentence index
    findings: list[Finding] = field(default_factory=list)  # what the judges reported, in order

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
        block = sentence.block
        char_start, char_end = sentence.char_range(start, end)
        src_start, src_end = block.source_range(char_start, char_end)
        line, column = self.document.position(src_start)
        end_line, end_column = self.document.position(src_end)
        sent_start, sent_end = sentence.char_range(sentence.start, sentence.end)
        where = Where(
            line, column, end_line, end_column,
            excerpt=sentence.text,  # one string for all the findings of a sentence
            excerpt_span=(char_start - sent_start, char_end - sent_start),
            source_start=src_start,
            source_end=src_end,
        )
        finding = self.rulebook.finding(code, self.document.path, where, suggestions, references, **fields)
        # The clause the finding was read in: findings of one clause are about one claim,
        # and the run merges them into the one a reviewer needs (run/merge.py).
        finding.stretch = (block.source_offset(sent_start), sentence.clause_of(start)[0])
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


@dataclass(frozen=True)
class Accepted:
    """The claims the health-claims judge found authorised and faithfully worded.

    The pattern judge lets a general health claim stand beside one of them (HC106); the
    evidence judge counts the register as their evidence. Membership is by identity: two
    claims of the same words in different sentences are different claims."""

    claims: tuple[Claim, ...] = ()

    def __contains__(self, claim: object) -> bool:
        return any(claim is accepted for accepted in self.claims)

    def __bool__(self) -> bool:
        return bool(self.claims)


@dataclass(frozen=True)
class EvidenceLevels:
    """The evidence level the evidence judge weighed for each sentence that claims or
    cites something, by sentence index. Every finding and claim record of the sentence
    shows it, so a reader sees what was weighed even where the wording matched it."""

    by_sentence: Mapping[int, str] = field(default_factory=dict)

    def annotate(self, findings: list[Finding], sentences: list[Sentence]) -> None:
        """Give each finding without a level the level of the sentence it starts in."""
        spans = []
        for sentence in sentences:
            level = self.by_sentence.get(sentence.index)
            if level is not None:
                start, end = sentence.block.source_range(*sentence.char_range(sentence.start, sentence.end))
                spans.append((start, end, level))
        spans.sort()
        starts = [span[0] for span in spans]
        for finding in findings:
            i = bisect.bisect_right(starts, finding.source_start) - 1
            if finding.evidence is None and i >= 0 and finding.source_start < spans[i][1]:
                finding.evidence = spans[i][2]


def join_names(items: list[str], parts: Mapping[str, str]) -> str:
    """Names in a message, "zinc", "zinc and selenium", "zinc, copper and selenium", with
    the separator and the conjunction of a rule's templates (``list_separator``, ``and``)."""
    if len(items) <= 1:
        return "".join(items)
    return parts["list_separator"].join(items[:-1]) + parts["and"] + items[-1]
