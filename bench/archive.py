"""Speed at archive size: `make bench-archive` (python -m bench.archive).

For each size (default 300, 1,000 and all 10,126 ANT articles, each with the bundled article too), within
a time budget (default 45 minutes; a size whose estimated build would not fit is skipped and said so):

- build the index with `python -m bot index --source ...` in a fresh process: wall time (process start
  and model load included), passages/s over that wall time, index size on disk, the process's peak memory;
- warm answers in this process (model and index loaded, 3 warm-up questions first), p50/p95 over
  (a) the 100 first questions of bench/article_questions.jsonl (about the bundled article) and
  (b) 100 questions generated from the ANT articles themselves (below), plus how often the top source
  of (b) is the article the question was made from; with `--bundled-only`, (a) is also asked of the
  bundled article's own index in the same process, alternately, with the same loaded model: the
  median per-question difference is what the archive adds (across processes the model's own time
  varies by 2-3 ms, more than that difference);
- then, for the largest size built, 10 more articles added with `python -m bot index --source ...` on the
  existing index (incremental where the CLI supports it; otherwise that is a full rebuild, said so).

Generated questions (seed 0): for 100 indexed ANT articles, alternately the article's title followed by
«؟» and the first ten words of one of its sentences (drawn at random, at least six words long) followed by
«؟». Articles are drawn from the whole corpus in a seeded random order, so every size mixes all sections.
The corpus is only linked (symlinks under the work folder), never copied.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from bench.run import _REPORT_PEAK
from bot.evaluate import read_jsonl
from bot.settings import BUNDLED_ARTICLES, PROJECT_DIR, load_settings

ANT = PROJECT_DIR.parent / "shared" / "corpora" / "ant"
ARTICLE_QUESTIONS = PROJECT_DIR / "bench" / "article_questions.jsonl"


def corpus_order(root: Path, seed: int = 0) -> list[Path]:
    """Every .txt article under `root`, in a seeded random order."""
    paths = sorted(root.rglob("*.txt"))
    random.Random(seed).shuffle(paths)
    return paths


def link_articles(paths: list[Path], folder: Path) -> Path:
    """A folder of symlinks to the articles and their .json metadata (names kept unique by section)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in paths:
        name = f"{path.parent.name}-{path.name}"
        (folder / name).symlink_to(path)
        meta = path.with_suffix(".json")
        if meta.is_file():
            (folder / name).with_suffix(".json").symlink_to(meta)
    return folder


def run_index(sources: list[Path], index_dir: Path) -> dict:
    """Run `python -m bot index` in a new process: seconds, peak MiB, its summary line; raises on failure."""
    args = [sys.executable, "-c", _REPORT_PEAK, "index", "--index-dir", str(index_dir)]
    for source in sources:
        args += ["--source", str(source)]
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, cwd=PROJECT_DIR)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"indexing failed ({result.returncode}): {result.stderr[-2000:]}")
    peak = [line.split()[1] for line in result.stderr.splitlines() if line.startswith("peak-kib")]
    summary = [line for line in result.stderr.splitlines() if line.startswith(("indexed", "added", "index"))]
    return {"seconds": seconds, "peak_mib": int(peak[-1]) / 1024 if peak else float("nan"),
            "summary": summary[-1] if summary else ""}


def disk_mib(folder: Path) -> float:
    """Size of the files under a folder, MiB."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def generated_questions(documents: list, n: int, seed: int = 0) -> list[tuple[str, str]]:
    """(question, file) pairs made from the indexed ANT articles' titles and sentences (see the module doc)."""
    by_file: dict[str, list] = {}
    for doc in documents:
        by_file.setdefault(doc.metadata["file"], []).append(doc)
    files = sorted(f for f in by_file if f != "rubio-lavrov.txt")
    rng = random.Random(seed)
    out = []
    for i, file in enumerate(rng.sample(files, min(n, len(files)))):
        docs = by_file[file]
        if i % 2 == 0:
            out.append((docs[0].metadata["article"].rstrip(" .؟?") + "؟", file))
            continue
        long_enough = [d for d in docs if len(d.page_content.split()) >= 6] or docs
        words = rng.choice(long_enough).page_content.split()[:10]
        out.append((" ".join(words).rstrip(" .،,") + "؟", file))
    return out


def warm_latency(index_dir: Path, sources: list[Path], bundled_questions: list[str], n_generated: int,
                 baseline: Path | None = None) -> dict:
    """Warm answer latency on a built index, in this process. With `baseline` (an index of the bundled
    article alone), each bundled question is also asked of it, alternately before and after, with the
    same loaded model: `bundled_alone_p50` and the median per-question difference `extra_p50` (ms).
    The model's own time for a question varies by 2-3 ms from one process to the next, more than what
    the archive adds, so only a comparison within one process tells the two apart."""
    from bot.service import build_service, settings_embeddings

    settings = load_settings(sources=sources, llm_provider="none")
    embeddings = settings_embeddings(settings)
    service = build_service(settings, index_dir=index_dir, notify=lambda m: None, embeddings=embeddings)
    alone = None
    if baseline is not None:
        alone = build_service(load_settings(sources=[BUNDLED_ARTICLES], llm_provider="none"), index_dir=baseline,
                              notify=lambda m: None, embeddings=embeddings)
    documents = service._chain.retriever.documents
    generated = generated_questions(documents, n_generated)
    for q in bundled_questions[:3]:
        service.ask(q)
        if alone:
            alone.ask(q)
    bundled_ms, alone_ms = [], []
    for i, q in enumerate(bundled_questions):
        if alone and i % 2:
            alone_ms.append(alone.ask(q).ms)
        bundled_ms.append(service.ask(q).ms)
        if alone and not i % 2:
            alone_ms.append(alone.ask(q).ms)
    generated_ms, right = [], 0
    for question, file in generated:
        answer = service.ask(question)
        generated_ms.append(answer.ms)
        right += bool(answer.sources) and answer.sources[0].source.split("#")[0] == file
    pct = lambda values, q: float(np.percentile(values, q)) if values else float("nan")  # noqa: E731
    return {
        "bundled_p50": pct(bundled_ms, 50), "bundled_p95": pct(bundled_ms, 95),
        "generated_p50": pct(generated_ms, 50), "generated_p95": pct(generated_ms, 95),
        "generated_top_source_right": right / max(1, len(generated)),
        "passages": len(documents),
        **({"bundled_alone_p50": pct(alone_ms, 50),
            "extra_p50": pct(list(np.subtract(bundled_ms, alone_ms)), 50)} if alone_ms else {}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,1000,10126", help="numbers of ANT articles, comma-separated")
    parser.add_argument("--budget-minutes", type=float, default=45.0)
    parser.add_argument("--add", type=int, default=10, help="articles added to the largest index at the end")
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--work-dir", type=Path, default=Path(".cache/bench-archive"))
    parser.add_argument("--corpus", type=Path, default=ANT)
    parser.add_argument("--bundled-only", action="store_true", help="also measure the bundled article alone")
    args = parser.parse_args()

    deadline = time.monotonic() + args.budget_minutes * 60
    order = corpus_order(args.corpus)
    bundled_questions = [r["q"] for r in read_jsonl(ARTICLE_QUESTIONS) if "q" in r][: args.questions]
    work = args.work_dir.resolve()
    rows = []
    baseline = None  # the bundled article's own index: archive sizes are compared with it in one process
    if args.bundled_only:
        index_dir = work / "bundled" / "index"
        shutil.rmtree(index_dir, ignore_errors=True)
        built = run_index([BUNDLED_ARTICLES], index_dir)
        rows.append({"articles": 1, **built, "disk_mib": disk_mib(index_dir),
                     **warm_latency(index_dir, [BUNDLED_ARTICLES], bundled_questions, 0)})
        baseline = index_dir
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    rate = None  # passages/s of the last build, to decide whether the next fits the budget
    largest = None
    for size in (int(s) for s in args.sizes.split(",")):
        size = min(size, len(order) - args.add)  # keep `--add` articles out, to be added at the end
        if rate is not None:
            estimate = rows[-1]["embedded"] / rows[-1]["articles"] * size / rate
            if time.monotonic() + estimate > deadline:
                print(f"skipped {size} articles: the build would take about {estimate / 60:.0f} min, more than "
                      f"the {max(0.0, (deadline - time.monotonic()) / 60):.0f} min left of the budget", flush=True)
                break
        folder = link_articles(order[:size], work / f"ant-{size}" / "articles")
        index_dir = work / f"ant-{size}" / "index"
        shutil.rmtree(index_dir, ignore_errors=True)
        sources = [BUNDLED_ARTICLES, folder]
        built = run_index(sources, index_dir)
        latency = warm_latency(index_dir, sources, bundled_questions, args.questions, baseline)
        from index.store import read_manifest

        # Passages (sentences, or windows of long ones) per second of the whole build, process start
        # and model load included; paragraph vectors are made from them and not counted.
        passages = read_manifest(index_dir)["count"]
        rate = passages / built["seconds"]
        rows.append({"articles": size + 1, **built, "disk_mib": disk_mib(index_dir), "passages_per_s": rate,
                     "embedded": passages, **latency})
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
        largest = (size, sources, index_dir)
    if largest and args.add:
        size, sources, index_dir = largest
        extra = link_articles(order[size:size + args.add], work / f"ant-{size}" / "added")
        help_text = subprocess.run([sys.executable, "-m", "bot", "index", "--help"], capture_output=True,
                                   text=True, cwd=PROJECT_DIR).stdout
        mode = "incremental" if "--list" in help_text else "full rebuild (no incremental indexing in this CLI)"
        built = run_index(sources + [extra], index_dir)
        print(json.dumps({"added": args.add, "to_articles": size + 1, "mode": mode, **built}, ensure_ascii=False))

    print(f"\n{'articles':>8} {'passages':>8} {'build s':>8} {'passages/s':>10} {'disk MiB':>8} {'peak MiB':>8} "
          f"{'bundled p50/p95 ms':>18} {'ANT q p50/p95 ms':>16} {'top source ok':>13} {'+ms over bundled alone':>22}")
    for r in rows:
        print(f"{r['articles']:>8} {r['passages']:>8} {r['seconds']:>8.1f} {r.get('passages_per_s', 0):>10.1f} "
              f"{r['disk_mib']:>8.1f} {r['peak_mib']:>8.0f} "
              f"{r['bundled_p50']:>8.1f} / {r['bundled_p95']:<7.1f} {r['generated_p50']:>6.1f} / "
              f"{r['generated_p95']:<7.1f} {r['generated_top_source_right']:>12.0%} {r.get('extra_p50', float('nan')):>22.1f}")


if __name__ == "__main__":
    main()
