"""The script Streamlit runs: ``policykb serve``, or ``streamlit run ui/streamlit_app.py``."""

import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # run as a file from a checkout: make the ``ui`` package importable
    sys.path.insert(0, _ROOT)

from ui.app import main  # noqa: E402

main()
