import QtQuick
import QtTest
import Agora
import AgoraTest

TestCase {
    id: testCase
    name: "ChatPage"
    when: windowShown
    width: 800
    height: 600
    visible: true // a TestCase is hidden by default: the page inherits visibility from it

    Component { id: fakeEngineComponent; FakeEngine {} }
    Component { id: messagesComponent; MessageListModel {} }
    Component { id: pageComponent; ChatPage { width: 800; height: 600 } }

    function openChat(pieces, delayMs) {
        const fake = createTemporaryObject(fakeEngineComponent, testCase)
        fake.fixture = "devices_mixed.json"
        fake.setReply(pieces, delayMs)
        verify(fake.bridge.loadModel(fake.writeFakeModel("tiny-stories")))
        tryCompare(fake.bridge, "modelState", EngineBridge.Ready, 5000)
        const messages = createTemporaryObject(messagesComponent, testCase, { bridge: fake.bridge, conversationId: 1 })
        const page = createTemporaryObject(pageComponent, testCase, { bridge: fake.bridge, messages: messages })
        verify(page, "ChatPage did not load")
        return page
    }

    function typeAndPressEnter(page, text) {
        const composer = findChild(page, "composer")
        composer.forceActiveFocus()
        composer.text = text
        keyClick(Qt.Key_Return)
    }

    function test_enterSendsAndReplyStreamsAsMarkdown() {
        const page = openChat(["# Title\n\n", "- one\n", "- two\n"], 5)
        compare(findChild(page, "modelLine").text, "tiny-stories")
        typeAndPressEnter(page, "Hello")
        tryCompare(page.messages, "count", 2, 2000)
        tryCompare(page.messages, "streaming", false, 5000)
        compare(findChild(page, "composer").text, "", "Enter sent the message and cleared the composer")
        const list = findChild(page, "messageList")
        tryVerify(() => list.itemAtIndex(1) !== null, 2000)
        const reply = list.itemAtIndex(1)
        const text = findChild(reply, "messageText")
        compare(text.textFormat, TextEdit.MarkdownText)
        verify(text.text.indexOf("- two") >= 0)
        verify(findChild(reply, "messageStats").text.indexOf("tiny-stories · ") === 0)
        verify(findChild(reply, "copyButton").visible)
        compare(reply.Accessible.name.indexOf("Assistant: "), 0)
    }

    function test_shiftEnterAddsNewlineAndEscapeStops() {
        const page = openChat(Array(300).fill("la "), 10)
        const composer = findChild(page, "composer")
        composer.forceActiveFocus()
        composer.text = "line one"
        composer.cursorPosition = composer.length
        keyClick(Qt.Key_Return, Qt.ShiftModifier)
        compare(page.messages.count, 0, "Shift+Enter must not send")
        verify(composer.text.indexOf("\n") > 0 || composer.text.indexOf("\u2029") > 0)
        keyClick(Qt.Key_Return)
        tryCompare(page.messages, "streaming", true, 2000)
        compare(findChild(page, "sendButton").text, "Stop")
        tryVerify(() => page.messages.textAt(1).length > 0, 5000)
        keyClick(Qt.Key_Escape)
        tryCompare(page.messages, "streaming", false, 5000)
        verify(page.messages.textAt(1).length < 900)
        compare(findChild(page, "sendButton").text, "Send")
    }

    function test_reasoningIsCollapsed() {
        const page = openChat(["think:deep thought ", "Answer"], 5)
        typeAndPressEnter(page, "Why?")
        tryCompare(page.messages, "streaming", false, 5000)
        const reply = findChild(page, "messageList").itemAtIndex(1)
        const toggle = findChild(reply, "reasoningToggle")
        verify(toggle.visible)
        verify(!findChild(reply, "reasoningText").visible)
        mouseClick(toggle)
        verify(findChild(reply, "reasoningText").visible)
        compare(findChild(reply, "reasoningText").text, "deep thought ")
    }
}
