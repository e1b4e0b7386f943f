"""Pattern rules: MC202–MC204, MC206, MC207, NC303, OS501–OS504 and HC106, each a list of phrase patterns in
its rule pack. A match counts unless it is negated, inside a warning's clause, in a sentence that only
asks (as a claim is: "Does boiling the kettle kill bacteria?"; a question that asserts still counts,
and so does a rule marked ``asked``, whose wording claims as a question: "Are you running low on iron?"),
or (HC106) the same document carries an authorised specific claim that accompanies the general one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from claimlint.judges.context import Accepted, DocContext
from claimlint.knowledge.base import RuleDef
from claimlint.language.claims import is_question, muted_clauses, negated_at


@dataclass(frozen=True)
class PhraseView:
    """What the pattern judge reads: the rules, for the profiles each applies to."""

    rules: Mapping[str, RuleDef]


class PhraseJudge:
    """Runs every rule that has patterns: the built-in ones and any a user pack adds."""

    def __init__(self, view: PhraseView) -> None:
        self.rules = view.rules

    def judge(self, ctx: DocContext, accepted: Accepted) -> None:
        rules = self.rules
        accompanied = bool(accepted)
        for sentence in ctx.candidates:
            matches = [m for m in sentence.of("pattern") if not m.key.startswith("except:")]
            if not matches:
                continue
            asking = is_question(sentence)
            exceptions = [m for m in sentence.of("pattern") if m.key.startswith("except:")]
            muted = muted_clauses(sentence)
            taken: dict[str, set[int]] = {}
            for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
                rule = rules[match.key]
                if rule.profiles and ctx.profile.name not in rule.profiles:
                    continue
                if asking and not rule.asked:
                    continue
                if sentence.clause_of(match.start) in muted or negated_at(sentence, match.start, []):
                    continue
                if match.key == "HC106" and accompanied:
                    continue
                if any(e.key == "except:" + match.key and e.start < match.end and match.start < e.end for e in exceptions):
                    continue  # ordinary wording around it: "Best New Product award"
                used = taken.setdefault(match.key, set())
                if used.intersection(range(match.start, match.end)):
                    continue  # overlapping matches of one rule are one finding
                used.update(range(match.start, match.end))
                phrase = sentence.doc[match.start:match.end].text
                ctx.finding(match.key, sentence, match.start, match.end, phrase=phrase)
