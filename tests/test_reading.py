"""Every input file read robustly: BOM, CRLF and CR line ends, broken or BOM-prefixed metadata JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.articles import load_article

TEXT = "(رويترز)-- افتتح المهندس سامي الخطيب جسر النهر الجديد.\n\nويبلغ طول الجسر 850 متراً. وبلغت تكلفته 40 مليون دولار.\n"
SENTENCES = [["افتتح المهندس سامي الخطيب جسر النهر الجديد."],
             ["ويبلغ طول الجسر 850 متراً.", "وبلغت تكلفته 40 مليون دولار."]]
META = '{"title": "افتتاح الجسر", "source": "رويترز", "date": "2024-03-12"}'


def _article(tmp_path: Path, text: bytes, meta: bytes | None = None):
    path = tmp_path / "bridge.txt"
    path.write_bytes(text)
    if meta is not None:
        path.with_suffix(".json").write_bytes(meta)
    warnings: list[str] = []
    return load_article(path, warnings.append), warnings


def test_utf8_without_bom(tmp_path):
    article, warnings = _article(tmp_path, TEXT.encode("utf-8"))
    assert article.sentences == SENTENCES and article.source == "رويترز" and not warnings


def test_utf8_with_bom(tmp_path):
    article, warnings = _article(tmp_path, b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert article.sentences == SENTENCES and article.source == "رويترز"  # the dateline still recognised
    assert not warnings


def test_crlf_line_ends(tmp_path):
    article, _ = _article(tmp_path, TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert article.sentences == SENTENCES


def test_cr_line_ends(tmp_path):
    article, _ = _article(tmp_path, TEXT.replace("\n", "\r").encode("utf-8"))
    assert article.sentences == SENTENCES


def test_metadata_with_bom(tmp_path):  # Windows Notepad's UTF-8
    article, warnings = _article(tmp_path, TEXT.encode("utf-8"), b"\xef\xbb\xbf" + META.encode("utf-8"))
    assert (article.title, article.source, article.date) == ("افتتاح الجسر", "رويترز", "2024-03-12")
    assert not warnings


def test_metadata_that_is_not_json_is_a_warning_not_a_dropped_article(tmp_path):
    article, warnings = _article(tmp_path, TEXT.encode("utf-8"), b'{"title": "\xd8\xa7', )
    assert article.sentences == SENTENCES
    assert article.title == "افتتح المهندس سامي الخطيب جسر النهر الجديد." and article.date is None
    assert len(warnings) == 1 and "bridge.json" in warnings[0] and "not valid JSON" in warnings[0]


def test_metadata_in_another_encoding_or_not_an_object(tmp_path):
    article, warnings = _article(tmp_path, TEXT.encode("utf-8"), META.encode("utf-16"))
    assert article.sentences == SENTENCES and len(warnings) == 1 and "not valid JSON" in warnings[0]
    article, warnings = _article(tmp_path, TEXT.encode("utf-8"), b'["a", "b"]')
    assert article.title.startswith("افتتح") and len(warnings) == 1 and "not a JSON object" in warnings[0]


@pytest.mark.parametrize(("given", "shown"), [
    ("16/02/2016", "2016-02-16"),  # day first, as the ANT corpus and Arabic sites write it
    ("16-02-2016", "2016-02-16"),
    ("6.2.2016", "2016-02-06"),
    ("2017-01-17T13:56:00+01:00", "2017-01-17T13:56:00+01:00"),  # ISO already: as given
    ("31/02/2016", "31/02/2016"),  # no such day: as given
    ("الثلاثاء 16 فيفري", "الثلاثاء 16 فيفري"),
])
def test_a_day_first_date_is_read_as_iso(tmp_path, given, shown):
    meta = '{"title": "افتتاح الجسر", "date": "%s"}' % given
    article, _ = _article(tmp_path, TEXT.encode("utf-8"), meta.encode("utf-8"))
    assert article.date == shown


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_an_arabic_article_in_another_encoding_is_read(tmp_path, encoding):
    """Older Arabic files (Windows-1256, ISO-8859-6) and Notepad's "Unicode" (UTF-16, with or without a
    BOM) read as the same article as UTF-8, not skipped as undecodable or binary."""
    article, _ = _article(tmp_path, TEXT.encode(encoding))
    assert article.sentences == SENTENCES


@pytest.mark.parametrize(("content", "reason"), [
    ("caf\xe9 au lait, une boisson chaude.".encode("latin-1"), "not UTF-8"),  # not Arabic: no guess
    (b"\xff\xfe\x00\x81" * 50, "binary"),  # a UTF-16 BOM before bytes that read as no Arabic
    (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8, "binary"),
])
def test_a_file_that_reads_as_no_arabic_text_is_a_clear_error(tmp_path, content, reason):
    from index.articles import SourceError

    with pytest.raises(SourceError, match=reason):
        _article(tmp_path, content)
