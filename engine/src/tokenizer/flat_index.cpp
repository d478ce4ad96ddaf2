#include "tokenizer/flat_index.h"

namespace agora::tokenizer {
namespace {

// Spreads a 64-bit key over all bits (SplitMix64 finaliser).
size_t hashKey(uint64_t k)
{
    k ^= k >> 30;
    k *= 0xBF58476D1CE4E5B9ull;
    k ^= k >> 27;
    k *= 0x94D049BB133111EBull;
    k ^= k >> 31;
    return static_cast<size_t>(k);
}

} // namespace

void PairIndex::reserve(size_t count)
{
    if (TextIndex::capacityFor(count) > m_slots.size())
        rehash(TextIndex::capacityFor(count));
}

bool PairIndex::insert(uint64_t key, int32_t first, int32_t second)
{
    if ((m_used + 1) * 2 > m_slots.size())
        rehash(m_slots.empty() ? 16 : m_slots.size() * 2);
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hashKey(key) & mask;; i = (i + 1) & mask) {
        Entry& e = m_slots[i];
        if (e.key == UINT64_MAX) {
            e = {key, first, second};
            ++m_used;
            return true;
        }
        if (e.key == key)
            return false;
    }
}

const PairIndex::Entry* PairIndex::find(uint64_t key) const
{
    if (m_slots.empty())
        return nullptr;
    const size_t mask = m_slots.size() - 1;
    for (size_t i = hashKey(key) & mask;; i = (i + 1) & mask) {
        const Entry& e = m_slots[i];
        if (e.key == key)
            return &e;
        if (e.key == UINT64_MAX)
            return nullptr;
    }
}

void PairIndex::rehash(size_t capacity)
{
    std::vector<Entry> old;
    old.swap(m_slots);
    m_slots.assign(capacity, Entry{});
    m_used = 0;
    for (const Entry& e : old) {
        if (e.key != UINT64_MAX)
            insert(e.key, e.first, e.second);
    }
}

} // namespace agora::tokenizer
