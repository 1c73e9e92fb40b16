import StockCore

/// The demo catalog's 300 contributors: Russian, Kazakh and English names, some written in
/// Cyrillic and some in Latin letters, with stable ids 101…400.
///
/// The pool does not depend on the catalog seed, so a contributor keeps one id and one name in
/// every generated catalog.
enum GeneratorContributors {
    static let count = 300
    static let firstID: Int64 = 101

    static let pool: [Contributor] = {
        var rng = SplitMix64(state: 0x5EED_C0DE_0000_0001)
        var names: [String] = []
        while names.count < count {
            let name = makeName(number: names.count, rng: &rng)
            if !names.contains(name) { names.append(name) }
        }
        return names.enumerated().map { Contributor(id: firstID + Int64($0.offset), name: $0.element) }
    }()

    /// The n-th contributor of the pool's three groups, in turn: Russian 40 %, Kazakh 30 %, English 30 %.
    private static func makeName(number: Int, rng: inout SplitMix64) -> String {
        let female = rng.chance(50)
        let cyrillic = rng.chance(45)
        switch number % 10 {
        case 0...3:
            let first = rng.pick(female ? russianWomen : russianMen)
            let last = rng.pick(russianSurnames)
            return render(first: first, last: last, female: female, cyrillic: cyrillic)
        case 4...6:
            let first = rng.pick(female ? kazakhWomen : kazakhMen)
            let last = rng.pick(kazakhSurnames)
            return render(first: first, last: last, female: female, cyrillic: cyrillic)
        default:
            let first = rng.pick(female ? englishWomen : englishMen)
            return first + " " + rng.pick(englishSurnames)
        }
    }

    /// Names are `Latin/Cyrillic`; surnames are given in their masculine form and take -a/-а for women.
    private static func render(first: String, last: String, female: Bool, cyrillic: Bool) -> String {
        let f = first.split(separator: "/"), l = last.split(separator: "/")
        let index = cyrillic ? 1 : 0
        return String(f[index]) + " " + String(l[index]) + (female ? (cyrillic ? "а" : "a") : "")
    }

    static let russianMen = ["Mikhail/Михаил", "Alexei/Алексей", "Dmitry/Дмитрий", "Sergei/Сергей", "Ivan/Иван",
                             "Andrei/Андрей", "Nikolai/Николай", "Pavel/Павел", "Artem/Артем", "Kirill/Кирилл",
                             "Roman/Роман", "Yegor/Егор", "Maxim/Максим", "Vladimir/Владимир", "Oleg/Олег", "Ilya/Илья"]
    static let russianWomen = ["Anna/Анна", "Maria/Мария", "Elena/Елена", "Olga/Ольга", "Natalia/Наталья",
                               "Tatiana/Татьяна", "Ekaterina/Екатерина", "Svetlana/Светлана", "Irina/Ирина", "Daria/Дарья",
                               "Polina/Полина", "Anastasia/Анастасия", "Ksenia/Ксения", "Yulia/Юлия", "Vera/Вера", "Alina/Алина"]
    static let russianSurnames = ["Volkov/Волков", "Smirnov/Смирнов", "Ivanov/Иванов", "Kuznetsov/Кузнецов",
                                  "Sokolov/Соколов", "Popov/Попов", "Lebedev/Лебедев", "Kozlov/Козлов", "Novikov/Новиков",
                                  "Morozov/Морозов", "Petrov/Петров", "Orlov/Орлов", "Belov/Белов", "Zaitsev/Зайцев",
                                  "Pavlov/Павлов", "Semenov/Семенов", "Golubev/Голубев", "Vinogradov/Виноградов",
                                  "Bogdanov/Богданов", "Frolov/Фролов", "Medvedev/Медведев", "Egorov/Егоров",
                                  "Tarasov/Тарасов", "Komarov/Комаров", "Ilyin/Ильин", "Fomin/Фомин", "Gromov/Громов"]
    static let kazakhMen = ["Nurlan/Нұрлан", "Aidos/Айдос", "Yerlan/Ерлан", "Daniyar/Данияр", "Arman/Арман",
                            "Azamat/Азамат", "Bauyrzhan/Бауыржан", "Yerbol/Ербол", "Timur/Тимур", "Askar/Асқар",
                            "Marat/Марат", "Kairat/Қайрат", "Serik/Серік", "Dauren/Дәурен", "Olzhas/Олжас", "Yerzhan/Ержан"]
    static let kazakhWomen = ["Aigerim/Әйгерім", "Aruzhan/Аружан", "Dana/Дана", "Madina/Мадина", "Zhanar/Жанар",
                              "Gulnara/Гүлнара", "Aliya/Әлия", "Saule/Сәуле", "Dinara/Динара", "Ainur/Айнұр",
                              "Assel/Әсел", "Kamila/Камила", "Togzhan/Тоғжан", "Aizhan/Айжан", "Balzhan/Балжан",
                              "Gaukhar/Гауһар"]
    static let kazakhSurnames = ["Nurlanov/Нұрланов", "Abenov/Әбенов", "Zhaksylykov/Жақсылықов", "Omarov/Омаров",
                                 "Bekov/Беков", "Tulegenov/Төлегенов", "Kassymov/Қасымов", "Akhmetov/Ахметов",
                                 "Ospanov/Оспанов", "Suleimenov/Сүлейменов", "Zhumabayev/Жұмабаев", "Iskakov/Ысқақов",
                                 "Serikbayev/Серікбаев", "Mukanov/Мұқанов", "Baimukhanov/Баймұханов",
                                 "Abdrakhmanov/Әбдірахманов", "Yessenov/Есенов", "Karimov/Кәрімов", "Nurpeisov/Нұрпейісов",
                                 "Sadykov/Садықов", "Utegenov/Өтегенов", "Kenzhebayev/Кенжебаев"]
    static let englishMen = ["James", "Oliver", "Ethan", "Lucas", "Noah", "Daniel", "Thomas", "Henry", "Samuel", "Jack",
                             "William", "Leo", "Owen", "Adam", "Ryan"]
    static let englishWomen = ["Emily", "Olivia", "Sophie", "Grace", "Chloe", "Hannah", "Lucy", "Mia", "Ella",
                               "Charlotte", "Amelia", "Isla", "Ruby", "Zoe", "Laura"]
    static let englishSurnames = ["Carter", "Walsh", "Bennett", "Hughes", "Morgan", "Reed", "Foster", "Hayes", "Brooks",
                                  "Ward", "Price", "Turner", "Parker", "Collins", "Murphy", "Sullivan", "Fisher", "Bailey",
                                  "Porter", "Doyle", "Mitchell", "Harper", "Lawson", "Grant", "Ellis", "Shaw"]
}
