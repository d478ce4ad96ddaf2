// Collects engine events from the engine thread and lets a test wait for a request's outcome.
#pragma once

#include "agora/engine.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

class EventLog {
public:
    agora::EventCallback callback()
    {
        return [this](const agora::EngineEvent& e) {
            {
                std::lock_guard lock(m_mutex);
                m_events.push_back(e);
            }
            m_changed.notify_all();
        };
    }

    // The Finished or Failed event of `request`, waiting up to `timeout`.
    std::optional<agora::EngineEvent> waitEnd(agora::RequestId request, std::chrono::seconds timeout = std::chrono::seconds(20))
    {
        std::unique_lock lock(m_mutex);
        std::optional<agora::EngineEvent> found;
        m_changed.wait_for(lock, timeout, [&] {
            for (const agora::EngineEvent& e : m_events) {
                if (isEndOf(e, request)) {
                    found = e;
                    return true;
                }
            }
            return false;
        });
        return found;
    }

    agora::event::Finished finished(agora::RequestId request)
    {
        std::optional<agora::EngineEvent> e = waitEnd(request);
        if (!e)
            return agora::event::Finished{request, {}, "<timeout>", {}};
        if (auto* f = std::get_if<agora::event::Failed>(&*e))
            return agora::event::Finished{request, {}, "<failed: " + f->error.message + ">", {}};
        return std::get<agora::event::Finished>(*e);
    }

    // The error of `request` when it failed; nullopt when it succeeded (or timed out).
    std::optional<agora::Error> failure(agora::RequestId request)
    {
        std::optional<agora::EngineEvent> e = waitEnd(request);
        if (e) {
            if (auto* f = std::get_if<agora::event::Failed>(&*e))
                return f->error;
        }
        return std::nullopt;
    }

    template <typename T>
    std::vector<T> all(agora::RequestId request)
    {
        std::lock_guard lock(m_mutex);
        std::vector<T> out;
        for (const agora::EngineEvent& e : m_events) {
            if (auto* t = std::get_if<T>(&e); t && t->request == request)
                out.push_back(*t);
        }
        return out;
    }

    // Waits until `request` has streamed at least `n` deltas.
    bool waitDeltas(agora::RequestId request, size_t n, std::chrono::seconds timeout = std::chrono::seconds(20))
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [&] {
            size_t count = 0;
            for (const agora::EngineEvent& e : m_events) {
                if (auto* d = std::get_if<agora::event::TokenDelta>(&e); d && d->request == request)
                    ++count;
            }
            return count >= n;
        });
    }

private:
    static bool isEndOf(const agora::EngineEvent& e, agora::RequestId request)
    {
        if (auto* f = std::get_if<agora::event::Finished>(&e))
            return f->request == request;
        if (auto* f = std::get_if<agora::event::Failed>(&e))
            return f->request == request;
        if (auto* l = std::get_if<agora::event::Loaded>(&e))
            return l->request == request;
        if (auto* u = std::get_if<agora::event::Unloaded>(&e))
            return u->request == request;
        return false;
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<agora::EngineEvent> m_events;
};
