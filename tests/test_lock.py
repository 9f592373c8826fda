"""The deploy lock file pins every runtime dependency at a version pyproject.toml allows."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def pinned() -> dict[str, str]:
    versions = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            versions[canonicalize_name(name)] = version
    return versions


def test_the_lock_pins_every_dependency_and_extra_for_deploys_within_its_range():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["postgres"]
    wanted += project["optional-dependencies"]["redis"] + project["optional-dependencies"]["serve"]
    versions = pinned()
    for text in wanted:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in versions, f"{name} is not in requirements.lock"
        assert requirement.specifier.contains(versions[name], prereleases=True), (name, text)
