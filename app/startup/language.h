// Which language the interface speaks: --lang, else the saved setting, else the system locale.
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace agora::app {

// The languages we ship translations for, besides the source language English.
QStringList shippedLanguages();

// "de_DE" / "de-AT" -> "de" when we ship "de"; "en_GB" -> "en"; empty when we do not speak it.
QString shippedLanguageFor(const QString& code);

// Picks the language: an explicit choice ("de", "fr_FR", "en") wins, else the saved choice
// (AppSettings::language), else the system's UI languages. Returns a code from
// shippedLanguages() or "en".
QString chooseLanguage(const QString& explicitChoice, const QString& savedChoice);
// The same with the saved choice read from the default QSettings key "ui/language".
QString chooseLanguage(const QString& explicitChoice);

// Loads and installs the translators (ours and Qt's own) for a language; "en" installs none.
// Returns false when our translation for it is missing from the resources.
bool installTranslations(QCoreApplication& app, const QString& language);

} // namespace agora::app
