"""Four article pages written for the charset tests, each meant to be served in a legacy
charset with no declaration at all (no Content-Type charset, no ``<meta>``, no BOM).

The texts are our own (fictional towns and people); each has a few paragraphs so a page is a
full article, with the characters that tell its charset apart from its neighbours (cp1252's
``€ œ ’ „ “``, GBK's full-width punctuation, Shift_JIS kana and kanji, cp1251's ``« » —``).
"""

# ruff: noqa: RUF001 -- Chinese full-width punctuation and Cyrillic letters are the point here.
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CharsetPage:
    """An article and the charset its bytes are in."""

    slug: str
    charset: str
    language: str
    title: str
    paragraphs: tuple[str, ...]

    @property
    def body(self) -> str:
        """The body as newsbot exports it: paragraphs separated by one blank line."""
        return "\n\n".join(self.paragraphs)

    def html(self) -> str:
        """The page, with no charset declared anywhere in it."""
        paragraphs = "".join(f"<p>{text}</p>" for text in self.paragraphs)
        return (
            f"<!DOCTYPE html><html lang='{self.language}'><head><title>{self.title}</title>"
            "<meta property='og:type' content='article'></head>"
            f"<body><article><h1>{self.title}</h1>{paragraphs}</article></body></html>"
        )

    def encoded(self) -> bytes:
        """The page's bytes in its charset (strict: every character must exist there)."""
        return self.html().encode(self.charset)


FRENCH = CharsetPage(
    slug="marche-couvert",
    charset="cp1252",
    language="fr",
    title="Café société : le marché couvert de Valbrune rouvre ses portes",
    paragraphs=(
        "Après dix-huit mois de travaux, le marché couvert de Valbrune a rouvert jeudi matin. "
        "Les habitants se sont pressés dès l’aube devant les étals des fromagers, des "
        "maraîchers et des pâtissiers, heureux de retrouver un lieu qu’ils considèrent comme "
        "le cœur de leur quartier.",
        "« Nous avons gardé la charpente d’origine et remplacé la verrière », explique "
        "l’architecte chargée du chantier. Le coût total s’élève à 4,2 millions d’euros, soit "
        "environ 350 000 € de plus que prévu, en raison de la hausse du prix de l’acier.",
        "Au café du marché, les premières tables étaient occupées avant huit heures. Le "
        "gérant, un ancien cuisinier, propose désormais une carte courte : œufs brouillés, "
        "tartines, crêpes et un café torréfié à deux rues d’ici.",
        "Auch Besucher aus der Partnerstadt Großwald waren gekommen. „Für uns ist dieser "
        "Markt ein Vorbild“, sagte die Bürgermeisterin, die mit einer Delegation über die "
        "Grenze gefahren war. Sie möchte ähnliche Öffnungszeiten für die Händler ihrer Stadt "
        "prüfen.",
    ),
)

CHINESE = CharsetPage(
    slug="qingshi-library",
    charset="gbk",
    language="zh",
    title="青石镇新建图书馆正式开放",
    paragraphs=(
        "本周六，位于青石镇河边的新图书馆正式向市民开放。这座图书馆由一座旧仓库改建而成，"
        "阅览室的大窗户正对着河流和石桥。",
        "馆长介绍说，目前馆内藏书已超过四万册，明年春天还将增加一倍。儿童区设在二楼，"
        "配有柔软的座椅和手工教室，孩子们可以在这里学习绘画和装订图书。",
        "附近的居民早就盼望有这样一个地方。一位带着孙子来参加开馆仪式的老人说：“以前去市中心"
        "借书要换两趟公交车，现在走路十分钟就到了。”图书馆每天上午九点至晚上九点开放，全年无休。",
    ),
)

JAPANESE = CharsetPage(
    slug="kitahama-hall",
    charset="shift_jis",
    language="ja",
    title="港町の古い倉庫が市民ホールに生まれ変わる",
    paragraphs=(
        "北浜市の港に残る赤れんがの倉庫が、一年半の改修工事を終えて市民ホールとして生まれ"
        "変わった。土曜日に開かれた記念式典には、地元の住民や子どもたちが大勢集まった。",
        "ホールには三百席の客席のほか、小さな展示室とカフェが設けられている。設計を担当した"
        "建築家は「昔の柱や梁をできるだけ残し、港の歴史を感じられる空間にしたかった」と"
        "話している。",
        "来月からは地元の吹奏楽団による定期演奏会や、漁業の歴史を紹介する展示が予定されて"
        "いる。市は、観光客だけでなく、毎日の暮らしの中で気軽に立ち寄れる場所にしたいと"
        "している。",
    ),
)

RUSSIAN = CharsetPage(
    slug="severogorsk-library",
    charset="cp1251",
    language="ru",
    title="В Северогорске открыли новую библиотеку у реки",
    paragraphs=(
        "В субботу в Северогорске открылась новая городская библиотека. Здание построено на "
        "месте старого склада на набережной, и из читального зала теперь видно реку и мост.",
        "По словам директора, в фонде библиотеки уже более сорока тысяч книг, а к весне их "
        "станет вдвое больше. Для детей оборудовали отдельный этаж с мягкими креслами и "
        "мастерской, где можно учиться рисовать и переплетать книги.",
        "Жители района давно просили о таком месте. «Раньше приходилось ездить в центр на "
        "двух автобусах», — рассказала пенсионерка, которая пришла на открытие с внуками. "
        "Библиотека будет работать без выходных с девяти утра до девяти вечера.",
    ),
)

#: The four undeclared pages, one per charset the tests cover.
PAGES: tuple[CharsetPage, ...] = (FRENCH, CHINESE, JAPANESE, RUSSIAN)
