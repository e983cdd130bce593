"""Releasability: who may receive a record, under which TLP marking, how precisely located, and whether they
may pass it on.

Rules (docs/sharing.md):

- ``distribution`` is ``owner`` (nothing leaves), ``partners`` (the named organisations), ``group`` (a
  sharing group the owner defines) or ``all`` (every partner of the owner).
- The TLP 2.0 marking must agree with it: ``owner`` takes only RED or AMBER+STRICT; RED goes only to
  named partners, never to a group or to all; CLEAR and GREEN may be passed on, the others may not, so
  ``reshare`` needs CLEAR or GREEN. A contradiction is refused (:class:`ReleasabilityError`).
- ``coarsen`` maps a recipient organisation (or ``*`` for every recipient) to ``admin2`` or ``admin1``:
  that recipient gets the district or governorate instead of the point, and no text that could name it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rasad.errors import ReleasabilityError

TLP = ("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED")
DISTRIBUTIONS = ("owner", "partners", "group", "all")
LEVELS = ("point", "admin2", "admin1")
EVERY_RECIPIENT = "*"
_TLP_FOR = {
    "owner": {"RED", "AMBER+STRICT"},
    "partners": set(TLP),
    "group": {"CLEAR", "GREEN", "AMBER", "AMBER+STRICT"},
    "all": {"CLEAR", "GREEN", "AMBER", "AMBER+STRICT"},
}
_RESHARABLE_TLP = {"CLEAR", "GREEN"}


@dataclass(frozen=True)
class Releasability:
    """The owner organisation's decision about one record."""

    owner: str
    distribution: str = "owner"
    tlp: str = "RED"
    partners: tuple[str, ...] = ()
    group: str | None = None
    coarsen: Mapping[str, str] = field(default_factory=dict)
    reshare: bool = False

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise ReleasabilityError("; ".join(problems))

    def problems(self) -> list[str]:
        """Every way this releasability contradicts itself (empty when it is sound)."""
        problems = []
        if not self.owner:
            problems.append("a record needs an owner organisation")
        if self.distribution not in DISTRIBUTIONS:
            return [*problems, f"distribution must be one of {', '.join(DISTRIBUTIONS)}, not {self.distribution!r}"]
        if self.tlp not in TLP:
            return [*problems, f"TLP must be one of {', '.join(TLP)}, not {self.tlp!r}"]
        if self.tlp not in _TLP_FOR[self.distribution]:
            allowed = ", ".join(t for t in TLP if t in _TLP_FOR[self.distribution])
            problems.append(f"TLP:{self.tlp} contradicts distribution {self.distribution!r} (it allows {allowed})")
        if self.distribution == "partners" and not self.partners:
            problems.append("distribution 'partners' needs at least one partner organisation")
        if self.distribution != "partners" and self.partners:
            problems.append(f"partner organisations are named only with distribution 'partners', not {self.distribution!r}")
        if self.owner in self.partners:
            problems.append("the owner is not its own partner")
        if (self.distribution == "group") != bool(self.group):
            problems.append("a group is named with distribution 'group', and only then")
        if self.reshare and self.tlp not in _RESHARABLE_TLP:
            problems.append(f"TLP:{self.tlp} forbids passing the record on, so it cannot allow re-sharing")
        if self.reshare and self.distribution == "owner":
            problems.append("a record kept by its owner cannot be re-shared")
        for org, level in self.coarsen.items():
            if level not in LEVELS:
                problems.append(f"coarsening for {org} must be one of {', '.join(LEVELS)}, not {level!r}")
            if self.distribution == "owner":
                problems.append("a record kept by its owner has no recipients to coarsen for")
                break
            if self.distribution == "partners" and org != EVERY_RECIPIENT and org not in self.partners:
                problems.append(f"coarsening names {org}, which is not a recipient")
        return problems

    def to_dict(self) -> dict[str, Any]:
        return {"owner": self.owner, "distribution": self.distribution, "tlp": self.tlp,
                "partners": sorted(self.partners), "group": self.group, "coarsen": dict(sorted(self.coarsen.items())),
                "reshare": self.reshare}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Releasability:
        known = {"owner", "distribution", "tlp", "partners", "group", "coarsen", "reshare"}
        unknown = set(data) - known
        if unknown:
            raise ReleasabilityError(f"unknown releasability fields: {', '.join(sorted(unknown))}")
        return cls(owner=str(data.get("owner") or ""), distribution=str(data.get("distribution") or "owner"),
                   tlp=str(data.get("tlp") or "RED").upper(), partners=tuple(sorted(set(data.get("partners") or ()))),
                   group=data.get("group") or None, coarsen=dict(data.get("coarsen") or {}),
                   reshare=bool(data.get("reshare")))

    def audience(self, partner_orgs: Iterable[str], groups: Mapping[str, Iterable[str]]) -> set[str]:
        """The organisations this record goes to, as the owner's node resolves them."""
        partners = set(partner_orgs)
        if self.distribution == "partners":
            return set(self.partners) & partners
        if self.distribution == "group":
            return set(groups.get(self.group or "", ())) & partners
        if self.distribution == "all":
            return partners
        return set()

    def level_for(self, org: str) -> str:
        """How precisely ``org`` may see where the record happened."""
        return self.coarsen.get(org) or self.coarsen.get(EVERY_RECIPIENT) or "point"


def coarser(a: str, b: str) -> str:
    """The coarser of two location levels."""
    return max(a, b, key=LEVELS.index)
