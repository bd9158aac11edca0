"""The labelled stance sets of ../shared/data/stance as `litcli verify --pairs` input, and the metrics.

Each loader returns a list of pairs: ``{"id", "claim", "abstract": [sentences], "title"?, "label"}``
(``label`` is the gold stance and is not sent to litcli).  ``metrics`` computes the figures of
../shared/STANCE.md from gold and predicted labels.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

SUPPORTS, CONTRADICTS, NEUTRAL = "supports", "contradicts", "neutral"
LABELS = (SUPPORTS, CONTRADICTS, NEUTRAL)

Pair = dict[str, Any]


def data_dir() -> Path:
    """../shared/data/stance beside the project (LITCLI_STANCE_DATA overrides)."""
    env = os.environ.get("LITCLI_STANCE_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "stance"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def ketamine(root: Path | None = None) -> list[Pair]:
    """ketamine/dev.jsonl: one claim and one abstract-style sentence (its section is not sent)."""
    root = root or data_dir()
    return [
        {"id": r["id"], "claim": r["claim"], "abstract": [r["evidence"]], "label": r["label"], "trap": r.get("trap", False)}
        for r in _jsonl(root / "ketamine" / "dev.jsonl")
    ]


_SCIFACT = {"SUPPORT": SUPPORTS, "CONTRADICT": CONTRADICTS}


def scifact(root: Path | None = None) -> list[Pair]:
    """SciFact train: each claim against each abstract it cites; no evidence entry = neutral."""
    root = root or data_dir()
    corpus = {str(d["doc_id"]): d for d in _jsonl(root / "scifact" / "corpus.jsonl")}
    pairs: list[Pair] = []
    for c in _jsonl(root / "scifact" / "claims_train.jsonl"):
        for doc_id in c["cited_doc_ids"]:
            doc = corpus.get(str(doc_id))
            if doc is None:
                continue
            ev = c["evidence"].get(str(doc_id))
            label = _SCIFACT[ev[0]["label"]] if ev else NEUTRAL
            pairs.append(
                {"id": f"{c['id']}:{doc_id}", "claim": c["claim"], "title": doc["title"], "abstract": doc["abstract"], "label": label}
            )
    return pairs


_COVID = {"SUPPORT": SUPPORTS, "REFUTE": CONTRADICTS, "NEI": NEUTRAL, "NOTENOUGHINFO": NEUTRAL}


def check_covid(root: Path | None = None, *, nei_on_evidence: bool = False) -> list[Pair]:
    """Check-COVID train: each claim against its abstract.  With ``nei_on_evidence``, an NEI claim
    is judged against its own ``evidence_set`` sentences instead: Check-COVID builds NEI by pairing
    a claim with related sentences that do not settle it, and 72 of its 226 train claims are the
    same claim text, against the same abstract, as a SUPPORT or REFUTE claim."""
    root = root or data_dir()
    corpus = {d["cord_id"]: d for d in json.loads((root / "check_covid" / "corpus_train.json").read_text(encoding="utf-8"))}
    pairs: list[Pair] = []
    for c in json.loads((root / "check_covid" / "claims_train.json").read_text(encoding="utf-8")):
        doc = corpus.get(c["cord_id"])
        if doc is None:
            continue
        label = _COVID[c["label"]]
        abstract = doc["abstract"]
        if nei_on_evidence and label == NEUTRAL:
            abstract = [doc["abstract"][e["sent_index"]] for e in c.get("evidence_set", []) if e["sent_index"] < len(doc["abstract"])] or abstract
        pairs.append({"id": c["id"], "claim": c["claim"], "title": doc.get("title"), "abstract": abstract, "label": label})
    return pairs


def check_covid_nei_evidence(root: Path | None = None) -> list[Pair]:
    """Check-COVID train with each NEI claim against its own evidence sentences (see check_covid)."""
    return check_covid(root, nei_on_evidence=True)


# Evidence Inference: the prompt becomes the claim "I increases O compared with C" and the
# annotated evidence span is the abstract.  Gold direction: increased / decreased / no difference.
EI_DIRECTIONS = ("significantly increased", "significantly decreased", "no significant difference")


def evidence_inference(root: Path | None = None) -> list[Pair]:
    root = root or data_dir()
    pairs: list[Pair] = []
    for p in _jsonl(root / "evidence_inference" / "prompts.jsonl"):
        if p.get("label") not in EI_DIRECTIONS or not p.get("evidence"):
            continue
        ev = p["evidence"][0]["text"].strip()
        if not ev:
            continue
        claim = f"{p['intervention'].strip()} increases {p['outcome'].strip()} compared with {p['comparator'].strip()}."
        pairs.append({"id": str(p["prompt_id"]), "claim": claim, "abstract": [ev], "direction": p["label"], "label": _ei_label(p["label"])})
    return pairs


def _ei_label(direction: str) -> str:
    return SUPPORTS if direction == "significantly increased" else CONTRADICTS


def ei_predicted_direction(out: dict[str, Any]) -> str | None:
    """The direction litcli read from a verify output line for an Evidence Inference pair."""
    stance = out.get("stance")
    if stance == SUPPORTS:
        return "significantly increased"
    if stance == CONTRADICTS:
        for r in out.get("rationale") or []:
            result = (r.get("result") or {}).get("effect")
            if result == "no difference":
                return "no significant difference"
            if result in ("decrease", "worse"):
                return "significantly decreased"
        return "significantly decreased"
    return None


PROBES_DIR = Path(__file__).resolve().parent / "probes"


def probes(root: Path | None = None) -> list[Pair]:
    """bench/probes/*.jsonl: invented claim/abstract pairs written for litcli without sight of the
    code or of ../shared/data (see bench/probes/README.md); shipped with the project, so they do
    not need ``root``.  Once read, they are development data like the others."""
    pairs: list[Pair] = []
    for path in sorted(PROBES_DIR.glob("*.jsonl")):
        pairs += [{"id": r["id"], "claim": r["claim"], "abstract": r["abstract"], "label": r["label"]} for r in _jsonl(path)]
    return pairs


SETS: dict[str, Callable[[Path | None], list[Pair]]] = {
    "ketamine": ketamine,
    "scifact": scifact,
    "check_covid": check_covid,
    "check_covid_nei_evidence": check_covid_nei_evidence,
    "evidence_inference": evidence_inference,
    "probes": probes,
}


def metrics(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """n, accuracy, macro-F1, P/R of supports and contradicts, inversions, confusion matrix."""
    n = len(gold)
    confusion = {g: dict.fromkeys(LABELS, 0) for g in LABELS}
    for g, p in zip(gold, pred, strict=True):
        confusion[g][p] += 1
    out: dict[str, Any] = {"n": n}
    f1s = []
    for lab in LABELS:
        tp = confusion[lab][lab]
        predicted = sum(confusion[g][lab] for g in LABELS)
        actual = sum(confusion[lab].values())
        p = tp / predicted if predicted else 0.0
        r = tp / actual if actual else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[f"P({lab})"] = p
        out[f"R({lab})"] = r
        out[f"F1({lab})"] = f
        out[f"predicted({lab})"] = predicted
        f1s.append(f)
    out["accuracy"] = sum(confusion[lab][lab] for lab in LABELS) / n if n else 0.0
    out["macro_f1"] = sum(f1s) / len(f1s)
    inversions = confusion[SUPPORTS][CONTRADICTS] + confusion[CONTRADICTS][SUPPORTS]
    decided = sum(confusion[g][p] for g in LABELS for p in (SUPPORTS, CONTRADICTS))
    out["inversions"] = inversions
    out["decided"] = decided
    out["inversion_rate"] = inversions / decided if decided else 0.0
    out["confusion"] = confusion
    return out


# --- added for bench/stance_eval.py ------------------------------------------------------

INPUT_FIELDS = ("id", "claim", "abstract", "title")


def verify_input(pair: Pair) -> dict[str, Any]:
    """The line sent to ``litcli verify --pairs``: only the input fields (never the gold label);
    ``title`` only when the set has one."""
    return {k: pair[k] for k in INPUT_FIELDS if pair.get(k) is not None}


EI_UNDECIDED = "undecided"
EI_PREDICTED = (*EI_DIRECTIONS, EI_UNDECIDED)


def direction_metrics(gold: Sequence[str], pred: Sequence[str | None]) -> dict[str, Any]:
    """Evidence Inference direction figures: accuracy over all pairs (undecided counts as wrong),
    how many were decided, accuracy among the decided, and the 3x4 confusion gold x predicted."""
    confusion = {g: dict.fromkeys(EI_PREDICTED, 0) for g in EI_DIRECTIONS}
    for g, p in zip(gold, pred, strict=True):
        confusion[g][p or EI_UNDECIDED] += 1
    n = len(gold)
    correct = sum(confusion[d][d] for d in EI_DIRECTIONS)
    decided = n - sum(confusion[g][EI_UNDECIDED] for g in EI_DIRECTIONS)
    return {
        "n": n,
        "direction_accuracy": correct / n if n else 0.0,
        "decided": decided,
        "decided_share": decided / n if n else 0.0,
        "accuracy_of_decided": correct / decided if decided else 0.0,
        "confusion": confusion,
    }
