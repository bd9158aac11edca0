"""Every PMID past PubMed's 9,999 (issue 12, item 1): the [dp]/[uid] splitting planner and
its count check, against the loopback server (which enforces the 9,999 cap)."""

from __future__ import annotations

import datetime as dt

from litcli.allsearch import CAP, Piece, collect_ids, plan
from litcli.eutils import EutilsClient

FIRST = 99000001


def _serve(ncbi, n: int, date_of) -> list[str]:
    """n tiny synthetic records (the ids path never fetches them) with publication dates."""
    pmids = [str(FIRST + i) for i in range(n)]
    ncbi.set_articles({p: "" for p in pmids})
    ncbi.set_dates({p: date_of(i) for i, p in enumerate(pmids)})
    return pmids


def _day(i: int, per_day: int = 7) -> str:
    return f"{dt.date(2001, 1, 1) + dt.timedelta(days=i // per_day):%Y/%m/%d}"


def test_30000_records_come_back_whole_and_verified(ncbi):
    pmids = _serve(ncbi, 30_000, _day)  # 7 a day from 2001 to 2012
    seen: list[tuple[int, int, int]] = []
    with EutilsClient() as client:
        result = collect_ids(client, "synthetic", progress=lambda *a: seen.append(a))
    assert result.count == 30_000 and result.shortfall == 0
    assert sorted(result.pmids) == pmids and len(set(result.pmids)) == 30_000
    # each piece within PubMed's limit, never a retstart past it
    hits = ncbi.hits("esearch")
    assert all(int(h.params.get("retstart", 0)) < CAP for h in hits)
    # each piece's PMIDs come from one esearch that both counted and listed it (a probe
    # of a likely fit asks retmax=CAP) or listed a derived half; none is listed twice
    matches = {h.params["term"]: len(ncbi._in_ranges(h.params["term"], pmids)) for h in hits}
    listing = [h.params["term"] for h in hits if h.params["retmax"] == str(CAP)
               and 0 < matches[h.params["term"]] <= CAP]
    assert len(listing) == len(set(listing)) == result.pieces == len(seen) >= 4  # 30,000 / 9,999
    assert all('[dp] : "' in term for term in listing)
    assert result.piece_ends[-1] == 30_000 and len(result.piece_ends) == result.pieces
    # 1 whole-query count + one count per split + a listing per derived half: 14 here
    # (17 when every piece was counted and then listed in two requests)
    assert result.requests == len(hits) <= 14
    assert seen[-1] == (result.pieces, result.pieces, 30_000)
    assert ncbi.count("efetch") == 0


def test_a_day_past_the_cap_is_split_by_pmid(ncbi):
    pmids = _serve(ncbi, 12_500, lambda i: "2019/05/06" if i < 12_000 else "2019/05/07")
    with EutilsClient() as client:
        result = collect_ids(client, "synthetic")
    assert result.shortfall == 0 and sorted(result.pmids) == pmids
    uid_terms = [h.params["term"] for h in ncbi.hits("esearch") if "[uid]" in h.params["term"]]
    assert uid_terms and all('"2019/05/06"[dp] : "2019/05/06"[dp]' in t for t in uid_terms)


def test_a_record_outside_every_piece_is_a_shortfall_naming_both_numbers(ncbi):
    # a record whose date no [dp] piece covers (PubMed's count has it, the pieces do not)
    _serve(ncbi, 10_050, lambda i: "1600/01/01" if i == 0 else _day(i, 40))
    with EutilsClient() as client:
        result = collect_ids(client, "synthetic")
    assert (result.count, len(result.pmids), result.shortfall) == (10_050, 10_049, 1)


def test_small_and_empty_searches_are_one_plain_piece(ncbi):
    pmids = _serve(ncbi, 40, _day)
    with EutilsClient() as client:
        result = collect_ids(client, "synthetic")
        assert result.pmids == pmids and result.pieces == 1 and result.requests == 1
        assert "[dp]" not in ncbi.hits("esearch")[-1].params["term"]
        ncbi.on_search("nothing", [])
        empty = collect_ids(client, "nothing")
    assert (empty.count, empty.pmids, empty.pieces, empty.shortfall) == (0, [], 0, 0)


def test_the_planner_halves_until_every_piece_fits():
    # a fake PubMed: one record per day over 40 days, cap 7
    days = [dt.date(2020, 1, 1) + dt.timedelta(days=i) for i in range(40)]
    asked: list[Piece | None] = []

    def count_of(piece: Piece | None, parent: int | None) -> int:
        assert (piece is None) == (parent is None)
        asked.append(piece)
        if piece is None:
            return len(days)
        return sum(1 for d in days if piece.start <= d <= piece.end)

    result = plan(count_of, first=dt.date(2020, 1, 1), last=dt.date(2020, 2, 9), cap=7)
    assert sum(n for _, n in result.pieces) == 40 and all(n <= 7 for _, n in result.pieces)
    covered = [d for p, _ in result.pieces for d in days if p.start <= d <= p.end]
    assert sorted(covered) == days  # disjoint and complete
    assert result.requests == len(asked) and not result.too_big
    assert Piece(dt.date(2020, 1, 1), dt.date(2020, 1, 2)).term("x") == (
        '(x) AND ("2020/01/01"[dp] : "2020/01/02"[dp])'
    )


# --- litcli search --all ---------------------------------------------------------------------


def test_search_all_writes_every_pmid_past_the_cap(ncbi, tmp_path):
    from litcli.library import Library
    from tests.conftest import run_cli

    pmids = _serve(ncbi, 12_000, _day)
    result = run_cli(["search", "synthetic", "--all", "-f", "ids"])
    assert result.exit_code == 0, result.output
    assert sorted(result.stdout.split()) == pmids
    assert "All 12,000 PMIDs (" in result.stderr and "matches PubMed's count" in result.stderr
    assert ncbi.count("efetch") == 0
    with Library() as lib:
        (entry,) = lib.searches()
    assert entry.mode == "all" and entry.count == 12_000 and len(entry.pmids) == 12_000
    target = tmp_path / "all.txt"
    assert run_cli(["search", "synthetic", "--all", "-f", "ids", "-o", str(target)]).exit_code == 0
    assert sorted(target.read_text().split()) == pmids


def test_search_all_shortfall_is_a_warning_and_exit_9(ncbi):
    from tests.conftest import run_cli

    _serve(ncbi, 10_050, lambda i: "1600/01/01" if i == 0 else _day(i, 40))
    result = run_cli(["search", "synthetic", "--all", "-f", "ids"])
    assert result.exit_code == 9
    assert len(result.stdout.split()) == 10_049  # what was found is written
    assert (
        "Warning: PubMed counts 10,050 records for this search, but its "
        in result.stderr and "returned 10,049 distinct PMIDs (1 missing)" in result.stderr
    )


def test_search_all_bad_input(ncbi):
    from tests.conftest import run_cli

    ncbi.on_search("nothing", [])
    empty = run_cli(["search", "nothing", "--all", "-f", "ids"])
    assert (empty.exit_code, empty.stdout) == (0, "")
    assert "No PubMed records found" in empty.stderr
    for args, words in [
        (["--all", "-f", "ids", "--count"], "--all cannot be used with --count"),
        (["--all", "-f", "ids", "--offline"], "--all cannot be used with --offline"),
    ]:
        result = run_cli(["search", "x", *args])
        assert result.exit_code == 2 and words in result.stderr, result.stderr


def test_search_all_with_records_fetches_every_piece_once(ncbi, monkeypatch):
    """A smaller cap stands in for PubMed's 9,999, so the split, the fetch and the count
    check run on 230 real synthetic records."""
    import json

    from litcli import allsearch
    from tests.conftest import run_cli
    from tests.ncbi_server import pubmed_article

    monkeypatch.setattr(allsearch, "CAP", 50)
    pmids = [str(FIRST + i) for i in range(230)]
    ncbi.set_articles({p: pubmed_article(p, title=f"Synthetic article {p}.") for p in pmids})
    ncbi.set_dates({p: _day(i, 3) for i, p in enumerate(pmids)})
    result = run_cli(["search", "synthetic", "--all", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(r["pmid"] for r in data["records"]) == pmids
    assert data["search"]["mode"] == "all" and data["search"]["count"] == 230
    listing = [h for h in ncbi.hits("esearch") if h.params["retmax"] != "0"]
    assert len(listing) >= 5 and all(int(h.params["retmax"]) <= 50 for h in listing)
    assert ncbi.count("efetch") == 1  # the 230 PMIDs in one batch of up to 1,000
    assert "All 230 PMIDs (" in result.stderr
    # the records are in the library now: the table needs no fetch
    ncbi.clear()
    table = run_cli(["search", "synthetic", "--all"])
    assert table.exit_code == 0 and ncbi.count("efetch") == 0
    assert len(table.stdout.splitlines()) == 231  # header row + 230


def test_a_failing_piece_names_itself_and_a_rerun_continues(ncbi, monkeypatch):
    from litcli import allsearch
    from tests.conftest import run_cli
    from tests.ncbi_server import Reply

    monkeypatch.setattr(allsearch, "CAP", 50)
    pmids = _serve(ncbi, 230, lambda i: _day(i, 3))
    with EutilsClient() as client:  # how many esearch requests a whole run sends
        planned = collect_ids(client, "synthetic", cap=50)
    ncbi.clear()
    fail_at = [planned.requests]  # the last one: the listing of the last piece

    def last_listing_fails(hit):
        if ncbi.count("esearch") == fail_at[0]:
            fail_at[0] = -1
            return Reply("<eSearchResult><ERROR>Invalid query</ERROR></eSearchResult>", status=400)
        return ncbi._esearch(hit)

    def listed_pieces() -> set[str]:  # esearch requests that listed a whole non-empty piece
        return {
            h.params["term"] for h in ncbi.hits("esearch")
            if h.params["retmax"] == "50" and 0 < len(ncbi._in_ranges(h.params["term"], pmids)) <= 50
        }

    ncbi.route("esearch", last_listing_fails)
    failed = run_cli(["search", "synthetic", "--all", "-f", "ids"])
    assert failed.exit_code == 5 and failed.stdout == ""
    last = planned.pieces
    assert f"(while listing piece {last}, publication dates " in failed.stderr
    assert (
        f"the {last - 1} piece(s) before it are kept in the library: run the same command again"
        in failed.stderr
    )
    failed_term = ncbi.hits("esearch")[-1].params["term"]
    first_run = listed_pieces() - {failed_term}
    assert len(first_run) == last - 1
    ncbi.clear()
    again = run_cli(["search", "synthetic", "--all", "-f", "ids"])
    assert again.exit_code == 0, again.output
    assert sorted(again.stdout.split()) == pmids
    # the pieces listed before the failure came from the library; only the last is asked
    assert listed_pieces() == {failed_term}


# --- litcli search --max N above 9,999: the first N of --all's PMIDs ----------------------------


def test_max_above_the_cap_is_the_first_n_of_all_and_9999_is_unchanged(ncbi):
    from litcli.library import Library
    from tests.conftest import run_cli

    pmids = _serve(ncbi, 30_000, _day)  # 7 a day from 2001 to 2012
    # --max 9,999 as before: one esearch of the whole query, no split, the note says how to
    # get more
    same = run_cli(["search", "synthetic", "--max", "9999", "-f", "ids"])
    assert same.exit_code == 0, same.output
    assert len(same.stdout.split()) == 9_999
    assert [h.params["term"] for h in ncbi.hits("esearch")] == ["synthetic"]
    assert (
        "Wrote 9,999 of 30,000 matching records; use --max 30000 for all (past PubMed's 9,999 the "
        "search is split by publication date, as with --all)." in same.stderr
    )
    ncbi.clear()
    first = run_cli(["search", "synthetic", "--max", "12000", "-f", "ids"])
    assert first.exit_code == 0, first.output
    got = first.stdout.split()
    assert len(got) == len(set(got)) == 12_000 and set(got) <= set(pmids)
    hits = ncbi.hits("esearch")
    assert all(int(h.params.get("retstart", 0)) < CAP for h in hits)
    assert all(int(h.params["retmax"]) <= CAP for h in hits)
    assert ncbi.count("efetch") == 0
    assert "The first 12,000 of 30,000 matching PMIDs (" in first.stderr
    assert "oldest publication dates first); use --all for all 30,000." in first.stderr
    with Library() as lib:
        entry = lib.searches()[0]
    assert (entry.mode, entry.max_results, entry.count, entry.pmids) == ("ids", 12_000, 30_000, got)
    # the first 12,000 of what --all gives, in the same order; pieces past them never asked
    ncbi.clear()
    everything = run_cli(["search", "synthetic", "--all", "-f", "ids", "--refresh"])
    assert everything.exit_code == 0, everything.output
    assert everything.stdout.split()[:12_000] == got
    assert len(hits) < ncbi.count("esearch")


def test_max_above_the_count_gives_every_record_with_the_check(ncbi):
    from tests.conftest import run_cli

    pmids = _serve(ncbi, 12_000, _day)
    result = run_cli(["search", "synthetic", "--max", "20000", "-f", "ids"])
    assert result.exit_code == 0, result.output
    assert sorted(result.stdout.split()) == pmids
    assert "All 12,000 PMIDs (" in result.stderr and "matches PubMed's count" in result.stderr
    assert "Wrote" not in result.stderr
    assert all(int(h.params.get("retstart", 0)) < CAP for h in ncbi.hits("esearch"))
    # a count within the cap: one esearch, not split
    ncbi.clear()
    ncbi.on_search("small", pmids[:40])
    small = run_cli(["search", "small", "--max", "12000", "-f", "ids"])
    assert small.exit_code == 0 and small.stdout.split() == pmids[:40]
    assert "All 40 PMIDs (1 date piece, 1 request; matches PubMed's count)." in small.stderr
    assert [h.params["term"] for h in ncbi.hits("esearch")] == ["small"]


def test_max_above_the_cap_with_a_shortfall_is_a_warning_and_exit_9(ncbi):
    from tests.conftest import run_cli

    # 100 records whose date no [dp] piece covers: the pieces hold 9,950, not 10,000
    _serve(ncbi, 10_050, lambda i: "1600/01/01" if i < 100 else _day(i, 40))
    result = run_cli(["search", "synthetic", "--max", "10000", "-f", "ids"])
    assert result.exit_code == 9
    assert len(set(result.stdout.split())) == 9_950  # what was found is written
    assert "Warning: PubMed counts 10,050 records for this search, but its " in result.stderr
    assert "returned 9,950 distinct PMIDs, not the first 10,000 asked for (50 missing)" in result.stderr


def test_max_above_the_cap_with_records_streams_the_first_n_in_piece_order(ncbi, monkeypatch):
    """A smaller cap stands in for PubMed's 9,999 (as in the --all tests): --max 120 of 230
    real synthetic records is split, fetched once and written in --all's order."""
    import json

    from litcli import allsearch
    from tests.conftest import run_cli
    from tests.ncbi_server import pubmed_article

    monkeypatch.setattr(allsearch, "CAP", 50)
    pmids = [str(FIRST + i) for i in range(230)]
    ncbi.set_articles({p: pubmed_article(p, title=f"Synthetic article {p}.") for p in pmids})
    ncbi.set_dates({p: _day(i, 3) for i, p in enumerate(pmids)})
    result = run_cli(["search", "synthetic", "--max", "120", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    written = [json.loads(line)["pmid"] for line in result.stdout.splitlines()]
    assert len(written) == len(set(written)) == 120
    fetched = [p for h in ncbi.hits("efetch") for p in h.params["id"].split(",")]
    assert fetched == written and ncbi.count("efetch") == 1  # one batch of up to 1,000
    assert all(int(h.params["retmax"]) <= 50 for h in ncbi.hits("esearch"))
    assert "The first 120 of 230 matching PMIDs (" in result.stderr
    everything = run_cli(["search", "synthetic", "--all", "-f", "ids"])
    assert everything.stdout.split()[:120] == written
    # JSON: the search record holds the 120 PMIDs; the table has 120 rows (from the library)
    ncbi.clear()
    data = json.loads(run_cli(["search", "synthetic", "--max", "120", "-f", "json"]).stdout)
    assert [r["pmid"] for r in data["records"]] == written
    assert (data["search"]["mode"], data["search"]["max"]) == ("records", 120)
    assert data["search"]["pmids"] == written and data["search"]["count"] == 230
    table = run_cli(["search", "synthetic", "--max", "120"])
    assert table.exit_code == 0 and len(table.stdout.splitlines()) == 121
    assert "The first 120 of 230 records (oldest publication dates first) for: synthetic" in table.stderr
    assert ncbi.count("efetch") == 0
    # --max at the cap is the plain search: one esearch, no split
    ncbi.clear()
    plain = run_cli(["search", "synthetic", "--max", "50", "-f", "ids", "--refresh"])
    assert plain.exit_code == 0 and len(plain.stdout.split()) == 50
    assert [h.params["term"] for h in ncbi.hits("esearch")] == ["synthetic"]


def test_rerun_of_a_split_search_and_of_an_all_search(ncbi, monkeypatch):
    from litcli import allsearch
    from litcli.library import Library
    from tests.conftest import run_cli

    monkeypatch.setattr(allsearch, "CAP", 50)
    pmids = _serve(ncbi, 230, lambda i: _day(i, 3))
    assert run_cli(["search", "synthetic", "--max", "120", "-f", "ids"]).exit_code == 0
    assert run_cli(["search", "synthetic", "--all", "-f", "ids"]).exit_code == 0
    ncbi.set_articles({p: "" for p in pmids[1:]})  # one record gone from PubMed
    again = run_cli(["search", "--rerun", "1", "-f", "ids"])
    assert again.exit_code == 0, again.output
    assert len(again.stdout.split()) == 120 and pmids[0] not in again.stdout.split()
    assert "Search #1 again (recorded as #3): 229 matches (230 on " in again.stderr
    assert "; 1 new since the last run (#1), 1 no longer returned." in again.stderr
    whole = run_cli(["search", "--rerun", "2", "-f", "ids"])
    assert whole.exit_code == 0, whole.output
    assert sorted(whole.stdout.split()) == pmids[1:]
    assert "0 new since the last run (#2), 1 no longer returned." in whole.stderr
    # the last --all run is the previous one, though PubMed's count (its max) moved again
    ncbi.set_articles({p: "" for p in pmids[2:]})
    third = run_cli(["search", "--rerun", "2", "-f", "ids"])
    assert third.exit_code == 0, third.output
    assert "0 new since the last run (#4), 1 no longer returned." in third.stderr
    with Library() as lib:
        modes = {e.id: (e.mode, e.max_results, e.rerun_of) for e in lib.searches()}
    assert modes[3] == ("ids", 120, 1) and modes[4] == ("all", 229, 2)
    assert modes[5] == ("all", 228, 2)


def test_max_above_the_cap_bad_combinations_send_nothing(ncbi):
    from tests.conftest import run_cli

    for args, words in [
        (["--max", "12000", "--count"], "--max above 9,999 (got 12,000) cannot be used with --count"),
        (["--max", "12000", "--metrics"], "--max above 9,999 (got 12,000) cannot be used with --metrics"),
        (["--max", "12000", "--sort", "cited"], "cannot be used with --metrics"),
        (["--max", "12000", "--sort", "date"], "--sort date orders at most 9,999 records"),
        (["--all", "--sort", "date"], "records (PubMed's limit); --all gives every record"),
        (["--all", "--sort", "author"], "--sort author orders at most 9,999"),
    ]:
        result = run_cli(["search", "x", *args])
        assert result.exit_code == 2 and words in result.stderr, (args, result.stderr)
    assert ncbi.count() == 0
