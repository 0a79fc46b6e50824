"""The HTML samples come out clean: article paragraphs only, metadata in fields."""

from __future__ import annotations

from pathlib import Path

from cleaner import clean_html
from cleaner.extract import decode_html


def clean_page(samples: Path, name: str):
    return clean_html(decode_html((samples / name).read_bytes()), id=name)


def test_wind_farm_page(samples: Path) -> None:
    doc = clean_page(samples, "harbour_wind_farm.html")
    assert doc.title == "Council approves offshore wind farm after two-year fight"
    assert doc.date == "2024-03-14"
    assert doc.author == "Maria Lindqvist"
    assert doc.text.startswith("The county council voted 9 to 4")
    assert doc.text.rstrip().endswith("expected in June.")
    for cruft in ("Share on", "cookies", "Sign up", "Advertisement", "Most read", "Tags:", "©", "Photo:"):
        assert cruft not in doc.text
    assert '"We listened to the fishermen and changed the plan."' in doc.text


def test_wire_story_page(samples: Path) -> None:
    doc = clean_page(samples, "port_strike_wire.html")
    assert doc.title == "Dockworkers strike shuts three container ports"
    assert doc.date == "2024-05-02"
    assert doc.text.startswith("ROTTERDAM, Netherlands (AP)")
    for cruft in ("Click to copy", "READ MORE", "Copyright", "Donate", "Listen to this article"):
        assert cruft not in doc.text
    # look-alike sentences stay
    assert "Shares of the largest port operator fell 3 percent in Amsterdam trading." in doc.text
    assert "Further talks between the unions and employers are scheduled for Monday." in doc.text
