import sys
from pathlib import Path

import pytest

# The build-time importers live in tools/, outside the package; their tests import them from there.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from claimlint.engine import Engine  # noqa: E402


@pytest.fixture(scope="session")
def engine() -> Engine:
    """One engine for the whole test session, as one process would build it."""
    return Engine()
