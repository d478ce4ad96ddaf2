#include "tokenizer/stream_decoder.h"

#include "tokenizer/utf8.h"

namespace agora::tokenizer {

StreamDecoder::StreamDecoder(const Tokenizer& tokenizer, StreamOptions options)
    : m_tokenizer(tokenizer), m_options(options)
{
}

std::string StreamDecoder::push(int32_t token)
{
    std::string piece = m_tokenizer.piece(token, m_options.renderSpecial);
    if (m_first && !piece.empty()) {
        if (m_options.stripLeadingSpace && piece.front() == ' ')
            piece.erase(0, 1);
        m_first = false;
    }
    m_pending += piece;
    return takeComplete(false);
}

std::string StreamDecoder::flush()
{
    std::string out = takeComplete(true);
    m_first = true;
    return out;
}

std::string StreamDecoder::takeComplete(bool final)
{
    const size_t keep = final ? 0 : utf8::incompleteTailLength(m_pending);
    const std::string_view ready(m_pending.data(), m_pending.size() - keep);
    std::string out;
    out.reserve(ready.size());
    for (size_t i = 0; i < ready.size();) {
        utf8::Decoded d = utf8::decode(ready, i);
        if (d.status == utf8::DecodeStatus::Ok)
            out.append(ready.substr(i, d.length));
        else
            utf8::append(out, 0xFFFD);
        i += d.length;
    }
    m_pending.erase(0, m_pending.size() - keep);
    return out;
}

} // namespace agora::tokenizer
