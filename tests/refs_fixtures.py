"""Synthetic articles and PubMed records for the reference-audit tests (fake PMIDs 990000xx,
fake DOIs 10.99999/…)."""

from __future__ import annotations

from tests.ncbi_server import NcbiServer, pubmed_article

VANCOUVER_ARTICLE = """# Ketamine for obsessive-compulsive disorder

Ketamine relieved obsessions within hours in a crossover trial [1]. Late-life depression
responded to esketamine [2]. Ketamine is said to reverse hoarding [3].

A meta-analysis found large effects [4,5]. The crossover trial was repeated [6].
Intranasal esketamine reduced suicidal ideation [7]. Nobody knows [8]. Depression responds [9].
This sentence cites past the list [12].

## References

1. Rivera CI, Bloom MH. Randomized crossover trial of ketamine in obsessive-compulsive disorder. J Synth Tests. 2013;12(3):100-110.
2. Banks LF, Adler P. Esketamine in late-life depression: a randomized trial. J Synth Tests. 2017;14(2):200-10.
3. Okafor N. Ketamine reverses hoarding disorder in mice. J Synth Tests. 2020;20(1):1-9.
4. Stone K. Ketamine for OCD: a meta-analysis. J Psychiatr Synth. 2019;25(2):50-60. doi:10.99999/ret.1
5. Adler P. Rapid response to ketamine in severe OCD. BMJ Synth Rep. 2017;7:e100. PMID: 99000015
6. Rivera CI, Bloom MH. Randomized crossover trial of ketamine in OCD. J Synth Tests. 2013;12(3):100-10. PMID: 99000011
7. Zane P. "Intranasal esketamine and suicidal ideation in adults" (2018), a conference poster.
8. Nobody A. An unknown paper about nothing at all. doi:10.1000
9. Lee A. Ketamine in depression. J Synth Tests. 2015;3:1-5.
"""


def records() -> dict[str, str]:
    return {
        "99000011": pubmed_article(
            99000011, title="Randomized crossover trial of ketamine in obsessive-compulsive disorder.",
            year=2013, authors=[("Rivera", "CI"), ("Bloom", "MH")], volume="12", pages="100-10",
            abstract="Ketamine reduced obsessions within hours compared with saline.",
        ),
        "99000012": pubmed_article(
            99000012, title="Esketamine in late-life depression: a randomized trial.", year=2016,
            authors=[("Banks", "LF"), ("Adler", "P")], volume="14", pages="200-10",
        ),
        "99000014": pubmed_article(
            99000014, title="Ketamine for OCD: a meta-analysis.", year=2019, authors=[("Stone", "K")],
            journal="Journal of Psychiatric Synthesis", iso_abbreviation="J Psychiatr Synth",
            volume="25", pages="50-60", doi="10.99999/ret.1",
            publication_types=("Journal Article", "Retracted Publication"),
            comments_corrections=[("RetractionIn", "99000099")],
        ),
        "99000015": pubmed_article(
            99000015, title="Rapid response to ketamine in severe OCD.", year=2017, authors=[("Adler", "P")],
            journal="BMJ Synthetic Case Reports", iso_abbreviation="BMJ Synth Rep", volume="7", pages="e100",
            comments_corrections=[("ExpressionOfConcernIn", "99000098")],
        ),
        "99000016": pubmed_article(
            99000016, title="Intranasal esketamine and suicidal ideation in adults.", year=2018,
            authors=[("Zane", "P")], volume="4", pages="1-8",
        ),
        "99000017": pubmed_article(99000017, title="Ketamine in depression.", year=2015, authors=[("Lee", "A")],
                                   volume="3", pages="1-5"),
        # the same paper twice in PubMed (nothing in the citation tells them apart)
        "99000018": pubmed_article(99000018, title="Ketamine in depression.", year=2015, authors=[("Lee", "A")],
                                   volume="3", pages="1-5"),
        # the same title and author in another journal: the journal tells it apart
        "99000019": pubmed_article(99000019, title="Ketamine in depression.", year=2015, authors=[("Lee", "A")],
                                   journal="Other Synthetic Journal", iso_abbreviation="Other Synth J",
                                   volume="3", pages="1-5"),
    }


def serve_vancouver(ncbi: NcbiServer) -> None:
    """The loopback server answers for VANCOUVER_ARTICLE's references."""
    ncbi.set_articles(records())
    ncbi.on_citation("j synth tests", 2013, "12", "100", "rivera", "99000011")
    ncbi.on_citation("j synth tests", 2015, "3", "1", "lee", "AMBIGUOUS (3 citations) 99000017,99000018,99000019")
    ncbi.on_search('10.99999/ret.1"[doi]', ["99000014"])
    ncbi.on_search("late[ti]", ["99000012"])
    ncbi.on_search("hoarding[ti]", [])
    ncbi.on_search("intranasal[ti]", ["99000016"])
    ncbi.on_search("unknown[ti]", [])
    ncbi.on_search("ketamine[ti] and depression[ti]", ["99000017", "99000018", "99000019"])
