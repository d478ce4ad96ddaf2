#!/usr/bin/env python3
"""Regenerates template_variant_cases.json: every fixture template rendered by Jinja2 3.1 (the
chat-template environment of make_jinja_cases.py) for conversations beyond the reference set:
tools and tool calls, reasoning_content, thinking switches, several system messages, content
given as parts, and a history without a generation prompt. The test only reads the JSON."""
import glob
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_jinja_cases  # noqa: E402  (the shared environment)

TOOLS = [{"type": "function", "function": {"name": "get_weather", "description": "Get the weather",
          "parameters": {"type": "object", "properties": {"location": {"type": "string", "description": "City"},
                                                           "unit": {"type": "string", "enum": ["c", "f"]}},
                         "required": ["location"]}}}]
CALLS = [{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": {"location": "Paris"}}}]
VARIANTS = {
    "tools_user": {"messages": [{"role": "user", "content": "Weather?"}], "tools": TOOLS},
    "tool_call_flow": {"messages": [
        {"role": "system", "content": "S"}, {"role": "user", "content": "Weather?"},
        {"role": "assistant", "content": "", "tool_calls": CALLS},
        {"role": "tool", "content": "{\"t\": 20}", "tool_call_id": "call_1", "name": "get_weather"},
        {"role": "assistant", "content": "It is 20."}, {"role": "user", "content": "Thanks"}], "tools": TOOLS},
    "reasoning_content": {"messages": [{"role": "user", "content": "Q"},
                                       {"role": "assistant", "content": "A", "reasoning_content": "thinking..."},
                                       {"role": "user", "content": "Q2"}]},
    "thinking_off": {"messages": [{"role": "user", "content": "Q"}], "enable_thinking": False},
    "thinking_on": {"messages": [{"role": "user", "content": "Q"}], "enable_thinking": True},
    "two_systems": {"messages": [{"role": "system", "content": "A"}, {"role": "system", "content": "B"},
                                 {"role": "user", "content": "Q"}]},
    "content_parts": {"messages": [{"role": "user", "content": [{"type": "text", "text": "part one"},
                                                                {"type": "text", "text": "part two"}]}]},
    "history_no_gen": {"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"},
                                    {"role": "user", "content": "c"},
                                    {"role": "assistant", "content": "<think>x</think>d"}],
                       "add_generation_prompt": False},
}


def main(fixtures, path):
    cases = []
    for template in sorted(glob.glob(os.path.join(fixtures, "*.jinja"))):
        source = open(template, encoding="utf-8").read()
        for name, variant in VARIANTS.items():
            context = {"tools": None, "documents": None, "add_generation_prompt": True,
                       "bos_token": "<BOS>", "eos_token": "<EOS>", **variant}
            case = {"template": os.path.basename(template), "variant": name}
            try:
                case["expected"] = make_jinja_cases.env.from_string(source).render(**context)
            except Exception as e:  # noqa: BLE001 - any failure is recorded as expected
                message = f"{type(e).__name__}: {e}"
                case["error"] = message
                if "generator is not JSON serializable" in message:
                    # Jinja2's map/select return lazy generators that json.dumps rejects; ours
                    # return lists. A Python artefact we do not reproduce.
                    case["divergence"] = "lazy generator"
            cases.append(case)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"bos_token": "<BOS>", "eos_token": "<EOS>", "now": "2026-11-28T12:00:00",
                   "variants": VARIANTS, "cases": cases}, f, ensure_ascii=False, indent=0)
        f.write("\n")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../../shared/fixtures/templates"),
         os.path.join(here, "template_variant_cases.json"))
