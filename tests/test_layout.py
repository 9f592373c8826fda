"""The shape of the code: domain modules never import Flask."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "locator"
MAY_IMPORT_FLASK = {"__init__.py", "errors.py", "extensions.py", "privacy.py", "cli.py"}


def flask_importers() -> list[str]:
    found = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "web" or str(relative) in MAY_IMPORT_FLASK:
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            if any(name == "flask" or name.startswith(("flask.", "flask_")) for name in names):
                found.append(str(relative))
    return found


def test_domain_modules_do_not_import_flask():
    assert flask_importers() == []


def test_the_project_never_reads_the_shared_folder():
    for path in PACKAGE.rglob("*.py"):
        assert "../shared" not in path.read_text(), path
