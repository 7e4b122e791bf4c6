"""Demo news: categories, the news index and twelve posts, with their translations.

Dates are hours before "now" when load_demo runs, so the demo never looks stale.
"""

from tools.demo.content import ACTIVISM_TITLE, FULL_LANGUAGES, HOME_LANGUAGES, t

NEWS_LANGUAGES = FULL_LANGUAGES  # posts
INDEX_LANGUAGES = HOME_LANGUAGES  # the news index and the categories

CATEGORIES = [
    {
        "slug": "persecution",
        "name": t(
            "Persecution",
            nl="Vervolging",
            de="Verfolgung",
            fr="Persécution",
            es="Persecución",
            zh_hans="迫害",
            zh_hant="迫害",
            he="רדיפה",
        ),
    },
    {"slug": "activism", "name": ACTIVISM_TITLE},
    {
        "slug": "health",
        "name": t(
            "Health and wellness",
            nl="Gezondheid en welzijn",
            de="Gesundheit und Wohlbefinden",
            fr="Santé et bien-être",
            es="Salud y bienestar",
            zh_hans="健康与养生",
            zh_hant="健康與養生",
            he="בריאות ורווחה",
        ),
    },
    {
        "slug": "inside-china",
        "name": t(
            "Inside China",
            nl="In China",
            de="In China",
            fr="En Chine",
            es="Dentro de China",
            zh_hans="中国国内",
            zh_hant="中國國內",
            he="בתוך סין",
        ),
    },
]

INDEX = {
    "title": t(
        "News",
        nl="Nieuws",
        de="Nachrichten",
        fr="Actualités",
        es="Noticias",
        zh_hans="新闻",
        zh_hant="新聞",
        he="חדשות",
    ),
    "slug": t(
        "news",
        nl="nieuws",
        de="nachrichten",
        fr="actualites",
        es="noticias",
        zh_hans="news",
        zh_hant="news",
        he="news",
    ),
    "intro": t(
        "Reports on the persecution of Falun Gong and on the people who answer it, newest first.",
        nl="Berichten over de vervolging van Falun Gong en over de mensen die erop reageren, "
        "het nieuwste eerst.",
        de="Berichte über die Verfolgung von Falun Gong und über die Menschen, die sich ihr "
        "entgegenstellen – die neuesten zuerst.",
        fr="Des reportages sur la persécution du Falun Gong et sur celles et ceux qui y "
        "répondent, du plus récent au plus ancien.",
        es="Informaciones sobre la persecución de Falun Gong y sobre las personas que le hacen "
        "frente, de la más reciente a la más antigua.",
        zh_hans="关于法轮功遭受迫害以及人们如何回应的报道，按时间由新到旧排列。",
        zh_hant="關於法輪功遭受迫害以及人們如何回應的報道，按時間由新到舊排列。",
        he="דיווחים על רדיפת הפאלון גונג ועל האנשים שעונים לה, מהחדש לישן.",
    ),
}

AUTHOR = t(
    "Editorial team",
    nl="Redactie",
    de="Redaktion",
    fr="La rédaction",
    es="Redacción",
    zh_hans="编辑部",
    he="המערכת",
)

POSTS = [
    {
        "hours_ago": 16,
        "categories": ["persecution"],
        "tags": ["sentencing", "Liaoning"],
        "title": t(
            "Man sentenced to eight more years after losing his wife to the persecution",
            nl="Man krijgt opnieuw acht jaar cel nadat hij zijn vrouw verloor door de vervolging",
            de="Mann erneut zu acht Jahren Haft verurteilt, nachdem er seine Frau durch die "
            "Verfolgung verloren hat",
            fr="Un homme condamné à huit ans de plus après avoir perdu sa femme à cause de la "
            "persécution",
            es="Condenado a ocho años más un hombre que perdió a su esposa por la persecución",
            zh_hans="妻子在迫害中离世后，男子再被判八年",
            he="אדם נידון לשמונה שנות מאסר נוספות לאחר שאיבד את אשתו ברדיפה",
        ),
        "slug": t(
            "man-sentenced-to-eight-more-years",
            nl="man-krijgt-opnieuw-acht-jaar",
            de="mann-erneut-zu-acht-jahren-verurteilt",
            fr="homme-condamne-a-huit-ans-de-plus",
            es="condenado-a-ocho-anos-mas",
            zh_hans="man-sentenced-to-eight-more-years",
            he="man-sentenced-to-eight-more-years",
        ),
        "summary": t(
            "A resident of Benxi City in Liaoning Province has been taken to Panjin Prison to "
            "serve another eight years for his belief in Falun Gong.",
            nl="Een inwoner van de stad Benxi in de provincie Liaoning is overgebracht naar de "
            "gevangenis van Panjin om opnieuw acht jaar uit te zitten vanwege zijn geloof in "
            "Falun Gong.",
            de="Ein Einwohner der Stadt Benxi in der Provinz Liaoning ist in das Gefängnis Panjin "
            "gebracht worden, wo er wegen seines Glaubens an Falun Gong weitere acht Jahre "
            "verbüßen soll.",
            fr="Un habitant de la ville de Benxi, dans la province du Liaoning, a été transféré à "
            "la prison de Panjin pour y purger une nouvelle peine de huit ans en raison de sa "
            "croyance dans le Falun Gong.",
            es="Un vecino de la ciudad de Benxi, en la provincia de Liaoning, ha sido trasladado "
            "a la prisión de Panjin para cumplir otros ocho años por su creencia en Falun "
            "Gong.",
            zh_hans="辽宁省本溪市一名居民因信仰法轮功再次被判刑八年，已被送往盘锦监狱。",
            he="תושב העיר בנשי שבמחוז ליאונינג הועבר לכלא פנג׳ין כדי לרצות שמונה שנות מאסר "
            "נוספות בשל אמונתו בפאלון גונג.",
        ),
        "paragraphs": [
            t(
                "It is not the first time he has been imprisoned for his faith. His wife died as "
                "a result of the persecution, and the new sentence takes him away from his family "
                "once more.",
                nl="Het is niet de eerste keer dat hij vanwege zijn geloof gevangen wordt gezet. "
                "Zijn vrouw overleed als gevolg van de vervolging, en de nieuwe straf scheidt hem "
                "opnieuw van zijn familie.",
                de="Es ist nicht das erste Mal, dass er wegen seines Glaubens inhaftiert wird. "
                "Seine Frau starb an den Folgen der Verfolgung, und die neue Strafe trennt ihn "
                "ein weiteres Mal von seiner Familie.",
                fr="Ce n’est pas la première fois qu’il est emprisonné pour sa foi. Sa femme est "
                "morte des suites de la persécution, et cette nouvelle peine l’éloigne une "
                "fois de plus de sa famille.",
                es="No es la primera vez que lo encarcelan por su fe. Su esposa murió a causa de "
                "la persecución, y la nueva condena lo separa una vez más de su familia.",
                zh_hans="这不是他第一次因信仰而入狱。他的妻子因迫害而离世，新的刑期再次让他与家人分离。",
                he="זו אינה הפעם הראשונה שהוא נכלא בשל אמונתו. אשתו מתה כתוצאה מהרדיפה, והעונש "
                "החדש מרחיק אותו שוב ממשפחתו.",
            )
        ],
    },
    {
        "hours_ago": 17,
        "categories": ["inside-china"],
        "tags": ["statistics"],
        "title": t(
            "Key figures on the persecution of Falun Gong",
            nl="Kerncijfers over de vervolging van Falun Gong",
            de="Zahlen und Fakten zur Verfolgung von Falun Gong",
            fr="Les chiffres clés de la persécution du Falun Gong",
            es="Datos clave sobre la persecución de Falun Gong",
            zh_hans="关于法轮功遭受迫害的关键数据",
            he="נתונים מרכזיים על רדיפת הפאלון גונג",
        ),
        "slug": t(
            "key-figures-on-the-persecution",
            nl="kerncijfers-over-de-vervolging",
            de="zahlen-zur-verfolgung",
            fr="chiffres-cles-de-la-persecution",
            es="datos-clave-sobre-la-persecucion",
            zh_hans="key-figures-on-the-persecution",
            he="key-figures-on-the-persecution",
        ),
        "summary": t(
            "From the ban of July 1999 to the millions who have left the Party: the numbers that "
            "show the scale of the persecution and of the response to it.",
            nl="Van het verbod van juli 1999 tot de miljoenen die de Partij hebben verlaten: de "
            "cijfers die de omvang van de vervolging en van de reactie daarop laten zien.",
            de="Vom Verbot im Juli 1999 bis zu den Millionen, die die Partei verlassen haben: die "
            "Zahlen, die das Ausmaß der Verfolgung und der Reaktion darauf zeigen.",
            fr="De l’interdiction de juillet 1999 aux millions de personnes qui ont quitté le "
            "Parti\u00a0: les chiffres qui montrent l’ampleur de la persécution et de la "
            "réponse qu’elle suscite.",
            es="De la prohibición de julio de 1999 a los millones de personas que han abandonado "
            "el Partido: las cifras que muestran la magnitud de la persecución y de la "
            "respuesta a ella.",
            zh_hans="从1999年7月的取缔到数以百万计的退党民众：这些数字展示了迫害的规模以及各界的回应。",
            he="מהאיסור ביולי 1999 ועד מיליוני האנשים שעזבו את המפלגה: המספרים הממחישים את "
            "היקף הרדיפה ואת היקף התגובה לה.",
        ),
        "paragraphs": [
            t(
                "Our key statistics page gathers the figures we can stand behind, and explains why "
                "numbers from inside China are so hard to verify.",
                nl="Onze pagina met kerncijfers verzamelt de cijfers waar we achter kunnen staan, "
                "en legt uit waarom cijfers uit China zelf zo moeilijk te controleren zijn.",
                de="Unsere Seite „Zahlen und Fakten“ versammelt die Zahlen, hinter denen wir "
                "stehen können, und erklärt, warum Zahlen aus China selbst so schwer zu "
                "überprüfen sind.",
                fr="Notre page de chiffres clés rassemble les chiffres dont nous sommes sûrs et "
                "explique pourquoi les données venues de Chine même sont si difficiles à "
                "vérifier.",
                es="Nuestra página de datos clave reúne las cifras que podemos respaldar y "
                "explica por qué es tan difícil verificar las cifras procedentes de la propia "
                "China.",
                zh_hans="我们的关键数据页面汇集了有把握的数字，并说明了为什么来自中国国内的数字难以核实。",
                he="עמוד הנתונים המרכזיים שלנו מרכז את המספרים שאנו יכולים לעמוד מאחוריהם, "
                "ומסביר מדוע כה קשה לאמת נתונים מתוך סין.",
            )
        ],
    },
    {
        "hours_ago": 17,
        "categories": ["health"],
        "tags": ["COVID-19"],
        "title": t(
            "Case report: a 73-year-old recovers from severe breathlessness",
            nl="Casus: een 73-jarige herstelt van ernstige kortademigheid",
            de="Fallbericht: Mit 73 Jahren von schwerer Atemnot genesen",
            fr="Témoignage\u00a0: à 73\u00a0ans, une personne se remet d’un grave essoufflement",
            es="Relato de un caso: una persona de 73 años se recupera de una grave falta de aire",
            zh_hans="案例：73岁患者从严重呼吸困难中康复",
            he="דיווח מקרה: בן 73 מחלים מקוצר נשימה חמור",
        ),
        "slug": t(
            "case-report-73-year-old-recovers",
            nl="casus-73-jarige-herstelt",
            de="fallbericht-mit-73-von-atemnot-genesen",
            fr="temoignage-a-73-ans-se-remet",
            es="relato-de-un-caso-73-anos-se-recupera",
            zh_hans="case-report-73-year-old-recovers",
            he="case-report-73-year-old-recovers",
        ),
        "summary": t(
            "A 73-year-old suspected COVID-19 patient with severe shortness of breath recovered "
            "fully; the family credits sincerely reciting nine words: “Falun Dafa is good, "
            "truthfulness-compassion-forbearance is good.”",
            nl="Een 73-jarige patiënt met vermoedelijk COVID-19 en ernstige kortademigheid "
            "herstelde volledig; de familie schrijft dat toe aan het oprecht opzeggen van negen "
            "woorden: ‘Falun Dafa is goed, waarachtigheid-mededogen-verdraagzaamheid is goed.’",
            de="Ein 73-jähriger Patient mit Verdacht auf COVID-19 und schwerer Atemnot ist "
            "vollständig genesen; die Familie führt dies auf das aufrichtige Aufsagen von neun "
            "Worten zurück: „Falun Dafa ist gut, Wahrhaftigkeit-Barmherzigkeit-Nachsicht ist "
            "gut.“",
            fr="Un patient de 73\u00a0ans, soupçonné d’avoir contracté la COVID-19 et souffrant "
            "d’un grave essoufflement, s’est entièrement rétabli\u00a0; sa famille l’attribue "
            "à la récitation sincère de neuf mots\u00a0: «\u00a0Falun Dafa est bon, "
            "Authenticité-Bienveillance-Tolérance est bon.\u00a0»",
            es="Un paciente de 73 años con sospecha de COVID-19 y una grave falta de aire se "
            "recuperó por completo; la familia lo atribuye a haber recitado con sinceridad "
            "nueve palabras: «Falun Dafa es bueno, Verdad-Benevolencia-Tolerancia es bueno».",
            zh_hans="一位疑似感染新冠、严重呼吸困难的73岁患者完全康复；家人认为这得益于诚心念诵九字真言："
            "“法轮大法好，真善忍好”。",
            he="חולה בן 73 שנחשד כחולה קורונה וסבל מקוצר נשימה חמור החלים לחלוטין; בני המשפחה "
            "מייחסים זאת לדקלום כן של תשע מילים: ״פאלון דאפא טוב, אמת-חמלה-סובלנות טובים״.",
        ),
        "paragraphs": [
            t(
                "We publish such accounts as the people concerned tell them. They are not medical "
                "advice: anyone who is ill should see a doctor.",
                nl="We publiceren zulke verhalen zoals de betrokkenen ze vertellen. Ze zijn geen "
                "medisch advies: wie ziek is, hoort naar een arts te gaan.",
                de="Wir veröffentlichen solche Berichte so, wie die Betroffenen sie erzählen. Sie "
                "sind keine medizinische Beratung: Wer krank ist, sollte einen Arzt aufsuchen.",
                fr="Nous publions ces récits tels que les personnes concernées les racontent. Ils "
                "ne constituent pas un avis médical\u00a0: toute personne malade doit "
                "consulter un médecin.",
                es="Publicamos estos relatos tal como los cuentan sus protagonistas. No son "
                "consejos médicos: quien esté enfermo debe acudir al médico.",
                zh_hans="我们按当事人的讲述刊登此类经历。这些内容不是医疗建议：身体不适者应当就医。",
                he="אנו מפרסמים סיפורים כאלה כפי שמספרים אותם המעורבים. אין בהם ייעוץ רפואי: מי "
                "שחולה צריך לפנות לרופא.",
            )
        ],
    },
    {
        "hours_ago": 24 * 7 + 3,
        "categories": ["activism"],
        "tags": ["World Falun Dafa Day"],
        "image": "hero",
        "title": t(
            "Looking back: 1,000 proclamations for World Falun Dafa Day",
            nl="Terugblik: 1.000 proclamaties voor World Falun Dafa Day",
            de="Rückblick: 1.000 Proklamationen zum Welt-Falun-Dafa-Tag",
            fr="Retour sur 1\u202f000 proclamations pour la Journée mondiale du Falun Dafa",
            es="En retrospectiva: 1000 proclamaciones por el Día Mundial de Falun Dafa",
            zh_hans="回顾：世界法轮大法日收到一千份褒奖",
            he="מבט לאחור: 1,000 הכרזות ליום הפאלון דאפא העולמי",
        ),
        "slug": t(
            "world-falun-dafa-day-proclamations",
            nl="world-falun-dafa-day-proclamaties",
            de="welt-falun-dafa-tag-proklamationen",
            fr="journee-mondiale-du-falun-dafa-proclamations",
            es="dia-mundial-de-falun-dafa-proclamaciones",
            zh_hans="world-falun-dafa-day-proclamations",
            he="world-falun-dafa-day-proclamations",
        ),
        "summary": t(
            "When Falun Dafa marked 30 years since it was first taught in public, on 13 May 2022, "
            "officials around the world issued about 1,000 proclamations.",
            nl="Toen Falun Dafa op 13 mei 2022 vierde dat het dertig jaar eerder voor het eerst in "
            "het openbaar was onderwezen, vaardigden bestuurders over de hele wereld zo’n 1.000 "
            "proclamaties uit.",
            de="Als Falun Dafa am 13. Mai 2022 den 30. Jahrestag seiner ersten öffentlichen Lehre "
            "beging, gaben Amtsträger in aller Welt rund 1.000 Proklamationen heraus.",
            fr="Lorsque le Falun Dafa a célébré, le 13\u00a0mai 2022, les 30\u00a0ans de son "
            "premier enseignement public, des responsables du monde entier ont publié environ "
            "1\u202f000 proclamations.",
            es="Cuando Falun Dafa cumplió 30 años desde que se enseñó por primera vez en público, "
            "el 13 de mayo de 2022, autoridades de todo el mundo emitieron unas 1000 "
            "proclamaciones.",
            zh_hans="2022年5月13日，法轮大法洪传30周年之际，世界各地官员发出了约一千份褒奖。",
            he="כשציין הפאלון דאפא 30 שנה מאז נלמד לראשונה בפומבי, ב־13 במאי 2022, פרסמו "
            "נבחרי ציבור ברחבי העולם כ־1,000 הכרזות.",
        ),
        "paragraphs": [
            t(
                "World Falun Dafa Day is celebrated every year on 13 May, the day the practice was "
                "first taught in public in 1992.",
                nl="World Falun Dafa Day wordt elk jaar gevierd op 13 mei, de dag waarop de "
                "beoefening in 1992 voor het eerst in het openbaar werd onderwezen.",
                de="Der Welt-Falun-Dafa-Tag wird jedes Jahr am 13. Mai gefeiert, dem Tag, an dem "
                "die Praxis 1992 zum ersten Mal öffentlich gelehrt wurde.",
                fr="La Journée mondiale du Falun Dafa est célébrée chaque année le 13\u00a0mai, "
                "jour où la pratique a été enseignée pour la première fois en public, en 1992.",
                es="El Día Mundial de Falun Dafa se celebra cada año el 13 de mayo, el día en que "
                "la práctica se enseñó por primera vez en público, en 1992.",
                zh_hans="每年的5月13日是世界法轮大法日，这一天是1992年法轮功首次公开传出的日子。",
                he="יום הפאלון דאפא העולמי נחגג מדי שנה ב־13 במאי, היום שבו התרגול נלמד לראשונה "
                "בפומבי ב־1992.",
            )
        ],
    },
    {
        "hours_ago": 24 * 8,
        "categories": ["persecution"],
        "tags": ["sentencing", "Fujian"],
        "title": t(
            "Fujian woman sentenced to nearly four years for sharing videos with friends",
            nl="Vrouw uit Fujian krijgt bijna vier jaar cel voor het delen van video’s met "
            "vrienden",
            de="Frau aus Fujian zu fast vier Jahren Haft verurteilt, weil sie Videos mit Freunden "
            "teilte",
            fr="Une habitante du Fujian condamnée à près de quatre ans de prison pour avoir "
            "partagé des vidéos avec des amis",
            es="Condenada a casi cuatro años una mujer de Fujian por compartir vídeos con amigos",
            zh_hans="福建女子因与朋友分享视频被判近四年",
            he="אישה מפוג׳יאן נידונה לכמעט ארבע שנות מאסר על שיתוף סרטונים עם חברים",
        ),
        "slug": t(
            "fujian-woman-sentenced-for-sharing-videos",
            nl="vrouw-uit-fujian-veroordeeld",
            de="frau-aus-fujian-verurteilt",
            fr="habitante-du-fujian-condamnee",
            es="condenada-una-mujer-de-fujian",
            zh_hans="fujian-woman-sentenced-for-sharing-videos",
            he="fujian-woman-sentenced-for-sharing-videos",
        ),
        "summary": t(
            "A resident of Yongtai County, Fujian Province, has been taken to the Fujian Province "
            "Women’s Prison after sharing videos with friends.",
            nl="Een inwoonster van het district Yongtai in de provincie Fujian is overgebracht "
            "naar de vrouwengevangenis van de provincie Fujian nadat ze video’s met vrienden had "
            "gedeeld.",
            de="Eine Einwohnerin des Kreises Yongtai in der Provinz Fujian ist in das "
            "Frauengefängnis der Provinz Fujian gebracht worden, nachdem sie Videos mit "
            "Freunden geteilt hatte.",
            fr="Une habitante du district de Yongtai, dans la province du Fujian, a été "
            "transférée à la prison pour femmes de la province du Fujian après avoir partagé "
            "des vidéos avec des amis.",
            es="Una vecina del condado de Yongtai, en la provincia de Fujian, ha sido trasladada "
            "a la prisión de mujeres de la provincia de Fujian tras compartir vídeos con "
            "amigos.",
            zh_hans="福建省永泰县一名居民因与朋友分享视频，已被送往福建省女子监狱。",
            he="תושבת מחוז יונגטאי שבמחוז פוג׳יאן הועברה לכלא הנשים של מחוז פוג׳יאן לאחר "
            "ששיתפה סרטונים עם חברים.",
        ),
        "paragraphs": [
            t(
                "Sharing information about Falun Gong, even privately among friends, is treated "
                "as a crime by the Chinese authorities.",
                nl="Het delen van informatie over Falun Gong, zelfs privé onder vrienden, wordt "
                "door de Chinese autoriteiten als een misdrijf behandeld.",
                de="Informationen über Falun Gong zu teilen, selbst privat unter Freunden, wird "
                "von den chinesischen Behörden als Straftat behandelt.",
                fr="Partager des informations sur le Falun Gong, même en privé entre amis, est "
                "traité comme un crime par les autorités chinoises.",
                es="Las autoridades chinas tratan como un delito compartir información sobre "
                "Falun Gong, incluso en privado entre amigos.",
                zh_hans="即使只是在朋友之间私下分享有关法轮功的信息，也会被中国当局当作犯罪处理。",
                he="הרשויות בסין מתייחסות לשיתוף מידע על פאלון גונג, גם בפרטיות בין חברים, כפשע.",
            )
        ],
    },
    {
        "hours_ago": 24 * 9,
        "categories": ["persecution"],
        "tags": ["families"],
        "title": t(
            "Remembering the fathers held for their faith",
            nl="Wij denken aan de vaders die om hun geloof worden vastgehouden",
            de="Wir denken an die Väter, die wegen ihres Glaubens festgehalten werden",
            fr="Penser aux pères détenus pour leur foi",
            es="Recordamos a los padres detenidos por su fe",
            zh_hans="铭记因信仰被关押的父亲们",
            he="זוכרים את האבות העצורים בשל אמונתם",
        ),
        "slug": t(
            "remembering-detained-fathers",
            nl="wij-denken-aan-vastgehouden-vaders",
            de="wir-denken-an-inhaftierte-vaeter",
            fr="penser-aux-peres-detenus",
            es="recordamos-a-los-padres-detenidos",
            zh_hans="remembering-detained-fathers",
            he="remembering-detained-fathers",
        ),
        "summary": t(
            "Many fathers in China are detained for practising Falun Gong, and their children "
            "grow up without them.",
            nl="Veel vaders in China worden vastgehouden omdat ze Falun Gong beoefenen, en hun "
            "kinderen groeien zonder hen op.",
            de="Viele Väter in China werden festgehalten, weil sie Falun Gong praktizieren, und "
            "ihre Kinder wachsen ohne sie auf.",
            fr="En Chine, de nombreux pères sont détenus parce qu’ils pratiquent le Falun Gong, "
            "et leurs enfants grandissent sans eux.",
            es="En China, muchos padres están detenidos por practicar Falun Gong, y sus hijos "
            "crecen sin ellos.",
            zh_hans="在中国，许多父亲因修炼法轮功而遭关押，他们的孩子在没有父亲陪伴的情况下长大。",
            he="אבות רבים בסין עצורים משום שהם מתרגלים פאלון גונג, וילדיהם גדלים בלעדיהם.",
        ),
        "paragraphs": [
            t(
                "Father’s Day is a time to think of the families the persecution has separated. "
                "Writing to your representatives and signing petitions are ways to help bring "
                "these fathers home.",
                nl="Vaderdag is een moment om te denken aan de gezinnen die door de vervolging "
                "uit elkaar zijn gerukt. Schrijven aan uw volksvertegenwoordigers en petities "
                "ondertekenen helpt om deze vaders thuis te krijgen.",
                de="Der Vatertag ist ein Anlass, an die Familien zu denken, die die Verfolgung "
                "auseinandergerissen hat. Briefe an Ihre Abgeordneten und Unterschriften unter "
                "Petitionen helfen, diese Väter nach Hause zu holen.",
                fr="La fête des Pères est l’occasion de penser aux familles que la persécution a "
                "séparées. Écrire à vos élus et signer des pétitions sont autant de moyens "
                "d’aider ces pères à rentrer chez eux.",
                es="El Día del Padre es un momento para pensar en las familias que la persecución "
                "ha separado. Escribir a sus representantes y firmar peticiones son formas de "
                "ayudar a que estos padres vuelvan a casa.",
                zh_hans="父亲节是思念那些被迫害拆散的家庭的日子。给民意代表写信、在请愿书上签名，"
                "都能帮助这些父亲早日回家。",
                he="יום האב הוא זמן לחשוב על המשפחות שהרדיפה הפרידה. כתיבה לנבחרי הציבור שלכם "
                "וחתימה על עצומות הן דרכים לעזור להחזיר את האבות האלה הביתה.",
            )
        ],
    },
    {
        "hours_ago": 24 * 14,
        "categories": ["activism"],
        "tags": ["organ harvesting"],
        "title": t(
            "Doctors speak out against forced organ harvesting",
            nl="Artsen verheffen hun stem tegen gedwongen orgaanroof",
            de="Ärzte erheben ihre Stimme gegen erzwungenen Organraub",
            fr="Des médecins s’élèvent contre le prélèvement forcé d’organes",
            es="Médicos alzan la voz contra la extracción forzada de órganos",
            zh_hans="医生们发声反对强摘器官",
            he="רופאים יוצאים נגד קצירת איברים בכפייה",
        ),
        "slug": t(
            "doctors-speak-out-against-organ-harvesting",
            nl="artsen-tegen-gedwongen-orgaanroof",
            de="aerzte-gegen-erzwungenen-organraub",
            fr="medecins-contre-le-prelevement-force-d-organes",
            es="medicos-contra-la-extraccion-forzada-de-organos",
            zh_hans="doctors-speak-out-against-organ-harvesting",
            he="doctors-speak-out-against-organ-harvesting",
        ),
        "summary": t(
            "Medical experts in many countries have protested against the harvesting of organs "
            "from Falun Gong practitioners in China.",
            nl="Medische deskundigen in veel landen hebben geprotesteerd tegen het oogsten van "
            "organen van Falun Gong-beoefenaars in China.",
            de="Medizinische Fachleute in vielen Ländern haben gegen die Entnahme von Organen bei "
            "Falun-Gong-Praktizierenden in China protestiert.",
            fr="Des experts médicaux de nombreux pays ont protesté contre le prélèvement "
            "d’organes sur des pratiquants de Falun Gong en Chine.",
            es="Expertos médicos de muchos países han protestado contra la extracción de órganos "
            "a practicantes de Falun Gong en China.",
            zh_hans="许多国家的医学专家对中国强摘法轮功学员器官的行为提出了抗议。",
            he="מומחים רפואיים במדינות רבות מחו נגד קצירת איברים ממתרגלי פאלון גונג בסין.",
        ),
        "paragraphs": [
            t(
                "Their voices join those of elected representatives and human rights "
                "organisations, among them Amnesty International and Human Rights Watch, who have "
                "spoken out against the persecution.",
                nl="Hun stemmen voegen zich bij die van volksvertegenwoordigers en "
                "mensenrechtenorganisaties, waaronder Amnesty International en Human Rights "
                "Watch, die zich tegen de vervolging hebben uitgesproken.",
                de="Ihre Stimmen schließen sich denen gewählter Volksvertreter und von "
                "Menschenrechtsorganisationen an, darunter Amnesty International und Human "
                "Rights Watch, die sich gegen die Verfolgung ausgesprochen haben.",
                fr="Leurs voix rejoignent celles d’élus et d’organisations de défense des droits "
                "humains, parmi lesquelles Amnesty International et Human Rights Watch, qui se "
                "sont élevés contre la persécution.",
                es="Sus voces se suman a las de representantes electos y organizaciones de "
                "derechos humanos, entre ellas Amnistía Internacional y Human Rights Watch, "
                "que se han pronunciado contra la persecución.",
                zh_hans="他们的声音与民选代表和人权组织的声音汇聚在一起，其中包括曾公开反对这场迫害的"
                "国际特赦组织和人权观察。",
                he="קולם מצטרף לקולם של נבחרי ציבור וארגוני זכויות אדם, ביניהם אמנסטי "
                "אינטרנשיונל ו־Human Rights Watch, שיצאו נגד הרדיפה.",
            )
        ],
    },
    {
        "hours_ago": 24 * 16,
        "categories": ["inside-china"],
        "tags": ["petitions"],
        "title": t(
            "Villagers petition for the release of their neighbours",
            nl="Dorpelingen vragen per petitie om de vrijlating van hun buren",
            de="Dorfbewohner fordern per Petition die Freilassung ihrer Nachbarn",
            fr="Des villageois signent une pétition pour la libération de leurs voisins",
            es="Aldeanos piden en una petición la liberación de sus vecinos",
            zh_hans="村民联名请愿，要求释放乡亲",
            he="כפריים חותמים על עצומה לשחרור שכניהם",
        ),
        "slug": t(
            "villagers-petition-for-release",
            nl="dorpelingen-vragen-om-vrijlating",
            de="dorfbewohner-fordern-freilassung",
            fr="villageois-petition-pour-la-liberation",
            es="aldeanos-piden-la-liberacion",
            zh_hans="villagers-petition-for-release",
            he="villagers-petition-for-release",
        ),
        "summary": t(
            "In China, people have signed petitions asking the authorities to free fellow "
            "villagers detained for practising Falun Gong.",
            nl="In China hebben mensen petities ondertekend waarin ze de autoriteiten vragen "
            "dorpsgenoten vrij te laten die vastzitten omdat ze Falun Gong beoefenen.",
            de="In China haben Menschen Petitionen unterschrieben, in denen sie die Behörden "
            "auffordern, Nachbarn aus ihrem Dorf freizulassen, die wegen des Praktizierens von "
            "Falun Gong festgehalten werden.",
            fr="En Chine, des habitants ont signé des pétitions demandant aux autorités de "
            "libérer des villageois détenus parce qu’ils pratiquent le Falun Gong.",
            es="En China, hay personas que han firmado peticiones para pedir a las autoridades "
            "que liberen a vecinos de su aldea detenidos por practicar Falun Gong.",
            zh_hans="在中国，民众联名请愿，要求当局释放因修炼法轮功而被关押的乡亲。",
            he="בסין חתמו אנשים על עצומות הקוראות לרשויות לשחרר בני כפר שנעצרו משום שהם "
            "מתרגלים פאלון גונג.",
        ),
        "paragraphs": [
            t(
                "Signing such a petition takes courage in a country where it can bring trouble "
                "with the police. Each one shows that the people who know practitioners best "
                "stand by them.",
                nl="Zo’n petitie ondertekenen vraagt moed in een land waar het je problemen met de "
                "politie kan opleveren. Elke petitie laat zien dat de mensen die beoefenaars het "
                "best kennen achter hen staan.",
                de="Eine solche Petition zu unterschreiben erfordert Mut in einem Land, in dem "
                "das Ärger mit der Polizei einbringen kann. Jede einzelne zeigt, dass die "
                "Menschen, die Praktizierende am besten kennen, zu ihnen stehen.",
                fr="Signer une telle pétition demande du courage dans un pays où cela peut valoir "
                "des ennuis avec la police. Chacune montre que ceux qui connaissent le mieux "
                "les pratiquants se tiennent à leurs côtés.",
                es="Firmar una petición así exige valentía en un país donde puede acarrear "
                "problemas con la policía. Cada una demuestra que quienes mejor conocen a los "
                "practicantes están de su lado.",
                zh_hans="在一个签名可能招致警察找麻烦的国家，签署这样的请愿书需要勇气。每一份请愿书都"
                "表明，最了解学员的人站在他们一边。",
                he="חתימה על עצומה כזו דורשת אומץ במדינה שבה היא עלולה להביא לצרות עם המשטרה. "
                "כל עצומה מראה שמי שמכירים את המתרגלים הכי טוב עומדים לצידם.",
            )
        ],
    },
    {
        # Not translated yet into Traditional Chinese (one click away: "Fill from 简体中文") and
        # Spanish.
        "waiting_for": ["es", "zh-hant"],
        "hours_ago": 24 * 21,
        "categories": ["activism"],
        "tags": ["information stands"],
        "image": "parade",
        "title": t(
            "Information stands bring the facts to city centres",
            nl="Informatiestands brengen de feiten naar het stadscentrum",
            de="Informationsstände bringen die Fakten in die Innenstädte",
            fr="Des stands d’information portent les faits au cœur des villes",
            es="Los puestos informativos llevan los hechos al centro de las ciudades",
            zh_hans="真相资料摊位把事实带到市中心",
            he="דוכני הסברה מביאים את העובדות למרכזי הערים",
        ),
        "slug": t(
            "information-stands-in-city-centres",
            nl="informatiestands-in-het-centrum",
            de="informationsstaende-in-innenstaedten",
            fr="stands-d-information-au-coeur-des-villes",
            es="puestos-informativos-en-el-centro-de-las-ciudades",
            zh_hans="information-stands-in-city-centres",
            he="information-stands-in-city-centres",
        ),
        "summary": t(
            "Around the world, volunteers set up information stands to tell passers-by about the "
            "persecution and to collect signatures.",
            nl="Over de hele wereld zetten vrijwilligers informatiestands op om voorbijgangers "
            "over de vervolging te vertellen en handtekeningen te verzamelen.",
            de="Auf der ganzen Welt stellen Freiwillige Informationsstände auf, um Passanten über "
            "die Verfolgung zu informieren und Unterschriften zu sammeln.",
            fr="Partout dans le monde, des bénévoles installent des stands d’information pour "
            "parler de la persécution aux passants et recueillir des signatures.",
            es="En todo el mundo, voluntarios instalan puestos informativos para informar a los "
            "transeúntes sobre la persecución y recoger firmas.",
            zh_hans="在世界各地，志愿者们设立真相资料摊位，向路人讲述迫害真相并征集签名。",
            he="ברחבי העולם מקימים מתנדבים דוכני הסברה כדי לספר לעוברים ושבים על הרדיפה "
            "ולאסוף חתימות.",
        ),
        "paragraphs": [
            t(
                "Many passers-by stop to ask questions, and some hear about the persecution for "
                "the first time.",
                nl="Veel voorbijgangers blijven staan om vragen te stellen, en sommigen horen voor "
                "het eerst over de vervolging.",
                de="Viele Passanten bleiben stehen, um Fragen zu stellen, und manche hören zum "
                "ersten Mal von der Verfolgung.",
                fr="Beaucoup de passants s’arrêtent pour poser des questions, et certains "
                "entendent parler de la persécution pour la première fois.",
                es="Muchos transeúntes se detienen a hacer preguntas, y algunos oyen hablar de la "
                "persecución por primera vez.",
                zh_hans="许多路人停下脚步提问，有些人是第一次听说这场迫害。",
                he="עוברים ושבים רבים עוצרים לשאול שאלות, וחלקם שומעים על הרדיפה בפעם הראשונה.",
            )
        ],
    },
    {
        "hours_ago": 24 * 24,
        "categories": ["inside-china"],
        "tags": ["lawyers", "Jiang Zemin"],
        "title": t(
            "Lawyers who defend Falun Gong practitioners in court",
            nl="Advocaten die Falun Gong-beoefenaars voor de rechter verdedigen",
            de="Anwälte, die Falun-Gong-Praktizierende vor Gericht verteidigen",
            fr="Ces avocats qui défendent des pratiquants de Falun Gong devant les tribunaux",
            es="Abogados que defienden a practicantes de Falun Gong ante los tribunales",
            zh_hans="在法庭上为法轮功学员辩护的律师",
            he="עורכי הדין המגנים על מתרגלי פאלון גונג בבית המשפט",
        ),
        "slug": t(
            "lawyers-defend-practitioners",
            nl="advocaten-verdedigen-beoefenaars",
            de="anwaelte-verteidigen-praktizierende",
            fr="des-avocats-defendent-des-pratiquants",
            es="abogados-defienden-a-practicantes",
            zh_hans="lawyers-defend-practitioners",
            he="lawyers-defend-practitioners",
        ),
        "summary": t(
            "Chinese lawyers have defended Falun Gong practitioners in court, arguing that "
            "practising one’s faith is no crime.",
            nl="Chinese advocaten hebben Falun Gong-beoefenaars voor de rechter verdedigd, met "
            "het argument dat het beoefenen van je geloof geen misdrijf is.",
            de="Chinesische Anwälte haben Falun-Gong-Praktizierende vor Gericht verteidigt und "
            "dabei argumentiert, dass es kein Verbrechen ist, seinen Glauben zu praktizieren.",
            fr="Des avocats chinois ont défendu des pratiquants de Falun Gong devant les "
            "tribunaux, en soutenant que pratiquer sa foi n’est pas un crime.",
            es="Abogados chinos han defendido a practicantes de Falun Gong ante los tribunales "
            "con el argumento de que practicar la propia fe no es ningún delito.",
            zh_hans="中国律师在法庭上为法轮功学员辩护，指出修炼信仰不是犯罪。",
            he="עורכי דין סינים הגנו על מתרגלי פאלון גונג בבתי המשפט וטענו שתרגול אמונה אינו פשע.",
        ),
        "paragraphs": [
            t(
                "They do so at considerable personal risk. Many citizens have also filed lawsuits "
                "against Jiang Zemin, the former Party leader who launched the persecution in "
                "1999.",
                nl="Ze doen dat met groot persoonlijk risico. Veel burgers hebben ook rechtszaken "
                "aangespannen tegen Jiang Zemin, de voormalige partijleider die in 1999 de "
                "vervolging begon.",
                de="Sie gehen damit ein erhebliches persönliches Risiko ein. Viele Bürger haben "
                "zudem Klage gegen Jiang Zemin erhoben, den früheren Parteichef, der die "
                "Verfolgung 1999 in Gang setzte.",
                fr="Ils le font au prix de risques personnels considérables. De nombreux citoyens "
                "ont aussi porté plainte contre Jiang Zemin, l’ancien dirigeant du Parti qui a "
                "lancé la persécution en 1999.",
                es="Lo hacen con un riesgo personal considerable. Muchos ciudadanos también han "
                "presentado demandas contra Jiang Zemin, el antiguo líder del Partido que "
                "desencadenó la persecución en 1999.",
                zh_hans="他们这样做要承担很大的个人风险。许多民众还起诉了1999年发动迫害的前中共领导人江泽民。",
                he="הם עושים זאת תוך סיכון אישי ניכר. אזרחים רבים גם הגישו תביעות נגד ג׳יאנג "
                "דזמין, מנהיג המפלגה לשעבר שפתח ברדיפה ב־1999.",
            )
        ],
    },
    {
        "hours_ago": 24 * 28,
        "categories": ["activism"],
        "tags": ["films"],
        "title": t(
            "Award-winning documentaries find new audiences",
            nl="Bekroonde documentaires vinden een nieuw publiek",
            de="Preisgekrönte Dokumentarfilme finden ein neues Publikum",
            fr="Des documentaires primés trouvent un nouveau public",
            es="Documentales premiados llegan a nuevos públicos",
            zh_hans="获奖纪录片赢得新观众",
            he="סרטים תיעודיים עטורי פרסים מגיעים לקהלים חדשים",
        ),
        "slug": t(
            "documentaries-find-new-audiences",
            nl="documentaires-vinden-nieuw-publiek",
            de="dokumentarfilme-finden-neues-publikum",
            fr="documentaires-primes-nouveau-public",
            es="documentales-llegan-a-nuevos-publicos",
            zh_hans="documentaries-find-new-audiences",
            he="documentaries-find-new-audiences",
        ),
        "summary": t(
            "Screenings of Hard to Believe, Free China: The Courage to Believe and Transcending "
            "Fear help audiences understand the persecution.",
            nl="Vertoningen van Hard to Believe, Free China: The Courage to Believe en "
            "Transcending Fear helpen het publiek de vervolging te begrijpen.",
            de="Vorführungen von Hard to Believe, Free China: The Courage to Believe und "
            "Transcending Fear helfen dem Publikum, die Verfolgung zu verstehen.",
            fr="Les projections de Hard to Believe, de Free China: The Courage to Believe et de "
            "Transcending Fear aident le public à comprendre la persécution.",
            es="Las proyecciones de Hard to Believe, Free China: The Courage to Believe y "
            "Transcending Fear ayudan al público a comprender la persecución.",
            zh_hans="Hard to Believe、Free China: The Courage to Believe和Transcending Fear的放映，"
            "帮助观众了解这场迫害。",
            he="הקרנות של Hard to Believe, Free China: The Courage to Believe ו־Transcending Fear "
            "עוזרות לצופים להבין את הרדיפה.",
        ),
        "paragraphs": [
            t(
                "After a screening, many viewers want to know what they can do. Practitioners are "
                "glad to answer their questions.",
                nl="Na een vertoning willen veel kijkers weten wat ze kunnen doen. Beoefenaars "
                "beantwoorden hun vragen graag.",
                de="Nach einer Vorführung möchten viele Zuschauer wissen, was sie tun können. "
                "Praktizierende beantworten ihre Fragen gern.",
                fr="Après une projection, beaucoup de spectateurs veulent savoir ce qu’ils "
                "peuvent faire. Les pratiquants répondent volontiers à leurs questions.",
                es="Después de una proyección, muchos espectadores quieren saber qué pueden "
                "hacer. Los practicantes responden con gusto a sus preguntas.",
                zh_hans="放映结束后，许多观众想知道自己能做些什么。学员们很乐意回答他们的问题。",
                he="אחרי הקרנה צופים רבים רוצים לדעת מה הם יכולים לעשות. המתרגלים שמחים לענות על "
                "שאלותיהם.",
            )
        ],
    },
    {
        "hours_ago": 24 * 35,
        "categories": ["inside-china"],
        "tags": ["censorship"],
        "title": t(
            "Breaking through China’s internet blockade",
            nl="Door de Chinese internetblokkade heen breken",
            de="Die Internetblockade Chinas durchbrechen",
            fr="Percer le blocus d’Internet en Chine",
            es="Romper el bloqueo de internet de China",
            zh_hans="突破中国的网络封锁",
            he="לפרוץ את חסימת האינטרנט של סין",
        ),
        "slug": t(
            "breaking-the-internet-blockade",
            nl="door-de-internetblokkade-heen",
            de="die-internetblockade-durchbrechen",
            fr="percer-le-blocus-d-internet",
            es="romper-el-bloqueo-de-internet",
            zh_hans="breaking-the-internet-blockade",
            he="breaking-the-internet-blockade",
        ),
        "summary": t(
            "Practitioners help people in China get around internet censorship and read "
            "uncensored news.",
            nl="Beoefenaars helpen mensen in China de internetcensuur te omzeilen en "
            "ongecensureerd nieuws te lezen.",
            de="Praktizierende helfen Menschen in China, die Internetzensur zu umgehen und "
            "unzensierte Nachrichten zu lesen.",
            fr="Des pratiquants aident des personnes en Chine à contourner la censure d’Internet "
            "et à lire des informations non censurées.",
            es="Los practicantes ayudan a personas en China a sortear la censura de internet y a "
            "leer noticias sin censura.",
            zh_hans="学员们帮助中国民众突破网络审查，阅读未经审查的新闻。",
            he="מתרגלים עוזרים לאנשים בסין לעקוף את הצנזורה ברשת ולקרוא חדשות שלא צונזרו.",
        ),
        "paragraphs": [
            t(
                "Together with independent media, satellite television and phone calls into "
                "China, these tools counter the regime’s propaganda and help reduce the "
                "persecution.",
                nl="Samen met onafhankelijke media, satelliettelevisie en telefoongesprekken met "
                "mensen in China gaan deze middelen de propaganda van het regime tegen en helpen "
                "ze de vervolging te verminderen.",
                de="Zusammen mit unabhängigen Medien, Satellitenfernsehen und Telefonanrufen nach "
                "China wirken diese Werkzeuge der Propaganda des Regimes entgegen und helfen, "
                "die Verfolgung einzudämmen.",
                fr="Avec les médias indépendants, la télévision par satellite et les appels "
                "téléphoniques vers la Chine, ces outils contrent la propagande du régime et "
                "contribuent à réduire la persécution.",
                es="Junto con los medios independientes, la televisión por satélite y las "
                "llamadas telefónicas a China, estas herramientas contrarrestan la propaganda "
                "del régimen y ayudan a reducir la persecución.",
                zh_hans="这些工具与独立媒体、卫星电视和打进中国的电话一起，抵制中共政权的宣传，帮助减少迫害。",
                he="יחד עם תקשורת עצמאית, טלוויזיה בלוויין ושיחות טלפון לסין, הכלים האלה "
                "מתמודדים עם התעמולה של המשטר ועוזרים לצמצם את הרדיפה.",
            )
        ],
    },
]
