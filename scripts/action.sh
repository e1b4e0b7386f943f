#!/usr/bin/env bash
# The steps of the claimlint GitHub Action (action.yml), in a file of their own so that the
# test suite runs them as a workflow does.
#
#   action.sh install  installs claimlint with pip: SOURCE (any pip requirement) if set, else
#                      release VERSION of the claimlint-eu distribution, else the action's own
#                      checkout (GITHUB_ACTION_PATH).
#   action.sh check    writes the SARIF report to SARIF, then checks again for the log, and
#                      exits with claimlint's status (0 clean, 1 findings, 2 an error).
#
# PATHS and ARGS are split into words as a shell would split them, quotes included
# (paths: content "spring range/page.md"), but nothing in them is run or expanded. A
# usage or config error still leaves a SARIF report naming it, so the upload step that
# follows has a file to upload.
set -euo pipefail

# The words of $1, each ended by a NUL; on a quoting error, the error as a SARIF report
# (the upload step then says what went wrong) and status 2.
words() {
  python - "$1" "$2" "$SARIF" <<'PYTHON'
import shlex, sys
from pathlib import Path

text, name, sarif = sys.argv[1:]
try:
    sys.stdout.write("".join(word + "\0" for word in shlex.split(text)))
except ValueError as error:
    from claimlint.formatters.sarif import failed_run

    message = f"the action's {name} input cannot be split into words: {error}"
    Path(sarif).parent.mkdir(parents=True, exist_ok=True)
    Path(sarif).write_text(failed_run(message), encoding="utf-8")
    print(f"claimlint: error: {message}", file=sys.stderr)
    sys.exit(2)
PYTHON
}

case "${1:-}" in
  install)
    if [ -n "${SOURCE:-}" ]; then requirement=$SOURCE
    elif [ -n "${VERSION:-}" ]; then requirement="claimlint-eu==$VERSION"
    else requirement=$GITHUB_ACTION_PATH
    fi
    python -m pip install --disable-pip-version-check "$requirement"
    ;;
  check)
    SARIF=${SARIF:-claimlint.sarif}
    split=$(mktemp -d)
    trap 'rm -rf "$split"' EXIT
    words "${PATHS:-.}" paths > "$split/paths"
    words "${ARGS:-}" args > "$split/args"
    mapfile -d '' -t paths < "$split/paths"
    mapfile -d '' -t args < "$split/args"
    # Options given last win, so the report is SARIF whatever ARGS say about the format.
    claimlint check "${args[@]}" --format sarif --output-file "$SARIF" -- "${paths[@]}" || true
    claimlint check "${args[@]}" -- "${paths[@]}"
    ;;
  *)
    echo "usage: action.sh install|check" >&2
    exit 2
    ;;
esac
