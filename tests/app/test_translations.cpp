// The shipped translations are complete: lupdate re-run over today's sources (into a copy of
// each .ts file) must find no new, unfinished or vanished string. German must be complete;
// French too (it covers the main screens, which are all the screens there are so far).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct TsSummary {
    int messages = 0;
    QStringList unfinished; // source texts without a finished translation
    QStringList placeholderMismatch;
};

TsSummary summarize(const QString& path)
{
    TsSummary summary;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return summary;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            ++summary.messages;
            const QString type = xml.attributes().value(QStringLiteral("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!type.isEmpty() || text.trimmed().isEmpty())
                summary.unfinished << source + QStringLiteral(" [") + type + u']';
            for (const QString& placeholder : {QStringLiteral("%1"), QStringLiteral("%2"), QStringLiteral("%n")})
                if (source.contains(placeholder) != text.contains(placeholder))
                    summary.placeholderMismatch << source;
        }
    }
    return summary;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void complete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("German") << "de";
        QTest::newRow("French") << "fr";
    }

    void complete()
    {
        QFETCH(QString, language);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString shipped = QStringLiteral(AGORA_SOURCE_DIR "/translations/agora_%1.ts").arg(language);
        const QString copy = dir.filePath(QStringLiteral("agora_%1.ts").arg(language));
        QVERIFY(QFile::copy(shipped, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

        QProcess lupdate;
        lupdate.start(QStringLiteral(LUPDATE_EXECUTABLE),
                      {QStringLiteral(AGORA_SOURCE_DIR "/app"), QStringLiteral("-extensions"), QStringLiteral("cpp,h,qml"),
                       QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                       QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(60000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        const TsSummary summary = summarize(copy);
        QVERIFY2(summary.messages >= 30, "lupdate found suspiciously few strings");
        QVERIFY2(summary.unfinished.isEmpty(),
                 qPrintable(QStringLiteral("untranslated in agora_%1.ts (run the update_translations target, then "
                                           "translate): %2")
                                .arg(language, summary.unfinished.join(QStringLiteral("; ")))));
        QVERIFY2(summary.placeholderMismatch.isEmpty(), qPrintable(summary.placeholderMismatch.join(u';')));
        // And the shipped file is what lupdate writes: no string was dropped from the sources.
        QCOMPARE(summarize(shipped).messages, summary.messages);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
