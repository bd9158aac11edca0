"""litcli: check research claims against PubMed from a terminal.

The importable core (no Click) lives in the submodules: ``eutils`` (transport),
``pubmed``/``medline`` (parsers), ``models``, ``library``, ``formats``,
``claims``.  The CLI is ``litcli.cli``.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
