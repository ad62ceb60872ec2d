"""``python -m postbox``: the command line lives in ``cli.site``, above the app."""

from __future__ import annotations

from cli.site import main

if __name__ == "__main__":
    raise SystemExit(main())
