"""The documentation is true: README's command-line session runs as written, every other command line in the
docs and every command's `Example:` names real commands and options, and every command has help.
"""

from __future__ import annotations

import json
import logging
import re
import shlex
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from fieldapp.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def session_lines() -> list[str]:
    """The `$ fieldapp …` lines of README's console blocks, in order, without their trailing comments."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.startswith("$ fieldapp "):
                lines.append(re.sub(r"\s+#\s.*$", "", line[2:]).strip())
    return lines


@pytest.fixture
def quiet_logging() -> Iterator[None]:
    """The CLI points the root logger at its data directory; give pytest its handlers back afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:], root.level = handlers, level
    logging.captureWarnings(False)


def run(args: list[str]) -> click.testing.Result:
    return CliRunner().invoke(main, args, catch_exceptions=False)


def json_of(data_dir: str, *command: str) -> object:
    result = run(["--data-dir", data_dir, *command, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# What a placeholder of the session stands for, looked up with the CLI as a user would.
PLACEHOLDERS: dict[str, Callable[[str], str]] = {
    "<FINDING_ID>": lambda d: next(f["id"] for f in json_of(d, "findings", "list")  # type: ignore[union-attr]
                                   if f["grade"] == "general"),
    "<MAJOR_FINDING_ID>": lambda d: next(f["id"] for f in json_of(d, "findings", "list")  # type: ignore[union-attr]
                                         if f["grade"] == "major"),
    "<ORDER_NUMBER>": lambda d: next(n["number"] for n in json_of(d, "notices", "list")  # type: ignore[union-attr]
                                     if n["type"] == "rectification_order"),
}


@pytest.mark.usefixtures("quiet_logging")
def test_the_readme_session_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "docs" / "examples", tmp_path / "docs" / "examples")
    monkeypatch.chdir(tmp_path)
    lines = session_lines()
    assert len(lines) >= 30
    for line in lines:
        args = shlex.split(line)[1:]
        data_dir = args[args.index("--data-dir") + 1]
        args = [PLACEHOLDERS[a](data_dir) if a in PLACEHOLDERS else a for a in args]
        result = run(args)
        assert result.exit_code == 0, f"{line}\n{result.output}"
    # What the session promised happened: the visit reached the office and the escalation reached the laptop.
    office = json_of("office", "findings", "list")
    laptop = json_of("laptop", "findings", "list")
    assert isinstance(office, list) and isinstance(laptop, list)
    assert {f["id"] for f in office} == {f["id"] for f in laptop} and len(office) == 3
    assert [f["status"] for f in laptop if f["grade"] == "major"] == ["escalated"]
    assert Path("责改.pdf").read_bytes().startswith(b"%PDF") and Path("统计.xlsx").stat().st_size > 0


def test_the_visit_format_example_is_the_example_file() -> None:
    text = (ROOT / "docs" / "visit-format.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.S)
    assert block is not None
    example = ROOT / "docs" / "examples" / "visit" / "visit.json"
    assert json.loads(block.group(1)) == json.loads(example.read_text(encoding="utf-8"))


def commands(group: click.Group = main, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...],
                                                                                        click.Command]]:
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        yield path, command
        if isinstance(command, click.Group):
            yield from commands(command, path)


def check_command_line(line: str) -> None:
    """`line` names a real command and only options it has (nothing is run)."""
    tokens = shlex.split(line.replace("\\", "/"))
    assert tokens[0] == "fieldapp", line
    tokens = tokens[1:]
    command: click.Command = main
    while tokens:
        token = tokens.pop(0)
        if token.startswith("-"):
            name = token.split("=")[0]
            option = next((p for p in command.params if name in p.opts), None)
            assert option is not None or name in ("--help", "-h"), f"{line}: {token} is not an option"
            if isinstance(option, click.Option) and not option.is_flag and "=" not in token:
                tokens.pop(0)  # its value
            continue
        if isinstance(command, click.Group):
            assert token in command.commands, f"{line}: no command {token!r}"
            command = command.commands[token]
    assert not isinstance(command, click.Group), f"{line}: names a group, not a command"


def doc_command_lines() -> list[str]:
    found = []
    for path in DOCS:
        for language, block in re.findall(r"```([a-z]*)\n(.*?)```", path.read_text(encoding="utf-8"), re.S):
            for line in block.splitlines():
                if language == "console" and not line.startswith("$ "):
                    continue  # what a command printed
                line = re.sub(r"\s+#\s.*$", "", line.strip().removeprefix("$ "))
                line = re.sub(r"\s{2,}\S.*$", "", line)  # install.md: a command, then its explanation
                if line.startswith("fieldapp ") or line == "fieldapp":
                    found.append(line)
    return found


@pytest.mark.parametrize("line", doc_command_lines())
def test_every_command_line_in_the_docs_is_a_real_command(line: str) -> None:
    check_command_line(line)


@pytest.mark.parametrize(("path", "command"), list(commands()), ids=lambda v: " ".join(v) if isinstance(v, tuple)
                         else "")
def test_every_command_has_help_and_a_working_example(path: tuple[str, ...], command: click.Command) -> None:
    assert command.help and command.help.strip(), f"fieldapp {' '.join(path)} has no help"
    if isinstance(command, click.Group):
        return
    examples = re.findall(r"Example:\s*(fieldapp .+)", command.help)
    assert examples, f"fieldapp {' '.join(path)} has no Example: line"
    for example in examples:
        check_command_line(example)
        assert example.split()[1:1 + len(path)] == list(path) or "--data-dir" in example, example
