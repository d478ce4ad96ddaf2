#!/usr/bin/env python3
"""Regenerates whitespace_cases.json: 200 random templates mixing text, newlines, CRLF, tabs,
if/else/for/set/raw/comment tags and {{ }} with every -/+ whitespace-control combination
Jinja2 accepts, with what Jinja2 3.1 renders in the chat-template environment (trim_blocks,
lstrip_blocks). Seeded, so the file is reproducible."""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_jinja_cases  # noqa: E402

TEXTS = ["a", " ", "\n", "  \n", "\t", "b\n  ", "\n\n", " c ", "\r\n"]


def control(rng, allow_plus=True):
    return rng.choice(["", "", "-", "+"] if allow_plus else ["", "-"])


def tag(rng, body):
    return "{%" + control(rng) + " " + body + " " + control(rng) + "%}"


def generate(rng, depth=0):
    out = ""
    for _ in range(rng.randint(1, 5)):
        r = rng.random()
        if r < 0.4:
            out += rng.choice(TEXTS)
        elif r < 0.55:
            out += "{{" + control(rng, False) + " 'x' " + control(rng, False) + "}}"
        elif r < 0.65:
            out += "{#" + control(rng, False) + " c " + control(rng, False) + "#}"
        elif r < 0.72:
            out += tag(rng, "set v = 1")
        elif r < 0.78:
            out += ("{%" + control(rng, False) + " raw " + control(rng, False) + "%}" + rng.choice(TEXTS) + "{{ r }}" +
                    rng.choice(TEXTS) + "{%" + control(rng, False) + " endraw " + control(rng, False) + "%}")
        elif depth < 3:
            kind = rng.choice(["if true", "if false", "for i in [1, 2]"])
            out += tag(rng, kind) + generate(rng, depth + 1)
            if kind.startswith("if") and rng.random() < 0.4:
                out += tag(rng, "else") + generate(rng, depth + 1)
            out += tag(rng, "endif" if kind.startswith("if") else "endfor")
    return out


def main(path):
    rng = random.Random(20261128)
    cases = []
    while len(cases) < 200:
        source = rng.choice(TEXTS) + generate(rng) + rng.choice(TEXTS + [""])
        cases.append({"template": source, "expected": make_jinja_cases.env.from_string(source).render()})
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"cases": cases}, f, ensure_ascii=False, indent=0)
        f.write("\n")


if __name__ == "__main__":
    main(os.path.join(os.path.dirname(os.path.abspath(__file__)), "whitespace_cases.json"))
