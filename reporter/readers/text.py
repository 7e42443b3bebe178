"""Plain-text reports (.txt, .md): the encoding decided on the whole file, one block per non-empty line."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from ..errors import EmptyDocumentError, ReadError, file_error
from ..model import Block, SourceDoc, Span
from .base import clean_text, sha256_of

# The most frequent characters of Chinese prose and of official reports, simplified and traditional.
# A correct decoding is full of them; a wrong one (GBK bytes read as Big5, or the other way) is not.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
    "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还"
    "因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道命此变条只没结"
    "解问意建月公无系市县区局委书记长党府省镇乡村安全检查执法案件治理服务落实推进开展要求组织召开议领导单位责任工作"
    "這為個國們時來對會發動過說產種後經進著電裡現實點業應開還與關樣線數麼質氣變條沒結問無係縣區黨長記書務實開議導單責"
)


def _score(text: str) -> float:
    cjk = [c for c in text if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"]
    other = sum(1 for c in text if ord(c) > 0x2fff and not ("\u4e00" <= c <= "\u9fff"))
    if not cjk:
        return 0.0
    common = sum(1 for c in cjk if c in _COMMON)
    return common / (len(cjk) + other)


def decode(data: bytes) -> tuple[str, str]:
    """Decode report bytes: (text, encoding). BOMs first, then UTF-8, then the likelier of GB18030 and Big5.

    Raises ValueError when no candidate decodes the whole file.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-16 without a BOM: NUL bytes in one byte position of most pairs
    if len(data) >= 4 and data.count(b"\x00") > len(data) // 4:
        even_nuls = data[0::2].count(0)
        odd_nuls = data[1::2].count(0)
        enc = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass
    candidates: list[tuple[float, str, str]] = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_score(text), enc, text))
    if not candidates:
        raise ValueError("not a known text encoding")
    # GB18030 decodes almost any byte string; prefer it only when it reads at least as well as Big5.
    candidates.sort(key=lambda c: (c[0], c[1] == "gb18030"), reverse=True)
    _, enc, text = candidates[0]
    return text, enc


class TextReader:
    """Plain-text reports (.txt, .md, .text)."""

    name: ClassVar[str] = "text"
    suffixes: ClassVar[tuple[str, ...]] = (".txt", ".text", ".md", ".markdown")

    def read(self, path: Path, data: bytes) -> SourceDoc:
        try:
            raw, encoding = decode(data)
        except (ValueError, UnicodeDecodeError):
            raise file_error(ReadError, path, "无法识别文本编码（不是 UTF-8、GBK/GB18030、UTF-16 或 Big5）",
                             "请用记事本另存为 UTF-8 编码后重试") from None
        text, dropped = clean_text(raw)
        warnings = []
        if dropped:
            warnings.append(f"删除了 {dropped} 个控制字符或不可见字符")
        if not text.strip():
            raise file_error(EmptyDocumentError, path, "文件是空的（没有文字）")
        return SourceDoc(path=path, sha256=sha256_of(data), text=text, blocks=line_blocks(text),
                         reader=self.name, encoding=encoding, warnings=tuple(warnings))


def line_blocks(text: str) -> tuple[Block, ...]:
    """One paragraph block per non-empty line, without its leading and trailing white space."""
    blocks = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip(" \t\u3000\xa0")
        if stripped:
            start = pos + line.index(stripped)
            blocks.append(Block(kind="paragraph", span=Span(start, start + len(stripped))))
        pos += len(line) + 1
    return tuple(blocks)
