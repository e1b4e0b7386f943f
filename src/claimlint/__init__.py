"""claimlint: lint marketing copy against EU nutrition and health claims law."""

__version__ = "0.1.0"
