#include "startup/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace agora::app {

QString shippedLanguageFor(const QString& code)
{
    const QString base = code.trimmed().section(u'_', 0, 0).section(u'-', 0, 0).toLower();
    if (base == u"en")
        return QStringLiteral("en");
    return shippedLanguages().contains(base) ? base : QString();
}

QStringList shippedLanguages()
{
    return {QStringLiteral("de"), QStringLiteral("fr")};
}

QString chooseLanguage(const QString& explicitChoice)
{
    return chooseLanguage(explicitChoice, QSettings().value(QStringLiteral("ui/language")).toString());
}

QString chooseLanguage(const QString& explicitChoice, const QString& savedChoice)
{
    if (!explicitChoice.isEmpty()) {
        const QString match = shippedLanguageFor(explicitChoice);
        return match.isEmpty() ? QStringLiteral("en") : match;
    }
    if (!savedChoice.isEmpty() && !shippedLanguageFor(savedChoice).isEmpty())
        return shippedLanguageFor(savedChoice);
    for (const QString& code : QLocale::system().uiLanguages()) {
        const QString match = shippedLanguageFor(code);
        if (!match.isEmpty())
            return match;
    }
    return QStringLiteral("en");
}

bool installTranslations(QCoreApplication& app, const QString& language)
{
    // Switching languages at run time (settings) first drops what an earlier call installed.
    const QString tag = QStringLiteral("agora-translator");
    for (QTranslator* old : app.findChildren<QTranslator*>(tag, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    if (language == u"en") {
        QLocale::setDefault(QLocale::system());
        return true;
    }
    // Parented to the application so they live exactly as long as it does.
    auto* ours = new QTranslator(&app);
    ours->setObjectName(tag);
    if (!ours->load(QStringLiteral(":/i18n/agora_%1.qm").arg(language))) {
        delete ours;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    auto* qtBase = new QTranslator(&app);
    qtBase->setObjectName(tag);
    if (qtBase->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtBase);
    else
        delete qtBase;
    QLocale::setDefault(QLocale(language));
    return true;
}

} // namespace agora::app
