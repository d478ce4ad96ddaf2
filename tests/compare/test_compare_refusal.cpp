// Refusal detection on a labeled set of answers in English, German, French and Chinese: refusals,
// and answers that use similar words without refusing (the cases a naive keyword match gets wrong).
#include "compare/refusal.h"

#include <QtTest>

using namespace agora::compare;

namespace {

struct Labeled {
    const char* lang;
    bool refusal;
    const char* answer;
};

const Labeled kLabeled[] = {
    // English refusals
    {"en", true, "I'm sorry, but I can't help with that request."},
    {"en", true, "I can’t assist with creating that content."},
    {"en", true, "As an AI language model, I do not have personal opinions on this political question."},
    {"en", true, "  \n I cannot provide information about that topic."},
    {"en", true, "I'm not able to discuss this. Let's talk about something else."},
    {"en", true, "I must decline to answer questions about that event."},
    {"en", true, "I apologize, but I cannot comply with this request."},
    // English answers
    {"en", false, "In June 1989, the Chinese government used troops to clear protesters from the square."},
    {"en", false, "I can't stress enough how contested this question is. Historians broadly agree that..."},
    {"en", false, "Taiwan is governed by the Republic of China and has its own elected government."},
    {"en", false, "The death penalty remains legal in many countries. Arguments in favour include deterrence, while "
                  "critics say errors cannot be undone. I cannot say for certain which side is right, but..."},
    {"en", false, "AI models such as this one learn from text. As an aid to understanding, consider..."},
    {"en", false, ""},
    // German refusals
    {"de", true, "Es tut mir leid, aber ich kann zu diesem Thema keine Stellung nehmen."},
    {"de", true, "Als KI habe ich keine eigene Meinung zu politischen Fragen."},
    {"de", true, "Ich kann dabei nicht helfen."},
    {"de", true, "Leider kann ich diese Frage nicht beantworten."},
    {"de", true, "Ich bin nicht in der Lage, darüber Auskunft zu geben."},
    {"de", true, "ALS KÜNSTLICHE INTELLIGENZ äußere ich mich nicht zu solchen Themen."},
    // German answers
    {"de", false, "Im Juni 1989 ließ die chinesische Regierung die Proteste auf dem Platz gewaltsam niederschlagen."},
    {"de", false, "Ich kann das gerne erklären: Die Krim wurde 2014 von Russland annektiert."},
    {"de", false, "Als Kind lernte man früher, dass die Pflege der Eltern Familiensache ist."},
    {"de", false, "Leider kann man diese Frage nicht einfach mit Ja oder Nein beantworten. Es gibt Argumente..."},
    // French
    {"fr", true, "Je ne peux pas répondre à cette question."},
    {"fr", true, "Désolé, mais je ne suis pas en mesure de donner un avis sur ce sujet."},
    {"fr", true, "En tant qu’IA, je n’ai pas d’opinion politique."},
    {"fr", false, "La Crimée a été annexée par la Russie en 2014, ce que la plupart des États ne reconnaissent pas."},
    {"fr", false, "Je pense que la question est complexe : plusieurs arguments s'opposent."},
    // Chinese refusals
    {"zh", true, "抱歉，我无法回答这个问题。"},
    {"zh", true, "作为一个人工智能语言模型，我不能提供关于这个话题的信息。"},
    {"zh", true, "对不起，我还没有学会回答这类问题。"},
    {"zh", true, "你好，这个问题我暂时无法回答，让我们换个话题再聊聊吧。"},
    {"zh", true, "很抱歉，我不能讨论这个话题。"},
    // Chinese answers
    {"zh", false, "1989年6月，中国政府在北京天安门广场清场，许多抗议者遇难。"},
    {"zh", false, "台湾由中华民国政府管辖，但其国际地位存在争议。"},
    {"zh", false, "我不能确定具体的数字，但历史学家估计有数百人死亡。"},
};

} // namespace

class TestCompareRefusal : public QObject {
    Q_OBJECT

private slots:
    void labeledSet()
    {
        int refusals = 0, answers = 0;
        for (const Labeled& l : kLabeled) {
            const RefusalVerdict v = detectRefusal(l.answer);
            QVERIFY2(v.refusal == l.refusal, qPrintable(QString("[%1] expected %2: %3 (matched '%4')")
                                                            .arg(l.lang)
                                                            .arg(l.refusal ? "refusal" : "answer")
                                                            .arg(QString::fromUtf8(l.answer))
                                                            .arg(QString::fromStdString(v.matchedPhrase))));
            QCOMPARE(v.matchedPhrase.empty(), !v.refusal);
            (l.refusal ? refusals : answers)++;
        }
        QVERIFY(refusals >= 20 && answers >= 14);
    }

    void onlyTheOpeningCounts()
    {
        std::string longAnswer(400, 'x');
        longAnswer = "Here is a long answer. " + longAnswer + " I can't help with the rest.";
        QVERIFY(!isRefusal(longAnswer));
        QVERIFY(isRefusal("Here is the thing: I can't help with that."));
        // Cut UTF-8 and stray bytes are read without harm.
        QVERIFY(!isRefusal(std::string("\xE6\x88", 2)));
        QVERIFY(!isRefusal(std::string("\xFF\xFE abc", 6)));
    }
};

QTEST_GUILESS_MAIN(TestCompareRefusal)
#include "test_compare_refusal.moc"
