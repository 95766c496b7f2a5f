"""Loading in the background: the chat greets and prompts at once while the model and index load."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Background(Generic[T]):
    """Runs `factory()` once in a daemon thread, started at construction.

    `get()` waits for its result and re-raises its exception (the same one on every call);
    `ready()` says whether it has finished, successfully or not.
    """

    def __init__(self, factory: Callable[[], T], name: str = "background-load") -> None:
        self._factory = factory
        self._done = threading.Event()
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._factory()
        except BaseException as exc:  # handed to the caller of get(), never lost in the thread
            self._error = exc
        finally:
            self._done.set()

    def ready(self) -> bool:
        """Whether the factory has returned or raised."""
        return self._done.is_set()

    def get(self, timeout: float | None = None) -> T:
        """The factory's result, waiting up to `timeout` seconds (None: as long as it takes).
        Raises the factory's exception, or TimeoutError if it is still running after `timeout`."""
        if not self._done.wait(timeout):
            raise TimeoutError("still loading")
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]
