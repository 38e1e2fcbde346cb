"""PolicyKB's Streamlit face: ask, search, browse, fit, targets (``policykb serve``).

``ui.app.main`` builds the app; each page is a module with ``render()``. Importing this
package imports nothing else (``policykb serve`` finds ``streamlit_app.py`` beside it).
"""

__all__: list[str] = []
