"""Plain-text reports (.txt, .md): the encoding decided on the whole file, one block per non-empty line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from ..errors import EmptyDocumentError, ReadError, UnsafeDocumentError, file_error
from ..model import Block, SourceDoc, Span
from . import limits
from .base import LINE_SPACE, cap_text, clean_text, compat_spaces, line_span, sha256_of, truncated_warning

# The most frequent characters of Chinese prose and of official reports, simplified and traditional.
# A correct decoding is full of them; a wrong one (GBK bytes read as Big5, or the other way) is not.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
    "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还"
    "因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结"
    "解问意建月公无系市县区局委书记长党府省镇乡村安全检查执法案件治理服务落实推进开展要求组织召开议领导单位责任工作"
    "這為個國們時來對會發動過說產種後經進著電裡現實點業應開還與關樣線數麼質氣變條沒結問無係縣區黨長記書務實開議導單責"
)


# Counted as runs matched by regular expressions rather than per character in Python: 2–3× faster.
_CJK = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")
_WIDE_OTHER = re.compile("[\u3000-\u4dff\ua000-\U0010ffff]+")  # above U+2FFF, outside U+4E00–U+9FFF
_COMMON_CHARS = re.compile("[" + "".join(sorted(_COMMON)) + "]+")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\ufffd]+")  # control characters but \t \n \v \f \r


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(map(len, pattern.findall(text)))


def _score(text: str, cjk: int | None = None) -> float:
    cjk = _count(_CJK, text) if cjk is None else cjk
    if not cjk:
        return 0.0
    return _count(_COMMON_CHARS, text) / (cjk + _count(_WIDE_OTHER, text))


_BAD_SHARE = 0.01  # undecodable bytes tolerated (replaced and reported) as a share of the characters


def decode(data: bytes) -> tuple[str, str]:
    """Decode report bytes: (text, encoding), the encoding decided on the whole file.

    BOMs first, then UTF-8, then UTF-16 without a BOM, then the likelier of GB18030 (covers GBK and
    GB2312) and Big5. A file whose lines mix UTF-8 and GB18030 (pasted together from several sources)
    is decoded line by line: encoding 'mixed'. Raises ValueError when no encoding fits.
    """
    text, encoding, _ = decode_report(data)
    return text, encoding


def decode_report(data: bytes) -> tuple[str, str, int]:
    """(text, encoding, how many undecodable bytes were replaced); see decode()."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _lenient(data[3:], "utf-8", "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _lenient(data, "utf-16", "utf-16")
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    legacy = _likelier_legacy(data)
    utf16 = _utf16_without_bom(data, legacy)
    if utf16 is not None:
        return utf16[0], utf16[1], 0
    lines = data.split(b"\n")
    out: list[str] = []
    used: set[str] = set()
    bad = 0
    for line in lines:
        if line.isascii():
            out.append(line.decode("ascii"))
            continue
        as_legacy: str | None
        try:
            as_legacy = line.decode(legacy)
        except UnicodeDecodeError:
            as_legacy = None
        try:
            as_utf8: str | None = line.decode("utf-8")
        except UnicodeDecodeError:
            as_utf8 = None
        if as_utf8 is not None and (as_legacy is None or _score(as_utf8) >= _score(as_legacy)):
            out.append(as_utf8)
            used.add("utf-8")
        elif as_legacy is not None:
            out.append(as_legacy)
            used.add(legacy)
        else:  # neither fits the whole line: the reading with fewer bad bytes, bad bytes dropped
            text = min(
                (line.decode(c, errors="replace") for c in ("utf-8", legacy)), key=lambda t: t.count("\ufffd")
            )
            bad += text.count("\ufffd")
            out.append(text.replace("\ufffd", ""))  # a damaged line says nothing about the encoding
    text = "\n".join(out)
    if bad > max(4, _BAD_SHARE * len(text)):
        raise ValueError("not a known text encoding")
    encoding = "mixed" if len(used) > 1 else (used.pop() if used else legacy)
    return text, encoding, bad


def _utf16_without_bom(data: bytes, legacy: str) -> tuple[str, str] | None:
    """UTF-16 without a BOM (some Windows tools write it): accepted when it reads as likelier Chinese
    than the legacy encoding and has no control characters. ASCII-heavy files show NULs in one byte
    position of each pair; CJK-heavy files do not, so the score decides."""
    if len(data) < 4 or len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if any(c < " " and c not in "\t\n\r" for c in text):
            continue
        nul_pairs = data[1::2].count(0) if enc == "utf-16-le" else data[0::2].count(0)
        score = _score(text) + (1.0 if nul_pairs > len(data) // 4 else 0.0)
        if best is None or score > best[0]:
            best = (score, enc, text)
    if best is None:
        return None
    legacy_text = data.decode(legacy, errors="replace")
    legacy_score = _score(legacy_text) - legacy_text.count("\ufffd") / max(len(legacy_text), 1)
    if best[0] >= 0.2 and best[0] > legacy_score:
        return best[2], best[1]
    return None


def _lenient(data: bytes, codec: str, name: str) -> tuple[str, str, int]:
    """Decode with a BOM-given codec; a few bad bytes (a file cut mid-character) are dropped and counted."""
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if bad and bad > _BAD_SHARE * max(len(text), 1):
        raise ValueError(f"not {name}")
    return text.replace("\ufffd", "") if bad else text, name, bad


def _likelier_legacy(data: bytes) -> str:
    """GB18030 or Big5, whichever reads as likelier Chinese; GB18030 on a tie (it is far more common)."""
    best = ("gb18030", -1.0)
    for enc in ("gb18030", "big5"):
        text = data.decode(enc, errors="replace")
        score = _score(text) - text.count("\ufffd") / max(len(text), 1)
        if score > best[1]:
            best = (enc, score)
    return best[0]


def looks_binary(text: str) -> bool:
    """Decoded text that is really binary or random bytes: many control characters, or CJK characters
    that are almost all rare (what random bytes give when read as GB18030)."""
    controls = _count(_CONTROLS, text)
    if controls > 8 and controls > 0.01 * len(text):
        return True
    cjk = _count(_CJK, text)
    return cjk >= 20 and _score(text, cjk) < 0.08


class TextReader:
    """Plain-text reports (.txt, .md, .text)."""

    name: ClassVar[str] = "text"
    suffixes: ClassVar[tuple[str, ...]] = (".txt", ".text", ".md", ".markdown")

    def read(self, path: Path, data: bytes) -> SourceDoc:
        lim = limits.current()
        if len(data) > lim.max_text_file_bytes:
            raise file_error(
                UnsafeDocumentError,
                path,
                f"文本文件过大（{limits.mib(len(data))}，上限 {limits.mib(lim.max_text_file_bytes)}）",
                "一份报告通常只有几十 KB；请确认文件，必要时拆分后再处理",
            )
        try:
            raw, encoding, bad = decode_report(data)
        except (ValueError, UnicodeDecodeError):
            raise file_error(
                ReadError,
                path,
                "无法识别文本编码（不是 UTF-8、GBK/GB18030、UTF-16 或 Big5 的文字，"
                "可能是二进制文件或已损坏）",
                "请用记事本打开后另存为 UTF-8 编码再试",
            ) from None
        if looks_binary(raw):
            raise file_error(
                ReadError,
                path,
                "文件内容不是文字（可能是二进制文件、已损坏或改错了扩展名）",
                "请确认文件类型，用原来的软件打开后另存为 .txt 或 .docx",
            )
        text, dropped = clean_text(raw)
        text = lay_out(text)
        warnings = []
        if encoding == "mixed":
            warnings.append("文件混用了 UTF-8 和 GBK/GB18030 等编码，已逐行识别")
        if bad:
            warnings.append(f"删除了 {bad} 处无法识别的字节")
        if dropped:
            warnings.append(f"删除了 {dropped} 个控制字符或不可见字符")
        if not text.strip():
            raise file_error(EmptyDocumentError, path, "文件是空的（没有文字）")
        text, truncated = cap_text(text)
        if truncated:
            warnings.append(truncated_warning())
        return SourceDoc(
            path=path,
            sha256=sha256_of(data),
            text=text,
            blocks=line_blocks(text),
            reader=self.name,
            encoding=encoding,
            warnings=tuple(warnings),
        )


_LEADING_BLANK_LINES = re.compile(f"^(?:[{LINE_SPACE}]*\n)+")


def lay_out(text: str) -> str:
    """The text as every reader lays out a report's body: compatibility spaces as ordinary ones, no
    empty lines before the first line or after the last, the last line without trailing space."""
    text = compat_spaces(text)
    return _LEADING_BLANK_LINES.sub("", text, count=1).rstrip(LINE_SPACE + "\n")


def line_blocks(text: str) -> tuple[Block, ...]:
    """One paragraph block per non-empty line, without its leading and trailing white space."""
    blocks = []
    pos = 0
    for line in text.split("\n"):
        span = line_span(line)
        if span is not None:
            blocks.append(Block(kind="paragraph", span=Span(pos + span[0], pos + span[1])))
        pos += len(line) + 1
    return tuple(blocks)
