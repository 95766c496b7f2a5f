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


def test_every_declared_dependency_is_pinned_within_its_range():
    """constraints.txt (what make setup installs with) pins each library pyproject.toml declares, at a
    version the declared range admits: the measured set-up is one the project says it supports."""
    import tomllib

    from packaging.requirements import Requirement

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [Requirement(r) for r in project["dependencies"]]
    declared += [Requirement(r) for extra in project["optional-dependencies"].values() for r in extra]
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.lower().replace("_", "-")] = version
    for req in declared:
        name = req.name.lower().replace("_", "-")
        assert name in pins, f"{req.name} is not pinned in constraints.txt"
        assert req.specifier.contains(pins[name], prereleases=True), f"{req.name}=={pins[name]} is outside {req.specifier}"
