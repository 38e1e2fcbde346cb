"""PolicyKB's Streamlit app (``streamlit run app.py``); the app itself is the ``ui`` package."""

from ui.app import main

main()
