"""Sync errors. str(err) is a Vietnamese sentence for the clerk or officer; `code` is for programs."""

from __future__ import annotations


class SyncError(Exception):
    """A sync problem the user can understand and act on. Nothing was changed when it is raised."""

    def __init__(self, message: str, code: str = "error") -> None:
        super().__init__(message)
        self.code = code


class PackageRejected(SyncError):
    """A package that must not be applied: corrupt, tampered, foreign, unknown key, invalid content…

    Codes: not_a_package, truncated, newer_format, wrong_recipient, tampered, unknown_unit_key,
    bad_signature, sender_mismatch, too_large, invalid_content, conflict, sequence_reused, pending_key.
    """


class SyncCancelled(SyncError):
    """The user cancelled; everything written so far was rolled back or removed."""


class MediaError(SyncError):
    """The USB stick or folder could not be written or read (full, pulled out, read-only…)."""
