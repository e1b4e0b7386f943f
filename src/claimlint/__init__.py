"""claimlint: lint marketing copy against EU nutrition and health claims law.

The command and the import name are ``claimlint``; the distribution on PyPI is
``claimlint-eu``, because the name ``claimlint`` there belongs to an unrelated project.
The version is written here only: the build reads it from this file.
"""

__version__ = "0.1.0"
DISTRIBUTION = "claimlint-eu"
HOMEPAGE = f"https://pypi.org/project/{DISTRIBUTION}/"

# The project's repository, as [project.urls] in pyproject.toml declares it (a test keeps the
# two equal). Links to the rule reference are built on it: docs/rules/CODE.md at the release
# tag of this version, so a report links to the rules it was made with.
REPOSITORY = "https://github.com/claimlint/claimlint"


def rule_page(code: str) -> str:
    """The absolute address of a built-in rule's page in the rule reference."""
    return f"{REPOSITORY}/blob/v{__version__}/docs/rules/{code}.md"
