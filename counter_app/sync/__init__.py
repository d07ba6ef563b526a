"""USB sync: sealed export packages from a commune to its hub, the hub's import, and return packages.

Qt-free. Long operations take plain callbacks (`progress(phase, done, total)` and `cancel() -> bool`) so
the UI can adapt them to its worker threads. Formats: docs/sync-format.md.
"""
