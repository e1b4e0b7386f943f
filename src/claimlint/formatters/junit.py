"""JUnit XML: one test suite per file, one failing test case per finding, so CI systems
that only read test reports still show each claim. A clean file is one passing case.

The counts stand at the top of each suite and of the report, so cases are written to a
temporary file as they come and the report is put together at the end: the text is what
``ElementTree`` writes for the whole tree, indented, while only counts are held."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import TYPE_CHECKING

from claimlint.findings import Finding
from claimlint.formatters import Spool, continues

if TYPE_CHECKING:
    from claimlint.run.runner import FileResult

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_INNER = "\ue000"  # stands for an element's content when only its tags are written
_CASE_INDENT = "\n    "


def _xml_text(value: str) -> str:
    """Control characters are not allowed in XML 1.0 even escaped."""
    return _NOT_XML.sub("\ufffd", value)


def _tags(tag: str, **attributes: str) -> tuple[str, str]:
    """The opening and closing tags of an element, as ElementTree writes them."""
    element = ET.Element(tag, attributes)
    element.text = _INNER
    opening, closing = ET.tostring(element, encoding="unicode").split(_INNER)
    return opening, closing


def _case(f: Finding, path: str) -> str:
    case = ET.Element("testcase", name=f"{f.code} at {f.line}:{f.column}", classname=path, file=f.path, line=str(f.line))
    failure = ET.SubElement(case, "failure", message=_xml_text(f.message), type=f.code)
    failure.text = _xml_text(f"{f.path}:{f.line}:{f.column}: {f.code} {f.severity}: {f.message}\n{f.excerpt}")
    ET.indent(case, level=2)
    return ET.tostring(case, encoding="unicode")


class Stream:
    """Suites written to a temporary file as their files end, each from its cases'
    temporary file; a feed's rows and a long file's pieces are one suite."""

    def __init__(self, files: int, **_: object) -> None:
        self.suites = Spool()
        self.cases: Spool | None = None  # of the file being written
        self.last: FileResult | None = None
        self.count = 0  # cases of the file being written
        self.tests = self.failures = 0
        self.baselined = 0  # counted by the run; the format does not show it

    def write(self, result: FileResult) -> str:
        if not continues(self.last, result):
            self._end_suite()
            self.cases = Spool()
        self.last = result
        for f in result.findings:
            self.cases.write(_CASE_INDENT + _case(f, result.path))
        self.count += len(result.findings)
        return ""

    def _end_suite(self) -> None:
        if self.last is None:
            return
        path, count = self.last.path, self.count
        opening, closing = _tags("testsuite", name=path, tests=str(max(count, 1)), failures=str(count), errors="0")
        self.suites.write("\n  " + opening)
        if count:
            for piece in self.cases.read():
                self.suites.write(piece)
        else:
            empty = ET.tostring(ET.Element("testcase", name="claimlint", classname=path, file=path), encoding="unicode")
            self.suites.write(_CASE_INDENT + empty)
        self.suites.write("\n  " + closing)
        self.tests += max(count, 1)
        self.failures += count
        self.count = 0

    def close(self) -> Iterator[str]:
        self._end_suite()
        declaration = "<?xml version='1.0' encoding='utf-8'?>\n"
        attributes = {"name": "claimlint", "tests": str(self.tests), "failures": str(self.failures)}
        if self.last is None:
            yield declaration + ET.tostring(ET.Element("testsuites", attributes), encoding="unicode") + "\n"
            return
        opening, closing = _tags("testsuites", **attributes)
        yield declaration + opening
        yield from self.suites.read()
        yield "\n" + closing + "\n"
