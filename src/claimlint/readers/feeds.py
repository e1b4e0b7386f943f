"""Feeds: product exports (CSV, TSV, JSON Lines) read one row at a time.

A shop or a product information system exports its catalogue as one row per product.
Each row is a document of its own: its ``source`` is the row's record as written in the
file and ``first_line`` the file line it starts on, so findings point at file lines (a
field spanning lines keeps its line breaks). The fields named for linting become its
blocks, each mapped back through the field's quoting or JSON escapes; HTML fields go
through the HTML reader. Rows stream: the file is never held whole.

A row that cannot be read (a wrong number of fields, bytes that are not UTF-8, a line
that is not a JSON object) is reported on its own, and the rows after it are still read.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any

from claimlint.document import Document
from claimlint.readers.decoding import ReadError
from claimlint.readers.spans import Run, SourceBuilder, SourceMap

FEED_SUFFIXES = {".csv": ",", ".tsv": "\t", ".jsonl": None, ".ndjson": None}
MAX_RECORD = 4 * 1024 * 1024  # characters; an unclosed quote otherwise swallows the rest of the file


def is_feed(path: str) -> bool:
    return PurePath(path).suffix.lower() in FEED_SUFFIXES


@dataclass(frozen=True)
class FeedOptions:
    """Which fields of a row hold copy, which one names the row, and where its profile is."""

    id_field: str | None = None
    text_fields: tuple[str, ...] = ()
    html_fields: tuple[str, ...] = ()  # always read as HTML; other fields only when they hold markup
    title_fields: tuple[str, ...] = ()  # read as the product's title, as a page's <title> is
    profile_fields: tuple[str, ...] = ()  # product type or category, mapped by ``profiles``; the first filled one counts
    profiles: tuple[tuple[str, str], ...] = ()  # product type (or one step of a category path) -> profile
    product_field: str | None = None  # the product's name, which declares the product
    nutrients_field: str | None = None  # "magnesium: 300 mg; vitamin C: 80 mg"
    optional: tuple[str, ...] = ()  # fields a file may lack (a preset's less common columns)

    def over(self, base: FeedOptions) -> FeedOptions:
        """These options where they are set, ``base`` elsewhere; profile mappings add up."""
        given = {name: value for name, value in vars(self).items() if value}
        if self.profiles and base.profiles:
            given["profiles"] = tuple({**dict(base.profiles), **dict(self.profiles)}.items())
        return replace(base, **given)

    @property
    def read_fields(self) -> tuple[str, ...]:
        """Every field a row needs, each once."""
        named = (self.id_field, *self.text_fields, *self.profile_fields, self.product_field, self.nutrients_field)
        return tuple(dict.fromkeys(name for name in named if name))


# Product categories as the Google product taxonomy names them; Shopify's standard
# product taxonomy uses the same names for these branches.
_TAXONOMY_PROFILES = (
    ("Vitamins & Supplements", "food_supplement"),
    ("Fitness & Nutrition", "food_supplement"),
    ("Cosmetics", "cosmetic"),
    ("Skin Care", "cosmetic"),
    ("Hair Care", "cosmetic"),
    ("Bath & Body", "cosmetic"),
    ("Beverages", "beverage"),
    ("Food Items", "food"),
)

PRESETS: dict[str, FeedOptions] = {
    # Shopify's product CSV export: one row per variant or image, the product's copy on its first row.
    "shopify": FeedOptions(
        id_field="Handle",
        text_fields=("Title", "Body (HTML)", "SEO Title", "SEO Description"),
        html_fields=("Body (HTML)",),
        title_fields=("Title",),
        profile_fields=("Type", "Product Category"),
        profiles=_TAXONOMY_PROFILES,
        optional=("SEO Title", "SEO Description", "Type", "Product Category"),
    ),
    # A Google Merchant Center product data feed (tab-separated or CSV), attribute names as in the spec.
    "google-merchant": FeedOptions(
        id_field="id",
        text_fields=("title", "description", "product_highlight"),
        title_fields=("title",),
        profile_fields=("product_type", "google_product_category"),
        profiles=_TAXONOMY_PROFILES,
        optional=("product_highlight", "product_type", "google_product_category"),
    ),
}


@dataclass(frozen=True)
class Record:
    """One row as written: the file line it starts on and its text (without the final line break)."""

    line: int
    text: str


@dataclass
class FieldMap:
    """A linted field of a row: its value and the map from the value into the record."""

    name: str
    value: str
    runs: list[Run]

    @property
    def start(self) -> int:
        return self.runs[0][1]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the value of record offset ``offset``."""
        index = 0
        for local, source, length, verbatim in self.runs:
            if source > offset:
                break
            index = local + (min(offset - source, length) if verbatim else 0)
        before = self.value[:index]
        breaks = list(_LINE_BREAK.finditer(before))
        return len(breaks) + 1, index - (breaks[-1].end() if breaks else 0) + 1


@dataclass
class Row:
    """A record read: the document to lint, or the reason it cannot be."""

    record: Record
    id: str
    document: Document | None = None
    fields: list[FieldMap] = field(default_factory=list)
    error: str | None = None
    error_field: str | None = None

    def field_at(self, offset: int) -> FieldMap | None:
        found = None
        for candidate in self.fields:
            if candidate.start <= offset:
                found = candidate
        return found


class BadRow(Exception):
    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


_LINE_BREAK = re.compile(r"\r\n?|\n")
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)\s*")
_QUOTED = re.compile(r'"([^"]*(?:""[^"]*)*)"')
_PLAIN = {delimiter: re.compile(rf"[^{re.escape(delimiter)}\r\n]*") for delimiter in (",", "\t")}
_UNDECODABLE = re.compile("[\udc80-\udcff]")
_MARKUP = re.compile(
    r"<(?:p|br|div|span|ul|ol|li|h[1-6]|strong|b|em|i|a|table|tr|td|img|section)\b[^>]*>|</[a-zA-Z][a-zA-Z0-9]*>|&(?:[a-zA-Z]+|#[0-9]+);"
)
_JSON_ESCAPE = re.compile(r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)")
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_NUTRIENT = re.compile(r"\s*([^:;\n]+?)\s*:\s*([^;\n]+?)\s*(?:[;\n]|$)")
_JSON = json.JSONDecoder()


class Feed:
    """One feed file: its kind, its columns and the options; turns records into rows.

    Plain data, so it can travel to worker processes and machines with the records."""

    def __init__(self, path: str, options: FeedOptions, delimiter: str | None, columns: tuple[str, ...] = ()) -> None:
        self.path = path
        self.options = options
        self.delimiter = delimiter
        self.columns = columns

    @classmethod
    def open(cls, path: str, options: FeedOptions) -> tuple[Feed, Iterator[Record]]:
        """The feed at ``path`` and its records after the header; raise :class:`ReadError`
        for a file that cannot be read as a feed with these options."""
        if not options.text_fields:
            raise ReadError(f"{path}: no fields to lint: name them with --text-field or 'feed.text-fields', or choose --feed-preset")
        delimiter = FEED_SUFFIXES[PurePath(path).suffix.lower()]
        stream = records(path, delimiter)
        feed = cls(path, options, delimiter)
        if delimiter is not None:
            header = next(stream, None)
            if header is None:
                raise ReadError(f"{path}: empty feed, no header row")
            try:
                feed.columns = tuple(value for _, value in feed.split(header))
            except BadRow as exc:
                raise ReadError(f"{path}:{header.line}: header: {exc}") from None
            missing = [name for name in options.read_fields if name not in feed.columns and name not in options.optional]
            if not missing and not any(name in feed.columns for name in options.text_fields):
                missing = list(options.text_fields)
            if missing:
                shown = ", ".join(repr(c) for c in feed.columns[:12]) + (" …" if len(feed.columns) > 12 else "")
                raise ReadError(f"{path}: no column {', '.join(repr(m) for m in missing)} (columns: {shown})")
        return feed, stream

    # -- fields --------------------------------------------------------------------

    def split(self, record: Record) -> list[tuple[list[Run], str]]:
        """The fields of a CSV or TSV record: each one's map into the record and value."""
        fields = _csv_fields(record.text, self.delimiter or ",")
        if fields is None:
            raise BadRow("a quoted field is never closed")
        return fields

    def values(self, record: Record) -> dict[str, tuple[list[Run], Any]]:
        if self.delimiter is None:
            return _json_fields(record.text)
        fields = self.split(record)
        if len(fields) != len(self.columns):
            raise BadRow(f"{len(fields)} fields where the header has {len(self.columns)}")
        return dict(zip(self.columns, fields))

    # -- rows ----------------------------------------------------------------------

    def row(self, record: Record) -> Row:
        options = self.options
        fallback_id = f"line {record.line}"
        try:
            values = self.values(record)
        except BadRow as exc:
            return Row(record, fallback_id, error=str(exc))
        row_id = _text(values.get(options.id_field or "", ([], None))[1]).strip() or fallback_id
        row = Row(record, row_id)
        try:
            for name, (_, value) in values.items():
                if isinstance(value, str) and _UNDECODABLE.search(value) and name in options.read_fields:
                    raise BadRow(f"field {name!r} is not valid UTF-8", name)
            row.document = self.document(record, values)
        except BadRow as exc:
            row.error, row.error_field = str(exc), exc.field
            return row
        row.fields = [FieldMap(name, values[name][1], values[name][0]) for name in options.text_fields if _filled(values, name)]
        return row

    def document(self, record: Record, values: dict[str, tuple[list[Run], Any]]) -> Document:
        options = self.options
        doc = Document(path=self.path, source=record.text, first_line=record.line)
        for name in options.text_fields:
            if not _filled(values, name):
                continue
            runs, value = values[name]
            where = SourceMap(runs)
            kind = "title" if name in options.title_fields else "paragraph"
            if name in options.html_fields or _MARKUP.search(value):
                from claimlint.readers.html import extract_html  # only feeds with markup need the HTML parser

                extract_html(doc, value, where, kind)
            else:
                _plain_blocks(doc, value, where, kind)
        doc.profile = self.profile(values)
        return doc

    def profile(self, values: dict[str, tuple[list[Run], Any]]) -> dict[str, Any]:
        """The row's product profile from its columns: profile, product, nutrients."""
        options = self.options
        profile: dict[str, Any] = {}
        for name in options.profile_fields:
            kind = _text(values.get(name, ([], None))[1]).strip()
            if kind:
                mapped = profile_for_type(kind, dict(options.profiles))
                if mapped:
                    profile["profile"] = mapped
                break
        if options.product_field:
            product = _text(values.get(options.product_field, ([], None))[1]).strip()
            if product:
                profile["product"] = product
        if options.nutrients_field:
            declared = values.get(options.nutrients_field, ([], None))[1]
            nutrients = declared if isinstance(declared, dict) else parse_nutrients(_text(declared))
            if nutrients:
                profile["nutrients"] = nutrients
        return profile


def profile_for_type(kind: str, profiles: dict[str, str]) -> str | None:
    """The profile a product type maps to: a profile's own name, the whole value, or the
    most specific step of a category path ("Health & Beauty > … > Vitamins & Supplements")."""
    from claimlint.knowledge.profile import PROFILES

    lowered = {key.casefold(): value for key, value in profiles.items()}
    if kind in PROFILES:
        return kind
    steps = [kind, *reversed([step.strip() for step in kind.split(">")])]
    return next((lowered[step.casefold()] for step in steps if step.casefold() in lowered), None)


def parse_nutrients(value: str) -> dict[str, str]:
    """``magnesium: 300 mg; vitamin C: 80 mg`` as a mapping of nutrient to amount."""
    return {match.group(1): match.group(2) for match in _NUTRIENT.finditer(value)}


def _text(value: Any) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return value if isinstance(value, str) else json.dumps(value)


def _filled(values: dict[str, tuple[list[Run], Any]], name: str) -> bool:
    entry = values.get(name)
    return entry is not None and isinstance(entry[1], str) and bool(entry[1].strip()) and bool(entry[0])


def _plain_blocks(doc: Document, value: str, where: SourceMap, kind: str) -> None:
    """A plain-text field: a block per paragraph, line breaks inside one read as spaces."""
    start = 0
    for end, resume in [*((m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(value)), (len(value), len(value))]:
        builder = SourceBuilder(kind)
        done = start
        for line_break in _LINE_BREAK.finditer(value, start, end):
            if line_break.start() > done:
                where.copy(builder, value[done:line_break.start()], done)
            where.decoded(builder, " ", line_break.start())
            done = line_break.end()
        if end > done:
            where.copy(builder, value[done:end], done)
        block = builder.build()
        if block is not None:
            doc.blocks.append(block)
        start = resume


# -- CSV and TSV ------------------------------------------------------------------------

def _csv_fields(text: str, delimiter: str) -> list[tuple[list[Run], str]] | None:
    """The fields of one record (RFC 4180 quoting); None while a quoted field is open."""
    plain = _PLAIN[delimiter]
    fields: list[tuple[list[Run], str]] = []
    pos, end = 0, len(text)
    while True:
        if text.startswith('"', pos):
            match = _QUOTED.match(text, pos)
            if match is None:
                return None
            fields.append(_unquote(match.group(1), match.start(1)))
            pos = match.end()
            if pos < end and text[pos] not in delimiter + "\r\n":
                raise BadRow(f"text after the closing quote of field {len(fields)}")
        else:
            match = plain.match(text, pos)
            fields.append(([(0, pos, match.end() - pos, True)], match.group()))
            pos = match.end()
        if pos < end and text[pos] == delimiter:
            pos += 1
            continue
        if text[pos:].strip("\r\n"):
            raise BadRow("a line break inside an unquoted field")
        return fields


def _unquote(content: str, start: int) -> tuple[list[Run], str]:
    """A quoted field's value (``""`` is one quote) and its map into the record."""
    if '""' not in content:
        return [(0, start, len(content), True)], content
    runs: list[Run] = []
    local = done = 0
    for match in re.finditer('""', content):
        if match.start() > done:
            runs.append((local, start + done, match.start() - done, True))
            local += match.start() - done
        runs.append((local, start + match.start(), 1, False))
        local += 1
        done = match.end()
    if done < len(content):
        runs.append((local, start + done, len(content) - done, True))
    return runs, content.replace('""', '"')


# -- JSON Lines ---------------------------------------------------------------------------

def _json_fields(text: str) -> dict[str, tuple[list[Run], Any]]:
    """The top-level members of a JSON object on one line, string values with their maps."""
    pos = _JSON_SPACE.match(text).end()
    if not text.startswith("{", pos):
        raise BadRow("not a JSON object")
    members: dict[str, tuple[list[Run], Any]] = {}
    pos = _JSON_SPACE.match(text, pos + 1).end()
    try:
        if text.startswith("}", pos):
            pos += 1
        else:
            while True:
                if not text.startswith('"', pos):
                    raise BadRow(f"invalid JSON: expected a member name at column {pos + 1}")
                key, pos = json.decoder.scanstring(text, pos + 1)
                pos = _JSON_SPACE.match(text, pos).end()
                if not text.startswith(":", pos):
                    raise BadRow(f"invalid JSON: expected ':' at column {pos + 1}")
                start = _JSON_SPACE.match(text, pos + 1).end()
                value, pos = _JSON.raw_decode(text, start)
                runs = _json_runs(text[start + 1:pos - 1], start + 1) if isinstance(value, str) and value else []
                members[key] = (runs, value)
                pos = _JSON_SPACE.match(text, pos).end()
                if text.startswith("}", pos):
                    pos += 1
                    break
                if not text.startswith(",", pos):
                    raise BadRow(f"invalid JSON: expected ',' or '}}' at column {pos + 1}")
                pos = _JSON_SPACE.match(text, pos + 1).end()
    except json.JSONDecodeError as exc:
        raise BadRow(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    if text[pos:].strip():
        raise BadRow(f"invalid JSON: text after the object at column {pos + 1}")
    return members


def _json_runs(raw: str, start: int) -> list[Run]:
    """The map of a JSON string's value into the record: escapes stand for their source."""
    runs: list[Run] = []
    local = done = 0
    for match in _JSON_ESCAPE.finditer(raw):
        if match.start() > done:
            runs.append((local, start + done, match.start() - done, True))
            local += match.start() - done
        decoded = json.loads(f'"{match.group()}"')
        runs.append((local, start + match.start(), len(decoded), False))
        local += len(decoded)
        done = match.end()
    if done < len(raw):
        runs.append((local, start + done, len(raw) - done, True))
    return runs


# -- records ----------------------------------------------------------------------------

def records(path: str, delimiter: str | None) -> Iterator[Record]:
    """The records of a feed file, streamed; blank lines are skipped. Bytes that are not
    UTF-8 are kept as escapes so their row can be reported. Raise :class:`ReadError`
    for a file that cannot be opened or is not text."""
    try:
        binary = open(path, "rb")  # noqa: SIM115 (closed by the generator)
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None
    head = binary.peek(8192)[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        binary.close()
        raise ReadError(f"{path}: UTF-16 text, only UTF-8 is supported")
    if b"\x00" in head:
        binary.close()
        raise ReadError(f"{path}: binary file, not text")
    return _records(path, binary, delimiter)


def _records(path: str, binary: io.BufferedReader, delimiter: str | None) -> Iterator[Record]:
    with io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape", newline="") as text:
        number = 0
        pending: list[str] = []
        start = 0
        size = 0
        try:
            for line in text:
                number += 1
                if not pending:
                    if not line.strip("\r\n"):
                        continue
                    start = number
                pending.append(line)
                size += len(line)
                joined = "".join(pending) if len(pending) > 1 else line
                if delimiter is not None and size < MAX_RECORD:
                    try:
                        if _csv_fields(joined, delimiter) is None:
                            continue
                    except BadRow:
                        pass  # reported when the row is read
                yield Record(start, _strip_break(joined))
                pending, size = [], 0
        except OSError as exc:
            raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None
        if pending:
            yield Record(start, _strip_break("".join(pending)))


def _strip_break(text: str) -> str:
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith(("\n", "\r")) else text
