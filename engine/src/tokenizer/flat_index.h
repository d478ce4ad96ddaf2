// Open-addressing hash tables for the two lookups that dominate tokenizer load and encode time:
// token text -> id (one per vocabulary entry) and merge pair -> rank (one per BPE merge). Flat
// arrays with linear probing: no per-entry allocation, so a 150k-token vocabulary indexes in a
// few milliseconds instead of the hundreds a node-based map spends.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace agora::tokenizer {

// Maps texts to int32 ids. The texts live elsewhere: every call takes `textOf`, a callable
// returning the text of an id, so a slot holds only the id (inlined: it runs on every probe).
class TextIndex {
public:
    // Indexes ids 0..count-1; a repeated text maps to its last id, as in the reference loader.
    template <typename TextOf>
    void build(int32_t count, const TextOf& textOf)
    {
        m_slots.assign(capacityFor(static_cast<size_t>(count)), -1);
        for (int32_t id = 0; id < count; ++id)
            insert(id, textOf);
    }

    // Adds one id; the table must have been built for enough entries (see reserveExtra).
    template <typename TextOf>
    void insert(int32_t id, const TextOf& textOf)
    {
        const std::string_view text = textOf(id);
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hashText(text) & mask;; i = (i + 1) & mask) {
            if (m_slots[i] == -1 || textOf(m_slots[i]) == text) {
                m_slots[i] = id;
                return;
            }
        }
    }

    // The id of `text`, or -1.
    template <typename TextOf>
    int32_t find(std::string_view text, const TextOf& textOf) const
    {
        if (m_slots.empty())
            return -1;
        const size_t mask = m_slots.size() - 1;
        for (size_t i = hashText(text) & mask;; i = (i + 1) & mask) {
            const int32_t id = m_slots[i];
            if (id == -1 || textOf(id) == text)
                return id;
        }
    }

    // Sizes an empty table for `count` ids (load factor at most one half).
    void reset(size_t count) { m_slots.assign(capacityFor(count), -1); }

    static size_t capacityFor(size_t count)
    {
        size_t capacity = 16;
        while (capacity < count * 2)
            capacity <<= 1;
        return capacity;
    }

private:
    static size_t hashText(std::string_view s) { return std::hash<std::string_view>{}(s); }
    std::vector<int32_t> m_slots; // -1 = empty
};

// Maps 64-bit keys to a pair of int32 values; the key UINT64_MAX is reserved.
class PairIndex {
public:
    struct Entry {
        uint64_t key = UINT64_MAX;
        int32_t first = 0;
        int32_t second = 0;
    };
    void reserve(size_t count);
    // Inserts unless the key exists (the first insertion wins). Returns false for a repeat.
    bool insert(uint64_t key, int32_t first, int32_t second);
    const Entry* find(uint64_t key) const;

private:
    void rehash(size_t capacity);
    std::vector<Entry> m_slots;
    size_t m_used = 0;
};

} // namespace agora::tokenizer
