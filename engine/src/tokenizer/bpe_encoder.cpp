#include "tokenizer/bpe_encoder.h"

#include "core/log.h"
#include "tokenizer/utf8.h"

#include <algorithm>
#include <queue>

namespace agora::tokenizer {
namespace {

struct Symbol {
    size_t start = 0;  // byte offset into the encoded word
    size_t length = 0; // 0 once merged into its left neighbour
    int32_t id = kNoToken;
    int prev = -1;
    int next = -1;
};

struct Candidate {
    int left = 0;
    int right = 0;
    int32_t rank = 0;
    size_t length = 0;
};

// Lowest rank first; on equal ranks the leftmost pair.
struct LowerPriority {
    bool operator()(const Candidate& a, const Candidate& b) const
    {
        return a.rank > b.rank || (a.rank == b.rank && a.left > b.left);
    }
};

} // namespace

Result<std::unique_ptr<BpeEncoder>> BpeEncoder::create(const Vocab& vocab)
{
    auto pre = PreTokenizer::create(vocab.preName());
    if (!pre)
        return pre.error();
    std::unique_ptr<BpeEncoder> e(new BpeEncoder(vocab));
    e->m_preTokenizer = std::move(*pre);

    for (int b = 0; b < 256; ++b) {
        e->m_byteText[static_cast<size_t>(b)] = utf8::encode(utf8::byteToCodepoint(static_cast<uint8_t>(b)));
        e->m_byteSymbol[static_cast<size_t>(b)] = vocab.find(e->m_byteText[static_cast<size_t>(b)]);
    }

    // Merge pieces that are not tokens themselves get symbols past the vocabulary, so that every
    // merge is a pair of integers.
    const auto& merges = vocab.merges();
    std::vector<std::pair<int32_t, int32_t>> sides(merges.size());
    for (size_t i = 0; i < merges.size(); ++i) {
        sides[i] = {vocab.find(merges[i].first), vocab.find(merges[i].second)};
        if (sides[i].first == kNoToken)
            e->m_extraTexts.push_back(merges[i].first);
        if (sides[i].second == kNoToken)
            e->m_extraTexts.push_back(merges[i].second);
    }
    std::sort(e->m_extraTexts.begin(), e->m_extraTexts.end());
    e->m_extraTexts.erase(std::unique(e->m_extraTexts.begin(), e->m_extraTexts.end()), e->m_extraTexts.end());
    BpeEncoder* self = e.get();
    e->m_extraIndex.build(static_cast<int32_t>(e->m_extraTexts.size()),
                          [self](int32_t i) { return std::string_view(self->m_extraTexts[static_cast<size_t>(i)]); });

    e->m_merges.reserve(merges.size());
    std::string joined;
    for (size_t i = 0; i < merges.size(); ++i) {
        joined = merges[i].first;
        joined += merges[i].second;
        // A repeated pair keeps its first (best) rank.
        const int32_t left = sides[i].first != kNoToken ? sides[i].first : e->symbolOf(merges[i].first);
        const int32_t right = sides[i].second != kNoToken ? sides[i].second : e->symbolOf(merges[i].second);
        e->m_merges.insert(pairKey(left, right), static_cast<int32_t>(i), e->symbolOf(joined));
    }
    if (!e->m_extraTexts.empty())
        log::get("engine.tokenizer")->debug("{} merge pieces are not tokens themselves", e->m_extraTexts.size());
    return e;
}

int32_t BpeEncoder::symbolOf(std::string_view text) const
{
    int32_t id = m_vocab.find(text);
    if (id != kNoToken)
        return id;
    if (m_extraTexts.empty())
        return kNoToken;
    int32_t extra =
        m_extraIndex.find(text, [this](int32_t i) { return std::string_view(m_extraTexts[static_cast<size_t>(i)]); });
    return extra == -1 ? kNoToken : m_vocab.size() + extra;
}

void BpeEncoder::encode(std::string_view text, std::vector<int32_t>& out) const
{
    std::string word;
    for (const Piece& piece : m_preTokenizer->split(text)) {
        word.clear();
        for (size_t i = 0; i < piece.length; ++i)
            word += m_byteText[static_cast<uint8_t>(text[piece.offset + i])];
        encodeWord(word, out);
    }
}

void BpeEncoder::encodeWord(std::string_view word, std::vector<int32_t>& out) const
{
    if (word.empty())
        return;
    if (m_vocab.ignoreMerges()) {
        if (int32_t id = m_vocab.find(word); id != kNoToken) {
            out.push_back(id);
            return;
        }
    }
    // One symbol per original byte: each byte became exactly one printable character.
    std::vector<Symbol> symbols;
    symbols.reserve(word.size());
    for (size_t offset = 0; offset < word.size();) {
        Symbol s;
        s.start = offset;
        s.length = utf8::charLength(word, offset);
        s.id = symbolOf(word.substr(offset, s.length));
        offset += s.length;
        s.prev = static_cast<int>(symbols.size()) - 1;
        s.next = offset == word.size() ? -1 : static_cast<int>(symbols.size()) + 1;
        symbols.push_back(s);
    }

    std::priority_queue<Candidate, std::vector<Candidate>, LowerPriority> queue;
    auto consider = [&](int left, int right) {
        if (left < 0 || right < 0)
            return;
        const Symbol& l = symbols[static_cast<size_t>(left)];
        const Symbol& r = symbols[static_cast<size_t>(right)];
        if (l.id == kNoToken || r.id == kNoToken)
            return;
        const PairIndex::Entry* merge = m_merges.find(pairKey(l.id, r.id));
        if (!merge)
            return;
        queue.push({left, right, merge->first, l.length + r.length});
    };
    for (size_t i = 1; i < symbols.size(); ++i)
        consider(static_cast<int>(i) - 1, static_cast<int>(i));

    while (!queue.empty()) {
        Candidate c = queue.top();
        queue.pop();
        Symbol& left = symbols[static_cast<size_t>(c.left)];
        Symbol& right = symbols[static_cast<size_t>(c.right)];
        if (left.length == 0 || right.length == 0 || left.length + right.length != c.length)
            continue; // stale: one side has merged since
        const PairIndex::Entry* merge = m_merges.find(pairKey(left.id, right.id)); // exists: not stale
        left.id = merge ? merge->second : kNoToken;
        left.length += right.length;
        right.length = 0;
        left.next = right.next;
        if (right.next >= 0)
            symbols[static_cast<size_t>(right.next)].prev = c.left;
        consider(left.prev, c.left);
        consider(c.left, left.next);
    }

    for (int i = 0; i != -1; i = symbols[static_cast<size_t>(i)].next) {
        const Symbol& s = symbols[static_cast<size_t>(i)];
        if (s.id != kNoToken && s.id < m_vocab.size()) {
            out.push_back(s.id);
            continue;
        }
        // Not a token (a vocabulary with gaps): keep whatever single bytes of its text are.
        for (char ch : word.substr(s.start, s.length)) {
            if (int32_t id = m_vocab.find(std::string_view(&ch, 1)); id != kNoToken)
                out.push_back(id);
        }
    }
}

} // namespace agora::tokenizer
