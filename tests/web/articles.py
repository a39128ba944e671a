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
