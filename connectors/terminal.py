"""A chat in the terminal against the running Signpost servers (`make shell`).

Like `rasa shell`, but it talks to the REST channel of the server `make run` started, so a
newcomer tries exactly what a website visitor gets. Buttons are numbered: type the number.
"""

from __future__ import annotations

import argparse
import json
import sys
import urllib.error
import urllib.request
import uuid


def send(url: str, sender: str, text: str) -> list[dict]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(
        f"{url}/webhooks/rest/webhook", body, {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        return json.loads(reply.read())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://localhost:5005")
    args = parser.parse_args(argv)
    sender = f"terminal-{uuid.uuid4().hex[:12]}"
    buttons: list[dict] = []
    print("Signpost (type /quit to leave; type a number to press a button)\n")
    text = "/greet"
    while True:
        try:
            messages = send(args.url, sender, text)
        except (urllib.error.URLError, OSError) as error:
            print(f"Cannot reach Signpost at {args.url} ({error}). Is `make run` running?")
            return 1
        buttons = []
        for message in messages:
            if message.get("text"):
                print(f"Signpost: {message['text']}\n")
            for button in message.get("buttons") or []:
                buttons.append(button)
                print(f"  [{len(buttons)}] {button['title']}")
        if buttons:
            print()
        try:
            text = input("You: ").strip()
        except (EOFError, KeyboardInterrupt):
            return 0
        if text == "/quit":
            return 0
        if text.isdigit() and 1 <= int(text) <= len(buttons):
            text = buttons[int(text) - 1]["payload"]


if __name__ == "__main__":
    sys.exit(main())
