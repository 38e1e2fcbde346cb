"""The ``policykb`` command line, a face over ``kb`` (see :mod:`cli.main`)."""

__all__: list[str] = []
