"""The claim checker: article -> claims -> PubMed evidence -> verdicts (no Click).

Modules, in pipeline order:

- ``extract``: read text / Markdown / HTML / URL / stdin and extract claims
  (``read_article``, ``extract_claims``); ``sentences``: sentence splitting;
- ``vocabulary``: the concept vocabulary (MeSH + title/abstract synonyms) as data;
- ``query``: one PubMed query per claim and its relaxation steps (``build_plan``);
- ``evidence``: rationale sentences, grade, model, sample size, stance (``assess``);
- ``verdict``: verdicts, the overstated flag and reasons (``decide``);
- ``check``: orchestration with bounded requests (``check_article``);
- ``report``: terminal, Markdown and ``litcli.check/1`` JSON rendering.

Verdict definitions and the JSON schema are documented in docs/CHECK.md.
"""

__all__ = ["check", "evidence", "extract", "query", "report", "sentences", "verdict", "vocabulary"]
