/// The program's version: what `--version` prints, and what stockterm calls itself to services
/// (`User-Agent`, Adobe's `x-product`), so that they never disagree.
public enum StocktermVersion {
    public static let current = "0.1.0"
    /// "stockterm/0.1.0".
    public static let product = "stockterm/" + current
}
