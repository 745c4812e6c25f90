"""Stops TensorFlow 2.12 leaking ~48 bytes per tensor on Python 3.11 (docs/production.md, Soak).

On Python 3.11 TensorFlow 2.12's ``EagerTensor`` type inherits CPython's new "managed dict"
(``Py_TPFLAGS_MANAGED_DICT``) from its Python base class while keeping its own dict slot
(``tp_dictoffset``). Because of that slot, CPython gives every new tensor an attribute-values
array (16-48 bytes), and TensorFlow's own deallocator, written before 3.11, never frees it. Rasa's
DIET classifier makes ~11 tensors per message (its inputs and outputs), so a Rasa server kept
~0.5 KB per message for ever: the slow, steady RSS growth seen in the soak. (Rasa 3.6 itself only
supports Python < 3.11, which has no managed dicts.)

With ``tp_dictoffset`` set to 0, CPython allocates nothing at creation. Attributes still work (they
go to the managed dict, created only when one is set, as on any Python 3.11 object), so tensors
behave exactly as before. A tensor that gets an attribute still leaks, now its small dict (~300
bytes instead of ~50): rare (e.g. ``tf.zeros`` run eagerly), and nothing on Rasa's inference path
does it (60,000 parses: flat). Idempotent, checked field by field, and a no-op on any other
Python or layout. ``SIGNPOST_EAGER_TENSOR_FIX=0`` turns it off (for measurements).
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys

logger = logging.getLogger(__name__)

_MANAGED_DICT = 1 << 4  # Py_TPFLAGS_MANAGED_DICT (CPython 3.11)
# Byte offsets of PyTypeObject fields in a 64-bit, non-debug CPython 3.11 build.
_BASICSIZE, _FLAGS, _WEAKLISTOFFSET, _DICTOFFSET = 32, 168, 208, 288


def fix_eager_tensor_leak() -> bool:
    """Apply the fix if it is needed and safe here; True if EagerTensor is (now) fixed."""
    if os.environ.get("SIGNPOST_EAGER_TENSOR_FIX", "1") == "0":
        return False
    if sys.version_info[:2] != (3, 11) or ctypes.sizeof(ctypes.c_void_p) != 8:
        return False
    if hasattr(sys, "gettotalrefcount"):  # a debug build: another layout
        return False
    from tensorflow.python.framework.ops import EagerTensor

    if not EagerTensor.__flags__ & _MANAGED_DICT:
        return False
    if EagerTensor.__dictoffset__ == 0:
        return True  # already done
    address = id(EagerTensor)
    fields = {
        _BASICSIZE: EagerTensor.__basicsize__,
        _FLAGS: EagerTensor.__flags__,
        _WEAKLISTOFFSET: EagerTensor.__weakrefoffset__,
        _DICTOFFSET: EagerTensor.__dictoffset__,
    }
    for offset, expected in fields.items():
        found = ctypes.c_ssize_t.from_address(address + offset).value
        if found != ctypes.c_ssize_t(expected).value:
            logger.warning("EagerTensor's type is not laid out as expected: leak fix not applied")
            return False
    ctypes.c_ssize_t.from_address(address + _DICTOFFSET).value = 0
    ctypes.pythonapi.PyType_Modified(ctypes.py_object(EagerTensor))
    logger.debug("EagerTensor per-tensor leak fixed (tp_dictoffset 0)")
    return EagerTensor.__dictoffset__ == 0
