import pytest

from claimlint.engine import Engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    """One engine for the whole test session, as one process would build it."""
    return Engine()
