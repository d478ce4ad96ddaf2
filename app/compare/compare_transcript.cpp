#include "compare/compare_transcript.h"

namespace agora::app {

QVariantMap CompareAnswer::toVariantMap() const
{
    return {{QStringLiteral("prompt"), prompt},
            {QStringLiteral("text"), text},
            {QStringLiteral("reasoning"), reasoning},
            {QStringLiteral("tokensPerSecond"), tokensPerSecond},
            {QStringLiteral("timeToFirstTokenMs"), timeToFirstTokenMs},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("generatedTokens"), generatedTokens},
            {QStringLiteral("stopReason"), stopReason},
            {QStringLiteral("refusal"), refusal},
            {QStringLiteral("error"), error}};
}

} // namespace agora::app
