"""Stance benchmark: `litcli verify --pairs -` on the labelled sets of ../shared/data/stance.

Run:  .venv/bin/python bench/stance_eval.py [--set NAME ...] [--limit N] [--json | --markdown]
                                           [--check-targets] [--errors FILE]

Every set is sent through the public surface, one subprocess per set:
``python -m litcli verify --pairs -`` with the pairs on stdin as JSONL carrying only the input
fields (id, claim, abstract, title when the set has one; never the gold label; see
bench/stance_data.py for how each set is mapped).  Any error line in the output, or output
lines whose count, order or ids do not match the input, stop the run (exit 2).

Per set: n, accuracy, macro-F1, precision and recall of supports and of contradicts,
inversions (count and share of decided pairs, i.e. pairs predicted supports or contradicts),
the confusion matrix (gold rows x predicted columns) and throughput: pairs/s over the wall time
of the subprocess *including interpreter start-up*, and pairs per CPU-second of the child
(verify is a single-threaded process, and BLAS/OpenMP pools are held to one thread, so this
is one core).  Evidence Inference is scored as direction: gold direction against
``stance_data.ei_predicted_direction`` (accuracy, how many were decided, 3x4 confusion).

``--set scifact --limit 340`` is the performance measurement of issue 9 (>= 200 pairs/s on one
core on 340 SciFact pairs); the speed verdict is printed, and counted by --check-targets, only
when exactly those first 340 SciFact pairs were run.  That run is timed as a user's second run
of litcli: an untimed run before it leaves the reader's compiled patterns in the child's
LITCLI_HOME (litcli/claims/regexcache.py; the first run after an install or upgrade compiles
them, ~0.2-0.3 s more).

The data directory is stance_data.data_dir() (LITCLI_STANCE_DATA overrides); when it is absent
the script says so and exits 0 (1 with --check-targets, which cannot check anything).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `bench.stance_data` importable
    sys.path.insert(0, str(ROOT))

from bench import stance_data as sd  # noqa: E402

VERIFY_CMD = [sys.executable, "-m", "litcli", "verify", "--pairs", "-"]

# The targets of issue 9, on the development sets.  metric -> (comparison, threshold);
# metric names are keys of the figures that evaluate() returns (stance_data.metrics, plus
# direction_accuracy for Evidence Inference).  inversion_rate = inversions / decided pairs.
TARGETS: dict[str, dict[str, tuple[str, float]]] = {
    "ketamine": {"inversions": ("<=", 0), "P(supports)": (">=", 0.90), "P(contradicts)": (">=", 0.90), "macro_f1": (">=", 0.85)},
    "scifact": {"inversion_rate": ("<=", 0.03), "P(supports)": (">=", 0.75), "P(contradicts)": (">=", 0.75), "macro_f1": (">=", 0.55)},
    "check_covid": {"inversion_rate": ("<=", 0.05), "P(supports)": (">=", 0.70), "P(contradicts)": (">=", 0.70), "macro_f1": (">=", 0.50)},
    "evidence_inference": {"direction_accuracy": (">=", 0.80)},
}
# Performance (issue 9): verify --pairs on 340 SciFact pairs, >= 200 pairs/s on one core.
SPEED_TARGET = {"set": "scifact", "pairs": 340, "pairs_per_s": 200.0}

SOURCES = {
    "ketamine": "ketamine/dev.jsonl",
    "scifact": "scifact/claims_train.jsonl x cited abstracts in corpus.jsonl",
    "probes": "bench/probes/*.jsonl (invented pairs written blind; see bench/probes/README.md)",
    "check_covid": "check_covid/claims_train.json + corpus_train.json",
    "check_covid_nei_evidence": "the same, each NEI claim against its own evidence_set sentences (a reading aid; no targets)",
    "evidence_inference": "evidence_inference/prompts.jsonl (evidence span as the abstract)",
}

# Keep the child on one core: a numeric library must not open a thread pool behind our back.
ONE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class VerifyFailed(RuntimeError):
    """verify --pairs exited non-zero, wrote an error line, or its output does not line up with the input."""


@dataclass
class Run:
    outputs: list[dict[str, Any]]
    wall_s: float
    cpu_s: float | None  # user + system CPU of the child; None where resource is unavailable


def _children_cpu() -> float | None:
    try:
        import resource
    except ImportError:  # not on Unix
        return None
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_verify(
    pairs: Sequence[sd.Pair],
    *,
    cmd: Sequence[str] | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 900,
    warm: bool = False,
) -> Run:
    """Send the pairs to ``litcli verify --pairs -`` (or ``cmd``) and return its checked output.

    Each input line carries only id, claim, abstract and title (stance_data.verify_input).  The
    child gets a fresh, empty LITCLI_HOME, runs from the project root and is held to one thread.
    With ``warm`` (the speed run), an untimed first run in the same LITCLI_HOME makes what any
    second run of litcli finds there: the reader's compiled patterns (litcli/claims/regexcache.py;
    nothing of the pairs or their readings is kept); the run after it is timed.
    Raises VerifyFailed on a non-zero exit, an output line that is not a JSON object, an error
    line, a line count that differs from the input, an id out of place, or a stance outside
    supports / contradicts / neutral.
    """
    payload = "".join(json.dumps(sd.verify_input(p), ensure_ascii=False) + "\n" for p in pairs).encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="stance-eval-") as home:
        child_env = dict(os.environ if env is None else env)
        child_env.update(ONE_THREAD_ENV)
        child_env["LITCLI_HOME"] = home
        child_env.setdefault("PYTHONIOENCODING", "utf-8")
        if warm:
            subprocess.run(list(cmd or VERIFY_CMD), input=payload, capture_output=True, cwd=ROOT, env=child_env, timeout=timeout, check=False)
        cpu0 = _children_cpu()
        start = time.perf_counter()
        proc = subprocess.run(
            list(cmd or VERIFY_CMD), input=payload, capture_output=True, cwd=ROOT, env=child_env, timeout=timeout
        )
        wall = time.perf_counter() - start
        cpu1 = _children_cpu()
    cpu = cpu1 - cpu0 if cpu0 is not None and cpu1 is not None else None
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        label = "python -m litcli verify --pairs -" if cmd is None else " ".join(cmd)[:80]
        raise VerifyFailed(f"`{label}` exited {proc.returncode}:\n{stderr[-2000:]}")
    return Run(check_output(pairs, proc.stdout.decode("utf-8")), wall, cpu)


def check_output(pairs: Sequence[sd.Pair], stdout: str) -> list[dict[str, Any]]:
    """Parse verify's JSONL and check it lines up with the input; raise VerifyFailed listing every problem."""
    lines = stdout.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    problems: list[str] = []
    if len(lines) != len(pairs):
        problems.append(f"{len(lines)} output lines for {len(pairs)} input lines")
    outputs: list[dict[str, Any]] = []
    for i, line in enumerate(lines):
        want = pairs[i]["id"] if i < len(pairs) else None
        try:
            out = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {i + 1}: not JSON ({exc}): {line[:120]!r}")
            continue
        if not isinstance(out, dict):
            problems.append(f"line {i + 1}: not a JSON object: {line[:120]!r}")
            continue
        if "error" in out:
            problems.append(f"line {i + 1} (id {out.get('id')!r}): error {out['error']!r}")
        elif out.get("stance") not in sd.LABELS:
            problems.append(f"line {i + 1} (id {out.get('id')!r}): stance {out.get('stance')!r}")
        if out.get("id") != want:
            problems.append(f"line {i + 1}: id {out.get('id')!r}, expected {want!r} (input order)")
        outputs.append(out)
    if problems:
        shown = "\n  ".join(problems[:15])
        more = f"\n  ... and {len(problems) - 15} more" if len(problems) > 15 else ""
        raise VerifyFailed(f"verify --pairs output does not match its input ({len(problems)} problems):\n  {shown}{more}")
    return outputs


def evaluate(name: str, pairs: Sequence[sd.Pair], run: Run) -> dict[str, Any]:
    """The figures of one set: stance_data.metrics (+ direction figures for Evidence Inference) and speed."""
    n = len(pairs)
    fig: dict[str, Any]
    if name == "evidence_inference":
        pred_dirs = [sd.ei_predicted_direction(o) for o in run.outputs]
        fig = sd.direction_metrics([p["direction"] for p in pairs], pred_dirs)
        # the same pairs as stance labels (increased -> supports, otherwise contradicts): JSON only
        fig["as_stance"] = sd.metrics([p["label"] for p in pairs], [o["stance"] for o in run.outputs])
    else:
        fig = sd.metrics([p["label"] for p in pairs], [o["stance"] for o in run.outputs])
    fig["set"] = name
    fig["wall_s"] = run.wall_s
    fig["pairs_per_s"] = n / run.wall_s if run.wall_s else 0.0
    fig["cpu_s"] = run.cpu_s
    fig["pairs_per_cpu_s"] = n / run.cpu_s if run.cpu_s else None
    return fig


def target_results(name: str, fig: dict[str, Any]) -> list[tuple[str, str, float, float, bool]]:
    """(metric, comparison, threshold, measured, met) for each target of the set."""
    out = []
    for metric, (op, threshold) in TARGETS.get(name, {}).items():
        value = float(fig[metric])
        met = value <= threshold if op == "<=" else value >= threshold
        out.append((metric, op, threshold, value, met))
    return out


def is_speed_run(name: str, n: int) -> bool:
    """The performance measurement: exactly the first 340 SciFact pairs (--set scifact --limit 340)."""
    return name == SPEED_TARGET["set"] and n == SPEED_TARGET["pairs"]


def missed_targets(figures: dict[str, dict[str, Any]]) -> list[str]:
    missed = []
    for name, fig in figures.items():
        for metric, op, threshold, value, met in target_results(name, fig):
            if not met:
                missed.append(f"{name}: {metric} {_fmt(metric, value)} (target {op} {_fmt(metric, threshold)})")
        if fig.get("speed_target_met") is False:
            missed.append(
                f"{name}: {fig['pairs_per_s']:.0f} pairs/s on {fig['n']} pairs (target >= {SPEED_TARGET['pairs_per_s']:.0f})"
            )
    return missed


# --- output ----------------------------------------------------------------------------


def _fmt(metric: str, value: float) -> str:
    if metric == "inversions":
        return f"{value:.0f}"
    if metric == "inversion_rate":
        return f"{value:.1%}"
    return f"{value:.3f}"


def _table(rows: Sequence[str], cols: Sequence[str], cell: dict[str, dict[str, int]]) -> list[str]:
    w = max(len(r) for r in rows) + 2
    cw = max(len(c) for c in cols) + 2
    lines = ["  " + "gold \\ predicted".ljust(w) + "".join(c.rjust(cw) for c in cols)]
    for r in rows:
        lines.append("  " + r.ljust(w) + "".join(str(cell[r][c]).rjust(cw) for c in cols))
    return lines


def report_text(name: str, fig: dict[str, Any], limited: bool) -> str:
    n = fig["n"]
    out = [f"== {name}: {n} pairs ({SOURCES.get(name, name)}{'; first ' + str(n) + ' only' if limited else ''})"]
    if name == "evidence_inference":
        out.append(
            f"direction accuracy {fig['direction_accuracy']:.3f}  decided {fig['decided']} of {n} "
            f"({fig['decided_share']:.1%})  accuracy of decided {fig['accuracy_of_decided']:.3f}"
        )
        inv = fig["as_stance"]
        out.append(
            f"inversions   {inv['inversions']} of {inv['decided']} decided ({inv['inversion_rate']:.1%}; "
            f"increased read as decreased/no difference or the reverse)"
        )
        out.append("confusion (gold direction rows x predicted columns):")
        short = {d: d.replace("significantly ", "").replace("no significant difference", "no difference") for d in sd.EI_PREDICTED}
        cells = {short[g]: {short[p]: v for p, v in row.items()} for g, row in fig["confusion"].items()}
        out += _table([short[d] for d in sd.EI_DIRECTIONS], [short[d] for d in sd.EI_PREDICTED], cells)
    else:
        out.append(f"accuracy {fig['accuracy']:.3f}  macro-F1 {fig['macro_f1']:.3f}")
        for lab in (sd.SUPPORTS, sd.CONTRADICTS):
            out.append(
                f"{lab:<12} P {fig[f'P({lab})']:.3f}  R {fig[f'R({lab})']:.3f}  F1 {fig[f'F1({lab})']:.3f}  "
                f"(predicted {fig[f'predicted({lab})']})"
            )
        out.append(f"inversions   {fig['inversions']} of {fig['decided']} decided ({fig['inversion_rate']:.1%})")
        out.append("confusion (gold rows x predicted columns):")
        out += _table(sd.LABELS, sd.LABELS, fig["confusion"])
    cpu = f"; child CPU {fig['cpu_s']:.2f} s = {fig['pairs_per_cpu_s']:.0f} pairs/CPU-s" if fig.get("pairs_per_cpu_s") else ""
    out.append(
        f"speed        {fig['pairs_per_s']:.0f} pairs/s ({n} pairs in {fig['wall_s']:.2f} s wall, process start "
        f"included{cpu}; one core: verify runs single-threaded)"
    )
    if "speed_target_met" in fig:
        verdict = "met" if fig["speed_target_met"] else "MISSED"
        out.append(
            f"speed target {verdict}: {fig['pairs_per_s']:.0f} pairs/s on the first {SPEED_TARGET['pairs']} SciFact "
            f"pairs (target >= {SPEED_TARGET['pairs_per_s']:.0f})"
        )
    results = target_results(name, fig)
    if results:
        parts = [f"{m} {_fmt(m, v)} {op} {_fmt(m, t)} {'ok' if met else 'MISSED'}" for m, op, t, v, met in results]
        note = " (targets are defined on the full set)" if limited else ""
        out.append("targets      " + "; ".join(parts) + note)
    return "\n".join(out)


def report_markdown(figures: dict[str, dict[str, Any]], stamp: str, tree: str) -> str:
    """The figures as the table of docs/BENCHMARKS.md (targets: "ok" or the missed metrics)."""
    head = ("| set | n | accuracy | macro-F1 | P(sup) | R(sup) | P(con) | R(con) | inversions / decided | "
            "pairs/s (wall, start-up incl.) | issue-9 targets |")
    out = [f"Measured {stamp}, commit {tree}:", "", head, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    confusions = []
    for name, f in figures.items():
        missed = [m for m, _op, _t, _v, met in target_results(name, f) if not met]
        verdict = "met" if not missed else "missed: " + ", ".join(missed)
        if name == "evidence_inference":
            inv = f["as_stance"]
            out.append(
                f"| {name} (direction) | {f['n']} | {f['direction_accuracy']:.3f} | – | – | – | – | – | "
                f"{inv['inversions']} / {inv['decided']} ({inv['inversion_rate']:.1%}) | {f['pairs_per_s']:.0f} | {verdict} |"
            )
            rows = " · ".join(
                f"{g.replace('significantly ', '').replace('no significant difference', 'no difference')} "
                + "/".join(str(f["confusion"][g][p]) for p in sd.EI_PREDICTED)
                for g in sd.EI_DIRECTIONS
            )
            confusions.append(f"- {name} (gold rows; predicted increased/decreased/no difference/undecided; "
                              f"decided {f['decided']} of {f['n']}, {f['accuracy_of_decided']:.3f} of them right): {rows}")
        else:
            out.append(
                f"| {name} | {f['n']} | {f['accuracy']:.3f} | {f['macro_f1']:.3f} | {f['P(supports)']:.3f} | "
                f"{f['R(supports)']:.3f} | {f['P(contradicts)']:.3f} | {f['R(contradicts)']:.3f} | "
                f"{f['inversions']} / {f['decided']} ({f['inversion_rate']:.1%}) | {f['pairs_per_s']:.0f} | {verdict} |"
            )
            rows = " · ".join(f"{g} " + "/".join(str(f["confusion"][g][p]) for p in sd.LABELS) for g in sd.LABELS)
            confusions.append(f"- {name} (gold rows; predicted supports/contradicts/neutral): {rows}")
    return "\n".join([*out, "", "Confusion matrices:", "", *confusions])


def _error_records(name: str, pairs: Sequence[sd.Pair], outputs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The misclassified pairs of one set, inversions first."""
    rows = []
    for pair, out in zip(pairs, outputs, strict=True):
        abstract = pair["abstract"] if isinstance(pair["abstract"], list) else [pair["abstract"]]
        shown = []
        for r in out.get("rationale") or []:
            idx = r.get("index")
            text = r.get("text") or (abstract[idx] if isinstance(idx, int) and 0 <= idx < len(abstract) else None)
            item = {"index": idx, "stance": r.get("stance"), "cue": r.get("cue"), "text": text}
            if r.get("result"):
                item["result"] = r["result"]
            shown.append(item)
        row: dict[str, Any] = {"set": name, "id": pair["id"], "claim": pair["claim"], "gold": pair["label"], "predicted": out["stance"]}
        if name == "evidence_inference":
            pred = sd.ei_predicted_direction(out) or sd.EI_UNDECIDED
            if pred == pair["direction"]:
                continue
            row["gold_direction"], row["predicted_direction"] = pair["direction"], pred
            row["inversion"] = (pair["direction"] == sd.EI_DIRECTIONS[0]) != (pred == sd.EI_DIRECTIONS[0]) and pred != sd.EI_UNDECIDED
        else:
            if out["stance"] == pair["label"]:
                continue
            row["inversion"] = {out["stance"], pair["label"]} == {sd.SUPPORTS, sd.CONTRADICTS}
        row["shown"] = shown
        if len(abstract) == 1:
            row["evidence"] = abstract[0]
        rows.append(row)
    rows.sort(key=lambda r: not r["inversion"])
    return rows


def _one_line(text: str | None) -> str:
    return " / ".join(part.strip() for part in (text or "").splitlines() if part.strip())


def write_errors(path: Path, rows: Sequence[dict[str, Any]], header: str) -> None:
    """JSONL when the file name ends in .jsonl/.json, otherwise plain text for reading."""
    if path.suffix in (".jsonl", ".json"):
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    else:
        lines = [header, ""]
        current = None
        for r in rows:
            if r["set"] != current:
                current = r["set"]
                count = sum(1 for x in rows if x["set"] == current)
                inv = sum(1 for x in rows if x["set"] == current and x["inversion"])
                lines += [f"## {current}: {count} misclassified, {inv} inversions", ""]
            if "gold_direction" in r:
                verdict = f"gold {r['gold_direction']}, predicted {r['predicted_direction']} (stance {r['predicted']})"
            else:
                verdict = f"gold {r['gold']}, predicted {r['predicted']}"
            lines.append(f"[{r['id']}] {verdict}{'  INVERSION' if r['inversion'] else ''}")
            lines.append(f"  claim: {r['claim']}")
            if r["shown"]:
                for s in r["shown"]:
                    result = f" result={json.dumps(s['result'])}" if s.get("result") else ""
                    lines.append(f"  shown [{s['index']}] {s['stance']} (cue: {s['cue']}){result}: {_one_line(s['text'])}")
            else:
                lines.append("  shown: (no sentence)")
            if "evidence" in r and not any(s["text"] == r["evidence"] for s in r["shown"]):
                lines.append(f"  evidence: {_one_line(r['evidence'])}")
            lines.append("")
        text = "\n".join(lines)
    path.write_text(text, encoding="utf-8")


def describe_tree() -> str:
    """Commit of the tree measured, and whether litcli/ had uncommitted changes."""
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "litcli"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return sha + (" + uncommitted changes in litcli/" if dirty else "")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", action="append", choices=list(sd.SETS), metavar="NAME",
                        help=f"a set to run (repeatable; default all: {', '.join(sd.SETS)})")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N pairs of each set (a quick run)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON document")
    parser.add_argument("--markdown", action="store_true", help="also print the figures as the docs/BENCHMARKS.md table")
    parser.add_argument("--check-targets", action="store_true", help="exit 1 if a target of issue 9 is missed, listing which")
    parser.add_argument("--errors", type=Path, metavar="FILE",
                        help="write the misclassified pairs (claim, sentences litcli showed, gold, predicted, cue); "
                             ".jsonl for JSON lines, otherwise text")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")

    root = sd.data_dir()
    if not root.is_dir():
        print(f"stance data not found at {root} (set LITCLI_STANCE_DATA to its directory); "
              f"stance benchmark skipped", file=sys.stderr)
        if args.json:
            print(json.dumps({"skipped": f"stance data not found at {root}", "data": str(root)}))
        return 1 if args.check_targets else 0

    names = list(dict.fromkeys(args.sets or sd.SETS))
    tree = describe_tree()
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    if not args.json:
        print(f"litcli verify --pairs on {root} -- {stamp}, commit {tree}, Python {platform.python_version()}", flush=True)
    figures: dict[str, dict[str, Any]] = {}
    error_rows: list[dict[str, Any]] = []
    skipped: dict[str, str] = {}
    for name in names:
        try:
            pairs = sd.SETS[name](root)
        except FileNotFoundError as exc:
            skipped[name] = f"file missing: {exc.filename}"
            print(f"== {name}: skipped ({skipped[name]})", file=sys.stderr)
            continue
        full = len(pairs)
        if args.limit is not None:
            pairs = pairs[: args.limit]
        try:
            run = run_verify(pairs, warm=is_speed_run(name, len(pairs)))
        except VerifyFailed as exc:
            print(f"!! {name}: {exc}", file=sys.stderr)
            return 2
        fig = evaluate(name, pairs, run)
        fig["full_set_n"] = full
        if is_speed_run(name, len(pairs)):
            fig["speed_target_met"] = fig["pairs_per_s"] >= SPEED_TARGET["pairs_per_s"]
        figures[name] = fig
        if args.errors:
            error_rows += _error_records(name, pairs, run.outputs)
        if not args.json:
            print(report_text(name, fig, limited=len(pairs) < full), flush=True)
            print(flush=True)

    missed = missed_targets(figures)
    if args.errors:
        write_errors(args.errors, error_rows, f"# stance_eval misclassified pairs: {stamp}, commit {tree}")
        if not args.json:
            print(f"{len(error_rows)} misclassified pairs written to {args.errors}")
    if args.markdown and not args.json:
        print(report_markdown(figures, stamp, tree))
        print()
    if args.json:
        doc = {
            "date": stamp, "commit": tree, "python": platform.python_version(), "data": str(root),
            "limit": args.limit, "sets": figures, "skipped": skipped,
            "targets": {k: {m: list(v) for m, v in t.items()} for k, t in TARGETS.items()},
            "speed_target": SPEED_TARGET, "missed": missed,
        }
        print(json.dumps(doc, indent=2))
    elif missed:
        print("targets missed:\n  " + "\n  ".join(missed))
    else:
        print("all targets of the sets run were met")
    if args.check_targets and (missed or skipped):
        if skipped:
            print("cannot check the skipped sets: " + ", ".join(skipped), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
