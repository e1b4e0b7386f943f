"""Product profiles, conditions of use (HC104, HC105), nutrition claims (NC301) and %NRV (NC302)."""

import re
from pathlib import Path

import pytest
import yaml

from claimlint.knowledge.amounts import Amount, number
from claimlint.knowledge.nutrients import Limit, NutrientFacts
from claimlint.knowledge.profile import Profile, ProfileError
from claimlint.readers import read_html, read_markdown, read_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
ARTICLE = SHARED / "realworld" / "magnesium-ampm-supplement-article.txt"


def lint(engine, text, profile=None, reader=read_text):
    document = reader("<test>", text)
    return next(engine.lint([(document, Profile.from_mapping(profile))]))[1]


def codes(engine, text, profile=None, reader=read_text):
    return [f.code for f in lint(engine, text, profile, reader)]


@pytest.fixture(scope="module")
def facts(engine):
    return NutrientFacts(engine.knowledge, engine.nlp, engine.annotator)


# -- profile --------------------------------------------------------------------------------

def test_profile_amounts_and_basis():
    profile = Profile.from_mapping({
        "profile": "food_supplement", "portion": "2 capsules",
        "nutrients": {"magnesium": "300 mg", "vitamin C": "93.5–187 mg", "vitamin D": "1000 IU", "fat": "0.5 g per 100 g"},
    })
    assert profile.basis == "per_portion"
    assert profile.nutrients["magnesium"] == Amount(number("300"), number("300"), "mg", "per_portion")
    assert profile.nutrients["vitamin C"].ends() == (number("93.5"), 187)
    assert profile.nutrients["vitamin D"].unit == "IU"
    assert profile.nutrients["fat"].basis == "per_100g"
    assert profile.declared and profile.composition


@pytest.mark.parametrize(("kind", "basis"), [("food", "per_100g"), ("beverage", "per_100ml"), ("food_supplement", "per_portion"), ("cosmetic", None)])
def test_default_basis(kind, basis):
    assert Profile.from_mapping({"profile": kind}).basis == basis


@pytest.mark.parametrize(("data", "field"), [
    ({"nutrients": {"vitamin C": "187"}}, "nutrients.vitamin C"),
    ({"nutrients": {"magnesium": 300}}, "nutrients.magnesium"),
    ({"nutrients": {"zinc": "ten mg"}}, "nutrients.zinc"),
    ({"nutrients": {"fat": "3 g per 100 kg"}}, "nutrients.fat"),
    ({"basis": "per_tablet"}, "basis"),
    ({"ingredients": "magnesium citrate"}, "ingredients"),
])
def test_malformed_profile_names_the_field(data, field):
    with pytest.raises(ProfileError, match=re.escape(f"field '{field}'")):
        Profile.from_mapping(data)


def test_an_empty_profile_declares_nothing():
    assert not Profile.from_mapping({}).declared
    assert not Profile.from_mapping({"profile": "food"}).declared


# -- names and compositions -----------------------------------------------------------------

def test_names_resolve_through_the_lexicon(facts):
    assert facts.resolve("Vitamin C").amount_of == "vitamin_c"
    assert facts.resolve("Folic acid").amount_of == "folate"
    assert facts.resolve("EPA and DHA").amount_of == "dha_epa"
    assert facts.resolve("total fat").amount_of == "fat"
    assert facts.resolve("unobtainium") is None
    form = facts.resolve("magnesium bisglycinate")
    assert form.amount_of is None and {"magnesium", "glycine"} <= form.supplies  # a compound's weight is not the mineral's
    assert facts.resolve("vitamin C (as magnesium L-ascorbate)").amount_of == "vitamin_c"


def test_composition_forms_and_groups(facts):
    comp = facts.composition(Profile.from_mapping({
        "nutrients": {"magnesium": "300 mg", "salt": "0.5 g per 100 g"}, "ingredients": ["magnesium bisglycinate", "fish oil"],
    }))
    assert facts.contains(comp, "glycine") and facts.contains(comp, "omega_3") and facts.contains(comp, "dha")
    assert not facts.contains(comp, "zinc")
    assert facts.amount(comp, "sodium").to("g").low == number("0.2")  # salt = sodium x 2.5


def test_every_nrv_nutrient_is_a_substance(facts):
    assert len(facts.nrv) == 27
    assert facts.nrv["vitamin_c"].value == 80 and facts.nrv["magnesium"].unit == "mg"


def test_cited_conditions_state_the_quoted_figures(facts):
    """A cited claim's tests use the figures of its quoted text (comma decimals as in the law)."""
    def figures(items):
        for item in items:
            if isinstance(item, Limit):
                for value in (item.value, item.beverage):
                    if value is not None:
                        yield str(value.low if isinstance(value, Amount) else value)
            else:
                for option in item.options:
                    yield from figures(option)

    cited = [c for c in facts.claims if not c.citation.startswith("not cited")]
    assert len(cited) >= 8
    for claim in cited:
        for figure in figures(claim.condition):
            shown = str(float(number(figure))).removesuffix(".0").replace(".", ",")
            assert re.search(rf"(?<![\d,]){re.escape(shown)}(?![\d,])", claim.text), (claim.claim, shown)


def test_cited_sources_quote_the_excerpts():
    pack = yaml.safe_load((ROOT / "rules" / "en" / "nutrition-claims.yaml").read_text(encoding="utf-8"))
    excerpts = SHARED / "eu-register" / "excerpts"
    if not excerpts.is_dir():
        pytest.skip("shared reference data not available")
    for claim in pack["claims"]:
        if not claim["cited"]:
            assert claim["note"]
            continue
        source = pack["sources"][claim["source"]]
        name = re.search(r"excerpts/([\w.-]+)", source).group(1)
        excerpt = (excerpts / name).read_text(encoding="utf-8")
        quoted = re.sub(r"^.*?:\s*|\[.*?\]", "", claim["text"].split(" ... ")[-1])
        for figure in re.findall(r"\d+(?:,\d+)? (?:g|mg|kcal|%)", quoted):
            assert figure in excerpt, (claim["claim"], figure)


# -- HC104 ----------------------------------------------------------------------------------

VITAMIN_C_CLAIM = "Vitamin C contributes to the normal function of the immune system."


def test_source_of_per_basis(engine):
    supplement = {"profile": "food_supplement", "nutrients": {"vitamin C": "12 mg"}}
    assert "HC104" not in codes(engine, VITAMIN_C_CLAIM, supplement)  # exactly 15 % of 80 mg
    supplement["nutrients"]["vitamin C"] = "11.9 mg"
    assert "HC104" in codes(engine, VITAMIN_C_CLAIM, supplement)
    # a beverage needs 7.5 % per 100 ml, a food 15 % per 100 g
    assert "HC104" not in codes(engine, VITAMIN_C_CLAIM, {"profile": "beverage", "nutrients": {"vitamin C": "6 mg"}})
    assert "HC104" in codes(engine, VITAMIN_C_CLAIM, {"profile": "food", "nutrients": {"vitamin C": "6 mg"}})


def test_a_range_must_meet_the_condition_at_its_low_end(engine):
    one_capsule = {"profile": "food_supplement", "portion": "1-2 capsules", "nutrients": {"vitamin C": "6–12 mg"}}
    assert "HC104" in codes(engine, VITAMIN_C_CLAIM, one_capsule)


def test_hc104_message_names_nutrient_amount_threshold_basis_and_entry(engine):
    (finding,) = [f for f in lint(engine, VITAMIN_C_CLAIM, {"portion": "1 tablet", "nutrients": {"vitamin C": "5 mg"}}) if f.code == "HC104"]
    for part in ("POL-HC-6510", "Vitamin C", "5 mg", "12 mg", "15 % of the 80 mg NRV", "per daily portion (1 tablet)"):
        assert part in finding.message
    assert any(ref.startswith("POL-HC-6510") for ref in finding.references)


def test_hc104_once_per_substance_and_effect(engine):
    text = f"{VITAMIN_C_CLAIM} Remember: {VITAMIN_C_CLAIM}"
    assert codes(engine, text, {"nutrients": {"vitamin C": "5 mg"}}).count("HC104") == 1


def test_unknown_amounts_stay_silent(engine):
    assert "HC104" not in codes(engine, "Magnesium contributes to normal muscle function.", {"ingredients": ["magnesium citrate"]})
    assert "HC104" not in codes(engine, "Magnesium contributes to normal muscle function.", {"nutrients": {"magnesium citrate": "1000 mg"}})


def test_required_information_is_found_anywhere_in_the_document(engine):
    profile = {"nutrients": {"EPA and DHA": "0.5 g"}}
    claim = "EPA and DHA contribute to the normal function of the heart."
    assert "HC104" in codes(engine, claim, profile)
    assert "HC104" not in codes(engine, f"{claim}\n\nFor best results: the beneficial effect is obtained with a daily intake of 0.25 g of EPA and DHA.", profile)


# -- HC105 ----------------------------------------------------------------------------------

def test_forms_supply_what_they_contain(engine):
    profile = {"nutrients": {"magnesium": "300 mg"}, "ingredients": ["magnesium bisglycinate"]}
    assert "HC105" not in codes(engine, "Glycine contributes to restful sleep.", profile)
    assert "HC105" in codes(engine, "Taurine contributes to restful sleep.", profile)


def test_the_bodys_own_substances_are_not_ingredients(engine):
    profile = {"nutrients": {"magnesium": "300 mg"}}
    assert "HC105" not in codes(engine, "Your body's collagen supports firm skin.", profile)
    assert "HC105" not in codes(engine, "Collagen supports firm skin.", profile)  # the skin's own
    assert "HC105" in codes(engine, "Our collagen supports firm skin.", profile)
    assert "HC105" in codes(engine, "A daily collagen drink supports firm skin.", profile)


def test_a_product_name_alone_declares_no_composition(engine):
    assert "HC105" not in codes(engine, "Zinc contributes to normal cognitive function.", {"product": "Brain Gummies"})


# -- no profile -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    VITAMIN_C_CLAIM,
    "EPA and DHA contribute to the normal function of the heart.",
    "Low fat, sugar-free and a rich source of vitamin C for every day.",
    "Low carb and 95% fat-free.",
])
def test_without_a_profile_composition_checks_are_silent(engine, text):
    assert not set(codes(engine, text)) & {"HC104", "HC105", "NC301"}


# -- NC301 ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Not a source of vitamin C for children.",
    "Is it a source of vitamin C for children?",
    "Eat foods rich in iron and a diet high in fibre.",
    "Many people have high vitamin D levels in summer.",
])
def test_nutrition_wordings_that_make_no_claim(engine, text):
    profile = {"profile": "food", "nutrients": {"vitamin C": "1 mg", "iron": "0.1 mg", "fibre": "0.1 g", "vitamin D": "0.1 µg"}}
    assert "NC301" not in codes(engine, text, profile)


def test_claims_on_several_nutrients(engine):
    profile = {"nutrients": {"vitamin C": "80 mg", "zinc": "1 mg", "selenium": "55 µg"}}
    found = [f for f in lint(engine, "Rich in vitamin C, zinc and selenium for all the family.", profile) if f.code == "NC301"]
    assert len(found) == 1 and "Zinc" in found[0].message  # 80 mg and 55 µg are 100 % of the NRV; 1 mg zinc is 10 %


def test_protein_share_of_energy(engine):
    profile = {"profile": "food", "nutrients": {"protein": "25 g", "energy": "400 kcal"}}
    assert "NC301" not in codes(engine, "A high protein breakfast for every day.", profile)  # 25 %
    profile["nutrients"]["protein"] = "15 g"  # 15 %: a source, not high
    assert "NC301" in codes(engine, "A high protein breakfast for every day.", profile)
    assert "NC301" not in codes(engine, "A source of protein for every day.", profile)


# -- NC302 ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "wrong"), [
    ("Each capsule: 187 mg of vitamin C (234% NRV).", False),
    ("Each capsule: 187 mg of vitamin C (233% NRV).", False),
    ("Each capsule: 187 mg of vitamin C (235% NRV).", True),
    ("Each capsule: 187 mg of vitamin C (233.8% NRV).", False),
    ("Each capsule: 187 mg of vitamin C (233.6% NRV).", True),
    ("Iron 14mg 100% RI, zinc 10 mg 100% RI", False),
    ("Iron 14mg 100% RI, zinc 10 mg 50% RI", True),
    ("Vitamin E 12 mg (100% NRV), vitamin D 5 µg (100% NRV).", False),
    ("Vitamin E 400 IU (2233% NRV).", False),
    ("Folic acid 400 µg (200% NRV).", False),
    ("Selenium 55mcg (100% of the reference intake).", False),
    ("Magnesium 93.5–187 mg (25–50% NRV).", False),
    ("Magnesium 93.5–187 mg (25–60% NRV).", True),
])
def test_reference_intake_arithmetic(engine, text, wrong):
    assert ("NC302" in codes(engine, text)) == wrong


@pytest.mark.parametrize("text", [
    "Magnesium Citrate 375mg",
    "One capsule provides 400mg of calcium alongside 200ug vegan vitamin D3 from lichen.",
    "Each serving of oats (40g) contains 47% of the 3g of oat beta-glucan suggested per day.",
    "Magnesium citrate 500 mg (133% NRV).",  # a compound's weight: the mineral share is not stated
    "Lose 15-20% of body weight with 300 mg of magnesium.",
])
def test_no_reference_intake_to_check(engine, text):
    assert "NC302" not in codes(engine, text)


def test_table_cells_of_one_row(engine):
    table = (
        "| Nutrient | Per 2 capsules | % NRV* |\n|---|---|---|\n"
        "| Vitamin C | 187 mg | 234% |\n| Magnesium | 300 mg | 100% |\n| Vitamin B12 | 2.5 µg | 100% |\n"
    )
    found = [f for f in lint(engine, table, reader=read_markdown) if f.code == "NC302"]
    assert [(f.line, "Magnesium" in f.message) for f in found] == [(4, True)]


def test_bare_percentages_need_an_nrv_column(engine):
    table = "| Nutrient | Per 2 capsules | Share of blend |\n|---|---|---|\n| Magnesium | 300 mg | 100% |\n"
    assert "NC302" not in codes(engine, table, reader=read_markdown)


def test_html_table_row(engine):
    html = "<table><tr><th>Nutrient</th><th>Amount</th><th>%RI</th></tr><tr><td>Zinc</td><td>10 mg</td><td>50%</td></tr></table>"
    assert "NC302" in codes(engine, html, reader=read_html)


def test_nc302_message(engine):
    (finding,) = lint(engine, "Each capsule: 187 mg of vitamin C (250% NRV).")
    assert finding.message == "Vitamin C: 187 mg is 233.75 % of the NRV (80 mg), not the 250 % stated."
    assert "Annex XIII" in finding.references[0]
    assert finding.excerpt[slice(*finding.excerpt_span)] == "250% NRV"


# -- the real-world article -----------------------------------------------------------------

def _article_profile(**changes):
    data = yaml.safe_load((ROOT / "examples" / "realworld" / "magnesium-ampm.profile.yaml").read_text(encoding="utf-8"))["claimlint"]
    return {**data, **changes}


@pytest.fixture(scope="module")
def article():
    if not ARTICLE.is_file():
        pytest.skip("real-world article not available")
    return ARTICLE.read_text(encoding="utf-8")


def test_article_vitamin_c_figures_are_right(engine, article):
    found = lint(engine, article, _article_profile())
    assert not [f for f in found if f.code == "NC302"]  # 187 / 80 = 233.75 %, stated 234 %
    assert not [f for f in found if f.code == "HC104"]  # 187 mg per two capsules is a source of vitamin C
    assert not [f for f in found if f.code == "HC105" and f.message.startswith(("Claim about Vitamin C", "Claim about Magnesium"))]


def test_article_percentage_is_actually_checked(engine, article):
    assert "234% of daily reference value" in article
    found = lint(engine, article.replace("234% of daily reference value", "250% of daily reference value"), _article_profile())
    (wrong,) = [f for f in found if f.code == "NC302"]
    assert "233.75 %" in wrong.message


def test_article_one_capsule_is_still_a_source(engine, article):
    """The table's 93.5–187 mg is one or two capsules: even one (93.5 mg, 117 % NRV) is a source."""
    profile = _article_profile(portion="1-2 capsules", nutrients={"vitamin C": "93.5–187 mg"})
    assert not [f for f in lint(engine, article, profile) if f.code in ("HC104", "NC302")]


@pytest.mark.parametrize("name", ["vitamin C", "vitamin_c", "Vitamin C ", "ascorbic acid"])
def test_declared_nutrients_may_be_named_by_key_or_by_name(engine, name):
    page = read_markdown("p.md", "Vitamin C contributes to the normal function of the immune system.\n")
    findings = next(engine.lint([(page, Profile.from_mapping({"profile": "food_supplement", "nutrients": {name: "80 mg"}}))]))[1]
    assert [f.code for f in findings] == []
