"""What Signpost's NLU components share: built from config alone, nothing to train."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


class StatelessComponent(GraphComponent):
    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> StatelessComponent:
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


def force_intent(message: Message, intent: str) -> None:
    """Put ``intent`` on top with confidence 1.0, keeping the rest of the ranking below it."""
    ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") != intent]
    top = {"name": intent, "confidence": 1.0}
    message.set("intent", top, add_to_output=True)
    message.set("intent_ranking", [top, *ranking], add_to_output=True)
