// Qt Quick Test of the main window on the offscreen platform, with the engine faked through the
// EngineBackend seam. QML test files: tst_*.qml next to this file.
#include "bridge/engine_bridge.h"
#include "fake_engine_backend.h"
#include "persistence/conversation_store.h"
#include "startup/language.h"

#include <QCoreApplication>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(AgoraPlugin)

namespace {

// What a QML test creates to get a bridge over a fixture: FakeEngine { fixture: "x.json" }.
class FakeEngine : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString fixture READ fixture WRITE setFixture NOTIFY bridgeChanged)
    Q_PROPERTY(agora::app::EngineBridge* bridge READ bridge NOTIFY bridgeChanged)
    Q_PROPERTY(int delayMs MEMBER m_delayMs)
    // A conversation store in a temporary folder, opened on first use; and an empty models folder.
    Q_PROPERTY(QObject* store READ store CONSTANT)
    Q_PROPERTY(QString modelsFolder READ modelsFolder CONSTANT)

public:
    QString fixture() const { return m_fixture; }
    void setFixture(const QString& fileName)
    {
        m_fixture = fileName;
        m_backend = std::make_shared<agora::app::testing::FakeEngineBackend>(
            agora::app::testing::FakeEngineBackend::fixture(fileName), m_delayMs);
        m_bridge = std::make_unique<agora::app::EngineBridge>(m_backend);
        emit bridgeChanged();
    }
    agora::app::EngineBridge* bridge() const { return m_bridge.get(); }
    QObject* store()
    {
        if (!m_store) {
            m_store = std::make_unique<agora::app::store::ConversationStore>();
            m_store->open(m_storeDir.path());
        }
        return m_store.get();
    }
    QString modelsFolder() const { return m_models.path(); }

    // Switches the interface language the way start-up does, then re-evaluates every qsTr().
    Q_INVOKABLE bool useLanguage(const QString& language)
    {
        const bool ok = agora::app::installTranslations(*QCoreApplication::instance(), language);
        if (QQmlEngine* engine = qmlEngine(this))
            engine->retranslate();
        return ok;
    }

    // A file the fake engine accepts as a model (GGUF magic), named <name>.gguf; its path.
    Q_INVOKABLE QString writeFakeModel(const QString& name)
    {
        QFile file(m_models.filePath(name + QStringLiteral(".gguf")));
        if (!file.open(QIODevice::WriteOnly) || file.write("GGUF\x03\0\0\0", 8) != 8)
            return QString();
        return file.fileName();
    }
    // Any file under the models folder ("broken.gguf", or "outside/x.gguf" in a subfolder the
    // library does not list, as a file to import); its path.
    Q_INVOKABLE QString writeModelsFile(const QString& fileName, const QString& text)
    {
        QFile file(m_models.filePath(fileName));
        QDir().mkpath(QFileInfo(file.fileName()).path());
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0)
            return QString();
        return file.fileName();
    }
    // The last GenerationSpec the fake engine received, for QML checks of what the chat asked:
    // {hasSampling, temperature, topK, topP, minP, repeatPenalty, seed, maxTokens,
    //  dropOldestTurns, messages: [{role, content}]}.
    Q_INVOKABLE QVariantMap lastSpec() const
    {
        if (!m_backend)
            return {};
        const agora::app::GenerationSpec spec = m_backend->lastSpec();
        QVariantList turns;
        for (const agora::app::ChatTurn& turn : spec.messages)
            turns.append(QVariantMap{{QStringLiteral("role"), turn.role}, {QStringLiteral("content"), turn.content}});
        const agora::app::SamplingSettings s = spec.sampling.value_or(agora::app::SamplingSettings{});
        return {{QStringLiteral("hasSampling"), spec.sampling.has_value()},
                {QStringLiteral("temperature"), s.temperature}, {QStringLiteral("topK"), s.topK},
                {QStringLiteral("topP"), s.topP}, {QStringLiteral("minP"), s.minP},
                {QStringLiteral("repeatPenalty"), s.repeatPenalty}, {QStringLiteral("seed"), double(s.seed)},
                {QStringLiteral("maxTokens"), spec.maxTokens}, {QStringLiteral("dropOldestTurns"), spec.dropOldestTurns},
                {QStringLiteral("messages"), turns}};
    }
    // What the fake streams for the next replies (see FakeEngineBackend::setReply).
    Q_INVOKABLE void setReply(const QStringList& pieces, int pieceDelayMs)
    {
        if (m_backend)
            m_backend->setReply(pieces, pieceDelayMs);
    }
    // Loads beyond this many loaded models fail with "out-of-device-memory" (0: no limit).
    Q_INVOKABLE void setMaxLoadedModels(int count)
    {
        if (m_backend)
            m_backend->setMaxLoadedModels(count);
    }

signals:
    void bridgeChanged();

private:
    QTemporaryDir m_models;
    QTemporaryDir m_storeDir;
    std::unique_ptr<agora::app::store::ConversationStore> m_store; // destroyed before its folder
    std::shared_ptr<agora::app::testing::FakeEngineBackend> m_backend;
    QString m_fixture;
    int m_delayMs = 0;
    std::unique_ptr<agora::app::EngineBridge> m_bridge;
};

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Material")); }
    void qmlEngineAvailable(QQmlEngine* engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/agora"));
        qmlRegisterType<FakeEngine>("AgoraTest", 1, 0, "FakeEngine");
    }
};

} // namespace

QUICK_TEST_MAIN_WITH_SETUP(agora_main_window, Setup)
#include "test_qml_main.moc"
