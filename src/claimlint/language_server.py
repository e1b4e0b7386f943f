"""``claimlint server``: the Language Server Protocol over standard input and output, so
copywriters see findings as they write, in any editor with an LSP client.

The engine is built once, when the first document is linted, and lints every open
buffer as it is opened and changed: Markdown, HTML or plain text, by the editor's
language id or else the file's suffix. Each file is governed by the config found for its
path, as ``claimlint check`` would find it. Hovering a finding explains its rule; the
code actions offer the authorised wording where a strengthened claim can take it, and a
suppression comment with a place for the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from claimlint import __version__
from claimlint.findings import Finding
from claimlint.readers import is_plain_text, read_source

SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
LANGUAGE_SUFFIXES = {"markdown": ".md", "html": ".html", "plaintext": ".txt"}
# The suppression comment each kind of file reads, with the reason still to be written.
SUPPRESS_HTML = "<!-- claimlint-disable-next-line {code} -- reason -->"
SUPPRESS_TEXT = "# claimlint-disable-next-line {code} -- reason"


@dataclass
class Placed:
    """A finding and its range in the client's units."""

    finding: Finding
    range: types.Range


class ClaimlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("claimlint", __version__)
        self._engine = None
        self._settings = None
        self.placed: dict[str, list[Placed]] = {}  # by document URI

    def engine_and_settings(self):
        """Built once per server: building the engine compiles every pack."""
        if self._engine is None:
            from claimlint.engine import Engine
            from claimlint.run.config import Config, Settings, absolute

            root = absolute(self.workspace.root_path or Path.cwd())
            self._settings = Settings(Config(root=root))
            self._engine = Engine(self._settings.engine_options([str(root)]))
            rules = len(self._engine.knowledge.rules)
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Info, message=f"claimlint {__version__}: {rules} rules loaded"))
        return self._engine, self._settings

    def path_of(self, document: TextDocument) -> str:
        """A file's own path; for an unsaved buffer a name whose suffix is its language's."""
        path = to_fs_path(document.uri)
        if path and document.uri.startswith("file:"):
            return path
        name = document.uri.rsplit("/", 1)[-1] or "untitled"
        return name + LANGUAGE_SUFFIXES.get(document.language_id or "", "")

    def lint(self, uri: str) -> None:
        from claimlint.knowledge.packs import PackError
        from claimlint.run.config import ConfigError
        from claimlint.run.runner import lint_document

        document = self.workspace.get_text_document(uri)
        path = self.path_of(document)
        try:
            engine, settings = self.engine_and_settings()
            file_settings = settings.for_file(path, engine.knowledge.rules)
        except (ConfigError, PackError) as exc:  # shown, and the server stays up for the fixed file
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"claimlint: {exc}"))
            return
        joiners = engine.knowledge.grammar.heading_joiners
        copy = read_source(path, document.source, document.language_id, joiners)
        result = lint_document(engine, copy, file_settings)
        if result.error:
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=f"claimlint: {result.error}"))
        codec, lines = document.position_codec, document.lines
        self.placed[uri] = [
            Placed(f, codec.range_to_client_units(lines, code_points(f.line, f.column, f.end_line, f.end_column)))
            for f in result.findings
        ]
        diagnostics = [diagnostic(p) for p in self.placed[uri]]
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=document.version))


def code_points(line: int, column: int, end_line: int, end_column: int) -> types.Range:
    """1-based lines and columns (code points) as a 0-based LSP range, still in code points."""
    return types.Range(start=types.Position(line=line - 1, character=column - 1),
                       end=types.Position(line=end_line - 1, character=end_column - 1))


def diagnostic(placed: Placed) -> types.Diagnostic:
    f = placed.finding
    message = f.message + "".join(f"\nAllowed: {s}" for s in f.suggestions[:2])
    return types.Diagnostic(range=placed.range, message=message, severity=SEVERITIES[f.severity], code=f.code, source="claimlint")


def contains(r: types.Range, p: types.Position) -> bool:
    return (r.start.line, r.start.character) <= (p.line, p.character) <= (r.end.line, r.end.character)


def overlaps(a: types.Range, b: types.Range) -> bool:
    return contains(a, b.start) or contains(a, b.end) or contains(b, a.start)


server = ClaimlintServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ClaimlintServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ClaimlintServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.lint(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ClaimlintServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.placed.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: ClaimlintServer, params: types.HoverParams) -> types.Hover | None:
    """The rule behind each finding under the cursor: what it checks, why, and the law."""
    here = [p for p in ls.placed.get(params.text_document.uri, []) if contains(p.range, params.position)]
    if not here:
        return None
    engine, _ = ls.engine_and_settings()
    parts = []
    for p in here:
        rule = engine.knowledge.rules.get(p.finding.code)
        text = f"**{p.finding.code}** {p.finding.message}"
        if rule is not None:
            text += f"\n\n{rule.explanation}\n\n*Legal basis:* {rule.basis}"
        parts.append(text)
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)), range=here[0].range)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_actions(ls: ClaimlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    document = ls.workspace.get_text_document(uri)
    comment = SUPPRESS_TEXT if is_plain_text(ls.path_of(document), document.language_id) else SUPPRESS_HTML
    actions = []
    for p in ls.placed.get(uri, []):
        if not overlaps(p.range, params.range):
            continue
        f = p.finding
        if f.fix is not None:
            fix = f.fix
            where = document.position_codec.range_to_client_units(
                document.lines, code_points(fix.line, fix.column, fix.end_line, fix.end_column))
            actions.append(types.CodeAction(
                title=f"Use the authorised wording: “{fix.replacement}”",
                kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic(p)], is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=where, new_text=fix.replacement)]}),
            ))
        line = document.lines[f.line - 1] if f.line - 1 < len(document.lines) else ""
        indent = line[:len(line) - len(line.lstrip(" \t"))]
        newline = "\r\n" if line.endswith("\r\n") else "\n"
        text = indent + comment.format(code=f.code) + newline
        start = types.Position(line=f.line - 1, character=0)
        actions.append(types.CodeAction(
            title=f"Suppress {f.code} on this line (write the reason)",
            kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic(p)],
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=types.Range(start=start, end=start), new_text=text)]}),
        ))
    return actions


def main() -> None:
    server.start_io()
