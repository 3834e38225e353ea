"""Bad input never crashes the batch: empty, binary, wrong encodings, huge files,
malformed dates, unknown languages."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from litopys.cli import app
from litopys.errors import InputError
from litopys.io.detect import detect_language
from litopys.io.reader import from_text, read_file
from litopys.pipeline import extract

UK = " date 2024-06-25 Україна та Молдова підписали угоду про співпрацю 25 червня."
RU = "Россия и Казахстан подписали договор о сотрудничестве."


def test_header_date_and_body_offsets(tmp_path):
    p = tmp_path / "a.uk.txt"
    p.write_text(UK, encoding="utf-8")
    doc = read_file(p)
    assert doc.published == date(2024, 6, 25) and doc.lang == "uk"
    assert doc.text == UK and doc.text[doc.body_start:].startswith("Україна")


def test_date_from_file_name_when_no_header(tmp_path):
    p = tmp_path / "story-2022-01-08.ru.txt"
    p.write_text(RU, encoding="utf-8")
    doc = read_file(p)
    assert doc.published == date(2022, 1, 8) and doc.lang == "ru"


def test_unknown_date_is_said(tmp_path):
    p = tmp_path / "story.ru.txt"
    p.write_text(RU, encoding="utf-8")
    doc = read_file(p)
    assert doc.published is None and any(m.startswith("W031") for m in doc.messages)


def test_malformed_header_date_is_reported_not_fatal():
    doc = from_text(" date 2024-13-45 Україна підписала угоду.", "x.uk.txt")
    assert doc.published is None and any(m.startswith("W033") for m in doc.messages)


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-16"])
def test_legacy_encodings_are_detected(tmp_path, encoding):
    p = tmp_path / f"old-2022-01-08.{encoding}.txt"
    p.write_bytes(RU.encode(encoding))
    doc = read_file(p)
    assert doc.text == RU
    if encoding != "utf-16":
        assert any(m.startswith("W032") for m in doc.messages)


def test_empty_and_binary_files_raise_clear_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="E020"):
        read_file(empty)
    with pytest.raises(InputError, match="E021"):
        read_file(binary)


def test_huge_input_is_refused_with_a_message():
    with pytest.raises(InputError, match="E024"):
        from_text("а" * 1000, "big.uk.txt", max_chars=100)


def test_unknown_language_is_kept_with_a_message_and_no_events():
    doc = extract(from_text("Le président français a rencontré le chancelier allemand à Paris.", "fr.txt", date(2024, 1, 1)))
    assert doc.lang is None and doc.events == [] and any(m.startswith("W030") for m in doc.messages)


@pytest.mark.parametrize("text,lang", [
    ("Президент України зустрівся з прем’єр-міністром Польщі у Києві.", "uk"),
    ("Президент России встретился с премьер-министром Индии в Москве.", "ru"),
    ("The president of France met the German chancellor in Paris on Monday.", "en"),
])
def test_language_detection(text, lang):
    assert detect_language(text) == lang


def test_a_bad_file_in_a_batch_does_not_stop_the_rest(tmp_path):
    good = tmp_path / "good-2024-06-25.uk.txt"
    good.write_text(UK, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "bad.txt"), str(tmp_path / "empty.txt"), str(good), "--format", "jsonl"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert any(r["record"] == "event" for r in records)
    assert "E021" in result.stderr and "E020" in result.stderr
