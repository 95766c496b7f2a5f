"""Time to prompt: the terminal chat greets and prompts while the model and index load in the background
(a real pseudo-terminal, the real CLI, model and index); the background loader itself."""

from __future__ import annotations

import sys
import threading

import pytest

from bench.time_to_prompt import PROMPT, PtyChat
from bot.loading import Background
from bot.repl import LOADING, indexed_articles

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def test_background_returns_waits_and_reraises():
    gate = threading.Event()
    loader = Background(lambda: gate.wait(10) and "ready")
    assert not loader.ready()
    with pytest.raises(TimeoutError):
        loader.get(timeout=0.05)
    gate.set()
    assert loader.get(timeout=10) == "ready" and loader.ready()

    def fail() -> str:
        raise FileNotFoundError("no index")

    broken = Background(fail)
    for _ in range(2):  # the same error on every call, never swallowed by the thread
        with pytest.raises(FileNotFoundError, match="no index"):
            broken.get(timeout=10)


def test_indexed_articles_reads_the_manifest_alone(tmp_path):
    assert indexed_articles(tmp_path) == []
    (tmp_path / "manifest.json").write_text('{"articles": [{"title": "عنوان", "source": "CNN", "path": "a.txt"}]}',
                                            encoding="utf-8")
    [article] = indexed_articles(tmp_path)
    assert (article.title, article.source, article.examples) == ("عنوان", "CNN", ())
    (tmp_path / "manifest.json").write_text("{broken", encoding="utf-8")
    assert indexed_articles(tmp_path) == []


@pytest.fixture(scope="module")
def built_index(tmp_path_factory):
    from bot.service import build_service
    from tests.conftest import core_settings

    tmp = tmp_path_factory.mktemp("startup")
    build_service(core_settings(tmp))  # builds the bundled article's index
    return tmp / "index"


@pytest.mark.slow
def test_terminal_chat_prompts_before_loading_and_answers_after(built_index):
    chat = PtyChat([sys.executable, "-m", "bot", "chat", "--index-dir", str(built_index)], cwd=ROOT,
                   env={"LLM_PROVIDER": "none"})
    try:
        chat.read_until(PROMPT, timeout=60)
        greeting = chat.output.decode()
        assert "روبيو" in greeting  # the article's title, read from the manifest before loading
        mark = chat.type("لماذا تأجل اجتماع روبيو ولافروف؟")
        chat.read_until(PROMPT, timeout=300, after=mark + len(PROMPT) + 1)
        answer = chat.output[mark:].decode()
        # Typed at once, the question met a core still loading (importing torch alone takes seconds).
        assert LOADING in answer
        assert "rubio-lavrov.txt#" in answer  # answered (or refused) with the article's passages
        assert "Traceback" not in chat.output.decode()
        mark = chat.type("/sources")
        chat.read_until(PROMPT, timeout=30, after=mark)
        mark = chat.type("/foo")  # a mistyped command gets the help, not an answer
        chat.read_until(PROMPT, timeout=30, after=mark + len(PROMPT) + 1)
        reply = chat.output[mark:].decode()
        assert "أمر غير معروف" in reply and "/reset" in reply and "rubio-lavrov.txt#" not in reply
        assert "English" in reply  # English questions are answered too: the help says so
    finally:
        code = chat.close()
    assert code == 0


@pytest.mark.slow
def test_piped_chat_is_unchanged(built_index):
    import subprocess

    result = subprocess.run([sys.executable, "-m", "bot", "chat", "--index-dir", str(built_index), "--json"],
                            input="لماذا تأجل اجتماع روبيو ولافروف؟\n/reset\nمن هو نظير روبيو الروسي؟\n",
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and LOADING not in result.stdout
