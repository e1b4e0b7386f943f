"""``claimlint server``: a real LSP client talking to the server over stdio (pytest-lsp).

One server for the module, as an editor keeps one for its session."""

from __future__ import annotations

import asyncio
import os
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from cli_helpers import COMPLIANT, ROOT, STRENGTHENED, UNAUTHORISED

AUTHORISED = "Vitamin C contributes to the normal function of the immune system"
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "claimlint", "server"], server_env=ENV),
)
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=client_capabilities("visual-studio-code")))
    yield
    await lsp_client.shutdown_session()


def uri_of(tmp_path, name: str) -> str:
    return (tmp_path / name).as_uri()


async def published(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """Wait for the server's next diagnostics of ``uri``."""
    while True:
        params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
        if params.uri == uri:
            return list(params.diagnostics)


async def open_document(client: LanguageClient, uri: str, text: str, language: str) -> list[types.Diagnostic]:
    waiting = published(client, uri)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return await waiting


async def change(client: LanguageClient, uri: str, version: int, text: str) -> list[types.Diagnostic]:
    waiting = published(client, uri)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
    ))
    return await waiting


def apply(text: str, edit: types.TextEdit) -> str:
    """Apply one edit whose positions count UTF-16 code units, as the client counts them."""
    lines = text.splitlines(keepends=True) + [""]

    def offset(p: types.Position) -> int:
        line, units, i = lines[p.line], 0, 0
        while units < p.character and i < len(line):
            units += len(line[i].encode("utf-16-le")) // 2
            i += 1
        return sum(map(len, lines[:p.line])) + i

    return text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]


async def actions_at(client: LanguageClient, uri: str, diagnostic: types.Diagnostic) -> list[types.CodeAction]:
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic]),
    ))


async def test_diagnostics_on_open_and_change(client, tmp_path):
    uri = uri_of(tmp_path, "page.md")
    text = f"# Vitamin C\n\n🌟 {STRENGTHENED}\n"
    [found] = await open_document(client, uri, text, "markdown")
    assert (found.code, found.source, found.severity) == ("HC103", "claimlint", types.DiagnosticSeverity.Error)
    # "🌟" is two UTF-16 code units: "boosts" starts at unit 13 of line 2 (0-based).
    assert found.range == types.Range(start=types.Position(line=2, character=13), end=types.Position(line=2, character=38))
    assert "Allowed: " in found.message
    assert await change(client, uri, 2, f"# Vitamin C\n\n{COMPLIANT}\n") == []
    codes = [d.code for d in await change(client, uri, 3, f"{COMPLIANT}\n\n{UNAUTHORISED}\n")]
    assert codes == ["HC101"]


async def test_html_and_text_by_suffix_or_language_id(client, tmp_path):
    html = await open_document(client, uri_of(tmp_path, "page.html"), f"<p>Fine.</p>\n<p><em>{UNAUTHORISED}</em></p>\n", "html")
    assert [(d.code, d.range.start.line, d.range.start.character) for d in html] == [("HC101", 1, 17)]  # after "<p><em>Magnesium "
    suppressed = f"<!-- claimlint-disable-next-line HC103 -- approved -->\n{STRENGTHENED}\n"
    # The editor's language id picks the reader: Markdown reads the comment, plain text does not.
    assert await open_document(client, "untitled:Untitled-1", suppressed, "markdown") == []
    text = await open_document(client, "untitled:Untitled-2", suppressed, "plaintext")
    assert [(d.code, d.range.start.line) for d in text] == [("HC103", 1)]
    notes = await open_document(client, uri_of(tmp_path, "notes.txt"), f"# claimlint-disable-next-line HC103 -- ok\n{STRENGTHENED}\n", "")
    assert notes == []


async def test_hover_explains_the_rule(client, tmp_path):
    uri = uri_of(tmp_path, "hover.md")
    [found] = await open_document(client, uri, f"{STRENGTHENED}\n", "markdown")
    hover = await client.text_document_hover_async(types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=found.range.start))
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value.startswith("**HC103**")
    assert "Legal basis:* Regulation (EC) No 1924/2006" in hover.contents.value
    assert "authorised wording" in hover.contents.value
    nothing = await client.text_document_hover_async(types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=0)))
    assert nothing is None


async def test_code_action_offers_the_authorised_wording(client, tmp_path):
    uri = uri_of(tmp_path, "fix.md")
    text = f"Intro line.\n\n🌟 {STRENGTHENED}\n"
    [found] = await open_document(client, uri, text, "markdown")
    actions = await actions_at(client, uri, found)
    [use] = [a for a in actions if a.title.startswith("Use the authorised wording")]
    assert use.is_preferred and AUTHORISED in use.title
    [edit] = use.edit.changes[uri]
    fixed = apply(text, edit)
    assert fixed == f"Intro line.\n\n🌟 {AUTHORISED}.\n"
    assert await change(client, uri, 2, fixed) == []  # the law's own words pass


@pytest.mark.parametrize(("name", "language", "comment"), [
    ("suppress.md", "markdown", "<!-- claimlint-disable-next-line HC101 -- reason -->"),
    ("suppress.html", "html", "<!-- claimlint-disable-next-line HC101 -- reason -->"),
    ("suppress.txt", "plaintext", "# claimlint-disable-next-line HC101 -- reason"),
])
async def test_code_action_inserts_a_suppression_with_a_reason_placeholder(client, tmp_path, name, language, comment):
    uri = uri_of(tmp_path, name)
    copy = f"<p>{UNAUTHORISED}</p>" if language == "html" else UNAUTHORISED
    text = f"Intro.\n\n  {copy}\n"
    [found] = await open_document(client, uri, text, language)
    [suppress] = [a for a in await actions_at(client, uri, found) if a.title.startswith("Suppress")]
    assert suppress.title == "Suppress HC101 on this line (write the reason)"
    [edit] = suppress.edit.changes[uri]
    suppressed = apply(text, edit)
    assert suppressed == f"Intro.\n\n  {comment}\n  {copy}\n"
    assert await change(client, uri, 2, suppressed) == []


async def test_a_broken_config_is_shown_and_the_server_stays_up(client, tmp_path):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "claimlint.toml").write_text("[tool.claimlint\n", encoding="utf-8")
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri_of(tmp_path / "broken", "page.md"), language_id="markdown", version=1, text=f"{STRENGTHENED}\n")))
    shown = await asyncio.wait_for(client.wait_for_notification(types.WINDOW_SHOW_MESSAGE), 60)
    assert shown.type == types.MessageType.Error
    assert shown.message.startswith("claimlint: ") and "claimlint.toml" in shown.message
    [found] = await open_document(client, uri_of(tmp_path, "page.md"), f"{STRENGTHENED}\n", "markdown")
    assert found.code == "HC103"


async def test_engine_is_built_once_per_server(client, tmp_path):
    await open_document(client, uri_of(tmp_path, "one.md"), f"{STRENGTHENED}\n", "markdown")
    await open_document(client, uri_of(tmp_path, "two.txt"), f"{UNAUTHORISED}\n", "plaintext")
    loaded = [m for m in client.log_messages if "rules loaded" in m.message]
    assert len(loaded) == 1
