/// Text between quotation marks, before anyone is attributed.
struct QuoteCandidate: Sendable {
    /// Token indices of the opening and closing marks (the closing one is nil when the
    /// quote runs to the end of a paragraph with no closing mark).
    var openMark: Int
    var closeMark: Int?
    /// Scalar offsets of the text inside the marks.
    var start: Int
    var end: Int
    /// Tokens inside the marks.
    var inner: Range<Int>
    var isDouble: Bool
    var wordCount: Int
}

/// Pairs quotation marks: curly marks by direction, straight ones by parity within a
/// paragraph. A quote left open at the end of a paragraph continues when the next
/// paragraph opens with a mark (news style for quotes over several paragraphs).
/// Single marks count as quotes only outside double ones (British style).
struct QuoteFinder: Sendable {
    /// Longest quote considered, in tokens: a stray mark must not swallow an article.
    static let maximumTokens = 1_500

    func findQuotes(_ document: Document) -> [QuoteCandidate] {
        let tokens = document.tokens
        var quotes: [QuoteCandidate] = []
        var openIndex: Int?
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if let open = openIndex {
                if token.paragraph != tokens[index - 1].paragraph {
                    // Paragraph ended inside the quote: continues only if this one opens with a mark.
                    if case .quoteMark(let mark) = token.kind, mark.isDouble, mark != .doubleClosing {
                        index += 1
                        continue
                    }
                    quotes.append(candidate(open: open, close: nil, lastInner: index - 1, document, isDouble: true))
                    openIndex = nil
                    continue
                }
                if index - open > Self.maximumTokens {
                    openIndex = nil
                    index = open + 1
                    continue
                }
                if case .quoteMark(let mark) = token.kind, mark.isDouble {
                    if mark == .doubleOpening && tokens[open].text != "\"" {
                        // Two openings in a row: the first was never closed in this sentence run.
                        openIndex = index
                    } else {
                        quotes.append(candidate(open: open, close: index, lastInner: index - 1, document, isDouble: true))
                        openIndex = nil
                    }
                }
                index += 1
                continue
            }
            switch token.kind {
            case .quoteMark(let mark) where mark.isDouble && mark != .doubleClosing:
                openIndex = index
            case .quoteMark(let mark) where mark == .singleOpening || mark == .singleStraight:
                if let close = singleClose(after: index, tokens) {
                    quotes.append(candidate(open: index, close: close, lastInner: close - 1, document, isDouble: false))
                    index = close
                }
            default:
                break
            }
            index += 1
        }
        if let open = openIndex, open + 1 < tokens.count {
            quotes.append(candidate(open: open, close: nil, lastInner: tokens.count - 1, document, isDouble: true))
        }
        return quotes.filter { $0.wordCount > 0 }
    }

    private func singleClose(after open: Int, _ tokens: [Token]) -> Int? {
        var index = open + 1
        var insideDouble = false
        while index < tokens.count, tokens[index].paragraph == tokens[open].paragraph, index - open < 300 {
            if case .quoteMark(let mark) = tokens[index].kind {
                if !insideDouble, mark == .singleClosing || mark == .singleStraight { return index }
                // ‘She told me “go home”,’ said Lee: British nesting, double marks inside single
                // ones; a double mark left open means the single one was an apostrophe.
                if mark.isDouble {
                    if mark == .doubleClosing && !insideDouble { return nil }
                    insideDouble.toggle()
                }
            }
            index += 1
        }
        return nil
    }

    private func candidate(open: Int, close: Int?, lastInner: Int, _ document: Document, isDouble: Bool) -> QuoteCandidate {
        let tokens = document.tokens
        let inner = (open + 1)..<max(open + 1, lastInner + 1)
        let start = inner.isEmpty ? tokens[open].end : tokens[inner.lowerBound].start
        let end = inner.isEmpty ? start : tokens[inner.upperBound - 1].end
        let words = inner.reduce(0) { $0 + (tokens[$1].kind == .word || tokens[$1].kind == .number ? 1 : 0) }
        return QuoteCandidate(openMark: open, closeMark: close, start: start, end: end, inner: inner, isDouble: isDouble, wordCount: words)
    }
}
