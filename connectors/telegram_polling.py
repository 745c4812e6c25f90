"""Telegram without a public URL: long polling that feeds the running Rasa server.

    .venv/bin/python -m connectors.telegram_polling --credentials credentials.telegram.yml

Removes any webhook (deleteWebhook; Telegram refuses getUpdates while one is set), then fetches
updates with getUpdates and POSTs each, unchanged, to the Rasa server's Telegram route
(``/webhooks/telegram/webhook``, with the webhook secret header). So the conversation, commands,
buttons and /exit are handled in the Rasa server exactly as in webhook mode. Updates are passed
on one at a time, in order; an update is acknowledged to Telegram (by the next getUpdates
offset) only after the Rasa server has taken it, so nothing is lost while Rasa restarts.

The Rasa server must run with the same credentials file and no ``webhook_url`` in it.
No message text is logged.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from telegram import Bot, Update
from telegram.error import Conflict, NetworkError, TelegramError, TimedOut

from connectors.telegram_settings import (
    ALLOWED_UPDATES,
    SECRET_HEADER,
    WEBHOOK_PATH,
    SettingsError,
    TelegramSettings,
    describe_error,
)

logger = logging.getLogger("signpost.telegram_polling")
logging.getLogger("httpx").setLevel(logging.WARNING)  # its INFO lines carry the bot token

DEFAULT_RASA_URL = "http://localhost:5005"
POLL_TIMEOUT_SECONDS = 30
MAX_BACKOFF_SECONDS = 30.0

Deliver = Callable[[bytes], Awaitable[int]]


class FatalDeliveryError(RuntimeError):
    """The Rasa server will never accept these updates (wrong secret, channel not enabled)."""


def http_deliverer(client: httpx.AsyncClient, rasa_url: str, webhook_secret: str) -> Deliver:
    """POST an update to the Rasa server's Telegram route; returns the HTTP status."""
    url = rasa_url.rstrip("/") + WEBHOOK_PATH

    async def deliver(body: bytes) -> int:
        reply = await client.post(
            url,
            content=body,
            headers={"Content-Type": "application/json", SECRET_HEADER: webhook_secret},
            timeout=120,
        )
        return reply.status_code

    return deliver


class Poller:
    """getUpdates in a loop; each update is passed on before the next is fetched.

    Stopping (``stop()``, SIGINT or SIGTERM) never interrupts an update being passed on: the
    long poll is abandoned, the update in hand is finished, and the last offset is confirmed to
    Telegram so nothing is passed on twice after a restart.
    """

    def __init__(
        self,
        bot: Bot,
        deliver: Deliver,
        poll_timeout: int = POLL_TIMEOUT_SECONDS,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.bot = bot
        self.deliver = deliver
        self.poll_timeout = poll_timeout
        self.offset: int | None = None
        self.delivered = 0
        self._sleep = sleep
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    async def start(self) -> None:
        """Check the token (getMe) and make sure no webhook is set."""
        await self.bot.initialize()
        await self.bot.delete_webhook(drop_pending_updates=False)
        logger.info("telegram polling: webhook removed; polling as @%s", self.bot.username)

    async def _until_stopped(self, work: Awaitable[Any]) -> tuple[bool, Any]:
        """(finished, result): the awaitable's result, or (False, None) if stop() came first."""
        job = asyncio.ensure_future(work)
        stop = asyncio.ensure_future(self._stopping.wait())
        try:
            await asyncio.wait({job, stop}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop.cancel()
        if job.done():
            return True, job.result()
        job.cancel()
        try:
            await job
        except (asyncio.CancelledError, TelegramError):
            pass
        return False, None

    async def _deliver(self, update: Update) -> bool:
        """Pass one update on; False only if stopped while the Rasa server was unreachable."""
        body = json.dumps(update.to_dict(), ensure_ascii=False).encode("utf-8")
        backoff = 1.0
        while True:
            try:
                status = await self.deliver(body)
            except httpx.HTTPError as error:
                status, reason = 0, type(error).__name__
            else:
                reason = f"HTTP {status}"
            if 200 <= status < 300:
                self.delivered += 1
                return True
            if status == 403:
                raise FatalDeliveryError(
                    "the Rasa server refused the webhook secret: start it with the same "
                    "credentials file as this script"
                )
            if status == 404:
                raise FatalDeliveryError(
                    "the Rasa server has no Telegram channel: start it with "
                    "--credentials pointing at the file with the Telegram block"
                )
            if 400 <= status < 500:  # this update will never be accepted: skip it
                logger.error("telegram polling: update %s refused (%s)", update.update_id, reason)
                return True
            logger.warning("telegram polling: Rasa server not reachable (%s); retrying", reason)
            finished, _ = await self._until_stopped(self._sleep(backoff))
            if not finished or self.stopping:
                return False
            backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)

    async def poll_once(self) -> int:
        """One getUpdates call; passes on what came, in order. Returns how many were passed on."""
        finished, updates = await self._until_stopped(
            self.bot.get_updates(
                offset=self.offset, timeout=self.poll_timeout, allowed_updates=ALLOWED_UPDATES
            )
        )
        count = 0
        for update in updates if finished else ():
            if not await self._deliver(update):
                break
            self.offset = update.update_id + 1
            count += 1
            if self.stopping:
                break  # the rest come again next time: their offset is not confirmed
        return count

    async def confirm(self) -> None:
        """Tell Telegram the updates up to ``offset`` are done (as the library's Updater does)."""
        if self.offset is None:
            return
        try:
            await self.bot.get_updates(offset=self.offset, timeout=0, limit=1)
        except TelegramError as error:
            logger.warning("telegram polling: could not confirm the last update: %s",
                           type(error).__name__)

    async def run(self) -> None:
        await self.start()
        backoff = 1.0
        while not self.stopping:
            try:
                await self.poll_once()
                backoff = 1.0
            except (TimedOut, NetworkError, Conflict) as error:
                if isinstance(error, Conflict):
                    logger.error(
                        "telegram polling: another getUpdates or a webhook is active for this bot"
                    )
                else:
                    logger.warning("telegram polling: %s; retrying", type(error).__name__)
                await self._until_stopped(self._sleep(backoff))
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
        await self.confirm()


async def main_async(settings: TelegramSettings, rasa_url: str) -> int:
    if settings.webhook_url:
        logger.error(
            "telegram polling: the credentials set webhook_url; remove it for polling mode "
            "(the Rasa server would set the webhook again at start)"
        )
        return 2
    loop = asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)
    async with httpx.AsyncClient() as client:
        deliver = http_deliverer(client, rasa_url, settings.webhook_secret)
        poller = Poller(settings.make_bot(), deliver)
        for signum in signals:
            try:
                loop.add_signal_handler(signum, poller.stop)
            except (NotImplementedError, RuntimeError, ValueError):
                pass
        try:
            await poller.run()
        except FatalDeliveryError as error:
            logger.error("telegram polling: %s", error)
            return 1
        except TelegramError as error:
            logger.error("telegram polling: %s", describe_error(error, settings.token))
            return 1
        finally:
            for signum in signals:
                try:
                    loop.remove_signal_handler(signum)
                except (NotImplementedError, RuntimeError, ValueError):
                    pass
            try:
                await poller.bot.shutdown()
                await poller.bot.request.shutdown()  # if getMe failed, shutdown() did nothing
            except Exception:  # stopping anyway
                pass
    logger.info("telegram polling: stopped after passing on %s updates", poller.delivered)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m connectors.telegram_polling", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--credentials",
        default=os.environ.get("SIGNPOST_CREDENTIALS", "credentials.telegram.yml"),
        help="the Rasa credentials file with the Telegram block (default: %(default)s)",
    )
    parser.add_argument(
        "--rasa-url",
        default=os.environ.get("SIGNPOST_RASA_URL", DEFAULT_RASA_URL),
        help="the running Rasa server (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    try:
        settings = TelegramSettings.from_file(args.credentials)
    except (OSError, SettingsError) as error:
        logger.error("%s", error)
        return 2
    except Exception as error:  # e.g. an unset ${VARIABLE} in the file
        logger.error(
            "telegram polling: cannot read %s: %s", args.credentials, describe_error(error)
        )
        return 2
    return asyncio.run(main_async(settings, args.rasa_url))


if __name__ == "__main__":
    sys.exit(main())
