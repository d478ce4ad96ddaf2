// The prompt x model table of a suite run for QML's TableView: one row per prompt (after the
// category and language filters), column 0 the prompt itself, then one column per model. The
// per-model summary (answers, refusals, mean length, mean time) is a property next to it.
#pragma once

#include "suites/suite_results.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace agora::app {

class SuiteResultsModel : public QAbstractTableModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A SuiteRun owns its results; read SuiteRun.results.")
    Q_PROPERTY(QString categoryFilter READ categoryFilter WRITE setCategoryFilter NOTIFY filterChanged)
    Q_PROPERTY(QString languageFilter READ languageFilter WRITE setLanguageFilter NOTIFY filterChanged)
    Q_PROPERTY(QStringList categories READ categories NOTIFY tableChanged)
    Q_PROPERTY(QStringList languages READ languages NOTIFY tableChanged)
    Q_PROPERTY(QStringList modelNames READ modelNames NOTIFY tableChanged)
    Q_PROPERTY(int promptCount READ rowCountProperty NOTIFY tableChanged)
    Q_PROPERTY(bool hasResults READ hasResults NOTIFY tableChanged)
    Q_PROPERTY(QVariantList summary READ summary NOTIFY summaryChanged)

public:
    enum Role {
        IsPromptRole = Qt::UserRole + 1,
        PromptTextRole,
        PromptIdRole,
        CategoryRole,
        LanguageRole,
        SystemPromptRole,
        ModelNameRole,
        AnswerRole,
        ReasoningRole,
        StateRole, // "pending", "running", "done", "failed", "cancelled"
        RefusalRole,
        RefusalPhraseRole,
        TokensRole,
        CharactersRole,
        SecondsRole,
        TokensPerSecondRole,
        StopReasonRole,
        ErrorRole,
    };
    Q_ENUM(Role)

    explicit SuiteResultsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString categoryFilter() const { return m_categoryFilter; }
    void setCategoryFilter(const QString& category);
    QString languageFilter() const { return m_languageFilter; }
    void setLanguageFilter(const QString& language);
    QStringList categories() const;
    QStringList languages() const;
    QStringList modelNames() const;
    int rowCountProperty() const { return rowCount(); }
    bool hasResults() const { return !m_results.isEmpty(); }
    // One map per model: model, answers, refusals, failures, cancelled, meanCharacters,
    // meanSeconds, meanTokensPerSecond.
    QVariantList summary() const;

    // Every role of one cell by visible row and column, for the full-answer dialog.
    Q_INVOKABLE QVariantMap cellAt(int row, int column) const;

    const SuiteResults& results() const { return m_results; }
    void setResults(const SuiteResults& results);
    void setCell(int prompt, int model, const SuiteCell& cell);
    void setModelName(int model, const QString& name);
    void clear();

signals:
    void filterChanged();
    void tableChanged(); // prompts, models or filters changed
    void summaryChanged();

private:
    void rebuildRows();
    const SuiteCell* cellFor(const QModelIndex& index) const;

    SuiteResults m_results;
    QList<int> m_rows; // visible row -> prompt index
    QString m_categoryFilter;
    QString m_languageFilter;
};

} // namespace agora::app
