/// People's names for category slugs: `nature-landscapes` → "Nature & landscapes".
enum CategoryNames {
    static func name(for slug: String) -> String {
        let words = slug.split(separator: "-").map(String.init)
        guard let first = words.first else { return slug }
        let head = first.prefix(1).uppercased() + first.dropFirst()
        return ([head] + words.dropFirst()).joined(separator: words.count == 2 ? " & " : " ")
    }
}
