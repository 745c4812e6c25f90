"""Custom Rasa NLU components: thin glue over the plain-Python safety and behaviour modules."""
