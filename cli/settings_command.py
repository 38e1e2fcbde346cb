"""``policykb config``: the effective settings, and where each value came from."""

from __future__ import annotations

import argparse

from cli.output import print_json
from kb.settings import Settings
from kb.settings_sources import rows

__all__ = ["cmd_config"]


def cmd_config(args: argparse.Namespace, config: Settings) -> int:
    """Print every setting: ``section.field = value`` with its variable and source.

    :returns: 0 (an invalid setting never gets here: loading raised ``ConfigError``).
    """
    listed = rows(config)
    if args.changed:
        listed = [r for r in listed if r.source != "default"]
    if args.json:
        print_json(
            {
                "settings": [
                    {
                        "key": r.key,
                        "section": r.section,
                        "field": r.field,
                        "value": _plain(r.value),
                        "default": _plain(r.default),
                        "env": r.env,
                        "source": r.source,
                    }
                    for r in listed
                ]
            }
        )
        return 0
    width = max((len(f"{r.section}.{r.field}") for r in listed), default=0)
    section = None
    for r in listed:
        if r.section != section:
            section = r.section
            print(f"[{section}]")
        name = f"{r.section}.{r.field}"
        print(f"  {name:<{width}} = {r.value!s:<20} {r.env:<34} ({r.source})")
    return 0


def _plain(value: object) -> object:
    """A JSON value: numbers as they are, anything else (paths) as text."""
    return value if isinstance(value, int | float) else str(value)
