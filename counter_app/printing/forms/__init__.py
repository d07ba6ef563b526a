"""One module per form family; each exposes a build_* function returning PDF bytes."""
