"""counter_app: the one-stop counter (Bộ phận Một cửa) of a Vietnamese commune, offline first."""

__version__ = "0.1.0"
