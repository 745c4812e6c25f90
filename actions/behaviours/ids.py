"""The 14 canonical behaviours: the only values the `behaviours` slot may hold."""

BEHAVIOUR_IDS: tuple[str, ...] = (
    "following",
    "turning_up",
    "loitering",
    "watching",
    "unwanted_contact",
    "gifts",
    "property_damage",
    "online_monitoring",
    "fake_accounts",
    "spyware",
    "location_tracking",
    "posting_information",
    "contacting_others",
    "threats",
)
