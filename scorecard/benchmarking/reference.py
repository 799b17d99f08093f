"""The reference data shipped with the package (sources in data/SOURCES.md): the areas of
England by GSS code and DfE LA number, and the DfE's statistical neighbours. They are ordinary
import files, loaded with `scorecard import` or by `scorecard demo`."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
AREAS = DATA / "areas.csv"
STATISTICAL_NEIGHBOURS = DATA / "statistical_neighbours.csv"
