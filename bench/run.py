"""Speed and memory of the answering core: `make bench` (python -m bench.run).

Prints, for the bundled article and for XQuAD-ar's 240 paragraphs: index build throughput,
warm answer latency p50/p95, cold start to first answer (a fresh `python -m bot ask` process
on a built index) and peak memory, plus XQuAD answer quality.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from bot.evaluate import read_jsonl, score_squad, squad_to_articles
from bot.service import build_service, settings_embeddings
from bot.settings import BUNDLED_ARTICLES, PROJECT_DIR, load_settings

SHARED = PROJECT_DIR.parent / "shared" / "eval"


def peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(who).ru_maxrss / 1024


# Runs `python -m bot` and reports its own peak memory (VmHWM) on stderr; ru_maxrss would not do,
# since Linux carries it across exec from the forked copy of this (large) process.
_REPORT_PEAK = (
    "import atexit, re, runpy, sys\n"
    "hwm = lambda: re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
    "atexit.register(lambda: print('peak-kib', hwm(), file=sys.stderr))\n"
    "sys.argv[0] = 'bot'\n"
    "runpy.run_module('bot', run_name='__main__')\n"
)


def cold_start(index_dir: Path, question: str) -> tuple[float, float]:
    """Seconds and peak MiB of a new process answering one question on a built index."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _REPORT_PEAK, "ask", question, "--json", "--index-dir", str(index_dir)],
        capture_output=True, text=True, cwd=PROJECT_DIR,
    )
    seconds = time.perf_counter() - started
    json.loads(result.stdout)
    peak = [line.split()[1] for line in result.stderr.splitlines() if line.startswith("peak-kib")]
    return seconds, int(peak[-1]) / 1024


def bench_corpus(name: str, sources: list[Path], questions: list[str], work: Path) -> dict:
    """Build an index from scratch, then time warm answers."""
    from index.store import build_store

    index_dir = work / name / "index"
    shutil.rmtree(index_dir, ignore_errors=True)
    settings = load_settings(sources=sources, llm_provider="none")
    embeddings = settings_embeddings(settings)
    started = time.perf_counter()
    manifest = build_store(sources, index_dir, embeddings, settings.embedding_id).manifest
    build_seconds = time.perf_counter() - started
    service = build_service(settings, index_dir=index_dir, notify=lambda m: None)
    passages = manifest["count"] + manifest["paragraphs"]
    for q in questions[:3]:  # warm-up
        service.ask(q)
    latencies = [service.ask(q).ms for q in questions]
    return {
        "corpus": name,
        "sentences": manifest["count"],
        "passages_embedded": passages,
        "build_s": round(build_seconds, 2),
        "passages_per_s": round(passages / build_seconds, 1),
        "questions": len(latencies),
        "warm_p50_ms": round(float(np.percentile(latencies, 50)), 1),
        "warm_p95_ms": round(float(np.percentile(latencies, 95)), 1),
        "service": service,
        "index_dir": index_dir,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work-dir", type=Path, default=Path(".cache/bench"))
    parser.add_argument("--squad", type=Path, default=SHARED / "xquad.ar.json")
    args = parser.parse_args()

    article_questions = [r["q"] for r in read_jsonl(SHARED / "article_dev.jsonl") if "q" in r] if (
        SHARED / "article_dev.jsonl").exists() else ["أين عقدت آخر قمة بين ترامب وبوتين؟"]
    article_questions = (article_questions * 10)[:100]
    results = [bench_corpus("article", [BUNDLED_ARTICLES], article_questions, args.work_dir)]
    squad_questions = squad_to_articles(args.squad, args.work_dir / "xquad" / "articles")
    xq = bench_corpus("xquad-ar", [args.work_dir / "xquad" / "articles"], [q.question for q in squad_questions],
                      args.work_dir)
    results.append(xq)
    quality = score_squad(xq["service"].ask, squad_questions).summary()
    in_process_peak = peak_mib()
    cold = {r["corpus"]: cold_start(r["index_dir"], article_questions[0]) for r in results}

    print(f"{'corpus':<10} {'sentences':>9} {'passages/s':>10} {'build s':>8} {'warm p50 ms':>11} "
          f"{'warm p95 ms':>11} {'cold start s':>12}")
    for r in results:
        print(f"{r['corpus']:<10} {r['sentences']:>9} {r['passages_per_s']:>10} {r['build_s']:>8} "
              f"{r['warm_p50_ms']:>11} {r['warm_p95_ms']:>11} {cold[r['corpus']][0]:>12.2f}")
    print(f"peak memory: {in_process_peak:.0f} MiB in this process (model, indexing XQuAD-ar, both indexes); "
          + ", ".join(f"{c[1]:.0f} MiB for a cold `python -m bot ask` on {name}" for name, c in cold.items()))
    print("xquad-ar quality:", json.dumps(quality, ensure_ascii=False))


if __name__ == "__main__":
    main()
