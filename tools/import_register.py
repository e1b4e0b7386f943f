#!/usr/bin/env python3
"""Regenerate rules/eu-register-*.yaml and rules/nrv.yaml from the EU Register data.

Usage: python tools/import_register.py [--data DIR] [--out DIR]
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from register_import import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(data=ROOT.parent / "shared" / "data" / "eu-register", out=ROOT / "rules"))
