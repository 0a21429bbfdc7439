"""`manage.py originality`: a page's report and scoring arbitrary JSON-lines pairs."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.testing.factories import body_blocks, make_article
from sources.testing.factories import make_source_article
from sources.testing.originality_texts import (
    INTERPRETATION_EN,
    SOURCE_DE,
    SOURCE_DE_TITLE,
    TRANSLATIONS,
)


def pair(pair_id, article_lang, article_text):
    return json.dumps(
        {
            "id": pair_id,
            "source": {"lang": "de", "title": SOURCE_DE_TITLE, "text": SOURCE_DE},
            "article": {"lang": article_lang, "text": article_text},
        },
        ensure_ascii=False,
    )


def run(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command("originality", *args, stdout=out, stderr=err)
        error = None
    except CommandError as exc:
        error = exc
    return out.getvalue(), err.getvalue(), error


def test_pairs_in_json_lines_out(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text(
        "\n".join([pair("copy", "ru", TRANSLATIONS["ru"]), pair(7, "en", INTERPRETATION_EN)]),
        encoding="utf-8",
    )
    out, _err, error = run("--pairs", str(path), "--json")

    assert error is None
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["copy", 7]
    assert rows[0]["flagged"] and rows[0]["share"] > 0.5
    assert rows[0]["passages"][0]["kind"] == "translated"
    assert {"article_text", "source_text", "article_start", "source_end"} <= set(
        rows[0]["passages"][0]
    )
    assert not rows[1]["flagged"] and rows[1]["passages"] == []


def test_bad_lines_are_reported_and_fail_the_run(tmp_path):
    path = tmp_path / "pairs.jsonl"
    lines = [
        pair("good", "en", TRANSLATIONS["en"]),
        "{not json",
        json.dumps({"id": "x", "source": {"lang": "de", "text": "Text."}}),
        json.dumps({"id": "y", "source": {"text": "a"}, "article": {"lang": "en", "text": "b"}}),
        json.dumps(["a list"]),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    out, err, error = run("--pairs", str(path), "--json")

    assert isinstance(error, CommandError)
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["good"]
    assert "line 2: not JSON" in err
    assert 'line 3: "article" must be an object' in err
    assert 'line 4: "source.lang"' in err
    assert "line 5: a line must be a JSON object" in err


def test_missing_file_and_missing_target_are_errors(tmp_path):
    assert isinstance(run("--pairs", str(tmp_path / "absent.jsonl"))[2], CommandError)
    assert isinstance(run()[2], CommandError)


@pytest.mark.django_db
def test_page_report_by_id_and_by_url():
    source = make_source_article(language="de", title=SOURCE_DE_TITLE, text=SOURCE_DE)
    copied = make_article(
        body=body_blocks(*TRANSLATIONS["en"].split(". ")[:6], subheading=None),
        sources=[source],
        live=False,  # a copy cannot go live: the publication gate refuses it
    )
    original = make_article(body=body_blocks(INTERPRETATION_EN), sources=[source])

    out, _err, error = run(str(copied.pk), "--json")
    assert error is None
    data = json.loads(out)
    assert data["page"] == copied.pk and data["flagged"]
    assert data["sources"][0]["id"] == source.pk
    assert {p["kind"] for p in data["passages"]} == {"translated"}

    out, _err, error = run(original.get_url(), "--json")
    assert error is None
    assert not json.loads(out)["flagged"]

    text, _err, error = run(str(copied.pk))
    assert error is None and "FLAGGED" in text

    assert isinstance(run("999999")[2], CommandError)
    assert isinstance(run("/en/nowhere/at-all/")[2], CommandError)
