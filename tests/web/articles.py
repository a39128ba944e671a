"""Small fictional articles written for these tests (no real news text)."""

from __future__ import annotations

from pathlib import Path

import storyline

MILLBROOK = [
    {
        "title": "Millbrook library reopens after flood repairs",
        "source": "Millbrook Courier",
        "date": "2026-04-02",
        "url": "https://courier.example/millbrook-library",
        "text": (
            "The Millbrook public library reopened on Wednesday, eight months after a burst water main flooded "
            "its basement archive. Librarian Dana Whitcombe said volunteers had dried and scanned more than "
            "4,000 local newspapers from the archive. The repairs cost the town about $1.2 million, most of it "
            "covered by insurance. \"People kept asking when they could come back,\" Whitcombe said. "
            "The children's reading room now sits on the ground floor, away from the old pipes."
        ),
    },
    {
        "title": "Flooded library back in business",
        "source": "Valley Radio",
        "date": "2026-04-02",
        "text": (
            "Millbrook's public library opened its doors again on Wednesday after eight months of flood repairs. "
            "A burst water main had flooded the basement archive last August. "
            "Volunteers dried and scanned more than 4,000 old newspapers, librarian Dana Whitcombe said. "
            "Insurance covered most of the $1.2 million repair bill, town officials said. "
            "A new pump system will warn staff if water rises again."
        ),
    },
    {
        "title": "What changed at the Millbrook library",
        "source": "Eastfield Weekly",
        "date": "2026-04-03",
        "text": (
            "The Millbrook public library has reopened after flood repairs that took eight months. "
            "The children's reading room moved to the ground floor. "
            "A new pump system will alert staff if water rises in the basement again. "
            "Opening hours are unchanged, and the archive will reopen to researchers in June."
        ),
    },
]


def sample_articles() -> list[dict[str, str]]:
    """The package's sample cluster as API articles, or the Millbrook fixtures if it is not there."""
    paths = [p for p in storyline.sample_paths() if p.suffix in (".txt", ".html")]
    if len(paths) < 2:
        return [dict(a) for a in MILLBROOK]
    return [{"text": Path(p).read_text(encoding="utf-8")} for p in paths]


def sample_files() -> list[Path]:
    return [p for p in storyline.sample_paths() if p.suffix in (".txt", ".html")]

# A second story, written for these tests, to interleave with the Millbrook library articles.
FERRY = [
    {"title": "Ferry service to Gull Island suspended", "source": "Harbor Radio", "date": "2026-04-02",
     "text": "The ferry to Gull Island stopped running on Wednesday after an engine fault on the only ferry boat. "
             "The ferry operator said a replacement engine part would arrive from the mainland within a week."},
    {"title": "Gull Island ferry halted by engine fault", "source": "Island Times", "date": "2026-04-03",
     "text": "Islanders face a week without the ferry: an engine fault halted the Gull Island ferry boat on "
             "Wednesday, and the operator is waiting for a replacement engine part."},
]


# A story of three fictional articles whose analysis has long parts (15 quotations, 25 dates), written for these tests.
_PEOPLE = ["Ana Ruiz", "Ben Okafor", "Cara Lindqvist", "Dev Patel", "Eli Novak", "Fay Morgan", "Gus Tanaka",
           "Hana Sato", "Ivo Petrov", "Jia Chen", "Kofi Mensah", "Lea Brandt", "Max Weber", "Nia Jones", "Omar Haddad"]
_PLACES = ["the east pier", "the ferry ramp", "the fish market", "the old lighthouse", "the harbour office",
           "the boat lift", "the sea wall", "the north quay", "the coast path", "the marina gate", "the customs shed",
           "the slipway", "the tide gauge", "the rescue station", "the pilot boat"]


def long_analysis_story() -> list[dict[str, str]]:
    articles = []
    for k in range(3):
        lines = [f"Storm damage closed parts of Port Alder harbour this week, report {k + 1} said."]
        for j in range(k, 15, 3):
            lines.append(f"\u201cWe expect {_PLACES[j]} to reopen by March {j + 2},\u201d said {_PEOPLE[j]}, "
                         "who runs it.")
            lines.append(f"On March {j + 1}, crews began repairs at {_PLACES[j]} after the storm.")
        articles.append({"title": f"Port Alder harbour repairs, part {k + 1}", "source": f"Alder Gazette {k + 1}",
                         "text": " ".join(lines)})
    return articles
