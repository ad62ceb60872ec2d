"""Who may do what. Every staff route names the roles it admits (see ``accounts.guards``)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    MODERATOR = "moderator"
    HELP_AT_HAND = "help_at_hand"
    EDITOR = "editor"
    BOARD_MEMBER = "board_member"
    AMBASSADOR = "ambassador"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ADMIN: "Administrator",
    Role.MODERATOR: "Moderator",
    Role.HELP_AT_HAND: "Help at Hand",
    Role.EDITOR: "Editor",
    Role.BOARD_MEMBER: "Board member",
    Role.AMBASSADOR: "Youth Ambassador",
}

# Roles that may read a child's words unredacted and see contact requests' existence.
SAFEGUARDING: frozenset[Role] = frozenset({Role.ADMIN, Role.MODERATOR, Role.HELP_AT_HAND})
# Roles whose workspace is scoped to one board or cohort.
SCOPED: frozenset[Role] = frozenset({Role.BOARD_MEMBER, Role.AMBASSADOR})
ALL: frozenset[Role] = frozenset(Role)
