"""Tests build the data they need: only the demo's own tests and the site-wide crawls run on the
whole demo (the ``demo`` marker, tests/databases.py); every other test starts from the empty site
and uses tests/factories."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Who may use the demo, and why: a whole module ("path") or one test ("path::name").
DEMO_USERS = {
    "tests/tooling/test_demo.py": "the demo loader's own tests",
    "tests/tooling/test_demo_content.py": "what the demo's content must show a visitor",
    "tests/test_no_leaks.py": "the leak crawl: every draft and private object of every kind",
    "tests/translation_workflow/test_permission_matrix.py": "every role on every page",
    "tests/languages/test_language_discovery.py::"
    "test_hreflang_is_reciprocal_across_the_demo_site": "the hreflang crawl of the whole site",
}


def is_demo_marker(node):
    """``pytest.mark.demo``."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "demo"
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "mark"
    )


def demo_users(relative, tree):
    """Where a test module uses the demo marker: "path" (module-wide) or "path::name"."""
    found = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(map(is_demo_marker, ast.walk(node))):
            found.add(relative)
        decorators = getattr(node, "decorator_list", [])
        if any(is_demo_marker(n) for d in decorators for n in ast.walk(d)):
            found.add(f"{relative}::{node.name}")
    return found


def all_demo_users():
    found = set()
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        relative = path.relative_to(ROOT).as_posix()
        found |= demo_users(relative, ast.parse(path.read_text()))
    return found


def test_only_the_demos_own_tests_and_the_site_wide_crawls_use_the_demo():
    assert all_demo_users() == set(DEMO_USERS)


def test_the_check_sees_a_module_marker_and_a_test_marker():
    source = (
        "pytestmark = [pytest.mark.django_db, pytest.mark.demo]\n"
        "@pytest.mark.demo\ndef test_crawl(): pass\n"
        "def test_other(): pass\n"
    )
    assert demo_users("m.py", ast.parse(source)) == {"m.py", "m.py::test_crawl"}
