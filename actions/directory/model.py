"""The directory as loaded: services and their status at a given moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from . import hours as _hours

TAGS = (
    "stalking_specialist",
    "emotional_support",
    "reporting",
    "anonymous",
    "high_risk",
    "domestic_abuse",
    "students",
    "lgbt",
    "always_open",
)


@dataclass(frozen=True)
class Service:
    """One service as the data file describes it.

    ``contact`` maps phone/text/web/chat/email to text shown as-is (phone as dialled,
    e.g. "0808 802 0300"). ``subdivision`` is the UK nation whose bank holidays apply:
    the one named by the file that defines the service.
    """

    id: str
    name: str
    purpose: str
    contact: dict[str, str]
    tags: tuple[str, ...]
    hours: _hours.Hours
    closed_on_bank_holidays: bool
    source: str
    last_checked: date
    subdivision: str

    def status_at(self, when: datetime) -> ServiceStatus:
        """Whether it is open at ``when`` (naive: London time) and when that changes."""
        is_open, opens_next, closes_at = _hours.status(
            self.hours, self.closed_on_bank_holidays, self.subdivision, when
        )
        return ServiceStatus(self, is_open, opens_next, closes_at)


@dataclass(frozen=True)
class ServiceStatus:
    """A service at one moment.

    ``open`` is None when the hours are not verified: we say neither open nor closed.
    ``opens_next`` is set only when closed (None if open, 24/7 or unknown);
    ``closes_at`` only when open on a timetable. Both are London time.
    """

    service: Service
    open: bool | None
    opens_next: datetime | None
    closes_at: datetime | None


@dataclass(frozen=True)
class Directory:
    """National services plus one institution's own, in file order (national first)."""

    institution: str
    name: str
    subdivision: str
    services: tuple[Service, ...]

    def get(self, service_id: str) -> Service:
        """The service with this id; KeyError if absent (the required national ids
        always exist, because the loader refuses a national file without them)."""
        for service in self.services:
            if service.id == service_id:
                return service
        raise KeyError(f"no service {service_id!r} for institution {self.institution!r}")

    def status_at(self, when: datetime) -> list[ServiceStatus]:
        """Every service's status at ``when``, in directory order."""
        return [service.status_at(when) for service in self.services]
