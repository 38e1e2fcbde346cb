"""The script Streamlit runs: ``policykb serve``, or ``streamlit run ui/streamlit_app.py``."""

import os
import sys
from pathlib import Path

os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # run as a file from a checkout: make the ``ui`` package importable
    sys.path.insert(0, _ROOT)

from ui.app import main  # noqa: E402

main()
