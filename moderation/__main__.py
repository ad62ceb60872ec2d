"""``python -m moderation``: the screen's batch commands live in ``cli.screen``."""

from __future__ import annotations

from cli.screen import main

if __name__ == "__main__":
    raise SystemExit(main())
