"""Web archives (.mht, .mhtml) as browsers and Word save them: a MIME message whose HTML part is the page.

The parts are read with the standard email package; the HTML part (the multipart/related `start`
part, else the first text/html part) is decoded by its transfer encoding (base64, quoted-printable)
and its charset, then read like a saved page.
"""

from __future__ import annotations

import email
import email.message
from email import policy
from pathlib import Path
from typing import ClassVar

from ..errors import EmptyDocumentError, ReadError, UnsafeDocumentError, file_error
from ..model import SourceDoc
from . import limits
from .base import sha256_of
from .html import check_size, codec_for, decode_page, html_to_doc
from .text import TextReader


def _parts(msg: email.message.Message, cap: int):
    """Leaf parts, depth first, never more than `cap` of them (counting containers too)."""
    count = 0
    stack = [msg]
    while stack:
        part = stack.pop()
        count += 1
        if count > cap:
            raise OverflowError
        payload = part.get_payload()
        if part.is_multipart() and isinstance(payload, list):
            stack.extend(reversed([p for p in payload if isinstance(p, email.message.Message)]))
        else:
            yield part


def _cid(value: str | None) -> str:
    return (value or "").strip().strip("<>").lower()


class MhtmlReader:
    """Single-file web pages (.mht, .mhtml)."""

    name: ClassVar[str] = "mhtml"
    suffixes: ClassVar[tuple[str, ...]] = (".mht", ".mhtml")

    def read(self, path: Path, data: bytes) -> SourceDoc:
        lim = limits.current()
        try:
            msg = email.message_from_bytes(data, policy=policy.compat32)
            param = msg.get_param("start") if msg.is_multipart() else None
            start = _cid(param if isinstance(param, str) else None)
            parts = list(_parts(msg, lim.max_mime_parts))
        except OverflowError:
            raise file_error(
                UnsafeDocumentError,
                path,
                f"网页存档的部件过多（上限 {lim.max_mime_parts} 个）",
                "已拒绝处理；请在浏览器中打开后复制正文存成 .txt",
            ) from None
        except (ValueError, TypeError, LookupError, IndexError, AttributeError):
            raise file_error(
                ReadError,
                path,
                "网页存档无法解析（格式错误）",
                "请在浏览器中打开后另存为网页或复制正文存成 .txt",
            ) from None
        html = [p for p in parts if p.get_content_type() in ("text/html", "application/xhtml+xml")]
        chosen = next((p for p in html if start and _cid(p.get("Content-ID")) == start), None)
        chosen = chosen or (html[0] if html else None)
        if chosen is None:
            plain = next((p for p in parts if p.get_content_type() == "text/plain"), None)
            if plain is None:
                raise file_error(
                    EmptyDocumentError,
                    path,
                    "网页存档里没有网页正文（没有 HTML 部分）",
                    "请在浏览器中打开后复制正文存成 .txt",
                )
            body = self._payload(path, plain)
            doc = TextReader().read(path, body)
            return _as(doc, self.name, data)
        body = self._payload(path, chosen)
        check_size(path, len(body))
        text, encoding = decode_page(body, declared=codec_for(chosen.get_content_charset()))
        return html_to_doc(path, data, text, encoding, self.name)

    @staticmethod
    def _payload(path: Path, part: email.message.Message) -> bytes:
        try:
            body = part.get_payload(decode=True)
        except (ValueError, TypeError, LookupError):
            raise file_error(
                ReadError, path, "网页存档的正文无法解码", "请在浏览器中打开后复制正文存成 .txt"
            ) from None
        if not isinstance(body, bytes):
            body = b""
        return body


def _as(doc: SourceDoc, reader: str, data: bytes) -> SourceDoc:
    import dataclasses

    return dataclasses.replace(doc, reader=reader, sha256=sha256_of(data))
