"""No archived or sunset dependency is imported by the project's own code."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_nothing_imports_langchain_community():
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("bot", "index", "bench", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if "langchain_community" in path.read_text(encoding="utf-8") and path.name != "test_dependencies.py"
    ]
    assert offenders == []
    assert "langchain-community" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_the_store_is_a_langchain_vector_store():
    from langchain_core.vectorstores import VectorStore

    from index.vectorstore import FlatVectorStore

    assert issubclass(FlatVectorStore, VectorStore)
