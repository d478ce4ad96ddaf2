#include "suites/suite_results_model.h"

namespace agora::app {

SuiteResultsModel::SuiteResultsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int SuiteResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SuiteResultsModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid() || m_results.isEmpty())
        return 0;
    return 1 + int(m_results.models.size());
}

const SuiteCell* SuiteResultsModel::cellFor(const QModelIndex& index) const
{
    if (index.column() < 1)
        return nullptr;
    const int prompt = m_rows.at(index.row());
    return &m_results.cells.at(prompt).at(index.column() - 1);
}

QVariant SuiteResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SuitePrompt& prompt = m_results.prompts.at(m_rows.at(index.row()));
    switch (role) {
    case IsPromptRole: return index.column() == 0;
    case PromptTextRole: return prompt.text;
    case PromptIdRole: return prompt.id;
    case CategoryRole: return prompt.category;
    case LanguageRole: return prompt.language;
    case SystemPromptRole: return prompt.system;
    case ModelNameRole: return index.column() > 0 ? m_results.models.at(index.column() - 1).name : QString();
    default: break;
    }
    const SuiteCell* cell = cellFor(index);
    if (!cell)
        return role == Qt::DisplayRole ? QVariant(prompt.text) : QVariant();
    switch (role) {
    case Qt::DisplayRole: return cell->state == SuiteCell::State::Failed ? cell->error : cell->answer;
    case AnswerRole: return cell->answer;
    case ReasoningRole: return cell->reasoning;
    case StateRole: return suiteCellStateName(cell->state);
    case RefusalRole: return cell->refusal;
    case RefusalPhraseRole: return cell->refusalPhrase;
    case TokensRole: return cell->tokens;
    case CharactersRole: return cell->characters;
    case SecondsRole: return cell->seconds;
    case TokensPerSecondRole: return cell->tokensPerSecond;
    case StopReasonRole: return cell->stopReason;
    case ErrorRole: return cell->error;
    default: return {};
    }
}

QVariant SuiteResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Vertical)
        return section < m_rows.size() ? QVariant(m_rows.at(section) + 1) : QVariant();
    if (section == 0)
        return tr("Prompt");
    return section <= m_results.models.size() ? QVariant(m_results.models.at(section - 1).name) : QVariant();
}

QHash<int, QByteArray> SuiteResultsModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},
            {IsPromptRole, "isPrompt"},
            {PromptTextRole, "promptText"},
            {PromptIdRole, "promptId"},
            {CategoryRole, "category"},
            {LanguageRole, "language"},
            {SystemPromptRole, "systemPrompt"},
            {ModelNameRole, "modelName"},
            {AnswerRole, "answer"},
            {ReasoningRole, "reasoning"},
            {StateRole, "cellState"},
            {RefusalRole, "refusal"},
            {RefusalPhraseRole, "refusalPhrase"},
            {TokensRole, "tokens"},
            {CharactersRole, "characters"},
            {SecondsRole, "seconds"},
            {TokensPerSecondRole, "tokensPerSecond"},
            {StopReasonRole, "stopReason"},
            {ErrorRole, "error"}};
}

void SuiteResultsModel::setCategoryFilter(const QString& category)
{
    if (m_categoryFilter == category)
        return;
    m_categoryFilter = category;
    rebuildRows();
    emit filterChanged();
}

void SuiteResultsModel::setLanguageFilter(const QString& language)
{
    if (m_languageFilter == language)
        return;
    m_languageFilter = language;
    rebuildRows();
    emit filterChanged();
}

QStringList SuiteResultsModel::categories() const
{
    QStringList out;
    for (const SuitePrompt& p : m_results.prompts) {
        if (!p.category.isEmpty() && !out.contains(p.category))
            out << p.category;
    }
    return out;
}

QStringList SuiteResultsModel::languages() const
{
    QStringList out;
    for (const SuitePrompt& p : m_results.prompts) {
        if (!p.language.isEmpty() && !out.contains(p.language))
            out << p.language;
    }
    return out;
}

QStringList SuiteResultsModel::modelNames() const
{
    QStringList out;
    for (const SuiteModelColumn& m : m_results.models)
        out << m.name;
    return out;
}

// The summary covers the whole run, not the filtered rows: a refusal count that changed with
// the filter would be easy to misread as the model's overall behaviour.
QVariantList SuiteResultsModel::summary() const
{
    QVariantList out;
    for (qsizetype m = 0; m < m_results.models.size(); ++m) {
        const SuiteModelSummary s = m_results.summarize(int(m));
        out.append(QVariantMap{{QStringLiteral("model"), s.model},
                               {QStringLiteral("answers"), s.answers},
                               {QStringLiteral("refusals"), s.refusals},
                               {QStringLiteral("failures"), s.failures},
                               {QStringLiteral("cancelled"), s.cancelled},
                               {QStringLiteral("meanCharacters"), s.meanCharacters},
                               {QStringLiteral("meanSeconds"), s.meanSeconds},
                               {QStringLiteral("meanTokensPerSecond"), s.meanTokensPerSecond}});
    }
    return out;
}

QVariantMap SuiteResultsModel::cellAt(int row, int column) const
{
    const QModelIndex at = index(row, column);
    if (!at.isValid())
        return {};
    QVariantMap out;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(at, it.key()));
    return out;
}

void SuiteResultsModel::setResults(const SuiteResults& results)
{
    beginResetModel();
    m_results = results;
    if (m_results.cells.size() != m_results.prompts.size())
        m_results.resetCells();
    m_rows.clear();
    for (qsizetype p = 0; p < m_results.prompts.size(); ++p) {
        const SuitePrompt& prompt = m_results.prompts.at(p);
        if ((m_categoryFilter.isEmpty() || prompt.category == m_categoryFilter)
            && (m_languageFilter.isEmpty() || prompt.language == m_languageFilter))
            m_rows.append(int(p));
    }
    endResetModel();
    emit tableChanged();
    emit summaryChanged();
}

void SuiteResultsModel::clear()
{
    setResults(SuiteResults{});
}

void SuiteResultsModel::rebuildRows()
{
    setResults(SuiteResults(m_results));
}

void SuiteResultsModel::setCell(int prompt, int model, const SuiteCell& cell)
{
    if (prompt < 0 || prompt >= m_results.cells.size() || model < 0 || model >= m_results.models.size())
        return;
    m_results.cells[prompt][model] = cell;
    const int row = int(m_rows.indexOf(prompt));
    if (row >= 0) {
        const QModelIndex at = index(row, model + 1);
        emit dataChanged(at, at);
    }
    if (cell.finished())
        emit summaryChanged();
}

void SuiteResultsModel::setModelName(int model, const QString& name)
{
    if (model < 0 || model >= m_results.models.size() || m_results.models.at(model).name == name)
        return;
    m_results.models[model].name = name;
    emit headerDataChanged(Qt::Horizontal, model + 1, model + 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, model + 1), index(int(m_rows.size()) - 1, model + 1), {ModelNameRole});
    emit tableChanged();
    emit summaryChanged();
}

} // namespace agora::app
