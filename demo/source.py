"""Demo data for the JastarUrban portal, transcribed from the source document.

Source: ``shared/seed/000_e58eded2726631ae.txt`` — the grant application (in Kazakh) that GAMO,
«Қоғамды дамыту мәселелері жөніндегі Маңғыстау облысының Азаматтық Альянсы» заңды тұлғалар
бірлестігі, submitted to NJSC «Азаматтық бастамаларды қолдау орталығы» for the social project
"JastarUrban: Ауылдан басталады" (01.06.2025 – 30.11.2025, Mangystau region).

Kazakh (``_kk``) texts are copied verbatim or faithfully condensed from the document (obvious
typos corrected); ``_ru`` and ``_en`` texts are translations. Where the project brief and the
document differ, the document was followed. This module is pure data: no logic, no Django.
"""

from datetime import date
from decimal import Decimal

# ---------------------------------------------------------------------------------------------
# Grant recipient (өтініш беруші)
# ---------------------------------------------------------------------------------------------

RECIPIENT = dict(
    name_kk=(
        "«Қоғамды дамыту мәселелері жөніндегі Маңғыстау облысының Азаматтық Альянсы» "
        "заңды тұлғалар бірлестігі (ассоциация нысанында)"
    ),
    name_ru=(
        "Объединение юридических лиц «Гражданский альянс Мангистауской области по вопросам "
        "развития общества» (в форме ассоциации)"
    ),
    name_en=(
        "Association of legal entities “Civil Alliance of Mangystau Region on Social "
        "Development Issues” (in the form of an association)"
    ),
    short_name="ГАМО",
    short_name_kk="ГАМО",
    short_name_ru="ГАМО",
    short_name_en="GAMO",
    bin="051140010597",
    registered_on=date(2005, 11, 21),
    reregistered_on=date(2013, 8, 8),
    legal_address_kk=(
        "Маңғыстау облысы, Ақтау қаласы, 26 шағын аудан, «Отар» Бизнес орталығы ғимараты"
    ),
    legal_address_ru=(
        "Мангистауская область, г. Актау, 26 микрорайон, здание бизнес-центра «Отар»"
    ),
    legal_address_en="Otar Business Centre building, 26th microdistrict, Aktau, Mangystau Region",
    actual_address_kk=(
        "Маңғыстау облысы, Ақтау қаласы, 34 шағын аудан, «Достық үйі» ғимараты, 34-кеңсе"
    ),
    actual_address_ru=(
        "Мангистауская область, г. Актау, 34 микрорайон, здание «Дом дружбы», офис 34"
    ),
    actual_address_en=(
        "Office 34, Dostyk Uii (House of Friendship) building, 34th microdistrict, Aktau, "
        "Mangystau Region"
    ),
    head_full_name="Ахметова Жібек Аманбайқызы",
    # The document's "Лауазымы" cell is truncated to "П"; «Президент» is the most likely reading.
    head_position_kk="Президент",
    head_position_ru="Президент",
    head_position_en="President",
    phone="+7 7292 303784",
    email="gamo_aktau@mail.ru",
    website="",
    social_links=[
        "https://www.facebook.com/GAMO.Mangystau",
        "https://www.instagram.com/gamo_aktau/",
        "https://www.youtube.com/channel/UCn1ja75F12L8qkbQvEXqowQ",
    ],
    activities_kk=(
        "Азаматтық бастамаларды қолдау және олардың дамуы бойынша халықпен жұмыс жүргізу; "
        "азаматтардың құқықтық, экологиялық, қаржылық, экономикалық, әлеуметтік және гендерлік "
        "сауаттылығын арттыруға бағытталған ағартушылық қызмет; жастармен жұмыс және олардың "
        "жан-жақты дамуына жәрдемдесу; шығармашылық бастамалар мен жеке тұлғаларды дамыту және "
        "қолдау; ҮЕҰ, кәсіподақтар қызметі және бизнестің қайырымдылығын ынталандыру саласындағы "
        "заңнамаға өзгерістер енгізу бойынша ұсыныстар әзірлеу; кәсіпкерлікті дамыту және "
        "қолдау; гранттық байқауларды ұйымдастыру және өткізу."
    ),
    activities_ru=(
        "Работа с населением по поддержке и развитию гражданских инициатив; просветительская "
        "деятельность по повышению правовой, экологической, финансовой, экономической, "
        "социальной и гендерной грамотности граждан; работа с молодёжью и содействие её "
        "всестороннему развитию; развитие и поддержка творческих инициатив и личностей; "
        "разработка предложений по изменению законодательства в сфере деятельности НПО, "
        "профсоюзов и стимулирования благотворительности бизнеса; развитие и поддержка "
        "предпринимательства; организация и проведение грантовых конкурсов."
    ),
    activities_en=(
        "Working with the population to support and develop civic initiatives; educational "
        "work to raise citizens' legal, environmental, financial, economic, social and gender "
        "literacy; work with young people and support for their all-round development; "
        "developing and supporting creative initiatives and individuals; drafting proposals to "
        "amend legislation on NGOs, trade unions and incentives for corporate philanthropy; "
        "developing and supporting entrepreneurship; organising and running grant competitions."
    ),
    target_groups_experience_kk=(
        "ҮЕҰ, ауылдық жерлердегі жергілікті қауымдастықтар, қала және ауыл тұрғындары, "
        "мемлекеттік органдар, әкімдіктер (ауылдық, қалалық, облыстық), жастар, шығармашылық "
        "мамандық иелері және т.б."
    ),
    target_groups_experience_ru=(
        "НПО, местные сообщества в сельской местности, городские и сельские жители, "
        "государственные органы, акиматы (сельские, городские, областной), молодёжь, "
        "представители творческих профессий и др."
    ),
    target_groups_experience_en=(
        "NGOs, local communities in rural areas, urban and rural residents, government bodies, "
        "akimats (village, city, regional), young people, people in creative professions, etc."
    ),
)

# ---------------------------------------------------------------------------------------------
# Earlier projects (іске асырылған негізгі жобалар мен бағдарламалар), in the document's order
# ---------------------------------------------------------------------------------------------

EARLIER_PROJECTS = [
    dict(
        title_kk=(
            "Ауылды бірлесе дамыту!: Жергілікті өзін-өзі басқаруды дамытуға бағытталған "
            "бірлескен тәсіл"
        ),
        title_ru="Развиваем село вместе!: совместный подход к развитию местного самоуправления",
        title_en="Developing the Village Together!: a joint approach to local self-government",
        funder_kk="Қазақстандағы Еуропалық Одақ Өкілдігі",
        funder_ru="Представительство Европейского союза в Казахстане",
        funder_en="Delegation of the European Union to Kazakhstan",
        period="2017–2020",
        year=2017,
        amount_kzt=206_100_000,
        results_kk=(
            "Жоба Маңғыстау облысының әкімдігі мен Еуропалық Одақтың қолдауымен жүзеге асты. "
            "13 ауылдың инклюзивті даму жоспарлары әзірленді (Түпқараған және Мұнайлы "
            "аудандары). 2018 жылы 10 481 128 теңгеге 8 грант, 2019 жылы 10 626 000 теңгеге "
            "16 грант берілді."
        ),
        results_ru=(
            "Проект реализован при поддержке акимата Мангистауской области и Европейского "
            "союза. Разработаны планы инклюзивного развития 13 сёл (Тупкараганский и "
            "Мунайлинский районы). Выдано 8 грантов на 10 481 128 тенге в 2018 году и "
            "16 грантов на 10 626 000 тенге в 2019 году."
        ),
        results_en=(
            "Implemented with the support of the Mangystau regional akimat and the European "
            "Union. Inclusive development plans were drawn up for 13 villages (Tupkaragan and "
            "Munaily districts). 8 grants worth 10,481,128 tenge were awarded in 2018 and "
            "16 grants worth 10,626,000 tenge in 2019."
        ),
    ),
    dict(
        title_kk=(
            "Әлеуметтік бағыттағы бейнероликтер арқылы өңірлік жастар саясатын әлеуметтік "
            "желілерде насихаттау"
        ),
        title_ru=(
            "Продвижение региональной молодёжной политики в социальных сетях посредством "
            "социальных видеороликов"
        ),
        title_en="Promoting regional youth policy on social media through social videos",
        funder_kk="Маңғыстау облысының Ішкі саясат басқармасы",
        funder_ru="Управление внутренней политики Мангистауской области",
        funder_en="Department of Internal Policy of Mangystau Region",
        period="04.2020–11.2020",
        year=2020,
        amount_kzt=3_998_000,
        results_kk=(
            "Жастар саясатын әлеуметтік желілерде бейнероликтер мен ақпараттық материалдар "
            "арқылы насихаттау (қазақ және орыс тілдерінде)."
        ),
        results_ru=(
            "Продвижение молодёжной политики в социальных сетях с помощью видеороликов и "
            "информационных материалов (на казахском и русском языках)."
        ),
        results_en=(
            "Youth policy promoted on social media through videos and information materials "
            "(in Kazakh and Russian)."
        ),
    ),
    dict(
        title_kk=(
            "Орта және жоғары оқу орындарындағы студенттерді қолдау, шығармашылығын дамыту "
            "және бастамаларын ынталандыру"
        ),
        title_ru=(
            "Поддержка студентов средних и высших учебных заведений, развитие их творчества и "
            "стимулирование инициатив"
        ),
        title_en=(
            "Supporting students of colleges and universities, developing their creativity "
            "and encouraging their initiatives"
        ),
        funder_kk="Маңғыстау облысының Ішкі саясат басқармасы",
        funder_ru="Управление внутренней политики Мангистауской области",
        funder_en="Department of Internal Policy of Mangystau Region",
        period="04.2020–11.2020",
        year=2020,
        amount_kzt=4_400_000,
        results_kk=(
            "Жастардың әлеуметтік-экономикалық және қоғамдық-саяси өмірге қатысуын арттыру "
            "арқылы патриотизм мен азаматтық тәрбиені нығайту."
        ),
        results_ru=(
            "Укрепление патриотизма и гражданского воспитания через повышение участия "
            "молодёжи в социально-экономической и общественно-политической жизни."
        ),
        results_en=(
            "Patriotism and civic education strengthened by increasing young people's "
            "participation in socio-economic and socio-political life."
        ),
    ),
    dict(
        title_kk=(
            "Өңірлік ресурстық орталықтың жұмысын ұйымдастыру арқылы үкіметтік емес секторды дамыту"
        ),
        title_ru=(
            "Развитие неправительственного сектора через организацию работы регионального "
            "ресурсного центра"
        ),
        title_en="Developing the non-governmental sector by running a regional resource centre",
        funder_kk="Маңғыстау облысының Ішкі саясат басқармасы",
        funder_ru="Управление внутренней политики Мангистауской области",
        funder_en="Department of Internal Policy of Mangystau Region",
        period="04.2020–11.2020",
        year=2020,
        amount_kzt=6_300_000,
        results_kk=(
            "Ауылдық ҮЕҰ үшін шағын гранттар беру, Азаматтық форумға қатысу, азаматтық қоғамға "
            "арналған бірыңғай ақпараттық сайт құру және жүргізу, ҮЕҰ-ға кеңес беру және оқыту "
            "іс-шараларын жүйелі өткізу."
        ),
        results_ru=(
            "Малые гранты для сельских НПО, участие в Гражданском форуме, создание и ведение "
            "единого информационного сайта для гражданского общества, регулярные консультации "
            "и обучение для НПО."
        ),
        results_en=(
            "Small grants for rural NGOs, participation in the Civil Forum, a single "
            "information website for civil society set up and run, regular consultations and "
            "training for NGOs."
        ),
    ),
    dict(
        title_kk="Мемлекеттік органдар мен БАҚ арасындағы диалог пен өзара іс-қимылды дамыту",
        title_ru="Развитие диалога и взаимодействия между государственными органами и СМИ",
        title_en="Developing dialogue and cooperation between government bodies and the media",
        funder_kk="Маңғыстау облысының Ішкі саясат басқармасы",
        funder_ru="Управление внутренней политики Мангистауской области",
        funder_en="Department of Internal Policy of Mangystau Region",
        period="04.2020–11.2020",
        year=2020,
        amount_kzt=5_400_000,
        results_kk=(
            "Жергілікті БАҚ әлеуетін арттыру, баспасөз турларын өткізу арқылы PR жұмыстары "
            "жүргізілді, нәтижесінде ақпараттық материалдар мен жарияланымдар алынды."
        ),
        results_ru=(
            "Проведена PR-работа через повышение потенциала местных СМИ и пресс-туры; в "
            "результате получены информационные материалы и публикации."
        ),
        results_en=(
            "PR work through capacity building for local media and press tours, resulting in "
            "information materials and publications."
        ),
    ),
    dict(
        title_kk="Маңғыстау облысындағы ауылдық ҮЕҰ-лардың әлеуетін арттыру",
        title_ru="Повышение потенциала сельских НПО Мангистауской области",
        title_en="Building the capacity of rural NGOs in Mangystau Region",
        funder_kk="«Азаматтық бастамаларды қолдау орталығы» КЕАҚ",
        funder_ru="НАО «Центр поддержки гражданских инициатив»",
        funder_en="NJSC Civil Initiatives Support Center",
        period="04.2020–11.2020",
        year=2020,
        amount_kzt=8_127_510,
        results_kk=(
            "Ауылдық ҮЕҰ мен бастамашыл топтарға әлеуметтік жобаларды іске асыру үшін 10 шағын "
            "грант берілді (әрқайсысы 500 000 теңгеден, жалпы сомасы – 5 000 000 теңге). Ауыл "
            "ҮЕҰ-лары жобалық басқару бойынша әлеуетін арттырып, әлеуметтік жобаларды іске "
            "асырды."
        ),
        results_ru=(
            "Сельским НПО и инициативным группам выдано 10 малых грантов на социальные проекты "
            "(по 500 000 тенге, всего 5 000 000 тенге). Сельские НПО повысили потенциал в "
            "управлении проектами и реализовали социальные проекты."
        ),
        results_en=(
            "10 small grants (500,000 tenge each, 5,000,000 tenge in all) were awarded to rural "
            "NGOs and initiative groups for social projects. Rural NGOs built their project "
            "management capacity and implemented social projects."
        ),
    ),
    dict(
        title_kk="FUTURE JASTAR – MANGYSTAU",
        title_ru="FUTURE JASTAR – MANGYSTAU",
        title_en="FUTURE JASTAR – MANGYSTAU",
        funder_kk="Сорос-Қазақстан Қоры",
        funder_ru="Фонд «Сорос-Казахстан»",
        funder_en="Soros Foundation Kazakhstan",
        period="2020",
        year=2020,
        amount_kzt=3_494_000,
        results_kk=(
            "Мұнайлы ауданының үш пилоттық мектебінен 150 оқушы мен 17 мұғалім Scratch "
            "ортасында бағдарламалау және веб-бағдарламалау бойынша оқытудан өтті. Сауалнама "
            "нәтижесі бойынша қатысушылардың кемінде 30%-ы болашақта IT саласын таңдауға ниетті."
        ),
        results_ru=(
            "150 учеников и 17 учителей из трёх пилотных школ Мунайлинского района прошли "
            "обучение программированию в среде Scratch и веб-программированию. По итогам "
            "опроса не менее 30% участников намерены в будущем выбрать сферу IT."
        ),
        results_en=(
            "150 pupils and 17 teachers from three pilot schools in Munaily district were "
            "trained in Scratch and web programming. According to a survey, at least 30% of the "
            "participants intend to choose an IT career."
        ),
    ),
    dict(
        title_kk=(
            "Жергілікті өзін-өзі басқаруды дамытуға бағытталған іс-шаралар кешенін ұйымдастыру"
        ),
        title_ru=(
            "Организация комплекса мероприятий, направленных на развитие местного самоуправления"
        ),
        title_en="Organising a set of activities to develop local self-government",
        funder_kk="«Азаматтық бастамаларды қолдау орталығы» КЕАҚ",
        funder_ru="НАО «Центр поддержки гражданских инициатив»",
        funder_en="NJSC Civil Initiatives Support Center",
        period="04.2021–11.2021",
        year=2021,
        amount_kzt=31_891_320,
        results_kk=(
            "Жоба Қазақстанның 8 өңірінде жүзеге асырылды: 4 community орталық ашылып, 440 кеңес "
            "берілді; 16 семинар өткізілді (422 қатысушы); шағын гранттар байқауына 98 өтінім "
            "түсіп, 20 бастамашыл топқа 8 000 000 теңгеге дейін грант берілді; 4 ауылдың "
            "инклюзивті даму жоспарлары әзірленді."
        ),
        results_ru=(
            "Проект реализован в 8 регионах Казахстана: открыты 4 community-центра, дано 440 "
            "консультаций; проведено 16 семинаров (422 участника); на конкурс малых грантов "
            "поступило 98 заявок, 20 инициативных групп получили гранты на сумму до "
            "8 000 000 тенге; разработаны планы инклюзивного развития 4 сёл."
        ),
        results_en=(
            "Implemented in 8 regions of Kazakhstan: 4 community centres opened and 440 "
            "consultations given; 16 seminars held (422 participants); the small-grants "
            "competition received 98 applications and 20 initiative groups received grants of "
            "up to 8,000,000 tenge in all; inclusive development plans drawn up for 4 villages."
        ),
    ),
    dict(
        title_kk=(
            "Ауылдық бюджеттер бойынша мемлекеттік сатып алулар мониторингіне жергілікті "
            "қауымдастықты тарту"
        ),
        title_ru=(
            "Вовлечение местного сообщества в мониторинг государственных закупок по сельским "
            "бюджетам"
        ),
        title_en="Involving local communities in monitoring public procurement of village budgets",
        funder_kk="Сорос-Қазақстан Қоры",
        funder_ru="Фонд «Сорос-Казахстан»",
        funder_en="Soros Foundation Kazakhstan",
        period="2021",
        year=2021,
        amount_kzt=11_700_000,
        results_kk=(
            "«Ауыл деңгейіндегі мемлекеттік сатып алулар мониторингі» тақырыбында 7 тренинг "
            "өткізілді (168 қатысушы). «Үздік ауыл бастамасы» байқауына 17 өтінім түсіп, 5 үздік "
            "жоба жүзеге асырылды. Қоғамдық мониторинг бойынша 150 дана брошюра басылып шықты."
        ),
        results_ru=(
            "Проведено 7 тренингов «Мониторинг государственных закупок на уровне села» "
            "(168 участников). На конкурс «Лучшая сельская инициатива» поступило 17 заявок, "
            "5 лучших проектов реализованы. Издано 150 брошюр по общественному мониторингу."
        ),
        results_en=(
            "7 trainings on village-level public procurement monitoring (168 participants). "
            "The “Best Village Initiative” competition received 17 applications; the 5 best "
            "projects were implemented. 150 brochures on public monitoring were printed."
        ),
    ),
    dict(
        title_kk=(
            "Жергілікті өзін-өзі басқаруды дамытуға бағытталған іс-шаралар кешенін ұйымдастыру"
        ),
        title_ru=(
            "Организация комплекса мероприятий, направленных на развитие местного самоуправления"
        ),
        title_en="Organising a set of activities to develop local self-government",
        funder_kk="«Азаматтық бастамаларды қолдау орталығы» КЕАҚ",
        funder_ru="НАО «Центр поддержки гражданских инициатив»",
        funder_en="NJSC Civil Initiatives Support Center",
        period="04.2022–11.2022",
        year=2022,
        amount_kzt=29_364_470,
        results_kk=(
            "Жоба 7 облыста іске асырылды. 4 community-орталық құрылды, оның ішінде 2 орталық "
            "өзін-өзі қаржыландыруға шықты. 4 ауылды дамыту бойынша инклюзивті жоспар "
            "әзірленді, 20 тұрақты бастамашыл топ құрылып, олардың жобаларына қаржылық қолдау "
            "көрсетілді."
        ),
        results_ru=(
            "Проект реализован в 7 областях. Создано 4 community-центра, 2 из них перешли на "
            "самофинансирование. Разработаны 4 инклюзивных плана развития сёл; создано "
            "20 устойчивых инициативных групп, их проекты получили финансовую поддержку."
        ),
        results_en=(
            "Implemented in 7 regions. 4 community centres set up, 2 of them now "
            "self-financing. 4 inclusive village development plans drawn up; 20 sustainable "
            "initiative groups formed and their projects financially supported."
        ),
    ),
    dict(
        title_kk=(
            "Маңғыстау облысында үкіметтік емес ұйымдарға «бір терезе» қағидасы бойынша қолдау "
            "көрсететін азаматтық орталықты ұйымдастыру және дамыту"
        ),
        title_ru=(
            "Организация и развитие гражданского центра поддержки неправительственных "
            "организаций Мангистауской области по принципу «одного окна»"
        ),
        title_en=(
            "Setting up and developing a one-stop civic centre supporting NGOs in Mangystau Region"
        ),
        funder_kk="«Азаматтық бастамаларды қолдау орталығы» КЕАҚ",
        funder_ru="НАО «Центр поддержки гражданских инициатив»",
        funder_en="NJSC Civil Initiatives Support Center",
        period="04.2022–12.2022",
        year=2022,
        amount_kzt=26_954_440,
        results_kk=(
            "ҮЕҰ-ға кәсіби және кеңестік қолдау көрсететін азаматтық орталық және коворкинг "
            "орталығы құрылды. 74 рет электрондық тарату жүргізілді (150 адресат), 200-ден "
            "астам кеңес берілді, «ҮЕҰ қолданатын PR стратегиялары» электрондық құралы "
            "әзірленді."
        ),
        results_ru=(
            "Создан гражданский центр профессиональной и консультационной поддержки НПО с "
            "коворкингом. Проведено 74 электронные рассылки (150 адресатов), дано более 200 "
            "консультаций, разработано электронное пособие «PR-стратегии для НПО»."
        ),
        results_en=(
            "A civic centre with a co-working space providing professional and advisory "
            "support to NGOs was set up. 74 e-mail newsletters (150 recipients), over 200 "
            "consultations, and an e-guide “PR strategies for NGOs” were produced."
        ),
    ),
    dict(
        title_kk=(
            "Әйелдердің шешім қабылдау процесіне қатысу құқықтары мен мүмкіндіктерін арттыру"
        ),
        title_ru=("Расширение прав и возможностей женщин по участию в процессе принятия решений"),
        title_en="Strengthening women's rights and opportunities to take part in decision-making",
        funder_kk="«Еуразия» қоры",
        funder_ru="Фонд «Евразия»",
        funder_en="Eurasia Foundation",
        period="02.2022–10.2022",
        year=2022,
        amount_kzt=10_021_900,
        results_kk=(
            "Маңғыстау облысында әйелдердің шешім қабылдау процесіне қатысу кезіндегі "
            "қиындықтары мен кедергілері бойынша зерттеу жүргізілді. 25 әйелге арналған тренинг "
            "өткізіліп, 3 000 000 теңге көлемінде шағын гранттар берілді."
        ),
        results_ru=(
            "Проведено исследование трудностей и барьеров участия женщин Мангистауской области "
            "в принятии решений. Проведён тренинг для 25 женщин, выданы малые гранты на сумму "
            "3 000 000 тенге."
        ),
        results_en=(
            "A study of the barriers to women's participation in decision-making in Mangystau "
            "Region; a training for 25 women; small grants worth 3,000,000 tenge awarded."
        ),
    ),
    dict(
        title_kk="Маңғыстау облысының ауылдық ҮЕҰ әлеуетін арттыру",
        title_ru="Повышение потенциала сельских НПО Мангистауской области",
        title_en="Building the capacity of rural NGOs of Mangystau Region",
        funder_kk='"NORTH CASPIAN OPERATING COMPANY N.V." компаниясының филиалы',
        funder_ru="Филиал компании «North Caspian Operating Company N.V.»",
        funder_en="Branch of North Caspian Operating Company N.V.",
        period="02.2022–05.2022",
        year=2022,
        amount_kzt=9_092_054,
        results_kk=(
            "Маңғыстау облысындағы 10 ҮЕҰ шағын гранттарға ие болды. ОЮЛ ГАМО ҮЕҰ ресурстық "
            "орталығы ретінде материалдық-техникалық қолдау алды."
        ),
        results_ru=(
            "10 НПО Мангистауской области получили малые гранты. ОЮЛ ГАМО как ресурсный центр "
            "НПО получило материально-техническую поддержку."
        ),
        results_en=(
            "10 NGOs of Mangystau Region received small grants. GAMO received material and "
            "technical support as an NGO resource centre."
        ),
    ),
    dict(
        title_kk="Маңғыстау облысының Азаматтық орталығы",
        title_ru="Гражданский центр Мангистауской области",
        title_en="Civic Centre of Mangystau Region",
        funder_kk="«Азаматтық бастамаларды қолдау орталығы» КЕАҚ",
        funder_ru="НАО «Центр поддержки гражданских инициатив»",
        funder_en="NJSC Civil Initiatives Support Center",
        period="04.2023–11.2023",
        year=2023,
        amount_kzt=7_494_574,
        results_kk=(
            "Аймақтағы ҮЕҰ-ның 27%-ы жұмыс орындарымен қамтамасыз етілді, ҮЕҰ үшін 2 жұмыс "
            "кабинеті тұрақты жұмыс істеді, коворкинг орталығы аясында 213 іс-шара өткізілді. "
            "2 подкаст пен 10 видео Reels дайындалып, 4 мастер-класс ұйымдастырылды."
        ),
        results_ru=(
            "27% НПО региона обеспечены рабочими местами, для НПО постоянно работали "
            "2 кабинета, в коворкинге проведено 213 мероприятий. Подготовлены 2 подкаста и "
            "10 видео Reels, проведено 4 мастер-класса."
        ),
        results_en=(
            "27% of the region's NGOs were given workplaces, 2 offices for NGOs worked "
            "permanently and 213 events were held in the co-working centre. 2 podcasts and "
            "10 Reels videos were produced and 4 master classes held."
        ),
    ),
    dict(
        title_kk="Әлеуметтік кәсіпкерлік бойынша ақпараттық-түсіндіру кампаниясы",
        title_ru="Информационно-разъяснительная кампания по социальному предпринимательству",
        title_en="Information and awareness campaign on social entrepreneurship",
        funder_kk="«Азаматтық бастамаларды қолдау орталығы» КЕАҚ",
        funder_ru="НАО «Центр поддержки гражданских инициатив»",
        funder_en="NJSC Civil Initiatives Support Center",
        period="08.2023–11.2023",
        year=2023,
        amount_kzt=8_998_314,
        results_kk=(
            "Ақтау және Жаңаөзен қалаларында 163 адамның қатысуымен ақпараттық-түсіндіру "
            "форумы өтті. Әлеуметтік кәсіпкерлерді қолдау байқауына 19 жоба қатысып, 4 үздік "
            "жоба жалпы сомасы 2 000 000 теңге болатын сыйлық түрінде қолдау алды. Әлеуметтік "
            "кәсіпкерліктің үздік тәжірибелері жинағы жасалды."
        ),
        results_ru=(
            "В Актау и Жанаозене проведён информационно-разъяснительный форум (163 участника). "
            "В конкурсе поддержки социальных предпринимателей участвовали 19 проектов, 4 лучших "
            "получили поддержку в виде призов на общую сумму 2 000 000 тенге. Подготовлен "
            "сборник лучших практик социального предпринимательства."
        ),
        results_en=(
            "An awareness forum with 163 participants was held in Aktau and Zhanaozen. 19 "
            "projects entered the competition supporting social entrepreneurs; the 4 best "
            "received in-kind prizes worth 2,000,000 tenge in all. A collection of best "
            "practices in social entrepreneurship was compiled."
        ),
    ),
    dict(
        title_kk="Аймақтық ҮЕҰ әлеуетін арттыру",
        title_ru="Повышение потенциала региональных НПО",
        title_en="Building the capacity of regional NGOs",
        funder_kk="«Азаматтық бастамаларды қолдау орталығы» КЕАҚ",
        funder_ru="НАО «Центр поддержки гражданских инициатив»",
        funder_en="NJSC Civil Initiatives Support Center",
        period="04.2023–11.2023",
        year=2023,
        amount_kzt=9_997_390,
        results_kk=(
            "Аймақтық ҮЕҰ үшін 6 тренинг өткізілді, 20 ҮЕҰ-ға жоба жазуда жеке сүйемелдеу "
            "көрсетілді, 15 ҮЕҰ жетекшісі үшін тренерлерді дайындау тренингі (ТОТ) өткізіліп, "
            "тренерлер пулы құрылды. 500 кеңес берілді, 3 үздік әлеуметтік идея 100 000 теңге "
            "көлемінде марапатталды, 2 бейнеролик дайындалды."
        ),
        results_ru=(
            "Проведено 6 тренингов для региональных НПО, 20 НПО получили индивидуальное "
            "сопровождение в написании проектов, для 15 руководителей НПО проведён тренинг "
            "тренеров (ТОТ) и создан пул тренеров. Дано 500 консультаций, 3 лучшие социальные "
            "идеи награждены на 100 000 тенге, подготовлено 2 видеоролика."
        ),
        results_en=(
            "6 trainings for regional NGOs; individual coaching in proposal writing for 20 "
            "NGOs; a training of trainers (TOT) for 15 NGO leaders and a pool of trainers "
            "formed. 500 consultations given, 3 best social ideas awarded 100,000 tenge, "
            "2 videos produced."
        ),
    ),
    dict(
        title_kk="Ауылды бірлесе дамыту",
        title_ru="Развиваем село вместе",
        title_en="Developing the Village Together",
        funder_kk="«Азаматтық бастамаларды қолдау орталығы» КЕАҚ",
        funder_ru="НАО «Центр поддержки гражданских инициатив»",
        funder_en="NJSC Civil Initiatives Support Center",
        period="04.2023–11.2023",
        year=2023,
        amount_kzt=5_418_154,
        results_kk=(
            "«The World Cafe» форматындағы 5 кездесуде мәселелер анықталып, ұсыныстар тиісті "
            "мемлекеттік органдарға жолданды. 5 шағын грант арқылы 5 тұрақты бастамашыл топ "
            "құрылып, 5 нақты мәселе шешілді. 1 видеоподкаст, 5 reels және қорытынды видеоролик "
            "дайындалды."
        ),
        results_ru=(
            "На 5 встречах в формате «The World Cafe» выявлены проблемы, предложения "
            "направлены в госорганы. Через 5 малых грантов созданы 5 устойчивых инициативных "
            "групп и решены 5 конкретных проблем. Подготовлены 1 видеоподкаст, 5 reels и "
            "итоговый видеоролик."
        ),
        results_en=(
            "5 World Café meetings identified problems and sent proposals to government "
            "bodies. 5 small grants created 5 sustainable initiative groups that solved 5 "
            "concrete problems. 1 video podcast, 5 reels and a final video were produced."
        ),
    ),
    dict(
        title_kk="Ауылды бірлесе дамыту 2.0",
        title_ru="Развиваем село вместе 2.0",
        title_en="Developing the Village Together 2.0",
        funder_kk="«Азаматтық бастамаларды қолдау орталығы» КЕАҚ",
        funder_ru="НАО «Центр поддержки гражданских инициатив»",
        funder_en="NJSC Civil Initiatives Support Center",
        period="04.2024–11.2024",
        year=2024,
        amount_kzt=11_074_000,
        results_kk=(
            "Фасилитациялық сессиялар, шағын гранттар байқауы және қолдау арқылы ауыл "
            "қауымдастықтары жергілікті өзін-өзі басқаруға тартылды. Шағын гранттар арқылы "
            "абаттандыру, экология, мәдениет бағытындағы жобалар жүзеге асырылды. Ақтауда "
            "ауылдық бастамалар көрмесі өтті."
        ),
        results_ru=(
            "Через фасилитационные сессии, конкурс малых грантов и сопровождение сельские "
            "сообщества вовлечены в местное самоуправление. На малые гранты реализованы "
            "проекты по благоустройству, экологии и культуре. В Актау прошла выставка "
            "сельских инициатив."
        ),
        results_en=(
            "Facilitation sessions, a small-grants competition and follow-up support involved "
            "village communities in local self-government. Small grants funded landscaping, "
            "ecology and culture projects. An exhibition of village initiatives was held in "
            "Aktau."
        ),
    ),
    dict(
        title_kk="ҮЕҰ тағылымдамасы",
        title_ru="Стажировка НПО",
        title_en="NGO internship programme",
        funder_kk="«Азаматтық бастамаларды қолдау орталығы» КЕАҚ",
        funder_ru="НАО «Центр поддержки гражданских инициатив»",
        funder_en="NJSC Civil Initiatives Support Center",
        period="04.2024–11.2024",
        year=2024,
        amount_kzt=11_075_000,
        results_kk=(
            "Тағылымдама байқауына 42 өтінім түсіп, 5 сарапшыдан тұратын комиссия 20 ҮЕҰ "
            "көшбасшысын таңдады. 4 қалада 3 күндік тағылымдама ұйымдастырылып, қатысушылар "
            "6 ҮЕҰ мен 3 әлеуметтік кәсіпкерлік нысанын аралады. 50-ден астам жарияланым мен "
            "видеоролик 5000-нан астам адамды қамтыды."
        ),
        results_ru=(
            "На конкурс стажировок поступило 42 заявки; комиссия из 5 экспертов отобрала "
            "20 лидеров НПО. Организованы 3-дневные стажировки в 4 городах, участники посетили "
            "6 НПО и 3 социальных предприятия. Более 50 публикаций и видеороликов охватили "
            "свыше 5000 человек."
        ),
        results_en=(
            "The internship competition received 42 applications; a commission of 5 experts "
            "selected 20 NGO leaders. 3-day internships in 4 cities visited 6 NGOs and 3 "
            "social enterprises. Over 50 publications and videos reached more than 5,000 people."
        ),
    ),
]

# ---------------------------------------------------------------------------------------------
# Grant operator
# ---------------------------------------------------------------------------------------------

OPERATOR = dict(
    name_kk="«Азаматтық бастамаларды қолдау орталығы» КЕАҚ",
    name_ru="НАО «Центр поддержки гражданских инициатив»",
    name_en="NJSC Civil Initiatives Support Center",
)

# ---------------------------------------------------------------------------------------------
# The social project
# ---------------------------------------------------------------------------------------------

PROJECT = dict(
    title="JastarUrban: Ауылдан басталады",
    title_kk="JastarUrban: Ауылдан басталады",
    title_ru="JastarUrban: Всё начинается с села",
    title_en="JastarUrban: It Starts in the Village",
    slug="jastarurban",
    region_kk="Маңғыстау облысы",
    region_ru="Мангистауская область",
    region_en="Mangystau Region",
    starts_on=date(2025, 6, 1),
    ends_on=date(2025, 11, 30),
    goal_kk=(
        "Ауыл жастарының урбанистикалық бастамаларын қолдап, олардың туған жерін дамытуға "
        "белсенді қатысуына жағдай жасау."
    ),
    goal_ru=(
        "Поддержать урбанистические инициативы сельской молодёжи и создать условия для её "
        "активного участия в развитии родного края."
    ),
    goal_en=(
        "To support the urban-development initiatives of rural youth and enable them to take "
        "an active part in developing their home villages."
    ),
    summary_kk=(
        "Жоба аясында Маңғыстау облысының 18–35 жас аралығындағы ауыл жастарына арналған "
        "шағын гранттар байқауы өткізіліп, ең үздік 7 урбанистикалық жоба әрқайсысы "
        "1 000 000 теңгеден қаржыландырылады. Грант иегерлері жобалық менеджмент, қоғаммен "
        "байланыс және урбанистика бойынша оқытудан өтіп, жеке менторлық қолдау алады. "
        "Әрбір жоба туралы видеоролик түсіріліп, әлеуметтік желілерде таратылады, ал жоба "
        "соңында ауыл жастарының үздік бастамаларының қорытынды көрмесі өтеді."
    ),
    summary_ru=(
        "В рамках проекта проводится конкурс малых грантов для сельской молодёжи "
        "Мангистауской области в возрасте 18–35 лет; 7 лучших урбанистических проектов "
        "получают по 1 000 000 тенге. Грантополучатели проходят обучение по управлению "
        "проектами, связям с общественностью и урбанистике и получают индивидуальную "
        "менторскую поддержку. О каждом проекте снимается видеоролик для социальных сетей, а "
        "в завершение проходит итоговая выставка лучших инициатив сельской молодёжи."
    ),
    summary_en=(
        "The project runs a small-grants competition for rural young people aged 18–35 in "
        "Mangystau Region; the 7 best urban-development projects receive 1,000,000 tenge "
        "each. The grantees are trained in project management, public relations and urbanism "
        "and each gets a personal mentor. A video about every project is shared on social "
        "media, and the project closes with a final exhibition of the best rural youth "
        "initiatives."
    ),
    relevance_kk=(
        "Маңғыстау облысында ауыл жастарының әлеуметтену деңгейі мен қоғамдық белсенділігі "
        "қала жастарына қарағанда айтарлықтай төмен, бұл жастардың қалаға үдере көшуіне, "
        "ауылда белсенді азаматтық қоғамның баяу қалыптасуына және әлеуметтік-экономикалық "
        "теңсіздікке әкелуде. Жастар орталығының мәліметіне сәйкес 2024 жылы облыста 14 пен "
        "35 жас аралығындағы жастардың саны – 234 986 (облыс халқының 29,7%-ы), оның ішінде "
        "131 548-і ауылдық елді мекендерде тұрады, ал NEET санатындағы жастардың үлесі – "
        "11,9% (26 213 жас). «ҚазАқпарат» мәліметінше 2022 жылы облыстан 29 892 адам көшіп "
        "кеткен, бұл ауыл жастарының өз аймағынан кету үрдісінің жоғары екенін байқатады. "
        "Ауыл жастары қоғамдық кеңістіктерді жоспарлау, көгалдандыру, инфрақұрылымды "
        "жақсарту сияқты урбанистикалық процестерге сирек тартылады: бастамаларды "
        "қаржыландыру құралдары, ұсыныс беретін алаңдар мен қаржылай қолдауы бар байқаулар "
        "жоқ, ал өзі тұратын ортаны өзгертуге деген мотивациясы төмен. Ауыл жастарының шағын "
        "инфрақұрылымдық идеяларын іске асыруға мүмкіндік беру олардың әлеуметтік "
        "жауапкершілігін арттырып, көшіп кету үрдісін төмендетуге және ауыл мен қала "
        "арасындағы теңсіздікті қысқартуға ықпал етеді."
    ),
    relevance_ru=(
        "В Мангистауской области уровень социализации и общественной активности сельской "
        "молодёжи заметно ниже, чем городской, что ведёт к массовому оттоку молодёжи в "
        "города, медленному формированию активного гражданского общества в сёлах и "
        "социально-экономическому неравенству. По данным Молодёжного центра, в 2024 году в "
        "области проживали 234 986 молодых людей в возрасте 14–35 лет (29,7% населения), из "
        "них 131 548 — в сельских населённых пунктах, а доля молодёжи категории NEET "
        "составляла 11,9% (26 213 человек). По данным «Казинформа», в 2022 году из области "
        "выехали 29 892 человека, что говорит о высокой тенденции оттока молодёжи из "
        "региона. Сельская молодёжь редко вовлекается в урбанистические процессы — "
        "планирование общественных пространств, озеленение, улучшение инфраструктуры: нет "
        "механизмов финансирования инициатив, площадок для предложений и конкурсов с "
        "финансовой поддержкой, а мотивация менять среду своего проживания низка. "
        "Возможность реализовать небольшие инфраструктурные идеи повысит социальную "
        "ответственность сельской молодёжи, снизит отток и сократит неравенство между селом "
        "и городом."
    ),
    relevance_en=(
        "In Mangystau Region rural young people are markedly less socialised and civically "
        "active than urban youth, which drives mass migration to the cities, slows the growth "
        "of an active civil society in the villages and deepens socio-economic inequality. "
        "According to the Youth Centre, in 2024 the region had 234,986 young people aged "
        "14–35 (29.7% of the population), 131,548 of them in rural settlements, and 11.9% "
        "(26,213) were NEET. According to Kazinform, 29,892 people left the region in 2022, "
        "showing a strong outflow of young people. Rural youth are rarely involved in "
        "urban-development processes such as planning public spaces, greening and improving "
        "infrastructure: there are no funding instruments, no platforms for their proposals "
        "and no competitions with financial support, and their motivation to change their "
        "surroundings is low. Letting rural youth carry out small infrastructure ideas "
        "raises their social responsibility, reduces out-migration and narrows the gap "
        "between village and city."
    ),
    expected_results_kk=(
        "Ауыл жастарының урбанистикалық бастамаларына қолдау көрсету арқылы бастамашыл ауыл "
        "жастарының тобы құрылады: әрқайсысы 1 000 000 теңгеден 7 шағын грант беріледі. "
        "Шағын грант алушылар оқыту тренингінен өтіп, менторлық көмек алады. Бастамашыл ауыл "
        "жастары туралы кемінде 7 ақпараттық видеоролик дайындалып, әлеуметтік желілер мен "
        "YouTube арқылы таратылады. Ауыл жастарының үздік урбанистикалық бастамаларының "
        "көрмесі ұйымдастырылады. Жобаны ақпараттық қамту кем дегенде 25 000 қаралым жинайды."
    ),
    expected_results_ru=(
        "Через поддержку урбанистических инициатив сельской молодёжи формируется группа "
        "инициативной сельской молодёжи: выдаются 7 малых грантов по 1 000 000 тенге. "
        "Грантополучатели проходят обучающий тренинг и получают менторскую помощь. О "
        "инициативной сельской молодёжи готовится не менее 7 информационных видеороликов, "
        "которые распространяются в социальных сетях и на YouTube. Проводится выставка лучших "
        "урбанистических инициатив сельской молодёжи. Информационный охват проекта — не "
        "менее 25 000 просмотров."
    ),
    expected_results_en=(
        "A group of active rural young people is formed by supporting their urban-development "
        "initiatives: 7 small grants of 1,000,000 tenge each are awarded. The grantees attend "
        "training and receive mentoring. At least 7 information videos about the young "
        "initiators are produced and shared on social media and YouTube. An exhibition of the "
        "best rural youth urban initiatives is held. The project's information coverage "
        "reaches at least 25,000 views."
    ),
    grant_theme_kk="Ауыл жастарының урбанистикалық бастамаларына қолдау көрсету",
    grant_theme_ru="Поддержка урбанистических инициатив сельской молодёжи",
    grant_theme_en="Support for the urban-development initiatives of rural youth",
)

# ---------------------------------------------------------------------------------------------
# Tasks (міндеттер)
# ---------------------------------------------------------------------------------------------

TASKS = [
    dict(
        number=1,
        text_kk="Ауыл жастарының урбанистикалық бастамаларына қолдау көрсету",
        text_ru="Поддержка урбанистических инициатив сельской молодёжи",
        text_en="Support the urban-development initiatives of rural youth",
    ),
    dict(
        number=2,
        text_kk="Жобаларды тиімді жүзеге асыруға қолдау көрсету",
        text_ru="Содействие эффективной реализации проектов",
        text_en="Support the effective implementation of the projects",
    ),
    dict(
        number=3,
        text_kk="Жастар жобаларын насихаттау және үлгі ету",
        text_ru="Продвижение молодёжных проектов и распространение их как примера",
        text_en="Promote youth projects and present them as role models",
    ),
    dict(
        number=4,
        text_kk="Жастар бастамаларын кеңінен жұртшылыққа таныстыру",
        text_ru="Представление молодёжных инициатив широкой общественности",
        text_en="Present youth initiatives to the wider public",
    ),
]

# ---------------------------------------------------------------------------------------------
# Target groups (нысаналы топтар)
# ---------------------------------------------------------------------------------------------

TARGET_GROUPS = [
    dict(
        name_kk="Ауыл жастары (14–35 жас аралығы)",
        name_ru="Сельская молодёжь (от 14 до 35 лет)",
        name_en="Rural youth (aged 14–35)",
        description_kk=(
            "Өз ауылында әлеуметтік, урбанистикалық немесе экологиялық өзгеріс жасағысы келетін "
            "бастамашыл жастар; жобаға грант иегері ретінде қатысатын, идея ұсынып, оны жүзеге "
            "асыратын жастар; қоғамдық белсенділікті арттыруға ниетті, бірақ тәжірибесі "
            "жеткіліксіз жастар."
        ),
        description_ru=(
            "Инициативная молодёжь, желающая добиться социальных, урбанистических или "
            "экологических изменений в своём селе; молодёжь, участвующая в проекте как "
            "грантополучатели, предлагающая и реализующая идеи; молодёжь, стремящаяся к "
            "общественной активности, но не имеющая достаточного опыта."
        ),
        description_en=(
            "Young initiators who want to bring social, urban or environmental change to their "
            "village; young people who take part as grantees, proposing and carrying out "
            "ideas; young people who want to become civically active but lack experience."
        ),
        count=None,
    ),
    dict(
        name_kk="Жергілікті еріктілер мен белсенділер",
        name_ru="Местные волонтёры и активисты",
        name_en="Local volunteers and activists",
        description_kk=(
            "Ауылдағы түрлі шараларға, көрмелерге, тренингтерге қатысушы ретінде тартылатын "
            "еріктілер және белсенді жастар."
        ),
        description_ru=(
            "Волонтёры и активная молодёжь, привлекаемые как участники различных мероприятий, "
            "выставок и тренингов в селе."
        ),
        description_en=(
            "Volunteers and active young people who take part in village events, exhibitions "
            "and trainings."
        ),
        count=None,
    ),
]

# ---------------------------------------------------------------------------------------------
# Calendar plan (күнтізбелік жоспар)
# ---------------------------------------------------------------------------------------------

ACTIVITIES = [
    dict(
        number=1,
        task_kk="Ауыл жастарының белсенділігін арттыру",
        task_ru="Повышение активности сельской молодёжи",
        task_en="Raise the civic activity of rural youth",
        title_kk="Ауыл жастарына арналған шағын гранттар конкурсын ұйымдастыру",
        title_ru="Организация конкурса малых грантов для сельской молодёжи",
        title_en="Small-grants competition for rural youth",
        starts_on=date(2025, 6, 1),
        ends_on=date(2025, 7, 31),
        result_kk=(
            "Кемінде 30 жоба ұсынылады. Сараптамалық комиссия бағалаған жобалардың ішінен ең "
            "үздік деп танылған 7 жоба 1 000 000 теңге көлеміндегі қаржылай грантқа ие болады. "
            "Ауыл жастарының бастамашыл топтары мен бастамашыл жастардың бейресми желісі "
            "қалыптасады."
        ),
        result_ru=(
            "Подаётся не менее 30 проектов. Из проектов, оценённых экспертной комиссией, 7 "
            "лучших получают гранты по 1 000 000 тенге. Формируются инициативные группы "
            "сельской молодёжи и неформальная сеть инициативной молодёжи."
        ),
        result_en=(
            "At least 30 projects are submitted. Of those scored by the expert commission, the "
            "7 best receive grants of 1,000,000 tenge. Initiative groups of rural youth and an "
            "informal network of young initiators take shape."
        ),
        place_kk="Маңғыстау облысы",
        place_ru="Мангистауская область",
        place_en="Mangystau Region",
    ),
    dict(
        number=2,
        task_kk="Жобаларды тиімді жүзеге асыруға қолдау көрсету",
        task_ru="Содействие эффективной реализации проектов",
        task_en="Support the effective implementation of the projects",
        title_kk="Грант иегерлеріне арналған оқыту тренингтері мен менторлық қолдау",
        title_ru="Обучающие тренинги и менторская поддержка для грантополучателей",
        title_en="Training and mentoring for the grantees",
        starts_on=date(2025, 7, 1),
        ends_on=date(2025, 10, 31),
        result_kk=(
            "7 грант иегері жобалық менеджмент, қаржылық жоспарлау, PR және урбанистика "
            "салаларында білім мен тәжірибе алады. Менторлар жоба барысын жүйелі сүйемелдеп, "
            "апталық байланыс арқылы қиындықтарды бірлесіп шешеді. Нәтижесінде жобалар сапалы "
            "әрі уақытылы жүзеге асады."
        ),
        result_ru=(
            "7 грантополучателей получают знания и опыт в управлении проектами, финансовом "
            "планировании, PR и урбанистике. Менторы систематически сопровождают реализацию, "
            "еженедельно на связи и совместно решают трудности. В итоге проекты реализуются "
            "качественно и в срок."
        ),
        result_en=(
            "The 7 grantees gain knowledge and experience in project management, financial "
            "planning, PR and urbanism. Mentors follow the projects systematically, keep in "
            "touch weekly and solve problems together, so the projects are delivered well and "
            "on time."
        ),
        place_kk=(
            "Маңғыстау облысы (тренингтер офлайн, менторлық кездесулер онлайн немесе офлайн)"
        ),
        place_ru=("Мангистауская область (тренинги офлайн, встречи с менторами онлайн или офлайн)"),
        place_en="Mangystau Region (trainings offline; mentoring meetings online or offline)",
    ),
    dict(
        number=3,
        task_kk="Жастар жобаларын насихаттау және үлгі ету",
        task_ru="Продвижение молодёжных проектов и распространение их как примера",
        task_en="Promote youth projects and present them as role models",
        title_kk=("Бастамашыл жастар туралы 7 видеоролик әзірлеу және әлеуметтік желілерде тарату"),
        title_ru=(
            "Подготовка 7 видеороликов об инициативной молодёжи и распространение их в "
            "социальных сетях"
        ),
        title_en="Seven videos about the young initiators, shared on social media",
        starts_on=date(2025, 8, 1),
        ends_on=date(2025, 10, 31),
        result_kk=(
            "Грант иегері болған 7 бастамашыл топтың жобалары туралы бейнероликтер әзірленіп, "
            "Instagram, Facebook, TikTok және YouTube желілерінде жарияланады. Видеолар "
            "жастардың жергілікті қауымдастыққа әкелген нақты өзгерістерін көрсетіп, басқа "
            "жастарға мотивация береді."
        ),
        result_ru=(
            "Видеоролики о проектах 7 инициативных групп-грантополучателей публикуются в "
            "Instagram, Facebook, TikTok и YouTube. Они показывают реальные изменения, "
            "которые молодёжь принесла местному сообществу, и мотивируют других молодых людей."
        ),
        result_en=(
            "Videos about the projects of the 7 grantee groups are published on Instagram, "
            "Facebook, TikTok and YouTube, showing the real changes the young people brought "
            "to their communities and motivating others."
        ),
        place_kk="Грант иегерлерінің жобалары жүзеге асқан 7 ауыл",
        place_ru="7 сёл, где реализованы проекты грантополучателей",
        place_en="The 7 villages where the grantees' projects were carried out",
    ),
    dict(
        number=4,
        task_kk="Жастар бастамаларын кең жұртшылыққа таныстыру",
        task_ru="Представление молодёжных инициатив широкой общественности",
        task_en="Present youth initiatives to the wider public",
        title_kk="Ауыл жастарының үздік бастамаларының қорытынды көрмесін ұйымдастыру",
        title_ru="Итоговая выставка лучших инициатив сельской молодёжи",
        title_en="Final exhibition of the best rural youth initiatives",
        starts_on=date(2025, 10, 1),
        ends_on=date(2025, 11, 30),
        result_kk=(
            "Көрмеге кемінде 50 адам қатысады: грант иегерлері, жергілікті билік өкілдері, "
            "сарапшылар, жастар ұйымдары, волонтерлер және БАҚ өкілдері. Грант иегерлері өз "
            "жобаларын таныстырып, тәжірибе алмасу алаңында тәжірибесімен бөліседі. Үздік "
            "жобалар алғыс хаттармен марапатталады."
        ),
        result_ru=(
            "Выставку посещают не менее 50 человек: грантополучатели, представители местной "
            "власти, эксперты, молодёжные организации, волонтёры и СМИ. Грантополучатели "
            "презентуют свои проекты и делятся опытом на площадке обмена опытом. Лучшие "
            "проекты награждаются благодарственными письмами."
        ),
        result_en=(
            "At least 50 people attend: grantees, local authorities, experts, youth "
            "organisations, volunteers and media. The grantees present their projects and "
            "share their experience at an exchange session; the best projects receive "
            "thank-you letters."
        ),
        place_kk="Жалға алынатын көрме залы (конференц-зал)",
        place_ru="Арендуемый выставочный (конференц-) зал",
        place_en="A rented exhibition (conference) hall",
    ),
]

# ---------------------------------------------------------------------------------------------
# Budget (смета). All lines are grant funds; own contribution is 0.
# ---------------------------------------------------------------------------------------------

BUDGET_LINES = [
    dict(
        section="administrative",
        activity=None,
        name_kk="Жоба директоры",
        name_ru="Директор проекта",
        name_en="Project director",
        group="salaries",
        unit="month",
        quantity=Decimal("5"),
        unit_cost_kzt=180_000,
        total_kzt=900_000,
        justification_kk=(
            "Жобаның жалпы үйлестіруін жүргізеді және жобаның орындалуын қадағалайды"
        ),
        justification_ru="Осуществляет общую координацию проекта и контролирует его выполнение",
        justification_en="Coordinates the project as a whole and oversees its delivery",
    ),
    dict(
        section="administrative",
        activity=None,
        name_kk="Жоба координаторы",
        name_ru="Координатор проекта",
        name_en="Project coordinator",
        group="salaries",
        unit="month",
        quantity=Decimal("5"),
        unit_cost_kzt=180_000,
        total_kzt=900_000,
        justification_kk="Жобалық іс-шараларды ұйымдастырады, бағдарламалық есептерді жасақтайды",
        justification_ru="Организует мероприятия проекта, готовит программные отчёты",
        justification_en="Organises the project's events and prepares the programme reports",
    ),
    dict(
        section="administrative",
        activity=None,
        name_kk="Есепші",
        name_ru="Бухгалтер",
        name_en="Accountant",
        group="salaries",
        unit="month",
        quantity=Decimal("5"),
        unit_cost_kzt=170_000,
        total_kzt=850_000,
        justification_kk=(
            "Жоба шығындарының есебін жүргізеді, төлемдерді жүзеге асырады, қаржылық және салық "
            "есептерін жасақтайды"
        ),
        justification_ru=(
            "Ведёт учёт расходов проекта, осуществляет платежи, готовит финансовую и налоговую "
            "отчётность"
        ),
        justification_en=(
            "Keeps the project's accounts, makes payments, prepares financial and tax reports"
        ),
    ),
    dict(
        section="administrative",
        activity=None,
        name_kk="Әлеуметтік аударымдар",
        name_ru="Социальные отчисления",
        name_en="Social contributions",
        group="salaries",
        unit="month",
        quantity=Decimal("5"),
        unit_cost_kzt=23_850,
        total_kzt=119_250,
        justification_kk="ҚР заңнамасына сәйкес салықтар мен аударымдар",
        justification_ru="Налоги и отчисления в соответствии с законодательством РК",
        justification_en="Taxes and contributions as required by the law of Kazakhstan",
    ),
    dict(
        section="administrative",
        activity=None,
        name_kk="Әлеуметтік салық",
        name_ru="Социальный налог",
        name_en="Social tax",
        group="salaries",
        unit="month",
        quantity=Decimal("5"),
        unit_cost_kzt=27_454,
        total_kzt=137_270,
        justification_kk="ҚР заңнамасына сәйкес салықтар мен аударымдар",
        justification_ru="Налоги и отчисления в соответствии с законодательством РК",
        justification_en="Taxes and contributions as required by the law of Kazakhstan",
    ),
    dict(
        section="administrative",
        activity=None,
        name_kk="Міндетті медициналық сақтандыруға аударымдар",
        name_ru="Отчисления на обязательное социальное медицинское страхование",
        name_en="Compulsory medical insurance contributions",
        group="salaries",
        unit="month",
        quantity=Decimal("5"),
        unit_cost_kzt=15_900,
        total_kzt=79_500,
        justification_kk="ҚР заңнамасына сәйкес салықтар мен аударымдар",
        justification_ru="Налоги и отчисления в соответствии с законодательством РК",
        justification_en="Taxes and contributions as required by the law of Kazakhstan",
    ),
    dict(
        section="administrative",
        activity=None,
        name_kk="Жұмыс берушінің міндетті зейнетақы жарналары",
        name_ru="Обязательные пенсионные взносы работодателя",
        name_en="Employer's compulsory pension contributions",
        group="salaries",
        unit="month",
        quantity=Decimal("5"),
        unit_cost_kzt=13_250,
        total_kzt=66_250,
        justification_kk="ҚР заңнамасына сәйкес салықтар мен аударымдар",
        justification_ru="Налоги и отчисления в соответствии с законодательством РК",
        justification_en="Taxes and contributions as required by the law of Kazakhstan",
    ),
    dict(
        section="administrative",
        activity=None,
        name_kk="Банк қызметі",
        name_ru="Банковские услуги",
        name_en="Bank services",
        unit="service",
        quantity=Decimal("1"),
        unit_cost_kzt=18_000,
        total_kzt=18_000,
        justification_kk="Банктік тарифтерге сәйкес",
        justification_ru="По тарифам банка",
        justification_en="According to the bank's tariffs",
    ),
    dict(
        section="administrative",
        activity=None,
        name_kk="Пошта қызметі",
        name_ru="Почтовые услуги",
        name_en="Postal services",
        unit="service",
        quantity=Decimal("1"),
        unit_cost_kzt=20_000,
        total_kzt=20_000,
        justification_kk="Құжаттарды пошта арқылы жіберу",
        justification_ru="Отправка документов по почте",
        justification_en="Sending documents by post",
    ),
    dict(
        section="administrative",
        activity=None,
        name_kk="Кеңсе тауарлары",
        name_ru="Канцелярские товары",
        name_en="Office supplies",
        group="consumables",
        unit="service",
        quantity=Decimal("1"),
        unit_cost_kzt=10_000,
        total_kzt=10_000,
        justification_kk="Жобаға қажетті кеңсе тауарлары",
        justification_ru="Канцелярские товары, необходимые для проекта",
        justification_en="Office supplies needed for the project",
    ),
    # Section 2 of the смета is empty (0 ₸); kept as a zero line so the section exists.
    dict(
        section="material_technical",
        activity=None,
        name_kk="Материалды-техникалық жабдықтау",
        name_ru="Материально-техническое оснащение",
        name_en="Material and technical support",
        unit="service",
        quantity=Decimal("0"),
        unit_cost_kzt=0,
        total_kzt=0,
        justification_kk="Қарастырылмаған (0 ₸)",
        justification_ru="Не предусмотрено (0 ₸)",
        justification_en="Not planned (0 ₸)",
    ),
    dict(
        section="direct",
        activity=1,
        name_kk="Шағын грант",
        name_ru="Малый грант",
        name_en="Small grant",
        includes_grantee_spending=True,
        unit="service",
        quantity=Decimal("7"),
        unit_cost_kzt=1_000_000,
        total_kzt=7_000_000,
        justification_kk="2–3 адамнан құралған бастамашыл 7 топты қаржыландыру",
        justification_ru="Финансирование 7 инициативных групп по 2–3 человека",
        justification_en="Funding for 7 initiative groups of 2–3 people each",
    ),
    dict(
        section="direct",
        activity=2,
        name_kk="Тренер қаламақысы (менторлық қолдаумен қоса)",
        name_ru="Гонорар тренера (включая менторскую поддержку)",
        name_en="Trainer fee (including mentoring)",
        unit="service",
        quantity=Decimal("3"),
        unit_cost_kzt=220_000,
        total_kzt=660_000,
        justification_kk=(
            "Тренингті жүргізу және менторлық қолдауды жүзеге асыру үшін республикалық деңгейде "
            "урбанистика саласында тәжірибесі бар эксперттер тартылады"
        ),
        justification_ru=(
            "Для проведения тренинга и менторской поддержки привлекаются эксперты с опытом в "
            "урбанистике республиканского уровня"
        ),
        justification_en=(
            "Experts with national-level experience in urbanism are hired to run the training "
            "and provide mentoring"
        ),
    ),
    dict(
        section="direct",
        activity=2,
        name_kk="Түскі ас, кофе-брейк, су",
        name_ru="Обед, кофе-брейк, вода",
        name_en="Lunch, coffee break, water",
        unit="person",
        quantity=Decimal("14"),
        unit_cost_kzt=6_000,
        total_kzt=84_000,
        justification_kk=(
            "Тренингке қатысушыларды тамақтандыру (1 түскі ас, 1 кофе-брейк, 1 су 0,5 л)"
        ),
        justification_ru="Питание участников тренинга (1 обед, 1 кофе-брейк, 1 вода 0,5 л)",
        justification_en="Meals for training participants (1 lunch, 1 coffee break, 0.5 l water)",
    ),
    dict(
        section="direct",
        activity=2,
        name_kk="Таратпа материалдар (ручка, блокнот)",
        name_ru="Раздаточные материалы (ручка, блокнот)",
        name_en="Handouts (pen, notebook)",
        unit="piece",
        quantity=Decimal("7"),
        unit_cost_kzt=1_000,
        total_kzt=7_000,
        justification_kk="Тренингке қатысушыларға ручка, блокнот таратылады",
        justification_ru="Участникам тренинга раздаются ручка и блокнот",
        justification_en="Each training participant receives a pen and a notebook",
    ),
    dict(
        section="direct",
        activity=3,
        name_kk="Видеоролик түсіру (1–2 минуттық)",
        name_ru="Съёмка видеоролика (1–2 минуты)",
        name_en="Video production (1–2 minutes)",
        unit="service",
        quantity=Decimal("7"),
        unit_cost_kzt=55_000,
        total_kzt=385_000,
        justification_kk=(
            "Әрбір грант иегерінің жобаларын насихаттап, жетістіктері туралы жеке "
            "видеороликтер дайындалады"
        ),
        justification_ru=(
            "Для продвижения проекта каждого грантополучателя готовится отдельный видеоролик о "
            "его достижениях"
        ),
        justification_en=(
            "A separate video promoting each grantee's project and achievements is produced"
        ),
    ),
    dict(
        section="direct",
        activity=3,
        name_kk="Әлеуметтік желіде жарияланымдар",
        name_ru="Публикации в социальных сетях",
        name_en="Social-media publications",
        unit="service",
        quantity=Decimal("1"),
        unit_cost_kzt=9_230,
        total_kzt=9_230,
        justification_kk="Instagram, Facebook, TikTok және YouTube желілерінде жарияланады",
        justification_ru="Публикация в Instagram, Facebook, TikTok и YouTube",
        justification_en="Publication on Instagram, Facebook, TikTok and YouTube",
    ),
    dict(
        section="direct",
        activity=4,
        name_kk="Баннер",
        name_ru="Баннер (стенд)",
        name_en="Banner (stand)",
        unit="service",
        quantity=Decimal("7"),
        unit_cost_kzt=30_000,
        total_kzt=210_000,
        justification_kk=(
            "Грант иегерлерінің бастамаларын таныстыратын көлемді баннер (стендтер) жасақталады"
        ),
        justification_ru=(
            "Изготавливаются баннеры (стенды), представляющие инициативы грантополучателей"
        ),
        justification_en="Large banners (stands) presenting the grantees' initiatives are made",
    ),
    dict(
        section="direct",
        activity=4,
        name_kk="Конференц-зал",
        name_ru="Конференц-зал",
        name_en="Conference hall",
        unit="day",
        quantity=Decimal("0.5"),
        unit_cost_kzt=140_000,
        total_kzt=70_000,
        justification_kk="Көрме залын жалға алу",
        justification_ru="Аренда выставочного зала",
        justification_en="Rent of the exhibition hall",
    ),
    dict(
        section="direct",
        activity=4,
        name_kk="Алғыс хат",
        name_ru="Благодарственное письмо",
        name_en="Thank-you letter",
        unit="service",
        quantity=Decimal("10"),
        unit_cost_kzt=2_500,
        total_kzt=25_000,
        justification_kk="Алғыс хат басып шығару, рамка",
        justification_ru="Печать благодарственного письма, рамка",
        justification_en="Printing of the thank-you letter, with frame",
    ),
]

# ---------------------------------------------------------------------------------------------
# Indicators (нысаналы индикаторлар, сандық және сапалық нәтижелер)
# ---------------------------------------------------------------------------------------------

INDICATORS = [
    # --- Activity 1: small-grants competition -------------------------------------------------
    dict(
        code="rules_approved",
        activity=1,
        kind="quantitative",
        name_kk="Жастар басқармасымен келісілген байқау ережесі",
        name_ru="Положение о конкурсе, согласованное с управлением по делам молодёжи",
        name_en="Competition rules agreed with the regional Youth Department",
        unit="count",
        target=Decimal("1"),
        comparison="exactly",
        measurement_kk="Жастар басқармасымен келісілген байқау ережесі",
        measurement_ru="Положение о конкурсе, согласованное с управлением по делам молодёжи",
        measurement_en="The competition rules as agreed with the Youth Department",
    ),
    dict(
        code="call_announcements",
        activity=1,
        kind="quantitative",
        name_kk="Жарияланған хабарландыру саны",
        name_ru="Количество опубликованных объявлений",
        name_en="Call announcements published",
        unit="count",
        target=Decimal("5"),
        comparison="at_least",
        measurement_kk=(
            "Әлеуметтік желілерде, жастар орталықтары, аудан әкімдіктері және жастар ұйымдары "
            "арқылы жарияланған хабарландырулар (сілтемелер, скриншоттар)"
        ),
        measurement_ru=(
            "Объявления в социальных сетях, через молодёжные центры, районные акиматы и "
            "молодёжные организации (ссылки, скриншоты)"
        ),
        measurement_en=(
            "Announcements on social media and through youth centres, district akimats and "
            "youth organisations (links, screenshots)"
        ),
    ),
    dict(
        code="applications_received",
        activity=1,
        kind="quantitative",
        name_kk="Түскен жоба өтінімдері",
        name_ru="Количество поступивших заявок",
        name_en="Project applications received",
        unit="count",
        target=Decimal("30"),
        comparison="at_least",
        measurement_kk="Байқауға түскен өтінімдер тізілімі",
        measurement_ru="Реестр поступивших на конкурс заявок",
        measurement_en="Register of applications received",
    ),
    dict(
        code="experts",
        activity=1,
        kind="quantitative",
        name_kk="Өтінімдерді іріктеуге қатысқан сарапшылар саны",
        name_ru="Количество экспертов, участвовавших в отборе заявок",
        name_en="Experts taking part in the selection",
        unit="people",
        target=Decimal("5"),
        comparison="exactly",
        measurement_kk="Сараптамалық комиссияның құрамы және бағалау парақтары",
        measurement_ru="Состав экспертной комиссии и оценочные листы",
        measurement_en="Membership of the expert commission and score sheets",
    ),
    dict(
        code="small_grants_awarded",
        activity=1,
        kind="quantitative",
        name_kk="Қаржыландырылған жобалар саны",
        name_ru="Количество профинансированных проектов",
        name_en="Projects funded",
        unit="count",
        target=Decimal("7"),
        comparison="exactly",
        measurement_kk="Сараптамалық комиссияның шешімі және грант шарттары",
        measurement_ru="Решение экспертной комиссии и договоры о гранте",
        measurement_en="Expert commission decision and grant agreements",
    ),
    dict(
        code="small_grants_amount",
        activity=1,
        kind="quantitative",
        name_kk="Берілген шағын гранттардың жалпы сомасы (әрқайсысы 1 000 000 теңгеден)",
        name_ru="Общая сумма выданных малых грантов (по 1 000 000 тенге)",
        name_en="Total amount of small grants awarded (1,000,000 tenge each)",
        unit="tenge",
        target=Decimal("7000000"),
        comparison="exactly",
        measurement_kk="Грант шарттары және төлем құжаттары",
        measurement_ru="Договоры о гранте и платёжные документы",
        measurement_en="Grant agreements and payment records",
    ),
    dict(
        code="grantees_people",
        activity=1,
        kind="quantitative",
        name_kk="Грант алған ауыл жастары саны",
        name_ru="Количество сельской молодёжи, получившей гранты",
        name_en="Rural young people who became grantees",
        unit="people",
        target=Decimal("20"),
        comparison="at_least",
        measurement_kk="Жеңімпаз бастамашыл топтардың құрамы (әр жобада 2–3 адам)",
        measurement_ru="Состав инициативных групп-победителей (по 2–3 человека в проекте)",
        measurement_en="Membership of the winning initiative groups (2–3 people per project)",
    ),
    dict(
        code="grantees_life_improved",
        activity=1,
        kind="qualitative",
        name_kk="Жобалар арқылы ауылдағы өмір сапасының жақсарғанын атап өткен грант иелері",
        name_ru="Грантополучатели, отметившие улучшение качества жизни в селе благодаря проектам",
        name_en="Grantees who say their project improved the quality of life in the village",
        unit="percent",
        target=Decimal("75"),
        comparison="at_least",
        measurement_kk="Грант иелерінің пікірі, кері байланыс",
        measurement_ru="Мнение грантополучателей, обратная связь",
        measurement_en="Grantee feedback",
    ),
    dict(
        code="applications_rural_share",
        activity=1,
        kind="qualitative",
        name_kk="Байқауға қатысқан ауыл жастарының үлесі",
        name_ru="Доля сельской молодёжи среди участников конкурса",
        name_en="Share of applications that come from rural youth",
        unit="percent",
        target=Decimal("90"),
        comparison="at_least",
        measurement_kk="Байқауға түскен өтінімдер",
        measurement_ru="Поступившие на конкурс заявки",
        measurement_en="Applications received",
    ),
    # --- Activity 2: training and mentoring ---------------------------------------------------
    dict(
        code="projects_implemented",
        activity=2,
        kind="quantitative",
        name_kk="Жүзеге асқан жобалар саны (грант жеңімпаздарының жобалары)",
        name_ru="Количество реализованных проектов (проекты победителей)",
        name_en="Grantee projects implemented",
        unit="count",
        target=Decimal("7"),
        comparison="exactly",
        measurement_kk="Аяқталған жобалар туралы есептер, фото/бейне материалдар, мониторинг",
        measurement_ru="Отчёты о завершённых проектах, фото- и видеоматериалы, мониторинг",
        measurement_en="Completion reports, photos/videos, monitoring",
    ),
    dict(
        code="training_participants",
        activity=2,
        kind="quantitative",
        name_kk="Тренингке қатысқан грант иегерлерінің саны",
        name_ru="Количество грантополучателей, участвовавших в тренинге",
        name_en="Grantees attending the training",
        unit="people",
        target=Decimal("7"),
        comparison="exactly",
        measurement_kk="Тренингке қатысушылардың тіркеу парағы",
        measurement_ru="Лист регистрации участников тренинга",
        measurement_en="Training attendance sheet",
    ),
    dict(
        code="trainings",
        activity=2,
        kind="quantitative",
        name_kk="Өткізілген тренингтер саны (офлайн форматта)",
        name_ru="Количество проведённых тренингов (офлайн)",
        name_en="Trainings held (offline)",
        unit="count",
        target=Decimal("3"),
        comparison="exactly",
        measurement_kk="Тренинг бағдарламасы, тіркеу парақтары, фотоесеп",
        measurement_ru="Программа тренинга, листы регистрации, фотоотчёт",
        measurement_en="Training programme, attendance sheets, photo report",
    ),
    dict(
        code="training_days",
        activity=2,
        kind="quantitative",
        name_kk="Тренинг бағдарламасының ұзақтығы",
        name_ru="Продолжительность программы тренинга",
        name_en="Length of the training programme",
        unit="days",
        target=Decimal("2"),
        comparison="exactly",
        measurement_kk=(
            "Тренинг бағдарламасы: 1-күн – жобалық менеджмент және қоғаммен байланыс; 2-күн – "
            "урбанистика негіздері және ауылдағы қоғамдық кеңістіктерді дамыту"
        ),
        measurement_ru=(
            "Программа тренинга: 1-й день — управление проектами и связи с общественностью; "
            "2-й день — основы урбанистики и развитие общественных пространств села"
        ),
        measurement_en=(
            "Training programme: day 1 project management and public relations; day 2 urbanism "
            "basics and public spaces in the village"
        ),
    ),
    dict(
        code="training_materials",
        activity=2,
        kind="quantitative",
        name_kk="Тренинг барысында дайындалған оқу-материалдар саны",
        name_ru="Количество учебных материалов, подготовленных для тренинга",
        name_en="Training materials prepared",
        unit="count",
        target=Decimal("3"),
        comparison="at_least",
        measurement_kk=(
            "Жобалық менеджмент, SMM құралдары және урбанистика бойынша әдістеме материалдары"
        ),
        measurement_ru="Материалы по управлению проектами, инструментам SMM и методике урбанистики",
        measurement_en="Materials on project management, SMM tools and urbanism methodology",
    ),
    dict(
        code="mentorships",
        activity=2,
        kind="quantitative",
        name_kk="Менторлық қолдау саны (әрбір грант иегеріне жеке ментор)",
        name_ru="Количество менторских сопровождений (личный ментор у каждого грантополучателя)",
        name_en="Mentorships (a personal mentor for every grantee)",
        unit="count",
        target=Decimal("7"),
        comparison="at_least",
        measurement_kk="Грант иегерлеріне бекітілген менторлар тізімі",
        measurement_ru="Список менторов, закреплённых за грантополучателями",
        measurement_en="List of mentors assigned to the grantees",
    ),
    dict(
        code="mentoring_meetings",
        activity=2,
        kind="quantitative",
        name_kk="Менторлық кездесулер саны (апта сайынғы, онлайн немесе офлайн)",
        name_ru="Количество встреч с менторами (еженедельных, онлайн или офлайн)",
        name_en="Weekly mentoring meetings (online or offline)",
        unit="count",
        target=Decimal("5"),
        comparison="at_least",
        measurement_kk="Менторлық кездесулер журналы",
        measurement_ru="Журнал встреч с менторами",
        measurement_en="Mentoring meeting log",
    ),
    dict(
        code="projects_success_share",
        activity=2,
        kind="qualitative",
        name_kk="Табысты жүзеге асырылған грант жобаларының үлесі",
        name_ru="Доля успешно реализованных грантовых проектов",
        name_en="Share of funded projects implemented successfully",
        unit="percent",
        target=Decimal("90"),
        comparison="at_least",
        measurement_kk="Аяқталған жобалар туралы есептер мен фото/бейне материалдар, мониторинг",
        measurement_ru="Отчёты о завершённых проектах, фото- и видеоматериалы, мониторинг",
        measurement_en="Completion reports, photos/videos, monitoring",
    ),
    dict(
        code="training_satisfaction_share",
        activity=2,
        kind="qualitative",
        name_kk="Тренинг сапасына қанағаттанған қатысушылардың үлесі",
        name_ru="Доля участников, удовлетворённых качеством тренинга",
        name_en="Share of participants satisfied with the training",
        unit="percent",
        target=Decimal("80"),
        comparison="at_least",
        measurement_kk="Тренингтің кері байланыс анкетасы",
        measurement_ru="Анкета обратной связи по тренингу",
        measurement_en="Training feedback form",
    ),
    dict(
        code="mentoring_useful_share",
        activity=2,
        kind="qualitative",
        name_kk="Менторлық қолдаудың пайдалы болғанын растаған қатысушылардың үлесі",
        name_ru="Доля участников, подтвердивших пользу менторской поддержки",
        name_en="Share of participants who found the mentoring useful",
        unit="percent",
        target=Decimal("80"),
        comparison="at_least",
        measurement_kk="Менторлық бағалау парағы",
        measurement_ru="Оценочный лист менторской поддержки",
        measurement_en="Mentoring evaluation sheet",
    ),
    # --- Activity 3: videos and information coverage -----------------------------------------
    dict(
        code="grantee_videos",
        activity=3,
        kind="quantitative",
        name_kk="Дайындалған видеороликтер саны (әрбір грант иегері туралы жеке, 1–2 минут)",
        name_ru="Количество подготовленных видеороликов (о каждом грантополучателе, 1–2 мин)",
        name_en="Videos produced (one per grantee, 1–2 minutes)",
        unit="count",
        target=Decimal("7"),
        comparison="exactly",
        measurement_kk="Дайындалған видеороликтер және олардың сілтемелері",
        measurement_ru="Готовые видеоролики и ссылки на них",
        measurement_en="The finished videos and their links",
    ),
    dict(
        code="video_villages",
        activity=3,
        kind="quantitative",
        name_kk="Түсірілім өткен ауылдар саны",
        name_ru="Количество сёл, в которых прошли съёмки",
        name_en="Villages where filming took place",
        unit="count",
        target=Decimal("7"),
        comparison="exactly",
        measurement_kk="Түсірілім өткен ауылдар тізімі",
        measurement_ru="Список сёл, где проходили съёмки",
        measurement_en="List of filming villages",
    ),
    dict(
        code="video_posts",
        activity=3,
        kind="quantitative",
        name_kk="Әлеуметтік желілердегі жарияланым саны (әр роликке кемінде 2 жарияланым)",
        name_ru="Количество публикаций в соцсетях (не менее 2 на каждый ролик)",
        name_en="Social-media posts about the videos (at least 2 per video)",
        unit="count",
        target=Decimal("14"),
        comparison="at_least",
        measurement_kk=(
            "Instagram, Facebook, TikTok және YouTube желілеріндегі жарияланым сілтемелері"
        ),
        measurement_ru="Ссылки на публикации в Instagram, Facebook, TikTok и YouTube",
        measurement_en="Links to the posts on Instagram, Facebook, TikTok and YouTube",
    ),
    # The same line of the document, checked video by video: "at least 2 posts per video".
    dict(
        code="videos_two_posts",
        activity=3,
        kind="quantitative",
        name_kk="Кемінде 2 жазбамен таратылған бейнероликтер саны",
        name_ru="Количество видеороликов, у каждого из которых не менее 2 публикаций",
        name_en="Videos promoted by at least 2 posts each",
        unit="count",
        target=Decimal("7"),
        comparison="at_least",
        measurement_kk="Әр бейнероликтің әлеуметтік желілердегі жазбаларының сілтемелері",
        measurement_ru="Ссылки на публикации каждого видеоролика в социальных сетях",
        measurement_en="Links to each video's posts on social media",
    ),
    dict(
        code="video_average_length",
        activity=3,
        kind="quantitative",
        name_kk="Бейнероликтің орташа ұзақтығы (1–2 минут)",
        name_ru="Средняя продолжительность видеоролика (1–2 минуты)",
        name_en="Average length of a video (1–2 minutes)",
        unit="seconds",
        target=Decimal("60"),
        target_max=Decimal("120"),
        comparison="between",
        measurement_kk="Дайындалған бейнероликтердің ұзақтығы",
        measurement_ru="Продолжительность готовых видеороликов",
        measurement_en="The length of the finished videos",
    ),
    dict(
        code="views_total",
        activity=3,
        kind="quantitative",
        name_kk="Жобаны ақпараттық қамту (қаралым саны)",
        name_ru="Информационный охват проекта (количество просмотров)",
        name_en="Information coverage of the project (views)",
        unit="views",
        target=Decimal("25000"),
        comparison="at_least",
        measurement_kk="Әлеуметтік желілер мен YouTube статистикасы бойынша қаралым саны",
        measurement_ru="Количество просмотров по статистике соцсетей и YouTube",
        measurement_en="View counts from social-media and YouTube statistics",
    ),
    dict(
        code="posts_total",
        activity=3,
        kind="quantitative",
        name_kk="Әлеуметтік желілерде жарияланған посттар саны",
        name_ru="Количество постов в социальных сетях",
        name_en="Posts published on social media",
        unit="count",
        target=Decimal("25"),
        comparison="at_least",
        measurement_kk=(
            "Instagram, Facebook, TikTok және YouTube бетшелеріндегі посттар сілтемелері"
        ),
        measurement_ru="Ссылки на посты на страницах Instagram, Facebook, TikTok и YouTube",
        measurement_en="Links to the posts on the Instagram, Facebook, TikTok and YouTube pages",
    ),
    dict(
        code="videos_total",
        activity=3,
        kind="quantitative",
        name_kk="Жоба бойынша жасақталған видеороликтердің жалпы саны",
        name_ru="Общее количество видеороликов проекта",
        name_en="Videos produced by the project in all",
        unit="count",
        target=Decimal("10"),
        comparison="exactly",
        measurement_kk="Жоба барысында жасақталған барлық видеороликтер және олардың сілтемелері",
        measurement_ru="Все видеоролики проекта и ссылки на них",
        measurement_en="All project videos and their links",
    ),
    dict(
        code="media_publications",
        activity=3,
        kind="quantitative",
        name_kk="БАҚ-тағы жарияланымдар саны (мақала мен телеарнаға сюжет)",
        name_ru="Количество публикаций в СМИ (статьи и телесюжеты)",
        name_en="Media publications (articles and TV stories)",
        unit="count",
        target=Decimal("5"),
        comparison="exactly",
        measurement_kk=(
            "Жергілікті газеттердегі, облыстық ақпараттық сайттардағы мақалалар мен "
            "телесюжеттердің сілтемелері"
        ),
        measurement_ru="Ссылки на статьи в местных газетах, на областных сайтах и на телесюжеты",
        measurement_en="Links to articles in local papers and regional news sites and TV stories",
    ),
    dict(
        code="video_positive_reactions_share",
        activity=3,
        kind="qualitative",
        name_kk="Жергілікті қауымдастықтың видеороликтерге оң реакциясы",
        name_ru="Положительная реакция местного сообщества на видеоролики",
        name_en="Positive reactions of the local community to the videos",
        unit="percent",
        target=Decimal("50"),
        comparison="at_least",
        measurement_kk="Жергілікті пабликтер мен тұрғындар пікірлері",
        measurement_ru="Комментарии в местных пабликах и отзывы жителей",
        measurement_en="Comments on local public pages and residents' feedback",
    ),
    # --- Activity 4: final exhibition ---------------------------------------------------------
    dict(
        code="exhibitions",
        activity=4,
        kind="quantitative",
        name_kk="Өткізілген көрме саны (қорытынды іс-шара ретінде)",
        name_ru="Количество проведённых выставок (итоговое мероприятие)",
        name_en="Exhibitions held (final event)",
        unit="count",
        target=Decimal("1"),
        comparison="exactly",
        measurement_kk="Көрме бағдарламасы, фото/бейне материалдар",
        measurement_ru="Программа выставки, фото- и видеоматериалы",
        measurement_en="Exhibition programme, photos/videos",
    ),
    dict(
        code="exhibition_stands",
        activity=4,
        kind="quantitative",
        name_kk="Көрмедегі стендтер (баннерлер) саны",
        name_ru="Количество стендов (баннеров) на выставке",
        name_en="Exhibition stands (banners)",
        unit="count",
        target=Decimal("7"),
        comparison="exactly",
        measurement_kk="Грант иегерлерінің бастамаларын таныстыратын баннерлер (стендтер)",
        measurement_ru="Баннеры (стенды), представляющие инициативы грантополучателей",
        measurement_en="Banners (stands) presenting the grantees' initiatives",
    ),
    dict(
        code="exhibition_participants",
        activity=4,
        kind="quantitative",
        name_kk="Көрмеге қатысушылар саны",
        name_ru="Количество участников выставки",
        name_en="Exhibition participants",
        unit="people",
        target=Decimal("50"),
        comparison="at_least",
        measurement_kk="Көрмеге қатысушылардың тіркеу парағы",
        measurement_ru="Лист регистрации участников выставки",
        measurement_en="Exhibition registration sheet",
    ),
    dict(
        code="round_tables",
        activity=4,
        kind="quantitative",
        name_kk="Тәжірибе алмасу сессиялары саны (дөңгелек үстел немесе ашық пікірталас)",
        name_ru="Количество сессий обмена опытом (круглый стол или открытая дискуссия)",
        name_en="Experience-exchange sessions (round table or open discussion)",
        unit="count",
        target=Decimal("1"),
        comparison="exactly",
        measurement_kk="Дөңгелек үстел бағдарламасы және қатысушылар тізімі",
        measurement_ru="Программа круглого стола и список участников",
        measurement_en="Round-table programme and list of participants",
    ),
    dict(
        code="thank_you_letters",
        activity=4,
        kind="quantitative",
        name_kk="Алғыс хаттар мен марапаттар саны (грант иегерлері, белсенділер, менторлар)",
        name_ru="Количество благодарственных писем и наград (грантополучатели, активисты, менторы)",
        name_en="Thank-you letters and awards (grantees, activists, mentors)",
        unit="count",
        target=Decimal("10"),
        comparison="at_least",
        measurement_kk="Табысталған алғыс хаттар тізімі",
        measurement_ru="Список вручённых благодарственных писем",
        measurement_en="List of thank-you letters presented",
    ),
    dict(
        code="exhibition_support_grew_share",
        activity=4,
        kind="qualitative",
        name_kk=(
            "Көрмеден кейін ауыл жастары жобаларына деген қоғамдық қолдауы артқан "
            "қатысушылардың үлесі"
        ),
        name_ru=(
            "Доля участников, у которых после выставки выросла поддержка проектов сельской молодёжи"
        ),
        name_en="Share of exhibition participants whose support for rural youth projects grew",
        unit="percent",
        target=Decimal("30"),
        comparison="at_least",
        measurement_kk="Көрмеге қатысушылардың пікірі",
        measurement_ru="Отзывы участников выставки",
        measurement_en="Exhibition participants' feedback",
    ),
]

# ---------------------------------------------------------------------------------------------
# GAMO's project team (әлеуметтік жобаның командасы)
# ---------------------------------------------------------------------------------------------

STAFF = [
    dict(
        full_name="Ахметова Жібек Аманбайқызы",
        position_kk="Директор",
        position_ru="Директор",
        position_en="Director",
        role="director",
        email="",
    ),
    dict(
        full_name="Амангелдиева Молдир",
        position_kk="Үйлестіруші",
        position_ru="Координатор",
        position_en="Coordinator",
        role="coordinator",
        email="",
    ),
    dict(
        full_name="Қошжанова Ақмарал",
        position_kk="Бухгалтер",
        position_ru="Бухгалтер",
        position_en="Accountant",
        role="accountant",
        email="",
    ),
]

# ---------------------------------------------------------------------------------------------
# Scoring criteria of the expert commission. The document only names them («Бағалау кезінде
# жобаның өзектілігі, жаңашылдығы, қоғамдық әсері және жүзеге асыру мүмкіндігі ескеріледі»);
# the one-sentence descriptions are condensed from the surrounding description of Activity 1,
# and the score levels (0–10, one line each) spell out what each description asks for.
# ---------------------------------------------------------------------------------------------

CRITERIA = [
    dict(
        code="relevance",
        name_kk="Өзектілігі",
        name_ru="Актуальность",
        name_en="Relevance",
        description_kk=(
            "Жобаның ауылдағы өзекті әлеуметтік, мәдени, экологиялық немесе инфрақұрылымдық "
            "мәселені шешуге бағытталуы."
        ),
        description_ru=(
            "Направленность проекта на решение актуальной социальной, культурной, экологической "
            "или инфраструктурной проблемы села."
        ),
        description_en=(
            "How far the project addresses a pressing social, cultural, environmental or "
            "infrastructure problem of the village."
        ),
        levels_kk=(
            "0–3: мәселе көрсетілмеген немесе ауылға қатысы жоқ\n"
            "4–6: мәселе аталған, бірақ дәлелдері аз\n"
            "7–8: ауылдың нақты мәселесі сипатталып, дәлелденген\n"
            "9–10: ауыл үшін аса өзекті мәселе, тұрғындардың қажеттілігі нақты дәлелденген"
        ),
        levels_ru=(
            "0–3: проблема не показана или не касается села\n"
            "4–6: проблема названа, но слабо обоснована\n"
            "7–8: конкретная проблема села описана и обоснована\n"
            "9–10: проблема очень актуальна для села, потребность жителей ясно доказана"
        ),
        levels_en=(
            "0–3: no problem is shown, or it does not concern the village\n"
            "4–6: the problem is named but little evidence is given\n"
            "7–8: a concrete problem of the village is described and supported\n"
            "9–10: a pressing problem of the village, the residents' need clearly shown"
        ),
    ),
    dict(
        code="novelty",
        name_kk="Жаңашылдығы",
        name_ru="Новизна",
        name_en="Novelty",
        description_kk=(
            "Жоба идеясының жаңашылдығы және ауылдағы қоғамдық кеңістіктерді дамытуға "
            "шығармашылық, креативті тәсілі."
        ),
        description_ru=(
            "Новизна идеи проекта и творческий, креативный подход к развитию общественных "
            "пространств села."
        ),
        description_en=(
            "How new the project idea is and how creative its approach to the village's public "
            "spaces is."
        ),
        levels_kk=(
            "0–3: идея ауылда бұрыннан бар нәрсені қайталайды\n"
            "4–6: таныс идея, бірнеше жаңа элементі бар\n"
            "7–8: ауыл үшін жаңа идея, шығармашылық тәсіл\n"
            "9–10: ерекше, креативті шешім, басқа ауылдарға үлгі бола алады"
        ),
        levels_ru=(
            "0–3: идея повторяет то, что в селе уже есть\n"
            "4–6: знакомая идея с отдельными новыми элементами\n"
            "7–8: новая для села идея, творческий подход\n"
            "9–10: необычное креативное решение, может стать примером для других сёл"
        ),
        levels_en=(
            "0–3: the idea repeats what the village already has\n"
            "4–6: a familiar idea with a few new elements\n"
            "7–8: an idea new to the village, a creative approach\n"
            "9–10: an unusual, creative solution other villages could follow"
        ),
    ),
    dict(
        code="social_impact",
        name_kk="Қоғамдық әсері",
        name_ru="Общественное влияние",
        name_en="Social impact",
        description_kk=(
            "Жобаның ауылдағы өмір сапасын арттыруға қосатын үлесі және жергілікті "
            "қауымдастықты тартуы."
        ),
        description_ru=(
            "Вклад проекта в повышение качества жизни в селе и вовлечение местного сообщества."
        ),
        description_en=(
            "The project's contribution to the quality of life in the village and to involving "
            "the local community."
        ),
        levels_kk=(
            "0–3: ауыл тұрғындарына әсері байқалмайды\n"
            "4–6: тұрғындардың шағын тобына пайда келтіреді\n"
            "7–8: ауылдағы өмір сапасын арттырады, тұрғындар тартылады\n"
            "9–10: бүкіл ауылға айқын пайда, қауымдастық жобаға белсенді қатысады"
        ),
        levels_ru=(
            "0–3: влияние на жителей села не видно\n"
            "4–6: польза для небольшой группы жителей\n"
            "7–8: повышает качество жизни в селе, жители вовлечены\n"
            "9–10: явная польза для всего села, сообщество активно участвует в проекте"
        ),
        levels_en=(
            "0–3: no visible effect on the village's residents\n"
            "4–6: benefits a small group of residents\n"
            "7–8: improves life in the village and involves its residents\n"
            "9–10: a clear benefit to the whole village, the community takes an active part"
        ),
    ),
    dict(
        code="feasibility",
        name_kk="Жүзеге асыру мүмкіндігі",
        name_ru="Реализуемость",
        name_en="Feasibility",
        description_kk=(
            "Жобаны ұсынылған бюджетпен (1 000 000 теңгеге дейін), 2–3 адамдық команданың "
            "күшімен және белгіленген мерзімде жүзеге асыру мүмкіндігі."
        ),
        description_ru=(
            "Возможность реализовать проект с предложенным бюджетом (до 1 000 000 тенге), "
            "силами команды из 2–3 человек и в установленный срок."
        ),
        description_en=(
            "Whether the project can be delivered with the proposed budget (up to 1,000,000 "
            "tenge), by a team of 2–3 people and on time."
        ),
        levels_kk=(
            "0–3: жобаны орындауға бюджет, команда немесе мерзім жетпейді\n"
            "4–6: орындауға болады, бірақ бюджетте не жоспарда елеулі кемшіліктер бар\n"
            "7–8: бюджет пен жоспар шынайы, кемшіліктері шағын\n"
            "9–10: бюджет нақты есептелген, жоспар мен команда жобаны мерзімінде орындауға толық жетеді"
        ),
        levels_ru=(
            "0–3: бюджета, команды или срока не хватает для реализации\n"
            "4–6: реализуемо, но в бюджете или плане есть существенные недочёты\n"
            "7–8: бюджет и план реалистичны, недочёты небольшие\n"
            "9–10: бюджет точно рассчитан, плана и команды полностью хватает, чтобы завершить проект в срок"
        ),
        levels_en=(
            "0–3: the budget, the team or the time is not enough to deliver it\n"
            "4–6: deliverable, but the budget or the plan has serious gaps\n"
            "7–8: a realistic budget and plan with minor gaps\n"
            "9–10: a precisely costed budget; the plan and the team are fully able to finish on time"
        ),
    ),
]

# ---------------------------------------------------------------------------------------------
# The small-grants competition (Activity 1) as the portal's first competition
# ---------------------------------------------------------------------------------------------

COMPETITION = dict(
    title_kk="«JastarUrban: Ауылдан басталады» шағын гранттар байқауы",
    title_ru="Конкурс малых грантов «JastarUrban: Всё начинается с села»",
    title_en="“JastarUrban: It Starts in the Village” small-grants competition",
    summary_kk=(
        "Ауыл жастарының қоғамға пайдалы урбанистикалық бастамаларын жүзеге асыру мақсатында "
        "шағын гранттар байқауы өткізіледі. Байқаудың негізгі мақсаты – ауылдық жерде тұратын "
        "жастардың белсенді азаматтық ұстанымын қалыптастыру, олардың өз ауылында өмір сапасын "
        "арттыруға бағытталған идеяларын қолдау және жүзеге асыруға мүмкіндік беру. "
        "Сараптамалық комиссия ең үздік деп таныған 7 жоба әрқайсысы 1 000 000 теңге көлемінде "
        "қаржылай қолдауға ие болады."
    ),
    summary_ru=(
        "Конкурс малых грантов проводится для реализации общественно полезных урбанистических "
        "инициатив сельской молодёжи. Его главная цель — сформировать активную гражданскую "
        "позицию молодёжи, живущей в сёлах, поддержать её идеи по повышению качества жизни в "
        "родном селе и дать возможность их реализовать. 7 проектов, признанных экспертной "
        "комиссией лучшими, получат по 1 000 000 тенге."
    ),
    summary_en=(
        "The small-grants competition funds socially useful urban-development initiatives of "
        "rural young people. Its main aim is to build an active civic stance among young "
        "villagers and to support and enable their ideas for a better quality of life in "
        "their own village. The 7 projects the expert commission judges best receive "
        "1,000,000 tenge each."
    ),
    eligibility_kk=(
        "Байқауға Маңғыстау облысының ауылдарында тұратын 18 бен 35 жас аралығындағы жастар "
        "2–3 адамнан құралған бастамашыл топ болып қатыса алады. Қатысушылар арнайы өтінім "
        "формасын толтырып, жоба идеясын, мақсатын, күтілетін нәтижелерін, бюджетін және жоба "
        "жүзеге асатын ауылды көрсетеді."
    ),
    eligibility_ru=(
        "В конкурсе могут участвовать молодые люди в возрасте от 18 до 35 лет, живущие в сёлах "
        "Мангистауской области, инициативными группами по 2–3 человека. Участники заполняют "
        "специальную форму заявки: идея проекта, цель, ожидаемые результаты, бюджет и село, "
        "где будет реализован проект."
    ),
    eligibility_en=(
        "Open to young people aged 18–35 living in villages of Mangystau Region, applying as "
        "initiative groups of 2–3 people. Applicants fill in a special application form: "
        "project idea, goal, expected results, budget and the village where the project will "
        "take place."
    ),
    funds_kk=(
        "Қоғамдық кеңістіктерді жақсарту, экологиялық акциялар, спорттық немесе мәдени "
        "нысандарды абаттандыру, креативті жастар орталықтарын құру сияқты ауылдағы өзекті "
        "әлеуметтік, мәдени, экологиялық және инфрақұрылымдық мәселелерді шешуге бағытталған "
        "жобалар."
    ),
    funds_ru=(
        "Проекты, решающие актуальные социальные, культурные, экологические и "
        "инфраструктурные проблемы села: благоустройство общественных пространств, "
        "экологические акции, благоустройство спортивных или культурных объектов, создание "
        "креативных молодёжных центров."
    ),
    funds_en=(
        "Projects that tackle pressing social, cultural, environmental and infrastructure "
        "problems of the village: better public spaces, ecological actions, landscaping of "
        "sports or cultural sites, creative youth centres."
    ),
    award_count=7,
    award_amount_kzt=1_000_000,
    min_age=18,
    max_age=35,
    min_team_size=2,
    max_team_size=3,
    expert_count=5,
    expected_applications=30,
    announcement_target=5,
)

# The rules (ереже) of the call, written from the source document's description of
# Activity 1: who may apply, what is funded, how applications are scored, the stages and
# the applicant's declarations. Dates are the call's own (shown on its page), so the text
# serves every copy of the call.
COMPETITION_RULES = dict(
    rules_kk="""1. Жалпы ережелер
«JastarUrban: Ауылдан басталады» шағын гранттар байқауын Маңғыстау облысының Азаматтық Альянсы (ГАМО) мемлекеттік грант аясында өткізеді. Байқаудың мақсаты – ауыл жастарының қоғамға пайдалы урбанистикалық бастамаларын қолдау және өз ауылында өмір сапасын арттыруға мүмкіндік беру. Ереже облыстың жастар саясаты басқармасымен келісілген.

2. Кім қатыса алады
Байқауға Маңғыстау облысының ауылдарында тұратын 18 бен 35 жас аралығындағы жастар қатыса алады. Өтінімді 2–3 адамнан тұратын команда береді: команда жетекшісі және 1–2 мүше. Әр мүше ауылда тұрады және өтінім берген күні 18 бен 35 жас аралығында болады. Бір адам тек бір өтінімге қатыса алады. Жоба команда мүшелерінің бірі тұратын ауылда жүзеге асады.

3. Не қаржыландырылады
Ауылдағы өзекті әлеуметтік, мәдени, экологиялық және инфрақұрылымдық мәселелерді шешетін жобалар: қоғамдық кеңістіктерді жақсарту, экологиялық акциялар, спорт және мәдениет нысандарын абаттандыру, креативті жастар орталықтарын құру. Бір жобаға ең көбі 1 000 000 ₸ беріледі; барлығы 7 грант. Бюджетте әр шығыс бабы жазылады (атауы, өлшем бірлігі, саны, бірлік құны). Грант қаражаты тек жобаның мақсатына жұмсалады; жеке қажеттілікке, сыйақыға және несиені өтеуге жұмсалмайды.

4. Өтінім беру
Өтінім тек порталда, қазақ немесе орыс тілінде беріледі. Өтінімде жоба идеясы, мақсаты, күтілетін нәтижелері, жұмыс жоспары, бюджеті, команда мүшелері және жоба жүзеге асатын ауыл көрсетіледі. Өтінімдер байқау бетінде көрсетілген мерзімге дейін (Ақтау уақыты) қабылданады. Жіберілген әр өтінім тіркеу нөмірін алады, түбіртек электрондық поштаға келеді.

5. Бағалау
Алдымен ГАМО өтінімнің талаптарға сәйкестігін тексереді (жасы, ауылы, команда құрамы, бюджет). Талаптарға сай өтінімдерді 5 сарапшыдан тұратын сараптамалық комиссия бағалайды. Өлшемшарттар: өзектілігі, жаңашылдығы, қоғамдық әсері, жүзеге асыру мүмкіндігі. Мүдделер қақтығысы бар сарапшы ол өтінімді бағаламайды. Балл тең болғанда алдымен қоғамдық әсері, содан кейін жүзеге асыру мүмкіндігі бойынша балл шешеді. Ең жоғары балл алған 7 жоба грант алады, келесілері резервтік тізімге енеді.

6. Кезеңдер
Өтінім қабылдау – байқау бетінде көрсетілген мерзім. Талаптарға сәйкестігін тексеру және сараптама – өтінім қабылдау аяқталғаннан кейін шамамен екі апта. Нәтижелер порталда жарияланады, әр өтініш берушіге хат келеді. Грант иегерлері екі күндік тренингке қатысады, әр командаға ментор бекітіледі. Жоба шамамен төрт ай ішінде жүзеге асады; команда жұмыс барысы туралы есеп пен шығыстарды растайтын құжаттарды тапсырады. Жобалар қорытынды көрмеде таныстырылады.

7. Растаулар
Өтінімді жіберу арқылы команда жетекшісі: өтінімдегі мәліметтердің шын екенін; команда мүшелері өтінімге қатысуға келісетінін; ГАМО-ның байқауды өткізу үшін дербес деректерді өңдеуіне келісетінін; грант қаражатын тек жобаға жұмсайтынын және есеп беретінін; бейнеролик пен көрмеге қатысатынын растайды. Жалған мәлімет берілсе, өтінім байқаудан алынады.""",
    rules_ru="""1. Общие положения
Конкурс малых грантов «JastarUrban: Всё начинается с села» проводит Гражданский Альянс Мангистауской области (ГАМО) в рамках государственного гранта. Цель конкурса — поддержать общественно полезные урбанистические инициативы сельской молодёжи и дать ей возможность улучшить жизнь в родном селе. Положение согласовано с управлением по делам молодёжи области.

2. Кто может участвовать
Молодые люди от 18 до 35 лет, живущие в сёлах Мангистауской области. Заявку подаёт команда из 2–3 человек: руководитель команды и 1–2 участника. Каждый участник живёт в селе и на день подачи заявки ему от 18 до 35 лет. Один человек может участвовать только в одной заявке. Проект реализуется в селе, где живёт кто-то из команды.

3. Что финансируется
Проекты, решающие актуальные социальные, культурные, экологические и инфраструктурные проблемы села: благоустройство общественных пространств, экологические акции, благоустройство спортивных и культурных объектов, создание креативных молодёжных центров. На один проект — не более 1 000 000 ₸; всего 7 грантов. В бюджете указывается каждая статья расходов (название, единица измерения, количество, цена за единицу). Средства гранта расходуются только на цели проекта; не на личные нужды, вознаграждения и погашение кредитов.

4. Подача заявки
Заявка подаётся только на портале, на казахском или русском языке. В заявке указываются идея проекта, цель, ожидаемые результаты, план работ, бюджет, участники команды и село, где будет реализован проект. Заявки принимаются до срока, указанного на странице конкурса (время Актау). Каждая поданная заявка получает регистрационный номер, квитанция приходит на электронную почту.

5. Оценка
Сначала ГАМО проверяет соответствие заявки требованиям (возраст, село, состав команды, бюджет). Заявки, соответствующие требованиям, оценивает экспертная комиссия из 5 экспертов. Критерии: актуальность, новизна, общественное влияние, реализуемость. Эксперт с конфликтом интересов эту заявку не оценивает. При равенстве баллов решает балл по общественному влиянию, затем по реализуемости. Гранты получают 7 проектов с наибольшими баллами, следующие входят в резервный список.

6. Этапы
Приём заявок — в сроки, указанные на странице конкурса. Проверка соответствия требованиям и экспертиза — около двух недель после окончания приёма. Результаты публикуются на портале, каждый заявитель получает письмо. Грантополучатели проходят двухдневный тренинг, к каждой команде прикрепляется ментор. Проект реализуется около четырёх месяцев; команда сдаёт отчёты о ходе работ и подтверждающие документы расходов. Проекты представляются на итоговой выставке.

7. Подтверждения
Отправляя заявку, руководитель команды подтверждает: сведения в заявке достоверны; участники команды согласны участвовать; согласие на обработку персональных данных ГАМО для проведения конкурса; средства гранта будут потрачены только на проект, по ним будет сдан отчёт; команда участвует в съёмке видеоролика и в выставке. При недостоверных сведениях заявка снимается с конкурса.""",
    rules_en="""1. General
The “JastarUrban: It Starts in the Village” small-grants competition is run by the Civil Alliance of Mangystau Region (GAMO) under a state grant. It supports socially useful urban initiatives of rural young people and lets them improve life in their own village. The rules are agreed with the regional Youth Department.

2. Who may apply
Young people aged 18–35 living in villages of Mangystau Region. A team of 2–3 people applies: the team lead and 1–2 members. Every member lives in a village and is 18–35 on the day the application is submitted. A person may take part in one application only. The project takes place in a village where a team member lives.

3. What is funded
Projects that tackle pressing social, cultural, environmental and infrastructure problems of the village: better public spaces, ecological actions, landscaping of sports and cultural sites, creative youth centres. At most 1 000 000 ₸ per project; 7 grants in all. The budget lists every expense line (item, unit, quantity, unit cost). Grant money is spent on the project only: not on personal needs, fees or loan repayments.

4. Applying
Applications are submitted on the portal only, in Kazakh or Russian. An application states the project idea, goal, expected results, work plan, budget, team members and the village where the project happens. Applications are accepted until the deadline shown on the competition page (Aktau time). Every submitted application gets a registration number; the receipt arrives by e-mail.

5. Scoring
GAMO first checks that the application meets the requirements (age, village, team, budget). Eligible applications are scored by an expert commission of 5. Criteria: relevance, novelty, social impact, feasibility. An expert with a conflict of interest does not score that application. On a tie, the social-impact score decides, then feasibility. The 7 highest-scoring projects receive a grant; the next ones form the reserve list.

6. Stages
Applications — within the dates on the competition page. Eligibility check and expert review — about two weeks after the deadline. The results are published on the portal and every applicant gets a letter. Grantees attend a two-day training and each team gets a mentor. A project runs for about four months; the team submits progress reports and the receipts for its expenses. The projects are shown at the final exhibition.

7. Declarations
By submitting, the team lead confirms that: the information in the application is true; the team members agree to take part; GAMO may process the personal data to run the competition; the grant will be spent on the project only and reported on; the team takes part in the video and the exhibition. An application with false information is withdrawn from the competition.""",
)

# Questions a villager asks before applying, with the answers the rules give.
COMPETITION_FAQ = [
    dict(
        question_kk="Мен қалада оқимын, бірақ ауылда тіркелгенмін. Қатыса аламын ба?",
        answer_kk="Иә, егер сіз Маңғыстау облысының ауылында тұрсаңыз немесе тіркелген болсаңыз және жоба сол ауылда жүзеге асса. Профиліңізде ауылыңызды көрсетіңіз.",
        question_ru="Я учусь в городе, но прописан в селе. Могу ли я участвовать?",
        answer_ru="Да, если вы живёте или прописаны в селе Мангистауской области и проект будет реализован в этом селе. Укажите своё село в профиле.",
        question_en="I study in town but am registered in a village. May I apply?",
        answer_en="Yes, if you live or are registered in a village of Mangystau Region and the project takes place in that village. Give your village in your profile.",
    ),
    dict(
        question_kk="Жалғыз өзім өтінім бере аламын ба?",
        answer_kk="Жоқ. Өтінімді 2–3 адамнан тұратын команда береді: сіз (команда жетекшісі) және тағы 1–2 адам. Әр мүшенің жасы 18 бен 35 аралығында болуы керек.",
        question_ru="Могу ли я подать заявку один?",
        answer_ru="Нет. Заявку подаёт команда из 2–3 человек: вы (руководитель команды) и ещё 1–2 человека. Каждому участнику должно быть от 18 до 35 лет.",
        question_en="Can I apply on my own?",
        answer_en="No. A team of 2–3 people applies: you (the team lead) and 1–2 others. Every member must be 18–35 years old.",
    ),
    dict(
        question_kk="Менің 17 жасым бар (немесе 36 жастамын). Командаға кіре аламын ба?",
        answer_kk="Жоқ. Өтінім жіберілген күні команданың әр мүшесі 18 бен 35 жас аралығында болуы керек. Ересек адамдар жобаға ерікті ретінде көмектесе алады, бірақ командада болмайды.",
        question_ru="Мне 17 лет (или 36). Могу ли я войти в команду?",
        answer_ru="Нет. На день подачи заявки каждому участнику команды должно быть от 18 до 35 лет. Старшие могут помогать проекту как волонтёры, но не входят в команду.",
        question_en="I am 17 (or 36). Can I join a team?",
        answer_en="No. On the day the application is submitted every team member must be 18–35. Older people may help the project as volunteers but are not in the team.",
    ),
    dict(
        question_kk="Қанша ақша сұрауға болады?",
        answer_kk="Бір жобаға ең көбі 1 000 000 ₸. Бюджеттің әр бабын жазыңыз: атауы, өлшем бірлігі, саны, бірлік құны. Портал жалпы сомасын өзі есептейді.",
        question_ru="Сколько денег можно запросить?",
        answer_ru="Не более 1 000 000 ₸ на один проект. Распишите каждую статью бюджета: название, единицу измерения, количество, цену за единицу. Портал сам посчитает итог.",
        question_en="How much money can we ask for?",
        answer_en="At most 1 000 000 ₸ per project. List every budget line: item, unit, quantity, unit cost. The portal adds up the total.",
    ),
    dict(
        question_kk="Грант ақшасын неге жұмсауға болмайды?",
        answer_kk="Жеке қажеттілікке, команда мүшелеріне сыйақыға, несиені өтеуге және жобаға қатысы жоқ кез келген нәрсеге. Әр шығысқа чек немесе шот сақталады және есепке тіркеледі.",
        question_ru="На что нельзя тратить деньги гранта?",
        answer_ru="На личные нужды, вознаграждения участникам команды, погашение кредитов и всё, что не относится к проекту. На каждый расход сохраняется чек или счёт, он прикладывается к отчёту.",
        question_en="What may grant money not be spent on?",
        answer_en="Personal needs, fees for team members, loan repayments and anything outside the project. Every expense keeps a receipt or invoice, which goes with the report.",
    ),
    dict(
        question_kk="Өтінімді бірден толтыруым керек пе?",
        answer_kk="Жоқ. «Қараламаны сақтау» батырмасын басып, кейін қайта оралып толтыра аласыз. Өтінім тек «Өтінімді жіберу» басылғанда жіберіледі; мерзім аяқталғанша жіберіңіз.",
        question_ru="Нужно ли заполнить заявку сразу?",
        answer_ru="Нет. Нажмите «Сохранить черновик» и вернитесь к заявке позже. Заявка подаётся только кнопкой «Отправить заявку»; отправьте её до окончания срока.",
        question_en="Do I have to fill in the application at once?",
        answer_en="No. Press “Save draft” and come back later. The application is submitted only with “Submit the application”; submit it before the deadline.",
    ),
    dict(
        question_kk="Өтінімді орыс тілінде жазуға бола ма?",
        answer_kk="Иә. Өтінімді қазақ немесе орыс тілінде жазуға болады; сарапшылар екі тілде де бағалайды.",
        question_ru="Можно ли написать заявку на русском языке?",
        answer_ru="Да. Заявку можно написать на казахском или русском языке; эксперты оценивают на обоих языках.",
        question_en="May the application be written in Russian?",
        answer_en="Yes. Write it in Kazakh or Russian; the experts score in both languages.",
    ),
    dict(
        question_kk="Өтінімді қалай бағалайды?",
        answer_kk="ГАМО алдымен талаптарға сәйкестігін тексереді. Содан кейін 5 сарапшы төрт өлшемшарт бойынша балл қояды: өзектілігі, жаңашылдығы, қоғамдық әсері, жүзеге асыру мүмкіндігі. Ең жоғары балл алған 7 жоба грант алады.",
        question_ru="Как оценивают заявку?",
        answer_ru="Сначала ГАМО проверяет соответствие требованиям. Затем 5 экспертов ставят баллы по четырём критериям: актуальность, новизна, общественное влияние, реализуемость. Гранты получают 7 проектов с наибольшими баллами.",
        question_en="How is an application scored?",
        answer_en="GAMO first checks the requirements. Then 5 experts score four criteria: relevance, novelty, social impact, feasibility. The 7 highest-scoring projects receive a grant.",
    ),
    dict(
        question_kk="Өтінім жіберілгенін қайдан білемін?",
        answer_kk="Жіберілген өтінім тіркеу нөмірін алады. Түбіртек (PDF) электрондық поштаңызға келеді, өтінімнің күйін порталдағы «Менің өтінімдерім» бетінен көресіз.",
        question_ru="Как узнать, что заявка подана?",
        answer_ru="Поданная заявка получает регистрационный номер. Квитанция (PDF) приходит на вашу электронную почту, статус заявки виден на портале на странице «Мои заявки».",
        question_en="How do I know the application is submitted?",
        answer_en="A submitted application gets a registration number. The receipt (PDF) arrives by e-mail, and you follow the status on the portal under “My applications”.",
    ),
    dict(
        question_kk="Грант алсақ, не істейміз?",
        answer_kk="Екі күндік тренингке қатысасыз, командаңызға ментор бекітіледі. Жобаны шамамен төрт айда жүзеге асырып, жұмыс барысы туралы есеп пен чектерді порталға тапсырасыз. Жобаңыз туралы бейнеролик түсіріледі, оны қорытынды көрмеде таныстырасыз.",
        question_ru="Что делать, если мы получим грант?",
        answer_ru="Вы пройдёте двухдневный тренинг, к команде прикрепят ментора. За четыре месяца вы реализуете проект и сдаёте на портале отчёты о ходе работ и чеки. О проекте снимут видеоролик, вы представите его на итоговой выставке.",
        question_en="What happens if we win a grant?",
        answer_en="You attend a two-day training and your team gets a mentor. You carry out the project in about four months and hand in progress reports and receipts on the portal. A video is filmed about your project, and you present it at the final exhibition.",
    ),
    dict(
        question_kk="Сұрағым болса, кімге хабарласамын?",
        answer_kk="ГАМО-ға: Ақтау қаласы, телефон мен электрондық пошта басты беттің «Ұйымдастырушы» бөлімінде берілген.",
        question_ru="К кому обращаться с вопросами?",
        answer_ru="В ГАМО: город Актау; телефон и электронная почта указаны на главной странице в разделе «Организатор».",
        question_en="Whom do I ask if I have a question?",
        answer_en="GAMO in Aktau: the phone and e-mail are on the home page under “Organiser”.",
    ),
]

# ---------------------------------------------------------------------------------------------
# What the demo teams propose. The document names the kinds of projects the grants may fund
# («қоғамдық кеңістіктерді жақсарту, экологиялық акциялар, спорттық немесе мәдени нысандарды
# абаттандыру, креативті жастар орталықтарын құру»); each idea below is one of those kinds, as
# a village team would put it (topic, the problem, the idea). Sixteen, so that no two demo
# applications share a title.
# ---------------------------------------------------------------------------------------------

TEAM_IDEAS = [
    # Public spaces
    ("жасыл аула", "Аулада көлеңке мен орындық жоқ.", "Ағаш отырғызып, орындық қою."),
    (
        "жастар алаңы",
        "Жастардың бос уақыт өткізетін орны жоқ.",
        "Ескі алаңды жөндеп, жарық орнату.",
    ),
    ("саябақ жарығы", "Кешке саябақ қараңғы.", "Күн батареялы шамдар орнату."),
    ("кітап бұрышы", "Ауылда кітапхана алыс.", "Аялдамада ашық кітап сөресін жасау."),
    (
        "ауыл тарихы қабырғасы",
        "Ауыл орталығындағы қабырғалар тозған.",
        "Қабырғаға ауыл тарихы туралы сурет салу.",
    ),
    # Environmental actions
    ("таза жағалау", "Жағалауда қоқыс жиналады.", "Қоқыс жәшіктерін қойып, акциялар өткізу."),
    (
        "қоқысты сұрыптау",
        "Қоқыс бөлек жиналмайды.",
        "Сұрыптау жәшіктерін қойып, тұрғындарға түсіндіру акциясын өткізу.",
    ),
    (
        "таза бұлақ",
        "Бұлақ маңы ластанған.",
        "Бұлақ көзін тазалап, айналасын қоршап, ағаш отырғызу.",
    ),
    # Sport and culture
    ("балалар ойын алаңы", "Балалар көшеде ойнайды.", "Қауіпсіз ойын алаңын салу."),
    ("спорт алаңы", "Футбол алаңы тозған.", "Алаңды жөндеп, қақпа мен тор орнату."),
    (
        "воркаут алаңы",
        "Жастарға арналған тегін спорт құралдары жоқ.",
        "Турник пен гимнастикалық қабырға орнату.",
    ),
    (
        "волейбол алаңы",
        "Мектеп жанындағы волейбол алаңы қараусыз қалған.",
        "Алаңды тегістеп, тор мен сызықтарын жаңарту.",
    ),
    (
        "ашық сахна",
        "Ауыл мерекелерін өткізетін ашық орын жоқ.",
        "Саябақта шағын сахна мен отыратын баспалдақ салу.",
    ),
    (
        "ашық аспан астындағы кино",
        "Жазда жастарға арналған мәдени шара жоқ.",
        "Клуб алдындағы алаңға экран қойып, кино кештерін өткізу.",
    ),
    # Creative youth centres
    (
        "шығармашылық орталық",
        "Жастар үйірмесі жоқ.",
        "Мектептің бос бөлмесін шеберханаға айналдыру.",
    ),
    (
        "креативті жастар кеңістігі",
        "Жастар бас қосып, идея талқылайтын орын жоқ.",
        "Мәдениет үйінің бос бөлмесін жастар кеңістігіне айналдыру.",
    ),
]
