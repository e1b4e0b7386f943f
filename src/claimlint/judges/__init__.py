"""Judges: one per rule family, each reading the claims and mentions of a document.

A judge is built from a small view of what it reads (a frozen dataclass next to it) and
never sees the engine; ``judges/registry.py`` states the order they run in, the codes each
owns with the message placeholders it fills, and what each reads of the others."""
