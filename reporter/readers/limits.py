"""Every limit the readers enforce, in one place, checked before the expensive step they guard.

Trusted document tools do the same (Apache POI's ZipSecureFile, Tika's write limits): a hostile or
broken file is refused before it is inflated, parsed or converted, so one file cannot exhaust memory
or hang the run. A report is a few KB of text and a Word file a few MB, so the defaults leave a wide
margin for real documents.

Change them for one run (tests, a batch of unusually large files) with `use_limits()`:

    with use_limits(max_text_chars=2_000_000):
        doc = read(path)

The per-file time and memory guard around a whole read + extract is separate (reporter/workers.py).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

KiB = 1024
MiB = 1024 * KiB


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    # ---- any file -------------------------------------------------------------------------------
    max_file_bytes: int = 64 * MiB  # refused before it is read (checked with stat, then bounded read)
    max_text_chars: int = 1_000_000  # extracted text kept per file; the rest is cut with a warning
    # ---- plain text (.txt, .md) -----------------------------------------------------------------
    max_text_file_bytes: int = 16 * MiB  # a text report is a few KB; larger files are refused
    # ---- Office Open XML packages (.docx) ---------------------------------------------------------
    max_zip_entries: int = 10_000
    max_part_bytes: int = 200 * MiB  # one inflated part, as declared in the zip directory
    max_xml_part_bytes: int = 32 * MiB  # one XML part that is parsed (lxml needs ~5–10× in memory)
    max_total_bytes: int = 500 * MiB  # all inflated parts together
    max_ratio: int = 100  # inflated / compressed, for parts over ratio_min_bytes
    ratio_min_bytes: int = 100 * KiB
    # ---- web pages (.html, .htm, .mht, .mhtml) ---------------------------------------------------
    max_html_bytes: int = 32 * MiB  # one HTML document (after MIME decoding for .mht)
    max_mime_parts: int = 2_000  # MIME parts in one .mht file
    # ---- PDF ---------------------------------------------------------------------------------------
    max_pdf_pages: int = 2_000  # pages whose text is read
    # ---- legacy Word (.doc, .wps) through LibreOffice ---------------------------------------------
    convert_timeout_s: float = 120.0  # one soffice conversion; the process is killed after it


_current = Limits()


def current() -> Limits:
    """The limits in force."""
    return _current


@contextlib.contextmanager
def use_limits(**changes: int | float) -> Iterator[Limits]:
    """Run a block with some limits changed (keyword names as in Limits)."""
    global _current
    before = _current
    _current = dataclasses.replace(before, **changes)  # type: ignore[arg-type]
    try:
        yield _current
    finally:
        _current = before


def mib(n: int) -> str:
    """A size for a message: 64 MB, 0.5 MB."""
    value = n / MiB
    return f"{value:.0f} MB" if value >= 1 or value == 0 else f"{value:.1f} MB"
