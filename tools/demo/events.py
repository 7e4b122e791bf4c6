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
            zh_hans="一部关于曾为法轮功学员辩护的中国人权律师高智晟的纪录片。",
            he="סרט תיעודי על גאו ג׳ישנג, עורך הדין הסיני לזכויות אדם שהגן על מתרגלי פאלון גונג.",
        ),
    },
]

NL, CN, HE = "nl", "zh_hans", "he"


def place(en, nl, zh, he):
    return t(en, **{NL: nl, CN: zh, HE: he})


NETHERLANDS = place("Netherlands", "Nederland", "荷兰", "הולנד")
UNITED_STATES = place("United States", "Verenigde Staten", "美国", "ארצות הברית")
UNITED_KINGDOM = place("United Kingdom", "Verenigd Koninkrijk", "英国", "הממלכה המאוחדת")
GERMANY = place("Germany", "Duitsland", "德国", "גרמניה")
FRANCE = place("France", "Frankrijk", "法国", "צרפת")
SPAIN = place("Spain", "Spanje", "西班牙", "ספרד")
TAIWAN = place("Taiwan", "Taiwan", "台湾", "טייוואן")
ISRAEL = place("Israel", "Israël", "以色列", "ישראל")
CANADA = place("Canada", "Canada", "加拿大", "קנדה")
AUSTRALIA = place("Australia", "Australië", "澳大利亚", "אוסטרליה")
BELGIUM = place("Belgium", "België", "比利时", "בלגיה")

# days: from today; time/end as "HH:MM" in the event's zone; all_day events span "days".
EVENTS = [
    {
        "kind": "information_stand",
        "zone": "Europe/Amsterdam",
        "days": -2,
        "time": ("13:00", "17:00"),
        "repeat_weeks": 12,
        "city": place("Amsterdam", "Amsterdam", "阿姆斯特丹", "אמסטרדם"),
        "country": NETHERLANDS,
        "venue": place("Dam Square", "de Dam", "水坝广场", "כיכר הדאם"),
        "coordinates": ("52.373169", "4.892619"),
        "title": place(
            "Weekly information stand on Dam Square",
            "Wekelijkse informatiestand op de Dam",
            "水坝广场每周真相资料摊位",
            "דוכן הסברה שבועי בכיכר הדאם",
        ),
        "summary": place(
            "Every week volunteers explain the persecution to passers-by and collect signatures.",
            "Elke week vertellen vrijwilligers voorbijgangers over de vervolging en verzamelen "
            "ze handtekeningen.",
            "志愿者每周向路人讲述迫害真相并征集签名。",
            "מדי שבוע מתנדבים מסבירים לעוברים ושבים על הרדיפה ואוספים חתימות.",
        ),
    },
    {
        "kind": "parade",
        "zone": "America/New_York",
        "days": 10,
        "time": ("11:00", "14:00"),
        "city": place("New York", "New York", "纽约", "ניו יורק"),
        "country": UNITED_STATES,
        "title": place(
            "Parade through Manhattan",
            "Optocht door Manhattan",
            "曼哈顿大游行",
            "מצעד במנהטן",
        ),
        "summary": place(
            "Marching bands and banners call for an end to the persecution.",
            "Fanfares en spandoeken roepen op tot een einde aan de vervolging.",
            "腰鼓队和横幅呼吁停止迫害。",
            "תזמורות וכרזות קוראות לשים קץ לרדיפה.",
        ),
    },
    {
        "kind": "vigil",
        "zone": "Europe/London",
        "days": 5,
        "time": ("19:00", "21:00"),
        "city": place("London", "Londen", "伦敦", "לונדון"),
        "country": UNITED_KINGDOM,
        "title": place(
            "Candlelight vigil for those who died in the persecution",
            "Kaarsenwake voor wie in de vervolging is omgekomen",
            "悼念迫害中遇难者的烛光夜悼",
            "משמרת נרות לזכר מי שמתו ברדיפה",
        ),
        "summary": place(
            "A quiet evening to remember practitioners who lost their lives.",
            "Een stille avond om beoefenaars te gedenken die hun leven verloren.",
            "在宁静的夜晚悼念失去生命的学员。",
            "ערב שקט לזכר מתרגלים שאיבדו את חייהם.",
        ),
    },
    {
        "kind": "film_screening",
        "zone": "Europe/Berlin",
        "days": 14,
        "time": ("19:30", "21:30"),
        "film": "hard-to-believe",
        "city": place("Berlin", "Berlijn", "柏林", "ברלין"),
        "country": GERMANY,
        "title": place(
            "Screening of Hard to Believe",
            "Vertoning van Hard to Believe",
            "放映《Hard to Believe》",
            "הקרנת Hard to Believe",
        ),
        "summary": place(
            "The documentary about forced organ harvesting, followed by questions from the "
            "audience.",
            "De documentaire over gedwongen orgaanroof, gevolgd door vragen uit het publiek.",
            "放映这部关于强摘器官的纪录片，随后回答观众提问。",
            "הסרט התיעודי על קצירת איברים בכפייה, ולאחריו שאלות מהקהל.",
        ),
    },
    {
        "kind": "exhibition",
        "zone": "Europe/Paris",
        "days": 20,
        "all_day_days": 3,
        "city": place("Paris", "Parijs", "巴黎", "פריז"),
        "country": FRANCE,
        "title": place(
            "Art exhibition: Truthfulness, Compassion, Forbearance",
            "Kunsttentoonstelling: Waarachtigheid, Mededogen, Verdraagzaamheid",
            "“真善忍”美术作品展",
            "תערוכת אמנות: אמת, חמלה, סובלנות",
        ),
        "summary": place(
            "Paintings by practitioners about faith and persecution, open all day.",
            "Schilderijen van beoefenaars over geloof en vervolging, de hele dag geopend.",
            "学员创作的关于信仰与迫害的画作，全天开放。",
            "ציורים של מתרגלים על אמונה ורדיפה, פתוח כל היום.",
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
        ),
        "city": place("Madrid", "Madrid", "马德里", "מדריד"),
        "country": SPAIN,
        "title": place(
            "Petition drive in the city centre",
            "Handtekeningenactie in het centrum",
            "市中心征签活动",
            "מסע החתמה במרכז העיר",
        ),
        "summary": place(
            "Sign the petition asking the government to speak out against the persecution.",
            "Teken de petitie waarin de regering wordt gevraagd zich uit te spreken tegen de "
            "vervolging.",
            "签署请愿书，呼吁政府公开反对迫害。",
            "חתמו על העצומה הקוראת לממשלה לצאת נגד הרדיפה.",
        ),
    },
    {
        "kind": "talk",
        "zone": "Asia/Taipei",
        "days": 8,
        "time": ("19:00", "20:30"),
        "city": place("Taipei", "Taipei", "台北", "טאיפיי"),
        "country": TAIWAN,
        "title": place(
            "Talk: reaching people in China past the censors",
            "Lezing: mensen in China bereiken, langs de censuur",
            "讲座：突破审查，向中国民众讲真相",
            "הרצאה: להגיע לאנשים בסין מעבר לצנזורה",
        ),
        "summary": place(
            "How satellite television, phone calls and internet tools carry uncensored news.",
            "Hoe satelliettelevisie, telefoongesprekken en internetmiddelen ongecensureerd "
            "nieuws verspreiden.",
            "卫星电视、电话和网络工具如何传递未经审查的新闻。",
            "כיצד טלוויזיה בלוויין, שיחות טלפון וכלי אינטרנט מעבירים חדשות ללא צנזורה.",
        ),
    },
    {
        "kind": "information_stand",
        "zone": "Asia/Jerusalem",
        "days": 6,
        "time": ("10:00", "13:00"),
        "city": place("Tel Aviv", "Tel Aviv", "特拉维夫", "תל אביב"),
        "country": ISRAEL,
        "title": place(
            "Information stand on the promenade",
            "Informatiestand op de boulevard",
            "海滨步道真相资料摊位",
            "דוכן הסברה בטיילת",
        ),
        "summary": place(
            "Meet practitioners, learn the exercises and hear about the persecution.",
            "Ontmoet beoefenaars, leer de oefeningen en hoor over de vervolging.",
            "与学员见面，学习功法，了解迫害真相。",
            "פגשו מתרגלים, למדו את התרגילים ושמעו על הרדיפה.",
        ),
    },
    {
        "kind": "parade",
        "zone": "America/Toronto",
        "days": -20,
        "time": ("13:00", "16:00"),
        "city": place("Toronto", "Toronto", "多伦多", "טורונטו"),
        "country": CANADA,
        "title": place(
            "Parade in downtown Toronto",
            "Optocht in het centrum van Toronto",
            "多伦多市中心游行",
            "מצעד במרכז טורונטו",
        ),
        "summary": place(
            "Hundreds walked together to call for an end to the persecution.",
            "Honderden mensen liepen samen om op te roepen tot een einde aan de vervolging.",
            "数百人一同游行，呼吁停止迫害。",
            "מאות צעדו יחד כדי לקרוא לשים קץ לרדיפה.",
        ),
    },
    {
        "kind": "vigil",
        "zone": "Australia/Sydney",
        "days": -30,
        "time": ("18:00", "20:00"),
        "city": place("Sydney", "Sydney", "悉尼", "סידני"),
        "country": AUSTRALIA,
        "title": place(
            "Vigil at the harbour",
            "Wake bij de haven",
            "港口烛光悼念",
            "משמרת בנמל",
        ),
        "summary": place(
            "Candles for the families separated by the persecution.",
            "Kaarsen voor de gezinnen die door de vervolging uit elkaar zijn gerukt.",
            "为被迫害拆散的家庭点燃烛光。",
            "נרות למען המשפחות שהרדיפה הפרידה.",
        ),
    },
    {
        "kind": "film_screening",
        "zone": "Europe/Brussels",
        "days": -12,
        "time": ("20:00", "22:00"),
        "film": "free-china",
        "city": place("Brussels", "Brussel", "布鲁塞尔", "בריסל"),
        "country": BELGIUM,
        "title": place(
            "Screening of Free China: The Courage to Believe",
            "Vertoning van Free China: The Courage to Believe",
            "放映《Free China: The Courage to Believe》",
            "הקרנת Free China: The Courage to Believe",
        ),
        "summary": place(
            "The film was followed by a conversation with practitioners.",
            "Na de film volgde een gesprek met beoefenaars.",
            "放映后与学员进行了交流。",
            "לאחר הסרט התקיימה שיחה עם מתרגלים.",
        ),
    },
]


def _slugs():
    """Register every event's and film's slug: translated for Dutch, English elsewhere."""
    for spec in EVENTS:
        english = slugify(str(spec["title"]))
        spec["slug"] = t(
            english,
            nl=slugify(spec["title"].translations["nl"]),
            zh_hans=english,
            he=english,
        )
    for spec in FILMS:
        spec["slug"] = same(spec["slug"], EVENT_LANGUAGES)


_slugs()
