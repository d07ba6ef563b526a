"""Facts about people that several rules share."""

from __future__ import annotations

from enum import StrEnum


class Gender(StrEnum):
    """Gender as recorded on identity papers (the values are stored in the database)."""

    MALE = "male"
    FEMALE = "female"
