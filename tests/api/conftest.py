"""Fixtures of the HTTP API's tests: the app over the plan's index, and clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api import ApiSettings, create_app
from kb.settings import Paths, Settings

ClientFactory = Callable[..., Any]


@pytest.fixture(scope="session")
def api_settings(plan_index: Path) -> ApiSettings:
    """The API's default settings over the plan's index."""
    return ApiSettings(Settings(paths=Paths(index_dir=plan_index)))


@pytest.fixture(scope="module")
def client(plan_kb: Any, api_settings: ApiSettings) -> Iterator[TestClient]:
    """A client of the API over the plan, warmed up, with default settings and no key."""
    app = create_app(plan_kb, api_settings)
    with TestClient(app) as test_client:
        assert app.state.warm.wait(120), app.state.warm.status()
        yield test_client


@pytest.fixture
def make_client(plan_kb: Any, api_settings: ApiSettings) -> ClientFactory:
    """``with make_client(api_key="k", max_body=100) as client:`` another app's client."""

    @contextmanager
    def make(kb: Any = None, **changes: Any) -> Iterator[TestClient]:
        app = create_app(kb or plan_kb, api_settings.changed(**changes))
        with TestClient(app) as test_client:
            yield test_client

    return make
