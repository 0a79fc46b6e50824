from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


def paragraphs(text: str) -> list[str]:
    """Non-empty lines, stripped: the unit the seed tests check verbatim."""
    return [line.strip() for line in text.splitlines() if line.strip()]
