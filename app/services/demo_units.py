"""The demo's service-unit directory (受案單位): the units cases are referred to, spread over every county."""

from __future__ import annotations

from app.models import ServiceUnit
from app.services import demo_vocabulary as vocab
from app.services.demo_world import World, quota

UNITS = 30


class Directory:
    def __init__(self, world: World) -> None:
        self.world = world
        self.units: list[ServiceUnit] = []

    def build(self) -> list[ServiceUnit]:
        world, rng = self.world, self.world.rng
        counties = quota(UNITS, world.county_weights, rng)  # every county has at least one unit
        patterns = quota(UNITS, dict.fromkeys(range(len(vocab.UNIT_PATTERNS)), 1.0), rng)
        names: set[str] = set()
        for i, (code, pattern_index) in enumerate(zip(counties, patterns, strict=True)):
            pattern, kinds = vocab.UNIT_PATTERNS[pattern_index]
            county = world.counties[code]
            name = ""
            while not name or name in names:
                name = vocab.unit_name(rng, pattern, county.zh)
            names.add(name)
            capacity = rng.randint(15, 40) if "庇護" in name else rng.randint(20, 120)
            self.units.append(
                ServiceUnit(
                    name=name,
                    service_kinds=[k for k in kinds if k in world.service_kinds],
                    county=code,
                    address=county.zh + rng.choice(county.townships or ("",)) + vocab.street(rng),
                    phone=vocab.landline(rng, code),
                    contact_person=vocab.person_name(rng, "regular", rng.random() < 0.3, 1985) + "社工",
                    email=f"service{i + 1:02d}@example.org",
                    capacity=capacity,
                    # A few units are full, so that the directory's remaining capacity means something.
                    current_caseload=capacity if i % 10 == 3 else int(capacity * rng.uniform(0.4, 0.95)),
                    notes="服務時間：週一至週五 08:30–17:30。轉介前請先來電確認名額。",
                )
            )
        world.counts["units"] = len(self.units)
        return self.units

    def unit_for(self, kind: str, county: str) -> ServiceUnit | None:
        """A unit giving `kind`, in the client's county if there is one (the islands often refer to Taiwan)."""
        offering = [u for u in self.units if kind in u.service_kinds]
        local = [u for u in offering if u.county == county]
        return self.world.rng.choice(local or offering) if offering else None
