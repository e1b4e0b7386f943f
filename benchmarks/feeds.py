"""Feeds at catalogue scale: throughput and peak memory of ``claimlint check`` on a product export.

Builds a Shopify product CSV export deterministically from the project's corpus (the
paragraphs ``bench.py`` draws pages from): each product gets a title and an HTML body of
one or two paragraphs, with product names and amounts varied by a seeded generator, and
its variant and image rows without copy, as Shopify writes them. Then it times

- one process (``claimlint check FEED``),
- ``--jobs 2`` (a pool of two processes),
- ``--executor dask`` with a local cluster of two worker processes,

and prints rows/s, MB/s (of the file) and the peak memory of each run's process tree
(the resident memory of the command and every process under it, sampled, summed).

    python benchmarks/feeds.py --rows 100000            # the three runs
    python benchmarks/feeds.py --memory-mb 200          # one process on a feed of 200 MB

The second builds a feed of at least that size (more variant rows per product, as large
catalogues have) and runs one process on it, to show that memory does not grow with the feed.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ROOT, paragraphs  # noqa: E402  (the same corpus copy as the speed benchmark)

COLUMNS = [
    "Handle", "Title", "Body (HTML)", "Vendor", "Product Category", "Type", "Tags", "Published",
    "Option1 Name", "Option1 Value", "Variant SKU", "Variant Grams", "Variant Price",
    "Image Src", "Image Position", "Image Alt Text", "SEO Title", "SEO Description", "Status",
]
FORMS = ["Capsules", "Gummies", "Tablets", "Powder", "Drops", "Shot", "Cream", "Serum"]
NAMES = ["Daily", "Night", "Morning", "Active", "Pure", "Gold", "Essential", "Vital", "Calm", "Bright"]
CATEGORIES = [
    "Health & Beauty > Health Care > Fitness & Nutrition > Vitamins & Supplements",
    "Health & Beauty > Personal Care > Cosmetics > Skin Care > Lotions & Moisturizers",
    "Food, Beverages & Tobacco > Beverages > Juice",
    "Food, Beverages & Tobacco > Food Items > Grains, Rice & Cereal",
]
AMOUNT = re.compile(r"\b(\d+(?:\.\d+)?)(\s?)(mg|µg|mcg|g)\b")
HEADING = re.compile(r"^#+\s.*$", re.M)


def copy_pool() -> list[str]:
    """Corpus paragraphs as product copy: headings out, lines joined."""
    pool = [" ".join(HEADING.sub("", p).split()) for p in paragraphs()]
    return [p for p in pool if len(p) > 30]


def vary_amounts(text: str, rng: random.Random) -> str:
    return AMOUNT.sub(lambda m: f"{max(1, round(float(m.group(1)) * rng.choice((0.5, 1, 1, 2, 3))))}{m.group(2)}{m.group(3)}", text)


def build_feed(path: Path, rows: int = 0, size_mb: float = 0, variants: tuple[int, int] = (0, 2), seed: int = 19) -> tuple[int, int]:
    """Write a Shopify export of at least ``rows`` rows and ``size_mb`` MB; return (rows, bytes)."""
    rng = random.Random(seed)
    pool = copy_pool()
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        product = 0
        while written < rows or out.tell() < size_mb * 1_000_000:
            product += 1
            form = rng.choice(FORMS)
            title = f"{rng.choice(NAMES)} {form} {product}"
            handle = title.lower().replace(" ", "-")
            body = "\n".join(f"<p>{vary_amounts(rng.choice(pool), rng)}</p>" for _ in range(rng.randint(1, 2)))
            category = rng.choice(CATEGORIES)
            image = f"https://cdn.shop.example/s/files/1/0000/{product:08d}/products/{handle}.jpg?v={rng.randrange(10**9)}"
            writer.writerow([
                handle, title, body, "Acme Nutrition", category, form, "vitamins, wellness", "true",
                "Size", "30", f"{handle}-30", "100", f"{rng.randint(5, 60)}.99",
                image, "1", title, title, "", "active",
            ])
            written += 1
            for n in range(rng.randint(*variants)):
                writer.writerow([
                    handle, "", "", "", "", "", "", "", "", str(60 * (n + 1)), f"{handle}-{60 * (n + 1)}", "200",
                    f"{rng.randint(5, 60)}.99", image.replace(".jpg", f"-{n + 2}.jpg"), str(n + 2), "", "", "", "",
                ])
                written += 1
        size = out.tell()
    return written, size


def tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and every process under it, in kB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
        match = re.search(r"VmRSS:\s+(\d+)", status)
        rss[int(entry)] = int(match.group(1)) if match else 0
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        total += rss.get(current, 0)
        stack += children.get(current, [])
    return total


def run(label: str, args: list[str], feed: Path, rows: int, size: int) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-m", "claimlint", "check", "--feed-preset", "shopify", "--format", "concise",
               "--fail-on", "never", "--output-file", os.devnull, *args, str(feed)]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kb(process.pid))
        time.sleep(0.5)
    elapsed = time.perf_counter() - start
    if process.returncode not in (0, 1):
        sys.exit(f"bench: {label} failed ({process.returncode}): {process.stderr.read()[-500:]}")
    print(f"{label:<22} {elapsed:8.1f} s  {rows / elapsed:8,.0f} rows/s  {size / 1e6 / elapsed:6.2f} MB/s  peak {peak / 1024:6.0f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the feed for the three runs")
    parser.add_argument("--memory-mb", type=float, default=0, help="instead: one process on a feed of at least this many MB")
    parser.add_argument("--keep", type=Path, default=None, help="write the feed here and keep it")
    parser.add_argument("--only", choices=("one", "jobs", "dask"), action="append", help="run only these (repeatable)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        feed = options.keep or Path(folder) / "products.csv"
        start = time.perf_counter()
        if options.memory_mb:
            rows, size = build_feed(feed, size_mb=options.memory_mb, variants=(8, 24))
        else:
            rows, size = build_feed(feed, rows=options.rows)
        print(f"machine                {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
        print(f"feed                   {rows:,} rows, {size / 1e6:.1f} MB (built in {time.perf_counter() - start:.0f} s)", flush=True)
        runs = {"one": ("one process", []), "jobs": ("--jobs 2", ["--jobs", "2"]), "dask": ("dask, 2 local workers", ["--executor", "dask", "--jobs", "2"])}
        chosen = ["one"] if options.memory_mb else options.only or list(runs)
        for key in chosen:
            run(*runs[key], feed, rows, size)


if __name__ == "__main__":
    main()
