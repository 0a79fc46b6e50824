"""The HTML report in a real headless browser (Debian's chromium, installed by .ci/run).

chromium loads the page from a file:// URL, runs its script, and prints the
resulting DOM (--dump-dom). The page records any script error or
console.error in ``data-errors`` on <html> and in #errors, and sets
``data-ready`` when it has rendered; chromium's own log (stderr) is checked
for uncaught errors as well.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.report import build_data, render

from .test_report import NASTY, wire_corpus

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on PATH (.ci/run installs Debian's chromium package)"
)


def browse(page: Path, tmp_path: Path, fragment: str = "") -> lxml.html.HtmlElement:
    """The DOM of ``page`` after its script ran, and no errors on the way."""
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--disable-gpu",
        "--no-sandbox",  # tests often run as root (CI containers)
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        "--enable-logging=stderr",
        "--virtual-time-budget=10000",
        "--dump-dom",
        page.resolve().as_uri() + fragment,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Uncaught" not in done.stderr, done.stderr[-2000:]
    return lxml.html.fromstring(done.stdout)


def assert_clean(dom: lxml.html.HtmlElement) -> None:
    errors = dom.get_element_by_id("errors")
    assert dom.get("data-errors") is None, errors.text_content()
    assert errors.get("hidden") is not None and not errors.text_content().strip()
    assert dom.get("data-ready") == "1"


@pytest.fixture(scope="module")
def samples_report(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(
        main,
        [
            "dedup",
            str(samples_dir),
            "-o",
            str(out / "unique.jsonl"),
            "--clusters",
            str(out / "clusters.jsonl"),
            "--report",
            str(out / "report.html"),
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    members = [json.loads(line) for line in (out / "clusters.jsonl").read_text().splitlines()]
    return out / "report.html", members


@pytest.fixture(scope="module")
def samples_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "samples"


def test_every_cluster_shows_and_no_errors(samples_report: tuple[Path, list[dict]], tmp_path: Path) -> None:
    page, members = samples_report
    dom = browse(page, tmp_path)
    assert_clean(dom)
    shown = [d.get("data-cluster") for d in dom.cssselect("details.cluster")]
    assert sorted(shown) == sorted({m["cluster"] for m in members})
    assert "6 documents, 5 clusters, 1 copies" in dom.get_element_by_id("summary").text_content()


def test_opened_cluster_shows_members_side_by_side_with_shared_passages(
    samples_report: tuple[Path, list[dict]], tmp_path: Path
) -> None:
    page, members = samples_report
    cluster = next(m["cluster"] for m in members if not m["representative"])
    dom = browse(page, tmp_path, "#cluster=" + cluster)
    assert_clean(dom)
    (details,) = [d for d in dom.cssselect("details.cluster") if d.get("data-cluster") == cluster]
    assert details.get("open") is not None
    rows = details.cssselect("tbody tr")
    assert sorted(r.get("data-doc") for r in rows) == sorted(
        m["id"] for m in members if m["cluster"] == cluster
    )
    assert details.cssselect(".kept") and details.cssselect(".centre")
    panes = details.cssselect(".pane")
    assert len(panes) == 2
    marks = [[m.text_content() for m in pane.cssselect("mark")] for pane in panes]
    assert marks[0] and len(marks[0]) == len(marks[1])
    copy = next(m for m in members if m["cluster"] == cluster and not m["representative"])
    assert marks[0][0].startswith(copy["match"]["passages"][0]["text"].removesuffix("…"))
    assert any("Removed lines" in s.text_content() for s in details.cssselect(".removed summary"))


def test_document_markup_stays_text(tmp_path: Path) -> None:
    corpus = wire_corpus(tmp_path / "in.jsonl")
    page = tmp_path / "report.html"
    args = ["dedup", str(corpus), "-o", str(tmp_path / "u"), "--report", str(page), "-q", "-j", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    dom = browse(page, tmp_path, "#cluster=" + NASTY)
    assert_clean(dom)
    assert not dom.cssselect("img") and len(dom.cssselect("script")) == 2
    (details,) = [d for d in dom.cssselect("details.cluster") if d.get("data-cluster") == NASTY]
    assert NASTY in details.cssselect(".ctitle")[0].text_content()
    assert NASTY in details.cssselect(".pane h3")[0].text_content()  # title
    assert NASTY in details.cssselect(".pane .note .url")[0].text_content()  # url, shown as text
    assert not [a for a in dom.cssselect("a") if not a.get("href", "").startswith(("http://", "https://"))]


def test_large_reports_render_one_page_at_a_time(tmp_path: Path) -> None:
    members = [
        {"id": f"d{i}", "cluster": f"d{i}", "representative": True, "similarity": 1.0, "centre": f"d{i}"}
        for i in range(1234)
    ]
    data, _ = build_data(members, [{"id": f"d{i}", "text": f"Story number {i}."} for i in range(1234)])
    page = tmp_path / "big.html"
    page.write_text(render(data), encoding="utf-8")
    dom = browse(page, tmp_path)
    assert_clean(dom)
    assert len(dom.cssselect("details.cluster")) == 50
    assert "clusters 1–50 of 1234 (page 1 of 25)" in dom.get_element_by_id("pager-top").text_content()
    dom = browse(page, tmp_path, "#cluster=d1200")  # a link to a cluster opens its page
    assert_clean(dom)
    assert "clusters 1201–1234 of 1234" in dom.get_element_by_id("pager-top").text_content()


def test_script_errors_are_caught(tmp_path: Path) -> None:
    """The detector itself: a page whose data is broken reports the error."""
    data, _ = build_data([], [])
    data["clusters"] = [{"id": "x", "centre": 7, "members": [{"d": 7, "s": 1, "p": [], "reuse": []}]}]
    page = tmp_path / "broken.html"
    page.write_text(render(data), encoding="utf-8")
    assert CHROMIUM is not None
    dom = browse_allowing_errors(page, tmp_path)
    assert dom.get("data-errors") == "1" and dom.get("data-ready") is None
    assert "error" in dom.get_element_by_id("errors").text_content()


def browse_allowing_errors(page: Path, tmp_path: Path) -> lxml.html.HtmlElement:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        "--virtual-time-budget=10000",
        "--dump-dom",
        page.resolve().as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    return lxml.html.fromstring(done.stdout)
