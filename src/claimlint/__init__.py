"""claimlint: lint marketing copy against EU nutrition and health claims law.

The command and the import name are ``claimlint``; the distribution on PyPI is
``claimlint-eu``, because the name ``claimlint`` there belongs to an unrelated project.
The version is written here only: the build reads it from this file.
"""

__version__ = "0.1.0"
DISTRIBUTION = "claimlint-eu"
HOMEPAGE = f"https://pypi.org/project/{DISTRIBUTION}/"
