"""Time to prompt of the terminal chat: `python -m bench.time_to_prompt [--runs N] [--make]`.

Starts the chat in a real pseudo-terminal (as a user's terminal would) on a built index and prints, per run,
the seconds until the prompt «سؤالك>» is shown and until the first answer to a question typed at once
(the chat loads the model and index in the background meanwhile). `--make` runs `make -s chat` instead of
`python -m bot chat` (set-up treated as done: `make -o .venv/.installed`).
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from bot.settings import PROJECT_DIR

PROMPT = "سؤالك>".encode()


class PtyChat:
    """A command run with its stdin, stdout and stderr on a new pseudo-terminal; all output is kept."""

    def __init__(self, args: list[str], cwd: Path = PROJECT_DIR, env: dict[str, str] | None = None) -> None:
        master, slave = pty.openpty()
        self.started = time.perf_counter()
        self.process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, cwd=cwd,
                                        env={**os.environ, **(env or {})}, close_fds=True)
        os.close(slave)
        self.master = master
        self.output = b""

    def read_until(self, marker: bytes, timeout: float, after: int = 0) -> float:
        """Read until `marker` appears in the output past byte `after`; seconds since start.
        Raises TimeoutError (with the output so far) if it does not within `timeout` seconds."""
        deadline = time.perf_counter() + timeout
        while marker not in self.output[after:]:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{marker!r} not seen; output so far: {self.output.decode(errors='replace')}")
            ready, _, _ = select.select([self.master], [], [], min(left, 0.5))
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the child closed the terminal
                    chunk = b""
                if not chunk and self.process.poll() is not None:
                    raise TimeoutError(f"exited before {marker!r}: {self.output.decode(errors='replace')}")
                self.output += chunk
        return time.perf_counter() - self.started

    def type(self, line: str) -> int:
        """Type a line; returns the output length before it, for `read_until(after=...)`."""
        mark = len(self.output)
        os.write(self.master, (line + "\n").encode())
        return mark

    def close(self, timeout: float = 30) -> int | None:
        """Type /quit at the next prompt and wait for the process to end (killed after `timeout`
        seconds); its exit code, or None if it had to be killed."""
        try:
            try:
                self.read_until(PROMPT, timeout, after=len(self.output) - len(PROMPT) - 1)
                self.type("/quit")
                return self.process.wait(timeout=timeout)
            except (TimeoutError, OSError, subprocess.TimeoutExpired):
                return None
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            os.close(self.master)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--make", action="store_true", help="measure `make -s chat`")
    parser.add_argument("--index-dir", type=Path, help="(python -m bot chat only) the index to chat over")
    parser.add_argument("--question", default="لماذا تأجل اجتماع روبيو ولافروف؟")
    args = parser.parse_args()
    if args.make:
        command = ["make", "-s", "-o", ".venv/.installed", "chat"]
    else:
        command = [sys.executable, "-m", "bot", "chat"] + (["--index-dir", str(args.index_dir)] if args.index_dir else [])
    print("command:", " ".join(command))
    for run in range(args.runs):
        chat = PtyChat(command)
        try:
            prompt = chat.read_until(PROMPT, timeout=float(os.environ.get("PROMPT_TIMEOUT", 120)))
            mark = chat.type(args.question)
            answered = chat.read_until(PROMPT, timeout=300, after=mark + len(PROMPT) + 1)
        finally:
            chat.close()
        print(f"run {run + 1}: prompt after {prompt:.2f} s, first answer after {answered:.2f} s")


if __name__ == "__main__":
    main()
