"""JUnit XML: one test suite per file, one failing test case per finding, so CI systems
that only read test reports still show each claim. A clean file is one passing case."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from claimlint.formatters import Report

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: str) -> str:
    """Control characters are not allowed in XML 1.0 even escaped."""
    return _NOT_XML.sub("\ufffd", value)


def render(report: Report) -> str:
    findings = report.findings
    tests = sum(max(len(r.findings), 1) for r in report.results)
    root = ET.Element("testsuites", name="claimlint", tests=str(tests), failures=str(len(findings)))
    for result in report.results:
        cases = result.findings
        suite = ET.SubElement(
            root, "testsuite", name=result.path,
            tests=str(max(len(cases), 1)), failures=str(len(cases)), errors="0",
        )
        if not cases:
            ET.SubElement(suite, "testcase", name="claimlint", classname=result.path, file=result.path)
        for f in cases:
            case = ET.SubElement(
                suite, "testcase", name=f"{f.code} at {f.line}:{f.column}",
                classname=result.path, file=f.path, line=str(f.line),
            )
            failure = ET.SubElement(case, "failure", message=_xml_text(f.message), type=f.code)
            failure.text = _xml_text(f"{f.path}:{f.line}:{f.column}: {f.code} {f.severity}: {f.message}\n{f.excerpt}")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
