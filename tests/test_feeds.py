"""Product feeds (CSV, TSV, JSON Lines) as a user runs them: rows, fields, positions, bad rows."""

from __future__ import annotations

import json
from itertools import count, islice

import pytest

from cli_helpers import ROOT, STRENGTHENED, UNAUTHORISED, claimlint, write
from claimlint.readers.feeds import PRESETS, Feed, FeedOptions, Record
from claimlint.run.config import Config, Settings, absolute
from claimlint.run.feeds import lint_feed

SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

# A Shopify product export: the real column names, a multi-line HTML body with quotes
# doubled, a variant row without copy, and a row cut short.
SHOPIFY = (
    "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Variant SKU\n"
    f'vit-c,Vitamin C 500,"<p>Daily vitamin C.</p>\n<p>{STRENGTHENED} It is ""pure""!</p>",Acme,'
    '"Health & Beauty > Health Care > Fitness & Nutrition > Vitamins & Supplements",,vitamins,true,VC-1\n'
    "vit-c,,,,,,,,VC-2\n"
    "broken,Magnesium,too few fields\n"
    f'mag,Magnesium gummies,"<p>{UNAUTHORISED}</p>",Acme,,Supplements,,true,MG-1\n'
)


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def concise(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if line]


def test_shopify_export_findings_name_file_line_row_and_field(project):
    write(project, "products.csv", SHOPIFY)
    result = claimlint("check", "--feed-preset", "shopify", "--format", "json", "products.csv")
    assert result.exit_code == 2  # a row could not be read; the others were linted
    diagnostics = json.loads(result.stdout)["diagnostics"]
    by_code = {d["code"]: d for d in diagnostics}
    hc103 = by_code["HC103"]
    # The body starts on line 2; the claim is on the field's second line, file line 3.
    column = SHOPIFY.splitlines()[2].index("boosts") + 1
    assert (hc103["path"], hc103["line"], hc103["column"]) == ("products.csv", 3, column)
    assert hc103["feed"] == {"row": "vit-c", "field": "Body (HTML)", "line": 2, "column": column}
    hc101 = by_code["HC101"]
    assert hc101["feed"]["row"] == "mag" and hc101["line"] == 6
    bad = by_code["CL902"]
    assert (bad["line"], bad["feed"]["row"]) == (5, "line 5")
    assert "5: row 'line 5': 3 fields where the header has 9" in bad["message"]
    assert result.stderr.count("\n") == 1 and "products.csv:5:" in result.stderr


def test_text_output_points_at_the_file_line_and_names_row_and_field(project):
    write(project, "products.csv", SHOPIFY)
    out = claimlint("check", "--feed-preset", "shopify", "--no-color", "products.csv").stdout
    column = SHOPIFY.splitlines()[2].index("boosts") + 1
    assert f"products.csv:3:{column}: HC103 error\n  = row vit-c, field Body (HTML) at 2:{column}\n" in out
    assert "3 | " + STRENGTHENED in out
    assert out.rstrip().endswith("in 1 file.")


def test_sarif_logical_locations_for_row_and_field_are_valid(project):
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the SARIF 2.1.0 schema is not at {SARIF_SCHEMA}")
    import jsonschema

    write(project, "products.csv", SHOPIFY)
    log = json.loads(claimlint("check", "--feed-preset", "shopify", "--format", "sarif", "products.csv").stdout)
    jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "HC103")
    location = result["locations"][0]
    assert location["physicalLocation"]["region"]["startLine"] == 3
    assert location["logicalLocations"] == [
        {"name": "vit-c", "fullyQualifiedName": "vit-c", "kind": "object"},
        {"name": "Body (HTML)", "fullyQualifiedName": "vit-c/Body (HTML)", "kind": "property"},
    ]


def test_google_merchant_tsv_and_profiles_from_the_category(project):
    write(project, "feed.tsv", (
        "id\ttitle\tdescription\tgoogle_product_category\tbrand\n"
        "c1\tNight cream\tOur cream promotes collagen production.\tHealth & Beauty > Personal Care > Cosmetics > Skin Care\tAcme\n"
        f"s1\tVitamin C tablets\t{UNAUTHORISED}\tHealth & Beauty > Health Care > Fitness & Nutrition > Vitamins & Supplements\tAcme\n"
    ))
    result = claimlint("check", "--feed-preset", "google-merchant", "--format", "json", "feed.tsv")
    rows = {(d["feed"]["row"], d["code"], d["feed"]["field"]) for d in json.loads(result.stdout)["diagnostics"]}
    assert ("c1", "MC205", "description") in rows  # the cosmetic profile came from the category
    assert ("s1", "HC101", "description") in rows


def test_json_lines_escapes_map_back_to_the_line(project):
    row = {"sku": "j1", "name": "Gummies", "copy": "Tasty.\n\u00e9t\u00e9 \"fresh\". " + STRENGTHENED}
    text = json.dumps(row) + "\n" + "{not json\n" + json.dumps({"sku": "j2", "copy": UNAUTHORISED}) + "\n"
    write(project, "feed.jsonl", text)
    result = claimlint("check", "--id-field", "sku", "--text-field", "copy", "--format", "json", "feed.jsonl")
    diagnostics = json.loads(result.stdout)["diagnostics"]
    hc103 = next(d for d in diagnostics if d["code"] == "HC103")
    line = text.splitlines()[0]
    # Columns count the file's characters: the escapes \n, \u00e9 and \" come before the claim.
    assert line[hc103["column"] - 1:].startswith("boosts")
    assert hc103["feed"]["line"] == 2 and hc103["feed"]["field"] == "copy"
    assert ("CL902", 2) in {(d["code"], d["line"]) for d in diagnostics}
    assert any(d["code"] == "HC101" and d["feed"]["row"] == "j2" for d in diagnostics)
    assert result.exit_code == 2


def test_an_undecodable_field_is_reported_for_its_row_only(project):
    data = ("Handle,Title\n" "a,Caf\xe9 " + UNAUTHORISED + "\n" "b," + UNAUTHORISED + "\n").encode("latin-1")
    (project / "p.csv").write_bytes(data)
    result = claimlint("check", "--id-field", "Handle", "--text-field", "Title", "--format", "concise", "p.csv")
    assert result.exit_code == 2
    assert "p.csv:2:1: CL902" in result.stdout and "field 'Title' is not valid UTF-8" in result.stdout
    assert "p.csv:3:" in result.stdout and "HC101" in result.stdout


def test_feed_problems_are_one_line_errors(project):
    write(project, "p.csv", "Handle,Title\na,b\n")
    missing = claimlint("check", "--id-field", "Handle", "--text-field", "Body", "p.csv")
    assert missing.exit_code == 2 and "p.csv: no column 'Body' (columns: 'Handle', 'Title')" in missing.stderr
    unnamed = claimlint("check", "p.csv")
    assert unnamed.exit_code == 2 and "no fields to lint" in unnamed.stderr
    assert "Traceback" not in missing.output + unnamed.output


def test_config_names_the_fields_and_directories_skip_feeds(project):
    write(project, "claimlint.toml", '[feed]\nid-field = "sku"\ntext-fields = ["copy"]\nnutrients-field = "facts"\n')
    write(project, "site/feed.csv", f"sku,copy,facts\nx1,A source of vitamin C for your day.,vitamin C: 2 mg\nx2,{UNAUTHORISED},\n")
    write(project, "site/page.md", "Plain words.\n")
    walked = claimlint("check", "--format", "concise", "site")
    assert walked.exit_code == 0 and "feed.csv" not in walked.stdout  # named feeds only
    named = claimlint("check", "--format", "concise", "site/feed.csv")
    assert "site/feed.csv:2:" in named.stdout and "NC301" in named.stdout  # nutrients from the column
    assert "site/feed.csv:3:" in named.stdout and "HC101" in named.stdout


def test_bad_feed_config_is_reported(project):
    write(project, "claimlint.toml", '[feed]\npreset = "amazon"\n')
    result = claimlint("check", "x.csv")
    assert result.exit_code == 2 and "'feed'" in result.stderr and "google-merchant, shopify" in result.stderr


def test_jobs_give_the_same_report(project):
    rows = "".join(f'p{i},"<p>{STRENGTHENED}</p><p>Row {i}.</p>"\n' for i in range(30))
    write(project, "p.csv", "Handle,Body (HTML)\n" + rows)
    args = ("check", "--id-field", "Handle", "--text-field", "Body (HTML)", "--format", "sarif", "p.csv")
    one = claimlint(*args)
    two = claimlint(*args, "--jobs", "2", "--partition-rows", "4")
    assert one.stdout == two.stdout and one.stdout.count('"HC103"') >= 30


def test_rows_stream_through_the_linter(engine):
    """An endless feed still gives its first results: nothing waits for the end of it."""
    feed = Feed("endless.csv", FeedOptions(id_field="id", text_fields=("copy",)), ",", ("id", "copy"))
    records = (Record(n + 1, f"r{n},{UNAUTHORISED}") for n in count(1))
    settings = Settings(Config(root=absolute("."))).for_file("endless.csv", engine.knowledge.rules)
    first = list(islice(lint_feed(engine, engine.options, feed, records, settings), 3))
    assert [r.row for r in first] == ["r1", "r2", "r3"] and all(r.findings for r in first)


def test_presets_use_the_column_names_of_the_exports():
    assert PRESETS["shopify"].id_field == "Handle" and "Body (HTML)" in PRESETS["shopify"].html_fields
    assert PRESETS["google-merchant"].text_fields[:2] == ("title", "description")


def test_github_annotations_stream_errors_first_and_point_at_file_lines(project):
    write(project, "p.csv", (
        "id,copy\n"
        'w,"<!-- claimlint-disable-next-line MC201 -->\n<p>Plain words.</p>"\n'
        f"e,{UNAUTHORISED}\n"
    ))
    out = claimlint("check", "--id-field", "id", "--html-field", "copy", "--text-field", "copy", "--format", "github", "p.csv").stdout
    lines = out.splitlines()
    assert lines[0].startswith("::error file=p.csv,line=4,") and "title=HC101" in lines[0]
    assert lines[1].startswith("::warning file=p.csv,line=2,") and "title=CL901" in lines[1]


def test_a_profile_map_to_an_unknown_profile_is_a_config_error(project):
    write(project, "claimlint.toml", '[feed]\nprofiles = { "Pet food" = "animal" }\n')
    result = claimlint("check", "x.csv")
    assert result.exit_code == 2 and "'feed' 'profiles' must be a table of product type = profile" in result.stderr


def test_rows_without_a_profile_infer_it_from_their_copy(project):
    # A row of face-care copy is judged as a cosmetic, as the same words in a file are.
    write(project, "face.csv", "sku,copy\nc1,Our cream cleanser clears away grime and reduces the look of blemishes.\n")
    write(project, "claimlint.toml", '[feed]\nid-field = "sku"\ntext-fields = ["copy"]\n')
    inferred = claimlint("check", "--format", "concise", "face.csv")
    assert inferred.exit_code == 0 and "MC201" not in inferred.output
    chosen = claimlint("check", "--format", "concise", "--profile", "food_supplement", "face.csv")
    assert chosen.exit_code == 1 and "MC201" in chosen.output
