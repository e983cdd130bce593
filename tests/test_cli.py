import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from rasad.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARREST = "اعتقلت الشرطة يوم الاثنين ثلاثة مطلوبين في قضاء الحويجة."


def commands(group: click.Group, prefix: str = "rasad") -> list[str]:
    names = []
    for name, command in group.commands.items():
        names.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            names += commands(command, f"{prefix} {name}")
    return names


def test_every_command_is_documented_in_docs_cli():
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [name for name in commands(main) if f"`{name}" not in text]
    assert missing == []


def test_every_option_is_documented_in_docs_cli():
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = []

    def visit(group: click.Group) -> None:
        for command in group.commands.values():
            if isinstance(command, click.Group):
                visit(command)
                continue
            for param in command.params:
                if isinstance(param, click.Option) and not param.hidden:
                    flag = max(param.opts, key=len)
                    if flag != "--help" and f"`{flag}" not in text:
                        missing.append(f"{command.name} {flag}")

    visit(main)
    assert missing == []


@pytest.mark.parametrize("name", commands(main))
def test_every_command_has_help(name):
    args = name.split()[1:] + ["--help"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0 and "Usage:" in result.output


def docs(tmp_path, rows):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return str(path)


def test_extract_writes_the_evaluation_contract(tmp_path):
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(main, ["extract", docs(tmp_path, [{"doc_id": "a", "published": "2025-03-12",
                                                                   "text": ARREST}]), "-o", str(out)])
    assert result.exit_code == 0, result.output
    (event,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    fields = ("event_type", "sub_event_type", "tags", "event_date", "time_precision", "actor1", "actor2", "country",
              "admin1", "location", "location_ar", "latitude", "longitude", "geo_precision", "fatalities", "wounded",
              "arrested", "escaped", "transferred", "doc_id", "evidence", "confidence")
    assert all(name in event for name in fields)
    assert event["doc_id"] == "a" and event["evidence"][0]["text"] == ARREST


def test_extract_reports_bad_lines_names_them_and_exits_non_zero(tmp_path):
    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(main, ["extract", docs(tmp_path, [{"doc_id": "a", "text": ARREST}, "oops"]), "-o",
                                       str(out)])
    assert result.exit_code == 1
    assert re.search(r"docs\.jsonl:2: not JSON", result.output)
    assert "1 skipped" in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_ingest_events_event_and_export(tmp_path):
    db = str(tmp_path / "r.db")
    runner = CliRunner()
    path = docs(tmp_path, [{"doc_id": "a", "published": "2025-03-12", "text": ARREST}])
    assert runner.invoke(main, ["ingest", path, "--db", db]).exit_code == 0
    listed = runner.invoke(main, ["events", "--db", db, "--json"])
    (item,) = json.loads(listed.output.split("\n", 1)[0] if False else listed.stdout)["items"]
    assert item["sub_event_type"] == "Arrests"
    shown = json.loads(runner.invoke(main, ["event", "show", item["event_id"], "--db", db]).stdout)
    assert shown["mentions"][0]["doc_id"] == "a"
    for fmt in ("jsonl", "csv", "geojson", "acled"):
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(main, ["export", "--db", db, "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0 and out.stat().st_size > 0


def test_unknown_event_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["event", "show", "evt_nope", "--db", str(tmp_path / "r.db")])
    assert result.exit_code == 2 and result.output.strip() == "rasad: no event 'evt_nope'"


def test_serve_beyond_loopback_needs_a_user_to_authenticate(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "r.db"), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "authentication is on but the store has no users" in result.output


def test_users_and_tokens(tmp_path):
    db = str(tmp_path / "r.db")
    runner = CliRunner()
    token = runner.invoke(main, ["user", "add", "layla", "--role", "analyst", "--db", db]).stdout.strip()
    assert token.startswith("rsd_") and len(token) > 30
    assert "layla\tanalyst" in runner.invoke(main, ["user", "list", "--db", db]).stdout
    again = runner.invoke(main, ["user", "add", "layla", "--db", db])
    assert again.exit_code == 2 and "exists already" in again.output
    assert runner.invoke(main, ["user", "remove", "layla", "--db", db]).exit_code == 0
    assert runner.invoke(main, ["user", "token", "layla", "--db", db]).exit_code == 2


def test_gazetteer_lookup():
    result = CliRunner().invoke(main, ["gazetteer", "lookup", "بالموصل"])
    assert result.exit_code == 0 and "Mosul" in result.output


def test_the_shared_scorer_reads_extract_output(tmp_path):
    shared = ROOT.parent / "shared" / "eval"
    if not (shared / "score.py").exists():
        pytest.skip("../shared/eval is not beside this checkout")
    import subprocess
    import sys

    out = tmp_path / "dev.jsonl"
    assert CliRunner().invoke(main, ["extract", str(shared / "dev" / "docs.jsonl"), "-o", str(out)]).exit_code == 0
    scored = subprocess.run([sys.executable, str(shared / "score.py"), "--gold", str(shared / "dev" / "gold.jsonl"),
                             "--pred", str(out), "--json"], capture_output=True, text=True, check=True)
    result = json.loads(scored.stdout)
    assert result["events_for_unknown_docs"] == 0 and result["typed"]["tp"] > 0
