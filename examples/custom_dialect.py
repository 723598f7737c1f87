"""Derive a dialect from Daily8, register it, and see what it changes.

Usage:
    python examples/custom_dialect.py

A mirror of Daily8 adds its own line to every story ("Read the full story on Daily8
Mirror"). The built-in dialect does not know it and takes it for a sub-heading, which
splits the story in two. A dialect that lists it as chrome puts it with the
boilerplate. A dialect is data: ``attrs.evolve`` copies one with some fields changed,
and ``pagedump.register_dialect`` makes it available by name.
"""

from __future__ import annotations

import attrs

import pagedump

PROMO = "Read the full story on Daily8 Mirror"

DUMP = f"""logo
Harbour board approves dredging contract for inner channel

Harbour board approves dredging contract for inner channel

NZ Herald2 hours ago
The harbour board has approved a contract to dredge the inner channel over the coming summer.
{PROMO}
Board members said the work would be timed to avoid the spawning season of several fish species.
The contract is worth NZ$4.2 million and runs for two years.
Try Our AI Features
"""

MIRROR = attrs.evolve(
    pagedump.DAILY8,
    name="daily8-mirror",
    description="Daily8 as its mirror prints it, with a promo line in every story.",
    chrome=pagedump.DAILY8.chrome | {PROMO},
)


def show(dialect: str) -> None:
    page = pagedump.parse(DUMP, dialect=dialect)
    assert page.article is not None
    print(f"== dialect {dialect!r}: Page.site = {page.site!r}")
    kinds = {line.lineno: line.kind.value for line in pagedump.tokenize(DUMP, dialect=dialect)}
    print(f"   line 8 ({PROMO!r}) is {kinds[8]}")
    for number, section in enumerate(page.article.sections, start=1):
        print(f"   section {number}: heading {section.heading!r}, "
              f"{len(section.paragraphs)} paragraph(s)")
    print(f"   boilerplate: {list(page.boilerplate)}")


def main() -> None:
    pagedump.register_dialect(MIRROR)
    print(f"registered dialects: {', '.join(pagedump.list_dialects())}")
    show("daily8")
    show("daily8-mirror")


if __name__ == "__main__":
    main()
