# ruff: noqa: E501
"""Original, fictional demo content for `make demo`.

Pure data: the loader in articles turns it into Wagtail pages. Every outlet, person, town and
company here is invented, and every URL lives on a reserved example domain, so the demo site can
be shown publicly without reproducing anyone's journalism. Texts exist in English and Russian with
the same block structure, because the loader creates the Russian pages as translations of the
English ones and pairs blocks by position.
"""

OUTLETS = [
    {
        "key": "nordlicht",
        "name": {"en": "Nordlicht Zeitung", "ru": "Нордлихт Цайтунг"},
        "homepage": "https://nordlicht-zeitung.example.org/",
        "language": "de",
        "rights_holder": {"en": "Nordlicht Medien GmbH", "ru": "Nordlicht Medien GmbH"},
    },
    {
        "key": "courrier",
        "name": {"en": "Le Courrier du Littoral", "ru": "Курье дю Литораль"},
        "homepage": "https://courrier-littoral.example.com/",
        "language": "fr",
        "rights_holder": {"en": "Éditions du Littoral SA", "ru": "Éditions du Littoral SA"},
    },
    {
        "key": "faro",
        "name": {"en": "El Faro del Sur", "ru": "Эль Фаро дель Сур"},
        "homepage": "https://faro-del-sur.example.net/",
        "language": "es",
        "rights_holder": {"en": "Grupo Editorial Faro S.L.", "ru": "Grupo Editorial Faro S.L."},
    },
    {
        "key": "gazzetta",
        "name": {"en": "La Gazzetta dei Colli", "ru": "Гадзетта дей Колли"},
        "homepage": "https://gazzetta-colli.example.org/",
        "language": "it",
        "rights_holder": {"en": "Edizioni Colline S.r.l.", "ru": "Edizioni Colline S.r.l."},
    },
    {
        "key": "kurier",
        "name": {"en": "Kurier Nadwiślański", "ru": "Курьер Надвисляньски"},
        "homepage": "https://kurier-nadwislanski.example.com/",
        "language": "pl",
        "rights_holder": {
            "en": "Wydawnictwo Nadwiślańskie sp. z o.o.",
            "ru": "Wydawnictwo Nadwiślańskie sp. z o.o.",
        },
    },
]

AUTHORS = [
    {
        "key": "anna-volkova",
        "name": {"en": "Anna Volkova", "ru": "Анна Волкова"},
        "bio": {
            "en": "Anna Volkova follows the German- and Polish-language press, with a soft spot for ports, railways and anything that floats.",
            "ru": "Анна Волкова читает немецкую и польскую прессу и особенно любит темы портов, железных дорог и всего, что держится на воде.",
        },
    },
    {
        "key": "mark-ellison",
        "name": {"en": "Mark Ellison", "ru": "Марк Эллисон"},
        "bio": {
            "en": "Mark Ellison covers money: central banks, energy bills and the small businesses caught between them. He reads French and Italian.",
            "ru": "Марк Эллисон пишет о деньгах — о банках, счетах за энергию и малом бизнесе, который оказывается между ними. Читает по-французски и по-итальянски.",
        },
    },
    {
        "key": "daria-sokolova",
        "name": {"en": "Daria Sokolova", "ru": "Дарья Соколова"},
        "bio": {
            "en": "Daria Sokolova writes about local politics abroad — town halls, regional parliaments and the people who vote for them. She works from Spanish and French sources.",
            "ru": "Дарья Соколова пишет о местной политике за рубежом — мэриях, региональных парламентах и людях, которые за них голосуют. Работает с испано- и франкоязычными источниками.",
        },
    },
    {
        "key": "tomas-berg",
        "name": {"en": "Tomas Berg", "ru": "Томас Берг"},
        "bio": {
            "en": "Tomas Berg is the newsroom's climate and agriculture editor. Before joining he spent a decade reporting from fishing towns and farming valleys.",
            "ru": "Томас Берг — редактор отдела климата и сельского хозяйства. До прихода в редакцию он десять лет писал репортажи из рыбацких городков и фермерских долин.",
        },
    },
]

AGENCIES = ["Meridian Pictures", "Harbourline Images", "Atlas Field Photo"]

SECTIONS = [
    {
        "key": "world",
        "title": {"en": "World", "ru": "Мир"},
        "intro": {
            "en": "What the foreign press is reporting from ports, valleys and coastlines — read, checked and retold by our newsroom with a link to every original.",
            "ru": "О чём пишет зарубежная пресса — из портов, долин и с побережий. Мы читаем, проверяем и пересказываем, всегда со ссылкой на оригинал.",
        },
    },
    {
        "key": "politics",
        "title": {"en": "Politics", "ru": "Политика"},
        "intro": {
            "en": "Elections, councils and coalitions as local newspapers abroad see them, in our own words and with full attribution.",
            "ru": "Выборы, советы и коалиции глазами местных газет за рубежом — своими словами и с полным указанием источников.",
        },
    },
    {
        "key": "economy",
        "title": {"en": "Economy", "ru": "Экономика"},
        "intro": {
            "en": "Interest rates, energy prices, start-ups and supply chains: the business stories foreign outlets are following, explained.",
            "ru": "Ставки, цены на энергию, стартапы и цепочки поставок: экономические сюжеты, за которыми следят зарубежные издания, — с объяснениями.",
        },
    },
]

ARTICLES = [
    # --- World -----------------------------------------------------------------------------
    {
        "slug": "baltic-ferry-strike-ends",
        "slug_ru": "zabastovka-paromshchikov-zavershilas",
        "section": "world",
        "authors": ["anna-volkova"],
        "hours_ago": 5,
        "tags": {"en": ["Transport", "Labour"], "ru": ["Транспорт", "Труд"]},
        "image": {
            "colors": ["#1d3557", "#457b9d"],
            "motif": "waves",
            "caption": {
                "en": "A ferry leaves the harbour at Kaltenhafen on the first morning after the strike.",
                "ru": "Паром выходит из гавани Кальтенхафена в первое утро после забастовки.",
            },
            "photographer": "Lena Hartmann",
            "agency": "Meridian Pictures",
            "via": "nordlicht",
        },
        "sources": [
            {
                "outlet": "nordlicht",
                "url": "https://nordlicht-zeitung.example.org/2026/kaltenhafen-faehrstreik-beendet",
                "title": "Fährstreik in Kaltenhafen beendet: Einigung nach neun Tagen",
                "language": "de",
                "hours_ago": 11,
            }
        ],
        "en": {
            "title": "Nine-day ferry strike ends in Kaltenhafen",
            "dek": "Crews and the island ferry operator agreed on shorter rotations and a pay rise, Nordlicht Zeitung reports. The first crossings to Möwenholm resumed at dawn.",
            "body": [
                [
                    "paragraph",
                    "Ferries between the northern port of Kaltenhafen and the island of Möwenholm are running again after a nine-day strike, according to Nordlicht Zeitung. The paper reports that the crews' union and the municipal ferry company signed an agreement late on Sunday evening, after a final round of talks that lasted more than fourteen hours.",
                ],
                ["subheading", "What the crews won"],
                [
                    "paragraph",
                    "The deal, as described by Nordlicht Zeitung, raises wages by 6.5 per cent over two years and limits a single rotation on board to seven days, down from ten. The company also promised to hire eleven additional deckhands before the summer season, when the route carries several times as many passengers as in winter.",
                ],
                [
                    "paragraph",
                    "The union had argued that long rotations left crews exhausted during the stormy months. The ferry company initially said it could not afford extra staff without raising ticket prices, but according to the paper the district council agreed to cover part of the cost from its transport budget.",
                ],
                [
                    "quote",
                    {
                        "text": "Nobody on the island wanted the boats to stop, but most of us understood why they did.",
                        "attribution": "A Möwenholm shopkeeper, quoted by Nordlicht Zeitung",
                    },
                ],
                ["subheading", "An island cut off"],
                [
                    "paragraph",
                    "During the strike, only an emergency boat for medical transport and a single supply run every other day kept Möwenholm connected to the mainland. The paper describes shelves emptying in the island's two grocery shops and schoolchildren taking lessons online because teachers who live in Kaltenhafen could not get across.",
                ],
                [
                    "paragraph",
                    "Nordlicht Zeitung notes that the agreement still has to be approved by a vote of union members next week, although both sides said they expect it to pass. Timetables are back to normal from today.",
                ],
            ],
        },
        "ru": {
            "title": "В Кальтенхафене завершилась девятидневная забастовка паромщиков",
            "dek": "Экипажи и оператор островных паромов договорились о более коротких вахтах и повышении зарплат, пишет «Нордлихт Цайтунг». Первые рейсы на Мёвенхольм ушли на рассвете.",
            "body": [
                [
                    "paragraph",
                    "Паромы между северным портом Кальтенхафен и островом Мёвенхольм снова ходят после девяти дней забастовки, сообщает газета «Нордлихт Цайтунг». По её данным, профсоюз экипажей и муниципальная паромная компания подписали соглашение поздно вечером в воскресенье — после заключительного раунда переговоров, длившегося больше четырнадцати часов.",
                ],
                ["subheading", "Чего добились экипажи"],
                [
                    "paragraph",
                    "Как описывает договорённость «Нордлихт Цайтунг», зарплаты вырастут на 6,5 % за два года, а одна вахта на борту будет длиться не больше семи дней вместо десяти. Компания также обещала до начала летнего сезона нанять ещё одиннадцать матросов: летом паромы перевозят в несколько раз больше пассажиров, чем зимой.",
                ],
                [
                    "paragraph",
                    "Профсоюз настаивал, что из-за длинных вахт экипажи в штормовые месяцы работают на пределе сил. Поначалу компания заявляла, что не может нанять людей без повышения цен на билеты, но, как пишет газета, районный совет согласился покрыть часть расходов из транспортного бюджета.",
                ],
                [
                    "quote",
                    {
                        "text": "Никто на острове не хотел, чтобы паромы встали, но большинство из нас понимали, почему так вышло.",
                        "attribution": "Владелица магазина на Мёвенхольме — в интервью газете «Нордлихт Цайтунг»",
                    },
                ],
                ["subheading", "Остров без связи"],
                [
                    "paragraph",
                    "Во время забастовки Мёвенхольм связывали с большой землёй лишь катер для срочной медицинской помощи и один грузовой рейс через день. Газета описывает пустеющие полки в двух продуктовых магазинах острова и школьников, перешедших на дистанционные уроки: учителя, живущие в Кальтенхафене, не могли переправиться.",
                ],
                [
                    "paragraph",
                    "«Нордлихт Цайтунг» отмечает, что на следующей неделе соглашение ещё должны одобрить члены профсоюза, хотя обе стороны ожидают положительного результата. С сегодняшнего дня паромы ходят по обычному расписанию.",
                ],
            ],
        },
    },
    {
        "slug": "heatwave-threatens-olive-harvest",
        "slug_ru": "zhara-ugrozhaet-urozhayu-olivok",
        "section": "world",
        "authors": ["tomas-berg"],
        "hours_ago": 30,
        "tags": {
            "en": ["Climate", "Agriculture", "Heatwave"],
            "ru": ["Климат", "Сельское хозяйство", "Жара"],
        },
        "image": {
            "colors": ["#e76f51", "#f4a261"],
            "motif": "circles",
            "caption": {
                "en": "Olive groves on the terraces above Montecastro in the late afternoon heat.",
                "ru": "Оливковые рощи на террасах над Монтекастро в послеполуденный зной.",
            },
            "photographer": "Giulia Ferraro",
            "agency": "Atlas Field Photo",
            "via": "gazzetta",
        },
        "sources": [
            {
                "outlet": "gazzetta",
                "url": "https://gazzetta-colli.example.org/cronaca/2026/caldo-ulivi-val-di-sorra",
                "title": "Val di Sorra, il caldo brucia i fiori degli ulivi: raccolto a rischio",
                "language": "it",
                "hours_ago": 41,
            },
            {
                "outlet": "faro",
                "url": "https://faro-del-sur.example.net/campo/ola-de-calor-olivares-alcorna",
                "title": "La ola de calor adelanta la sequía en los olivares de la Sierra de Alcorna",
                "language": "es",
                "hours_ago": 48,
            },
        ],
        "en": {
            "title": "A June heatwave puts two olive harvests at risk",
            "dek": "Growers in an Italian valley and a Spanish hill range describe the same problem to their local papers: blossoms scorched before the fruit could set.",
            "body": [
                [
                    "paragraph",
                    "For the second time in three years, an early heatwave has reached the olive groves of the Val di Sorra just as the trees were in flower. La Gazzetta dei Colli reports that daytime temperatures in the valley stayed above 38 degrees for six consecutive days last week, and that growers around the town of Montecastro are already talking about losing up to half of this autumn's crop.",
                ],
                [
                    "paragraph",
                    "More than a thousand kilometres to the west, El Faro del Sur describes an almost identical scene in the Sierra de Alcorna, where small family farms supply a cluster of cooperative mills. Read side by side, the two papers give an unusually clear picture of how a single weather pattern can hit very different farming communities in the same week.",
                ],
                ["subheading", "Why the timing matters"],
                [
                    "paragraph",
                    "Olive trees are hardy, and a mature grove survives heat that would kill most orchard crops. The vulnerable moment is flowering. According to an agronomist interviewed by La Gazzetta dei Colli, when the air is very hot and dry during the few days in which the flowers are open, pollen loses its viability and the blossoms dry out before fruit can set. The tree itself looks healthy; it simply produces far fewer olives.",
                ],
                [
                    "paragraph",
                    "That is exactly what growers in Montecastro say they are seeing. The paper quotes several of them describing branches covered in brown, brittle flowers that fall at the slightest touch. One cooperative estimates that fruit set in its members' groves is between 40 and 60 per cent below a normal year, although it stresses that a proper count will only be possible in July.",
                ],
                [
                    "quote",
                    {
                        "text": "The trees are green, the ground is ploughed, everything looks fine from the road. Then you walk under the branches and there is nothing there.",
                        "attribution": "A grower in Montecastro, speaking to La Gazzetta dei Colli",
                    },
                ],
                ["subheading", "The Spanish side: heat on top of drought"],
                [
                    "paragraph",
                    "In the Sierra de Alcorna the heat arrived on soil that had barely recovered from a dry winter. El Faro del Sur reports that reservoirs serving the area were at roughly a third of their capacity at the start of June, and that irrigation quotas for olive farmers had already been cut. Many of the oldest groves there are not irrigated at all and depend entirely on rain.",
                ],
                [
                    "paragraph",
                    "The paper spoke to the manager of a cooperative mill that processes olives from about 600 member farms. He told El Faro del Sur that the mill had planned for a modest harvest even before the heatwave and is now preparing for one of the smallest in its history. Members are asking whether the cooperative can advance part of next season's payments to help them through the winter.",
                ],
                [
                    "paragraph",
                    "Both papers note a detail that farmers in each region raised independently: nights. In past heatwaves, temperatures dropped sharply after sunset, giving trees a few hours of relief. This time, according to readings cited by both outlets, night-time minimums stayed above 25 degrees on several days, which growers say they had rarely experienced so early in the summer.",
                ],
                ["subheading", "What growers are trying"],
                [
                    "paragraph",
                    "La Gazzetta dei Colli describes a handful of farms in the Val di Sorra experimenting with kaolin clay sprays, which coat leaves and flowers in a thin white film that reflects sunlight. Results so far are mixed, and the treatment costs money that small growers do not always have. Others are considering shade netting for younger trees, or replanting with varieties that flower slightly later in the spring.",
                ],
                [
                    "paragraph",
                    "In the Sierra de Alcorna, El Faro del Sur reports, the regional agriculture office has opened a register for farmers to declare heat damage, a first step towards any compensation. Cooperative leaders told the paper they would prefer long-term help with water storage and drip irrigation to one-off payments, arguing that the region needs to adapt rather than recover from each bad year in turn.",
                ],
                [
                    "quote",
                    {
                        "text": "Compensation pays for one winter. A reservoir pays for thirty years.",
                        "attribution": "A cooperative chairman in the Sierra de Alcorna, quoted by El Faro del Sur",
                    },
                ],
                ["subheading", "Prices and the autumn"],
                [
                    "paragraph",
                    "Neither paper ventures a firm forecast for olive oil prices, and both point out that much depends on weather in the coming weeks and on harvests elsewhere. But growers in both regions told reporters that buyers had already begun calling to ask about volumes, a sign that the trade is watching closely.",
                ],
                [
                    "paragraph",
                    "For now, the practical concern is more immediate. Farmers in Montecastro and in the Sierra de Alcorna will spend July counting fruit on their trees, and the numbers they find will decide whether this year is remembered as a difficult season or as a lost one.",
                ],
            ],
        },
        "ru": {
            "title": "Июньская жара поставила под угрозу два урожая оливок",
            "dek": "Фермеры итальянской долины и испанского нагорья рассказывают местным газетам об одной и той же беде: цветы сгорели раньше, чем успели завязаться плоды.",
            "body": [
                [
                    "paragraph",
                    "Уже второй раз за три года ранняя жара пришла в оливковые рощи Валь-ди-Сорры как раз во время цветения. Газета «Гадзетта дей Колли» пишет, что на прошлой неделе дневная температура в долине шесть дней подряд держалась выше 38 градусов и что фермеры в окрестностях городка Монтекастро уже говорят о потере до половины осеннего урожая.",
                ],
                [
                    "paragraph",
                    "В тысяче с лишним километров к западу газета «Эль Фаро дель Сур» описывает почти такую же картину в Сьерра-де-Алькорне, где небольшие семейные хозяйства сдают урожай на несколько кооперативных маслобоен. Если читать обе газеты параллельно, становится необычайно хорошо видно, как одна и та же погода в одну и ту же неделю бьёт по совсем разным сельским общинам.",
                ],
                ["subheading", "Почему всё решает время"],
                [
                    "paragraph",
                    "Олива — дерево выносливое: взрослая роща переживёт жару, которая погубила бы большинство плодовых культур. Уязвимый момент — цветение. Как объяснил газете «Гадзетта дей Колли» агроном, если в те несколько дней, когда цветы раскрыты, стоит сухой зной, пыльца теряет жизнеспособность, а соцветия засыхают до того, как завяжется плод. Само дерево выглядит здоровым — просто олив на нём становится гораздо меньше.",
                ],
                [
                    "paragraph",
                    "Именно это, по словам фермеров из Монтекастро, они сейчас и видят. Газета приводит рассказы о ветках, покрытых бурыми ломкими цветками, которые осыпаются от малейшего прикосновения. Один из кооперативов оценивает завязь в рощах своих членов на 40–60 % ниже обычного, хотя подчёркивает, что точно подсчитать её можно будет только в июле.",
                ],
                [
                    "quote",
                    {
                        "text": "Деревья зелёные, земля вспахана, с дороги всё выглядит прекрасно. А потом заходишь под ветки — и там пусто.",
                        "attribution": "Фермер из Монтекастро в разговоре с газетой «Гадзетта дей Колли»",
                    },
                ],
                ["subheading", "Испания: жара поверх засухи"],
                [
                    "paragraph",
                    "В Сьерра-де-Алькорне зной пришёл на почву, которая едва оправилась после сухой зимы. По данным газеты «Эль Фаро дель Сур», в начале июня водохранилища региона были заполнены примерно на треть, а квоты на полив для оливководов уже урезали. Многие старые рощи там и вовсе не орошаются и целиком зависят от дождей.",
                ],
                [
                    "paragraph",
                    "Газета поговорила с управляющим кооперативной маслобойни, которая перерабатывает оливки примерно с 600 хозяйств. Он рассказал газете «Эль Фаро дель Сур», что скромный урожай закладывали ещё до жары, а теперь готовятся к одному из самых маленьких за всю историю предприятия. Члены кооператива спрашивают, нельзя ли получить часть выплат за следующий сезон авансом, чтобы пережить зиму.",
                ],
                [
                    "paragraph",
                    "Обе газеты обращают внимание на деталь, о которой фермеры в двух регионах заговорили независимо друг от друга, — на ночи. Во время прежних волн жары после заката заметно холодало, и деревья получали несколько часов передышки. На этот раз, судя по данным, которые приводят оба издания, несколько ночей подряд температура не опускалась ниже 25 градусов — так рано летом такого, по словам фермеров, почти не бывало.",
                ],
                ["subheading", "Что пробуют фермеры"],
                [
                    "paragraph",
                    "«Гадзетта дей Колли» рассказывает о нескольких хозяйствах Валь-ди-Сорры, которые экспериментируют с опрыскиванием каолиновой глиной: она покрывает листья и цветы тонкой белой плёнкой, отражающей солнце. Результаты пока неоднозначные, а обработка стоит денег, которых у мелких фермеров часто нет. Другие подумывают о затеняющей сетке для молодых деревьев или о переходе на сорта, которые зацветают чуть позже.",
                ],
                [
                    "paragraph",
                    "В Сьерра-де-Алькорне, как пишет «Эль Фаро дель Сур», региональное управление сельского хозяйства открыло реестр, куда фермеры могут заявить об ущербе от жары, — это первый шаг к возможной компенсации. Руководители кооперативов сказали газете, что предпочли бы долгосрочную помощь с хранением воды и капельным орошением, а не разовые выплаты: региону, по их словам, нужно приспосабливаться, а не каждый раз заново восстанавливаться после плохого года.",
                ],
                [
                    "quote",
                    {
                        "text": "Компенсации хватит на одну зиму. Водохранилища — на тридцать лет.",
                        "attribution": "Председатель кооператива в Сьерра-де-Алькорне — «Эль Фаро дель Сур»",
                    },
                ],
                ["subheading", "Цены и осень"],
                [
                    "paragraph",
                    "Ни одна из газет не берётся уверенно прогнозировать цены на оливковое масло: обе напоминают, что многое зависит от погоды в ближайшие недели и от урожая в других странах. Но фермеры в обоих регионах рассказали журналистам, что закупщики уже начали звонить и спрашивать об объёмах, — верный знак того, что рынок внимательно следит за ситуацией.",
                ],
                [
                    "paragraph",
                    "Пока же заботы куда более насущные. В июле фермеры Монтекастро и Сьерра-де-Алькорны будут пересчитывать плоды на деревьях, и от этих цифр зависит, запомнится ли нынешний год просто трудным сезоном или потерянным.",
                ],
            ],
        },
    },
    {
        "slug": "anchovy-fleets-share-gulf-quota",
        "slug_ru": "flotilii-delyat-kvotu-na-anchousa",
        "section": "world",
        "authors": ["tomas-berg", "daria-sokolova"],
        "hours_ago": 52,
        "tags": {"en": ["Fisheries", "Cross-border"], "ru": ["Рыболовство", "Приграничье"]},
        "image": {
            "colors": ["#0b3954", "#bfd7ea"],
            "motif": "waves",
            "caption": {
                "en": "Purse seiners moored side by side in Puerto Salobre before the season opens.",
                "ru": "Сейнеры у причала Пуэрто-Салобре накануне открытия сезона.",
            },
            "photographer": "Marta Quintana",
            "agency": "Harbourline Images",
            "via": "faro",
        },
        "sources": [
            {
                "outlet": "faro",
                "url": "https://faro-del-sur.example.net/mar/acuerdo-anchoa-golfo-orenza",
                "title": "Acuerdo en el golfo de Orenza: la flota de Puerto Salobre comparte la anchoa",
                "language": "es",
                "hours_ago": 60,
            },
            {
                "outlet": "courrier",
                "url": "https://courrier-littoral.example.com/mer/anchois-accord-pecheurs",
                "title": "Anchois : les pêcheurs de Port-Lavande signent un accord avec leurs voisins",
                "language": "fr",
                "hours_ago": 66,
            },
        ],
        "en": {
            "title": "Rival anchovy fleets agree to share the Gulf of Orenza",
            "dek": "Fishers from a Spanish and a French port have signed their first joint plan for the spring season, El Faro del Sur and Le Courrier du Littoral report.",
            "body": [
                [
                    "paragraph",
                    "After years of disputes over nets, landing days and who was fishing too close to whom, the anchovy fleets of Puerto Salobre and Port-Lavande have signed a joint plan for the Gulf of Orenza. El Faro del Sur, the Spanish port's local paper, calls it a small revolution; Le Courrier du Littoral, across the border, is a little more cautious.",
                ],
                ["subheading", "What the plan says"],
                [
                    "paragraph",
                    "According to both papers, the two fishermen's associations have agreed to split the spring catch limit in proportion to the number of active boats in each port, to stop fishing on the same two days each week, and to share sonar readings of where the shoals are gathering. A joint committee of six skippers, three from each side, will meet every Monday during the season to adjust the plan.",
                ],
                [
                    "paragraph",
                    "El Faro del Sur reports that the idea came from younger skippers who had met at a training course on selective fishing gear. They argued that competing for the same shoals in the same week drove prices down at both auctions and left boats burning fuel for little return.",
                ],
                [
                    "paragraph",
                    "The paper describes how the first meetings were held on neutral ground, in a fishermen's bar halfway along the coast, with a retired harbour master acting as chair because neither side wanted the other to host. It took five meetings, and one walk-out, before the associations agreed even on how to count the number of active boats.",
                ],
                [
                    "quote",
                    {
                        "text": "We used to race each other to the same fish and then sell it for less. Now we will at least race slower.",
                        "attribution": "A skipper from Puerto Salobre, quoted by El Faro del Sur",
                    },
                ],
                ["subheading", "Doubts on the French side"],
                [
                    "paragraph",
                    "Le Courrier du Littoral notes that not every crew in Port-Lavande is convinced. Owners of the smallest boats told the paper they worry the proportional split will favour the larger Spanish fleet, and that shared sonar data could end up helping whichever side has faster vessels. The French association has agreed to review the arrangement after the first season.",
                ],
                [
                    "paragraph",
                    "Marine biologists quoted by Le Courrier du Littoral welcomed the common fishing-free days, which give shoals a regular respite during spawning, but cautioned that the plan will only show its value over several seasons. Anchovy stocks in the gulf fluctuate sharply from year to year, and a good or bad spring could easily be mistaken for the effect of the agreement.",
                ],
                [
                    "paragraph",
                    "Both outlets point out that the agreement is voluntary and sits within the limits already set by regulators; it does not raise the total catch. The season opens next week.",
                ],
            ],
        },
        "ru": {
            "title": "Соперничающие флотилии договорились поделить анчоуса в заливе Оренса",
            "dek": "Рыбаки испанского и французского портов впервые подписали общий план на весенний сезон, пишут «Эль Фаро дель Сур» и «Курье дю Литораль».",
            "body": [
                [
                    "paragraph",
                    "После многих лет споров о сетях, днях выгрузки и о том, кто ловит слишком близко к соседям, анчоусные флотилии Пуэрто-Салобре и Пор-Лаванда подписали общий план для залива Оренса. Местная испанская газета «Эль Фаро дель Сур» называет это маленькой революцией; «Курье дю Литораль» по другую сторону границы оценивает событие сдержаннее.",
                ],
                ["subheading", "Что предусматривает план"],
                [
                    "paragraph",
                    "По данным обеих газет, две рыбацкие ассоциации договорились делить весенний лимит вылова пропорционально числу работающих судов в каждом порту, не выходить в море в одни и те же два дня в неделю и обмениваться данными эхолотов о скоплениях косяков. Совместный комитет из шести шкиперов — по три с каждой стороны — будет собираться по понедельникам весь сезон и корректировать план.",
                ],
                [
                    "paragraph",
                    "Как пишет «Эль Фаро дель Сур», идея принадлежала молодым шкиперам, которые познакомились на курсах по селективным орудиям лова. Они доказывали, что погоня за одними и теми же косяками в одну и ту же неделю обрушивает цены на обоих аукционах, а суда впустую жгут топливо.",
                ],
                [
                    "paragraph",
                    "Газета рассказывает, что первые встречи проходили на нейтральной территории — в рыбацком баре на полпути между портами, а вёл их отставной начальник порта, потому что ни одна из сторон не хотела отдавать роль хозяина другой. Понадобилось пять встреч и один демонстративный уход из-за стола, прежде чем ассоциации договорились хотя бы о том, как считать работающие суда.",
                ],
                [
                    "quote",
                    {
                        "text": "Раньше мы наперегонки неслись к одной и той же рыбе, а потом продавали её дешевле. Теперь будем хотя бы нестись помедленнее.",
                        "attribution": "Шкипер из Пуэрто-Салобре — «Эль Фаро дель Сур»",
                    },
                ],
                ["subheading", "Сомнения на французской стороне"],
                [
                    "paragraph",
                    "«Курье дю Литораль» отмечает, что убедить удалось не все экипажи Пор-Лаванда. Владельцы самых маленьких лодок рассказали газете, что пропорциональный раздел, по их опасениям, окажется выгоден более крупной испанской флотилии, а общие данные эхолотов помогут тем, у кого суда быстрее. Французская ассоциация согласилась пересмотреть договорённость по итогам первого сезона.",
                ],
                [
                    "paragraph",
                    "Морские биологи, которых цитирует «Курье дю Литораль», приветствуют общие дни без лова — они дают косякам регулярную передышку во время нереста, — но предупреждают, что оценить план можно будет лишь за несколько сезонов. Запасы анчоуса в заливе сильно колеблются от года к году, и удачную или неудачную весну легко принять за результат соглашения.",
                ],
                [
                    "paragraph",
                    "Оба издания подчёркивают, что соглашение добровольное и не выходит за рамки лимитов, уже установленных регуляторами: общий вылов оно не увеличивает. Сезон открывается на следующей неделе.",
                ],
            ],
        },
    },
    # --- Politics --------------------------------------------------------------------------
    {
        "slug": "lindtal-mayor-runoff-decided-by-212-votes",
        "slug_ru": "vtoroy-tur-v-lindtale-reshili-212-golosov",
        "section": "politics",
        "authors": ["daria-sokolova"],
        "hours_ago": 9,
        "tags": {
            "en": ["Elections", "Local government"],
            "ru": ["Выборы", "Местное самоуправление"],
        },
        "image": {
            "colors": ["#264653", "#2a9d8f"],
            "motif": "bars",
            "caption": {
                "en": "Volunteers count ballots in the Lindtal town hall on Sunday night.",
                "ru": "Волонтёры подсчитывают бюллетени в ратуше Линдталя в воскресенье вечером.",
            },
            "photographer": "Jonas Weber",
            "agency": "Meridian Pictures",
            "via": "nordlicht",
        },
        "sources": [
            {
                "outlet": "nordlicht",
                "url": "https://nordlicht-zeitung.example.org/2026/lindtal-stichwahl-ergebnis",
                "title": "Stichwahl in Lindtal: 212 Stimmen entscheiden über das Rathaus",
                "language": "de",
                "hours_ago": 14,
            }
        ],
        "en": {
            "title": "Lindtal's mayoral run-off decided by 212 votes",
            "dek": "A first-time candidate backed by a residents' list narrowly beat the long-serving deputy mayor, according to Nordlicht Zeitung.",
            "body": [
                [
                    "paragraph",
                    "The small town of Lindtal has a new mayor after one of the closest run-offs in its recent history. Nordlicht Zeitung reports that Miriam Oster, a 41-year-old pharmacist standing for the independent list Lebenswertes Lindtal, won 50.9 per cent of the vote, finishing 212 ballots ahead of the deputy mayor who had served in the town hall for sixteen years.",
                ],
                ["subheading", "A campaign about buses and a swimming pool"],
                [
                    "paragraph",
                    "According to the paper, the race turned on two very local questions: whether to keep the town's ageing indoor swimming pool open, and how to restore the evening bus service to outlying villages that was cut two years ago. Oster promised to do both and to pay for them partly by selling an unused municipal depot. Her opponent argued that the sums did not add up and that the pool needed a full rebuild the town could not afford.",
                ],
                [
                    "paragraph",
                    "Turnout rose to 58 per cent from 49 per cent in the first round, which Nordlicht Zeitung attributes to an unusually energetic door-to-door campaign by both sides in the final week.",
                ],
                ["subheading", "What happens next"],
                [
                    "paragraph",
                    "The defeated candidate told the paper he would not request a recount, although the margin would have allowed one. Oster takes office on the first of next month and will have to work with a council in which her list holds only five of twenty-four seats, so every budget decision will require allies.",
                ],
                [
                    "paragraph",
                    "Nordlicht Zeitung notes that the first test will come quickly: the council must decide before the summer whether to commission a survey of the swimming pool's roof, which was closed off last winter after leaks.",
                ],
            ],
        },
        "ru": {
            "title": "Второй тур выборов мэра в Линдтале решили 212 голосов",
            "dek": "Дебютантка, выдвинутая списком местных жителей, с минимальным перевесом обошла многолетнего заместителя мэра, сообщает «Нордлихт Цайтунг».",
            "body": [
                [
                    "paragraph",
                    "В небольшом городе Линдталь новый мэр — после одного из самых напряжённых вторых туров в его недавней истории. Как пишет газета «Нордлихт Цайтунг», 41-летняя фармацевт Мириам Остер, выдвинутая независимым списком «Линдталь, в котором хочется жить», набрала 50,9 % голосов и опередила на 212 бюллетеней заместителя мэра, проработавшего в ратуше шестнадцать лет.",
                ],
                ["subheading", "Кампания об автобусах и бассейне"],
                [
                    "paragraph",
                    "По данным газеты, исход выборов решили два сугубо местных вопроса: сохранять ли старый крытый бассейн и как вернуть вечерние автобусы в окрестные деревни, отменённые два года назад. Остер обещала и то и другое, а деньги отчасти предложила найти за счёт продажи пустующего муниципального депо. Её соперник настаивал, что расчёты не сходятся, а бассейн требует полной перестройки, которую город себе позволить не может.",
                ],
                [
                    "paragraph",
                    "Явка выросла до 58 % против 49 % в первом туре. «Нордлихт Цайтунг» объясняет это необычно активным поквартирным обходом, который обе команды устроили в последнюю неделю.",
                ],
                ["subheading", "Что дальше"],
                [
                    "paragraph",
                    "Проигравший кандидат сказал газете, что не будет требовать пересчёта, хотя разница в голосах это позволяла. Остер вступит в должность первого числа следующего месяца, и ей придётся работать с советом, где у её списка лишь пять мест из двадцати четырёх, — значит, для каждого бюджетного решения понадобятся союзники.",
                ],
                [
                    "paragraph",
                    "«Нордлихт Цайтунг» отмечает, что первое испытание не заставит себя ждать: ещё до лета совет должен решить, заказывать ли обследование крыши бассейна, закрытой прошлой зимой из-за протечек.",
                ],
            ],
        },
    },
    {
        "slug": "valdorra-parliament-passes-water-sharing-law",
        "slug_ru": "parlament-valdorry-prinyal-zakon-o-vode",
        "section": "politics",
        "authors": ["daria-sokolova"],
        "hours_ago": 75,
        "tags": {
            "en": ["Water", "Regional parliaments", "Agriculture"],
            "ru": ["Вода", "Региональные парламенты", "Сельское хозяйство"],
        },
        "image": {
            "colors": ["#023e8a", "#48cae4"],
            "motif": "grid",
            "caption": {
                "en": "An irrigation channel on the Valdorra plain, where most of the region's water is used.",
                "ru": "Оросительный канал на равнине Вальдорры, где расходуется большая часть воды региона.",
            },
            "photographer": "Pablo Serrano",
            "agency": "Atlas Field Photo",
            "via": "faro",
        },
        "sources": [
            {
                "outlet": "faro",
                "url": "https://faro-del-sur.example.net/politica/ley-agua-valdorra-aprobada",
                "title": "El parlamento de Valdorra aprueba la ley del agua por un solo voto",
                "language": "es",
                "hours_ago": 80,
            }
        ],
        "en": {
            "title": "Valdorra's parliament passes a water-sharing law by one vote",
            "dek": "Farms, towns and a protected wetland will get fixed shares of the region's water in dry years, El Faro del Sur reports, after a vote that split two parties down the middle.",
            "body": [
                [
                    "paragraph",
                    "The regional parliament of Valdorra has approved a law that for the first time sets out, in advance, how water will be divided between farms, towns and nature when reservoirs run low. El Faro del Sur reports that the bill passed by 33 votes to 32 after a debate that ran past midnight.",
                ],
                ["subheading", "Fixed shares instead of emergency decrees"],
                [
                    "paragraph",
                    "Until now, according to the paper, the regional government declared a drought emergency each time reserves fell below a threshold and then negotiated cuts case by case. The new law replaces that with a published table: in a dry year, towns keep at least 90 per cent of their normal supply, the Laguna Clara wetland keeps a guaranteed minimum flow, and irrigation absorbs most of the reduction, with smaller farms protected by a separate floor.",
                ],
                [
                    "paragraph",
                    "Supporters told El Faro del Sur that predictability was the point: farmers would know months ahead what to plant, instead of learning in June that their water had been halved.",
                ],
                [
                    "quote",
                    {
                        "text": "A bad rule you can plan around is better than a good rule you hear about too late.",
                        "attribution": "A member of the regional parliament, quoted by El Faro del Sur",
                    },
                ],
                ["subheading", "A split vote"],
                [
                    "paragraph",
                    "The paper describes an unusual vote in which both of the largest parties divided. Several deputies from rural districts voted against, arguing that irrigators were being asked to carry too much of the burden; some urban deputies opposed the bill for the opposite reason, saying the wetland's share was too small. Farmers' unions have said they will study whether to challenge the law in court.",
                ],
                [
                    "paragraph",
                    "El Faro del Sur also notes what the law leaves out. It does not set prices for water, does not change existing irrigation rights, and says nothing about groundwater wells, which many farmers on the plain rely on when surface water runs short. Several deputies described the groundwater question as the next, and harder, fight.",
                ],
                [
                    "paragraph",
                    "The law takes effect at the start of the next hydrological year, in October.",
                ],
            ],
        },
        "ru": {
            "title": "Парламент Вальдорры с перевесом в один голос принял закон о распределении воды",
            "dek": "В засушливые годы фермы, города и заповедное болото будут получать фиксированные доли воды, пишет «Эль Фаро дель Сур». Голосование раскололо обе крупнейшие партии.",
            "body": [
                [
                    "paragraph",
                    "Региональный парламент Вальдорры одобрил закон, который впервые заранее определяет, как делить воду между фермами, городами и природой, когда водохранилища пустеют. Как сообщает газета «Эль Фаро дель Сур», законопроект прошёл 33 голосами против 32 после дебатов, затянувшихся за полночь.",
                ],
                ["subheading", "Фиксированные доли вместо чрезвычайных указов"],
                [
                    "paragraph",
                    "До сих пор, по данным газеты, региональное правительство всякий раз, когда запасы опускались ниже порога, объявляло режим засухи и договаривалось о сокращениях в ручном режиме. Новый закон заменяет эту практику опубликованной таблицей: в сухой год города сохраняют не менее 90 % обычного водоснабжения, болото Лагуна-Клара получает гарантированный минимальный сток, а основное сокращение ложится на орошение — при этом для мелких хозяйств установлен отдельный нижний предел.",
                ],
                [
                    "paragraph",
                    "Сторонники закона объяснили газете «Эль Фаро дель Сур», что главное в нём — предсказуемость: фермеры будут за несколько месяцев знать, что сажать, а не узнавать в июне, что воды у них стало вдвое меньше.",
                ],
                [
                    "quote",
                    {
                        "text": "Плохое правило, под которое можно подстроиться, лучше хорошего, о котором узнаёшь слишком поздно.",
                        "attribution": "Депутат регионального парламента — «Эль Фаро дель Сур»",
                    },
                ],
                ["subheading", "Раскол при голосовании"],
                [
                    "paragraph",
                    "Газета описывает необычное голосование, в котором разделились обе крупнейшие партии. Часть депутатов от сельских округов выступила против, считая, что на ирригаторов ложится слишком большая нагрузка; некоторые городские депутаты возражали по противоположной причине — доля болота, по их мнению, слишком мала. Фермерские профсоюзы заявили, что изучат возможность оспорить закон в суде.",
                ],
                [
                    "paragraph",
                    "«Эль Фаро дель Сур» отмечает и то, чего в законе нет. Он не устанавливает цен на воду, не меняет действующих прав на орошение и ничего не говорит о скважинах, на которые многие фермеры равнины полагаются, когда поверхностной воды не хватает. Несколько депутатов назвали вопрос подземных вод следующей — и более трудной — битвой.",
                ],
                [
                    "paragraph",
                    "Закон вступит в силу с началом следующего гидрологического года, в октябре.",
                ],
            ],
        },
    },
    {
        "slug": "wisniogrod-council-coalition-agrees-budget",
        "slug_ru": "koalitsiya-v-vishnegrude-soglasovala-byudzhet",
        "section": "politics",
        "authors": ["anna-volkova"],
        "hours_ago": 118,
        "tags": {
            "en": ["Local government", "Budgets"],
            "ru": ["Местное самоуправление", "Бюджеты"],
        },
        "image": {
            "colors": ["#6a4c93", "#c77dff"],
            "motif": "skyline",
            "caption": {
                "en": "The Wiśniogród city council chamber during the budget session.",
                "ru": "Зал городского совета Вишнегруда во время бюджетной сессии.",
            },
            "photographer": "Piotr Zaleski",
            "agency": "Harbourline Images",
            "via": "kurier",
        },
        "sources": [
            {
                "outlet": "kurier",
                "url": "https://kurier-nadwislanski.example.com/miasto/wisniogrod-koalicja-budzet",
                "title": "Wiśniogród: koalicja dogadała się w sprawie budżetu w ostatniej chwili",
                "language": "pl",
                "hours_ago": 124,
            }
        ],
        "en": {
            "title": "Wiśniogród's city coalition agrees a budget at the last minute",
            "dek": "Three groups on the council settled a dispute over school renovations and a new bridge hours before the legal deadline, Kurier Nadwiślański reports.",
            "body": [
                [
                    "paragraph",
                    "The three-party coalition running Wiśniogród's city council has agreed next year's budget with only hours to spare before the legal deadline, according to Kurier Nadwiślański. Had the council failed to adopt a budget, the regional audit office would have imposed one, something the city last experienced more than a decade ago.",
                ],
                ["subheading", "Schools or the bridge"],
                [
                    "paragraph",
                    "The paper reports that the dispute centred on how to divide roughly 40 million złoty of investment spending. The largest coalition partner wanted to start building a second road bridge over the river, promised for years to relieve traffic in the old town. The smallest partner refused to vote for any budget that postponed renovating four primary schools whose heating systems date from the 1970s.",
                ],
                [
                    "paragraph",
                    "The compromise, as described by Kurier Nadwiślański, funds all four school renovations over two years and limits bridge spending next year to design work and land purchases. Construction itself would begin only if the city secures a regional grant it has applied for.",
                ],
                ["subheading", "Opposition unimpressed"],
                [
                    "paragraph",
                    "Opposition councillors told the paper the late deal showed the coalition was running out of shared goals, and voted against. The mayor, for his part, said that arguing in public and agreeing at the end was simply how a coalition was supposed to work.",
                ],
                [
                    "paragraph",
                    "The budget also includes smaller items that drew less attention: more money for snow clearing after complaints last winter, a pilot scheme of free public transport for pupils, and a modest increase in grants for neighbourhood associations, which the paper notes was added during the final night of talks.",
                ],
                [
                    "paragraph",
                    "Kurier Nadwiślański adds that residents will be able to comment on the bridge design at public meetings planned for the spring.",
                ],
            ],
        },
        "ru": {
            "title": "Коалиция в Вишнегруде в последний момент согласовала бюджет",
            "dek": "Три группы в городском совете за несколько часов до законного срока урегулировали спор о ремонте школ и новом мосте, пишет «Курьер Надвисляньски».",
            "body": [
                [
                    "paragraph",
                    "Правящая коалиция из трёх партий в городском совете Вишнегруда согласовала бюджет на следующий год буквально за несколько часов до истечения законного срока, сообщает газета «Курьер Надвисляньски». Если бы совет не принял бюджет, его утвердила бы региональная счётная палата — последний раз город сталкивался с этим больше десяти лет назад.",
                ],
                ["subheading", "Школы или мост"],
                [
                    "paragraph",
                    "По данным газеты, спор шёл о том, как распределить около 40 миллионов злотых инвестиционных расходов. Крупнейший партнёр по коалиции хотел начать строительство второго автомобильного моста через реку — его годами обещали построить, чтобы разгрузить старый город. Самый маленький партнёр отказывался голосовать за любой бюджет, откладывающий ремонт четырёх начальных школ, отопление в которых не менялось с 1970-х годов.",
                ],
                [
                    "paragraph",
                    "Компромисс, как его описывает «Курьер Надвисляньски», предусматривает ремонт всех четырёх школ в течение двух лет, а расходы на мост в следующем году ограничиваются проектированием и выкупом земли. Само строительство начнётся, только если город получит региональный грант, на который уже подана заявка.",
                ],
                ["subheading", "Оппозиция не впечатлена"],
                [
                    "paragraph",
                    "Депутаты от оппозиции сказали газете, что поздняя сделка показывает: общих целей у коалиции остаётся всё меньше, — и проголосовали против. Мэр, в свою очередь, заявил, что публично спорить и в итоге договариваться — это и есть нормальная работа коалиции.",
                ],
                [
                    "paragraph",
                    "В бюджете есть и статьи поменьше, на которые обратили меньше внимания: больше денег на уборку снега после прошлогодних жалоб, пилотный проект бесплатного проезда для школьников и небольшое увеличение грантов для районных объединений жителей — его, как отмечает газета, добавили в последнюю ночь переговоров.",
                ],
                [
                    "paragraph",
                    "«Курьер Надвисляньски» добавляет, что весной жители смогут высказаться о проекте моста на публичных слушаниях.",
                ],
            ],
        },
    },
    # --- Economy ---------------------------------------------------------------------------
    {
        "slug": "regional-development-bank-holds-lending-rate",
        "slug_ru": "regionalnyy-bank-razvitiya-sokhranil-stavku",
        "section": "economy",
        "authors": ["mark-ellison"],
        "hours_ago": 20,
        "tags": {
            "en": ["Interest rates", "Banking", "Small business"],
            "ru": ["Процентные ставки", "Банки", "Малый бизнес"],
        },
        "image": {
            "colors": ["#14213d", "#fca311"],
            "motif": "bars",
            "caption": {
                "en": "The headquarters of the regional development bank in Wiśniogród.",
                "ru": "Штаб-квартира регионального банка развития в Вишнегруде.",
            },
            "photographer": "Agata Mróz",
            "agency": "Meridian Pictures",
            "via": "kurier",
        },
        "sources": [
            {
                "outlet": "kurier",
                "url": "https://kurier-nadwislanski.example.com/gospodarka/bank-rozwoju-stopa-bez-zmian",
                "title": "Nadwiślański Bank Rozwoju nie rusza stopy. Firmy czekają dalej",
                "language": "pl",
                "hours_ago": 27,
            }
        ],
        "en": {
            "title": "Regional development bank keeps its lending rate on hold",
            "dek": "The Nadwiślański Development Bank left its base rate for small-business loans at 4.25 per cent, disappointing firms that had hoped for a cut, Kurier Nadwiślański reports.",
            "body": [
                [
                    "paragraph",
                    "The board of the Nadwiślański Development Bank, a publicly owned lender that finances small and medium-sized firms across the region, has kept its base lending rate unchanged at 4.25 per cent for the fourth meeting in a row. Kurier Nadwiślański reports that the decision was unanimous.",
                ],
                ["subheading", "Why the board waited"],
                [
                    "paragraph",
                    "According to the paper, the bank's statement pointed to two concerns: a rise in late repayments among borrowers in construction, and uncertainty over how much money the bank will receive from the regional budget next year. The board said it preferred to keep a cushion until both questions were clearer, and signalled that a cut in the spring remained possible.",
                ],
                [
                    "paragraph",
                    "The decision matters more locally than its size suggests. Kurier Nadwiślański notes that the development bank's rate is the benchmark for a large share of loans to workshops, family farms and small manufacturers in the region, many of which are too small to borrow on better terms from commercial banks.",
                ],
                [
                    "quote",
                    {
                        "text": "Every quarter they tell us to wait one more quarter. A new lathe does not wait.",
                        "attribution": "The owner of a metalworking firm, speaking to Kurier Nadwiślański",
                    },
                ],
                ["subheading", "Mixed reactions"],
                [
                    "paragraph",
                    "The regional chamber of crafts told the paper it was disappointed and would ask the bank to at least extend a programme of reduced-rate loans for energy-saving equipment, which is due to expire in March. Economists quoted by Kurier Nadwiślański were more sympathetic, saying a lender with a small capital base could not afford to be the first to cut.",
                ],
                [
                    "paragraph",
                    "The board meets next in eight weeks.",
                ],
            ],
        },
        "ru": {
            "title": "Региональный банк развития сохранил ставку по кредитам",
            "dek": "Надвисляньский банк развития оставил базовую ставку по кредитам малому бизнесу на уровне 4,25 % — вопреки надеждам предпринимателей на снижение, пишет «Курьер Надвисляньски».",
            "body": [
                [
                    "paragraph",
                    "Правление Надвисляньского банка развития — государственного кредитора, финансирующего малые и средние предприятия региона, — четвёртое заседание подряд оставляет базовую ставку по кредитам без изменений, на уровне 4,25 %. Как сообщает газета «Курьер Надвисляньски», решение было принято единогласно.",
                ],
                ["subheading", "Почему правление решило подождать"],
                [
                    "paragraph",
                    "По данным газеты, в заявлении банка названы две причины для беспокойства: рост просроченных платежей среди заёмщиков из строительной отрасли и неясность с тем, сколько денег банк получит из регионального бюджета в следующем году. Правление предпочло сохранить запас прочности, пока оба вопроса не прояснятся, и дало понять, что снижение ставки весной по-прежнему возможно.",
                ],
                [
                    "paragraph",
                    "Для региона это решение важнее, чем может показаться. «Курьер Надвисляньски» отмечает, что ставка банка развития служит ориентиром для значительной части кредитов мастерским, семейным фермам и небольшим производствам — многие из них слишком малы, чтобы получить лучшие условия в коммерческих банках.",
                ],
                [
                    "quote",
                    {
                        "text": "Каждый квартал нам говорят подождать ещё квартал. А новый токарный станок ждать не будет.",
                        "attribution": "Владелец металлообрабатывающей мастерской — «Курьеру Надвисляньски»",
                    },
                ],
                ["subheading", "Реакция неоднозначна"],
                [
                    "paragraph",
                    "Региональная ремесленная палата заявила газете, что разочарована, и попросит банк хотя бы продлить программу льготных кредитов на энергосберегающее оборудование, которая истекает в марте. Экономисты, которых цитирует «Курьер Надвисляньски», отнеслись к решению с бо́льшим пониманием: кредитор с небольшим капиталом, по их словам, не может позволить себе снижать ставку первым.",
                ],
                [
                    "paragraph",
                    "Следующее заседание правления — через восемь недель.",
                ],
            ],
        },
    },
    {
        "slug": "lindtal-utility-caps-district-heating-price",
        "slug_ru": "v-lindtale-zamorozili-tsenu-na-teplo",
        "section": "economy",
        "authors": ["mark-ellison", "anna-volkova"],
        "hours_ago": 150,
        "tags": {
            "en": ["Energy", "Local government", "Households"],
            "ru": ["Энергетика", "Местное самоуправление", "Домохозяйства"],
        },
        "image": {
            "colors": ["#9d0208", "#ffba08"],
            "motif": "grid",
            "caption": {
                "en": "Steam rises from the Lindtal district heating plant on a cold morning.",
                "ru": "Пар над котельной централизованного теплоснабжения Линдталя холодным утром.",
            },
            "photographer": "Lena Hartmann",
            "agency": "Meridian Pictures",
            "via": "nordlicht",
        },
        "sources": [
            {
                "outlet": "nordlicht",
                "url": "https://nordlicht-zeitung.example.org/2026/stadtwerke-lindtal-fernwaerme-preisdeckel",
                "title": "Stadtwerke Lindtal deckeln den Fernwärmepreis – wer zahlt die Differenz?",
                "language": "de",
                "hours_ago": 162,
            }
        ],
        "en": {
            "title": "Lindtal's municipal utility caps the price of district heating",
            "dek": "Households connected to the town's heating network will pay no more than last winter, Nordlicht Zeitung reports. The harder question is who covers the gap.",
            "body": [
                [
                    "paragraph",
                    "The municipal utility of Lindtal has announced that the price its customers pay for district heating will not rise this winter, even though the cost of the gas and wood chips it burns has gone up by roughly a fifth. Nordlicht Zeitung, which obtained the utility's internal calculations, reports that the cap will cost the company about 1.8 million euros over the heating season.",
                ],
                [
                    "paragraph",
                    "About 4,300 households, most of them in apartment blocks built in the 1960s and 1970s, are connected to the network. For many of them, according to the paper, heating is the single largest monthly expense after rent.",
                ],
                ["subheading", "How the cap works"],
                [
                    "paragraph",
                    "Under the scheme described by Nordlicht Zeitung, the working price per kilowatt-hour stays at last winter's level until the end of April. The fixed connection fee, which every household pays regardless of consumption, also stays the same. The utility will review the arrangement in the spring and has not promised to extend it.",
                ],
                [
                    "paragraph",
                    "The paper notes that the cap applies only to residential customers. Businesses, the hospital and the town's schools will see increases of between 12 and 19 per cent, depending on the size of their connection. Some shop owners told Nordlicht Zeitung they felt they were being asked to subsidise households, although the utility disputes that and says commercial tariffs simply follow costs.",
                ],
                ["subheading", "Who pays the difference"],
                [
                    "paragraph",
                    "The most contested part of the decision is the money. According to the documents seen by the paper, the utility plans to cover the shortfall from two sources: about two-thirds from its own reserves, built up in earlier years when energy was cheaper, and the rest by postponing the planned replacement of several kilometres of old pipes.",
                ],
                [
                    "paragraph",
                    "That second part worries engineers. Nordlicht Zeitung quotes a former technical director of the utility who says that the network loses a significant share of its heat through ageing, poorly insulated pipes, and that every year of delay makes the system more expensive to run. In his view, the cap protects households this winter at the cost of slightly higher bills for years to come.",
                ],
                [
                    "quote",
                    {
                        "text": "We are keeping the price down by keeping the leaks in. That is a decision you can defend for one winter, not for three.",
                        "attribution": "A former technical director of the utility, quoted by Nordlicht Zeitung",
                    },
                ],
                [
                    "paragraph",
                    "The utility's management told the paper that the postponed work concerns sections in reasonable condition and that the most urgent repairs will go ahead as planned. It also pointed out that the reserves exist precisely for years like this one.",
                ],
                ["subheading", "The political background"],
                [
                    "paragraph",
                    "The timing has not gone unnoticed. The decision was prepared in the middle of the mayoral campaign, and both candidates in the coming run-off have promised to keep heating affordable. Nordlicht Zeitung reports that the utility's supervisory board, which includes several council members, approved the cap unanimously, but that two members added a written note asking for a long-term plan before any extension.",
                ],
                [
                    "paragraph",
                    "Tenant associations welcomed the announcement. A spokeswoman for the largest of them told the paper that many pensioners in the older blocks had already begun heating only one room last winter, and that another increase would have pushed some into arrears. She said the association would now campaign for the network's renovation to be funded by the regional government rather than by customers.",
                ],
                ["subheading", "Comparisons with neighbouring towns"],
                [
                    "paragraph",
                    "Nordlicht Zeitung places Lindtal's decision alongside those of two neighbouring towns with their own heating networks. One has raised prices by around 15 per cent and offered a hardship fund for low-income households; the other has switched part of its supply to a large heat pump drawing on river water and expects its costs to fall over the next few years, after a difficult transition.",
                ],
                [
                    "paragraph",
                    "The paper's conclusion is cautious. A cap is quick and visible, it argues, while investments in pipes and new heat sources are slow and expensive, and the benefits arrive after the people who approved them have left office. Whether Lindtal's approach turns out to be prudent or merely convenient will depend on what the town does once the winter is over.",
                ],
                [
                    "paragraph",
                    "The utility says customers will receive letters explaining the new tariffs before the end of the month. Households that struggle to pay can already apply for an instalment plan, and the company has promised not to disconnect anyone during the coldest months, a commitment Nordlicht Zeitung says it has made every winter since the network was built.",
                ],
            ],
        },
        "ru": {
            "title": "Коммунальное предприятие Линдталя заморозило цену на тепло",
            "dek": "Жители, подключённые к городской теплосети, заплатят не больше, чем прошлой зимой, пишет «Нордлихт Цайтунг». Вопрос сложнее — кто покроет разницу.",
            "body": [
                [
                    "paragraph",
                    "Муниципальное коммунальное предприятие Линдталя объявило, что этой зимой тариф на централизованное отопление для его клиентов не вырастет, хотя газ и древесная щепа, которые оно сжигает, подорожали примерно на пятую часть. Газета «Нордлихт Цайтунг», получившая внутренние расчёты предприятия, пишет, что за отопительный сезон ограничение обойдётся компании примерно в 1,8 миллиона евро.",
                ],
                [
                    "paragraph",
                    "К сети подключены около 4300 домохозяйств, в основном в многоквартирных домах 1960–1970-х годов постройки. Для многих из них, по данным газеты, отопление — самая крупная ежемесячная статья расходов после арендной платы.",
                ],
                ["subheading", "Как устроено ограничение"],
                [
                    "paragraph",
                    "По схеме, которую описывает «Нордлихт Цайтунг», цена за киловатт-час останется на уровне прошлой зимы до конца апреля. Фиксированная плата за подключение, которую вносит каждое домохозяйство независимо от потребления, тоже не изменится. Весной предприятие пересмотрит условия и продлевать их пока не обещает.",
                ],
                [
                    "paragraph",
                    "Газета отмечает, что ограничение касается только жилых абонентов. Для предприятий, больницы и городских школ тарифы вырастут на 12–19 % в зависимости от мощности подключения. Некоторые владельцы магазинов сказали газете «Нордлихт Цайтунг», что их, по сути, заставляют субсидировать население; предприятие с этим не согласно и утверждает, что коммерческие тарифы просто следуют за издержками.",
                ],
                ["subheading", "Кто платит разницу"],
                [
                    "paragraph",
                    "Больше всего споров вызывают деньги. Согласно документам, которые видела газета, предприятие собирается покрыть недостачу из двух источников: примерно две трети — из собственных резервов, накопленных в годы дешёвой энергии, а остальное — за счёт переноса запланированной замены нескольких километров старых труб.",
                ],
                [
                    "paragraph",
                    "Вторая часть плана беспокоит инженеров. «Нордлихт Цайтунг» цитирует бывшего технического директора предприятия: по его словам, сеть теряет заметную долю тепла в изношенных, плохо изолированных трубах, и каждый год отсрочки делает систему дороже в эксплуатации. Он считает, что ограничение защищает жителей этой зимой ценой чуть более высоких счетов на годы вперёд.",
                ],
                [
                    "quote",
                    {
                        "text": "Мы держим цену, сохраняя утечки. Такое решение можно защищать одну зиму, но не три.",
                        "attribution": "Бывший технический директор предприятия — «Нордлихт Цайтунг»",
                    },
                ],
                [
                    "paragraph",
                    "Руководство предприятия заявило газете, что отложенные работы касаются участков в удовлетворительном состоянии, а самые срочные ремонты пройдут по плану. Кроме того, там напомнили, что резервы и создавались как раз на такие годы.",
                ],
                ["subheading", "Политический фон"],
                [
                    "paragraph",
                    "Время для решения выбрано не случайно — это заметили многие. Его готовили в разгар кампании по выборам мэра, а оба кандидата, вышедшие во второй тур, обещают сохранить отопление доступным. Как сообщает «Нордлихт Цайтунг», наблюдательный совет предприятия, в который входят несколько членов городского совета, одобрил ограничение единогласно, однако двое его членов приложили письменное замечание: прежде чем продлевать меры, нужен долгосрочный план.",
                ],
                [
                    "paragraph",
                    "Объединения жильцов встретили новость с облегчением. Представительница крупнейшего из них рассказала газете, что многие пенсионеры в старых домах ещё прошлой зимой начали отапливать только одну комнату, и очередное повышение загнало бы часть из них в долги. По её словам, теперь объединение будет добиваться, чтобы ремонт сети оплачивало региональное правительство, а не абоненты.",
                ],
                ["subheading", "Как поступили соседи"],
                [
                    "paragraph",
                    "«Нордлихт Цайтунг» сравнивает решение Линдталя с тем, как поступили два соседних города с собственными теплосетями. Один поднял цены примерно на 15 % и создал фонд помощи малоимущим семьям; другой перевёл часть теплоснабжения на большой тепловой насос, использующий речную воду, и после непростого переходного периода рассчитывает на снижение издержек в ближайшие годы.",
                ],
                [
                    "paragraph",
                    "Вывод газеты осторожен. Ограничение цен — мера быстрая и заметная, тогда как вложения в трубы и новые источники тепла медленны и дороги, а их плоды появляются, когда те, кто их одобрил, уже покинули свои посты. Окажется ли подход Линдталя благоразумным или просто удобным, зависит от того, что город будет делать, когда зима закончится.",
                ],
                [
                    "paragraph",
                    "Предприятие обещает до конца месяца разослать клиентам письма с разъяснением новых тарифов. Тем, кому трудно платить, уже сейчас можно оформить рассрочку, а в самые холодные месяцы компания обещает никого не отключать — по словам «Нордлихт Цайтунг», такое обязательство она даёт каждую зиму с момента постройки сети.",
                ],
            ],
        },
    },
    {
        "slug": "seaweed-packaging-startup-raises-funds",
        "slug_ru": "startap-upakovki-iz-vodorosley-privlek-investitsii",
        "section": "economy",
        "authors": ["mark-ellison"],
        "hours_ago": 200,
        "tags": {
            "en": ["Start-ups", "Fisheries", "Investment"],
            "ru": ["Стартапы", "Рыболовство", "Инвестиции"],
        },
        "image": {
            "colors": ["#2d6a4f", "#95d5b2"],
            "motif": "circles",
            "caption": {
                "en": "Dried seaweed sheets in the Algamar workshop in Puerto Salobre.",
                "ru": "Листы сушёных водорослей в мастерской Algamar в Пуэрто-Салобре.",
            },
            "photographer": "Marta Quintana",
            "agency": "Harbourline Images",
            "via": "faro",
        },
        "sources": [
            {
                "outlet": "faro",
                "url": "https://faro-del-sur.example.net/economia/algamar-envases-ronda-financiacion",
                "title": "Algamar, la empresa que hace envases con algas, cierra su primera ronda",
                "language": "es",
                "hours_ago": 210,
            }
        ],
        "en": {
            "title": "A fishing-port start-up bets on seaweed packaging",
            "dek": "Algamar, founded by two former net-makers in Puerto Salobre, has raised 2.4 million euros to build its first production line, El Faro del Sur reports.",
            "body": [
                [
                    "paragraph",
                    "Algamar, a small company in the fishing port of Puerto Salobre that makes food trays from farmed seaweed, has closed its first funding round, according to El Faro del Sur. The paper reports that the company raised 2.4 million euros from a regional investment fund and a group of private backers, enough to move from a workshop to a proper production line.",
                ],
                ["subheading", "From nets to trays"],
                [
                    "paragraph",
                    "The founders, El Faro del Sur writes, spent two decades repairing nets for the local fleet before they began experimenting with seaweed grown on lines in the sheltered part of the harbour. Their trays are pressed from dried, ground seaweed mixed with a plant-based binder. They hold up to fish and cold meat for several days in a refrigerator and break down in a garden compost heap within weeks.",
                ],
                [
                    "paragraph",
                    "The company already supplies two supermarkets in the region and the fish auction's retail counter. With the new line, the paper reports, it hopes to produce about forty thousand trays a day by the end of next year.",
                ],
                ["subheading", "The hard part is the price"],
                [
                    "paragraph",
                    "El Faro del Sur is frank about the obstacles. A seaweed tray currently costs roughly three times as much as a plastic one, and the founders admit that only a larger scale and cheaper drying can close that gap. Seaweed farming in the harbour also depends on water quality that has suffered in hot summers.",
                ],
                [
                    "paragraph",
                    "Still, the paper notes, Algamar has hired nine people in a town where fishing jobs have been disappearing, several of them former deckhands. For Puerto Salobre, that may matter as much as the trays themselves.",
                ],
            ],
        },
        "ru": {
            "title": "Стартап из рыбацкого порта делает ставку на упаковку из водорослей",
            "dek": "Компания Algamar, основанная двумя бывшими сетевязальщиками из Пуэрто-Салобре, привлекла 2,4 миллиона евро на первую производственную линию, сообщает «Эль Фаро дель Сур».",
            "body": [
                [
                    "paragraph",
                    "Algamar — небольшая компания из рыболовецкого порта Пуэрто-Салобре, которая делает пищевые лотки из выращенных водорослей, — закрыла первый раунд финансирования, пишет газета «Эль Фаро дель Сур». По её данным, компания получила 2,4 миллиона евро от регионального инвестиционного фонда и группы частных инвесторов — этого хватит, чтобы перебраться из мастерской на полноценную производственную линию.",
                ],
                ["subheading", "От сетей к лоткам"],
                [
                    "paragraph",
                    "Основатели, как рассказывает «Эль Фаро дель Сур», двадцать лет чинили сети для местного флота, прежде чем начали экспериментировать с водорослями, которые выращивают на канатах в защищённой части гавани. Лотки прессуют из высушенных и измельчённых водорослей с растительным связующим. В холодильнике они несколько дней выдерживают рыбу и мясную нарезку, а в садовом компосте разлагаются за считаные недели.",
                ],
                [
                    "paragraph",
                    "Компания уже поставляет продукцию в два супермаркета региона и в розничный отдел рыбного аукциона. С новой линией, по данным газеты, она рассчитывает к концу следующего года выпускать около сорока тысяч лотков в день.",
                ],
                ["subheading", "Главная трудность — цена"],
                [
                    "paragraph",
                    "«Эль Фаро дель Сур» откровенно пишет о препятствиях. Лоток из водорослей сейчас стоит примерно втрое дороже пластикового, и основатели признают, что сократить разрыв помогут только больший масштаб и более дешёвая сушка. К тому же выращивание водорослей в гавани зависит от качества воды, которое страдает в жаркие лета.",
                ],
                [
                    "paragraph",
                    "И всё же, отмечает газета, Algamar наняла девять человек в городе, где рабочих мест в рыболовстве становится всё меньше, — несколько из них раньше были матросами. Для Пуэрто-Салобре это может значить не меньше, чем сами лотки.",
                ],
            ],
        },
    },
    {
        "slug": "monte-lucerna-observatory-reopens",
        "slug_ru": "observatoriya-monte-lucherna-otkrylas-snova",
        "section": "world",
        "authors": ["tomas-berg"],
        "hours_ago": 2,
        "tags": {"en": ["Science", "Climate"], "ru": ["Наука", "Климат"]},
        "image": {
            "colors": ["#03045e", "#7209b7"],
            "motif": "circles",
            "caption": {
                "en": "The repaired dome of the Monte Lucerna observatory at dusk.",
                "ru": "Отремонтированный купол обсерватории на Монте-Лучерне в сумерках.",
            },
            "photographer": "Giulia Ferraro",
            "agency": "Atlas Field Photo",
            "via": "gazzetta",
        },
        "sources": [
            {
                "outlet": "gazzetta",
                "url": "https://gazzetta-colli.example.org/cultura/osservatorio-monte-lucerna-riapre",
                "title": "Riapre l'osservatorio del Monte Lucerna dopo la tempesta",
                "language": "it",
                "hours_ago": 6,
            }
        ],
        "en": {
            "title": "Mountain observatory reopens after storm repairs",
            "dek": "The public observatory on Monte Lucerna welcomes visitors again, eight months after a storm tore open its dome, La Gazzetta dei Colli reports.",
            "body": [
                [
                    "paragraph",
                    "The small public observatory on Monte Lucerna reopened to visitors on Saturday night, La Gazzetta dei Colli reports. Last autumn a storm ripped part of the dome's aluminium shell away and rain damaged the control room below it.",
                ],
                [
                    "paragraph",
                    "According to the paper, the repairs were paid for by the municipality and by a local fundraising drive that collected more than 60,000 euros in small donations. The volunteer astronomers' club that runs the site also used the closure to replace the telescope's drive motors.",
                ],
                ["subheading", "Evenings under the dome again"],
                [
                    "paragraph",
                    "Guided evenings resume every Friday and Saturday through the summer, weather permitting. The club says the first clear night after the reopening drew more than a hundred people, many of them children who had helped with the fundraising by selling drawings of the night sky.",
                ],
            ],
        },
        "ru": {
            "title": "Горная обсерватория вновь открылась после ремонта",
            "dek": "Народная обсерватория на Монте-Лучерне снова принимает посетителей — через восемь месяцев после того, как буря разворотила её купол, пишет «Гадзетта дей Колли».",
            "body": [
                [
                    "paragraph",
                    "Небольшая народная обсерватория на горе Монте-Лучерна в субботу вечером снова открылась для посетителей, сообщает газета «Гадзетта дей Колли». Прошлой осенью буря сорвала часть алюминиевой обшивки купола, а дождь повредил расположенный под ним пульт управления.",
                ],
                [
                    "paragraph",
                    "По данным газеты, ремонт оплатили муниципалитет и местные жители: сбор небольших пожертвований принёс больше 60 000 евро. Клуб астрономов-любителей, который на общественных началах управляет обсерваторией, заодно заменил приводы телескопа.",
                ],
                ["subheading", "Снова вечера под куполом"],
                [
                    "paragraph",
                    "Экскурсии снова проходят по пятницам и субботам всё лето — если позволит погода. По словам членов клуба, в первую ясную ночь после открытия пришли больше ста человек, в том числе много детей, которые помогали со сбором денег, продавая свои рисунки ночного неба.",
                ],
            ],
        },
    },
    {
        "slug": "saint-gildric-residents-vote-to-move-back-from-the-sea",
        "slug_ru": "zhiteli-sen-zhildrika-reshili-otstupit-ot-morya",
        "section": "world",
        "authors": ["tomas-berg", "daria-sokolova"],
        "hours_ago": 96,
        "tags": {
            "en": ["Climate", "Coastline", "Local government"],
            "ru": ["Климат", "Побережье", "Местное самоуправление"],
        },
        "image": {
            "colors": ["#588157", "#dad7cd"],
            "motif": "skyline",
            "caption": {
                "en": "Houses on the eroding dune front at Saint-Gildric.",
                "ru": "Дома на разрушающейся кромке дюн в Сен-Жильдрике.",
            },
            "photographer": "Claire Morvan",
            "agency": "Harbourline Images",
            "via": "courrier",
        },
        "sources": [
            {
                "outlet": "courrier",
                "url": "https://courrier-littoral.example.com/territoires/saint-gildric-recul-trait-de-cote",
                "title": "Saint-Gildric choisit de reculer : le village quittera le front de mer",
                "language": "fr",
                "hours_ago": 101,
            }
        ],
        "en": {
            "title": "A seaside village votes to move back from the sea",
            "dek": "Saint-Gildric will relocate some forty homes inland over fifteen years rather than keep rebuilding its sea wall, Le Courrier du Littoral reports.",
            "body": [
                [
                    "paragraph",
                    "The council of Saint-Gildric, a village of about 900 people on the Atlantic coast, has voted to gradually move its front row of houses away from the shore. Le Courrier du Littoral reports that the plan, adopted by eleven votes to four, is the first of its kind in the department.",
                ],
                ["subheading", "Ten metres in a winter"],
                [
                    "paragraph",
                    "According to the paper, the dune that protects the village lost more than ten metres in places during last winter's storms. The sea wall built in the 1980s has been repaired three times in a decade, and engineers told the council that a new one would cost several times the village's annual budget without guaranteeing protection beyond a few decades.",
                ],
                [
                    "paragraph",
                    "Under the plan described by Le Courrier du Littoral, the municipality will buy the most exposed properties at an agreed valuation as they come up for sale or as owners choose to leave, and offer plots on land it owns behind the church. No one will be forced to move before a house is judged unsafe.",
                ],
                [
                    "quote",
                    {
                        "text": "My grandfather built this house facing the sea. I am the one who has to decide to turn it around.",
                        "attribution": "A resident of the front row, speaking to Le Courrier du Littoral",
                    },
                ],
                ["subheading", "Who pays"],
                [
                    "paragraph",
                    "The first phase, covering twelve houses and the seafront café, is expected to be funded largely by a national coastal adaptation programme. The paper notes that the remaining phases depend on money that has not yet been promised, and that some residents fear being left with homes that nobody will buy in the meantime.",
                ],
                [
                    "paragraph",
                    "Le Courrier du Littoral adds that the council has commissioned an architect to draw up a plan for the new street behind the church, so that the relocated homes form a proper neighbourhood rather than a scattering of plots. Residents will be invited to comment on the design in the spring, and the old seafront, once cleared, is to be left to the dunes.",
                ],
                [
                    "paragraph",
                    "The four councillors who voted against argued that the village was giving up too early. The mayor told Le Courrier du Littoral that planning a retreat now was cheaper and kinder than organising one in a hurry after a storm.",
                ],
            ],
        },
        "ru": {
            "title": "Приморская деревня решила отступить от моря",
            "dek": "Сен-Жильдрик в течение пятнадцати лет переселит около сорока домов вглубь суши вместо того, чтобы снова и снова отстраивать волнорез, пишет «Курье дю Литораль».",
            "body": [
                [
                    "paragraph",
                    "Совет Сен-Жильдрика — деревни примерно на 900 жителей на атлантическом побережье — проголосовал за постепенный перенос первой линии домов подальше от берега. Как сообщает газета «Курье дю Литораль», план, принятый одиннадцатью голосами против четырёх, стал первым подобным решением в департаменте.",
                ],
                ["subheading", "Десять метров за зиму"],
                [
                    "paragraph",
                    "По данным газеты, во время прошлых зимних штормов защищающая деревню дюна местами отступила больше чем на десять метров. Волнорез, построенный в 1980-х, за десять лет ремонтировали трижды, а инженеры сообщили совету, что новый обойдётся в несколько годовых бюджетов деревни и при этом не гарантирует защиты дольше нескольких десятилетий.",
                ],
                [
                    "paragraph",
                    "Согласно плану, который описывает «Курье дю Литораль», муниципалитет будет выкупать самые уязвимые дома по согласованной оценке — по мере того как их выставят на продажу или владельцы решат уехать, — и предлагать участки на своей земле за церковью. Никого не заставят переезжать, пока дом не признают опасным для жизни.",
                ],
                [
                    "quote",
                    {
                        "text": "Мой дед построил этот дом окнами к морю. А решать, развернуть ли его, приходится мне.",
                        "attribution": "Житель первой линии — в разговоре с газетой «Курье дю Литораль»",
                    },
                ],
                ["subheading", "Кто заплатит"],
                [
                    "paragraph",
                    "Первый этап — двенадцать домов и кафе на набережной — в основном рассчитывают оплатить из национальной программы адаптации побережья. Газета отмечает, что остальные этапы зависят от денег, которые пока никто не обещал, и некоторые жители боятся, что до тех пор останутся с домами, которые никто не купит.",
                ],
                [
                    "paragraph",
                    "«Курье дю Литораль» добавляет, что совет заказал архитектору проект новой улицы за церковью, чтобы перенесённые дома образовали полноценный квартал, а не россыпь отдельных участков. Весной жителей пригласят обсудить проект, а освободившуюся набережную оставят дюнам.",
                ],
                [
                    "paragraph",
                    "Четверо проголосовавших против членов совета считают, что деревня сдаётся слишком рано. Мэр же сказал газете «Курье дю Литораль», что планировать отступление сейчас дешевле и человечнее, чем устраивать его в спешке после очередного шторма.",
                ],
            ],
        },
    },
    {
        "slug": "low-water-strands-barges-on-the-wirna",
        "slug_ru": "malovode-ostanovilo-barzhi-na-virne",
        "section": "world",
        "authors": ["anna-volkova"],
        "hours_ago": 170,
        "tags": {
            "en": ["Transport", "Heatwave", "Cross-border"],
            "ru": ["Транспорт", "Жара", "Приграничье"],
        },
        "image": {
            "colors": ["#7f5539", "#ddb892"],
            "motif": "bars",
            "caption": {
                "en": "Exposed sandbanks on the Wirna below Erlenbrück.",
                "ru": "Обнажившиеся отмели на Вирне ниже Эрленбрюка.",
            },
            "photographer": "Piotr Zaleski",
            "agency": "Meridian Pictures",
            "via": "kurier",
        },
        "sources": [
            {
                "outlet": "kurier",
                "url": "https://kurier-nadwislanski.example.com/region/wirna-niski-stan-barki",
                "title": "Wirna płytka jak nigdy. Barki stoją, zboże czeka",
                "language": "pl",
                "hours_ago": 178,
            },
            {
                "outlet": "nordlicht",
                "url": "https://nordlicht-zeitung.example.org/2026/wirna-niedrigwasser-binnenschiffe",
                "title": "Niedrigwasser auf der Wirna: Binnenschiffer laden nur noch ein Drittel",
                "language": "de",
                "hours_ago": 185,
            },
        ],
        "en": {
            "title": "Low water strands barges on the cross-border Wirna river",
            "dek": "Boats on both sides of the border are sailing a third full or not at all, Kurier Nadwiślański and Nordlicht Zeitung report, as grain and gravel switch to lorries.",
            "body": [
                [
                    "paragraph",
                    "Weeks of heat and almost no rain have left the Wirna, the river that forms part of the border between the Polish and German regions covered by Kurier Nadwiślański and Nordlicht Zeitung, at its lowest summer level in two decades. Both papers report that inland shipping on the middle stretch has nearly stopped.",
                ],
                ["subheading", "A third of a load"],
                [
                    "paragraph",
                    "Nordlicht Zeitung quotes barge operators in Erlenbrück who say they can load only about a third of their usual cargo without running aground on the sandbanks that have appeared below the town. Several have tied up altogether rather than make three trips for the price of one.",
                ],
                [
                    "paragraph",
                    "On the Polish bank, Kurier Nadwiślański describes grain traders sending harvest loads by lorry instead, at roughly twice the cost per tonne, and a gravel quarry that has cut production because it cannot ship what it digs. The paper reports queues of trucks at the river port's weighbridge during the first week of the harvest.",
                ],
                ["subheading", "A river managed from two capitals"],
                [
                    "paragraph",
                    "Both papers note that the Wirna is maintained jointly by authorities on either side, and that a long-discussed plan to deepen the shipping channel at three shallow points has been stalled for years. Environmental groups oppose dredging, which they say would damage spawning grounds and lower groundwater in the floodplain meadows.",
                ],
                [
                    "paragraph",
                    "A compromise proposal, reported by Kurier Nadwiślański, would instead use guide walls to narrow the channel at the worst spots, so the river itself scours a deeper bed. It is cheaper than dredging but would take years to show results, and neither government has yet committed money to it.",
                ],
                [
                    "paragraph",
                    "Forecasts cited by Nordlicht Zeitung do not show significant rain for at least ten days. Until then, Kurier Nadwiślański writes, the river will carry mainly tourists in canoes.",
                ],
            ],
        },
        "ru": {
            "title": "Маловодье остановило баржи на пограничной реке Вирне",
            "dek": "Суда по обе стороны границы ходят загруженными на треть или не ходят вовсе, а зерно и щебень везут грузовиками, пишут «Курьер Надвисляньски» и «Нордлихт Цайтунг».",
            "body": [
                [
                    "paragraph",
                    "После нескольких недель жары почти без дождей уровень Вирны — реки, по которой частично проходит граница между польским и немецким регионами, где выходят «Курьер Надвисляньски» и «Нордлихт Цайтунг», — опустился до самой низкой летней отметки за двадцать лет. Обе газеты сообщают, что судоходство на среднем участке почти прекратилось.",
                ],
                ["subheading", "Треть груза"],
                [
                    "paragraph",
                    "«Нордлихт Цайтунг» приводит слова судовладельцев из Эрленбрюка: без риска сесть на мель на появившихся ниже города отмелях они могут брать лишь около трети обычного груза. Некоторые и вовсе встали у причала — делать три рейса за цену одного нет смысла.",
                ],
                [
                    "paragraph",
                    "На польском берегу, как пишет «Курьер Надвисляньски», зерноторговцы отправляют урожай грузовиками, что обходится примерно вдвое дороже за тонну, а один из щебёночных карьеров сократил добычу, потому что не может вывезти добытое. В первую неделю уборки у весовой речного порта, по данным газеты, выстраивались очереди из фур.",
                ],
                ["subheading", "Река, которой управляют из двух столиц"],
                [
                    "paragraph",
                    "Обе газеты напоминают, что Вирну обслуживают совместно ведомства обеих стран, а давно обсуждаемый план углубить фарватер на трёх мелководных участках много лет не движется с места. Экологические организации выступают против дноуглубления: по их словам, оно погубит нерестилища и понизит уровень грунтовых вод на пойменных лугах.",
                ],
                [
                    "paragraph",
                    "Компромиссный вариант, о котором пишет «Курьер Надвисляньски», предполагает вместо дноуглубления построить направляющие дамбы, сужающие русло на худших участках, чтобы река сама промыла себе более глубокое ложе. Это дешевле, но результат появится лишь через несколько лет, и ни одно из правительств пока не выделило на это денег.",
                ],
                [
                    "paragraph",
                    "Прогнозы, на которые ссылается «Нордлихт Цайтунг», не обещают заметных дождей как минимум десять дней. До тех пор, пишет «Курьер Надвисляньски», по реке будут ходить в основном туристы на байдарках.",
                ],
            ],
        },
    },
    {
        "slug": "belmare-votes-yes-to-tram-line",
        "slug_ru": "zhiteli-belmara-progolosovali-za-tramvay",
        "section": "politics",
        "authors": ["daria-sokolova"],
        "hours_ago": 45,
        "tags": {
            "en": ["Transport", "Referendums", "Local government"],
            "ru": ["Транспорт", "Референдумы", "Местное самоуправление"],
        },
        "image": {
            "colors": ["#005f73", "#94d2bd"],
            "motif": "skyline",
            "caption": {
                "en": "The avenue in Belmare where the tram would run, seen from the station square.",
                "ru": "Проспект в Бельмаре, по которому пройдёт трамвай, — вид с привокзальной площади.",
            },
            "photographer": "Claire Morvan",
            "agency": "Atlas Field Photo",
            "via": "courrier",
        },
        "sources": [
            {
                "outlet": "courrier",
                "url": "https://courrier-littoral.example.com/politique/belmare-referendum-tramway-resultats",
                "title": "Belmare dit oui au tramway, mais de justesse",
                "language": "fr",
                "hours_ago": 50,
            }
        ],
        "en": {
            "title": "Belmare votes yes to a tram line, narrowly",
            "dek": "A local referendum backed the city's first tram with 53 per cent, Le Courrier du Littoral reports, though turnout only just cleared the threshold needed to make the result binding.",
            "body": [
                [
                    "paragraph",
                    "Voters in Belmare have approved plans for a seven-kilometre tram line linking the railway station, the old port and the university campus. Le Courrier du Littoral reports that 53 per cent voted in favour in Sunday's local referendum, with turnout at 41 per cent, just above the 40 per cent needed for the result to bind the city council.",
                ],
                ["subheading", "What was on the ballot"],
                [
                    "paragraph",
                    "The question asked residents whether the city should build the line and remove car parking along most of the main avenue to make room for it. According to the paper, the parking was the real battleground: shopkeepers on the avenue campaigned against, while students and residents of the districts near the university campaigned for.",
                ],
                [
                    "paragraph",
                    "Le Courrier du Littoral's breakdown by polling station shows a clear divide. The city centre and the university districts voted yes by wide margins; the residential suburbs on the hills, where most households own two cars, voted mostly no.",
                ],
                [
                    "quote",
                    {
                        "text": "Half the city wants a tram, the other half wants a parking space. Now we have to build something both halves can live with.",
                        "attribution": "A deputy mayor, quoted by Le Courrier du Littoral",
                    },
                ],
                ["subheading", "The next steps"],
                [
                    "paragraph",
                    "The city plans to apply for regional and national co-financing this autumn, and construction could begin in three years if funding is secured. The paper notes that opponents have not ruled out a legal challenge to the wording of the ballot question.",
                ],
                [
                    "paragraph",
                    "In the meantime, the council has promised a working group with shopkeepers from the avenue to design delivery bays and short-stay parking on side streets. Le Courrier du Littoral reports that the traders' association has agreed to take part, while saying it still regards the project as a risk for small businesses.",
                ],
            ],
        },
        "ru": {
            "title": "Бельмар с небольшим перевесом проголосовал за трамвай",
            "dek": "На местном референдуме первую в городе трамвайную линию поддержали 53 % избирателей, пишет «Курье дю Литораль», хотя явка лишь чуть превысила порог, при котором результат становится обязательным.",
            "body": [
                [
                    "paragraph",
                    "Жители Бельмара одобрили строительство семикилометровой трамвайной линии, которая свяжет вокзал, старый порт и университетский кампус. Как сообщает газета «Курье дю Литораль», на воскресном местном референдуме «за» проголосовали 53 %, явка составила 41 % — чуть выше 40 %, при которых решение обязательно для городского совета.",
                ],
                ["subheading", "Что было в бюллетене"],
                [
                    "paragraph",
                    "Жителей спрашивали, должен ли город построить линию и убрать ради неё парковку вдоль большей части главного проспекта. По данным газеты, именно парковка и стала главным предметом спора: владельцы магазинов на проспекте агитировали против, а студенты и жители районов у кампуса — за.",
                ],
                [
                    "paragraph",
                    "Разбивка результатов по участкам, которую опубликовал «Курье дю Литораль», показывает чёткую границу. Центр и университетские кварталы проголосовали «за» с большим отрывом; жилые пригороды на холмах, где в большинстве семей по две машины, в основном сказали «нет».",
                ],
                [
                    "quote",
                    {
                        "text": "Половина города хочет трамвай, другая половина — место для машины. Теперь нам нужно построить то, с чем смогут жить обе половины.",
                        "attribution": "Заместитель мэра — «Курье дю Литораль»",
                    },
                ],
                ["subheading", "Что дальше"],
                [
                    "paragraph",
                    "Осенью город собирается подать заявки на региональное и национальное софинансирование; если деньги найдутся, строительство может начаться через три года. Газета отмечает, что противники трамвая не исключают судебного спора о формулировке вопроса.",
                ],
                [
                    "paragraph",
                    "Пока же совет обещал создать рабочую группу с владельцами магазинов на проспекте, чтобы вместе спроектировать разгрузочные карманы и кратковременные парковки на соседних улицах. Как пишет «Курье дю Литораль», ассоциация торговцев согласилась участвовать, хотя по-прежнему считает проект риском для малого бизнеса.",
                ],
            ],
        },
    },
    {
        "slug": "castelvento-lets-sixteen-year-olds-vote-in-consultations",
        "slug_ru": "v-kastelvento-shestnadtsatiletnim-razreshili-golosovat",
        "section": "politics",
        "authors": ["daria-sokolova", "mark-ellison"],
        "hours_ago": 260,
        "tags": {
            "en": ["Elections", "Youth", "Local government"],
            "ru": ["Выборы", "Молодёжь", "Местное самоуправление"],
        },
        "image": {
            "colors": ["#ff006e", "#ffbe0b"],
            "motif": "grid",
            "caption": {
                "en": "Secondary-school students at a council information evening in Castelvento.",
                "ru": "Старшеклассники на информационной встрече в мэрии Кастельвенто.",
            },
            "photographer": "Giulia Ferraro",
            "agency": "Meridian Pictures",
            "via": "gazzetta",
        },
        "sources": [
            {
                "outlet": "gazzetta",
                "url": "https://gazzetta-colli.example.org/politica/castelvento-voto-sedicenni-consultazioni",
                "title": "Castelvento apre le consultazioni comunali ai sedicenni",
                "language": "it",
                "hours_ago": 268,
            }
        ],
        "en": {
            "title": "Castelvento lets sixteen-year-olds vote in town consultations",
            "dek": "The hill town's council has lowered the voting age for its local consultations, La Gazzetta dei Colli reports. The first vote, on the future of a disused quarry, takes place in the autumn.",
            "body": [
                [
                    "paragraph",
                    "Residents of Castelvento aged sixteen and seventeen will be able to take part in the town's local consultations from this autumn, after the municipal council voted to change its participation rules. La Gazzetta dei Colli reports that the change was approved by fourteen votes to two, with one abstention, after almost a year of discussion in committees, schools and a series of public evenings.",
                ],
                [
                    "paragraph",
                    "The decision does not affect national or regional elections, or the election of the mayor and council, which are governed by law. It applies only to the consultations that Castelvento organises on specific local questions, such as the use of public land or changes to the town's traffic plan. Until now, only residents aged eighteen and over could take part.",
                ],
                ["subheading", "How the idea came about"],
                [
                    "paragraph",
                    "According to the paper, the proposal did not come from the council at all. It was drafted by the student committee of the town's only secondary school, which collected more than 400 signatures, mostly from adults, and presented it at a public meeting two winters ago. The students argued that many of the questions put to residents, from school bus routes to the future of the sports ground, affected them directly and for longer than anyone else.",
                ],
                [
                    "paragraph",
                    "La Gazzetta dei Colli describes how the council's first reaction was polite scepticism. Several councillors questioned whether teenagers would take the consultations seriously, and whether the town could be accused of trying to shape outcomes by adding voters it expected to lean one way. The school committee responded by organising a mock consultation on the school's own timetable, with turnout of more than 70 per cent.",
                ],
                [
                    "quote",
                    {
                        "text": "They asked us whether we were mature enough to vote. We asked them to come and watch us do it.",
                        "attribution": "A member of the student committee, speaking to La Gazzetta dei Colli",
                    },
                ],
                ["subheading", "The safeguards"],
                [
                    "paragraph",
                    "The rules adopted by the council, as summarised by La Gazzetta dei Colli, include several conditions intended to answer the sceptics. Consultations remain advisory, as they were before: the council must debate the result and explain its decision in writing, but it is not bound by it. Sixteen- and seventeen-year-olds will be registered automatically from the population register, as adults are, so that no one has to apply. Results will be published broken down by age group, so that it is visible whether younger voters changed the outcome.",
                ],
                [
                    "paragraph",
                    "The council also committed to an evaluation after three consultations. If participation among younger residents falls below a fixed threshold, the question of whether to keep the change will come back to the council automatically.",
                ],
                ["subheading", "The quarry question"],
                [
                    "paragraph",
                    "The first test will be a consultation planned for October on what to do with a limestone quarry that closed in the 1990s on the edge of town. The paper reports that three options are on the table: letting the site return to nature as a protected area, building a small solar park on the flat floor of the quarry, or turning part of it into an open-air venue for concerts and the town's summer festival.",
                ],
                [
                    "paragraph",
                    "Each option has its supporters. Naturalists point to a colony of rare bats that roosts in the old galleries; the solar option would bring the municipality a steady income; the festival option is popular with local businesses. La Gazzetta dei Colli notes that the students' committee has already announced a debate evening at the school, to which representatives of all three camps have been invited.",
                ],
                ["subheading", "Reactions"],
                [
                    "paragraph",
                    "The paper collected reactions in the town's main square. Older residents were divided, with some welcoming the idea of involving young people in local decisions and others saying that sixteen-year-olds should concentrate on their studies. Several parents told La Gazzetta dei Colli they thought the debate itself had been valuable, whatever its outcome, because it had made their children read the council's documents for the first time.",
                ],
                [
                    "paragraph",
                    "The council has also asked the school to add a short course on how local government works to the final two years of the curriculum, so that new voters understand what a consultation can and cannot decide. Teachers told La Gazzetta dei Colli they welcomed the idea but would need materials, and the town has promised to prepare them with the help of its own staff.",
                ],
                [
                    "paragraph",
                    "Castelvento is not the first municipality in the region to experiment with wider participation, the paper points out, but it is the first to write the change into its formal rules rather than trying it once. Neighbouring councils are reported to be watching the quarry consultation closely.",
                ],
            ],
        },
        "ru": {
            "title": "В Кастельвенто шестнадцатилетним разрешили голосовать на городских консультациях",
            "dek": "Совет горного городка снизил возраст участия в местных консультациях, пишет «Гадзетта дей Колли». Первое голосование — о судьбе заброшенного карьера — пройдёт осенью.",
            "body": [
                [
                    "paragraph",
                    "С этой осени жители Кастельвенто в возрасте шестнадцати и семнадцати лет смогут участвовать в местных консультациях: муниципальный совет изменил правила общественного участия. Как сообщает газета «Гадзетта дей Колли», решение приняли четырнадцатью голосами против двух при одном воздержавшемся — после почти года обсуждений в комиссиях, школах и на открытых вечерах.",
                ],
                [
                    "paragraph",
                    "Решение не касается общенациональных и региональных выборов, а также выборов мэра и совета — их порядок определяет закон. Речь только о консультациях, которые Кастельвенто проводит по конкретным местным вопросам, например об использовании муниципальной земли или изменениях в схеме движения. До сих пор участвовать в них могли лишь жители старше восемнадцати лет.",
                ],
                ["subheading", "Откуда взялась идея"],
                [
                    "paragraph",
                    "По данным газеты, предложение исходило вовсе не от совета. Его подготовил ученический комитет единственной в городе средней школы: школьники собрали больше 400 подписей, в основном взрослых, и представили инициативу на открытом собрании две зимы назад. Они доказывали, что многие вопросы, которые выносят на консультации, — от маршрутов школьных автобусов до будущего стадиона — касаются их напрямую и дольше, чем кого-либо ещё.",
                ],
                [
                    "paragraph",
                    "«Гадзетта дей Колли» рассказывает, что поначалу совет отнёсся к идее с вежливым скепсисом. Несколько депутатов сомневались, что подростки отнесутся к консультациям серьёзно, и опасались обвинений в том, что город пытается повлиять на исход, добавив избирателей с предсказуемыми взглядами. В ответ школьный комитет провёл пробную консультацию по расписанию самой школы — явка превысила 70 %.",
                ],
                [
                    "quote",
                    {
                        "text": "Нас спрашивали, достаточно ли мы взрослые, чтобы голосовать. А мы предложили прийти и посмотреть, как мы это делаем.",
                        "attribution": "Член ученического комитета — в разговоре с газетой «Гадзетта дей Колли»",
                    },
                ],
                ["subheading", "Страховочные механизмы"],
                [
                    "paragraph",
                    "Правила, которые принял совет, в изложении газеты «Гадзетта дей Колли» содержат несколько условий, призванных ответить скептикам. Консультации, как и прежде, носят рекомендательный характер: совет обязан обсудить их итоги и письменно объяснить своё решение, но не обязан им следовать. Шестнадцати- и семнадцатилетних будут вносить в списки автоматически по данным регистра населения, как и взрослых, — подавать заявление никому не придётся. Результаты будут публиковать с разбивкой по возрастным группам, чтобы было видно, повлияли ли молодые избиратели на исход.",
                ],
                [
                    "paragraph",
                    "Кроме того, совет обязался подвести итоги после трёх консультаций. Если участие молодёжи опустится ниже установленного порога, вопрос о сохранении новых правил автоматически вернётся на рассмотрение совета.",
                ],
                ["subheading", "Вопрос о карьере"],
                [
                    "paragraph",
                    "Первым испытанием станет консультация, назначенная на октябрь, — о будущем известнякового карьера на окраине города, закрытого ещё в 1990-х. По данным газеты, рассматриваются три варианта: оставить территорию природе и сделать её охраняемой, построить на ровном дне карьера небольшую солнечную электростанцию или превратить часть его в площадку под открытым небом для концертов и летнего городского фестиваля.",
                ],
                [
                    "paragraph",
                    "У каждого варианта есть сторонники. Натуралисты напоминают о колонии редких летучих мышей, живущей в старых штольнях; солнечная станция принесла бы муниципалитету стабильный доход; фестивальную площадку поддерживает местный бизнес. «Гадзетта дей Колли» отмечает, что ученический комитет уже объявил о дебатах в школе и пригласил представителей всех трёх лагерей.",
                ],
                ["subheading", "Реакция"],
                [
                    "paragraph",
                    "Газета собрала мнения на главной площади города. Старшее поколение разделилось: одни приветствуют идею привлечь молодёжь к местным решениям, другие считают, что в шестнадцать лет надо думать об учёбе. Несколько родителей сказали газете «Гадзетта дей Колли», что сама дискуссия уже принесла пользу, каким бы ни был итог: их дети впервые в жизни прочитали документы городского совета.",
                ],
                [
                    "paragraph",
                    "Совет также попросил школу включить в программу двух последних классов короткий курс об устройстве местного самоуправления, чтобы новые избиратели понимали, что консультация может решить, а что нет. Учителя сказали газете «Гадзетта дей Колли», что идея им нравится, но понадобятся учебные материалы, — город пообещал подготовить их силами собственных сотрудников.",
                ],
                [
                    "paragraph",
                    "Кастельвенто — не первый муниципалитет региона, который экспериментирует с расширением участия, подчёркивает газета, но первый, кто закрепил изменения в официальных правилах, а не ограничился разовым опытом. Соседние советы, по имеющимся сведениям, внимательно следят за консультацией о карьере.",
                ],
            ],
        },
    },
    {
        "slug": "twin-towns-sign-cross-border-commuter-tax-deal",
        "slug_ru": "goroda-bliznetsy-podpisali-nalogovoe-soglashenie",
        "section": "politics",
        "authors": ["anna-volkova"],
        "hours_ago": 320,
        "tags": {
            "en": ["Cross-border", "Labour", "Taxes"],
            "ru": ["Приграничье", "Труд", "Налоги"],
        },
        "image": {
            "colors": ["#3a0ca3", "#4cc9f0"],
            "motif": "bars",
            "caption": {
                "en": "Commuters cross the footbridge between Erlenbrück and Wierzbinów at seven in the morning.",
                "ru": "Жители идут на работу по пешеходному мосту между Эрленбрюком и Вежбинувом в семь утра.",
            },
            "photographer": "Jonas Weber",
            "agency": "Harbourline Images",
            "via": "nordlicht",
        },
        "sources": [
            {
                "outlet": "nordlicht",
                "url": "https://nordlicht-zeitung.example.org/2026/erlenbrueck-wierzbinow-pendler-abkommen",
                "title": "Erlenbrück und Wierzbinów einigen sich bei den Grenzpendlern",
                "language": "de",
                "hours_ago": 331,
            },
            {
                "outlet": "kurier",
                "url": "https://kurier-nadwislanski.example.com/region/wierzbinow-erlenbrueck-porozumienie-podatki",
                "title": "Wierzbinów i Erlenbrück dzielą się podatkami. Kto zyska?",
                "language": "pl",
                "hours_ago": 336,
            },
        ],
        "en": {
            "title": "Twin border towns agree to share commuters' local taxes",
            "dek": "Erlenbrück and Wierzbinów will pool part of the tax paid by people who live in one town and work in the other, Nordlicht Zeitung and Kurier Nadwiślański report.",
            "body": [
                [
                    "paragraph",
                    "The councils of Erlenbrück and Wierzbinów, two towns facing each other across the river Wirna, have signed an agreement on how to share the local taxes of cross-border commuters. Nordlicht Zeitung reports that about 2,100 people cross the footbridge between the towns to work every day, most of them living in Wierzbinów and working in Erlenbrück's factories and care homes.",
                ],
                ["subheading", "The problem"],
                [
                    "paragraph",
                    "According to Kurier Nadwiślański, the imbalance has frustrated Wierzbinów for years: its residents use the town's schools, roads and clinics, but a large share of their income-related local tax ends up in Erlenbrück, where they work. Erlenbrück, for its part, argued that it pays for the industrial estates and the bus links that make those jobs possible.",
                ],
                [
                    "paragraph",
                    "Under the new arrangement, both papers report, the towns will pay a fixed share of commuter-related revenue into a joint fund managed by a committee of councillors from both sides. The fund will finance a list of shared projects, starting with a second footbridge and a bilingual nursery.",
                ],
                ["subheading", "Not everyone is convinced"],
                [
                    "paragraph",
                    "Kurier Nadwiślański notes that some Wierzbinów councillors wanted direct transfers to the town's budget rather than a joint fund. In Erlenbrück, Nordlicht Zeitung writes, opposition members warned that the deal could be challenged by the regional tax authorities, which have not yet given a formal opinion. Both councils say they are confident the arrangement is within their powers.",
                ],
                [
                    "paragraph",
                    "For the commuters themselves, little changes in the short term: the agreement does not alter how much tax any individual pays, only where part of it ends up. What they will notice, according to Nordlicht Zeitung, is the second footbridge, which could open within three years and would shorten the walk from the Wierzbinów housing estates to the industrial zone by about twenty minutes.",
                ],
            ],
        },
        "ru": {
            "title": "Приграничные города-близнецы договорились делить местные налоги",
            "dek": "Эрленбрюк и Вежбинув будут объединять часть налогов тех, кто живёт в одном городе, а работает в другом, пишут «Нордлихт Цайтунг» и «Курьер Надвисляньски».",
            "body": [
                [
                    "paragraph",
                    "Советы Эрленбрюка и Вежбинува — двух городов, стоящих друг напротив друга на берегах Вирны, — подписали соглашение о том, как делить местные налоги трансграничных работников. По данным газеты «Нордлихт Цайтунг», каждый день по пешеходному мосту на работу переходят около 2100 человек; в большинстве своём они живут в Вежбинуве и работают на заводах и в домах престарелых Эрленбрюка.",
                ],
                ["subheading", "В чём проблема"],
                [
                    "paragraph",
                    "Как пишет «Курьер Надвисляньски», этот перекос годами раздражал Вежбинув: его жители пользуются городскими школами, дорогами и поликлиниками, а значительная часть местного налога с их доходов уходит в Эрленбрюк, где они работают. Эрленбрюк, в свою очередь, возражал, что именно он оплачивает промышленные зоны и автобусные маршруты, без которых этих рабочих мест не было бы.",
                ],
                [
                    "paragraph",
                    "По новой схеме, сообщают обе газеты, города будут перечислять фиксированную долю поступлений, связанных с трансграничными работниками, в общий фонд под управлением комиссии из депутатов обеих сторон. Из фонда будут финансироваться совместные проекты — в первую очередь второй пешеходный мост и двуязычный детский сад.",
                ],
                ["subheading", "Убеждены не все"],
                [
                    "paragraph",
                    "«Курьер Надвисляньски» отмечает, что часть депутатов Вежбинува предпочла бы прямые перечисления в городской бюджет, а не общий фонд. В Эрленбрюке, пишет «Нордлихт Цайтунг», оппозиция предупреждает, что соглашение могут оспорить региональные налоговые органы, которые пока не дали официального заключения. Оба совета уверены, что не вышли за пределы своих полномочий.",
                ],
                [
                    "paragraph",
                    "Для самих работников в ближайшее время мало что изменится: соглашение не влияет на то, сколько налогов платит каждый, — только на то, куда попадает их часть. Заметным, по словам «Нордлихт Цайтунг», станет второй пешеходный мост: его могут открыть в течение трёх лет, и он сократит путь от жилых кварталов Вежбинува до промзоны примерно на двадцать минут.",
                ],
            ],
        },
    },
    {
        "slug": "port-lavande-automates-container-cranes",
        "slug_ru": "port-lavand-avtomatiziruet-kontejnernye-krany",
        "section": "economy",
        "authors": ["mark-ellison"],
        "hours_ago": 230,
        "tags": {"en": ["Ports", "Labour", "Investment"], "ru": ["Порты", "Труд", "Инвестиции"]},
        "image": {
            "colors": ["#212529", "#ff7b00"],
            "motif": "grid",
            "caption": {
                "en": "Container cranes on the south quay of Port-Lavande.",
                "ru": "Контейнерные краны на южном причале Пор-Лаванда.",
            },
            "photographer": "Claire Morvan",
            "agency": "Harbourline Images",
            "via": "courrier",
        },
        "sources": [
            {
                "outlet": "courrier",
                "url": "https://courrier-littoral.example.com/economie/port-lavande-portiques-automatises",
                "title": "Port-Lavande automatise ses portiques : les dockers négocient",
                "language": "fr",
                "hours_ago": 238,
            },
            {
                "outlet": "faro",
                "url": "https://faro-del-sur.example.net/economia/puerto-salobre-mira-a-port-lavande",
                "title": "Los estibadores de Puerto Salobre miran con inquietud a Port-Lavande",
                "language": "es",
                "hours_ago": 240,
            },
        ],
        "en": {
            "title": "Port-Lavande automates its container cranes, and dockworkers negotiate",
            "dek": "The port's operator will convert four cranes to remote control over two years, Le Courrier du Littoral reports; across the gulf, El Faro del Sur finds dockworkers watching closely.",
            "body": [
                [
                    "paragraph",
                    "The company that runs the container terminal at Port-Lavande plans to convert four of its six ship-to-shore cranes to remote operation, according to Le Courrier du Littoral. Crane drivers would no longer sit in cabins forty metres above the quay but in a control room on land, each supervising more than one crane at a time.",
                ],
                ["subheading", "The operator's case"],
                [
                    "paragraph",
                    "The terminal operator told the paper that the investment, estimated at 38 million euros, is needed to keep larger ships calling at the port, which competes with bigger terminals along the coast. It says remote operation will also improve safety and allow work to continue in stronger winds, when crane cabins currently have to be evacuated.",
                ],
                ["subheading", "The union's conditions"],
                [
                    "paragraph",
                    "The dockworkers' union has not rejected the plan outright. According to Le Courrier du Littoral, it is negotiating a guarantee that no permanent jobs will be cut, a retraining programme for crane drivers, and a say in how many cranes one operator may supervise. Talks are scheduled to continue through the autumn.",
                ],
                [
                    "quote",
                    {
                        "text": "We are not against the future. We just want to make sure we are still in it.",
                        "attribution": "A union representative at the terminal, quoted by Le Courrier du Littoral",
                    },
                ],
                ["subheading", "Seen from across the gulf"],
                [
                    "paragraph",
                    "El Faro del Sur reports that dockworkers in Puerto Salobre, a smaller port on the other side of the Gulf of Orenza, are following the talks closely. Their own terminal has no automation plans for now, but several told the paper they expect whatever Port-Lavande agrees to become the template for the region.",
                ],
                [
                    "paragraph",
                    "The first converted crane is expected to enter service next spring.",
                ],
            ],
        },
        "ru": {
            "title": "Пор-Лаванд автоматизирует контейнерные краны, докеры ведут переговоры",
            "dek": "Оператор порта за два года переведёт четыре крана на дистанционное управление, пишет «Курье дю Литораль»; по другую сторону залива, как выяснила газета «Эль Фаро дель Сур», докеры внимательно следят за событиями.",
            "body": [
                [
                    "paragraph",
                    "Компания, управляющая контейнерным терминалом Пор-Лаванда, собирается перевести на дистанционное управление четыре из шести причальных кранов, сообщает газета «Курье дю Литораль». Крановщики будут сидеть уже не в кабинах в сорока метрах над причалом, а в диспетчерской на берегу, и каждый станет управлять сразу несколькими кранами.",
                ],
                ["subheading", "Доводы оператора"],
                [
                    "paragraph",
                    "Оператор терминала объяснил газете, что вложения, оцениваемые в 38 миллионов евро, необходимы, чтобы в порт и дальше заходили крупные суда: он конкурирует с более мощными терминалами на побережье. По словам компании, дистанционное управление повысит безопасность и позволит работать при более сильном ветре — сейчас в таких случаях кабины кранов приходится покидать.",
                ],
                ["subheading", "Условия профсоюза"],
                [
                    "paragraph",
                    "Профсоюз докеров не стал отвергать план с порога. По данным газеты «Курье дю Литораль», он добивается гарантий, что постоянные рабочие места не будут сокращены, программы переобучения для крановщиков и права голоса в вопросе о том, сколько кранов может вести один оператор. Переговоры продолжатся всю осень.",
                ],
                [
                    "quote",
                    {
                        "text": "Мы не против будущего. Мы просто хотим убедиться, что в нём найдётся место и для нас.",
                        "attribution": "Представитель профсоюза на терминале — «Курье дю Литораль»",
                    },
                ],
                ["subheading", "Взгляд с другого берега"],
                [
                    "paragraph",
                    "Газета «Эль Фаро дель Сур» пишет, что за переговорами пристально следят докеры Пуэрто-Салобре — меньшего порта на противоположном берегу залива Оренса. На их терминале автоматизацию пока не планируют, но несколько человек сказали газете, что любые договорённости в Пор-Лаванде, скорее всего, станут образцом для всего региона.",
                ],
                [
                    "paragraph",
                    "Первый переоборудованный кран должен заработать следующей весной.",
                ],
            ],
        },
    },
    {
        "slug": "passo-dorato-freight-tunnel-costs-reviewed",
        "slug_ru": "stoimost-tonnelya-passo-dorato-peresmotryat",
        "section": "economy",
        "authors": ["mark-ellison", "anna-volkova"],
        "hours_ago": 290,
        "tags": {
            "en": ["Railways", "Transport", "Investment"],
            "ru": ["Железные дороги", "Транспорт", "Инвестиции"],
        },
        "image": {
            "colors": ["#495057", "#adb5bd"],
            "motif": "skyline",
            "caption": {
                "en": "The northern portal of the Passo Dorato exploratory gallery.",
                "ru": "Северный портал разведочной штольни под перевалом Пассо-Дорато.",
            },
            "photographer": "Luca Benedetti",
            "agency": "Atlas Field Photo",
            "via": "gazzetta",
        },
        "sources": [
            {
                "outlet": "gazzetta",
                "url": "https://gazzetta-colli.example.org/economia/galleria-passo-dorato-costi-revisione",
                "title": "Galleria del Passo Dorato, i costi salgono: il progetto va in revisione",
                "language": "it",
                "hours_ago": 299,
            }
        ],
        "en": {
            "title": "Rising costs send the Passo Dorato freight tunnel back for review",
            "dek": "The estimated price of the rail tunnel has grown by almost a third, La Gazzetta dei Colli reports, and the regional government wants an independent check before signing contracts.",
            "body": [
                [
                    "paragraph",
                    "The planned freight rail tunnel under the Passo Dorato will be subjected to an independent cost review before any construction contracts are signed, according to La Gazzetta dei Colli. The paper reports that the project company's latest estimate puts the total at 2.9 billion euros, almost a third more than the figure presented when the project was approved four years ago.",
                ],
                ["subheading", "Where the money went"],
                [
                    "paragraph",
                    "According to the documents cited by the paper, about half of the increase comes from general rises in construction prices. The rest is attributed to geology: an exploratory gallery bored over the past two years found a longer stretch of fractured rock than expected on the southern side, which will require slower excavation and heavier lining.",
                ],
                [
                    "paragraph",
                    "The project company argues that finding such problems early is exactly the purpose of an exploratory gallery, and that the updated figure is more reliable for that reason. Critics quoted by La Gazzetta dei Colli respond that the original estimate was optimistic from the start.",
                ],
                [
                    "paragraph",
                    "The paper also points out that the financing plan has not kept pace. The national government and the region agreed to split the original budget, but neither has said whether it will cover its share of the increase. European transport funds could cover part of the cost, although an application would have to be resubmitted with the new figures, adding months to the timetable.",
                ],
                ["subheading", "Why the valley cares"],
                [
                    "paragraph",
                    "For the communities along the valley road, the tunnel is less about rail policy than about lorries. The paper notes that several thousand heavy vehicles cross the pass each day in summer, and that the tunnel's main promise was to move a large share of that traffic onto trains. Mayors of the valley towns told the paper they feared a review would become a delay, and a delay would become a cancellation.",
                ],
                [
                    "quote",
                    {
                        "text": "Every year we wait is another year of trucks under our windows.",
                        "attribution": "The mayor of a valley town, speaking to La Gazzetta dei Colli",
                    },
                ],
                ["subheading", "What the review will look at"],
                [
                    "paragraph",
                    "The regional government says the review will examine the geological risk assessment, the construction timetable and the forecasts for freight volumes, and should be completed within six months. La Gazzetta dei Colli notes that the freight forecasts may prove the most sensitive part: they were prepared before two large logistics centres in the plain below were built, and no one has yet published how those changed expected traffic.",
                ],
                [
                    "paragraph",
                    "Work on the exploratory gallery will continue in the meantime.",
                ],
            ],
        },
        "ru": {
            "title": "Рост расходов отправил грузовой тоннель Пассо-Дорато на пересмотр",
            "dek": "Сметная стоимость железнодорожного тоннеля выросла почти на треть, пишет «Гадзетта дей Колли», и региональное правительство требует независимой проверки до подписания контрактов.",
            "body": [
                [
                    "paragraph",
                    "Прежде чем будут подписаны строительные контракты, проект грузового железнодорожного тоннеля под перевалом Пассо-Дорато пройдёт независимую проверку расходов, сообщает газета «Гадзетта дей Колли». По её данным, последняя оценка проектной компании — 2,9 миллиарда евро, почти на треть больше суммы, которую называли при утверждении проекта четыре года назад.",
                ],
                ["subheading", "Куда ушли деньги"],
                [
                    "paragraph",
                    "Согласно документам, на которые ссылается газета, примерно половина прироста объясняется общим удорожанием строительства. Остальное — геология: разведочная штольня, которую проходили последние два года, обнаружила на южной стороне более протяжённый, чем ожидалось, участок трещиноватых пород — там придётся копать медленнее и ставить более мощную обделку.",
                ],
                [
                    "paragraph",
                    "Проектная компания настаивает, что разведочная штольня для того и нужна, чтобы выявлять такие проблемы заранее, и потому новая цифра надёжнее прежней. Критики, которых цитирует «Гадзетта дей Колли», возражают, что первоначальная оценка с самого начала была слишком оптимистичной.",
                ],
                [
                    "paragraph",
                    "Газета обращает внимание и на то, что план финансирования за сметой не поспевает. Государство и регион договорились поделить первоначальный бюджет пополам, но ни одна из сторон не сказала, возьмёт ли на себя свою долю прироста. Часть расходов могли бы покрыть европейские транспортные фонды, однако заявку придётся подавать заново с новыми цифрами, и это добавит к графику ещё несколько месяцев.",
                ],
                ["subheading", "Почему это важно для долины"],
                [
                    "paragraph",
                    "Для посёлков вдоль дороги через долину тоннель — вопрос не столько железнодорожной политики, сколько грузовиков. Газета напоминает, что летом через перевал ежедневно проходят несколько тысяч большегрузов и что главным обещанием тоннеля было перевести значительную часть этого потока на поезда. Мэры городков долины сказали газете, что боятся, как бы проверка не обернулась отсрочкой, а отсрочка — отменой.",
                ],
                [
                    "quote",
                    {
                        "text": "Каждый год ожидания — это ещё один год фур под нашими окнами.",
                        "attribution": "Мэр одного из городков долины — в разговоре с газетой «Гадзетта дей Колли»",
                    },
                ],
                ["subheading", "Что будут проверять"],
                [
                    "paragraph",
                    "Региональное правительство сообщает, что проверка охватит оценку геологических рисков, график строительства и прогнозы грузопотока и должна завершиться в течение шести месяцев. «Гадзетта дей Колли» отмечает, что самым чувствительным может оказаться прогноз грузопотока: его готовили до того, как на равнине внизу построили два крупных логистических центра, и никто пока не опубликовал, как они изменили ожидаемый трафик.",
                ],
                [
                    "paragraph",
                    "Тем временем работы в разведочной штольне продолжатся.",
                ],
            ],
        },
    },
    {
        "slug": "wisniogrod-bakeries-form-flour-buying-cooperative",
        "slug_ru": "pekarni-vishnegruda-sozdali-zakupochnyy-kooperativ",
        "section": "economy",
        "authors": ["anna-volkova"],
        "hours_ago": 380,
        "tags": {
            "en": ["Small business", "Agriculture", "Households"],
            "ru": ["Малый бизнес", "Сельское хозяйство", "Домохозяйства"],
        },
        "image": {
            "colors": ["#bc6c25", "#fefae0"],
            "motif": "circles",
            "caption": {
                "en": "Morning bread in a family bakery in Wiśniogród's old town.",
                "ru": "Утренний хлеб в семейной пекарне в старом городе Вишнегруда.",
            },
            "photographer": "Agata Mróz",
            "agency": "Meridian Pictures",
            "via": "kurier",
        },
        "sources": [
            {
                "outlet": "kurier",
                "url": "https://kurier-nadwislanski.example.com/gospodarka/piekarnie-wisniogrod-spoldzielnia-maka",
                "title": "Piekarze z Wiśniogrodu kupują mąkę razem. Chleb ma nie drożeć",
                "language": "pl",
                "hours_ago": 392,
            }
        ],
        "en": {
            "title": "Wiśniogród's family bakeries club together to buy flour",
            "dek": "Eleven small bakeries have formed a buying cooperative to negotiate with mills, Kurier Nadwiślański reports, in the hope of keeping the price of a loaf steady.",
            "body": [
                [
                    "paragraph",
                    "Eleven family-run bakeries in Wiśniogród have set up a cooperative to buy flour, yeast and packaging together, Kurier Nadwiślański reports. On their own, the paper writes, most of them buy a few tonnes of flour a month and have little room to negotiate; together they will order enough to deal directly with two regional mills.",
                ],
                ["subheading", "Squeezed from both sides"],
                [
                    "paragraph",
                    "According to Kurier Nadwiślański, the bakers have faced higher costs for flour, electricity for their ovens and wages over the past two years, while supermarkets in the city's retail parks sell bread at prices small shops cannot match. Two independent bakeries in the old town closed last year.",
                ],
                [
                    "paragraph",
                    "The cooperative's founders told the paper they expect savings of around eight per cent on flour, and more on packaging, which they previously bought in small batches at high unit prices. They have promised not to raise the price of their basic rye loaf this year if the savings materialise.",
                ],
                [
                    "quote",
                    {
                        "text": "For thirty years we competed with each other for the same street. It took the supermarkets to make us friends.",
                        "attribution": "A third-generation baker, quoted by Kurier Nadwiślański",
                    },
                ],
                ["subheading", "Beyond flour"],
                [
                    "paragraph",
                    "The paper reports that the cooperative also plans a shared delivery van for restaurants and schools, and a joint apprenticeship programme, since several members struggle to find young bakers willing to start work at three in the morning. The city's business development office has offered free legal advice for the first year.",
                ],
                [
                    "paragraph",
                    "Not all bakers in the city have joined. Kurier Nadwiślański spoke to two who prefer to keep their own suppliers, citing long relationships with small local millers and special flours that a joint order could not accommodate. The cooperative says its door remains open and that members are free to keep buying speciality flour on their own.",
                ],
            ],
        },
        "ru": {
            "title": "Семейные пекарни Вишнегруда объединились, чтобы закупать муку",
            "dek": "Одиннадцать небольших пекарен создали закупочный кооператив для переговоров с мельницами, пишет «Курьер Надвисляньски», — в надежде удержать цену буханки.",
            "body": [
                [
                    "paragraph",
                    "Одиннадцать семейных пекарен Вишнегруда создали кооператив для совместной закупки муки, дрожжей и упаковки, сообщает газета «Курьер Надвисляньски». Поодиночке, пишет газета, большинство из них покупает по несколько тонн муки в месяц и почти не может торговаться; вместе же они будут заказывать столько, что смогут работать напрямую с двумя региональными мельницами.",
                ],
                ["subheading", "Под давлением с двух сторон"],
                [
                    "paragraph",
                    "По данным газеты «Курьер Надвисляньски», за последние два года у пекарей выросли расходы на муку, электричество для печей и зарплаты, а супермаркеты в торговых центрах на окраинах продают хлеб по ценам, с которыми маленькие лавки конкурировать не могут. В прошлом году в старом городе закрылись две независимые пекарни.",
                ],
                [
                    "paragraph",
                    "Основатели кооператива рассказали газете, что рассчитывают сэкономить около восьми процентов на муке и больше — на упаковке, которую раньше закупали мелкими партиями по высокой цене. Если экономия окажется реальной, они обещают в этом году не поднимать цену на обычный ржаной хлеб.",
                ],
                [
                    "quote",
                    {
                        "text": "Тридцать лет мы соперничали друг с другом за одну и ту же улицу. Подружили нас только супермаркеты.",
                        "attribution": "Пекарь в третьем поколении — «Курьер Надвисляньски»",
                    },
                ],
                ["subheading", "Не только мука"],
                [
                    "paragraph",
                    "Газета пишет, что кооператив также планирует общий фургон для доставки в рестораны и школы и совместную программу подготовки учеников: нескольким пекарням трудно найти молодых людей, готовых начинать работу в три часа ночи. Городской отдел поддержки предпринимательства предложил кооперативу бесплатные юридические консультации на первый год.",
                ],
                [
                    "paragraph",
                    "Присоединились не все пекари города. «Курьер Надвисляньски» поговорил с двумя, которые предпочитают прежних поставщиков: у них давние отношения с небольшими местными мельницами и особые сорта муки, которые в общий заказ не впишешь. В кооперативе говорят, что двери для них открыты, а специальную муку участники по-прежнему могут закупать самостоятельно.",
                ],
            ],
        },
    },
]
