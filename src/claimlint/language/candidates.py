"""Which sentences can hold a claim: the ones claim building and the judges that read
mentions look at.

Most sentences of ordinary copy (directions, sizes, shipping, licence-like prose) name
nothing a claim is made of. Every word a claim, a condition, a medicinal term, a cue or
a rule pattern is built from is a mention, and the mentions are found once per Doc by
matchers compiled from the packs (``language/mentions.py``); a sentence without one can
hold neither a health claim, nor a medicinal claim, nor a pattern's wording. So those
steps loop over the sentences that hold a mention, and pay nothing for the others.

Every sentence is still read, split and kept in order: what one sentence says of the one
before it (a pronoun, a question and its answer, a study and its finding) is read from
all of them. Judges that read more than mentions (amounts and reference intakes, citation
marks, evidence cues) keep their own cheap tests: a digit, a bracket, their cue words.
"""

from __future__ import annotations

from claimlint.language.mentions import Sentence


def can_claim(sentence: Sentence) -> bool:
    """Does the sentence name anything a claim or a reported wording is made of?"""
    return bool(sentence.mentions)
