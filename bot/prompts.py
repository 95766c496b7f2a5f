"""Prompts as files: `prompts/<name>.txt`, loaded by name and checked for their variables.

A prompt file has optional `#` comment lines at the top, then a `[system]` section and a `[human]`
section (each line alone on its line). The text is a LangChain f-string template: `{name}` is a
variable, `{{` and `}}` are literal braces.
"""

from __future__ import annotations

import re
from pathlib import Path

from langchain_core.prompts import ChatPromptTemplate

from bot.settings import PROJECT_DIR

PROMPTS_DIR = PROJECT_DIR / "prompts"

# The variables each known prompt must use: exactly these, no more, no fewer.
PROMPT_VARIABLES: dict[str, frozenset[str]] = {
    "answer": frozenset({"excerpts", "question"}),
    "followup": frozenset({"history", "question"}),
}

_SECTION_RE = re.compile(r"^\[(system|human)\]\s*$", re.MULTILINE)
_NAME_RE = re.compile(r"^[A-Za-z0-9_-]+$")


class PromptError(ValueError):
    """A prompt file is missing, malformed or uses the wrong variables."""


def prompt_path(name: str, directory: Path | None = None) -> Path:
    """Where the prompt called `name` lives."""
    if not _NAME_RE.match(name):
        raise PromptError(f"invalid prompt name {name!r} (letters, digits, '_' and '-' only)")
    return (directory or PROMPTS_DIR) / f"{name}.txt"


def parse_prompt(text: str, origin: str = "prompt") -> list[tuple[str, str]]:
    """The (role, template) messages of a prompt file's text."""
    matches = list(_SECTION_RE.finditer(text))
    if not matches:
        raise PromptError(f"{origin}: no [system] or [human] section found")
    head = text[: matches[0].start()]
    if any(line.strip() and not line.lstrip().startswith("#") for line in head.splitlines()):
        raise PromptError(f"{origin}: only '#' comment lines may come before the first section")
    messages = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        body = text[match.end() : end].strip("\n").rstrip()
        if not body.strip():
            raise PromptError(f"{origin}: the [{match.group(1)}] section is empty")
        messages.append((match.group(1), body))
    if messages[-1][0] != "human":
        raise PromptError(f"{origin}: the last section must be [human]")
    return messages


def load_prompt(
    name: str, directory: Path | None = None, expected: set[str] | frozenset[str] | None = None
) -> ChatPromptTemplate:
    """Load `prompts/<name>.txt` as a chat prompt, checking it uses exactly the expected variables.

    `expected` defaults to `PROMPT_VARIABLES[name]`; a prompt with other variables, a missing file
    or a malformed template raises `PromptError` with a message naming the file.
    """
    path = prompt_path(name, directory)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PromptError(f"prompt file {path} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PromptError(f"cannot read prompt file {path}: {exc}") from None
    messages = parse_prompt(text, str(path))
    try:
        template = ChatPromptTemplate.from_messages(messages, template_format="f-string")
    except (ValueError, KeyError, IndexError) as exc:
        raise PromptError(f"{path}: not a valid template ({exc}); write literal braces as {{{{ and }}}}") from None
    wanted = frozenset(expected) if expected is not None else PROMPT_VARIABLES.get(name)
    if wanted is not None:
        found = frozenset(template.input_variables)
        if found != wanted:
            missing = ", ".join("{" + v + "}" for v in sorted(wanted - found))
            extra = ", ".join("{" + v + "}" for v in sorted(found - wanted))
            details = "; ".join(
                part for part in (f"missing {missing}" if missing else "", f"unexpected {extra}" if extra else "") if part
            )
            raise PromptError(
                f"{path} must use exactly the variables "
                + ", ".join("{" + v + "}" for v in sorted(wanted))
                + f" ({details})"
            )
    return template
