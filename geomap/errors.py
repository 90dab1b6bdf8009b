"""The exception tree of geomap: everything raised on purpose derives from GeomapError.

"No match" is never an exception: lookups return ``None`` or an empty list.
"""

from __future__ import annotations

__all__ = [
    "ExportError",
    "GazetteerError",
    "GeomapError",
    "InputError",
    "RenderError",
]


class GeomapError(Exception):
    """Root of every error geomap raises on purpose."""


class GazetteerError(GeomapError, RuntimeError):
    """The bundled gazetteer is missing, unreadable or inconsistent."""


class InputError(GeomapError, ValueError):
    """An input file or record cannot be read as an article.

    ``source`` names the file (and ``line`` the line, for JSONL) so that the
    message can say where the problem is.
    """

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {problem}")


class ExportError(GeomapError, OSError):
    """An output file could not be written."""


class RenderError(GeomapError, RuntimeError):
    """The map could not be rendered (for example, a self-contained asset is missing)."""
