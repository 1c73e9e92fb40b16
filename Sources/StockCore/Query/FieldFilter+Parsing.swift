extension FieldFilter {
    /// Reads one filter as the query language would read `field:value`, with the same aliases
    /// and the same errors; the CLI's filter flags go through here so that `--orientation
    /// landscape` and `orientation:landscape` cannot mean different things.
    public static func parse(field: String, value: String) throws(QueryError) -> FieldFilter {
        guard QueryFieldSyntax.knownFields.contains(field.lowercased()) else {
            throw QueryError(position: 0, kind: .unknownField(name: field, known: QueryFieldSyntax.knownFields))
        }
        return try QueryFieldSyntax.filter(name: field, value: value, namePosition: 0, valuePosition: 0)
    }
}
