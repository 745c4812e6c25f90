"""Custom Rasa NLU components: thin glue over the plain-Python safety and behaviour modules."""

# Every process that loads the model imports this package: stop TensorFlow's per-tensor leak on
# Python 3.11 there (components/eager_tensor_fix.py).
from components.eager_tensor_fix import fix_eager_tensor_leak

fix_eager_tensor_leak()
