"""Legacy Word and WPS files (.doc, .wps, .wpt), RTF and .odt through LibreOffice when it is installed.

Tests that convert need `soffice` and skip cleanly without it (CI has none); the checks in front of
the converter (OLE directory, encryption, the message without LibreOffice) run everywhere.
"""

from __future__ import annotations

import os
import shutil

import pytest

from reporter.errors import EncryptedDocumentError, ReadError, UnsupportedFormatError
from reporter.readers import read
from reporter.readers.doc import find_soffice
from reporter.readers.limits import use_limits
from reporter.readers.ole import inspect
from tests.conftest import write
from tests.hostile.build_corpus import _converted, build, cfb, fib, p

pytestmark = pytest.mark.slow  # a real LibreOffice converts each file

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
WORD = build(p("赤峰市公安局召开工作会议") + p("会议由副局长贾建忠主持。"))


@pytest.fixture
def no_soffice(monkeypatch):
    monkeypatch.setenv("REPORTER_SOFFICE", "")


@pytest.mark.parametrize("name", ["旧版.doc", "金山.wps", "模板.wpt"])
def test_without_libreoffice_the_message_says_what_to_do(tmp_path, no_soffice, name):
    path = write(tmp_path / name, cfb({"WordDocument": fib(False), "1Table": b"\x00"}))
    with pytest.raises(UnsupportedFormatError) as info:
        read(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert "LibreOffice" in message and ".docx" in message


def test_encrypted_legacy_word_is_named_before_any_conversion(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTER_SOFFICE", "/nonexistent/soffice")  # would fail if it were started
    with pytest.raises(EncryptedDocumentError, match="加密"):
        read(write(tmp_path / "有密码.doc", cfb({"WordDocument": fib(True)})))


def test_encrypted_ooxml_in_ole_is_named(tmp_path):
    data = cfb({"EncryptionInfo": b"\x04\x00", "EncryptedPackage": b"\x00" * 100})
    with pytest.raises(EncryptedDocumentError):
        read(write(tmp_path / "有密码.docx", data))


def test_ole_directory_is_read():
    info = inspect(cfb({"WordDocument": fib(False), "1Table": b"", "\x05SummaryInformation": b""}))
    assert info.kind == "doc" and {"WordDocument", "1Table", "Root Entry"} <= info.names
    assert inspect(cfb({"Workbook": b""})).kind == "xls"
    assert inspect(cfb({"PowerPoint Document": b""})).kind == "ppt"
    assert inspect(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 600).kind == "broken"


def test_ole_with_looping_chains_ends(tmp_path):
    data = bytearray(cfb({"WordDocument": fib(False)}))
    fat = 512  # sector 0 holds the FAT: make the directory point at itself
    data[fat + 4 : fat + 8] = (1).to_bytes(4, "little")
    assert inspect(bytes(data)).kind in ("doc", "broken")


def test_a_converter_that_fails_is_a_read_error(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    if os.name != "posix":
        pytest.skip("shell script")
    monkeypatch.setenv("REPORTER_SOFFICE", str(fake))
    with pytest.raises(ReadError, match="LibreOffice 无法转换"):
        read(write(tmp_path / "旧版.doc", cfb({"WordDocument": fib(False)})))


def test_a_converter_that_hangs_is_killed(tmp_path, monkeypatch):
    if os.name != "posix":
        pytest.skip("shell script")
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 60 &\nsleep 60\n")  # a child too: the whole group goes
    fake.chmod(0o755)
    monkeypatch.setenv("REPORTER_SOFFICE", str(fake))
    with use_limits(convert_timeout_s=0.5), pytest.raises(ReadError, match="超时"):
        read(write(tmp_path / "卡住.doc", cfb({"WordDocument": fib(False)})))


@needs_soffice
@pytest.mark.parametrize("name", ["-【旧版】 😀 第1期.doc", "金山.wps"])  # any file name works
def test_legacy_word_is_converted_and_read(tmp_path, name):
    doc = read(write(tmp_path / name, _converted(WORD, "doc")))
    assert doc.reader == "doc" and doc.path.name == name
    assert doc.text == "赤峰市公安局召开工作会议\n会议由副局长贾建忠主持。"
    assert "LibreOffice" in doc.warnings[0]


@needs_soffice
def test_odt_is_converted(tmp_path):
    assert "贾建忠" in read(write(tmp_path / "文档.odt", _converted(WORD, "odt"))).text


def test_find_soffice_respects_the_environment(monkeypatch):
    monkeypatch.setenv("REPORTER_SOFFICE", "")
    assert find_soffice() is None
    monkeypatch.setenv("REPORTER_SOFFICE", "/opt/x/soffice")
    assert find_soffice() == "/opt/x/soffice"
    monkeypatch.delenv("REPORTER_SOFFICE")
    assert find_soffice() == (shutil.which("soffice") or shutil.which("libreoffice") or find_soffice())
