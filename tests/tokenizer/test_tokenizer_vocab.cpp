// The reference tokenizer test suite: every case of every vocabulary in ../shared/fixtures/vocab
// that has .inp/.out files, and the synthetic models' vocabularies against llama.cpp's output,
// must produce exactly the expected ids (no BOS/EOS, special text not parsed). Where the
// tokenizer is lossless (SentencePiece with byte fallback, byte-level BPE), decoding the ids must
// give back the input.
#include "vocab_cases.h"

#include "tokenizer/spm_encoder.h"

#include <QtTest>

#include <chrono>

using namespace agora::tokenizer;
using namespace agora::tokenizer::testing;
namespace fs = std::filesystem;

class TestTokenizerVocab : public QObject {
    Q_OBJECT

private slots:
    void everyFixtureVocabIsCovered();
    void matchesReference_data();
    void matchesReference();
};

namespace {

// Vocabularies with a .gguf and .inp/.out in fixtures/vocab.
std::vector<std::string> fixtureVocabs()
{
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(sharedDir() / "fixtures/vocab")) {
        const std::string file = entry.path().filename().string();
        if (entry.path().extension() != ".gguf")
            continue;
        if (fs::exists(entry.path().string() + ".inp") && fs::exists(entry.path().string() + ".out"))
            names.push_back(file);
    }
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

void TestTokenizerVocab::everyFixtureVocabIsCovered()
{
    // The suite must not shrink silently if the fixture folder moves.
    QVERIFY2(fixtureVocabs().size() >= 12, "fewer fixture vocabularies with .inp/.out than expected");
}

void TestTokenizerVocab::matchesReference_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("inp");
    QTest::addColumn<QString>("out");
    const fs::path vocabDir = sharedDir() / "fixtures/vocab";
    for (const std::string& name : fixtureVocabs()) {
        const fs::path model = vocabDir / name;
        QTest::newRow(name.c_str()) << QString::fromStdString(model.string())
                                    << QString::fromStdString(model.string() + ".inp")
                                    << QString::fromStdString(model.string() + ".out");
    }
    const fs::path tokDir = sharedDir() / "reference/llama.cpp/tokenize";
    const fs::path synthetic = sharedDir() / "fixtures/models/synthetic";
    for (const char* family : {"syn-llama-spm4k", "syn-qwen2-4k", "syn-llama-bpe4k-r500k"}) {
        const fs::path model = synthetic / (std::string(family) + "-Q8_0.gguf");
        QTest::newRow(family) << QString::fromStdString(model.string())
                              << QString::fromStdString((tokDir / "vocab-test.inp").string())
                              << QString::fromStdString((tokDir / (std::string(family) + ".tok.out")).string());
    }
}

void TestTokenizerVocab::matchesReference()
{
    QFETCH(QString, model);
    QFETCH(QString, inp);
    QFETCH(QString, out);

    std::string error;
    const auto loadStart = std::chrono::steady_clock::now();
    std::unique_ptr<Tokenizer> tokenizer = loadTokenizer(model.toStdString(), &error);
    const double loadMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - loadStart).count();
    QVERIFY2(tokenizer, error.c_str());
    std::vector<VocabCase> cases = loadCases(inp.toStdString(), out.toStdString(), &error);
    QVERIFY2(!cases.empty(), error.c_str());

    // WordPiece lower-cases and drops accents. SentencePiece is lossless only when U+2581 itself is
    // a token: the 4k-prefix vocabulary spells it with byte tokens, which decode to the raw
    // character rather than a space (as in the reference decoder).
    const Vocab& vocab = tokenizer->vocab();
    const bool lossless = vocab.kind() == VocabKind::Bpe ||
                          (vocab.kind() == VocabKind::Spm && vocab.find(kSpmSpace) != kNoToken);
    int passed = 0;
    int roundTrips = 0;
    std::string firstMismatch;
    std::string firstRoundTripFailure;
    for (size_t i = 0; i < cases.size(); ++i) {
        const VocabCase& c = cases[i];
        std::vector<int32_t> got = tokenizer->encode(c.text, false, false);
        if (got == c.expected) {
            ++passed;
        } else if (firstMismatch.empty()) {
            firstMismatch = "case " + std::to_string(i) + " '" + printable(c.text) + "'\n   expected: " +
                            idsToString(c.expected) + "\n   got:      " + idsToString(got);
        }
        if (lossless) {
            std::string back = tokenizer->decode(got);
            if (back == c.text)
                ++roundTrips;
            else if (firstRoundTripFailure.empty())
                firstRoundTripFailure = "case " + std::to_string(i) + " '" + printable(c.text) + "' decodes to '" +
                                        printable(back) + "'";
        }
    }
    qInfo("%s: %d/%zu cases match, %d round trips; loaded in %.0f ms", QFileInfo(model).fileName().toUtf8().constData(),
          passed, cases.size(), roundTrips, loadMs);
    QVERIFY2(firstMismatch.empty(), firstMismatch.c_str());
    if (lossless)
        QVERIFY2(firstRoundTripFailure.empty(), firstRoundTripFailure.c_str());
}

QTEST_GUILESS_MAIN(TestTokenizerVocab)
#include "test_tokenizer_vocab.moc"
