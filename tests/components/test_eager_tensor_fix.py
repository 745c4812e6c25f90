"""A Rasa server's memory must not grow with every message (docs/production.md, Soak).

TensorFlow 2.12 on Python 3.11 used to keep ~48 bytes of every tensor it ever made; DIET makes
~11 per message. Importing ``components`` (as every process that loads the model does) stops
that; these tests make 20,000 tensors the way DIET does and check that nothing stays behind.
"""

from __future__ import annotations

import gc
import sys
import tracemalloc

import numpy as np
import pytest
import tensorflow as tf

import components  # noqa: F401  (applies the fix)
from components.eager_tensor_fix import fix_eager_tensor_leak

N = 20_000


def kept_bytes(make) -> int:  # noqa: ANN001
    for _ in range(200):
        make()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(N):
            make()
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="the leak is Python 3.11's")
def test_the_fix_is_applied_on_python_3_11() -> None:
    assert fix_eager_tensor_leak()
    assert tf.constant(1.0).__class__.__dictoffset__ == 0


def test_numpy_inputs_converted_to_tensors_are_not_kept() -> None:
    batch = np.ones((1, 7, 3), np.float32)
    assert kept_bytes(lambda: tf.constant(batch)) < 100 * 1024  # was ~16 bytes per tensor


def test_a_tf_function_called_with_numpy_keeps_nothing_per_call() -> None:
    # DIET's inference: a tf.function with an input signature, fed numpy arrays each message.
    double = tf.function(
        lambda x: x * 2.0, input_signature=[tf.TensorSpec([None, None, 3], tf.float32)]
    )
    batch = np.ones((1, 7, 3), np.float32)
    assert kept_bytes(lambda: double(batch)) < 100 * 1024  # was ~35 bytes per call


def test_tensors_still_take_attributes() -> None:
    tensor = tf.constant([1.0, 2.0])
    tensor.note = "kept"
    assert tensor.note == "kept" and vars(tensor) == {"note": "kept"}
    assert bool(tf.reduce_all(tf.zeros((2,)) == 0))
