"""Demo events and films, with their translations.

Event dates are days from "now" when load_demo runs, so some are always upcoming and some past.
Film facts are limited to what we are sure of: no invented awards, trailers or runtimes.
"""

from django.utils.text import slugify

from tools.demo.content import FULL_LANGUAGES, HOME_LANGUAGES, same, t

EVENT_LANGUAGES = FULL_LANGUAGES
INDEX_LANGUAGES = HOME_LANGUAGES

EVENT_INDEX = {
    "title": t(
        "Events",
        nl="Evenementen",
        de="Veranstaltungen",
        fr="Événements",
        es="Eventos",
        zh_hans="活动",
        zh_hant="活動",
        he="אירועים",
    ),
    "slug": t(
        "events",
        nl="evenementen",
        de="veranstaltungen",
        fr="evenements",
        es="eventos",
        zh_hans="events",
        zh_hant="events",
        he="events",
    ),
    "intro": t(
        "Parades, information stands, vigils, exhibitions and screenings near you.",
        nl="Optochten, informatiestands, wakes, tentoonstellingen en filmvertoningen bij u "
        "in de buurt.",
        de="Paraden, Informationsstände, Mahnwachen, Ausstellungen und Filmvorführungen in "
        "Ihrer Nähe.",
        fr="Défilés, stands d’information, veillées, expositions et projections près de chez vous.",
        es="Desfiles, puestos informativos, vigilias, exposiciones y proyecciones cerca de usted.",
        zh_hans="您附近的游行、真相资料摊位、烛光悼念、展览和影片放映。",
        zh_hant="您附近的遊行、真相資料攤位、燭光悼念、展覽和影片放映。",
        he="מצעדים, דוכני הסברה, משמרות, תערוכות והקרנות בקרבתכם.",
    ),
}

FILM_INDEX = {
    "title": t(
        "Films",
        nl="Films",
        de="Filme",
        fr="Films",
        es="Películas",
        zh_hans="影片",
        zh_hant="影片",
        he="סרטים",
    ),
    "slug": t(
        "films",
        nl="films",
        de="filme",
        fr="films",
        es="peliculas",
        zh_hans="films",
        zh_hant="films",
        he="films",
    ),
    "intro": t(
        "Documentaries about the persecution and the people who stand up to it.",
        nl="Documentaires over de vervolging en over de mensen die ertegen opstaan.",
        de="Dokumentarfilme über die Verfolgung und die Menschen, die sich ihr entgegenstellen.",
        fr="Des documentaires sur la persécution et sur celles et ceux qui s’y opposent.",
        es="Documentales sobre la persecución y sobre las personas que se le oponen.",
        zh_hans="讲述这场迫害以及挺身反抗之人的纪录片。",
        zh_hant="講述這場迫害以及挺身反抗之人的紀錄片。",
        he="סרטים תיעודיים על הרדיפה ועל האנשים שעומדים מולה.",
    ),
}

FILMS = [
    {
        "slug": "hard-to-believe",
        "title": same("Hard to Believe", EVENT_LANGUAGES),
        "year": 2015,
        "synopsis": t(
            "A documentary about the forced harvesting of organs from prisoners of conscience "
            "in China, and about the people who investigated it.",
            nl="Een documentaire over het gedwongen oogsten van organen van gewetensgevangenen "
            "in China, en over de mensen die het onderzochten.",
            de="Ein Dokumentarfilm über die erzwungene Entnahme von Organen bei "
            "Gewissensgefangenen in China und über die Menschen, die dazu recherchiert haben.",
            fr="Un documentaire sur le prélèvement forcé d’organes sur des prisonniers d’opinion "
            "en Chine, et sur les personnes qui ont enquêté à ce sujet.",
            es="Un documental sobre la extracción forzada de órganos a presos de conciencia en "
            "China y sobre las personas que la investigaron.",
            zh_hans="一部关于中国强摘良心犯器官、以及调查此事之人的纪录片。",
            he="סרט תיעודי על קצירת איברים בכפייה מאסירי מצפון בסין, ועל האנשים שחקרו אותה.",
        ),
    },
    {
        "slug": "free-china",
        "title": same("Free China: The Courage to Believe", EVENT_LANGUAGES),
        "year": 2012,
        "synopsis": t(
            "A documentary about people who were imprisoned in China for their belief in Falun "
            "Gong and who speak out after their release.",
            nl="Een documentaire over mensen die in China gevangen zaten vanwege hun geloof in "
            "Falun Gong en die na hun vrijlating hun verhaal doen.",
            de="Ein Dokumentarfilm über Menschen, die in China wegen ihres Glaubens an Falun Gong "
            "inhaftiert waren und nach ihrer Freilassung ihre Stimme erheben.",
            fr="Un documentaire sur des personnes emprisonnées en Chine pour leur croyance dans "
            "le Falun Gong et qui témoignent après leur libération.",
            es="Un documental sobre personas que fueron encarceladas en China por su creencia en "
            "Falun Gong y que alzan la voz tras su liberación.",
            zh_hans="一部关于因信仰法轮功在中国遭关押、获释后站出来讲述真相之人的纪录片。",
            he="סרט תיעודי על אנשים שנכלאו בסין בשל אמונתם בפאלון גונג ומשמיעים את קולם "
            "לאחר שחרורם.",
        ),
    },
    {
        "slug": "transcending-fear",
        "title": same("Transcending Fear", EVENT_LANGUAGES),
        "year": None,
        "synopsis": t(
            "A documentary about Gao Zhisheng, the Chinese human rights lawyer who defended Falun "
            "Gong practitioners.",
            nl="Een documentaire over Gao Zhisheng, de Chinese mensenrechtenadvocaat die Falun "
            "Gong-beoefenaars verdedigde.",
            de="Ein Dokumentarfilm über Gao Zhisheng, den chinesischen Menschenrechtsanwalt, der "
            "Falun-Gong-Praktizierende verteidigte.",
            fr="Un documentaire sur Gao Zhisheng, l’avocat chinois des droits humains qui a "
            "défendu des pratiquants de Falun Gong.",
            es="Un documental sobre Gao Zhisheng, el abogado chino de derechos humanos que "
            "defendió a practicantes de Falun Gong.",
            zh_hans="一部关于曾为法轮功学员辩护的中国人权律师高智晟的纪录片。",
            he="סרט תיעודי על גאו ג׳ישנג, עורך הדין הסיני לזכויות אדם שהגן על מתרגלי פאלון גונג.",
        ),
    },
]


def place(en, nl, zh, he, **others):
    """A place or a short text: English, Dutch, Simplified Chinese, Hebrew, then the others."""
    return t(en, nl=nl, zh_hans=zh, he=he, **others)


NETHERLANDS = place(
    "Netherlands", "Nederland", "荷兰", "הולנד", de="Niederlande", fr="Pays-Bas", es="Países Bajos"
)
UNITED_STATES = place(
    "United States",
    "Verenigde Staten",
    "美国",
    "ארצות הברית",
    de="Vereinigte Staaten",
    fr="États-Unis",
    es="Estados Unidos",
)
UNITED_KINGDOM = place(
    "United Kingdom",
    "Verenigd Koninkrijk",
    "英国",
    "הממלכה המאוחדת",
    de="Vereinigtes Königreich",
    fr="Royaume-Uni",
    es="Reino Unido",
)
GERMANY = place(
    "Germany", "Duitsland", "德国", "גרמניה", de="Deutschland", fr="Allemagne", es="Alemania"
)
FRANCE = place("France", "Frankrijk", "法国", "צרפת", de="Frankreich", fr="France", es="Francia")
SPAIN = place("Spain", "Spanje", "西班牙", "ספרד", de="Spanien", fr="Espagne", es="España")
TAIWAN = place("Taiwan", "Taiwan", "台湾", "טייוואן", de="Taiwan", fr="Taïwan", es="Taiwán")
ISRAEL = place("Israel", "Israël", "以色列", "ישראל", de="Israel", fr="Israël", es="Israel")
CANADA = place("Canada", "Canada", "加拿大", "קנדה", de="Kanada", fr="Canada", es="Canadá")
AUSTRALIA = place(
    "Australia",
    "Australië",
    "澳大利亚",
    "אוסטרליה",
    de="Australien",
    fr="Australie",
    es="Australia",
)
BELGIUM = place("Belgium", "België", "比利时", "בלגיה", de="Belgien", fr="Belgique", es="Bélgica")

# days: from today; time/end as "HH:MM" in the event's zone; all_day events span "days".
EVENTS = [
    {
        "kind": "information_stand",
        "zone": "Europe/Amsterdam",
        "days": -2,
        "time": ("13:00", "17:00"),
        "repeat_weeks": 12,
        "city": place(
            "Amsterdam",
            "Amsterdam",
            "阿姆斯特丹",
            "אמסטרדם",
            de="Amsterdam",
            fr="Amsterdam",
            es="Ámsterdam",
        ),
        "country": NETHERLANDS,
        "venue": place(
            "Dam Square",
            "de Dam",
            "水坝广场",
            "כיכר הדאם",
            de="Dam-Platz",
            fr="place du Dam",
            es="plaza Dam",
        ),
        "coordinates": ("52.373169", "4.892619"),
        "title": place(
            "Weekly information stand on Dam Square",
            "Wekelijkse informatiestand op de Dam",
            "水坝广场每周真相资料摊位",
            "דוכן הסברה שבועי בכיכר הדאם",
            de="Wöchentlicher Informationsstand auf dem Dam-Platz",
            fr="Stand d’information hebdomadaire sur la place du Dam",
            es="Puesto informativo semanal en la plaza Dam",
        ),
        "summary": place(
            "Every week volunteers explain the persecution to passers-by and collect signatures.",
            "Elke week vertellen vrijwilligers voorbijgangers over de vervolging en verzamelen "
            "ze handtekeningen.",
            "志愿者每周向路人讲述迫害真相并征集签名。",
            "מדי שבוע מתנדבים מסבירים לעוברים ושבים על הרדיפה ואוספים חתימות.",
            de="Jede Woche erklären Freiwillige Passanten die Verfolgung und sammeln "
            "Unterschriften.",
            fr="Chaque semaine, des bénévoles expliquent la persécution aux passants et "
            "recueillent des signatures.",
            es="Cada semana, voluntarios explican la persecución a los transeúntes y recogen "
            "firmas.",
        ),
    },
    {
        "kind": "parade",
        "zone": "America/New_York",
        "days": 10,
        "time": ("11:00", "14:00"),
        "city": place(
            "New York",
            "New York",
            "纽约",
            "ניו יורק",
            de="New York",
            fr="New York",
            es="Nueva York",
        ),
        "country": UNITED_STATES,
        "title": place(
            "Parade through Manhattan",
            "Optocht door Manhattan",
            "曼哈顿大游行",
            "מצעד במנהטן",
            de="Parade durch Manhattan",
            fr="Défilé dans Manhattan",
            es="Desfile por Manhattan",
        ),
        "summary": place(
            "Marching bands and banners call for an end to the persecution.",
            "Fanfares en spandoeken roepen op tot een einde aan de vervolging.",
            "腰鼓队和横幅呼吁停止迫害。",
            "תזמורות וכרזות קוראות לשים קץ לרדיפה.",
            de="Marschkapellen und Transparente fordern ein Ende der Verfolgung.",
            fr="Fanfares et banderoles appellent à la fin de la persécution.",
            es="Bandas de música y pancartas piden el fin de la persecución.",
        ),
    },
    {
        "kind": "vigil",
        "zone": "Europe/London",
        "days": 5,
        "time": ("19:00", "21:00"),
        "city": place(
            "London", "Londen", "伦敦", "לונדון", de="London", fr="Londres", es="Londres"
        ),
        "country": UNITED_KINGDOM,
        "title": place(
            "Candlelight vigil for those who died in the persecution",
            "Kaarsenwake voor wie in de vervolging is omgekomen",
            "悼念迫害中遇难者的烛光夜悼",
            "משמרת נרות לזכר מי שמתו ברדיפה",
            de="Mahnwache mit Kerzen für die Todesopfer der Verfolgung",
            fr="Veillée aux bougies en mémoire des personnes mortes dans la persécution",
            es="Vigilia con velas por quienes murieron en la persecución",
        ),
        "summary": place(
            "A quiet evening to remember practitioners who lost their lives.",
            "Een stille avond om beoefenaars te gedenken die hun leven verloren.",
            "在宁静的夜晚悼念失去生命的学员。",
            "ערב שקט לזכר מתרגלים שאיבדו את חייהם.",
            de="Ein stiller Abend im Gedenken an Praktizierende, die ihr Leben verloren haben.",
            fr="Une soirée de recueillement en mémoire des pratiquants qui ont perdu la vie.",
            es="Una velada tranquila para recordar a los practicantes que perdieron la vida.",
        ),
    },
    {
        "kind": "film_screening",
        "zone": "Europe/Berlin",
        "days": 14,
        "time": ("19:30", "21:30"),
        "film": "hard-to-believe",
        "city": place("Berlin", "Berlijn", "柏林", "ברלין", de="Berlin", fr="Berlin", es="Berlín"),
        "country": GERMANY,
        "title": place(
            "Screening of Hard to Believe",
            "Vertoning van Hard to Believe",
            "放映《Hard to Believe》",
            "הקרנת Hard to Believe",
            de="Vorführung von Hard to Believe",
            fr="Projection de Hard to Believe",
            es="Proyección de Hard to Believe",
        ),
        "summary": place(
            "The documentary about forced organ harvesting, followed by questions from the "
            "audience.",
            "De documentaire over gedwongen orgaanroof, gevolgd door vragen uit het publiek.",
            "放映这部关于强摘器官的纪录片，随后回答观众提问。",
            "הסרט התיעודי על קצירת איברים בכפייה, ולאחריו שאלות מהקהל.",
            de="Der Dokumentarfilm über erzwungenen Organraub, anschließend Fragen aus dem "
            "Publikum.",
            fr="Le documentaire sur le prélèvement forcé d’organes, suivi des questions du public.",
            es="El documental sobre la extracción forzada de órganos, seguido de preguntas del "
            "público.",
        ),
    },
    {
        # Not translated yet into these (their readers find it among the English items).
        "waiting_for": ["es", "zh-hant"],
        "kind": "exhibition",
        "zone": "Europe/Paris",
        "days": 20,
        "all_day_days": 3,
        "city": place("Paris", "Parijs", "巴黎", "פריז", de="Paris", fr="Paris", es="París"),
        "country": FRANCE,
        "title": place(
            "Art exhibition: Truthfulness, Compassion, Forbearance",
            "Kunsttentoonstelling: Waarachtigheid, Mededogen, Verdraagzaamheid",
            "“真善忍”美术作品展",
            "תערוכת אמנות: אמת, חמלה, סובלנות",
            de="Kunstausstellung: Wahrhaftigkeit, Barmherzigkeit, Nachsicht",
            fr="Exposition d’art\u00a0: Authenticité, Bienveillance, Tolérance",
            es="Exposición de arte: Verdad, Benevolencia, Tolerancia",
        ),
        "summary": place(
            "Paintings by practitioners about faith and persecution, open all day.",
            "Schilderijen van beoefenaars over geloof en vervolging, de hele dag geopend.",
            "学员创作的关于信仰与迫害的画作，全天开放。",
            "ציורים של מתרגלים על אמונה ורדיפה, פתוח כל היום.",
            de="Gemälde von Praktizierenden über Glauben und Verfolgung, ganztägig geöffnet.",
            fr="Tableaux de pratiquants sur la foi et la persécution\u00a0; ouverte toute la "
            "journée.",
            es="Cuadros de practicantes sobre la fe y la persecución; abierta todo el día.",
        ),
    },
    {
        "kind": "petition_drive",
        "zone": "Europe/Madrid",
        "days": 3,
        "time": ("11:00", "15:00"),
        "cancelled": place(
            "Cancelled because of a storm warning; we will announce a new date here.",
            "Afgelast vanwege een stormwaarschuwing; we maken hier een nieuwe datum bekend.",
            "因暴风预警取消，新日期将在此公布。",
            "בוטל בשל אזהרת סערה; נודיע כאן על מועד חדש.",
            de="Wegen einer Sturmwarnung abgesagt; einen neuen Termin geben wir hier bekannt.",
            fr="Annulée en raison d’une alerte tempête\u00a0; nous annoncerons une nouvelle date "
            "ici.",
            es="Cancelada por un aviso de tormenta; anunciaremos aquí una nueva fecha.",
        ),
        "city": place("Madrid", "Madrid", "马德里", "מדריד", de="Madrid", fr="Madrid", es="Madrid"),
        "country": SPAIN,
        "title": place(
            "Petition drive in the city centre",
            "Handtekeningenactie in het centrum",
            "市中心征签活动",
            "מסע החתמה במרכז העיר",
            de="Unterschriftenaktion in der Innenstadt",
            fr="Collecte de signatures dans le centre-ville",
            es="Recogida de firmas en el centro de la ciudad",
        ),
        "summary": place(
            "Sign the petition asking the government to speak out against the persecution.",
            "Teken de petitie waarin de regering wordt gevraagd zich uit te spreken tegen de "
            "vervolging.",
            "签署请愿书，呼吁政府公开反对迫害。",
            "חתמו על העצומה הקוראת לממשלה לצאת נגד הרדיפה.",
            de="Unterschreiben Sie die Petition, die die Regierung auffordert, sich gegen die "
            "Verfolgung auszusprechen.",
            fr="Signez la pétition demandant au gouvernement de s’élever contre la persécution.",
            es="Firme la petición que pide al Gobierno que se pronuncie contra la persecución.",
        ),
    },
    {
        "kind": "talk",
        "zone": "Asia/Taipei",
        "days": 8,
        "time": ("19:00", "20:30"),
        "city": place("Taipei", "Taipei", "台北", "טאיפיי", de="Taipeh", fr="Taipei", es="Taipéi"),
        "country": TAIWAN,
        "title": place(
            "Talk: reaching people in China past the censors",
            "Lezing: mensen in China bereiken, langs de censuur",
            "讲座：突破审查，向中国民众讲真相",
            "הרצאה: להגיע לאנשים בסין מעבר לצנזורה",
            de="Vortrag: Menschen in China an der Zensur vorbei erreichen",
            fr="Conférence\u00a0: atteindre les personnes en Chine malgré la censure",
            es="Charla: llegar a la gente en China burlando la censura",
        ),
        "summary": place(
            "How satellite television, phone calls and internet tools carry uncensored news.",
            "Hoe satelliettelevisie, telefoongesprekken en internetmiddelen ongecensureerd "
            "nieuws verspreiden.",
            "卫星电视、电话和网络工具如何传递未经审查的新闻。",
            "כיצד טלוויזיה בלוויין, שיחות טלפון וכלי אינטרנט מעבירים חדשות ללא צנזורה.",
            de="Wie Satellitenfernsehen, Telefonanrufe und Internetwerkzeuge unzensierte "
            "Nachrichten übermitteln.",
            fr="Comment la télévision par satellite, les appels téléphoniques et les outils "
            "Internet transmettent des informations non censurées.",
            es="Cómo la televisión por satélite, las llamadas telefónicas y las herramientas de "
            "internet hacen llegar noticias sin censura.",
        ),
    },
    {
        "kind": "information_stand",
        "zone": "Asia/Jerusalem",
        "days": 6,
        "time": ("10:00", "13:00"),
        "city": place(
            "Tel Aviv",
            "Tel Aviv",
            "特拉维夫",
            "תל אביב",
            de="Tel Aviv",
            fr="Tel-Aviv",
            es="Tel Aviv",
        ),
        "country": ISRAEL,
        "title": place(
            "Information stand on the promenade",
            "Informatiestand op de boulevard",
            "海滨步道真相资料摊位",
            "דוכן הסברה בטיילת",
            de="Informationsstand an der Strandpromenade",
            fr="Stand d’information sur la promenade",
            es="Puesto informativo en el paseo marítimo",
        ),
        "summary": place(
            "Meet practitioners, learn the exercises and hear about the persecution.",
            "Ontmoet beoefenaars, leer de oefeningen en hoor over de vervolging.",
            "与学员见面，学习功法，了解迫害真相。",
            "פגשו מתרגלים, למדו את התרגילים ושמעו על הרדיפה.",
            de="Begegnen Sie Praktizierenden, lernen Sie die Übungen kennen und erfahren Sie mehr "
            "über die Verfolgung.",
            fr="Rencontrez des pratiquants, apprenez les exercices et informez-vous sur la "
            "persécution.",
            es="Conozca a practicantes, aprenda los ejercicios e infórmese sobre la persecución.",
        ),
    },
    {
        "kind": "parade",
        "zone": "America/Toronto",
        "days": -20,
        "time": ("13:00", "16:00"),
        "city": place(
            "Toronto", "Toronto", "多伦多", "טורונטו", de="Toronto", fr="Toronto", es="Toronto"
        ),
        "country": CANADA,
        "title": place(
            "Parade in downtown Toronto",
            "Optocht in het centrum van Toronto",
            "多伦多市中心游行",
            "מצעד במרכז טורונטו",
            de="Parade in der Innenstadt von Toronto",
            fr="Défilé dans le centre-ville de Toronto",
            es="Desfile en el centro de Toronto",
        ),
        "summary": place(
            "Hundreds walked together to call for an end to the persecution.",
            "Honderden mensen liepen samen om op te roepen tot een einde aan de vervolging.",
            "数百人一同游行，呼吁停止迫害。",
            "מאות צעדו יחד כדי לקרוא לשים קץ לרדיפה.",
            de="Hunderte gingen gemeinsam auf die Straße, um ein Ende der Verfolgung zu fordern.",
            fr="Des centaines de personnes ont défilé ensemble pour appeler à la fin de la "
            "persécution.",
            es="Cientos de personas marcharon juntas para pedir el fin de la persecución.",
        ),
    },
    {
        "kind": "vigil",
        "zone": "Australia/Sydney",
        "days": -30,
        "time": ("18:00", "20:00"),
        "city": place("Sydney", "Sydney", "悉尼", "סידני", de="Sydney", fr="Sydney", es="Sídney"),
        "country": AUSTRALIA,
        "title": place(
            "Vigil at the harbour",
            "Wake bij de haven",
            "港口烛光悼念",
            "משמרת בנמל",
            de="Mahnwache am Hafen",
            fr="Veillée sur le port",
            es="Vigilia en el puerto",
        ),
        "summary": place(
            "Candles for the families separated by the persecution.",
            "Kaarsen voor de gezinnen die door de vervolging uit elkaar zijn gerukt.",
            "为被迫害拆散的家庭点燃烛光。",
            "נרות למען המשפחות שהרדיפה הפרידה.",
            de="Kerzen für die Familien, die die Verfolgung auseinandergerissen hat.",
            fr="Des bougies pour les familles séparées par la persécution.",
            es="Velas por las familias separadas por la persecución.",
        ),
    },
    {
        "kind": "film_screening",
        "zone": "Europe/Brussels",
        "days": -12,
        "time": ("20:00", "22:00"),
        "film": "free-china",
        "city": place(
            "Brussels", "Brussel", "布鲁塞尔", "בריסל", de="Brüssel", fr="Bruxelles", es="Bruselas"
        ),
        "country": BELGIUM,
        "title": place(
            "Screening of Free China: The Courage to Believe",
            "Vertoning van Free China: The Courage to Believe",
            "放映《Free China: The Courage to Believe》",
            "הקרנת Free China: The Courage to Believe",
            de="Vorführung von Free China: The Courage to Believe",
            fr="Projection de Free China: The Courage to Believe",
            es="Proyección de Free China: The Courage to Believe",
        ),
        "summary": place(
            "The film was followed by a conversation with practitioners.",
            "Na de film volgde een gesprek met beoefenaars.",
            "放映后与学员进行了交流。",
            "לאחר הסרט התקיימה שיחה עם מתרגלים.",
            de="Auf den Film folgte ein Gespräch mit Praktizierenden.",
            fr="La projection a été suivie d’une discussion avec des pratiquants.",
            es="Tras la película hubo una conversación con practicantes.",
        ),
    },
]


# German spells out its umlauts and ß; slugify would drop what has no ASCII form (œ, æ) and glue
# an elided article to its word (French d’information), so those are spelt out or split first.
ASCII_LETTERS = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ß": "ss",
        "œ": "oe",
        "æ": "ae",
        "’": "-",
        "'": "-",
    }
)


def ascii_slug(text):
    """A lowercase, hyphenated ASCII slug of ``text`` (accents dropped, umlauts spelt out)."""
    return slugify(text.translate(ASCII_LETTERS))


def _slugs():
    """Register every event's and film's slug: translated where the title is written in the
    language's own script, English in Chinese and Hebrew."""
    for spec in EVENTS:
        english = slugify(str(spec["title"]))
        titles = spec["title"].translations
        spec["slug"] = t(
            english,
            **{code: ascii_slug(titles[code]) for code in ("nl", "de", "fr", "es")},
            zh_hans=english,
            he=english,
        )
    for spec in FILMS:
        spec["slug"] = same(spec["slug"], EVENT_LANGUAGES)


_slugs()
