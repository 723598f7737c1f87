"""The generic dialect: one story found on an ordinary news page, in any language.

Each case is a small invented page in one language: a title line, a menu, a cookie
notice, the headline, a byline and a time, paragraphs with a sub-heading, a share
widget, a list of related stories and a footer. The story's lines must come out as the
story, everything else as boilerplate.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pagedump
from pagedump import GENERIC, LineKind, Role

BLANK, BOILERPLATE = LineKind.BLANK, LineKind.BOILERPLATE
HEADLINE, DATELINE = LineKind.HEADLINE, LineKind.DATELINE
BODY, HEADING = LineKind.BODY, LineKind.HEADING


def _read(norms: list[str]) -> tuple[list[LineKind], list[Role], list[str | None]]:
    """Each line's kind, role and value, as the public token stream gives them."""
    lines = pagedump.tokenize("\n".join(norms), dialect=GENERIC)
    assert len(lines) == len(norms)
    kinds = [line.kind for line in lines]
    return kinds, [line.role for line in lines], [line.value for line in lines]


@dataclass(frozen=True)
class Story:
    """An invented page, by part; :meth:`lines` lays it out with each line's kind."""

    site: str
    menu: tuple[str, ...]
    cookie: str
    headline: str
    byline: str
    time_line: str
    time: str
    lead: tuple[str, ...]
    heading: str
    rest: tuple[str, ...]
    share: tuple[str, ...]
    related: tuple[str, ...]
    footer: tuple[str, ...]

    def lines(self) -> list[tuple[str, LineKind]]:
        title = f"{self.headline} - {self.site}"
        out: list[tuple[str, LineKind]] = [(title, HEADLINE), ("", BLANK)]
        out += [(item, BOILERPLATE) for item in self.menu]
        out += [("", BLANK), (self.cookie, BOILERPLATE), ("", BLANK)]
        out += [(self.headline, HEADLINE), ("", BLANK), (self.byline, DATELINE),
                (self.time_line, DATELINE), ("", BLANK)]
        for paragraph in self.lead:
            out += [(paragraph, BODY), ("", BLANK)]
        out += [(self.heading, HEADING), ("", BLANK)]
        for paragraph in self.rest:
            out += [(paragraph, BODY), ("", BLANK)]
        out += [(item, BOILERPLATE) for item in self.share]
        out.append(("", BLANK))
        out += [(item, BOILERPLATE) for item in self.related]
        out.append(("", BLANK))
        out += [(item, BOILERPLATE) for item in self.footer]
        return out

    def text(self) -> str:
        return "\n".join(line for line, _ in self.lines()) + "\n"


ENGLISH = Story(
    site="The Daily Harbour",
    menu=("Home", "World", "Business", "Sport", "Culture", "Opinion", "Subscribe", "Sign in"),
    cookie=("We use cookies to improve your experience. By continuing to browse you accept "
            "our cookie policy and our privacy policy."),
    headline="Harbour town votes to rebuild its old sea wall before winter",
    byline="By Jane Doe",
    time_line="November 20, 2019 14:05",
    time="November 20, 2019 14:05",
    lead=(
        ("The council of the small harbour town voted on Tuesday to rebuild the old sea "
         "wall, which was damaged by a storm in the spring and has been closed since then."),
        ("The work will begin next month and should be finished before the first winter "
         "storms, the mayor said after the vote, which was not as close as many expected."),
    ),
    heading="What the work will cost",
    rest=(
        ("The town will pay for most of the work from its own budget, and it has asked the "
         "region for a grant to cover the rest of the cost of the new stones."),
        ("Fishermen, who have had to moor their boats in the next bay for months, said that "
         "they were glad the decision had finally been made by the council."),
    ),
    share=("Share this article", "Facebook", "Twitter", "Email"),
    related=("Related stories", "Storm closes the harbour road again",
             "New ferry timetable for the islands", "Mayor opens the summer market"),
    footer=("About us", "Contact us", "Privacy Policy", "Terms of Use",
            "© 2019 The Daily Harbour. All rights reserved."),
)

GERMAN = Story(
    site="Hafenblatt",
    menu=("Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Abonnieren", "Anmelden"),
    cookie=("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. Mehr dazu in "
            "unserer Datenschutzerklärung."),
    headline="Hafenstadt beschließt den Neubau der alten Kaimauer",
    byline="Von Anna Schmidt",
    time_line="20.11.2019 14:05",
    time="20.11.2019 14:05",
    lead=(
        ("Der Rat der kleinen Hafenstadt hat am Dienstag beschlossen, die alte Kaimauer neu "
         "zu bauen, die im Frühjahr bei einem Sturm beschädigt wurde und seitdem gesperrt ist."),
        ("Die Arbeiten sollen im nächsten Monat beginnen und vor den ersten Winterstürmen "
         "fertig sein, sagte die Bürgermeisterin nach der Abstimmung im Rathaus."),
    ),
    heading="Was der Neubau kostet",
    rest=(
        ("Die Stadt wird den größten Teil der Kosten aus ihrem eigenen Haushalt bezahlen, und "
         "sie hat beim Land einen Zuschuss für den Rest der Kosten beantragt."),
        ("Die Fischer, die ihre Boote seit Monaten in der Nachbarbucht festmachen müssen, "
         "sagten, dass sie über die Entscheidung des Rates sehr froh seien."),
    ),
    share=("Artikel teilen", "Facebook", "Twitter", "E-Mail"),
    related=("Mehr zum Thema", "Sturm sperrt erneut die Hafenstraße",
             "Neuer Fahrplan für die Inselfähren", "Bürgermeisterin eröffnet den Sommermarkt"),
    footer=("Impressum", "Kontakt", "Datenschutz", "© 2019 Hafenblatt. Alle Rechte vorbehalten."),
)

FRENCH = Story(
    site="Le Port",
    menu=("Accueil", "Monde", "Économie", "Sport", "Culture", "S'abonner", "Se connecter"),
    cookie=("Nous utilisons des cookies pour améliorer votre expérience. En poursuivant, vous "
            "acceptez notre politique de confidentialité."),
    headline="La ville portuaire reconstruira sa vieille digue avant l'hiver",
    byline="Par Marie Dupont",
    time_line="Publié le 20 novembre 2019 à 14h05",
    time="20 novembre 2019 à 14h05",
    lead=(
        ("Le conseil de la petite ville portuaire a voté mardi la reconstruction de la vieille "
         "digue, qui a été endommagée par une tempête au printemps et qui est fermée depuis."),
        ("Les travaux commenceront le mois prochain et devraient être terminés avant les "
         "premières tempêtes de l'hiver, a déclaré la maire après le vote au conseil."),
    ),
    heading="Ce que coûteront les travaux",
    rest=(
        ("La ville paiera la plus grande partie des travaux sur son propre budget, et elle a "
         "demandé à la région une aide pour couvrir le reste du coût."),
        ("Les pêcheurs, qui doivent amarrer leurs bateaux dans la baie voisine depuis des mois, "
         "ont dit qu'ils étaient heureux que la décision soit enfin prise."),
    ),
    share=("Partager", "Facebook", "Twitter", "E-mail"),
    related=("Lire aussi", "La tempête ferme de nouveau la route du port",
             "Nouveaux horaires pour les bateaux des îles", "La maire ouvre le marché d'été"),
    footer=("Mentions légales", "Nous contacter", "Politique de confidentialité",
            "© 2019 Le Port. Tous droits réservés."),
)

SPANISH = Story(
    site="El Puerto",
    menu=("Inicio", "Mundo", "Economía", "Deportes", "Cultura", "Suscríbete", "Iniciar sesión"),
    cookie=("Utilizamos cookies para mejorar su experiencia. Si continúa navegando, acepta "
            "nuestra política de privacidad."),
    headline="El pueblo del puerto reconstruirá su viejo malecón antes del invierno",
    byline="Por Lucía García",
    time_line="20 de noviembre de 2019 14:05",
    time="20 de noviembre de 2019 14:05",
    lead=(
        ("El ayuntamiento del pequeño pueblo votó el martes la reconstrucción del viejo "
         "malecón, que fue dañado por una tormenta en la primavera y está cerrado desde entonces."),
        ("Las obras empezarán el mes que viene y deberían terminar antes de las primeras "
         "tormentas del invierno, dijo la alcaldesa después de la votación."),
    ),
    heading="Lo que costarán las obras",
    rest=(
        ("El pueblo pagará la mayor parte de las obras con su propio presupuesto, y ha pedido "
         "a la región una ayuda para cubrir el resto del coste."),
        ("Los pescadores, que desde hace meses tienen que amarrar sus barcos en la bahía "
         "vecina, dijeron que están contentos con la decisión del ayuntamiento."),
    ),
    share=("Compartir", "Facebook", "Twitter", "Correo"),
    related=("Te puede interesar", "La tormenta vuelve a cerrar la carretera del puerto",
             "Nuevos horarios para los barcos de las islas", "La alcaldesa abre el mercado"),
    footer=("Aviso legal", "Contacto", "Política de privacidad",
            "© 2019 El Puerto. Todos los derechos reservados."),
)

POLISH = Story(
    site="Gazeta Portowa",
    menu=("Strona główna", "Świat", "Biznes", "Sport", "Kultura", "Subskrybuj", "Zaloguj się"),
    cookie=("Używamy plików cookies, aby ułatwić korzystanie z serwisu. Więcej w naszej "
            "polityce prywatności."),
    headline="Miasteczko portowe odbuduje stary falochron przed zimą",
    byline="Autor: Anna Kowalska",
    time_line="20 listopada 2019 14:05",
    time="20 listopada 2019 14:05",
    lead=(
        ("Rada małego miasteczka portowego zdecydowała we wtorek, że stary falochron, który "
         "został uszkodzony przez wiosenną burzę, zostanie odbudowany jeszcze w tym roku."),
        ("Prace mają się rozpocząć w przyszłym miesiącu i zakończyć przed pierwszymi zimowymi "
         "sztormami, jak powiedziała burmistrz po głosowaniu w ratuszu."),
    ),
    heading="Ile będzie kosztować odbudowa",
    rest=(
        ("Miasto zapłaci za większość prac z własnego budżetu, a o resztę pieniędzy na nowe "
         "kamienie poprosiło władze województwa, które jeszcze nie odpowiedziały."),
        ("Rybacy, którzy od miesięcy muszą cumować swoje łodzie w sąsiedniej zatoce, "
         "powiedzieli, że są bardzo zadowoleni z decyzji rady."),
    ),
    share=("Udostępnij", "Facebook", "Twitter", "E-mail"),
    related=("Czytaj także", "Sztorm znowu zamknął drogę do portu",
             "Nowy rozkład promów na wyspy", "Burmistrz otwiera letni targ"),
    footer=("Kontakt", "Polityka prywatności", "Reklama",
            "© 2019 Gazeta Portowa. Wszelkie prawa zastrzeżone."),
)

STORIES = [
    pytest.param(ENGLISH, id="english"),
    pytest.param(GERMAN, id="german"),
    pytest.param(FRENCH, id="french"),
    pytest.param(SPANISH, id="spanish"),
    pytest.param(POLISH, id="polish"),
]


@pytest.mark.parametrize("story", STORIES)
def test_every_line_gets_its_kind(story: Story) -> None:
    expected = story.lines()
    got = pagedump.tokenize(story.text(), dialect=GENERIC)
    assert [(line.text, line.kind) for line in got] == expected


@pytest.mark.parametrize("story", STORIES)
def test_the_article_is_read(story: Story) -> None:
    page = pagedump.parse(story.text(), dialect=GENERIC)
    assert page.site == "generic"
    assert page.article is not None
    article = page.article
    assert article.headline == story.headline
    assert article.byline == story.byline
    assert article.published is not None
    assert article.published.text == story.time
    assert [s.heading for s in article.sections] == [None, story.heading]
    assert [p for s in article.sections for p in s.paragraphs] == [*story.lead, *story.rest]


@pytest.mark.parametrize("story", STORIES)
def test_roles_follow_kinds(story: Story) -> None:
    norms = [line for line, _ in story.lines()]
    kinds, roles, values = _read(norms)
    assert len(kinds) == len(roles) == len(values) == len(norms)
    for kind, role, value in zip(kinds, roles, values, strict=True):
        if kind is BODY:
            assert role is Role.PARAGRAPH
        elif kind is HEADING:
            assert role is Role.HEADING
        elif kind is HEADLINE:
            assert role in (Role.HEADLINE, Role.COPY)
        elif kind in (BOILERPLATE, BLANK):
            assert role is Role.NONE
        assert (value is not None) == (role is Role.TIME)


BYLINES = [
    ("By Jane Doe", True),
    ("Von Anna Schmidt", True),
    ("Par Marie Dupont", True),
    ("Por Lucía García", True),
    ("Di Marco Rossi", True),
    ("Door Jan de Vries", True),
    ("By the end of the day the harbour was closed.", False),
]


@pytest.mark.parametrize(("line", "is_byline"), BYLINES)
def test_bylines_in_many_languages(line: str, *, is_byline: bool) -> None:
    story = ENGLISH.lines()
    at = next(i for i, (text, _) in enumerate(story) if text == ENGLISH.byline)
    norms = [text for text, _ in story]
    norms[at] = line
    _, roles, _ = _read(norms)
    assert (roles[at] is Role.BYLINE) == is_byline


def test_a_bare_by_leaves_the_byline_to_the_name_after_it() -> None:
    norms = [text for text, _ in ENGLISH.lines()]
    at = norms.index(ENGLISH.byline)
    norms[at:at + 1] = ["By", "Jane Doe"]
    kinds, roles, _ = _read(norms)
    assert kinds[at] is DATELINE
    assert roles[at] is Role.NONE
    assert roles[at + 1] is Role.BYLINE


TIMES = [
    ("Nov. 19, 2019 8:03 am", "Nov. 19, 2019 8:03 am"),
    ("Published: 19 November 2019", "19 November 2019"),
    ("Aktualisiert am 19. November 2019 um 08:03 Uhr", "19. November 2019 um 08:03 Uhr"),
    ("Pubblicato il 19 novembre 2019", "19 novembre 2019"),
    ("2019-11-19", "2019-11-19"),
]


@pytest.mark.parametrize(("line", "printed"), TIMES)
def test_the_time_is_the_date_as_printed(line: str, printed: str) -> None:
    norms = [text for text, _ in ENGLISH.lines()]
    norms[norms.index(ENGLISH.time_line)] = line
    _, roles, values = _read(norms)
    assert values[roles.index(Role.TIME)] == printed


def test_comments_after_the_story_are_not_the_story() -> None:
    comments = []
    for n in range(1, 6):
        comments += [
            f"reader{n} says:",
            f"November {n}, 2019 at 6:3{n} am",
            ("I have lived in this town for forty years and the wall was always the first thing "
             "the storms broke, so it is about time that the council did something about it."),
            "Reply",
            "",
        ]
    text = ENGLISH.text() + "\n".join(["Comments", "", *comments])
    page = pagedump.parse(text, dialect=GENERIC)
    assert page.article is not None
    paragraphs = [p for s in page.article.sections for p in s.paragraphs]
    assert paragraphs == [*ENGLISH.lead, *ENGLISH.rest]


@pytest.mark.parametrize("chrome", ["Advertisement", "Anzeige", "Publicité", "Reklama"])
def test_an_ad_inside_the_story_is_chrome_and_the_heading_after_it_stays(chrome: str) -> None:
    lines = ENGLISH.lines()
    at = lines.index((ENGLISH.heading, HEADING))
    lines[at:at] = [(chrome, BOILERPLATE), ("", BLANK)]
    text = "\n".join(line for line, _ in lines)
    got = pagedump.tokenize(text, dialect=GENERIC)
    assert [(line.text, line.kind) for line in got] == lines


def test_the_page_title_alone_is_a_copy_of_the_headline() -> None:
    norms = [text for text, _ in ENGLISH.lines()]
    _, roles, _ = _read(norms)
    assert roles[0] is Role.COPY
    assert roles.count(Role.HEADLINE) == 1


ODD = [
    pytest.param("", id="empty"),
    pytest.param("\n\n\n", id="blank-lines"),
    pytest.param("\u200b\n\ufeff\n", id="invisible"),
    pytest.param("x" * 100_000, id="one-huge-line"),
    pytest.param("Home\nNews\nSport\n" * 200, id="menus-only"),
    pytest.param("Share\n© 2019\nAll rights reserved\n", id="chrome-only"),
    pytest.param("By\n", id="bare-by"),
    pytest.param("November 20, 2019\n" * 50, id="dates-only"),
    pytest.param(" - | - \n :: \n«»\n", id="separators"),
    pytest.param("\x00\x01\x02\n\udcff\n", id="control-and-surrogates"),
    pytest.param("新闻\n" + "这是一篇很长的文章。" * 40 + "\n", id="unspaced-script"),
    pytest.param(ENGLISH.text().replace("\n", "\r\n"), id="crlf"),
    pytest.param(ENGLISH.text()[: len(ENGLISH.text()) // 2], id="cut"),
]


@pytest.mark.parametrize("text", ODD)
def test_odd_input_never_raises(text: str) -> None:
    lines = pagedump.tokenize(text, dialect=GENERIC)
    assert len(lines) == len(text.splitlines())
    pagedump.parse(text, dialect=GENERIC)


@given(st.lists(st.text(max_size=120), max_size=40))
def test_every_line_gets_a_kind(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert len(pagedump.tokenize(text, dialect=GENERIC)) == len(text.splitlines())


def test_the_dialect_is_an_article_dialect() -> None:
    assert GENERIC.name == "generic"
    assert GENERIC.layout == "article"
    assert "the" in GENERIC.function_words
    assert "der" in GENERIC.function_words
    assert "się" in GENERIC.function_words
