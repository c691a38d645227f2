"""Times as clients send them, normalised to UTC on the way in.

Every stored time is UTC (`db.UTCDateTime`). A time whose offset takes it out of the calendar
(`0001-01-01T00:00:00+23:59` is in year 0 in UTC) cannot be stored or compared; it is refused
here with a 422 naming the field, rather than stored wrong or failing a later query.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime


def to_utc(value: datetime) -> datetime:
    """``value`` in UTC (naive: taken as UTC already); `ValueError` when that is outside years 1-9999."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"{value.isoformat()} is outside the years 1 to 9999 once converted to UTC") from None


UtcDateTime = Annotated[AwareDatetime, AfterValidator(to_utc)]
"""A request time: its zone is required, and it arrives converted to UTC."""
