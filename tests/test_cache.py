"""Where the cache lives: the environment variables first, else the platform's user cache folder."""

import sys
from pathlib import Path

import pytest

from claimlint import cache


def test_cache_dir_variable_wins(monkeypatch, tmp_path):
    monkeypatch.delenv("CLAIMLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("CLAIMLINT_CACHE_DIR", str(tmp_path / "here"))
    assert cache.folder() == tmp_path / "here"
    cache.store("probe", "k", {"a": 1})
    assert cache.load("probe", "k") == {"a": 1}
    assert (tmp_path / "here" / "probe" / "k.pickle").is_file()


def test_no_cache_turns_it_off(monkeypatch, tmp_path):
    monkeypatch.setenv("CLAIMLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("CLAIMLINT_NO_CACHE", "1")
    assert cache.folder() is None
    assert cache.cached("probe", "k", lambda: 42) == 42
    assert not any(tmp_path.iterdir())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG layout is the Linux one")
def test_default_is_the_users_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("CLAIMLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("CLAIMLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.folder() == tmp_path / "claimlint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.folder() == Path.home() / ".cache" / "claimlint"
