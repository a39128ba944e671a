"""A self-written fictional cluster with the constructions that tripped the analysis on real news:
a participial phrase between a speaker and "said", a long name the tagger cuts short, a surname with a
particle, an outlet named like a person, coordinated names, hyphenated place adjectives, a "Network"."""

from __future__ import annotations

from storyline.model import Article

P = (
    "Prime Minister Lena Okoro, meanwhile, talking to the president of the Harbour Institute and former "
    "ambassador to Norway Victor Hale said: “We will keep the ferry running all winter.”\n\n"
    "“The meeting of the two governments has raised hope for an end to the long dispute over the river,” "
    "Shah Mahmood Qureshi, Norway’s foreign minister, said Tuesday.\n\n"
    "Officials said Khalid bin Rashid, the smuggling boss, was living in a port town. "
    "Bin Rashid was arrested there in 2019.\n\n"
    "“The harbour will reopen soon,” Aurora newspaper reported."
)
Q = (
    "Both the Transport Ministry and Finance Minister Carla Rossi confirmed that the letter had been received.\n\n"
    "The deal is fundamental to building an enduring U.S.-Norway partnership, an official said.\n\n"
    "The attacks were blamed on the Crimson Network, which operates from the hills above the port.\n\n"
    "Qureshi met Okoro in Oslo on Tuesday to discuss the ferry and the river dispute."
)


def articles() -> list[Article]:
    return [Article(id="1", text=P, source="Harbour Gazette", date="2023-10-12"),
            Article(id="2", text=Q, source="Fjord Post", date="2023-10-12")]
