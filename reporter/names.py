"""Safe output file names made from document titles (a title is text from a file anyone could write).

    safe_filename("关于CON/PRN的通知：第1期") → "关于CON_PRN的通知：第1期"
    safe_filename("CON", suffix=".docx")       → "_CON.docx"
    safe_filename("../../etc/passwd")          → "etc_passwd"

The result is one path component on Windows, macOS and Linux: no separators, no `..`, no characters
Windows forbids, no control or invisible characters, no Windows device name (CON, PRN, AUX, NUL,
COM1–9, LPT1–9, even with an extension), no trailing dots or spaces, not hidden (no leading dot) and
not taken for an Office lock file (~$), capped in characters and in UTF-8 bytes (ext4 and NTFS allow
255), suffix included.
"""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 80
MAX_BYTES = 200  # leaves room under the 255-byte limit for a " (2)" or a folder-side prefix

# characters Windows forbids in names → look-alikes that are allowed (a Chinese title keeps its look)
_REPLACE = str.maketrans(
    {"/": "_", "\\": "_", ":": "：", "*": "＊", "?": "？", '"': "＂", "<": "＜", ">": "＞", "|": "｜"}
)
# controls, bidi overrides and isolates, zero-width characters, BOM, lone surrogates, non-characters
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]"
)
_SPACES = re.compile(r"\s+")
_DOTS = re.compile(r"\.{2,}")
_CJK_GAP = re.compile(
    r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])"
)
_RESERVED = re.compile(r"^(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])$", re.IGNORECASE)


def safe_filename(
    title: str,
    *,
    suffix: str = "",
    fallback: str = "未命名",
    max_chars: int = MAX_CHARS,
    max_bytes: int = MAX_BYTES,
) -> str:
    """A file name made from `title` (plus `suffix`, e.g. ".docx") that is safe on every system."""
    ext = _clean(suffix.lstrip(".")) if suffix else ""
    suffix = f".{ext}" if ext else ""
    stem = _clean(title) or _clean(fallback) or "_"
    budget_chars = max(1, max_chars - len(suffix))
    budget_bytes = max(4, max_bytes - len(suffix.encode("utf-8")))
    stem = _cap(stem, budget_chars, budget_bytes)
    stem = stem.rstrip(" .") or "_"
    if _RESERVED.match(stem.split(".")[0].rstrip(" ")):
        stem = "_" + stem
    return stem + suffix


def unique_name(name: str, taken: set[str]) -> str:
    """`name`, or `name (2)`, `name (3)`… before the suffix, so that it is not in `taken`
    (compared case-insensitively, as Windows and macOS do). Adds the result to `taken`."""
    lowered = {t.casefold() for t in taken}
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    candidate, n = name, 1
    while candidate.casefold() in lowered:
        n += 1
        candidate = f"{stem} ({n})" + (f".{ext}" if ext else "")
    taken.add(candidate)
    return candidate


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", str(text))
    text = _SPACES.sub(" ", text.translate(_REPLACE))  # line breaks and tabs become one space…
    text = _CJK_GAP.sub("", _INVISIBLE.sub("", text))  # …except between two Chinese characters
    text = _DOTS.sub(".", text)
    text = text.strip(" .")
    while text.startswith(("~$", ".", "~", "-", "_.")):  # hidden, lock-file look, an option to a tool
        text = text.lstrip("~$.-").lstrip("_.").strip(" ")
    return text.rstrip(" .")


def _cap(text: str, max_chars: int, max_bytes: int) -> str:
    text = text[:max_chars]
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    if text and unicodedata.category(text[-1]) in ("Mn", "Me", "Cf"):  # a dangling combining mark or joiner
        text = text[:-1]
    return text
