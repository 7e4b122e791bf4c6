"""The house's shape: dependencies point one way, modules and functions fit in one reading.

The import contracts are in ``.importlinter`` (README.md, "Where things live"); ruff checks
complexity and statement counts (``C901``, ``PLR0915`` in pyproject.toml); these tests check what
ruff cannot: lines per module and per function, and function-level imports.
"""

import ast
import configparser
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONTRACTS = configparser.ConfigParser()
CONTRACTS.read(ROOT / ".importlinter")
# The packages import-linter reads are the packages these tests measure.
CODE_FOLDERS = tuple(CONTRACTS["importlinter"]["root_packages"].split())
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 40
FIRST_PARTY = {*CODE_FOLDERS, "tests"}

# Data, not code: the demo's words in eight languages (their functions still count below).
DATA_MODULES = {
    "tools/demo/content.py",
    "tools/demo/news.py",
    "tools/demo/events.py",
}


# Test functions longer than a screen, each for a reason: a table of cases, or one story told
# step by step (splitting it would hide what the story checks).
LONG_TEST_FUNCTIONS = {
    "tests/translation_workflow/test_scope.py::foreign_urls": "a table: each foreign address",
    "tests/caching/test_filter_cache.py::made_up_filters": "a table: each made-up filter",
    "tests/test_no_leaks.py::secrets": "builds one unpublished or private object of each kind",
    "tests/translation_workflow/test_segments.py::"
    "test_publishing_english_keeps_every_unchanged_translated_segment": "one story",
    "tests/translation_workflow/test_localize_guards.py::"
    "test_sync_translated_pages_publishes_no_unsubmitted_text_and_no_machine_translation": (
        "one story"
    ),
    "tests/translation_workflow/test_localize_guards.py::"
    "test_no_other_wagtail_localize_route_lets_a_non_reviewer_publish_dutch": "a table of routes",
    "tests/project/test_serving.py::"
    "test_gunicorn_opens_no_control_socket_shared_with_other_servers": "two servers, one story",
    "tests/test_browser.py::"
    "test_an_information_stand_added_in_the_admin_reaches_chinese_readers_and_calendars": (
        "one browser story"
    ),
    "tests/test_browser.py::"
    "test_editor_publishes_a_post_and_a_translator_puts_it_on_the_dutch_home_page": (
        "one browser story"
    ),
}


def code_modules(folders=CODE_FOLDERS):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or "node_modules" in relative:
                continue
            yield relative, path.read_text()


def functions(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def test_import_contracts_hold():
    """``lint-imports`` (grimp sees function-level imports too): no cycles, the kernel imports
    no feature, the product imports no tooling, content apps stay out of each other."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports"))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def contract_modules():
    """Every module named in a contract of ``.importlinter`` (layers split at ``|`` and ``:``)."""
    names = set()
    for section in CONTRACTS.sections():
        for key in ("layers", "source_modules", "forbidden_modules", "ancestors", "modules"):
            names.update(re.split(r"[\s|:]+", CONTRACTS[section].get(key, "")))
    return names - {""}


def test_every_package_of_the_project_is_read_by_the_import_contracts():
    packages = {
        path.name
        for path in ROOT.iterdir()
        if (path / "__init__.py").exists() and path.name != "tests"
    }
    assert packages == set(CODE_FOLDERS)


def test_every_module_of_the_project_has_its_place_in_the_contracts():
    """A new module or package directly under site_core must be placed in a layer of
    ``.importlinter`` (a module no contract names is a module nobody checks)."""
    names = {
        f"site_core.{path.stem if path.suffix == '.py' else path.name}"
        for path in (ROOT / "site_core").iterdir()
        if (path.suffix == ".py" and "." not in path.stem and path.stem != "__init__")
        or (path / "__init__.py").exists()
    } - {"site_core.migrations"}
    missing = sorted(names - contract_modules())
    assert not missing, f"not in any import contract: {missing}"


def test_every_module_can_be_read_in_one_sitting():
    long = {
        name: len(text.splitlines())
        for name, text in code_modules()
        if name not in DATA_MODULES and len(text.splitlines()) > MAX_MODULE_LINES
    }
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_every_function_fits_on_a_screen():
    long = []
    for name, text in code_modules():
        for node in functions(ast.parse(text)):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            length = node.end_lineno - start + 1
            if length > MAX_FUNCTION_LINES:
                long.append(f"{name}:{node.lineno} {node.name} ({length} lines)")
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {long}"


def test_every_test_function_fits_on_a_screen_but_the_named_ones():
    long = set()
    for name, text in code_modules(folders=("tests",)):
        for node in functions(ast.parse(text)):
            start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            if node.end_lineno - start + 1 > MAX_FUNCTION_LINES:
                long.add(f"{name}::{node.name}")
    assert long == set(LONG_TEST_FUNCTIONS)


def _first_party(node):
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").split(".")[0] in FIRST_PARTY
    return any(alias.name.split(".")[0] in FIRST_PARTY for alias in node.names)


NOQA = re.compile(r"noqa(:\s*[A-Z]+\d+(,\s*[A-Z]+\d+)*)?")


def _says_why(lines, node):
    """A comment on the import or on the line above it, saying more than a ``noqa``."""
    comments = [lines[node.end_lineno - 1].partition("#")[2]]
    above = lines[node.lineno - 2].strip()
    if above.startswith("#"):
        comments.append(above[1:])
    return any(re.search(r"\w", NOQA.sub("", comment)) for comment in comments)


def test_every_function_level_import_of_our_code_says_why():
    """A function-level import used to dodge a cycle is a smell: one that remains for another
    reason (Django's app registry not ready, an optional dependency) carries a comment."""
    silent = []
    for name, text in code_modules():
        lines = text.splitlines()
        for function in functions(ast.parse(text)):
            for node in ast.walk(function):
                imports = isinstance(node, (ast.Import, ast.ImportFrom)) and _first_party(node)
                if imports and not _says_why(lines, node):
                    silent.append(f"{name}:{node.lineno}")
    assert not silent, f"function-level imports without a reason: {silent}"
