"""The frozen program's entry point: the same `main()` as the `counter-app` console script."""

import multiprocessing

from counter_app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless when unused; needed if a worker process is ever started
    raise SystemExit(main())
