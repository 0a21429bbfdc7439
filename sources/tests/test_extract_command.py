"""`manage.py extract`: JSON and readable output from shared fixture files, clear errors."""

from __future__ import annotations

import gzip
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from core.testing.shared_data import shared_data_dir


def run_extract(*args: str) -> str:
    out = StringIO()
    call_command("extract", *args, stdout=out)
    return out.getvalue()


def fundus_fixture(name: str):
    return shared_data_dir("fundus-news-pages", *name.split("/"))


def test_json_output_from_a_gz_fixture_has_the_promised_keys_and_types():
    path = fundus_fixture("at/DerStandard_2024_05_03.html.gz")
    expected = json.loads(path.with_name("DerStandard_2024_05_03.expected.json").read_text())
    data = json.loads(run_extract(str(path), "--json", "--url", expected["url"]))
    assert isinstance(data["title"], str) and data["title"]
    assert isinstance(data["text"], str) and len(data["text"].split()) > 200
    assert isinstance(data["authors"], list)
    assert all(isinstance(a, str) for a in data["authors"])
    assert data["published_at"] is None or data["published_at"][:10] == "2024-05-03"
    assert data["language"] == "de"
    assert data["url"] == expected["url"]
    assert data["image_url"] is None or data["image_url"].startswith("http")
    assert data["title"] == expected["expected"]["title"]


def test_plain_html_file_and_readable_summary(tmp_path):
    path = fundus_fixture("at/DerStandard_2024_05_03.html.gz")
    html_file = tmp_path / "page.html"
    with gzip.open(path) as handle:
        html_file.write_bytes(handle.read())
    output = run_extract(str(html_file))
    assert output.startswith("Title:")
    assert "Published: 2024-05-03" in output
    assert "Language:  de" in output


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run_extract(str(tmp_path / "nope.html"))


def test_corrupt_gzip_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    with pytest.raises(CommandError, match="cannot read"):
        run_extract(str(broken))


def test_non_html_input_is_a_clear_error(tmp_path):
    junk = tmp_path / "junk.html"
    junk.write_bytes(b"")
    with pytest.raises(CommandError, match="cannot extract"):
        run_extract(str(junk))
