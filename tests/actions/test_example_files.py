from pathlib import Path

import yaml

from actions.example_files import read_example_file

WRITTEN = Path(__file__).resolve().parents[2] / "content" / "written_examples"


def test_the_fast_parser_reads_written_sets_as_the_safe_parser_does() -> None:
    for path in sorted(WRITTEN.glob("*.yml"))[:5]:
        assert read_example_file(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_an_empty_file_reads_as_no_lists(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yml"
    empty.write_text("", encoding="utf-8")
    assert read_example_file(empty) == {}
