#include "chat/chat_template.h"

#include "chat/jinja_interpreter.h"
#include "chat/jinja_parser.h"

#include <cstdio>

namespace agora::chat {
namespace {

ErrorCode codeFor(const jinja::TemplateError& e)
{
    switch (e.kind) {
    case jinja::TemplateError::Kind::Raised: return ErrorCode::InvalidArgument;
    case jinja::TemplateError::Kind::Syntax:
    case jinja::TemplateError::Kind::Render:
        return std::string_view(e.what()).find("unsupported ") != std::string_view::npos ? ErrorCode::Unsupported
                                                                                          : ErrorCode::BadFormat;
    }
    return ErrorCode::Internal;
}

} // namespace

Result<std::tm> parseIsoDate(std::string_view text)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    const std::string s(text);
    const int n = std::sscanf(s.c_str(), "%4d-%2d-%2d%*1[T ]%2d:%2d:%2d", &year, &month, &day, &hour, &minute, &second);
    if (n != 3 && n < 5)
        return makeError(ErrorCode::InvalidArgument, "invalid date '" + s + "': use YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]");
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return makeError(ErrorCode::InvalidArgument, "invalid date '" + s + "': a field is out of range");
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    // timegm normalises and fills tm_wday / tm_yday without touching the time zone.
    std::tm copy = tm;
    if (timegm(&copy) == -1)
        return makeError(ErrorCode::InvalidArgument, "invalid date '" + s + "'");
    if (copy.tm_mday != day)
        return makeError(ErrorCode::InvalidArgument, "invalid date '" + s + "': no such day");
    return copy;
}

Result<ChatTemplate> ChatTemplate::parse(std::string_view source)
{
    try {
        ChatTemplate t;
        t.m_source = std::string(source);
        t.m_template = jinja::parseTemplate(source);
        t.m_supportsSystemRole = t.probeSystemRole();
        return t;
    } catch (const jinja::TemplateError& e) {
        return makeError(codeFor(e), std::string("chat template: ") + e.what());
    } catch (const std::exception& e) { // a bug of ours: report it, never let it escape
        return makeError(ErrorCode::Internal, std::string("chat template: internal error while parsing: ") + e.what());
    }
}

bool ChatTemplate::probeSystemRole() const
{
    const std::string marker = "<agora system marker 7f3a>";
    json::Value system;
    system.set("role", "system");
    system.set("content", marker);
    json::Value user;
    user.set("role", "user");
    user.set("content", "Hey");
    TemplateInputs probe;
    probe.now = std::tm{};
    probe.addGenerationPrompt = false;
    auto out = renderMessages(probe, json::Value(json::Array{system, user}));
    return out.ok() && out->find(marker) != std::string::npos;
}

namespace {

// System messages are held back and prefixed to the next user message; one with no user
// message after it becomes a user message of its own.
json::Value foldSystemMessages(const json::Value& messages)
{
    json::Array out;
    std::string pending;
    const auto flush = [&] {
        if (pending.empty())
            return;
        json::Value m;
        m.set("role", "user");
        m.set("content", pending);
        out.push_back(std::move(m));
        pending.clear();
    };
    for (const auto& message : messages.asArray()) {
        const std::string role = message.stringOr("role");
        const std::string content = message.stringOr("content");
        if (role == "system") {
            if (!pending.empty())
                pending += "\n";
            pending += content;
            continue;
        }
        if (role == "user" && !pending.empty()) {
            json::Value merged = message;
            merged.set("content", pending + (content.empty() ? "" : "\n" + content));
            pending.clear();
            out.push_back(std::move(merged));
            continue;
        }
        flush();
        out.push_back(message);
    }
    flush();
    return json::Value(std::move(out));
}

} // namespace

Result<std::string> ChatTemplate::render(const TemplateInputs& inputs) const
{
    if (inputs.polyfillSystemRole && !m_supportsSystemRole && inputs.messages.isArray())
        return renderMessages(inputs, foldSystemMessages(inputs.messages));
    return renderMessages(inputs, inputs.messages);
}

Result<std::string> ChatTemplate::renderMessages(const TemplateInputs& inputs, const json::Value& messages) const
{
    if (!m_template)
        return makeError(ErrorCode::InvalidArgument, "chat template: not parsed");
    jinja::RenderContext context;
    if (inputs.now) {
        context.now = *inputs.now;
    } else {
        const std::time_t t = std::time(nullptr);
        localtime_r(&t, &context.now);
    }
    try {
        using jinja::Value;
        Value globals = Value::dict();
        auto& g = globals.asDict();
        g.set(Value("messages"), Value::fromJson(messages));
        g.set(Value("add_generation_prompt"), Value(inputs.addGenerationPrompt));
        g.set(Value("bos_token"), Value(inputs.bosToken));
        g.set(Value("eos_token"), Value(inputs.eosToken));
        g.set(Value("tools"), Value::none());
        g.set(Value("documents"), Value::none());
        if (inputs.extra.isObject())
            for (const auto& [k, v] : inputs.extra.asObject())
                g.set(Value(k), Value::fromJson(v));
        jinja::Interpreter interpreter(m_template, context);
        return interpreter.render(globals);
    } catch (const jinja::TemplateError& e) {
        if (e.kind == jinja::TemplateError::Kind::Raised)
            return makeError(ErrorCode::InvalidArgument, e.what());
        return makeError(codeFor(e), std::string("chat template: ") + e.what());
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("chat template: internal error while rendering: ") + e.what());
    }
}

} // namespace agora::chat
