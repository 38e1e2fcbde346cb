"""Face: the HTTP API (``policykb api``), over ``kb``'s public API.

Needs the ``api`` extra (FastAPI, uvicorn): ``pip install "policykb[api]"``.

Example::

    from api import create_app, load_settings
    app = create_app(KnowledgeBase.open(".policykb"), load_settings())
"""

try:
    import fastapi  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError as exc:  # pragma: no cover - the default install has no extra
    raise ImportError(
        f'the HTTP API needs its extra ({exc.name} is missing): pip install "policykb[api]"'
    ) from exc

from api.app import create_app
from api.settings import ApiSettings, load_settings

__all__ = ["ApiSettings", "create_app", "load_settings"]
