"""Experiment (third session of 2026-12-06): can a small linear model trained on the labelled
sets decide what the rules leave neutral?  Measured answer: no -- see docs/BENCHMARKS.md.

    .venv/bin/python bench/stance_model_experiment.py

Examples are sentences: each sentence of a SciFact / Check-COVID abstract (the rationale
sentences carry the pair's label, the others are neutral), each Evidence Inference evidence
sentence (increased = supports "I increases O compared with C", decreased or no difference =
contradicts), each ketamine dev sentence.  Features: the rule reader's reading (stance, kind,
effect, significance), overlap with the claim, direction-word classes of claim and sentence and
their crosses, the sentence's words and word pairs.  Model: multinomial logistic regression
with L2, fitted with numpy (full-batch Adam; deterministic).  Figures: grouped 5-fold
cross-validation (a claim, or an Evidence Inference article, never on both sides) of rules
first, then the model on pairs the rules leave neutral, by the model's confidence; and of the
model as a veto on the rules' decisions.  It does not ship: on held-out pairs its decisions
were right 42-80% of the time (inversions up to a third), far below the rules' 86-100%.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import stance_data as sd  # noqa: E402

from litcli.claims import stance  # noqa: E402
from litcli.claims import vocabulary as vocab  # noqa: E402
from litcli.claims.frame import ClaimFrame  # noqa: E402
from litcli.claims.reader import content_stems  # noqa: E402
from litcli.claims.stance import Reading  # noqa: E402

LABELS = ("supports", "contradicts", "neutral")

_TOKEN = re.compile(r"[a-z][a-z0-9]*(?:[-'][a-z0-9]+)*|\d+(?:\.\d+)?|[<>=≤≥]")
_DIRECTION = {
    "up": re.compile(r"\b(" + vocab.UP_TERMS + r")\b", re.I),
    "down": re.compile(r"\b(" + vocab.DOWN_TERMS + r")\b", re.I),
    "null": re.compile(r"\b(" + vocab.NULL_TERMS + r")", re.I),
    "neg": re.compile(vocab.NEGATION_TERMS, re.I),
    "good": re.compile(r"\b(" + vocab.GOOD_TERMS + r")\b", re.I),
    "bad": re.compile(r"\b(" + vocab.BAD_TERMS + r")\b", re.I),
    "hedge": re.compile(vocab.HEDGE_TERMS, re.I),
    "assoc": re.compile(r"\b(" + vocab.ASSOCIATION_MARKERS + r")", re.I),
}
_SIGNIFICANT = re.compile(r"\b(significant(ly)?|p\s*[<≤]\s*0?\.0\d*)", re.I)


def _tokens(text: str) -> list[str]:
    out = []
    for t in _TOKEN.findall(text.lower()):
        out.append("<num>" if t[0].isdigit() else t)
    return out


def _classes(text: str) -> set[str]:
    return {name for name, rx in _DIRECTION.items() if rx.search(text)}


def _bin(value: float, edges: Sequence[float]) -> int:
    return sum(value >= e for e in edges)


@lru_cache(maxsize=2048)
def claim_features(claim: str) -> tuple[str, ...]:
    """Features of the claim alone (its words and its direction classes)."""
    toks = _tokens(claim)
    feats = {f"c:{t}" for t in toks}
    feats |= {f"cd:{c}" for c in _classes(claim)}
    return tuple(sorted(feats))


def features(
    frame: ClaimFrame, sentence: str, section: str | None, reading: Reading, position: float
) -> list[str]:
    """The named features of one (claim, sentence) pair; ``position`` is 0..1 within the abstract."""
    f: list[str] = ["bias"]
    f.append(f"r:st={reading.stance}")
    f.append(f"r:kind={reading.kind}")
    f.append(f"r:st={reading.stance}|neg={frame.negated}")
    finding = reading.finding
    if finding is not None:
        f.append(f"r:eff={finding.effect()}")
        f.append(f"r:sig={finding.significant}")
        f.append(f"r:eff={finding.effect()}|cdir={frame.direction}|cgood={frame.goodness}")
    f.append(f"c:assert={frame.assertion}")
    f.append(f"c:neg={frame.negated}")
    f.append(f"c:checkable={frame.checkable}")
    rel = _bin(reading.relevance, (0.2, 0.4, 0.6, 0.8))
    f.append(f"rel:{rel}")
    stems = content_stems(sentence)
    shared = len(frame.stems & stems) / max(1, len(frame.stems))
    f.append(f"ov:{_bin(shared, (0.1, 0.25, 0.4, 0.6))}")
    if frame.outcome_stems & stems:
        f.append("ov:outcome")
    ipos, cpos = frame.arms().positions(sentence)
    f.append(f"arm:i={bool(ipos)}|c={bool(cpos)}")
    sec = (section or "").upper().split(" ")[0][:12]
    f.append(f"sec:{sec or '-'}")
    f.append(f"pos:{_bin(position, (0.34, 0.67, 0.99))}")
    sclasses = _classes(sentence)
    if _SIGNIFICANT.search(sentence):
        sclasses.add("sig")
    cclasses = set(_classes(frame.text))
    if frame.negated:
        cclasses.add("negated")
    f += [f"sd:{c}" for c in sorted(sclasses)]
    f += [f"x:{a}*{b}" for a in sorted(cclasses) for b in sorted(sclasses)]
    f += [f"x:rel{rel}*{b}" for b in sorted(sclasses)]
    f += list(claim_features(frame.text))
    toks = _tokens(sentence)
    words = set(toks)
    f += [f"s:{t}" for t in words]
    f += [f"b:{a}_{b}" for a, b in set(zip(toks, toks[1:], strict=False))]
    # the claim's direction words and the sentence's words together: "increase" x "reduced"
    for c in cclasses & {"up", "down", "null", "neg", "negated"}:
        f += [f"cx:{c}*{t}" for t in words if t in _DIRECTION_WORDS]
    return f


_DIRECTION_WORDS = frozenset(
    [
        "increase",
        "increased",
        "increases",
        "increasing",
        "higher",
        "greater",
        "more",
        "elevated",
        "decrease",
        "decreased",
        "decreases",
        "decreasing",
        "reduced",
        "reduce",
        "reduces",
        "reduction",
        "lower",
        "less",
        "fewer",
        "improved",
        "improve",
        "improves",
        "improvement",
        "worse",
        "worsened",
        "no",
        "not",
        "significant",
        "significantly",
        "similar",
        "different",
        "difference",
        "differ",
        "associated",
        "inhibited",
        "inhibits",
        "inhibit",
        "suppressed",
        "enhanced",
        "enhances",
        "promotes",
        "promoted",
        "induced",
        "induces",
        "prevents",
        "prevented",
        "protective",
        "risk",
        "effective",
        "ineffective",
        "failed",
        "unchanged",
        "comparable",
        "superior",
        "inferior",
        "benefit",
        "beneficial",
        "harmful",
        "positive",
        "negative",
        "inverse",
        "correlated",
        "correlation",
        "without",
    ]
)


@dataclass(frozen=True)
class Prediction:
    label: str
    probabilities: dict[str, float]
    cues: tuple[str, ...]  # the features that weighed most for ``label``

    @property
    def confidence(self) -> float:
        return self.probabilities[self.label]


class Model:
    """Weights per feature and label; ``predict`` is a softmax over their sums."""

    def __init__(
        self, weights: dict[str, Sequence[float]], meta: dict[str, Any] | None = None
    ) -> None:
        self.weights = weights
        self.meta = meta or {}

    def scores(self, feats: Iterable[str]) -> list[float]:
        z = [0.0, 0.0, 0.0]
        w = self.weights
        for name in set(feats):
            row = w.get(name)
            if row is not None:
                z[0] += row[0]
                z[1] += row[1]
                z[2] += row[2]
        return z

    def predict(self, feats: Sequence[str], n_cues: int = 3) -> Prediction:
        z = self.scores(feats)
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        probs = {lab: e[i] / total for i, lab in enumerate(LABELS)}
        k = max(range(3), key=lambda i: z[i])
        label = LABELS[k]
        # a cue is a feature that pushes towards the chosen label more than towards the others
        margin = []
        for name in set(feats):
            row = self.weights.get(name)
            if row is None or name == "bias":
                continue
            margin.append((row[k] - max(row[j] for j in range(3) if j != k), name))
        margin.sort(reverse=True)
        return Prediction(label, probs, tuple(_readable(n) for m, n in margin[:n_cues] if m > 0))


def _readable(name: str) -> str:
    kind, _, value = name.partition(":")
    return {
        "s": f"word '{value}'",
        "b": f"words '{value.replace('_', ' ')}'",
        "c": f"claim '{value}'",
        "cd": f"claim {value}",
        "sd": f"sentence {value}",
        "r": f"rules {value}",
    }.get(kind, name)


SUPPORTS, CONTRADICTS, NEUTRAL = "supports", "contradicts", "neutral"

L2 = 1.0  # per-example-normalised penalty weight (see _fit)
MIN_COUNT = 2  # a feature seen in fewer training sentences is dropped
ITERATIONS = 400
FOLDS = 5
SETS = ("ketamine", "scifact", "check_covid", "evidence_inference")
LABEL_INDEX = {lab: i for i, lab in enumerate(LABELS)}


def load(root: Path) -> dict[str, list[dict[str, Any]]]:
    """Every set's pairs, each with ``evidence``: the indices of its labelled sentences (None = all)."""
    out: dict[str, list[dict[str, Any]]] = {}
    out["ketamine"] = [dict(p, group=f"k:{p['id']}", evidence=None) for p in sd.ketamine(root)]
    corpus = {str(d["doc_id"]): d for d in sd._jsonl(root / "scifact" / "corpus.jsonl")}
    sf = []
    for c in sd._jsonl(root / "scifact" / "claims_train.jsonl"):
        for doc_id in c["cited_doc_ids"]:
            doc = corpus.get(str(doc_id))
            if doc is None:
                continue
            ev = c["evidence"].get(str(doc_id)) or []
            label = sd._SCIFACT[ev[0]["label"]] if ev else sd.NEUTRAL
            idx = sorted({i for e in ev for i in e["sentences"]})
            sf.append(
                {
                    "id": f"{c['id']}:{doc_id}",
                    "claim": c["claim"],
                    "title": doc["title"],
                    "abstract": doc["abstract"],
                    "label": label,
                    "evidence": idx,
                    "group": f"s:{c['id']}",
                }
            )
    out["scifact"] = sf
    cc = {
        d["cord_id"]: d
        for d in json.loads(
            (root / "check_covid" / "corpus_train.json").read_text(encoding="utf-8")
        )
    }
    cv = []
    for c in json.loads((root / "check_covid" / "claims_train.json").read_text(encoding="utf-8")):
        doc = cc.get(c["cord_id"])
        if doc is None:
            continue
        idx = sorted({e["sent_index"] for e in c.get("evidence_set") or []})
        cv.append(
            {
                "id": c["id"],
                "claim": c["claim"],
                "title": doc.get("title"),
                "abstract": doc["abstract"],
                "label": sd._COVID[c["label"]],
                "evidence": idx,
                "group": f"c:{c['id'].split('_')[0]}",
            }
        )
    out["check_covid"] = cv
    prompts = {
        str(p["prompt_id"]): p for p in sd._jsonl(root / "evidence_inference" / "prompts.jsonl")
    }
    out["evidence_inference"] = [
        dict(p, group=f"e:{prompts[p['id']]['pmcid']}", evidence=None)
        for p in sd.evidence_inference(root)
    ]
    return out


def examples(pair: dict[str, Any]) -> tuple[stance.Prepared, list[tuple[list[str], int]]]:
    """The pair prepared as the judge prepares it, and its labelled sentences' features."""
    p = stance.prepare(pair["claim"], pair["abstract"], title=pair.get("title"))
    rows: list[tuple[list[str], int]] = []
    if p.off_topic is not None:
        return p, rows
    n = len(p.items)
    for i, ((text, section), r) in enumerate(zip(p.items, p.readings, strict=True)):
        if pair["evidence"] is None:
            label = pair["label"]
        else:
            label = pair["label"] if i in pair["evidence"] else sd.NEUTRAL
        rows.append(
            (
                features(p.frame, text, section, r, i / max(1, n - 1) if n > 1 else 1.0),
                LABEL_INDEX[label],
            )
        )
    return p, rows


def _fit(rows: Sequence[tuple[list[str], int]], weights: Sequence[float]) -> Model:
    counts: Counter[str] = Counter()
    for feats, _ in rows:
        counts.update(set(feats))
    names = sorted(f for f, c in counts.items() if c >= MIN_COUNT or f == "bias")
    index = {f: j for j, f in enumerate(names)}
    r_idx: list[int] = []
    c_idx: list[int] = []
    for k, (feats, _) in enumerate(rows):
        js = sorted({index[f] for f in feats if f in index})
        r_idx += [k] * len(js)
        c_idx += js
    rows_a = np.asarray(r_idx, dtype=np.int64)
    cols_a = np.asarray(c_idx, dtype=np.int64)
    n, d = len(rows), len(names)
    y = np.zeros((n, 3))
    y[np.arange(n), [lab for _, lab in rows]] = 1.0
    sw = np.asarray(weights, dtype=np.float64)
    sw = sw / sw.sum()
    w = np.zeros((d, 3))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    lr, b1, b2 = 0.05, 0.9, 0.999
    reg = L2 / n
    for t in range(1, ITERATIONS + 1):
        z = np.stack(
            [np.bincount(rows_a, weights=w[cols_a, k], minlength=n) for k in range(3)], axis=1
        )
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g_rows = (p - y) * sw[:, None]
        grad = (
            np.stack(
                [np.bincount(cols_a, weights=g_rows[rows_a, k], minlength=d) for k in range(3)],
                axis=1,
            )
            + reg * w
        )
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        w -= lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
    weights_out = {name: tuple(round(float(x), 4) for x in w[j]) for j, name in enumerate(names)}
    weights_out = {k: v for k, v in weights_out.items() if any(v)}
    return Model(weights_out)


def sample_weights(rows_by_set: dict[str, list[tuple[list[str], int]]]) -> list[float]:
    """Each set counts equally; within a set, each label counts equally."""
    out: list[float] = []
    for rows in rows_by_set.values():
        per_label = Counter(lab for _, lab in rows)
        for _, lab in rows:
            out.append(1.0 / (len(rows_by_set) * len(per_label) * per_label[lab]))
    return out


def fit(rows_by_set: dict[str, list[tuple[list[str], int]]]) -> Model:
    rows = [r for rs in rows_by_set.values() for r in rs]
    return _fit(rows, sample_weights(rows_by_set))


def _fold(group: str) -> int:
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % FOLDS


def held_out(
    data: dict[str, list[dict[str, Any]]],
    prepared: dict[str, list[tuple[stance.Prepared, list[Any]]]],
) -> dict[str, list[tuple[str, list[float]]]]:
    """Per set, per pair: the rules' verdict and (for pairs the rules leave neutral) the held-out
    model's best non-neutral sentence as (label, confidence); for rule decisions, the model's
    probability of the opposite label minus that of the rules' label."""
    out: dict[str, list[Any]] = {name: [None] * len(pairs) for name, pairs in data.items()}
    for k in range(FOLDS):
        model = fit(
            {
                n: [
                    r
                    for pair, (_, rows) in zip(data[n], prepared[n], strict=True)
                    if _fold(pair["group"]) != k
                    for r in rows
                ]
                for n in data
            }
        )
        for name, pairs in data.items():
            for j, (pair, (p, _)) in enumerate(zip(pairs, prepared[name], strict=True)):
                if _fold(pair["group"]) != k:
                    continue
                rules = stance.decide(p)
                n = len(p.items)
                preds = (
                    []
                    if p.off_topic
                    else [
                        model.predict(
                            features(p.frame, text, sec, r, i / max(1, n - 1) if n > 1 else 1.0)
                        )
                        for i, ((text, sec), r) in enumerate(zip(p.items, p.readings, strict=True))
                    ]
                )
                if rules.stance != NEUTRAL:
                    pr = preds[rules.rationale[0].index].probabilities
                    opp = CONTRADICTS if rules.stance == SUPPORTS else SUPPORTS
                    out[name][j] = (rules, None, pr[opp] - pr[rules.stance])
                else:
                    best = max(
                        (
                            (q.label, q.confidence)
                            for q, r in zip(preds, p.readings, strict=True)
                            if q.label != NEUTRAL and r.kind in ("finding", "mixed", "restatement")
                        ),
                        key=lambda t: t[1],
                        default=None,
                    )
                    out[name][j] = (rules, best, None)
    return out


def report(data: dict[str, list[dict[str, Any]]], results: dict[str, list[Any]]) -> None:
    for name, pairs in data.items():
        print(f"== {name}")
        for th in (0.5, 0.7, 0.8, 0.9, 0.95, 0.99):
            right = inv = neutral = 0
            for pair, (_, best, _) in zip(pairs, results[name], strict=True):
                if best is None or best[1] < th:
                    continue
                gold = pair["label"]
                right += best[0] == gold
                inv += gold != NEUTRAL and best[0] != gold
                neutral += gold == NEUTRAL
            n = right + inv + neutral
            if n:
                print(
                    f"  model on the rules' neutral pairs, confidence >= {th}: {n} decided, right {right} ({right / n:.2f}), inverted {inv}, gold neutral {neutral}"
                )
        for th in (0.5, 0.0, -0.5):
            vetoed = [
                (pair, rules)
                for pair, (rules, _, margin) in zip(pairs, results[name], strict=True)
                if margin is not None and margin > th
            ]
            wrong = sum(pair["label"] != rules.stance for pair, rules in vetoed)
            print(
                f"  model as veto on the rules' decisions, margin > {th}: {len(vetoed)} vetoed, of which the rules had wrong {wrong}"
            )


def main() -> int:
    data = load(sd.data_dir())
    prepared = {name: [examples(pair) for pair in pairs] for name, pairs in data.items()}
    report(data, held_out(data, prepared))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
