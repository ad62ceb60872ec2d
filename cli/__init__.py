"""The command line: serving, workers, migrations, staff accounts, demo content, retention
and the screen's batch commands. The top layer: it may import everything, the app included.

``python -m postbox`` and ``python -m moderation`` stay as thin entry points into here.
"""
