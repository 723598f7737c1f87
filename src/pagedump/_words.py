"""The ordinary-article layout's word lists, as data: one list per kind of evidence.

Function words tell prose from labels and names; chrome markers mark a site's
interface; footer markers its closing rights notice; byline markers an author line;
month names and clock forms make the date pattern. Each list covers English, German,
French, Spanish, Italian, Portuguese, Dutch and Polish, with smaller sets for other
languages. :data:`pagedump.GENERIC` (in :mod:`pagedump._dialects`) is built from them.
"""

from __future__ import annotations

__all__ = ["BYLINE_MARKERS", "CHROME_MARKERS", "CREDIT_MARKERS", "DATE", "END_MARKERS",
           "FOOTER_MARKERS", "FUNCTION_WORDS", "TITLE_SEPARATORS"]


def _words(text: str) -> frozenset[str]:
    """The words of a space-separated list, as a set."""
    return frozenset(text.split())


FUNCTION_WORDS = _words(
    # English
    "a an the and or but nor if then than that this these those there here of in on at to"
    " for from by with without into onto over under about after before between through"
    " during against among is are was were be been being am has have had do does did will"
    " would shall should can could may might must not no it its he she they we you i me"
    " him her them us my your his their our who whom whose which what when where why how"
    " as so also just only very more most such all any each some other up out off"
    # German
    " der die das den dem des ein eine einen einem einer eines und oder aber sondern"
    " wenn dass daß als wie nicht kein keine ist sind war waren wird werden wurde wurden"
    " hat haben hatte hatten sein ich du er sie es wir ihr mit von zu zum zur bei nach aus"
    " für auf an in im am um über unter vor durch gegen ohne auch noch schon nur sich"
    " dieser diese dieses man so doch mehr sehr"
    # French
    " le la les l un une des du de d et ou mais donc car ni que qui quoi dont où ce cet"
    " cette ces il elle ils elles on nous vous je tu se sa son ses leur leurs est sont"
    " était ont a avait été être avoir pas ne plus dans sur sous pour par avec sans en au"
    " aux entre vers chez comme si aussi très tout tous"
    # Spanish
    " el los las una unos unas y o pero que quien cuyo donde cuando como lo le les se su"
    " sus es son era fue han ha había ser estar está están no más en con sin para por"
    " del al entre sobre hasta desde también muy este esta estos estas ese esa"
    # Italian
    " il lo gli i uno e ed ma che chi cui non è sono era erano ha hanno essere avere di"
    " da in con su per tra fra del della dei degli delle al alla ai agli alle nel nella"
    " nei sul sulla anche più come questo questa quello quella si ci ne"
    # Portuguese
    " o os as um uma uns umas e ou mas que não é são era foi tem têm ser estar de do da"
    " dos das em no na nos nas com sem para por pelo pela ao à aos às entre sobre também"
    " mais muito este esta isso seu sua"
    # Dutch
    " de het een en of maar dat die dit deze wie wat waar wanneer niet geen is zijn was"
    " waren wordt worden werd heeft hebben had van in op aan met voor door naar bij uit"
    " over om ook nog al er zich hij zij ze wij we"
    # Polish
    " i w we z ze na do od o u za po przez dla przy nad pod przed między oraz lub albo ale"
    " że który która które jak gdy jest są był była było były będzie nie to ten ta te"
    " tego się jego jej ich już też także tylko czy co"
    # Swedish, Danish, Norwegian
    " och att det som en ett är var har för med på av till den inte om jag og er af til"
    # Indonesian, Malay
    " yang dan di ke dari ini itu dengan untuk pada adalah tidak dalam akan juga atau"
    # Russian
    " и в во не на что с со как а то он она они по к но из у за от о же для это был была"
    # Turkish
    " ve bir bu da de için ile çok daha gibi olan"
)

CHROME_MARKERS = (
    # English
    "subscribe", "subscription", "subscribers", "sign in", "sign up", "log in", "login",
    "log out", "register", "newsletter", "newsletters", "advertisement", "advertising",
    "advertise", "sponsored", "cookie", "cookies", "privacy policy", "privacy", "terms of use",
    "terms of service", "terms and conditions", "all rights reserved", "©", "copyright",
    "share", "shares", "share this", "tweet", "facebook", "twitter", "instagram",
    "linkedin", "whatsapp", "pinterest", "youtube", "reddit", "email", "e-mail", "print",
    "follow us", "read more", "read next", "related", "related articles", "recommended",
    "more stories", "most popular", "most read", "trending", "comments", "comment",
    "leave a comment", "leave a reply", "reply", "contact us", "about us", "skip to",
    "menu", "search", "home", "back to top", "click here", "loading", "load more",
    "show more", "sitemap", "careers", "rss", "accept", "manage preferences", "log-in",
    "table of contents", "opens in new window", "opens in a new window", "click to share",
    "click to print", "click to email", "learn more",
    # Photo credits: a caption names the picture and its source
    "image", "images", "photo", "photos", "photograph", "picture", "credit", "getty",
    "getty images", "ap photo", "afp", "shutterstock", "istock", "file photo", "supplied", "foto",
    "fotos", "bild", "imagen", "immagine", "zdjęcie", "fot",
    # German
    "abonnieren", "abo", "anmelden", "registrieren", "abmelden", "werbung", "anzeige",
    "datenschutz", "datenschutzerklärung", "impressum", "nutzungsbedingungen",
    "alle rechte vorbehalten", "teilen", "kommentare", "kommentar", "mehr zum thema",
    "weiterlesen", "mehr lesen", "startseite", "suche", "kontakt", "drucken",
    "inhaltsverzeichnis", "mehr erfahren",
    # French
    "s'abonner", "abonnez-vous", "abonnement", "se connecter", "connexion", "inscription",
    "publicité", "tous droits réservés", "mentions légales", "confidentialité",
    "partager", "partagez", "commentaires", "commentaire", "lire aussi", "à lire aussi",
    "lire la suite", "accueil", "recherche", "rechercher", "imprimer", "nous contacter",
    "en savoir plus",
    # Spanish
    "suscríbete", "suscribirse", "suscripción", "iniciar sesión", "regístrate",
    "publicidad", "todos los derechos reservados", "aviso legal", "política de privacidad",
    "compartir", "comparte", "comentarios", "comentario", "leer más", "te puede interesar",
    "lo más leído", "inicio", "buscar", "contacto", "imprimir", "índice",
    # Italian
    "abbonati", "iscriviti", "accedi", "pubblicità", "tutti i diritti riservati",
    "condividi", "commenti", "leggi anche", "leggi di più", "cerca", "contatti", "stampa",
    # Portuguese
    "assine", "assinante", "entrar", "cadastre-se", "publicidade",
    "todos os direitos reservados", "política de privacidade", "compartilhe",
    "compartilhar", "partilhar", "comentários", "leia também", "leia mais", "saiba mais",
    "pesquisar", "buscar", "contato", "contacto",
    # Dutch
    "abonneren", "abonnement", "inloggen", "aanmelden", "advertentie", "adverteren",
    "alle rechten voorbehouden", "delen", "reacties", "reageer", "lees meer", "lees ook",
    "zoeken",
    # Polish
    "subskrybuj", "prenumerata", "zaloguj", "zaloguj się", "zarejestruj", "reklama",
    "wszelkie prawa zastrzeżone", "wszystkie prawa zastrzeżone", "polityka prywatności",
    "udostępnij", "komentarze",
    "komentarz", "czytaj więcej", "czytaj też", "czytaj także", "zobacz też",
    "zobacz także", "szukaj", "kontakt",
)

BYLINE_MARKERS = (
    "By", "Written by", "Posted by", "Reporting by", "Words by", "Author", "Authors",
    "Von", "Autor", "Autorin", "Text", "Par", "Auteur", "Por", "Di", "A cura di", "Door",
    "Tekst", "Przez", "Autorka", "Av", "Oleh", "Автор",
)

# Month names and their abbreviations in the languages above; Polish prints the genitive.
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
    "|Januar|Jänner|Februar|März|Mai|Juni|Juli|Oktober|Dezember|Okt|Dez|Mär"
    "|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    "|janv|févr|avr|juil|sept|déc"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    "|noviembre|diciembre|ene|abr|ago|dic"
    "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|gen|mag|giu"
    "|lug|ott"
    "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|fev|out"
    "|dez"
    "|januari|februari|maart|mei|augustus|oktober"
    "|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października"
    "|listopada|grudnia|styczeń|luty|marzec|kwiecień|maj|czerwiec|lipiec|sierpień"
    "|wrzesień|październik|listopad|grudzień"
)
_CLOCK = (
    r"(?:,?\s(?:at\s|um\s|à\s|a\slas\s|alle\s|às\s|om\s|o\s|godz\.\s|-\s|\|\s)?"
    r"\d{1,2}[:.h]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s?(?:Uhr|[A-Z]{2,4}))?)?"
)
DATE = (
    r"(?i:"
    # 20 November 2019, 20. November 2019, 20 de noviembre de 2019
    rf"\b\d{{1,2}}\.?\s(?:de\s)?(?:{_MONTHS})\.?,?\s(?:de\s)?\d{{4}}"
    # November 20, 2019; Nov. 19, 2019
    rf"|\b(?:{_MONTHS})\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}"
    # 2019-11-20, 20.11.2019, 20/11/2019
    r"|\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?"
    r"|\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2}(?!\d))"
    rf"){_CLOCK}"
)



FOOTER_MARKERS = (
        "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
        "todos los derechos reservados", "tutti i diritti riservati",
        "todos os direitos reservados", "alle rechten voorbehouden",
        "wszelkie prawa zastrzeżone", "wszystkie prawa zastrzeżone",
)

# Labels of a picture's credit, printed after a caption: "... in Hoi An Photograph: Name".
CREDIT_MARKERS = (
    "Photograph", "Photo", "Photos", "Picture", "Image", "Images", "Credit", "Photo credit",
    "Illustration", "Foto", "Fotos", "Bild", "Bilder", "Fotografie", "Bildquelle",
    "Titelbild", "Symbolbild", "Crédit", "Crédit photo", "Imagen", "Fotografía",
    "Immagine", "Fotografia", "Zdjęcie", "Fot", "Source", "Video",
)

# Headings that close a story: what follows them is related stories, more of the site,
# the comment thread or the reply form. Only a line that is one of them counts.
END_MARKERS = (
    # English
    "related", "related articles", "related stories", "related posts", "related content",
    "related news", "related links", "related topics", "read more", "read next", "read also",
    "more stories", "more news", "more from", "more on this story", "more on this topic",
    "you may also like", "you might also like", "recommended", "recommended for you",
    "most popular", "most read", "popular posts", "recent posts", "latest news",
    "explore further", "comments", "leave a reply", "leave a comment", "post a comment",
    "add a comment", "join the conversation", "previous post", "next post",
    "share this article", "share this", "see also", "further reading", "trending", "reply",
    "about the author", "about the authors", "about us", "other news", "press contact",
    "media contact", "media contacts", "previous article",
    # German
    "lesen sie auch", "lies auch", "mehr zum thema", "das könnte sie auch interessieren",
    "das könnte dich auch interessieren", "auch interessant", "weitere artikel", "weitere inhalte",
    "weitere beiträge", "ähnliche beiträge", "ähnliche artikel", "verwandte artikel",
    "meistgelesen", "meistgelesene artikel", "meistgelesene", "neueste beiträge",
    "neueste artikel", "aktuelle beiträge", "empfehlungen", "kommentare", "kommentar",
    "schreibe einen kommentar", "hinterlasse einen kommentar", "hinterlasse eine antwort",
    "kommentar schreiben", "kommentar verfassen", "antworten abbrechen",
    "vorheriger beitrag", "nächster beitrag", "das könnte ihnen auch gefallen",
    "artikel teilen", "diesen artikel teilen", "beitrag teilen", "teilen", "mehr aus",
    "weiterführende links", "weitere informationen", "nach oben", "antworten", "siehe auch",
    "mehr dazu", "lesen sie mehr", "lesen sie hier", "über den autor", "über die autorin",
    "über die autoren", "zum autor", "zur autorin", "über uns", "weitere nachrichten",
    "kommentieren sie hier", "pressekontakt", "vorheriges", "vorheriger artikel",
    "empfohlen für dich", "empfohlen für sie", "beliebte beiträge", "beliebte artikel",
    "zum weiterlesen", "das könnte dir auch gefallen", "mehr infos", "weitere infos",
    "mehr informationen", "zusatzinformationen", "mehr zu diesem thema", "nächster artikel",
    # ... and after an article ("Die meistgelesenen Artikel", "Die neuesten Beiträge")
    "meistgelesenen artikel", "meistgelesenen", "neuesten beiträge", "neuesten artikel",
    "aktuellen beiträge", "ähnlichen beiträge", "ähnlichen artikel",
    # French
    "à lire aussi", "lire aussi", "sur le même sujet", "articles similaires",
    "articles liés", "les plus lus", "commentaires", "laisser un commentaire",
    "vous aimerez aussi", "à voir aussi", "dans la même rubrique", "répondre",
    "à propos de l'auteur", "l'auteur", "contact presse",
    "pour approfondir", "pour aller plus loin", "recommandé pour vous", "articles populaires",
    # Spanish
    "te puede interesar", "noticias relacionadas", "artículos relacionados", "lo más leído",
    "comentarios", "deja un comentario", "más noticias", "también te puede interesar",
    "lee también", "relacionados", "responder", "lea", "lea también", "lea más", "vea también",
    "mira también", "puedes ver", "mire", "sobre el autor", "otras noticias",
    "noticias relacionadas", "infórmate más", "informate más",
    "recomendado para ti", "artículos populares", "para saber más",
    # Italian
    "leggi anche", "articoli correlati", "potrebbe interessarti", "i più letti", "commenti",
    "lascia un commento", "rispondi",
    # Portuguese
    "leia também", "notícias relacionadas", "artigos relacionados", "mais lidas",
    "comentários", "deixe um comentário", "veja também",
    # Dutch
    "lees ook", "gerelateerde artikelen", "meest gelezen", "reacties", "laat een reactie achter",
    "beantwoorden",
    # Polish
    "czytaj też", "czytaj także", "zobacz też", "zobacz także", "najczęściej czytane",
    "komentarze", "podobne artykuły", "dowiedz się więcej", "odpowiedz", "o autorze",
    # Finnish, Swedish, Danish and Norwegian
    "lue myös", "lue lisää", "lue seuraavaksi", "kommentit", "läs också", "läs mer",
    "læs også", "les også", "kommentarer",
)

TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " « ", " » ", " · ", ": ")
