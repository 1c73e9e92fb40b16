// Categories 9 to 16 of the 24. Line format: see `VocabularyPhrase`.

extension GeneratorVocabulary {
    static let healthMedical = CategoryVocabulary(
        slug: "health-medical", name: "Health & Medical", outdoor: false,
        subjects: [
            "doctor with a patient|врач и пациент|дәрігер мен науқас|doctor/врач/дәрігер patient/пациент/науқас",
            "nurse in a hospital corridor|медсестра в коридоре больницы|аурухана дәлізіндегі мейірбике|nurse/медсестра/мейірбике hospital/больница/аурухана",
            "stethoscope on a desk|стетоскоп на столе|үстелдегі стетоскоп|stethoscope/стетоскоп/стетоскоп",
            "pills and capsules|таблетки и капсулы|таблеткалар мен капсулалар|pills/таблетки/таблетка medication/лекарство/дәрі",
            "dentist at work|стоматолог за работой|жұмыс үстіндегі тіс дәрігері|dentist/стоматолог/тіс_дәрігері",
            "surgeons in an operating room|хирурги в операционной|операция бөлмесіндегі хирургтар|surgeon/хирург/хирург surgery/операция/операция",
            "blood test tubes|пробирки с анализом крови|қан анализі түтікшелері|blood/кровь/қан test/анализ/анализ",
            "MRI scan|снимок МРТ|МРТ суреті|mri/мрт/мрт diagnostics/диагностика/диагностика",
            "vaccination|вакцинация|вакцинация|vaccine/вакцина/вакцина injection/укол/екпе",
            "healthy breakfast|здоровый завтрак|пайдалы таңғы ас|healthy_food/здоровое_питание/пайдалы_тамақ breakfast/завтрак/таңғы_ас",
            "physiotherapy session|сеанс физиотерапии|физиотерапия сеансы|physiotherapy/физиотерапия/физиотерапия",
            "pharmacy shelves|полки аптеки|дәріхана сөрелері|pharmacy/аптека/дәріхана medication/лекарство/дәрі",
            "ambulance|машина скорой помощи|жедел жәрдем көлігі|ambulance/скорая_помощь/жедел_жәрдем",
        ],
        settings: [
            "in a hospital|больница|аурухана|hospital/больница/аурухана",
            "in a clinic|клиника|емхана|clinic/клиника/емхана",
            P.laboratory,
        ],
        moods: M.indoor + M.studio,
        general: "health/здоровье/денсаулық medicine/медицина/медицина healthcare/здравоохранение/денсаулық_сақтау care/забота/күтім doctor/врач/дәрігер treatment/лечение/емдеу",
        matureWarnings: [["medical procedure"], ["blood"], ["medical procedure", "blood"]]
    )

    static let educationScience = CategoryVocabulary(
        slug: "education-science", name: "Education & Science", outdoor: false,
        subjects: [
            "pupils in a classroom|школьники в классе|сыныптағы оқушылар|pupil/школьник/оқушы classroom/класс/сынып",
            "teacher at the blackboard|учитель у доски|тақта алдындағы мұғалім|teacher/учитель/мұғалім blackboard/доска/тақта",
            "university lecture|лекция в университете|университеттегі дәріс|university/университет/университет lecture/лекция/дәріс",
            "scientist with a microscope|ученый с микроскопом|микроскоппен жұмыс істейтін ғалым|scientist/ученый/ғалым microscope/микроскоп/микроскоп",
            "chemistry experiment|химический опыт|химиялық тәжірибе|chemistry/химия/химия experiment/эксперимент/тәжірибе",
            "stack of books|стопка книг|кітаптар бумасы|book/книга/кітап",
            "library reading room|читальный зал библиотеки|кітапхананың оқу залы|library/библиотека/кітапхана",
            "graduation day|выпускной|бітіру кеші|graduation/выпускной/бітіру",
            "globe and atlas|глобус и атлас|глобус пен атлас|globe/глобус/глобус geography/география/география",
            "robotics club|кружок робототехники|робототехника үйірмесі|robotics/робототехника/робототехника robot/робот/робот",
            "telescope|телескоп|телескоп|telescope/телескоп/телескоп astronomy/астрономия/астрономия",
            "DNA model|модель ДНК|ДНҚ моделі|dna/днк/днқ biology/биология/биология",
            "online lesson|онлайн-урок|онлайн сабақ|online_learning/онлайн-обучение/онлайн_оқыту lesson/урок/сабақ",
        ],
        settings: [
            "at school|школа|мектеп|school/школа/мектеп",
            P.laboratory,
            "at a university|университет|университет|university/университет/университет",
            "in a library|библиотека|кітапхана|library/библиотека/кітапхана",
            P.atHome,
        ],
        moods: M.indoor + M.studio,
        general: "education/образование/білім science/наука/ғылым study/учеба/оқу research/исследование/зерттеу school/школа/мектеп knowledge/знания/білім"
    )

    static let animalsWildlife = CategoryVocabulary(
        slug: "animals-wildlife", name: "Animals & Wildlife", outdoor: true,
        subjects: [
            "snow leopard|снежный барс|қар барысы|snow_leopard/снежный_барс/қар_барысы",
            "golden eagle|беркут|бүркіт|golden_eagle/беркут/бүркіт bird/птица/құс",
            "brown bear|бурый медведь|қоңыр аю|bear/медведь/аю",
            "!Baikal seal|байкальская нерпа|Байкал итбалығы|seal/нерпа/итбалық baikal/байкал/байкал",
            "red fox|рыжая лиса|қызыл түлкі|fox/лиса/түлкі",
            "~wolf in the snow|волк на снегу|қардағы қасқыр|wolf/волк/қасқыр snow/снег/қар",
            "herd of horses|табун лошадей|жылқы үйірі|horse/лошадь/жылқы herd/табун/үйір",
            "bactrian camel|двугорбый верблюд|қос өркешті түйе|camel/верблюд/түйе",
            "dog|собака|ит|dog/собака/ит pet/питомец/үй_жануары",
            "sleeping cat|спящая кошка|ұйықтап жатқан мысық|cat/кошка/мысық pet/питомец/үй_жануары",
            "deer in the forest|олень в лесу|ормандағы бұғы|deer/олень/бұғы forest/лес/орман",
            "saiga antelopes|сайгаки|киіктер|saiga/сайгак/киік",
            "flamingos on a lake|фламинго на озере|көлдегі қоқиқаздар|flamingo/фламинго/қоқиқаз lake/озеро/көл",
            "playful puppy|игривый щенок|ойнақы күшік|puppy/щенок/күшік dog/собака/ит",
            "hare|заяц|қоян|hare/заяц/қоян",
        ],
        settings: [P.steppe, P.taiga, P.altai, P.baikal, P.kamchatka, P.burabay,
                   "at the zoo|зоопарк|хайуанаттар бағы|zoo/зоопарк/хайуанаттар_бағы"],
        moods: M.timeOfDay + M.seasons,
        general: "animal/животное/жануар wildlife/дикая_природа/жабайы_табиғат nature/природа/табиғат fauna/фауна/фауна mammal/млекопитающее/сүтқоректі"
    )

    static let architectureInteriors = CategoryVocabulary(
        slug: "architecture-interiors", name: "Architecture & Interiors", outdoor: false,
        subjects: [
            "Scandinavian living room|гостиная в скандинавском стиле|скандинав стиліндегі қонақ бөлме|living_room/гостиная/қонақ_бөлме interior/интерьер/интерьер",
            "modern kitchen interior|интерьер современной кухни|заманауи ас үй интерьері|kitchen/кухня/ас_үй interior/интерьер/интерьер",
            "cozy bedroom|уютная спальня|жайлы жатын бөлме|bedroom/спальня/жатын_бөлме interior/интерьер/интерьер",
            "spiral staircase|винтовая лестница|бұрандалы баспалдақ|stairs/лестница/баспалдақ",
            "glass facade|стеклянный фасад|шыны қасбет|facade/фасад/қасбет glass/стекло/шыны",
            "Soviet modernist building|здание советского модернизма|кеңестік модернизм ғимараты|modernism/модернизм/модернизм building/здание/ғимарат",
            "Orthodox church|православный храм|православие шіркеуі|church/церковь/шіркеу",
            "mosque with minarets|мечеть с минаретами|мұнаралы мешіт|mosque/мечеть/мешіт",
            "wooden house|деревянный дом|ағаш үй|house/дом/үй wood/дерево/ағаш",
            "hotel lobby|лобби отеля|қонақүй лоббиі|hotel/отель/қонақүй lobby/лобби/лобби",
            "brutalist building|здание в стиле брутализм|бруталистік ғимарат|brutalism/брутализм/брутализм building/здание/ғимарат",
            "window with a view|окно с видом|көрінісі бар терезе|window/окно/терезе",
            "marble bathroom|мраморная ванная|мәрмәр жуынатын бөлме|bathroom/ванная/жуынатын_бөлме marble/мрамор/мәрмәр",
            "designer furniture|дизайнерская мебель|дизайнерлік жиһаз|furniture/мебель/жиһаз design/дизайн/дизайн",
        ],
        settings: [P.almaty, P.astana, P.moscow, P.saintPetersburg, P.kazan,
                   "in a loft apartment|квартира-лофт|лофт пәтер|loft/лофт/лофт apartment/квартира/пәтер"],
        moods: M.indoor + ["at night|ночью|түнде|night/ночь/түн", "at golden hour|в золотой час|алтын сағатта|golden_hour/золотой_час/алтын_сағат"],
        general: "architecture/архитектура/сәулет interior/интерьер/интерьер design/дизайн/дизайн building/здание/ғимарат home/дом/үй style/стиль/стиль furniture/мебель/жиһаз"
    )

    static let industryManufacturing = CategoryVocabulary(
        slug: "industry-manufacturing", name: "Industry & Manufacturing", outdoor: false,
        subjects: [
            "steel mill|сталелитейный завод|болат құю зауыты|steel/сталь/болат factory/завод/зауыт",
            "welder at work|сварщик за работой|жұмыс үстіндегі дәнекерлеуші|welder/сварщик/дәнекерлеуші welding/сварка/дәнекерлеу",
            "assembly line|сборочный конвейер|құрастыру конвейері|assembly_line/конвейер/конвейер",
            "oil refinery|нефтеперерабатывающий завод|мұнай өңдеу зауыты|oil/нефть/мұнай factory/завод/зауыт",
            "engineer with a tablet|инженер с планшетом|планшеті бар инженер|engineer/инженер/инженер tablet/планшет/планшет",
            "CNC machine|станок с ЧПУ|CNC станогы|cnc/чпу/cnc machine/станок/станок",
            "construction crane|строительный кран|құрылыс краны|crane/кран/кран construction/строительство/құрылыс",
            "workers in hard hats|рабочие в касках|каска киген жұмысшылар|worker/рабочий/жұмысшы helmet/каска/каска",
            "molten metal|расплавленный металл|балқытылған металл|metal/металл/металл",
            "mining truck|карьерный самосвал|карьер самосвалы|mining/добыча/тау-кен truck/грузовик/жүк_көлігі",
            "3D printer|3D-принтер|3D принтер|3d_printer/3d-принтер/3d_принтер",
            "pipeline|трубопровод|құбыр|pipeline/трубопровод/құбыр",
        ],
        settings: [
            "at a factory|завод|зауыт|factory/завод/зауыт",
            "at a construction site|стройка|құрылыс алаңы|construction/строительство/құрылыс",
            "in a workshop|цех|цех|workshop/цех/цех",
            P.karaganda, P.atyrau, P.yekaterinburg,
        ],
        moods: M.indoor + ["at night|ночью|түнде|night/ночь/түн", "in sparks|в искрах|ұшқындардың ортасында|sparks/искры/ұшқын"],
        general: "industry/промышленность/өнеркәсіп manufacturing/производство/өндіріс factory/завод/зауыт engineering/инженерия/инженерия work/работа/жұмыс technology/технологии/технология"
    )

    static let transportLogistics = CategoryVocabulary(
        slug: "transport-logistics", name: "Transport & Logistics", outdoor: true,
        subjects: [
            "freight train|грузовой поезд|жүк пойызы|train/поезд/пойыз cargo/груз/жүк",
            "container ship|контейнеровоз|контейнер кемесі|ship/корабль/кеме container/контейнер/контейнер",
            "truck on a highway|грузовик на трассе|тас жолдағы жүк көлігі|truck/грузовик/жүк_көлігі highway/трасса/тас_жол",
            "airplane taking off|взлетающий самолет|көтеріліп бара жатқан ұшақ|airplane/самолет/ұшақ",
            "warehouse with pallets|склад с паллетами|паллеттері бар қойма|warehouse/склад/қойма",
            "delivery courier|курьер доставки|жеткізу курьері|courier/курьер/курьер delivery/доставка/жеткізу",
            "electric car charging|зарядка электромобиля|электромобильді зарядтау|electric_car/электромобиль/электромобиль car/машина/көлік",
            "city bus|городской автобус|қала автобусы|bus/автобус/автобус",
            "port cranes|портовые краны|порт крандары|port/порт/порт crane/кран/кран",
            "railway station|железнодорожный вокзал|теміржол вокзалы|railway/железная_дорога/теміржол station/станция/бекет",
            "car on a mountain road|машина на горной дороге|тау жолындағы көлік|car/машина/көлік road/дорога/жол",
            "parcels on a conveyor|посылки на конвейере|конвейердегі сәлемдемелер|parcel/посылка/сәлемдеме",
        ],
        settings: [P.moscow, P.almaty, P.astana, P.vladivostok, P.aktau, P.novosibirsk,
                   "at the airport|аэропорт|әуежай|airport/аэропорт/әуежай",
                   "at the seaport|морской порт|теңіз порты|port/порт/порт sea/море/теңіз"],
        moods: M.timeOfDay + M.seasons,
        general: "transport/транспорт/транспорт logistics/логистика/логистика delivery/доставка/жеткізу cargo/груз/жүк speed/скорость/жылдамдық travel/путешествие/саяхат"
    )

    static let fashionBeauty = CategoryVocabulary(
        slug: "fashion-beauty", name: "Fashion & Beauty", outdoor: false,
        subjects: [
            "model in an evening dress|модель в вечернем платье|кешкі көйлек киген модель|model/модель/модель dress/платье/көйлек",
            "makeup artist at work|визажист за работой|жұмыс үстіндегі визажист|makeup/макияж/макияж",
            "woman with curly hair|женщина с кудрявыми волосами|бұйра шашты әйел|hair/волосы/шаш woman/женщина/әйел",
            "Kazakh national costume|казахский национальный костюм|қазақтың ұлттық киімі|clothes/одежда/киім tradition/традиция/дәстүр",
            "skincare products|средства для ухода за кожей|тері күтіміне арналған құралдар|skincare/уход_за_кожей/тері_күтімі cosmetics/косметика/косметика",
            "perfume bottle|флакон духов|әтір құтысы|perfume/духи/әтір",
            "street style outfit|образ в уличном стиле|көше стиліндегі образ|street_style/уличный_стиль/көше_стилі fashion/мода/сән",
            "white sneakers|белые кроссовки|ақ кроссовкалар|sneakers/кроссовки/кроссовка shoes/обувь/аяқ_киім",
            "silver jewelry|серебряные украшения|күміс әшекейлер|jewelry/украшения/әшекей silver/серебро/күміс",
            "manicure|маникюр|маникюр|manicure/маникюр/маникюр",
            "haircut at a barbershop|стрижка в барбершопе|барбершоптағы шаш қию|barbershop/барбершоп/барбершоп haircut/стрижка/шаш_қию",
            "fashion show runway|подиум показа мод|сән көрсетілімінің подиумы|fashion_show/показ_мод/сән_көрсетілімі",
        ],
        settings: [P.studio,
                   "in a beauty salon|салон красоты|сұлулық салоны|salon/салон/салон beauty/красота/сұлулық",
                   P.cityStreet, P.moscow, P.almaty],
        moods: M.studio + M.indoor,
        general: "fashion/мода/сән beauty/красота/сұлулық style/стиль/стиль woman/женщина/әйел model/модель/модель glamour/гламур/гламур",
        matureWarnings: [["nudity"], ["partial nudity"]]
    )

    static let musicEntertainment = CategoryVocabulary(
        slug: "music-entertainment", name: "Music & Entertainment", outdoor: false,
        subjects: [
            "crowd at a rock concert|толпа на рок-концерте|рок-концерттегі көпшілік|concert/концерт/концерт crowd/толпа/көпшілік rock/рок/рок",
            "guitarist on stage|гитарист на сцене|сахнадағы гитарист|guitar/гитара/гитара stage/сцена/сахна",
            "dombra player|домбрист|домбырашы|dombra/домбра/домбыра musician/музыкант/музыкант",
            "DJ at a party|диджей на вечеринке|кештегі диджей|dj/диджей/диджей party/вечеринка/кеш",
            "piano keys|клавиши фортепиано|фортепиано пернелері|piano/фортепиано/фортепиано",
            "symphony orchestra|симфонический оркестр|симфониялық оркестр|orchestra/оркестр/оркестр",
            "ballet dancers|артисты балета|балет бишілері|ballet/балет/балет dance/танец/би",
            "cinema audience|зрители в кинотеатре|кинотеатрдағы көрермендер|cinema/кино/кино audience/зрители/көрермен",
            "singer with a microphone|певица с микрофоном|микрофон ұстаған әнші|singer/певица/әнші microphone/микрофон/микрофон",
            "vinyl records|виниловые пластинки|винил пластинкалар|vinyl/винил/винил",
            "music festival|музыкальный фестиваль|музыкалық фестиваль|festival/фестиваль/фестиваль",
            "theatre stage|театральная сцена|театр сахнасы|theatre/театр/театр stage/сцена/сахна",
        ],
        settings: [
            "in a concert hall|концертный зал|концерт залы|concert_hall/концертный_зал/концерт_залы",
            "at an open-air festival|фестиваль под открытым небом|ашық аспан астындағы фестиваль|festival/фестиваль/фестиваль open_air/опен-эйр/ашық_аспан",
            "in a recording studio|студия звукозаписи|дыбыс жазу студиясы|studio/студия/студия recording/звукозапись/дыбыс_жазу",
            P.moscow, P.almaty,
        ],
        moods: [
            "in stage lights|в свете софитов|сахна жарығында|stage_lights/софиты/сахна_жарығы",
            "with colorful lights|в цветных огнях|түрлі-түсті шамдармен|lights/огни/шамдар",
            "at night|ночью|түнде|night/ночь/түн",
            "with motion blur|в движении|қозғалыста|motion/движение/қозғалыс",
        ],
        general: "music/музыка/музыка entertainment/развлечения/ойын-сауық performance/выступление/өнер_көрсету show/шоу/шоу art/искусство/өнер",
        matureWarnings: [["alcohol"], ["smoking"], ["flashing lights"]]
    )
}
