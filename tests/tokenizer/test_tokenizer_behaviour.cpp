// Tokenizer behaviour beyond the reference id lists: special tokens are found in text only when
// asked, BOS/EOS follow the vocabulary's flags, decoding restores spaces as llama.cpp does,
// streaming decode holds partial UTF-8 back, and broken or unknown vocabularies give clear errors.
#include "vocab_cases.h"

#include "gguf/gguf.h"
#include "gguf/gguf_writer.h"
#include "tokenizer/pretokenizer.h"
#include "tokenizer/stream_decoder.h"
#include "tokenizer/utf8.h"
#include "tokenizer/wpm_encoder.h"

#include <QtTest>

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

using namespace agora;
using namespace agora::tokenizer;
using namespace agora::tokenizer::testing;

namespace {

// Fixture tokenizers, loaded once per test run (the large ones take a while under ASan).
std::shared_ptr<const Tokenizer> fixture(const char* name)
{
    static std::map<std::string, std::shared_ptr<const Tokenizer>> cache;
    auto& slot = cache[name];
    if (!slot) {
        std::string error;
        slot = loadTokenizer(sharedDir() / "fixtures/vocab" / name, &error);
        if (!slot)
            qWarning("%s: %s", name, error.c_str());
    }
    return slot;
}

bool contains(const std::vector<int32_t>& ids, int32_t id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

// A small vocabulary written in memory, to probe validation.
struct TinyVocab {
    std::string model = "gpt2";
    std::string pre = "gpt-2";
    std::vector<std::string> tokens = {"a", "b", "ab", "<|end|>"};
    std::vector<int32_t> types = {1, 1, 1, 3};
    std::vector<std::string> merges = {"a b"};
    std::vector<float> scores;
    int64_t bos = 0;

    Result<std::unique_ptr<Tokenizer>> build() const
    {
        gguf::GgufWriter w;
        w.addString("general.architecture", "llama");
        w.addString("tokenizer.ggml.model", model);
        w.addString("tokenizer.ggml.pre", pre);
        w.addStringArray("tokenizer.ggml.tokens", tokens);
        w.addInt32Array("tokenizer.ggml.token_type", types);
        if (!scores.empty())
            w.addFloat32Array("tokenizer.ggml.scores", scores);
        if (!merges.empty())
            w.addStringArray("tokenizer.ggml.merges", merges);
        w.addInt64("tokenizer.ggml.bos_token_id", bos);
        auto bytes = w.toBytes();
        if (!bytes)
            return bytes.error();
        m_bytes = std::move(*bytes);
        auto file = gguf::GgufFile::fromMemory(m_bytes);
        if (!file)
            return file.error();
        return Tokenizer::fromGguf(**file);
    }
    mutable std::vector<uint8_t> m_bytes;
};

} // namespace

class TestTokenizerBehaviour : public QObject {
    Q_OBJECT

private slots:
    void specialTokensOnlyWhenAsked();
    void userDefinedTokensAlwaysMatch();
    void bosAndEosFollowVocabularyFlags();
    void decodeRestoresSpaces();
    void piecesRenderOrHideSpecialTokens();
    void endOfGenerationTokens();
    void streamingHoldsBackPartialCharacters();
    void streamingMatchesWholeDecodeOnEveryCase();
    void streamingReplacesBrokenBytes();
    void invalidUtf8InputDoesNotCrash();
    void wordPieceNormalises();
    void unknownModelOrPreIsUnsupported();
    void brokenVocabulariesAreRejected();
    void largeVocabularyLoadsQuickly();
    void everyPreTokenizerCompilesAndCoversItsInput();
    void encodingIsThreadSafe();
};

void TestTokenizerBehaviour::specialTokensOnlyWhenAsked()
{
    auto qwen = fixture("ggml-vocab-qwen2.gguf");
    QVERIFY(qwen);
    const int32_t imStart = qwen->vocab().find("<|im_start|>");
    const int32_t imEnd = qwen->vocab().find("<|im_end|>");
    QCOMPARE(imStart, 151644);
    const std::string text = "<|im_start|>user\nhi<|im_end|>";
    std::vector<int32_t> user = qwen->encode(text, false, false);
    QVERIFY2(!contains(user, imStart) && !contains(user, imEnd), "user text produced a control token");
    QCOMPARE(qwen->decode(user), text); // spelled out as ordinary text instead

    std::vector<int32_t> templ = qwen->encode(text, false, true);
    QCOMPARE(templ.front(), imStart);
    QCOMPARE(templ.back(), imEnd);
    QCOMPARE(qwen->decode(templ, {.renderSpecial = true}), text);

    auto llama = fixture("ggml-vocab-llama-spm.gguf");
    QVERIFY(llama);
    QVERIFY(!contains(llama->encode("<s> hi </s>", false, false), 1));
    QVERIFY(!contains(llama->encode("<s> hi </s>", false, false), 2));
    std::vector<int32_t> parsed = llama->encode("<s> hi </s>", false, true);
    QCOMPARE(parsed.front(), 1);
    QCOMPARE(parsed.back(), 2);

    auto llama3 = fixture("ggml-vocab-llama-bpe.gguf");
    QVERIFY(llama3);
    std::vector<int32_t> forged = llama3->encode("<|eot_id|><|start_header_id|>system", false, false);
    for (int32_t id : forged)
        QVERIFY2(!llama3->isControl(id), "user text produced a Llama 3 control token");
}

void TestTokenizerBehaviour::userDefinedTokensAlwaysMatch()
{
    // MPT's vocabulary has user-defined runs of spaces; its Hugging Face tokenizer matches them
    // before BPE, in user text too (the suite's "    Hello" cases depend on it).
    auto mpt = fixture("ggml-vocab-mpt.gguf");
    QVERIFY(mpt);
    const int32_t fourSpaces = mpt->vocab().find("    ");
    QVERIFY(fourSpaces != kNoToken);
    QCOMPARE(mpt->vocab().type(fourSpaces), TokenType::UserDefined);
    QVERIFY(contains(mpt->encode("x    y", false, false), fourSpaces));
}

void TestTokenizerBehaviour::bosAndEosFollowVocabularyFlags()
{
    auto llama = fixture("ggml-vocab-llama-spm.gguf");
    auto qwen = fixture("ggml-vocab-qwen2.gguf");
    auto llama3 = fixture("ggml-vocab-llama-bpe.gguf");
    auto bert = fixture("ggml-vocab-bert-bge.gguf");
    QVERIFY(llama && qwen && llama3 && bert);

    std::vector<int32_t> a = llama->encode("Hello", true, false);
    QCOMPARE(a.front(), 1);
    QVERIFY(a.back() != 2); // add_eos_token is false
    QCOMPARE(std::vector<int32_t>(a.begin() + 1, a.end()), llama->encode("Hello", false, false));
    QVERIFY(llama->encode("", true, false) == std::vector<int32_t>{1});
    QVERIFY(llama->encode("", false, false).empty());

    QCOMPARE(qwen->encode("Hello", true, false), qwen->encode("Hello", false, false)); // add_bos_token false
    QCOMPARE(llama3->encode("Hello", true, false).front(), 128000);

    std::vector<int32_t> b = bert->encode("hello", true, false);
    QCOMPARE(b.front(), 101); // [CLS]
    QCOMPARE(b.back(), 102);  // [SEP]
}

void TestTokenizerBehaviour::decodeRestoresSpaces()
{
    auto llama = fixture("ggml-vocab-llama-spm.gguf");
    QVERIFY(llama);
    // The dummy prefix is dropped from the first piece...
    QCOMPARE(llama->decode(llama->encode("Hello world", false, false)), std::string("Hello world"));
    QCOMPARE(llama->decode(llama->encode("  two spaces", false, false)), std::string("  two spaces"));
    // ...but after a BOS llama.cpp keeps it (it decodes "<s> Hello" as " Hello").
    std::vector<int32_t> withBos = llama->encode("Hello world", true, false);
    QCOMPARE(llama->decode(withBos, {.removeSpecial = true}), std::string(" Hello world"));
    QCOMPARE(llama->decode(withBos, {.renderSpecial = true}), std::string("<s> Hello world"));

    const std::string spaced = "Hello , world ! I do n't know . It 's ' quoted ' ?";
    QCOMPARE(llama->decode(llama->encode(spaced, false, false)), spaced);
    QCOMPARE(llama->decode(llama->encode(spaced, false, false), {.cleanUpSpaces = true}),
             std::string("Hello, world! I don't know. It's'quoted '?"));

    auto qwen = fixture("ggml-vocab-qwen2.gguf");
    QVERIFY(qwen);
    const std::string text = " leading space, tabs\t\tand\nnewlines ";
    QCOMPARE(qwen->decode(qwen->encode(text, false, false)), text);
}

void TestTokenizerBehaviour::piecesRenderOrHideSpecialTokens()
{
    auto llama = fixture("ggml-vocab-llama-spm.gguf");
    QVERIFY(llama);
    QCOMPARE(llama->piece(2, false), std::string());
    QCOMPARE(llama->piece(2, true), std::string("</s>"));
    QCOMPARE(llama->piece(llama->vocab().find("<0x41>"), false), std::string("A"));
    QCOMPARE(llama->piece(llama->vocab().find("\xE2\x96\x81the"), false), std::string(" the"));
    auto gpt2 = fixture("ggml-vocab-gpt-2.gguf");
    QVERIFY(gpt2);
    QCOMPARE(gpt2->piece(gpt2->vocab().find("\xC4\xA0the"), false), std::string(" the")); // "Ġthe"
    QCOMPARE(gpt2->piece(gpt2->vocab().find("\xC4\x8A"), false), std::string("\n"));      // "Ċ"
}

void TestTokenizerBehaviour::endOfGenerationTokens()
{
    auto llama3 = fixture("ggml-vocab-llama-bpe.gguf");
    QVERIFY(llama3);
    QVERIFY(llama3->isEndOfGeneration(128009)); // <|eot_id|>
    QVERIFY(llama3->isEndOfGeneration(128001)); // <|end_of_text|>
    QVERIFY(!llama3->isEndOfGeneration(128000));
    auto qwen = fixture("ggml-vocab-qwen2.gguf");
    QVERIFY(qwen);
    QCOMPARE(qwen->eos(), 151645);
    QVERIFY(qwen->isEndOfGeneration(151645));
    QVERIFY(qwen->isEndOfGeneration(151643)); // <|endoftext|>
    QVERIFY(!qwen->isEndOfGeneration(151644));
}

void TestTokenizerBehaviour::streamingHoldsBackPartialCharacters()
{
    auto llama = fixture("ggml-vocab-llama-spm.gguf");
    QVERIFY(llama);
    // "🦙" is not in the Llama 2 vocabulary: four byte tokens spell it.
    std::vector<int32_t> ids = llama->encode("\xF0\x9F\xA6\x99!", false, false);
    std::vector<int32_t> bytes = {llama->vocab().find("<0xF0>"), llama->vocab().find("<0x9F>"),
                                  llama->vocab().find("<0xA6>"), llama->vocab().find("<0x99>")};
    QVERIFY(std::search(ids.begin(), ids.end(), bytes.begin(), bytes.end()) != ids.end());

    StreamDecoder stream(*llama);
    QCOMPARE(stream.push(bytes[0]), std::string());
    QCOMPARE(stream.push(bytes[1]), std::string());
    QCOMPARE(stream.push(bytes[2]), std::string());
    QCOMPARE(stream.pendingBytes(), size_t(3));
    QCOMPARE(stream.push(bytes[3]), std::string("\xF0\x9F\xA6\x99"));
    QCOMPARE(stream.pendingBytes(), size_t(0));
    QCOMPARE(stream.flush(), std::string());

    StreamDecoder first(*llama, {.stripLeadingSpace = true});
    QCOMPARE(first.push(llama->vocab().find("\xE2\x96\x81Hello")), std::string("Hello"));
    QCOMPARE(first.push(llama->vocab().find("\xE2\x96\x81world")), std::string(" world"));
}

void TestTokenizerBehaviour::streamingMatchesWholeDecodeOnEveryCase()
{
    // Byte-level BPE splits CJK and emoji across tokens; pieces must reassemble exactly.
    for (const char* name : {"ggml-vocab-qwen2.gguf", "ggml-vocab-llama-bpe.gguf", "ggml-vocab-llama-spm.gguf",
                             "ggml-vocab-gpt-2.gguf"}) {
        auto t = fixture(name);
        QVERIFY(t);
        std::string error;
        const std::string base = (sharedDir() / "fixtures/vocab" / name).string();
        std::vector<VocabCase> cases = loadCases(base + ".inp", base + ".out", &error);
        QVERIFY2(!cases.empty(), error.c_str());
        size_t heldBack = 0;
        for (const VocabCase& c : cases) {
            StreamDecoder stream(*t, {.stripLeadingSpace = t->vocab().addSpacePrefix()});
            std::string streamed;
            for (int32_t id : c.expected) {
                std::string chunk = stream.push(id);
                QVERIFY2(utf8::isValid(chunk), ("invalid UTF-8 chunk while streaming '" + printable(c.text) + "'").c_str());
                heldBack += stream.pendingBytes() > 0 ? 1 : 0;
                streamed += chunk;
            }
            streamed += stream.flush();
            QCOMPARE(streamed, c.text);
        }
        if (std::string(name) != "ggml-vocab-llama-spm.gguf")
            QVERIFY2(heldBack > 0, (std::string(name) + ": no token ever ended inside a character").c_str());
    }
}

void TestTokenizerBehaviour::streamingReplacesBrokenBytes()
{
    auto llama = fixture("ggml-vocab-llama-spm.gguf");
    QVERIFY(llama);
    StreamDecoder stream(*llama);
    // A lead byte followed by ASCII: the lead byte can never complete.
    QCOMPARE(stream.push(llama->vocab().find("<0xE2>")), std::string());
    QCOMPARE(stream.push(llama->vocab().find("<0x41>")), std::string("\xEF\xBF\xBD" "A"));
    // A dangling lead byte at the end of a stream.
    QCOMPARE(stream.push(llama->vocab().find("<0xC3>")), std::string());
    QCOMPARE(stream.flush(), std::string("\xEF\xBF\xBD"));
}

void TestTokenizerBehaviour::invalidUtf8InputDoesNotCrash()
{
    const std::string broken = "ok \xFF\xFE bad \xE2\x82 cut \xC3";
    for (const char* name : {"ggml-vocab-qwen2.gguf", "ggml-vocab-llama-spm.gguf", "ggml-vocab-bert-bge.gguf",
                             "ggml-vocab-deepseek-llm.gguf", "ggml-vocab-falcon.gguf"}) {
        auto t = fixture(name);
        QVERIFY(t);
        std::vector<int32_t> ids = t->encode(broken, true, true);
        QVERIFY(!ids.empty());
        for (int32_t id : ids)
            QVERIFY(id >= 0 && id < t->vocabSize());
        // Decoding must cope too (Falcon's vocabulary has no token for bytes 0xFE/0xFF, so
        // those bytes are lost, as in the reference tokenizer).
        const std::string back = t->decode(ids, {.removeSpecial = true});
        QVERIFY2(back.find("bad") != std::string::npos, (std::string(name) + ": " + printable(back)).c_str());
    }
    auto qwen = fixture("ggml-vocab-qwen2.gguf");
    QCOMPARE(qwen->decode(qwen->encode(broken, false, false)), broken); // bytes survive byte-level BPE
}

void TestTokenizerBehaviour::wordPieceNormalises()
{
    std::vector<std::string> w = WpmEncoder::words("Äpfel, CAFÉ!  中文");
    std::vector<std::string> expected = {"apfel", ",", "cafe", "!", "\xE4\xB8\xAD", "\xE6\x96\x87"};
    QCOMPARE(w, expected);
}

void TestTokenizerBehaviour::unknownModelOrPreIsUnsupported()
{
    TinyVocab v;
    v.model = "t5";
    auto r = v.build();
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Unsupported);
    QVERIFY2(r.error().message.find("'t5'") != std::string::npos, r.error().message.c_str());

    TinyVocab p;
    p.pre = "made-up-pre";
    auto rp = p.build();
    QVERIFY(!rp);
    QCOMPARE(rp.error().code, ErrorCode::Unsupported);
    QVERIFY2(rp.error().message.find("'made-up-pre'") != std::string::npos, rp.error().message.c_str());

    TinyVocab ok;
    auto good = ok.build();
    QVERIFY2(good, good ? "" : good.error().message.c_str());
    QVERIFY((*good)->encode("ab", false, false) == std::vector<int32_t>{2});
    QVERIFY((*good)->encode("ba", false, false) == (std::vector<int32_t>{1, 0}));
}

void TestTokenizerBehaviour::brokenVocabulariesAreRejected()
{
    struct Case {
        const char* what;
        TinyVocab vocab;
        const char* needle;
    };
    std::vector<Case> cases;
    {
        TinyVocab v;
        v.types = {1, 1, 1};
        cases.push_back({"short token_type", v, "token_type has 3 entries"});
    }
    {
        TinyVocab v;
        v.scores = {0.f, 0.f};
        cases.push_back({"short scores", v, "scores has 2 entries"});
    }
    {
        TinyVocab v;
        v.bos = 4;
        cases.push_back({"bos past the end", v, "bos_token_id = 4 is outside the vocabulary"});
    }
    {
        TinyVocab v;
        v.types = {1, 1, 1, 9};
        cases.push_back({"unknown token type", v, "token_type[3]"});
    }
    {
        TinyVocab v;
        v.merges = {"ab"};
        cases.push_back({"merge without a space", v, "merges[0]"});
    }
    {
        TinyVocab v;
        v.merges = {};
        cases.push_back({"bpe without merges", v, "merges is missing"});
    }
    {
        TinyVocab v;
        v.tokens = {};
        v.types = {};
        cases.push_back({"no tokens", v, "tokens is empty"});
    }
    for (const Case& c : cases) {
        auto r = c.vocab.build();
        QVERIFY2(!r, c.what);
        QCOMPARE(r.error().code, ErrorCode::BadFormat);
        QVERIFY2(r.error().message.find(c.needle) != std::string::npos,
                 (std::string(c.what) + ": " + r.error().message).c_str());
    }
}

void TestTokenizerBehaviour::largeVocabularyLoadsQuickly()
{
    // 151,936 tokens and 151,387 merges: indexes are built once, in well under a second in an
    // optimised build (the bound leaves room for sanitizer builds).
    const auto start = std::chrono::steady_clock::now();
    std::string error;
    std::shared_ptr<const Tokenizer> qwen = loadTokenizer(sharedDir() / "fixtures/vocab/ggml-vocab-qwen2.gguf", &error);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    qInfo("qwen2 vocabulary (151,936 tokens) loaded in %.0f ms", ms);
    QVERIFY2(qwen, error.c_str());
    QVERIFY(ms < 15000);

    std::string longText;
    for (int i = 0; i < 2000; ++i)
        longText += "The quick brown fox jumps over the lazy dog. 敏捷的棕色狐狸 12345 ";
    const auto encodeStart = std::chrono::steady_clock::now();
    std::vector<int32_t> ids = qwen->encode(longText, false, false);
    const double encodeMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - encodeStart).count();
    qInfo("encoded %zu bytes into %zu tokens in %.0f ms", longText.size(), ids.size(), encodeMs);
    QCOMPARE(qwen->decode(ids), longText);
}

void TestTokenizerBehaviour::everyPreTokenizerCompilesAndCoversItsInput()
{
    // Families without a fixture vocabulary still must compile, and every split must cover the
    // text exactly, in order, with no empty piece.
    const std::string text = "Hello, y'all! 3333 \xE4\xBD\xA0\xE5\xA5\xBD\n\n \t x\xF0\x9F\xA6\x99 I'VE \xC3\x84pfel\xFF end  ";
    const std::vector<std::string> names = knownPreTokenizers();
    QVERIFY(names.size() >= 20);
    for (const std::string& name : names) {
        auto pre = PreTokenizer::create(name);
        QVERIFY2(pre, (name + ": " + (pre ? "" : pre.error().message)).c_str());
        size_t next = 0;
        for (const Piece& p : (*pre)->split(text)) {
            QVERIFY2(p.offset == next && p.length > 0, name.c_str());
            next = p.offset + p.length;
        }
        QVERIFY2(next == text.size(), name.c_str());
    }
}

void TestTokenizerBehaviour::encodingIsThreadSafe()
{
    auto qwen = fixture("ggml-vocab-qwen2.gguf");
    auto llama = fixture("ggml-vocab-llama-spm.gguf");
    QVERIFY(qwen && llama);
    std::string text;
    for (int i = 0; i < 50; ++i)
        text += "Thread " + std::to_string(i) + ": \xE4\xBD\xA0\xE5\xA5\xBD, <|im_start|> world! ";
    const std::vector<int32_t> expectQwen = qwen->encode(text, true, true);
    const std::vector<int32_t> expectLlama = llama->encode(text, true, true);
    std::vector<int> ok(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            bool same = true;
            for (int rep = 0; rep < 5; ++rep) {
                same = same && qwen->encode(text, true, true) == expectQwen;
                same = same && llama->encode(text, true, true) == expectLlama;
            }
            ok[static_cast<size_t>(t)] = same ? 1 : 0;
        });
    }
    for (std::thread& th : threads)
        th.join();
    QCOMPARE(std::count(ok.begin(), ok.end(), 1), 4l);
}

QTEST_GUILESS_MAIN(TestTokenizerBehaviour)
#include "test_tokenizer_behaviour.moc"
