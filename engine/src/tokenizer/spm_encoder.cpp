#include "tokenizer/spm_encoder.h"

#include "tokenizer/utf8.h"

#include <queue>

namespace agora::tokenizer {
namespace {

struct Symbol {
    size_t start = 0;  // byte offset into the text
    size_t length = 0; // 0 once merged into its left neighbour
    int prev = -1;
    int next = -1;
};

struct Candidate {
    int left = 0;
    int right = 0;
    float score = 0.0f;
    size_t length = 0; // bytes of the merged text when the candidate was made
};

// Highest score first; on equal scores the leftmost pair, which makes the result deterministic.
struct LowerPriority {
    bool operator()(const Candidate& a, const Candidate& b) const
    {
        return a.score < b.score || (a.score == b.score && a.left > b.left);
    }
};

} // namespace

void SpmEncoder::encode(std::string_view text, std::vector<int32_t>& out) const
{
    if (text.empty())
        return;
    std::vector<Symbol> symbols;
    symbols.reserve(text.size());
    for (size_t offset = 0; offset < text.size();) {
        Symbol s;
        s.start = offset;
        s.length = utf8::charLength(text, offset);
        offset += s.length;
        s.prev = static_cast<int>(symbols.size()) - 1;
        s.next = offset == text.size() ? -1 : static_cast<int>(symbols.size()) + 1;
        symbols.push_back(s);
    }

    std::priority_queue<Candidate, std::vector<Candidate>, LowerPriority> queue;
    auto consider = [&](int left, int right) {
        if (left < 0 || right < 0)
            return;
        const Symbol& l = symbols[static_cast<size_t>(left)];
        const Symbol& r = symbols[static_cast<size_t>(right)];
        // Neighbours are contiguous in the text, so their concatenation is a plain substring.
        const size_t length = l.length + r.length;
        int32_t id = m_vocab.find(text.substr(l.start, length));
        if (id == kNoToken)
            return;
        queue.push({left, right, m_vocab.score(id), length});
    };
    for (size_t i = 1; i < symbols.size(); ++i)
        consider(static_cast<int>(i) - 1, static_cast<int>(i));

    while (!queue.empty()) {
        Candidate c = queue.top();
        queue.pop();
        Symbol& left = symbols[static_cast<size_t>(c.left)];
        Symbol& right = symbols[static_cast<size_t>(c.right)];
        // A candidate is stale once either side took part in another merge.
        if (left.length == 0 || right.length == 0 || left.length + right.length != c.length)
            continue;
        left.length += right.length;
        right.length = 0;
        left.next = right.next;
        if (right.next >= 0)
            symbols[static_cast<size_t>(right.next)].prev = c.left;
        consider(left.prev, c.left);
        consider(c.left, left.next);
    }

    // Every surviving symbol is a vocabulary token unless it is a lone character the vocabulary
    // lacks; such characters are spelled with byte tokens.
    for (int i = 0; i != -1; i = symbols[static_cast<size_t>(i)].next) {
        const Symbol& s = symbols[static_cast<size_t>(i)];
        std::string_view piece = text.substr(s.start, s.length);
        int32_t id = m_vocab.find(piece);
        if (id != kNoToken) {
            out.push_back(id);
            continue;
        }
        const size_t before = out.size();
        bool spelled = true;
        for (char ch : piece) {
            int32_t byteId = m_vocab.byteToken(static_cast<uint8_t>(ch));
            spelled = spelled && byteId != kNoToken;
            out.push_back(byteId);
        }
        if (!spelled) { // a vocabulary without byte tokens: the whole character is unknown
            out.resize(before);
            if (m_vocab.special().unk != kNoToken)
                out.push_back(m_vocab.special().unk);
        }
    }
}

} // namespace agora::tokenizer
