"""YAML front matter: copy fields to lint, and the ``claimlint:`` product profile.

The YAML is composed to nodes before it is constructed, so each copy field's value can be
mapped back to where it stands in the file.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from claimlint.document import Document
from claimlint.readers.decoding import ReadError
from claimlint.readers.spans import SourceBuilder, SourceMap, align

COPY_FIELDS = ("title", "description", "subtitle", "summary", "excerpt")
PROFILE_FIELD = "claimlint"

_OPEN = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_CLOSE = re.compile(r"(?<![^\r\n])(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)")
_STRING_TAG = "tag:yaml.org,2002:str"


def read_front_matter(doc: Document) -> int:
    """Read a leading ``---`` block into ``doc``; return the offset where the body starts.

    Without a closing ``---`` (or ``...``) line the file has no front matter: a Markdown
    file may well open with a thematic break.
    """
    opening = _OPEN.match(doc.source)
    if opening is None:
        return 0
    closing = _CLOSE.search(doc.source, opening.end())
    if closing is None:
        return 0
    start = opening.end()
    yaml_text = doc.source[start:closing.start()]
    node, data = _load(doc, yaml_text, start)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _error(doc, start, "invalid front matter: expected a mapping of fields")
    doc.front_matter = data
    for key, value in node.value if node is not None else ():
        if key.value == PROFILE_FIELD and PROFILE_FIELD in data:
            if not isinstance(data[PROFILE_FIELD], dict):
                message = f"front matter field '{PROFILE_FIELD}' must be a mapping"
                raise _error(doc, start + key.start_mark.index, message)
            doc.profile = data[PROFILE_FIELD]
        elif key.value in COPY_FIELDS and isinstance(value, yaml.ScalarNode) and value.tag == _STRING_TAG:
            _add_field(doc, key.value, value, yaml_text, start)
    return closing.end()


def _load(doc: Document, yaml_text: str, start: int) -> tuple[yaml.Node | None, Any]:
    try:
        loader = yaml.SafeLoader(yaml_text)
        try:
            node = loader.get_single_node()
            return node, loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        offset = start + (mark.index if mark else 0)
        raise _error(doc, offset, f"invalid front matter: {exc.problem or exc.context}") from None
    except yaml.reader.ReaderError as exc:
        problem = str(exc).splitlines()[0]
        raise _error(doc, start + exc.position, f"invalid front matter: {problem}") from None
    except Exception as exc:  # PyYAML raises ValueError, RecursionError … for some values
        raise _error(doc, start, f"invalid front matter: {exc}") from None


def _add_field(doc: Document, name: str, node: yaml.ScalarNode, yaml_text: str, start: int) -> None:
    """A block for a copy field, mapped to its value's place in the file (inside the quotes)."""
    first, last = node.start_mark.index, node.end_mark.index
    if node.style in ("'", '"'):
        first, last = first + 1, last - 1
    value = node.value
    if not value.strip():
        return
    if yaml_text[first:last] == value:
        where = SourceMap([(0, start + first, len(value), True)])
    else:
        where = SourceMap(align(value, 0, doc.source, start + first, start + last))
    builder = SourceBuilder(name)
    where.copy(builder, value, 0)
    block = builder.build()
    if block is not None:
        doc.blocks.append(block)


def _error(doc: Document, offset: int, message: str) -> ReadError:
    line = doc.position(offset)[0]
    return ReadError(f"{doc.path}:{line}: {' '.join(message.split())}")
