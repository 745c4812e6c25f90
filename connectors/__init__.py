"""How Signpost meets the outside world: chat channels and the conversation store."""
