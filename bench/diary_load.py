"""Diary writers for the soak (bench/load.py): people writing incident-diary entries through the
REST channel while everyone else talks, and a check afterwards that nothing they were told was
saved went missing.

Each writer plays whole diary conversations: consent, the questions (with a place that is
unique to the entry, so it can be found again), save, the code shown once; every other diary
also gets a second entry in the same conversation. The ledger keeps, per code, the places of
the entries the bot said it saved. ``verify`` then opens every diary with its code in a new
conversation and exports it: an entry is **lost** if the bot said it was saved and the export
does not have it. A save the bot said had failed ("can't save just now") is counted apart: the
person was told, and their answers were kept for "try again".
"""

from __future__ import annotations

import asyncio
import itertools
import re
import uuid
from dataclasses import dataclass, field

import aiohttp

CODE = re.compile(r"\n\n([a-z]+(?: [a-z]+){5})\n\n")
SAVED_FIRST = "Your entry is saved"
SAVED_MORE = re.compile(r"Saved\. Your diary now has (\d+) entries")
SAVE_FAILED = "can't save to the diary just now"
OPENED = re.compile(r"Your diary is open\. It has (\d+) entries")
# What every entry says happened; its place is unique, so the export can be checked for it.
WHAT = "he watched me from across the road the whole time"
QUESTIONS_AFTER_PLACE = ["/skip"] * 5  # person, vehicle, evidence, witnesses, impact


@dataclass
class DiaryLedger:
    saved: dict[str, list[str]] = field(default_factory=dict)  # code -> places told saved
    save_failed: int = 0
    flow_errors: dict[str, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)

    def error(self, kind: str) -> None:
        self.flow_errors[kind] = self.flow_errors.get(kind, 0) + 1

    @property
    def entries(self) -> int:
        return sum(map(len, self.saved.values()))


async def say(session: aiohttp.ClientSession, url: str, sender: str, text: str,
              ledger: DiaryLedger) -> str | None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    try:
        async with session.post(f"{url}/webhooks/rest/webhook",
                                json={"sender": sender, "message": text}) as response:
            if response.status != 200:
                ledger.error(f"HTTP {response.status}")
                return None
            replies = await response.json()
    except (aiohttp.ClientError, TimeoutError, ValueError) as error:
        ledger.error(type(error).__name__)
        return None
    ledger.latencies.append(loop.time() - started)
    return "\n".join(r.get("text") or "" for r in replies)


async def write_entry(session: aiohttp.ClientSession, url: str, sender: str, place: str,
                      ledger: DiaryLedger) -> str | None:
    """Answers one entry after its first question was asked; the reply to the last answer."""
    steps = [("/skip", "Where did it happen?"), (place, "What happened?"),
             (WHAT, "What can you say about the person?")]
    for text, expected in steps:
        reply = await say(session, url, sender, text, ledger)
        if reply is None:
            return None
        if expected not in reply:
            ledger.error(f"unexpected reply to {text[:12]!r}")
            return None
    reply = ""
    for text in QUESTIONS_AFTER_PLACE:
        reply = await say(session, url, sender, text, ledger)
        if reply is None:
            return None
    return reply


async def entry_at_new_place(
    session: aiohttp.ClientSession, url: str, sender: str, places: itertools.count,
    ledger: DiaryLedger,
) -> tuple[str, str] | None:
    """Answer every question with a place no other entry uses; (place, reply) unless no reply
    came or the bot said it could not save (counted apart: not a lost entry)."""
    place = f"near gate {next(places)}"
    reply = await write_entry(session, url, sender, place, ledger)
    if reply is None:
        return None
    if SAVE_FAILED in reply:
        ledger.save_failed += 1
        return None
    return place, reply


async def one_diary(session: aiohttp.ClientSession, url: str, sender: str, places: itertools.count,
                    ledger: DiaryLedger, second_entry: bool) -> None:
    consent = await say(session, url, sender, "I want to keep a diary of what happened", ledger)
    if consent is None:
        return
    if "only you will have" not in consent:
        ledger.error("no consent message")
        return
    first = await say(session, url, sender, "yes", ledger)
    if first is None or "When did it happen?" not in first:
        ledger.error("no first question")
        return
    written = await entry_at_new_place(session, url, sender, places, ledger)
    if written is None:
        return
    place, reply = written
    found = CODE.search(reply)
    if SAVED_FIRST not in reply or not found:
        ledger.error("no code after saving")
        return
    code = found.group(1)
    ledger.saved[code] = [place]
    if not second_entry:
        return
    again = await say(session, url, sender, "/diary_start", ledger)  # "Add another entry"
    if again is not None and "When did it happen?" not in again:
        again = await say(session, url, sender, "yes", ledger)  # "add it to your open diary?"
    if again is None or "When did it happen?" not in again:
        ledger.error("no question for a second entry")
        return
    written = await entry_at_new_place(session, url, sender, places, ledger)
    if written is None:
        return
    place, reply = written
    if (count := SAVED_MORE.search(reply)) and count.group(1) == "2":
        ledger.saved[code].append(place)
    else:
        ledger.error("second entry not confirmed")


async def write_diaries(url: str, workers: int, seconds: float, run_id: str) -> DiaryLedger:
    """``workers`` people writing diaries, one after another, for ``seconds``."""
    ledger = DiaryLedger()
    places = itertools.count(1000)
    serial = itertools.count()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout) as session:

        async def worker(worker_id: int) -> None:
            while loop.time() < deadline:
                n = next(serial)
                sender = f"bench-diary-{run_id}-{worker_id}-{n}-{uuid.uuid4().hex[:6]}"
                await one_diary(session, url, sender, places, ledger, second_entry=n % 2 == 0)

        await asyncio.gather(*(worker(i) for i in range(workers)))
    return ledger


async def verify(url: str, ledger: DiaryLedger, concurrency: int = 4) -> dict[str, int]:
    """Open every diary in the ledger with its code and count the entries it told were saved
    but are not there (lost)."""
    lost = unreadable = 0
    gate = asyncio.Semaphore(concurrency)
    check = DiaryLedger()  # errors while verifying are not the soak's
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:

        async def one(code: str, places: list[str]) -> None:
            nonlocal lost, unreadable
            async with gate:
                sender = f"bench-verify-{uuid.uuid4().hex[:12]}"
                opened = await say(session, url, sender, code, check)
                count = OPENED.search(opened or "")
                if count is None:
                    unreadable += 1
                    lost += len(places)
                    return
                exported = await say(session, url, sender, "/diary_export", check) or ""
                lost += sum(not re.search(rf"{re.escape(place)}\b", exported) for place in places)

        await asyncio.gather(*(one(code, places) for code, places in ledger.saved.items()))
    return {"diaries": len(ledger.saved), "entries_told_saved": ledger.entries,
            "entries_lost": lost, "diaries_unreadable": unreadable,
            "save_failed_told": ledger.save_failed,
            "flow_errors": sum(ledger.flow_errors.values())}
