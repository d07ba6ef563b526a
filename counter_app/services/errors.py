"""Errors a service raises for the user to read (Vietnamese) — distinct from storage problems and bugs."""

from __future__ import annotations

from collections.abc import Sequence


class ServiceError(Exception):
    """A request the service refuses; str(err) is a Vietnamese sentence for the clerk."""


class ValidationFailed(ServiceError):
    def __init__(self, errors: Sequence[str]) -> None:
        self.errors = tuple(errors)
        super().__init__("\n".join(self.errors))


class NotFound(ServiceError):
    pass


class PermissionDenied(ServiceError):
    pass
