"""The worked example is built once per session (through the real services) and copied for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app.db.bootstrap import open_sqlite
from counter_app.services.context import CounterContext
from counter_app.services.unit import default_node_id
from counter_app.services.users import get_actor
from tests.reports.scenario import Example, build_example


@pytest.fixture(scope="session")
def example_template(
    template_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, str]]:
    path = tmp_path_factory.mktemp("example") / "example.sqlite3"
    shutil.copyfile(template_db, path)
    database = open_sqlite(path).database
    node_id = default_node_id(database)
    assert node_id is not None
    ctx = CounterContext(database, node_id)
    built = build_example(ctx, get_actor(database, "canbo1"), get_actor(database, "lanhdao"))
    database.dispose()
    return path, built.codes


@pytest.fixture
def example(example_template: tuple[Path, dict[str, str]], tmp_path: Path) -> Iterator[Example]:
    source, codes = example_template
    path = tmp_path / "example.sqlite3"
    shutil.copyfile(source, path)
    database = open_sqlite(path).database
    node_id = default_node_id(database)
    assert node_id is not None
    yield Example(CounterContext(database, node_id), dict(codes))
    database.dispose()
