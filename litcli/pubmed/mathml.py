"""MathML in titles and abstracts, reduced to readable linear text: x^2, a_i, a/b, sqrt(x), 3He."""

from __future__ import annotations

import re
from typing import Any

_MATH_ACCENTS = frozenset({".", "˙", "¨", "¯", "‾", "^", "ˆ", "~", "˜", "→", "⃗", "_"})


_MATH_RELATIONS = frozenset("=<>≤≥≈≠∼~")
_SIMPLE_MATH = re.compile(r"^(?:[\w.,′'-]+|\w+\(.*\))$")


def _wrap(part: str) -> str:
    return (
        part
        if len(part) <= 1 or _SIMPLE_MATH.match(part) and len(part) <= 3 or part.startswith("sqrt(")
        else f"({part})"
    )


def _math(el: Any) -> str:
    """Reduce a MathML subtree to readable linear text: x^2, a_i, a/b, sqrt(x), 3He.

    Whitespace between MathML elements is layout only and is dropped; accents
    such as the dot in V-dot are left out.
    """
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    local = tag.rsplit("}", 1)[-1].split(":")[-1]
    kids = [c for c in el if isinstance(c.tag, str)]
    if not kids:
        text = (el.text or "").strip()
        if local == "mo" and text in _MATH_RELATIONS:
            return f" {text} "
        return text
    parts = [_math(k) for k in kids]
    if local == "msup" and len(parts) >= 2:
        return f"{parts[0]}^{_wrap(parts[1])}"
    if local == "msub" and len(parts) >= 2:
        return f"{parts[0]}_{_wrap(parts[1])}"
    if local == "msubsup" and len(parts) >= 3:
        return f"{parts[0]}_{_wrap(parts[1])}^{_wrap(parts[2])}"
    if local == "mfrac" and len(parts) >= 2:
        return f"{_wrap(parts[0])}/{_wrap(parts[1])}"
    if local == "msqrt":
        return f"sqrt({''.join(parts)})"
    if local == "mroot" and len(parts) >= 2:
        return f"root{_wrap(parts[1])}({parts[0]})"
    if local in ("mover", "munder", "munderover") and len(parts) >= 2:
        return parts[0] + "".join(p for p in parts[1:] if p not in _MATH_ACCENTS)
    if local == "mmultiscripts":
        # base, post-scripts (sub, sup)..., <mprescripts/>, pre-scripts: isotopes as 3He
        names = [k.tag.rsplit("}", 1)[-1].split(":")[-1] for k in kids]
        cut = names.index("mprescripts") if "mprescripts" in names else len(parts)
        post = "".join(parts[1:cut])
        pre = "".join(parts[cut + 1 :])
        return f"{pre}{parts[0]}{post}"
    out = ""
    for part in parts:
        if (
            out
            and part
            and len(part) > 1
            and out[-1].isalnum()
            and part[0].isalpha()
            and len(out) > 1
        ):
            out += " "
        out += part
    return out
