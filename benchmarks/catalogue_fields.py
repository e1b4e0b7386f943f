"""Catalogue fields that make no claim, generated for the benchmark's catalogue corpus.

A shop's catalogue is mostly product names, sizes, colours and scents, ingredient lists,
prices, packaging, storage, directions and delivery lines; a claim turns up in a minority
of its sentences. The corpus's own ``no_claim`` sentences are written to sit close to
claims (they test that claimlint does not flag them), so a catalogue made of them is
claim-dense in everything but its verdicts. The fields here are written for the benchmark,
from a seeded generator: the same seed gives the same text.
"""

from __future__ import annotations

import random

NAMES = ("Meadow", "Harbour", "Northfield", "Linden", "Saltmarsh", "Orchard", "Hillside", "Riverbank", "Copper",
         "Juniper", "Foxglove", "Elmwood", "Birch", "Ember", "Willow", "Granite", "Clover", "Heather")
FOODS = ("Oat Granola", "Rye Crispbread", "Almond Butter", "Lentil Soup", "Sourdough Crackers", "Apple Juice",
         "Herbal Tea", "Dark Chocolate", "Seed Mix", "Fruit Bar", "Muesli", "Pasta Sauce", "Olive Oil", "Honey")
COSMETICS = ("Hand Cream", "Body Lotion", "Lip Balm", "Face Wash", "Shampoo Bar", "Conditioner", "Bath Salts",
             "Shower Gel", "Hand Soap", "Foot Balm", "Body Scrub", "Face Mask", "Night Cream", "Deodorant")
SUPPLEMENTS = ("Capsules", "Tablets", "Gummies", "Drops", "Powder", "Chewables", "Softgels", "Sachets")
COLOURS = ("sage green", "sand", "charcoal", "ivory", "terracotta", "ocean blue", "blush pink", "mustard",
           "slate grey", "forest green", "oatmeal", "plum")
SCENTS = ("lavender", "unscented", "cedarwood", "bergamot", "rose geranium", "sweet orange", "peppermint",
          "vanilla", "fig leaf", "sea fennel")
FOOD_INGREDIENTS = ("rolled oats", "wholegrain rye flour", "sunflower seeds", "pumpkin seeds", "raisins",
                    "dried apple", "sea salt", "cane sugar", "rapeseed oil", "cocoa mass", "cocoa butter",
                    "hazelnuts", "almonds", "tomatoes", "onion", "garlic", "basil", "red lentils", "water",
                    "lemon juice", "cinnamon", "barley malt extract", "coconut flakes", "dates")
COSMETIC_INGREDIENTS = ("Aqua", "Glycerin", "Cetearyl Alcohol", "Caprylic/Capric Triglyceride", "Butyrospermum "
                        "Parkii Butter", "Helianthus Annuus Seed Oil", "Sodium Benzoate", "Parfum", "Xanthan Gum",
                        "Tocopherol", "Citric Acid", "Potassium Sorbate", "Cera Alba", "Sodium Chloride",
                        "Coco-Glucoside", "Linalool", "Limonene", "Benzyl Alcohol")
CONTAINERS = ("glass jar", "amber glass bottle", "aluminium tin", "paper pouch", "cardboard tube",
              "recycled plastic bottle", "refill pouch", "glass dropper bottle", "tin with a screw lid")
ALLERGENS = ("nuts", "sesame", "gluten", "milk", "soya", "mustard", "celery")
COUNTRIES = ("Portugal", "Ireland", "Belgium", "Austria", "Denmark", "Slovenia", "Estonia", "Greece")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def product(rng: random.Random) -> tuple[str, str]:
    """A product's name and size, as a catalogue lists them."""
    kind = rng.choice((FOODS, COSMETICS, SUPPLEMENTS))
    if kind is SUPPLEMENTS:
        name = f"{rng.choice(NAMES)} {rng.choice(('Daily', 'Family', 'Everyday', 'Original'))} {rng.choice(kind)}"
        return name, f"{rng.choice((30, 60, 90, 120))} {rng.choice(kind).lower()}"
    if kind is COSMETICS:
        return f"{rng.choice(NAMES)} {rng.choice(kind)}", f"{rng.choice((30, 50, 100, 150, 250, 500))} ml"
    return f"{rng.choice(NAMES)} {rng.choice(kind)}", f"{rng.choice((40, 125, 200, 375, 500, 750))} g"


def price(rng: random.Random) -> str:
    return f"€{rng.randint(2, 49)}.{rng.choice(('00', '45', '50', '95', '99'))}"


def _ingredients(rng: random.Random) -> str:
    pool = rng.choice((FOOD_INGREDIENTS, COSMETIC_INGREDIENTS))
    items = rng.sample(pool, rng.randint(4, 9))
    if pool is FOOD_INGREDIENTS and rng.random() < 0.5:
        items[0] = f"{items[0]} ({rng.randint(20, 70)}%)"
    return "Ingredients: " + ", ".join(items) + "."


_FIELDS = (
    lambda r: "{}, {}.".format(*product(r)),
    lambda r: f"Colour: {r.choice(COLOURS)}.",
    lambda r: f"Scent: {r.choice(SCENTS)}.",
    lambda r: f"Available in {r.choice(COLOURS)} and {r.choice(COLOURS)}.",
    _ingredients,
    lambda r: f"Packaging: {r.choice(CONTAINERS)}.",
    lambda r: f"Made in {r.choice(COUNTRIES)}.",
    lambda r: f"Price {price(r)} ({product(r)[1]}).",
    lambda r: f"Order before {r.randint(12, 16)}:00 and we send it the same day.",
    lambda r: f"Ships within {r.randint(1, 4)} working days.",
    lambda r: f"Free delivery on orders over €{r.choice((25, 30, 40, 50))}.",
    lambda r: f"Returns accepted within {r.choice((14, 30))} days of delivery.",
    lambda r: f"May contain traces of {r.choice(ALLERGENS)} and {r.choice(ALLERGENS)}.",
    lambda r: "Store in a cool, dry place and close the lid after use.",
    lambda r: f"Best before: see the {r.choice(('base', 'lid', 'side'))} of the pack.",
    lambda r: f"Once opened, use within {r.choice((3, 6, 12))} months.",
    lambda r: f"Shake well and apply {r.choice(('a small amount', 'two pumps', 'a pea-sized amount'))} to clean hands.",
    lambda r: f"Take {r.choice(('one', 'two'))} a day with water, with a meal.",
    lambda r: f"Pack of {r.choice((2, 3, 4, 6, 12))}, {r.choice(('mixed flavours', 'one flavour', 'assorted scents'))}.",
    lambda r: f"Back in stock on {r.choice(DAYS)}.",
    lambda r: f"Item {r.randint(100, 999)}-{r.randint(1000, 9999)}; barcode {r.randint(10**12, 10**13 - 1)}.",
    lambda r: f"The {r.choice(CONTAINERS)} can go in household recycling.",
    lambda r: "Suitable for vegans.",
    lambda r: f"Rated {r.randint(38, 50) / 10} out of 5 by {r.randint(12, 480)} customers.",
)


def field(rng: random.Random) -> str:
    """One catalogue sentence that makes no claim."""
    return rng.choice(_FIELDS)(rng)
