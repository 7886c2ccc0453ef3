"""Finding input files and turning their bytes into trustworthy text.

Everything here is shared by the format readers: the walk that decides which files are
candidates (and in what order), and the checks every file passes before a format reader sees
it (size, readability, emptiness, binary content, UTF-8). Each check fails with a
:class:`ReadError` whose message is one line naming the file, so a bad file costs the user one
line of output and never a traceback, and never the other files.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

#: Files larger than this are refused before being read: a news article is a few hundred KB
#: at most, so anything bigger is almost certainly a mistake (a dump, a video, a database)
#: that would otherwise be loaded whole into memory and through the NLP pipeline.
MAX_FILE_BYTES = 20_000_000

STDIN: Literal["-"] = "-"

#: How many leading bytes the binary sniffing looks at; enough to catch every common binary
#: format without scanning a whole large file twice.
_SNIFF_BYTES = 8192

#: Control bytes that never occur in text (tab, newlines, form feed, vertical tab and escape
#: are allowed: they do turn up in real text files).
_CONTROL_BYTES = frozenset(range(0x00, 0x08)) | frozenset(range(0x0E, 0x1B)) | {0x1C, 0x1D}
_CONTROL_BYTES |= {0x1E, 0x1F, 0x7F}

_UTF16_32_BOMS = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)


class ReadError(Exception):
    """A file (or one record in it) could not be read.

    ``str(error)`` is one line naming the file and the problem, e.g.
    ``"wire.jsonl:3: invalid JSON (Expecting value at column 1)"``; the parts stay available
    so a caller can lay the message out differently.
    """

    def __init__(
        self,
        path: str,
        reason: str,
        *,
        line: int | None = None,
        kind: Literal["skipped", "failed"] = "failed",
    ) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        self.kind = kind  # "skipped": not a format we read; "failed": bad input
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


def expand_paths(
    paths: Iterable[str | os.PathLike[str]],
) -> list[Path | Literal["-"] | ReadError]:
    """The candidate files under ``paths``, in the order they will be read.

    Paths keep the order the user gave them; a directory is walked recursively and its files
    sorted by their path components, so the same tree always gives the same order (and so the
    same output) on every machine. Symbolic links to directories are followed, as a user who
    links a folder into their news folder expects; a link that leads back into a directory
    it is inside (a loop) is not followed, and is listed as a "skipped" :class:`ReadError`
    in its place, so the walk always ends and the user is told. Hidden files and directories
    (``.git``, ``.DS_Store``) are left out of walks, but a hidden file named explicitly is
    kept. ``"-"`` (stdin) is passed through. A file reached twice is listed once. Unsupported
    files are *kept*: reading them yields a "skipped" problem, which tells the user why they
    were not used.

    Raises :class:`FileNotFoundError` for a path that does not exist, before anything is read,
    so a typo in a command line fails fast instead of after minutes of work.
    """
    result: list[Path | Literal["-"] | ReadError] = []
    seen: set[object] = set()

    def add(item: Path | Literal["-"] | ReadError) -> None:
        if isinstance(item, ReadError):
            result.append(item)
            return
        key = item if isinstance(item, str) else _identity(item)
        if key not in seen:
            seen.add(key)
            result.append(item)

    for raw in paths:
        if str(raw) == STDIN:
            add(STDIN)
            continue
        path = Path(raw)
        if path.is_dir() and is_store_dir(path):
            add(path)  # read_paths says why it is not read
        elif path.is_dir():
            for found in _walk(path):
                add(found)
        elif path.exists() or path.is_symlink():
            add(path)
        else:
            raise FileNotFoundError(f"{raw}: no such file or directory")
    return result


#: Extensions of two parts (a compressed format), matched before the last suffix alone.
DOUBLE_SUFFIXES = (".warc.gz",)


def file_suffix(path: Path) -> str:
    """The (lower-case) extension that picks a file's reader: ``.warc.gz`` for a compressed
    crawl, else the last suffix."""
    name = path.name.lower()
    return next((s for s in DOUBLE_SUFFIXES if name.endswith(s)), path.suffix.lower())


def is_store_dir(path: Path) -> bool:
    """Whether ``path`` is a store's directory (an Oxigraph database, with or without
    newskg's cache): never input, even inside a directory being built (`kg build .` with
    ./kg-store in it)."""
    return (path / "CURRENT").is_file() and (
        (path / "IDENTITY").is_file() or (path / "newskg").is_dir()
    )


def _identity(path: Path) -> object:
    """Same file, same key, however it was named (``a/x.txt`` vs ``./a/../a/x.txt``)."""
    try:
        stat = path.stat()
        return (stat.st_dev, stat.st_ino)
    except OSError:
        return str(path)


def _walk(root: Path) -> list[Path | ReadError]:
    """The files under ``root`` in sorted order, following links to directories.

    Depth first, entries sorted by name, which is the order of sorted path components. Each
    directory is walked once whatever it is reached by (two links to one folder, or a link
    to a sibling), so the walk is bounded by the real tree; a directory reached again from
    inside itself is a loop, reported where the link is.
    """
    found: list[Path | ReadError] = []
    walked: set[object] = set()

    def visit(directory: Path, ancestors: dict[object, Path]) -> None:
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            found.append(ReadError(str(directory), f"cannot read directory: {exc.strerror}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = directory / entry.name
            try:
                is_dir = entry.is_dir()  # follows symbolic links
                is_file = not is_dir and entry.is_file()
            except OSError:
                continue  # vanished, or a link loop the system refuses to resolve
            if is_file:  # sockets, fifos and dangling links are not documents
                found.append(path)
            elif is_dir and is_store_dir(path):
                found.append(path)  # listed, never walked: read_paths skips it
            elif is_dir:
                key = _identity(path)
                if key in ancestors:
                    found.append(
                        ReadError(
                            str(path),
                            f"symbolic link loop back to {ancestors[key]}, not followed",
                            kind="skipped",
                        )
                    )
                elif key not in walked:
                    walked.add(key)
                    visit(path, {**ancestors, key: path})

    walked.add(_identity(root))
    visit(root, {_identity(root): root})
    return found


def read_checked_bytes(path: Path, display: str) -> bytes:
    """The bytes of ``path`` after the checks every format needs.

    Refuses files that are too large (checked on the size before reading), unreadable, empty
    or binary. ``display`` is the name used in messages: the path as the user gave it.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(display, f"cannot read: {exc.strerror or exc}") from None
    _check_size(size, display)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReadError(display, "is a directory") from None
    except OSError as exc:
        raise ReadError(display, f"cannot read: {exc.strerror or exc}") from None
    _check_size(len(data), display)  # the file may have grown, or stat lied (/proc, pipes)
    check_bytes(data, display)
    return data


def read_checked_stream(stream: object, display: str = STDIN) -> bytes:
    """The bytes of a text stream (stdin), with the same checks as a file.

    Reads the underlying binary buffer when there is one, so the text gets the same UTF-8
    decoding and untouched newlines as a file; otherwise (a ``StringIO``) the characters are
    already decoded and are encoded back to UTF-8 unchanged.
    """
    buffer = getattr(stream, "buffer", None)
    limit = MAX_FILE_BYTES
    if buffer is not None:
        data = buffer.read(limit + 1)
    else:
        data = stream.read(limit + 1).encode("utf-8", "surrogatepass")  # type: ignore[attr-defined]
    if len(data) > limit:  # only the first limit + 1 bytes were read: the size is a lower bound
        raise ReadError(display, f"input too large (more than {_human(limit)})")
    check_bytes(data, display, empty="empty input")
    return data


def _check_size(size: int, display: str) -> None:
    if size > MAX_FILE_BYTES:
        raise ReadError(display, f"file too large ({_human(size)} > {_human(MAX_FILE_BYTES)})")


def _human(size: int) -> str:
    """Sizes in MB (10^6) as users see them in file managers; tiny limits (tests) in bytes."""
    if size >= 100_000:
        return f"{size / 1_000_000:.{0 if size % 1_000_000 == 0 else 1}f} MB"
    return f"{size} bytes"


def check_bytes(data: bytes, display: str, *, empty: str = "empty file") -> None:
    """Fail on content no reader can use: nothing but whitespace, or not text at all."""
    body = data.removeprefix(codecs.BOM_UTF8)
    if not body.strip():
        raise ReadError(display, empty)
    if data.startswith(_UTF16_32_BOMS):
        # UTF-16/32 text is full of NUL bytes; name it rather than calling it binary
        raise ReadError(display, "not UTF-8 text (UTF-16 or UTF-32 encoded; convert it to UTF-8)")
    if looks_binary(data):
        raise ReadError(display, "binary file, not text")


def looks_binary(data: bytes) -> bool:
    """True for content that is not text: any NUL byte, or many control bytes.

    Text in any 8-bit encoding has almost no control bytes, while images, archives and
    executables are full of them, so a 10% threshold on the first few KB separates them
    without deciding anything about the text encoding.
    """
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample or b"\x00" in data:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > len(sample) * 0.10


def decode_utf8(data: bytes, display: str, *, line: int | None = None) -> str:
    """Decode UTF-8 strictly, removing a leading BOM and leaving every newline as it is.

    No other encoding is guessed: a wrong guess silently produces mojibake that then ends up
    in the graph as entity names, while a clear failure tells the user what to convert.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.object[exc.start]
        raise ReadError(
            display,
            f"not UTF-8 text (invalid byte 0x{bad:02x} at position {exc.start})",
            line=line,
        ) from None
