"""Discourse: what a sentence that names no substance is about.

Copy names its substance once and then goes on about it: "Magnesium is found in nuts.
It calms the nerves", "This mineral keeps muscles moving", "Without it, muscles cramp",
a list of benefits under a "Magnesium" heading, a table row whose first cell names the
nutrient. A claim that names no substance of its own takes one here, from

* an anaphor in its clause (a pronoun, a demonstrative noun phrase, "without it"): the
  substances of the nearest sentence before it that names any, in the same block or the
  block before, else the document's topic;
* the fragment before it, when it goes on after an ellipsis ("Ginger, known to …
  settle the stomach"), or a verbless claim after a sentence that is nothing but a
  substance's name, which labels it as a caption would ("Zinc. Stronger defences.");
* its place in the document: a list item, table cell, caption or heading under the last
  heading that names substances (else under the document's topic), the other cells of
  its table row, or, for a verb whose subject is left out ("Supports deeper sleep."),
  the heading or title that names substances.

A short sentence that negates a pronoun ("It doesn't.") takes back the one before it. A
promise of "the same results" after a study report claims the report's outcome for the
product. Stories are read here too: a sentence shortly after one where the writer takes the
product in the first person continues a testimonial. So are questions answered: a short
question that names a complaint, followed by an answer that resolves it ("Brain fog?
Sorted."), says the product deals with the complaint.

The document's topic is what its title and headings name, else the substance it names
most. Each carried claim records where its substance came from ("'it' = Magnesium,
line 12"), so a finding can say so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from claimlint.document import Block, Document
from claimlint.language.claims import DEPENDENCY_REACH, ELLIPSES, Claim, bodys_own, taken_away
from claimlint.language.mentions import Sentence

HEADING_KINDS = {"heading", "title"}
UNDER_HEADING_KINDS = {"list_item", "table_cell", "caption", "heading"}
LOOK_BACK = 3  # sentences an anaphor may reach back over
OBJECT_TAKING = ("requirement", "dependency")  # relations whose object is the substance ("depends on it")


@dataclass(frozen=True)
class Antecedent:
    keys: tuple[str, ...]
    sentence: Sentence


class Discourse:
    """Resolves claims without a substance of one document to the substances it is about.

    The annotator marks anaphors, pronouns that stand for a noun named before ("it",
    "they"), and demonstratives, the determiners of a noun phrase that does ("this
    mineral")."""

    def resolve(self, document: Document, sentences: list[Sentence], claims: dict[int, list[Claim]], declared: bool = False) -> None:
        """Give claims without a substance the substances they are about; with a
        ``declared`` product profile, a claim whose verb has no subject is about the
        declared product and is left to be judged against its composition."""
        if not claims:
            return
        topic = self.topic(sentences)
        heading: Antecedent | None = None
        rows: dict[str, Antecedent] = {}
        recent: list[Sentence] = []  # sentences before the current one, nearest last
        for sentence in sentences:
            block = sentence.block
            named = self.named(sentence)
            if block.kind in HEADING_KINDS and named:
                heading = Antecedent(named, sentence)
            for claim in claims.get(sentence.index, []):
                if claim.substances or claim.carried:
                    continue
                found = self.antecedent(sentence, claim, recent, topic, heading, rows.get(block.group or ""), declared)
                if found is not None:
                    antecedent, word = found
                    claim.carried = antecedent.keys
                    claim.carried_from = (word, self.line(document, antecedent.sentence))
            if named and block.group and block.group not in rows:
                rows[block.group] = Antecedent(named, sentence)
            recent = (recent + [sentence])[-LOOK_BACK:]

    def antecedent(
        self, sentence: Sentence, claim: Claim, recent: list[Sentence], topic: Antecedent | None,
        heading: Antecedent | None, row: Antecedent | None, declared: bool,
    ) -> tuple[Antecedent, str] | None:
        """The antecedent and the anaphor that points to it ("" for a place in the document)."""
        word = self.anaphor(sentence, claim)
        if word is not None:
            previous = self.previous(sentence, recent)
            if previous is not None and _studied_people(previous.sentence, word):
                return None  # "… 120 women with anaemia took iron. Their haemoglobin rose."
            if previous is not None:
                return previous, word
            if topic is not None and not self.other_subject(sentence, recent):
                return topic, word
            return None
        carried = self.continued(sentence, recent)
        if carried is not None:
            return carried, carried.sentence.text.rstrip()[-1]
        if recent and recent[-1].block is sentence.block and claim.how != "verbal" and _names_only(recent[-1]):
            return Antecedent(self.named(recent[-1]), recent[-1]), ""  # "Zinc. Stronger defences, all winter."
        if row is not None and row.sentence.block is not sentence.block:
            return row, ""
        governing = heading or topic
        if governing is None or governing.sentence.block is sentence.block:
            return None
        if sentence.block.kind in UNDER_HEADING_KINDS:
            return governing, ""
        if claim.implied_subject and not declared and governing.sentence.block.kind in HEADING_KINDS:
            return governing, ""  # "Supports deeper sleep." on a page headed "Magnesium"
        return None

    def continued(self, sentence: Sentence, recent: list[Sentence]) -> Antecedent | None:
        """"Passionflower drops … quieter thoughts … restful nights": the fragments of one
        listing, each going on after an ellipsis, are all about what its first names; the
        nearest fragment before that names substances gives them."""
        current = sentence
        for earlier in reversed(recent):
            if not _continues(earlier, current):
                return None
            named = self.named(earlier)
            if named:
                return Antecedent(named, earlier)
            current = earlier
        return None

    @staticmethod
    def anaphor(sentence: Sentence, claim: Claim) -> str | None:
        """The pronoun or demonstrative phrase in the claim's clause, before its effect
        ("It also calms …", "This mineral keeps …"), or the pronoun or demonstrative phrase
        a requirement or dependency takes as its object ("… can't do their job without
        it", "your brain depends on this mineral"), if any."""
        clause = sentence.clause_of(claim.effect.start)
        doc = sentence.doc
        for mention in sentence.of("anaphors", "demonstratives"):
            if any(r.kind in OBJECT_TAKING and 0 <= mention.start - r.end <= DEPENDENCY_REACH for r in claim.relations):
                return _phrase(sentence, mention)
        for mention in sentence.of("anaphors", "demonstratives"):
            if mention.start >= claim.effect.start:
                break
            if sentence.clause_of(mention.start) != clause and mention.start != sentence.start:
                continue
            phrase = _phrase(sentence, mention)
            if phrase is not None:
                return phrase
        return None

    def previous(self, sentence: Sentence, recent: list[Sentence]) -> Antecedent | None:
        """The substances of the nearest sentence before, in this block or the one
        before it, that names any; none when a sentence between names the body instead."""
        blocks = {id(sentence.block)}
        for earlier in reversed(recent):
            if id(earlier.block) not in blocks:
                if len(blocks) > 1:
                    break
                blocks.add(id(earlier.block))
            named = self.named(earlier)
            if named:
                return Antecedent(named, earlier)
            if earlier.has("body_nouns"):
                return None
        return None

    @staticmethod
    def other_subject(sentence: Sentence, recent: list[Sentence]) -> bool:
        """A sentence just before in the same block that is about the body: the pronoun
        is more likely its subject than the document's topic."""
        return any(s.block is sentence.block and s.has("body_nouns") for s in recent)

    def named(self, sentence: Sentence) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.key for m in sentence.of("substance") if not bodys_own(sentence, m)))

    def topic(self, sentences: list[Sentence]) -> Antecedent | None:
        """What the document is about: the substances of its title or first heading, else
        the substance it names most often (at least twice, and more than any other)."""
        for sentence in sentences:
            if sentence.block.kind in HEADING_KINDS:
                named = self.named(sentence)
                if named:
                    return Antecedent(named, sentence)
                break
        counts: Counter[str] = Counter()
        first: dict[str, Sentence] = {}
        for sentence in sentences:
            for key in self.named(sentence):
                counts[key] += 1
                first.setdefault(key, sentence)
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None
        key = ranked[0][0]
        return Antecedent((key,), first[key])

    @staticmethod
    def line(document: Document, sentence: Sentence) -> int:
        start, _ = sentence.char_range(sentence.start, sentence.end)
        return document.position(sentence.block.source_offset(start))[0]


def _phrase(sentence: Sentence, mention) -> str | None:
    """The words an anaphor stands in: a pronoun ("it"), or a demonstrative and the noun
    after it ("this mineral"); none for a demonstrative with no word after it."""
    doc = sentence.doc
    if mention.kind == "anaphors":
        return doc[mention.start:mention.end].text
    if mention.end < sentence.end and not sentence.words[mention.end - sentence.start][2]:
        return doc[mention.start:mention.end + 1].text
    return None


def mark_stories(sentences: list[Sentence]) -> None:
    """"I started the gummies in May. Two weeks later, no more restless nights": a
    sentence after one where the writer, in the first person, takes the product (or a
    substance, or "these") continues the story, so a change it reports is a testimonial.
    A quoted paragraph told in the first person is a story throughout, whoever in it
    takes the product ("“My daughter was always ill. Since she started the liquid …”")."""
    teller: Sentence | None = None
    distance = 0
    quoted = _quoted_stories(sentences)
    for sentence in sentences:
        if id(sentence.block) in quoted or teller is not None and distance < LOOK_BACK and _near(teller, sentence):
            sentence.story = True
        distance += 1
        if sentence.has("first_person") and (sentence.has("product_nouns") or sentence.has("substance") or sentence.has("demonstratives") or sentence.has("anaphors")):
            teller, distance = sentence, 0


def _quoted_stories(sentences: list[Sentence]) -> set[int]:
    """The blocks that open with a quotation mark and speak in the first person."""
    told: set[int] = set()
    for sentence in sentences:
        block = sentence.block
        if sentence.has("first_person") and block.text.lstrip().startswith(sentence.grammar.quotes):
            told.add(id(block))
    return told


DENIAL_WORDS = 3  # a sentence this short that negates a pronoun takes back the one before


def mark_denials(sentences: list[Sentence]) -> None:
    """"That it cures anything. It doesn't.": a short sentence after, in the same block,
    that negates a pronoun for what was said ("It doesn't.", "They won't.") takes the
    sentence before it back."""
    for before, sentence in zip(sentences, sentences[1:]):
        if (
            sentence.block is before.block and _word_count(sentence) <= DENIAL_WORDS
            and sentence.has("negations") and sentence.has("anaphors") and not sentence.asks
        ):
            before.denied = True


def mark_wanting(sentences: list[Sentence]) -> None:
    """"Low iron creeps up slowly. … Left unchecked, it can end in anaemia": a sentence
    that takes a substance away, and the sentences after it in its paragraph, speak of
    what follows from going without it."""
    passage: Block | None = None
    for sentence in sentences:
        if taken_away(sentence):
            passage = sentence.block
        sentence.wanting = sentence.block is passage


def mark_slides(sentences: list[Sentence]) -> None:
    """"A trial followed 120 adults with eczema … Our cream has the same strength, so you
    can expect the same relief": a promise of the same outcome, a few sentences after a
    study report, claims that report's outcome for the product. The report is the nearest
    sentence before, in the same block or the one before it, that names the people it
    studied ("adults with …"), else one that names a study."""
    for position, sentence in enumerate(sentences):
        if not sentence.has("same_outcomes") or sentence.asks:
            continue
        earlier = [s for s in sentences[max(0, position - LOOK_BACK):position] if _near(s, sentence)]
        reports = [s for s in earlier if s.has("trial_population")] or [s for s in earlier if s.has("study_nouns")]
        if reports:
            sentence.studied = reports[-1]


PROBLEM_WORDS = 6  # a question this short that names a complaint puts the complaint, not a query
ANSWER_WORDS = 8  # an answer this short resolves it or hands over the product
OFFER_OPENING = 2  # words an offering frame may stand after ("Do you need …")
OFFER_REACH = 3  # words between an offering frame and what it offers ("Want much better sleep?")


def mark_offers(sentences: list[Sentence]) -> None:
    """Questions that offer the product for what they name, read as claims:

    * opened by a frame of wanting or of being fed up ("Want better sleep?", "Fed up
      with bloating?", "Why settle for dull skin?") with the effect or condition right
      after it;
    * short, naming a complaint, and answered by the next sentence with a resolution
      ("Bloated? Not any more.", "Brain fog? Sorted.") or with a substance for it
      ("Joints creaking? Time for collagen.").

    A complaint in such a question may be put through a negation ("Can't sleep?")."""
    for question, answer in zip(sentences, [*sentences[1:], None]):
        if not question.asks:
            continue
        named = question.of("effect", "standalone", "disease")
        if not named:
            continue
        if any(
            f.start - question.start <= OFFER_OPENING and any(0 <= m.start - f.end <= OFFER_REACH for m in named)
            for f in question.of("offering")
        ):
            question.offers = True
        elif answer is not None and answer.index - question.index == 1 and _answers(question, answer):
            question.offers = True


def _answers(question: Sentence, answer: Sentence) -> bool:
    if question.has("substance") or _word_count(question) > PROBLEM_WORDS or _word_count(answer) > ANSWER_WORDS:
        return False
    if answer.has("advice") or answer.asks:
        return False
    first = next((i for i, (_, _, punct, _) in enumerate(answer.words) if not punct), None)
    if first is not None and any(m.start - answer.start == first for m in answer.of("resolutions")):
        return True
    return answer.has("substance")


def _word_count(sentence: Sentence) -> int:
    return sum(1 for _, _, punct, _ in sentence.words if not punct)


def _studied_people(antecedent: Sentence, word: str) -> bool:
    """A possessive that stands for the people a study was in, named in its antecedent."""
    return word.lower() in antecedent.grammar.people_possessives and antecedent.has("trial_population")


def _near(teller: Sentence, sentence: Sentence) -> bool:
    """In the same block, or in the block right after the teller's."""
    return sentence.block is teller.block or sentence.index - teller.index <= 1


def _continues(previous: Sentence, sentence: Sentence) -> bool:
    """"Horseradish, known to … ease a blocked nose": a fragment after an ellipsis that
    starts in lower case goes on with the sentence before it."""
    return (
        previous.block is sentence.block
        and previous.text.rstrip().endswith(ELLIPSES)
        and sentence.text[:1].islower()
    )


def _names_only(sentence: Sentence) -> bool:
    """"Zinc.", "Magnesium bisglycinate.": a sentence of nothing but substance names (and
    the product's nouns) names what the copy after it is about, as a label does."""
    covered = {i for m in sentence.of("substance", "product_nouns") for i in range(m.start, m.end)}
    words = [sentence.start + i for i, (_, _, punct, _) in enumerate(sentence.words) if not punct]
    return bool(sentence.of("substance")) and all(i in covered for i in words)
