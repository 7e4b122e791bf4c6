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
    "tests/test_site_crawl.py": "every live page: status, lang/dir, valid HTML, switcher",
    "tests/test_no_leaks.py": "the leak crawl: every draft and private object of every kind",
    "tests/translation_workflow/test_permission_matrix.py": "every role on every page",
    "tests/languages/test_fallback_crawl.py": "no empty listing, feed or calendar in any language",
    "tests/languages/test_language_discovery.py::"
    "test_hreflang_is_reciprocal_across_the_demo_site": "the hreflang crawl of the whole site",
}


def is_demo_marker(node):
    """``pytest.mark.demo``, ``mark.demo`` or ``item.add_marker("demo")``."""
    if isinstance(node, ast.Attribute) and node.attr == "demo":
        value = node.value
        return (isinstance(value, ast.Attribute) and value.attr == "mark") or (
            isinstance(value, ast.Name) and value.id == "mark"
        )
    if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "add_marker":
        return any(isinstance(arg, ast.Constant) and arg.value == "demo" for arg in node.args)
    return False


def demo_users(relative, tree):
    """Where a module uses the demo marker: "path" (outside any function or class, i.e.
    module-wide) or "path::name" (inside that top-level function or class)."""
    found = set()
    for top in tree.body:
        name = getattr(top, "name", None)
        if any(is_demo_marker(node) for node in ast.walk(top)):
            found.add(f"{relative}::{name}" if name else relative)
    return found


def all_demo_users():
    found = set()
    for path in sorted((ROOT / "tests").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        found |= demo_users(relative, ast.parse(path.read_text()))
    return found


def test_only_the_demos_own_tests_and_the_site_wide_crawls_use_the_demo():
    assert all_demo_users() == set(DEMO_USERS)


def test_the_check_sees_every_way_of_marking():
    source = (
        "pytestmark: list = [pytest.mark.django_db, pytest.mark.demo]\n"
        "@pytest.mark.demo\ndef test_crawl(): pass\n"
        "def test_other(): pass\n"
        "class TestThings:\n    @mark.demo\n    def test_method(self): pass\n"
        "def pytest_collection_modifyitems(items):\n    items[0].add_marker('demo')\n"
    )
    assert demo_users("m.py", ast.parse(source)) == {
        "m.py",
        "m.py::test_crawl",
        "m.py::TestThings",
        "m.py::pytest_collection_modifyitems",
    }
