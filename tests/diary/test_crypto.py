from __future__ import annotations

import time

import pytest
from cryptography.exceptions import InvalidTag

from actions.diary import crypto
from actions.diary.crypto import (
    INSECURE_TEST_KDF,
    PRODUCTION_KDF,
    DiaryKeys,
    decrypt_record,
    derive_keys,
    encrypt_record,
)

CODE = "apple bread candle desk earth flag"
OTHER = "apple bread candle desk earth fox"


def keys(code: str = CODE, pepper: str = "pepper-a") -> DiaryKeys:
    return derive_keys(code, pepper, INSECURE_TEST_KDF)


def test_derivation_is_deterministic_and_separates_lookup_from_key() -> None:
    a, b = keys(), keys()
    assert a == b
    assert a.lookup != a.key
    assert len(a.lookup) == len(a.key) == 32
    assert CODE.encode() not in a.lookup + a.key
    assert a.lookup.hex() not in repr(a) and a.key.hex() not in repr(a)


def test_code_and_pepper_both_change_everything() -> None:
    base = keys()
    for other in (keys(OTHER), keys(pepper="pepper-b")):
        assert other.lookup != base.lookup
        assert other.key != base.key


def test_round_trip_random_nonce_and_padding() -> None:
    k = keys()
    record = {"place": "Zoë's café", "n": 1}
    one, two = encrypt_record(k, record), encrypt_record(k, record)
    assert one != two  # fresh nonce each time
    assert decrypt_record(k, one) == decrypt_record(k, two) == record
    assert one[:1] == crypto.FORMAT_VERSION
    assert (len(one) - 1 - crypto.NONCE_BYTES - 16) % crypto.PAD_TO == 0


def test_ciphertext_is_bound_to_its_diary_and_tamper_evident() -> None:
    blob = encrypt_record(keys(), {"place": "x"})
    with pytest.raises(InvalidTag):
        decrypt_record(keys(OTHER), blob)
    tampered = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(InvalidTag):
        decrypt_record(keys(), tampered)
    with pytest.raises(ValueError):
        decrypt_record(keys(), b"\x02" + blob[1:])


def test_kdf_parameters_come_from_the_test_only_knob(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert crypto.kdf_from_env() == INSECURE_TEST_KDF  # set by conftest
    monkeypatch.delenv(crypto.INSECURE_TEST_KDF_ENV)
    assert crypto.kdf_from_env() == PRODUCTION_KDF
    monkeypatch.setenv(crypto.INSECURE_TEST_KDF_ENV, "yes")  # only "1" counts
    assert crypto.kdf_from_env() == PRODUCTION_KDF


def test_production_parameters() -> None:
    assert PRODUCTION_KDF == crypto.KdfParams(time_cost=6, memory_kib=65536, parallelism=1)
    started = time.perf_counter()
    derived = derive_keys(CODE, "pepper-a", PRODUCTION_KDF)
    elapsed = time.perf_counter() - started
    assert derived != keys()  # the parameters are part of the derivation
    assert 0.05 < elapsed < 3, elapsed  # memory-hard and slow, but usable in a chat


def test_pepper_default_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(crypto.PEPPER_ENV, raising=False)
    assert crypto.pepper_from_env() == crypto.DEV_PEPPER
    monkeypatch.setenv(crypto.PEPPER_ENV, "s3cret")
    assert crypto.pepper_from_env() == "s3cret"
