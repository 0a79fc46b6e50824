"""Screenshot of the HTML cluster report on a corpus (the README shows wiresim's).

    python bench/report_screenshot.py ../shared/bench/wiresim/docs.jsonl -o bench/report_wiresim.png

Runs ``cleaner dedup --report`` on the corpus, opens the largest cluster of the
report in headless chromium and saves a PNG of the window.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", help="JSONL corpus (e.g. ../shared/bench/wiresim/docs.jsonl)")
    parser.add_argument("-o", "--output", default="bench/report_wiresim.png", help="PNG to write")
    parser.add_argument("--size", default="1280,1000", help="window width,height in pixels")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("chromium not found (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        report = work / "report.html"
        subprocess.run(
            [
                sys.executable, "-c", "from cleaner.cli import main; main()",
                "dedup", args.corpus, "-o", str(work / "unique.jsonl"),
                "--clusters", str(work / "clusters.jsonl"), "--report", str(report), "-q",
            ],
            check=True,
        )  # fmt: skip
        page = report.read_text(encoding="utf-8")
        data = json.loads(page.split('type="application/json">', 1)[1].split("</script>", 1)[0])
        largest = data["clusters"][0]["id"]
        subprocess.run(
            [
                chromium, "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
                f"--user-data-dir={work / 'profile'}", f"--window-size={args.size}",
                "--virtual-time-budget=10000", f"--screenshot={Path(args.output).resolve()}",
                report.as_uri() + "#cluster=" + largest,
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip
    print(f"{args.output}: report of {data['meta']['documents']} documents, cluster {largest} opened")


if __name__ == "__main__":
    main()
