"""The domain's static words: every phone number is one the directory knows, the safety answers
say what facts.md requires, and every response is reachable."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from actions.advice import PIECES
from actions.directory import load_directory

ROOT = Path(__file__).resolve().parents[1]
PHONE = re.compile(r"(?<![\d])(?:0\d{2,4}(?: ?\d){6,8}|1\d{2} ?\d{3}|999|112|101|55)(?![\d])")


def response_texts(domain) -> dict[str, str]:
    return {
        name: "\n".join(v.get("text") or "" for v in variants)
        for name, variants in domain["responses"].items()
    }


def digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def test_every_phone_number_in_a_response_is_in_the_directory(domain) -> None:
    known = {"999", "112", "55", "101"}  # 55 is the Silent Solution key, not a number to call
    for institution in ["generic", "kent", "leicester", "city"]:
        for service in load_directory(institution).services:
            if "phone" in service.contact:
                known.add(digits(service.contact["phone"]))
    for name, text in response_texts(domain).items():
        for number in PHONE.findall(text):
            assert digits(number) in known, f"{name}: {number} is not in the directory"


def test_named_services_use_the_directory_number(domain) -> None:
    directory = load_directory("generic")
    texts = response_texts(domain)
    for service_id, phrase in [
        ("national_stalking_helpline", "National Stalking Helpline"),
        ("samaritans", "Samaritans"),
        ("crimestoppers", "Crimestoppers"),
        ("domestic_abuse_helpline", "Domestic Abuse Helpline"),
    ]:
        number = directory.get(service_id).contact["phone"]
        for name, text in texts.items():
            for sentence in re.split(r"(?<=[.!?])\s", text):
                if phrase in sentence and PHONE.search(sentence):
                    assert number in sentence, f"{name}: {phrase} number differs from the data"


def test_emergency_answer_has_what_facts_md_requires(domain) -> None:
    text = response_texts(domain)["utter_emergency"]
    for required in ["999", "112", "press 55", "does not track", "landline", "emergencySMS",
                     "register", "public place"]:
        assert required in text, required
    after = domain["responses"]["utter_after_emergency"][0]
    assert {b["payload"] for b in after["buttons"]} == {"/safe_now", "/menu"}


def test_crisis_answer_gives_999_and_samaritans(domain) -> None:
    text = response_texts(domain)["utter_crisis"]
    assert "999" in text and "116 123" in text and "free" in text


def test_the_bot_never_tells_someone_they_are_not_being_stalked(domain) -> None:
    for name, text in response_texts(domain).items():
        lowered = text.lower()
        assert "not being stalked" not in lowered, name
        for match in re.finditer(r"([\w' ]{0,20})(?:your|their) fault", lowered):
            assert re.search(r"\b(none|not|never|isn't)\b", match.group(1)), name


def test_no_gendered_words_for_the_person_doing_it(domain) -> None:
    for name, text in response_texts(domain).items():
        assert not re.search(r"\b(he|him|his|she|her)\b", text, re.IGNORECASE), name


def test_every_response_is_used_by_a_rule_or_an_action(domain) -> None:
    used: set[str] = set()
    for path in (ROOT / "data").rglob("*.yml"):
        used |= set(re.findall(r"\butter_\w+", path.read_text()))
    for path in (ROOT / "actions").rglob("*.py"):
        used |= set(re.findall(r"\butter_\w+", path.read_text()))
    used |= {f"utter_advice_{piece}" for piece in PIECES}  # chosen by actions/advice/plan.py
    used.add("utter_default")  # sent by Rasa's own action_default_fallback
    for form in domain.get("forms", {}).values():  # a form asks with utter_ask_<slot>
        used |= {f"utter_ask_{slot}" for slot in form["required_slots"]}
    unused = set(domain["responses"]) - used
    assert not unused, f"responses nothing can send: {sorted(unused)}"


def test_every_action_in_the_domain_is_implemented(domain) -> None:
    source = "\n".join(p.read_text() for p in (ROOT / "actions").glob("action_*.py"))
    for action in domain["actions"]:
        assert f'return "{action}"' in source, action


def test_domain_parses_and_lists_every_intent_used_in_rules(domain) -> None:
    intents = set(domain["intents"])
    for path in (ROOT / "data" / "rules").glob("*.yml"):
        for rule in yaml.safe_load(path.read_text())["rules"]:
            for step in rule["steps"]:
                if "intent" in step:
                    assert step["intent"] in intents | {"nlu_fallback"}, step["intent"]
