"""Keys and encryption.

One argon2id derivation per use of a code:

    salt   = SHA-256("signpost/diary/v1/salt" || pepper)[:16]
    master = argon2id(code, salt, t=6, m=64 MiB, p=1, 32 bytes)
    lookup = HKDF-SHA256(master, info=".../lookup")     stored: finds the diary
    key    = HKDF-SHA256(master, info=".../entry-key")  never stored

(pepper: $SIGNPOST_DIARY_PEPPER)

A per-diary random salt would need the diary to be found before the key can be derived,
so the salt is server-wide and secret-ish instead: without the pepper a copied database
does not even let anyone test guesses, and with it each guess still costs a full
argon2id run over a 67-bit space. Entries are AES-256-GCM with a random 96-bit nonce;
the associated data binds each ciphertext to its diary's lookup, so rows cannot be moved
between diaries.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

PEPPER_ENV = "SIGNPOST_DIARY_PEPPER"
DEV_PEPPER = "signpost-development-pepper-not-secret"
INSECURE_TEST_KDF_ENV = "SIGNPOST_DIARY_INSECURE_TEST_KDF"

FORMAT_VERSION = b"\x01"
NONCE_BYTES = 12
PAD_TO = 256  # plaintext is padded to a multiple of this, so lengths leak only coarsely


@dataclass(frozen=True)
class KdfParams:
    """argon2id cost. The production values (64 MiB, 6 passes, 1 lane) take ~0.27 s on
    the 2-core reference machine: RFC 9106's 64 MiB option with the passes raised until a
    derivation lands in the 0.2-0.5 s band. One lane keeps concurrent users fair."""

    time_cost: int = 6
    memory_kib: int = 64 * 1024
    parallelism: int = 1


PRODUCTION_KDF = KdfParams()
# Far too weak for real diaries: only for test suites (see INSECURE_TEST_KDF_ENV).
INSECURE_TEST_KDF = KdfParams(time_cost=1, memory_kib=1024, parallelism=1)


def kdf_from_env() -> KdfParams:
    """Production parameters unless SIGNPOST_DIARY_INSECURE_TEST_KDF=1 (tests only:
    diaries made with one set of parameters cannot be opened with the other)."""
    if os.environ.get(INSECURE_TEST_KDF_ENV) == "1":
        return INSECURE_TEST_KDF
    return PRODUCTION_KDF


def pepper_from_env() -> str:
    return os.environ.get(PEPPER_ENV) or DEV_PEPPER


@dataclass(frozen=True)
class DiaryKeys:
    lookup: bytes = field(repr=False)
    key: bytes = field(repr=False)


def derive_keys(code: str, pepper: str, params: KdfParams) -> DiaryKeys:
    """Derive the lookup value and the entry key from a normalised code."""
    salt = hashlib.sha256(b"signpost/diary/v1/salt\x00" + pepper.encode()).digest()[:16]
    master = hash_secret_raw(
        code.encode(),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )
    return DiaryKeys(lookup=_hkdf(master, b"lookup"), key=_hkdf(master, b"entry-key"))


def _hkdf(master: bytes, purpose: bytes) -> bytes:
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=b"signpost/diary/v1/" + purpose,
    )
    return hkdf.derive(master)


def _aad(keys: DiaryKeys) -> bytes:
    return b"signpost/diary/v1/entry\x00" + keys.lookup


def encrypt_record(keys: DiaryKeys, record: dict[str, Any]) -> bytes:
    plain = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
    plain += b" " * (-len(plain) % PAD_TO)  # JSON ignores trailing spaces
    nonce = os.urandom(NONCE_BYTES)
    return FORMAT_VERSION + nonce + AESGCM(keys.key).encrypt(nonce, plain, _aad(keys))


def decrypt_record(keys: DiaryKeys, blob: bytes) -> dict[str, Any]:
    """Raises cryptography.exceptions.InvalidTag if the blob was altered or belongs
    elsewhere."""
    if blob[:1] != FORMAT_VERSION:
        raise ValueError("unknown entry format")
    nonce, sealed = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    return json.loads(AESGCM(keys.key).decrypt(nonce, sealed, _aad(keys)))
