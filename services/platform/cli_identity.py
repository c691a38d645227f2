"""Who acts from the command line.

An API key names a platform user: their role is checked against the permission map, and a
refusal is audited like an API denial. Without a key (dev and staging only, where the command
allows it) the action is recorded as the OS account's, `os:<login>`, never as a name typed on
the command line: `--by ana` used to be recorded as admin ana, indistinguishable from ana's own
API call. Every entry also says `via: cli` and the OS account.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import Annotated

import typer

from services.platform import audit, auth
from services.platform.db import Database
from services.platform.errors import NotAuthenticated
from services.platform.permissions import Permission, Role, allowed

OS_PREFIX = "os:"
ApiKey = Annotated[str | None, typer.Option("--key", envvar="INSIGHTSTACK_API_KEY", show_default=False, help="Your API key: who acts (required for production).")]


@dataclass(frozen=True)
class Actor:
    """Who acts from the command line, and the OS account the command ran under."""

    caller: audit.Caller
    os_user: str

    @property
    def provenance(self) -> dict[str, str]:
        return {"via": "cli", "os_user": self.os_user}


def cli_actor(db: Database, key: str | None, permission: Permission, action: str, *, key_required: bool) -> Actor:
    """The platform user holding `key`, if allowed `permission`; without a key, the OS account
    (refused where `key_required`)."""
    os_user = getpass.getuser()
    if not key:
        if key_required:
            raise NotAuthenticated(f"{action} needs the API key of a user allowed to do it: --key or INSIGHTSTACK_API_KEY")
        return Actor(audit.Caller(OS_PREFIX + os_user, Role.admin.value), os_user)
    with db.session() as session:
        user = auth.authenticate(session, key)
        if user is None:
            raise NotAuthenticated("invalid or disabled API key")
        caller = audit.Caller(user.name, user.role)
    actor = Actor(caller, os_user)
    if not allowed(Role(caller.role), permission):
        raise audit.denied(db, caller, action, "cli", f"{caller.name} is {caller.role}: {action} is not theirs to do", actor.provenance)
    return actor
