"""Our own texts for originality tests: a fictional outlet's report and what a newsroom makes of it.

Written for the tests (fictional places of the demo, no real outlet's words): the German source,
faithful English, Russian, French, Spanish, Italian and Polish translations of it, and an
English interpretation that retells the story in its own words with one attributed quote.
"""

SOURCE_DE_TITLE = "Fährstreik in Kaltenhafen beendet: Einigung nach neun Tagen"
SOURCE_DE = (
    "Nach neun Tagen Streik fahren die Fähren zwischen Kaltenhafen und der Insel Möwenholm "
    "wieder. Die Gewerkschaft der Besatzungen und die städtische Fährgesellschaft unterzeichneten "
    "am späten Sonntagabend eine Vereinbarung. Die Löhne steigen in zwei Jahren um 6,5 Prozent. "
    "Eine Schicht an Bord dauert künftig höchstens sieben Tage statt zehn. Bis zum Sommer stellt "
    "die Gesellschaft elf zusätzliche Matrosen ein. Der Kreistag übernimmt einen Teil der Kosten "
    "aus dem Verkehrshaushalt. Während des Streiks war die Insel nur mit einem Rettungsboot und "
    "einem Versorgungsschiff jeden zweiten Tag erreichbar. In den beiden Lebensmittelläden der "
    "Insel wurden die Regale leer, und die Schulkinder lernten zu Hause am Bildschirm. Die "
    "Mitglieder der Gewerkschaft müssen der Einigung in der nächsten Woche noch zustimmen."
)

TRANSLATIONS = {
    "en": (
        "After nine days of strike, the ferries between Kaltenhafen and the island of Möwenholm "
        "are running again. The crews' union and the municipal ferry company signed an agreement "
        "late on Sunday evening. Wages will rise by 6.5 per cent over two years. A shift on board "
        "will last at most seven days instead of ten. By the summer the company will hire eleven "
        "additional sailors. The district council will cover part of the costs from the transport "
        "budget. During the strike the island could only be reached by a rescue boat and a supply "
        "ship every other day. The shelves emptied in the island's two grocery shops, and "
        "schoolchildren studied at home in front of a screen. The union's members still have to "
        "approve the agreement next week."
    ),
    "ru": (
        "После девяти дней забастовки паромы между Кальтенхафеном и островом Мёвенхольм снова "
        "ходят. Профсоюз экипажей и муниципальная паромная компания подписали соглашение поздно "
        "вечером в воскресенье. Зарплаты вырастут на 6,5 процента за два года. Смена на борту "
        "будет длиться не более семи дней вместо десяти. До лета компания наймёт одиннадцать "
        "дополнительных матросов. Районный совет покроет часть расходов из транспортного бюджета. "
        "Во время забастовки до острова можно было добраться только на спасательной лодке и на "
        "судне снабжения через день. В двух продуктовых магазинах острова опустели полки, а "
        "школьники учились дома перед экраном. Члены профсоюза ещё должны одобрить соглашение на "
        "следующей неделе."
    ),
    "fr": (
        "Après neuf jours de grève, les ferries entre Kaltenhafen et l'île de Möwenholm circulent "
        "de nouveau. Le syndicat des équipages et la compagnie municipale de ferries ont signé un "
        "accord tard dimanche soir. Les salaires augmenteront de 6,5 pour cent en deux ans. Un "
        "service à bord durera au plus sept jours au lieu de dix. D'ici l'été, la compagnie "
        "embauchera onze marins supplémentaires. Le conseil du district prendra en charge une "
        "partie des coûts sur le budget des transports."
    ),
    "es": (
        "Tras nueve días de huelga, los ferris entre Kaltenhafen y la isla de Möwenholm vuelven a "
        "funcionar. El sindicato de las tripulaciones y la compañía municipal de ferris firmaron "
        "un acuerdo el domingo por la noche. Los salarios subirán un 6,5 por ciento en dos años. "
        "Un turno a bordo durará como máximo siete días en lugar de diez. Antes del verano la "
        "compañía contratará once marineros más."
    ),
    "it": (
        "Dopo nove giorni di sciopero, i traghetti tra Kaltenhafen e l'isola di Möwenholm sono "
        "tornati in servizio. Il sindacato degli equipaggi e la compagnia municipale dei traghetti "
        "hanno firmato un accordo domenica sera tardi. I salari aumenteranno del 6,5 per cento in "
        "due anni. Un turno a bordo durerà al massimo sette giorni invece di dieci. Entro l'estate "
        "la compagnia assumerà undici marinai in più."
    ),
    "pl": (
        "Po dziewięciu dniach strajku promy między Kaltenhafen a wyspą Möwenholm znów kursują. "
        "Związek zawodowy załóg i miejska spółka promowa podpisały porozumienie późnym wieczorem "
        "w niedzielę. Płace wzrosną o 6,5 procent w ciągu dwóch lat. Zmiana na pokładzie potrwa "
        "najwyżej siedem dni zamiast dziesięciu. Do lata spółka zatrudni jedenastu dodatkowych "
        "marynarzy."
    ),
}

# Our own retelling for English readers: different order, different sentences, one attributed
# quote of the source's words (translated), and context the source does not give.
INTERPRETATION_EN = (
    "Islanders on Möwenholm can plan trips to the mainland again. A walkout by ferry crews that "
    "had cut the island off for more than a week is over, Nordlicht Zeitung reports, and the "
    "crossings from Kaltenhafen resumed on Monday morning. The deal, which union members are "
    "expected to ratify in the coming days, trades shorter stints at sea for a modest raise spread "
    "over two years; the district is chipping in so that fares stay where they are. For the "
    "islanders the dispute was a reminder of how thin their link to the coast is: a single rescue "
    "launch and an occasional cargo run were all that kept groceries and patients moving. "
    "\u201cThe shelves in the island\u2019s two grocery shops emptied,\u201d the paper wrote of "
    "the second week. Similar disputes over long rotations have flared at several North Sea "
    "operators since the pandemic, as crews have grown harder to recruit."
)
