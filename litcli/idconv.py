"""The PMC ID converter (PMID / PMCID / DOI of an article in PMC): transport and parsing.

``IdConverter.convert`` asks ``{idconv-url}?ids=...&format=json`` in batches of up to 200
IDs (the converter's limit), with ``tool``/``email`` as NCBI asks, retrying 429/5xx inside
the request's time budget (``litcli.icite.get_json``).  ``fill`` is what commands use: the
converter failing is one warning, the IDs stay as PubMed gave them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from litcli.config import DEFAULT_IDCONV_URL, Settings
from litcli.errors import LitcliError

log = logging.getLogger(__name__)

BATCH_SIZE = 200


class IdConvError(LitcliError):
    """The PMC ID converter could not be reached or answered something unusable."""


@dataclass
class ArticleIds:
    """One article's identifiers (None: not known)."""

    pmid: str | None = None
    pmcid: str | None = None
    doi: str | None = None


def parse_reply(body: bytes) -> list[ArticleIds]:
    """The converter's JSON ``records``; entries with ``status: error`` are left out."""
    try:
        data = json.loads(body.decode("utf-8", "replace"))
    except json.JSONDecodeError:
        raise IdConvError("the PMC ID converter's reply is not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("records"), list):
        raise IdConvError("the PMC ID converter's reply has no records")
    out = []
    for item in data["records"]:
        if not isinstance(item, dict) or item.get("status") == "error":
            continue
        pmid = str(item.get("pmid") or "").strip()
        pmcid = str(item.get("pmcid") or "").strip().upper()
        doi = str(item.get("doi") or "").strip()
        out.append(ArticleIds(pmid if pmid.isdigit() else None,
                              pmcid if pmcid.startswith("PMC") else None, doi or None))
    return out


class IdConverter:
    def __init__(self, settings: Settings | None = None, *,
                 notify: Callable[[str], None] | None = None) -> None:
        import requests

        from litcli import __version__

        self.settings = settings if settings is not None else Settings.load()
        self.notify = notify
        self.session = requests.Session()
        self.session.headers["User-Agent"] = f"litcli/{__version__} (+https://pypi.org/project/litcli/)"

    def close(self) -> None:
        self.session.close()

    def convert(self, ids: Sequence[str]) -> list[ArticleIds]:
        """Identifiers for PMIDs / PMCIDs / DOIs, ceil(n / 200) requests."""
        from litcli.icite import get_json

        s = self.settings
        url = s.idconv_url or DEFAULT_IDCONV_URL
        out: list[ArticleIds] = []
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), BATCH_SIZE):
            params = {"ids": ",".join(unique[start : start + BATCH_SIZE]), "format": "json",
                      "tool": s.tool}
            if s.email:
                params["email"] = s.email
            body = get_json(self.session, url, params, s, service="the PMC ID converter",
                            error=IdConvError, notify=self.notify)
            out.extend(parse_reply(body))
        return out


def fill(
    rows: Sequence[ArticleIds], *, settings: Settings | None = None,
    warn: Callable[[str], None] | None = None,
) -> None:
    """Complete PMCIDs and DOIs PubMed did not give, from the converter (by PMID), in place;
    the converter failing: one warning."""
    wanted = [r for r in rows if r.pmid and (not r.pmcid or not r.doi)]
    if not wanted:
        return
    converter = IdConverter(settings, notify=warn)
    try:
        found = {a.pmid: a for a in converter.convert([r.pmid for r in wanted if r.pmid])}
    except IdConvError as exc:
        (warn or log.warning)(f"PMC ID converter not used: {exc.message}")
        return
    finally:
        converter.close()
    for row in wanted:
        hit = found.get(row.pmid)
        if hit is not None:
            row.pmcid = row.pmcid or hit.pmcid
            row.doi = row.doi or hit.doi
