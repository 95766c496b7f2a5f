"""The CLI contract, driven as a subprocess with piped input (real model, real index)."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot import messages
from tests.conftest import ROOT

FIELDS = {"question", "answer", "found", "sources", "ms"}
SOURCE_FIELDS = {"text", "score", "source", "article"}


def run(args, stdin: str = "", env_extra: dict | None = None, timeout: float = 300):
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "LLM_PROVIDER": "none"}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
        cwd=ROOT, env=env, timeout=timeout,
    )


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "index"
    result = run(["index", "--index-dir", str(folder)])
    assert result.returncode == 0, result.stderr
    assert "indexed 1 article(s)" in result.stderr
    return folder


@pytest.mark.parametrize("question", ["", "؟؟؟", "س" * 2000, "Bonjour, comment ça va aujourd'hui ?"])
def test_ask_turns_away_a_question_it_cannot_use_without_loading_the_model(index_dir, tmp_path, question):
    """An empty, wordless, too long or French question is told at once: no model is built or read."""
    models = tmp_path / "models"
    result = run(["ask", question, "--json", "--index-dir", str(index_dir)], env_extra={"MODEL_DIR": str(models)})
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert not record["found"] and record["error"] and not record["sources"]
    assert not models.exists()


def test_a_piped_quit_line_ends_the_session_as_in_the_chat(index_dir):
    # a newcomer piped «/quit» to leave and was told it is a command
    lines = ["من هي آنا كيلي؟", "/quit", "ما هو منصبها؟"]
    result = run(["chat", "--json", "--index-dir", str(index_dir)], "\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["question"] for line in result.stdout.splitlines()] == [lines[0]]


def test_pipe_mode_gives_one_json_line_per_question_in_order(index_dir):
    lines = [
        "من هي آنا كيلي؟",
        "",
        "وما هو منصبها؟",
        "/reset",
        "؟؟؟",
        "س" * 10_000,
        "ما هو أطول نهر في العالم؟",
        "Hello there",
    ]
    result = run(["chat", "--json", "--index-dir", str(index_dir)], "\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(lines) - 1  # /reset prints nothing
    for record in out:
        assert FIELDS <= set(record) and isinstance(record["found"], bool)
        for source in record["sources"]:
            assert SOURCE_FIELDS <= set(source) and 0 <= source["score"] <= 1
        assert record.get("mode") == "extractive"
    assert [r["question"] for r in out] == [q for q in lines if q != "/reset"]
    first, empty, follow_up, punct, huge, far, latin = out
    assert first["found"] and "كيلي" in first["sources"][0]["text"]
    assert not empty["found"] and empty["error"]
    assert follow_up["found"] and "السكرتيرة" in follow_up["answer"]
    assert not punct["found"] and punct["error"]
    assert not huge["found"] and "طويل" in huge["error"]
    assert not far["found"] and "error" not in far and far["sources"]
    assert not latin["found"]
    assert first["sources"] == sorted(first["sources"], key=lambda s: -s["score"])


def test_plain_text_output_and_ask(index_dir):
    result = run(["ask", "كيف وصف الكرملين المكالمة؟", "--index-dir", str(index_dir)])
    assert result.returncode == 0, result.stderr
    first_line = result.stdout.splitlines()[0]
    assert "نقاش بناء" in first_line
    assert "rubio-lavrov.txt#" in result.stdout
    result = run(["ask", "كيف وصف الكرملين المكالمة؟", "--json", "--index-dir", str(index_dir)])
    record = json.loads(result.stdout)
    assert record["found"] and record["sources"][0]["article"]
    # The phrase that answers is shown on a line of its own, as in the chat.
    result = run(["ask", "كم ساعة استمرت قمة أنكوريج؟", "--index-dir", str(index_dir)])
    assert result.returncode == 0, result.stderr
    assert "  ← «قرابة ثلاث ساعات»" in result.stdout.splitlines()


def test_a_mistyped_source_for_an_existing_index_is_an_operator_error_and_changes_nothing(index_dir, tmp_path):
    before = run(["index", "--list", "--index-dir", str(index_dir)])
    extra = tmp_path / "another.txt"
    extra.write_text("أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة صيدا بطاقة مئتي سرير.", encoding="utf-8")
    result = run(["index", "--source", str(extra), "--source", str(tmp_path / "missnig.txt"), "--index-dir",
                  str(index_dir)])
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1] == f"error: {tmp_path / 'missnig.txt'}: no such file or folder"
    after = run(["index", "--list", "--index-dir", str(index_dir)])
    assert before.returncode == after.returncode == 0 and after.stdout == before.stdout  # the good one waits too


def test_operator_errors_are_one_line_without_traceback(tmp_path):
    result = run(["index", "--source", str(tmp_path / "missing"), "--index-dir", str(tmp_path / "ix")])
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error:") and "no such file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["chat", "--json"], ["ask", "أين القمة؟"], ["telegram"]])
def test_an_index_dir_that_does_not_exist_is_an_operator_error_not_a_new_index(tmp_path, command):
    missing = tmp_path / "typo"
    result = run([*command, "--index-dir", str(missing)], "أين القمة؟\n", env_extra={"TELEGRAM_BOT_TOKEN": "1:x"})
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error: no index at") and "bot index --source" in result.stderr
    assert "Traceback" not in result.stderr and not result.stdout
    assert not missing.exists()  # nothing was built there


@pytest.mark.parametrize("command", [["chat", "--json"], ["ask", "أين القمة؟"], ["telegram"]])
def test_an_index_dir_set_in_the_environment_must_hold_an_index_too(tmp_path, command):
    missing = tmp_path / "typo"
    result = run(command, "أين القمة؟\n", env_extra={"TELEGRAM_BOT_TOKEN": "1:x", "INDEX_DIR": str(missing)})
    assert result.returncode == 2
    assert result.stderr.strip().startswith("error: no index at") and f"INDEX_DIR={missing}" in result.stderr
    assert "Traceback" not in result.stderr and not result.stdout
    assert not missing.exists()


def test_an_index_dir_set_with_its_sources_is_built_from_them(tmp_path):
    from tests.conftest import SECOND_ARTICLE

    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "bridge.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    folder = tmp_path / "mine"
    result = run(["chat", "--json"], "ما طول الجسر؟\n",
                 env_extra={"INDEX_DIR": str(folder), "SOURCES": str(tmp_path / "articles")})
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout.splitlines()[0])
    assert record["found"] and "850" in record["answer"]
    assert all(s["source"].startswith("bridge.txt") for s in record["sources"])


def test_an_article_with_little_arabic_is_indexed_with_a_note_and_the_log_stays_line_by_line(tmp_path):
    from tests.conftest import SECOND_ARTICLE

    sources = tmp_path / "articles"
    sources.mkdir()
    (sources / "bridge.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    (sources / "english.txt").write_text("The council approved the new budget on Monday. " * 20, encoding="utf-8")
    (sources / "quoted.txt").write_text("Officials in Budapest (بودابست) said the summit was postponed. " * 20,
                                        encoding="utf-8")
    result = run(["index", "--source", str(sources), "--index-dir", str(tmp_path / "ix")])
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "little Arabic text" in line]
    assert len(notes) == 2 and any("english.txt" in n for n in notes) and any("quoted.txt" in n for n in notes)
    assert "bridge.txt" not in "".join(notes)
    # stderr is a pipe here, as in a log: the progress bar ends its line, so the summary starts its own.
    assert any(line.startswith("indexed 3 article(s)") for line in result.stderr.split("\n"))


def test_a_failed_first_build_leaves_no_folder_and_an_empty_folder_is_no_index(tmp_path):
    left = tmp_path / "bad"
    failed = run(["index", "--source", str(tmp_path / "no_such_dir"), "--index-dir", str(left)])
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    assert not left.exists()  # not even its lock file
    left.mkdir()
    result = run(["chat", "--json", "--index-dir", str(left)], "أين القمة؟\n")
    assert result.returncode == 2 and "error: no index at" in result.stderr and "holds no index" in result.stderr
    assert not result.stdout
    # Listing the articles of such a folder, or of none, is told the same way.
    for folder, why in ((left, "holds no index"), (tmp_path / "nowhere", "does not exist")):
        listed = run(["index", "--list", "--index-dir", str(folder)])
        assert listed.returncode == 2 and "error: no index at" in listed.stderr and why in listed.stderr, listed.stderr
        assert not listed.stdout and not (tmp_path / "nowhere").exists()


def test_corrupt_index_is_rebuilt_by_chat(index_dir, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    for f in index_dir.rglob("*"):
        if f.is_file():  # every file cut short (the CURRENT pointer is shorter than that and survives)
            (broken / f.relative_to(index_dir)).parent.mkdir(parents=True, exist_ok=True)
            (broken / f.relative_to(index_dir)).write_bytes(f.read_bytes()[:50])
    result = run(["chat", "--json", "--index-dir", str(broken)], "أين عقدت آخر قمة بين ترامب وبوتين؟\n")
    assert result.returncode == 0, result.stderr
    assert "rebuilding" in result.stderr and "Traceback" not in result.stderr
    record = json.loads(result.stdout)
    assert record["found"] and "أنكوريج" in record["answer"]


@pytest.mark.parametrize("damage", ["truncated", "overwritten"])
def test_a_damaged_faiss_file_is_named_in_one_line_and_rebuilt(index_dir, tmp_path, damage):
    """FAISS's own message is a C++ assertion («Error in void faiss::read_xb_vector…»), and bytes
    overwritten in place (the size kept) load without one, every score then 1.0 (a newcomer's): the
    operator is told in plain words which file is damaged, and the index is embedded again."""
    copy = tmp_path / "copy"
    shutil.copytree(index_dir, copy)
    vectors = next(copy.glob("gen-*/faiss.index"))
    data = vectors.read_bytes()
    vectors.write_bytes(data[:1000] if damage == "truncated" else data[:1000] + b"\x00" * 200 + data[1200:])
    result = run(["chat", "--json", "--index-dir", str(copy)], "أين عقدت آخر قمة بين ترامب وبوتين؟\n")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "faiss.index is truncated or damaged" in result.stderr and "faiss::" not in result.stderr
    assert result.stderr.count("truncated or damaged") == 1  # said once, not again by the rebuild (a newcomer's)
    assert json.loads(result.stdout)["found"]


@pytest.mark.parametrize("pointer", [b"\x00\xffjunk", b"gen-000099\n", None])
def test_an_index_whose_current_pointer_is_broken_uses_its_newest_complete_generation(index_dir, tmp_path, pointer):
    """The CURRENT file garbled, naming a generation that is gone, or deleted: the generation on disk
    is still the index (one English warning for the operator), not "no index at" that folder."""
    copy = tmp_path / "copy"
    shutil.copytree(index_dir, copy)
    if pointer is None:
        (copy / "CURRENT").unlink()
    else:
        (copy / "CURRENT").write_bytes(pointer)
    result = run(["chat", "--json", "--index-dir", str(copy)], "أين عقدت آخر قمة بين ترامب وبوتين؟\n")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("using the newest complete one") == 1
    record = json.loads(result.stdout)
    assert record["found"] and "أنكوريج" in record["answer"]


def test_bytes_that_are_not_utf8_in_a_question_are_dropped_not_a_traceback(index_dir):
    """Invalid bytes from a pipe, a terminal or argv (Python reads them as lone surrogates) are no text:
    the question is asked without them, the next line still gets its answer, and bytes alone (or 200
    random ones) are told they are not text, with no passages."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "LLM_PROVIDER": "none"}
    question = "من سيقود الاجتماعات؟".encode()
    rng = random.Random(7)
    junk = bytes(rng.randrange(256) for _ in range(200)).replace(b"\n", b"").replace(b"\r", b"")
    stdin = question.replace(" ".encode(), b"\xff\xfe ", 1) + b"\n\xff\xfe\n" + junk + b"\n" + question + b"\n"
    result = subprocess.run([sys.executable, "-m", "bot", "chat", "--json", "--index-dir", str(index_dir)],
                            input=stdin, capture_output=True, cwd=ROOT, env=env, timeout=300)
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr[-2000:]
    garbled, nothing, random_bytes, plain = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert garbled["found"] and garbled["answer"] == plain["answer"] and "روبيو" in plain["answer"]
    for record in (nothing, random_bytes):
        assert not record["found"] and record["error"] == messages.NOT_TEXT and record["sources"] == []
    result = subprocess.run([sys.executable, "-m", "bot", "ask", b"\xd9\x85\xd9\x86\xff " + "سيقود الاجتماعات؟".encode(),
                             "--index-dir", str(index_dir)], capture_output=True, cwd=ROOT, env=env, timeout=300)
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr[-2000:]
    assert "روبيو" in result.stdout.decode()
