#include "reference_check.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace agora::test {

bool loadRefDump(const QString& path, RefDump* dump, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = "cannot open " + path;
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull()) {
        *error = path + ": " + parseError.errorString();
        return false;
    }
    const QJsonObject root = doc.object();
    if (root.value("format").toString() != "refdump-v1") {
        *error = path + ": not a refdump-v1 file";
        return false;
    }
    dump->model = root.value("model").toString();
    for (const QJsonValue v : root.value("tokens").toArray())
        dump->tokens.push_back(int32_t(v.toInt()));
    for (const QJsonValue p : root.value("positions").toArray()) {
        std::vector<std::pair<int32_t, float>> top;
        for (const QJsonValue pair : p.toObject().value("top").toArray())
            top.emplace_back(int32_t(pair.toArray().at(0).toInt()), float(pair.toArray().at(1).toDouble()));
        dump->top.push_back(std::move(top));
    }
    for (const QJsonValue v : root.value("last_logits").toArray())
        dump->lastLogits.push_back(float(v.toDouble()));
    const QJsonObject greedy = root.value("greedy").toObject();
    for (const QJsonValue v : greedy.value("ids").toArray())
        dump->greedyIds.push_back(int32_t(v.toInt()));
    for (const QJsonValue v : greedy.value("top1_top2_margin").toArray())
        dump->greedyMargins.push_back(float(v.toDouble()));
    if (dump->tokens.empty() || dump->top.size() != dump->tokens.size() || dump->lastLogits.empty()) {
        *error = path + ": incomplete reference";
        return false;
    }
    return true;
}

Tolerance toleranceFor(const QString& modelName)
{
    if (modelName.contains("-F32"))
        return {0.05f, 0.01f, 0.1f};
    // Llama-3 F16 is held tighter so that missing rope_freqs factors (worth up to 0.16) show.
    if (modelName.contains("llama3") && modelName.contains("-F16"))
        return {0.05f, 0.05f, 0.1f};
    if (modelName.contains("-F16") || modelName.contains("-BF16"))
        return {0.25f, 0.05f, 0.5f};
    return {0.6f, 0.15f, 0.5f};
}

int32_t argmax(std::span<const float> v)
{
    return int32_t(std::max_element(v.begin(), v.end()) - v.begin()); // first of equal maxima
}

Comparison compareWithReference(const RefDump& ref, const EvaluateFn& evaluate, const Tolerance& tol)
{
    Comparison c;
    const size_t nPos = ref.tokens.size();
    const size_t nVocab = ref.lastLogits.size();
    Result<std::vector<float>> logits = evaluate(ref.tokens, 0, true);
    if (!logits) {
        c.error = QString::fromStdString(logits.error().message);
        return c;
    }
    if (logits->size() != nPos * nVocab) {
        c.error = QString("expected %1 x %2 logits, got %3").arg(nPos).arg(nVocab).arg(logits->size());
        return c;
    }

    struct Miss {
        float delta;
        QString text;
    };
    std::vector<Miss> misses;
    for (size_t p = 0; p < nPos; ++p) {
        const std::span<const float> row(logits->data() + p * nVocab, nVocab);
        const auto& top = ref.top[p];
        for (size_t i = 0; i < std::min<size_t>(5, top.size()); ++i) {
            const float delta = std::fabs(row[size_t(top[i].first)] - top[i].second);
            c.maxTop5 = std::max(c.maxTop5, delta);
            if (delta > tol.maxTop5)
                misses.push_back({delta, QString("pos %1 id %2: ours %3 reference %4")
                                             .arg(p)
                                             .arg(top[i].first)
                                             .arg(double(row[size_t(top[i].first)]))
                                             .arg(double(top[i].second))});
        }
        const int32_t ours = argmax(row);
        const bool agree = ours == top[0].first;
        c.top1Agree += agree;
        if (top.size() > 1 && top[0].second - top[1].second > tol.top1Margin) {
            ++c.top1Clear;
            c.top1ClearAgree += agree;
            if (!agree)
                misses.push_back({99.0f, QString("pos %1: top-1 %2, reference %3 (margin %4)")
                                             .arg(p)
                                             .arg(ours)
                                             .arg(top[0].first)
                                             .arg(double(top[0].second - top[1].second))});
        }
    }
    const std::span<const float> last(logits->data() + (nPos - 1) * nVocab, nVocab);
    double sum = 0;
    for (size_t i = 0; i < nVocab; ++i)
        sum += std::fabs(last[i] - ref.lastLogits[i]);
    c.meanLast = float(sum / double(nVocab));

    std::sort(misses.begin(), misses.end(), [](const Miss& a, const Miss& b) { return a.delta > b.delta; });
    for (size_t i = 0; i < std::min<size_t>(5, misses.size()); ++i)
        c.firstMismatches += "  " + misses[i].text + "\n";

    // Greedy continuation: step 0 is the argmax of the prefill's last row, then one token a step.
    c.greedyRobust = int(ref.greedyMargins.size());
    for (size_t i = 0; i < ref.greedyMargins.size(); ++i) {
        if (ref.greedyMargins[i] < 0.1f) {
            c.greedyRobust = int(i);
            break;
        }
    }
    int32_t next = argmax(last);
    bool matching = true;
    for (size_t step = 0; step < ref.greedyIds.size(); ++step) {
        if (matching && next == ref.greedyIds[step])
            ++c.greedyMatch;
        else
            matching = false;
        if (!matching || step + 1 == ref.greedyIds.size())
            break;
        const int32_t token = next;
        Result<std::vector<float>> stepLogits = evaluate(std::span(&token, 1), uint32_t(nPos + step), false);
        if (!stepLogits) {
            c.error = QString::fromStdString(stepLogits.error().message);
            return c;
        }
        next = argmax(*stepLogits);
    }
    return c;
}

} // namespace agora::test
