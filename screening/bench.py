"""Speed, memory and quality of the screening engine, side by side with Presidio + GiNZA.

    python -m screening.bench [--labels FILE] [--runs N] [--no-anchor]

Prints, for the development prompts and for one 4,000-character prompt: median and p99
milliseconds per prompt, characters per second, peak RSS and the RSS the engine adds;
then the leak and false-block rates on the development cases. The anchor (Presidio with
`ja_ginza` as its spaCy engine and its e-mail, phone (JP) and credit-card recognizers
registered for `ja`) runs in its own virtualenv, `.venv-bench`, built from
`requirements-bench.txt`: GiNZA pins SudachiPy 0.6, which would replace the runtime's
SudachiPy 0.7 if installed into `.venv`. No Django needed.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LABELS = ROOT.parent / "shared" / "eval" / "prompts_dev.jsonl"
BENCH_VENV = ROOT / ".venv-bench"
BENCH_REQUIREMENTS = ROOT / "requirements-bench.txt"
LONG_CHARS = 4000


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def rss_split_mb() -> tuple[float, float]:
    """(anonymous, file-backed) resident memory; the dictionary is a shared file mapping."""
    values = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("RssAnon:", "RssFile:")):
                key, amount, _unit = line.split()
                values[key] = int(amount) / 1024
    return values.get("RssAnon:", 0.0), values.get("RssFile:", 0.0)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_cases(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def long_prompt(cases: list[dict[str, Any]], n: int = LONG_CHARS) -> str:
    """A realistic 4,000-character prompt: development prompts joined (personal data included)."""
    text = "\n".join(c["text"] for c in cases)
    return text[:n]


def timings(fn: Any, texts: list[str], runs: int) -> dict[str, float]:
    samples: list[float] = []
    chars = 0
    total = 0.0
    for _ in range(runs):
        for text in texts:
            t0 = time.perf_counter()
            fn(text)
            dt = time.perf_counter() - t0
            samples.append(dt * 1000)
            total += dt
            chars += len(text)
    samples.sort()
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    return {
        "median_ms": round(statistics.median(samples), 3),
        "p99_ms": round(p99, 3),
        "chars_per_s": round(chars / total) if total else 0,
        "calls": len(samples),
    }


def rates(decisions: dict[str, str], cases: list[dict[str, Any]]) -> dict[str, float]:
    must = [c for c in cases if c["expect"] in ("block", "flag")]
    clean = [c for c in cases if c["expect"] == "pass"]
    leaks = sum(decisions[c["id"]] not in ("block", "warn") for c in must)
    false_blocks = sum(decisions[c["id"]] == "block" for c in clean)
    friction = sum(decisions[c["id"]] == "warn" for c in clean)
    return {
        "leak_rate": round(leaks / len(must), 3) if must else 0.0,
        "false_block_rate": round(false_blocks / len(clean), 3) if clean else 0.0,
        "pass_friction_rate": round(friction / len(clean), 3) if clean else 0.0,
    }


def bench_engine(cases: list[dict[str, Any]], runs: int) -> dict[str, Any]:
    rss_before = rss_mb()
    anon_before, file_before = rss_split_mb()
    t0 = time.perf_counter()
    from screening.detectors import warm_up
    from screening.engine import screen_text

    warm_up()
    load_s = time.perf_counter() - t0
    rss_loaded = rss_mb()
    texts = [c["text"] for c in cases]
    long_texts = [long_prompt(cases)[:-4] + f"{i:04d}" for i in range(100)]
    dev = timings(screen_text, texts, runs)
    long = timings(screen_text, long_texts, max(1, runs))
    decisions = {c["id"]: screen_text(c["text"]).decision.value for c in cases}
    return {
        "engine": "this engine (SudachiPy 0.7 + rules)",
        "load_s": round(load_s, 2),
        "rss_before_mb": round(rss_before, 1),
        "rss_added_mb": round(rss_mb() - rss_before, 1),
        "rss_added_anon_mb": round(rss_split_mb()[0] - anon_before, 1),
        "rss_added_file_mb": round(rss_split_mb()[1] - file_before, 1),
        "rss_after_load_mb": round(rss_loaded, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "dev": dev,
        "long": long,
        **rates(decisions, cases),
    }


def ensure_bench_venv() -> tuple[Path | None, str]:
    python = BENCH_VENV / "bin" / "python"
    check = [str(python), "-c", "import presidio_analyzer, ja_ginza"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python, "ready"
    try:
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "-r", str(BENCH_REQUIREMENTS),
             "psutil"],
            check=True, timeout=1800,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        return None, f"could not install requirements-bench.txt from PyPI: {exc}"
    if subprocess.run(check, capture_output=True).returncode != 0:
        return None, "ja_ginza / presidio-analyzer not importable after install"
    return python, "installed"


def bench_anchor(labels: Path, runs: int) -> dict[str, Any]:
    python, status = ensure_bench_venv()
    if python is None:
        return {"engine": "Presidio + GiNZA", "error": status}
    proc = subprocess.run(
        [str(python), "-P", str(Path(__file__).with_name("bench_presidio.py")), str(labels),
         str(runs)],
        capture_output=True, text=True, timeout=3600,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if proc.returncode != 0:
        return {"engine": "Presidio + GiNZA", "error": proc.stderr.strip()[-2000:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _row(name: str, r: dict[str, Any]) -> str:
    if "error" in r:
        return f"{name:<40} not measured: {r['error']}"
    return (
        f"{name:<40} dev median {r['dev']['median_ms']:>8.2f} ms  p99 {r['dev']['p99_ms']:>8.2f} ms"
        f"  {r['dev']['chars_per_s']:>10,} chars/s | 4,000 chars: median "
        f"{r['long']['median_ms']:>8.2f} ms  p99 {r['long']['p99_ms']:>8.2f} ms"
        f"  {r['long']['chars_per_s']:>10,} chars/s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    ap.add_argument("--runs", type=int, default=3, help="passes over the prompts")
    ap.add_argument("--no-anchor", action="store_true", help="skip Presidio + GiNZA")
    args = ap.parse_args()
    cases = load_cases(args.labels)
    ours = bench_engine(cases, args.runs)
    anchor = None if args.no_anchor else bench_anchor(args.labels, 1)

    print(f"cases: {len(cases)} development prompts ({args.labels}); long prompt: "
          f"{LONG_CHARS} characters; machine: {os.cpu_count()} CPUs")
    print(_row(ours["engine"], ours))
    if anchor:
        print(_row(anchor["engine"], anchor))
    for r in filter(None, (ours, anchor)):
        if "error" in r:
            continue
        print(
            f"{r['engine']:<40} load {r['load_s']:.2f} s  RSS added {r['rss_added_mb']:.1f} MB"
            f"  peak RSS {r['peak_rss_mb']:.1f} MB"
            + (f" (of the added: {r['rss_added_anon_mb']:.1f} MB private, "
               f"{r['rss_added_file_mb']:.1f} MB shared dictionary mapping)"
               if "rss_added_anon_mb" in r else "")
            + f" | leak_rate {r['leak_rate']:.3f}"
            f"  false_block_rate {r['false_block_rate']:.3f}"
            f"  pass_friction_rate {r['pass_friction_rate']:.3f}"
        )
    if anchor and "error" not in anchor:
        speedup_dev = anchor["dev"]["median_ms"] / max(ours["dev"]["median_ms"], 1e-9)
        speedup_long = anchor["long"]["median_ms"] / max(ours["long"]["median_ms"], 1e-9)
        print(f"speed-up (median): dev x{speedup_dev:.0f}, 4,000 chars x{speedup_long:.0f}")
    print(json.dumps({"engine": ours, "anchor": anchor}, ensure_ascii=False))


if __name__ == "__main__":
    main()
