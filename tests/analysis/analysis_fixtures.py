"""Self-written fictional articles for the analysis tests."""

from __future__ import annotations

from storyline.model import Article

A = (
    "A fire at the Kestrel Freight warehouse in Lowhaven on Monday injured 14 people, officials said.\n\n"
    "“We are doing everything we can to find out what went wrong,” Fire Chief Ana Marlow said at a briefing. "
    "“Nobody should have to live through this twice.”\n\n"
    "Marlow said the blaze was caused by an electrical fault. The company estimated repairs would cost $20 million.\n\n"
    "A charity appeal organised by Lowhaven Primary School raised enough money for forty emergency beds."
)
B = (
    "A fire tore through the Kestrel Freight warehouse in Lowhaven on Monday, injuring 19 people, officials said.\n\n"
    "“We are doing everything we can to find out what went wrong,” said Ana Marlow, the fire chief.\n\n"
    "The fire chief said the blaze was caused by an electrical fault. Repairs will cost millions of dollars, "
    "the company said.\n\n"
    "Tomas Quint, who lives nearby, said: “I heard a bang and then the whole street went dark.” "
    "Residents called the warehouse “a disaster waiting to happen.”"
)
C = (
    "A fire at the Kestrel Freight warehouse in Lowhaven on Monday injured 14 people, officials said.\n\n"
    "Marlow told reporters the blaze was caused by an electrical fault. The company estimated repairs would "
    "cost about $20 million. She visited the injured in hospital. “They were brave beyond words,” she said.\n\n"
    "The warehouse had failed a safety inspection two weeks ago."
)


def articles(dated: bool = True) -> list[Article]:
    d = "2024-03-06" if dated else None  # a Wednesday
    return [Article(id=str(k), text=t, source=s, date=d)
            for k, (t, s) in enumerate(((A, "Valley Courier"), (B, "Coast Herald"), (C, "Morning Ledger")), 1)]
